// Join (,): vectors of one type stay vectors; anything else makes a general list. Dictionaries merge
// (right wins), tables with the same columns append rows, keyed tables upsert.
import { T, isFloating } from '../value/types.js';
import { Attr, Q, Vec, List, Dict, Table, Atom, count, item, items, fromItems, list, vec, dict, table, isAtom, atomsToVec, isKeyed, vecItem } from '../value/value.js';
import { concat } from '../value/storage.js';
import { appendItems, hasRoom } from '../value/grow.js';
import { QError } from '../value/error.js';
import { find1, findMany, extendIndex } from './find.js';
import { intern, symName, plainNames } from '../value/sym.js';
import { deenum } from '../value/enums.js';
import { appendRows, upsertKeyed } from './tablejoin.js';
import { amend } from './amend.js';
import { index } from './index.js';
import { hooks } from './hooks.js';
import { nameCmp } from '../value/utf8.js';

/** x,y for x,:y (and insert): a vector grows into room behind it, so appending in a loop is not quadratic;
 *  own: x is a table (or keyed table) its variable alone holds, whose general columns take their items where
 *  they stand. */
export const appendJoin = (x: Q, y: Q, own = false): Q => join(x, y, true, own, true);

/** Is list d joined with y still a general list, for certain: some item is not an atom, or two differ in
 *  type (d's first and last, or d's first and one of y's). A list of atoms of one type would become a
 *  vector, which the push in place cannot make (so b,:(`a;1) in a loop was a copy of b each time). */
export function staysGeneral(d: Q[], y: Q): boolean {
  const t = d[0].t;
  if (t >= 0 || d[d.length - 1].t !== t) return true;
  if (y.t < 0) return y.t !== t;
  if (y.t !== T.List) return y.t !== -t;
  return (y as List).d.some(e => e.t !== t);
}
export function join(x: Q, y: Q, grow = false, own = false, typed = false): Q {
  const tx = x.t, ty = y.t;
  const vx = tx > 0 && tx <= T.Enum, vy = ty > 0 && ty <= T.Enum;
  if ((vx || tx < 0 && tx >= -T.Enum) && (vy || ty < 0 && ty >= -T.Enum) && Math.abs(tx) === Math.abs(ty)) {
    const t = Math.abs(tx);
    // enumerations over different domains join as their symbols (atoms alone stay a general list)
    if (t === T.Enum && (x as any).dom !== (y as any).dom) return tx < 0 && ty < 0 ? list([x, y]) : join(deenum(x), deenum(y));
    // a vector that an append made grows into its room (a:a,x in a loop as well as a,:x)
    const dx = dataOf(x, t);
    // (and a long vector joined with a short one gets room too: {x,y}/ over many items, or x:x,y in a loop,
    // then fills it instead of copying x every time)
    const dy = dataOf(y, t), n = dx.length, m = dy.length;
    const r = vec(t, tx > 0 && (grow || hasRoom(dx) || n >= 1024 && 8 * m <= n) ? appendItems(t, dx, dy) : concat(t, [dx, dy]));
    if (t === T.Enum) r.dom = (x as any).dom;
    if (grow && tx > 0 && (x as Vec).a) r.a = keptAttr(x as Vec, r, count(x));
    if (tx > 0) extendIndex(x, r, n);
    return r;
  }
  // an enumeration joined with symbols, when either side is a vector, gives symbols
  if ((Math.abs(tx) === T.Enum && Math.abs(ty) === T.Sym || Math.abs(tx) === T.Sym && Math.abs(ty) === T.Enum) && (tx > 0 || ty > 0)) return join(deenum(x), deenum(y));
  // tables gain rows and keyed tables upsert (tablejoin.ts)
  // (a general list joins as rows when it is one row or a list of rows of the table's width; any other is
  // a list of items, and the table's rows join it as dictionaries: t,enlist () has three items)
  // (and no rows join as none: t,() is t, as raze of a column with () cells needs, TorQ-Bikes' bike_list)
  if (tx === T.Table && ty === T.List && !count(y)) return x;
  if (tx === T.Table && (ty === T.Table || isKeyed(y) || ty === T.List && rowsOf(x as Table, y as List) || ty > 0 && ty < 20 || ty === T.Dict && (y as Dict).k.t === T.Sym)) return appendRows(x as Table, y, grow, own);
  // (a keyed table likewise: k,() is k, as a config reader's (1!x),$[..;1!y;()] counts on)
  if (isKeyed(x) && ty === T.List && !count(y)) return x;
  if (isKeyed(x) && (ty === T.Table || ty === T.List || ty > 0 && ty < 20 || ty === T.Dict && ((y as Dict).k.t === T.Sym || isKeyed(y)))) return upsertKeyed(x as Dict, y, own, typed);
  // a row joined with a keyed table takes the value columns of its key's row there, nulls when it has none:
  // lj is t,\:kt (kdb+'s q.k), so d,kt is the row that lj gives (egor7's notes: `n`m1!1 10 joined with
  // ([n:1 20]v1:11 21) is `n`m1`v1!1 10 11)
  if (tx === T.Dict && !isKeyed(x) && (x as Dict).k.t === T.Sym && isKeyed(y)) {
    const d = x as Dict, row = table(Array.from((d.k as Vec).d as Int32Array, symName), items(d.v).map(v => fromItems([v])));
    return item(hooks.lj(row, y), 0);
  }
  // a keyed table's keys are a table: another dictionary's keys cannot join them
  if (tx === T.Dict && ty === T.Dict && isKeyed(x) !== isKeyed(y)) throw new QError('type');
  if (tx === T.Dict && ty === T.Dict) return joinDicts(x as Dict, y as Dict);
  // empty general list joins adopt the other side's type
  // (a table is its rows, and joins a general list so: (1;2),t has four items)
  // (and an atom joins a table's rows as one more item: `a,([]b:1 2) has three, a KX course notebook on kdb+ 4)
  const xs = tx >= 0 && tx < T.Table || tx === T.Table && (ty >= 0 && ty < T.Table || ty < 0) ? items(x) : [x];
  const ys = ty >= 0 && ty < T.Table || ty === T.Table && (tx >= 0 && tx < T.Table || tx < 0) ? items(y) : [y];
  // (a dictionary or keyed table too: d,:kt on a name not yet defined starts from (), as tick/c.q's .u.q,:)
  if (tx === T.List && count(x) === 0 && (vy || ty === T.Table || ty === T.Dict)) return y;
  if (ty === T.List && count(y) === 0 && (vx || tx === T.Table || tx === T.Dict)) return x;
  // an atom or list joined to a dictionary is a type error
  if ((tx === T.Dict) !== (ty === T.Dict)) throw new QError('type');
  // (a big one only when the engine's heap has room for it)
  if (xs.length + ys.length > 1 << 20) hooks.roomFor(xs.length + ys.length);
  // (concat copies in one block: a spread grows its array item by item, four times slower on long lists)
  const r = fromItems(xs.concat(ys));
  if (tx === T.List && r.t === T.List) extendIndex(x, r, xs.length);
  return r;
}

/** Is the general list y rows for table t: none, one row of its width, or a list of such rows? */
function rowsOf(t: Table, y: List): boolean {
  const w = t.c.length, d = y.d, isRow = (r: Q) => (r.t === T.List || r.t > 0 && r.t < 20) && count(r) === w;
  return !d.length || d.length === w && !d.every(isRow) || d.every(isRow);
}

/** ref/set-attribute: s, u and g are kept on an append in memory "if possible": s while the items stay
 *  in order, u while they stay distinct, g always; p never (r is x's n items followed by the new ones). */
function keptAttr(x: Vec, r: Vec, n: number): Attr {
  const m = count(r);
  if (x.a === Attr.G) return Attr.G;
  // (an enumeration's order is its symbols', not its indices': not checked here, so not kept)
  if (x.a === Attr.S) { if (x.t === T.Enum) return Attr.None; for (let i = Math.max(n, 1); i < m; i++) if (compareAt(r, i - 1, i) > 0) return Attr.None; return Attr.S; }
  if (x.a === Attr.U) {
    // the new items are distinct among themselves and none is already in x (a few, each through x's
    // index: a u# vector grown a key at a time is not searched whole each time)
    if (m - n <= 4 && r.t !== T.Guid) {
      for (let i = n; i < m; i++) { const e = vecItem(r, i); if (find1(x, e) !== n) return Attr.None; for (let j = n; j < i; j++) if (compareAt(r, j, i) === 0) return Attr.None; }
      return Attr.U;
    }
    const ys = vec(r.t, r.d.subarray(n * (r.t === T.Guid ? 16 : 1)) as never), inY = findMany(ys, ys), inX = findMany(x, ys);
    for (let i = 0; i < m - n; i++) if (Number(inY[i]) !== i || Number(inX[i]) !== n) return Attr.None;
    return Attr.U;
  }
  return Attr.None;
}
/** Order of items i and j of a vector as iasc has it (null first; symbols and guids by their bytes). */
export function compareAt(v: Vec, i: number, j: number): number {
  const d = v.d as any;
  if (v.t === T.Guid) { for (let k = 0; k < 16; k++) { const a = d[16 * i + k], b = d[16 * j + k]; if (a !== b) return a - b; } return 0; }
  let a = d[i], b = d[j];
  if (v.t === T.Sym) { a = symName(a); b = symName(b); if (!plainNames([d[i], d[j]])) return nameCmp(a, b); }
  if (isFloating(v.t)) { if (a !== a) return b !== b ? 0 : -1; if (b !== b) return 1; }
  return a < b ? -1 : a > b ? 1 : 0;
}

function dataOf(x: Q, t: number) {
  if (x.t > 0) return (x as Vec).d;
  const a = x as Atom;
  return atomsToVec(t, [a]).d;
}

function joinDicts(a: Dict, b: Dict): Q {
  // y's keys found among x's all at once (a hash), where a search for each was quadratic: x's values at
  // the keys found replaced by y's, the keys not found appended with theirs. A key y holds twice takes its
  // last value, appended where it first comes, as one key after the other would leave it.
  const ak = a.k, yk = b.k, av = a.v, yv = b.v, m = count(yk);
  // (nothing to join keeps x's types, which items rebuilt would lose: D,D of empty typed D)
  if (!m) return a;
  // values of one type, or a general list of them in x, take y's by amend and join; others rebuild
  if (av.t === yv.t && av.t > 0 && av.t < T.Enum || av.t === T.List && yv.t >= 0 && yv.t < T.Enum) {
    const p = findMany(ak, yk), self = findMany(yk, yk), n = count(ak);
    const hitA: number[] = [], hitB: number[] = [], firsts: number[] = [], last = new Map<number, number>();
    for (let j = 0; j < m; j++) {
      if (p[j] < n) { hitA.push(p[j]); hitB.push(j); continue; }
      if (self[j] === j) firsts.push(j);
      last.set(self[j], j);
    }
    const at = (xs: number[]) => ({ t: T.Int, d: Int32Array.from(xs), a: 0 }) as Q;
    const vals = hitA.length ? amend(av, [at(hitA)], null, index(yv, at(hitB))) : av;
    if (!firsts.length) return dict(ak, vals);
    return dict(join(ak, index(yk, at(firsts))), join(vals, index(yv, at(firsts.map(j => last.get(j)!)))));
  }
  const keys = items(a.k).slice(), vals = items(a.v).slice();
  const bk = items(b.k), bv = items(b.v);
  for (let j = 0; j < bk.length; j++) {
    const p = find1(fromItems(keys), bk[j]);
    if (p < keys.length) vals[p] = bv[j]; else { keys.push(bk[j]); vals.push(bv[j]); }
  }
  return dict(fromItems(keys), fromItems(vals));
}

const keyOf = (x: Q): any => x.t < 0 ? (typeof (x as Atom).v === 'bigint' ? String((x as Atom).v) : (x as Atom).v) : JSON.stringify(items(x).map(keyOf));
export { intern };

// Join (,): vectors of one type stay vectors; anything else makes a general list. Dictionaries merge
// (right wins), tables with the same columns append rows, keyed tables upsert.
import { T } from '../value/types.js';
import { Q, Vec, List, Dict, Table, Atom, count, items, fromItems, list, vec, dict, table, isAtom, atomsToVec } from '../value/value.js';
import { concat } from '../value/storage.js';
import { QError } from '../value/error.js';
import { find1 } from './find.js';
import { intern } from '../value/sym.js';

export function join(x: Q, y: Q): Q {
  const tx = x.t, ty = y.t;
  const vx = tx > 0 && tx <= T.Enum, vy = ty > 0 && ty <= T.Enum;
  if ((vx || tx < 0 && tx >= -T.Enum) && (vy || ty < 0 && ty >= -T.Enum) && Math.abs(tx) === Math.abs(ty)) {
    const t = Math.abs(tx);
    if (t === T.Enum && (x as any).dom !== (y as any).dom) return list([...items(x), ...items(y)]);
    const r = vec(t, concat(t, [dataOf(x, t), dataOf(y, t)]));
    if (t === T.Enum) r.dom = (x as any).dom;
    return r;
  }
  if (tx === T.Table && ty === T.Table) return joinTables(x as Table, y as Table);
  // a table joined with a list of one value per column gains that row
  if (tx === T.Table && (ty === T.List || (ty > 0 && ty < 20)) && count(y) === (x as Table).c.length) return joinTables(x as Table, { t: T.Table, c: (x as Table).c, d: items(y).map(v => v.t < 0 ? fromItems([v]) : list([v])) });
  if (tx === T.Dict && ty === T.Dict) return joinDicts(x as Dict, y as Dict);
  if (tx === T.Table && ty === T.Dict && (y as Dict).k.t === T.Sym) return joinTables(x as Table, { t: T.Table, c: items((y as Dict).k).map(k => (k as Atom).v), d: items((y as Dict).v).map(v => fromItems([v])) });
  // empty general list joins adopt the other side's type
  const xs = tx >= 0 && tx < T.Table ? items(x) : [x];
  const ys = ty >= 0 && ty < T.Table ? items(y) : [y];
  if (tx === T.List && count(x) === 0 && vy) return y;
  if (ty === T.List && count(y) === 0 && vx) return x;
  // an atom or list joined to a dictionary is a type error
  if ((tx === T.Dict) !== (ty === T.Dict)) throw new QError('type');
  return fromItems([...xs, ...ys]);
}

function dataOf(x: Q, t: number) {
  if (x.t > 0) return (x as Vec).d;
  const a = x as Atom;
  return atomsToVec(t, [a]).d;
}

function joinTables(a: Table, b: Table): Table {
  if (a.c.length !== b.c.length || !a.c.every(c => b.c.includes(c))) throw new QError('mismatch');
  return table(a.c, a.c.map((c, i) => join(a.d[i], b.d[b.c.indexOf(c)])));
}

function joinDicts(a: Dict, b: Dict): Q {
  if (a.k.t === T.Table && b.k.t === T.Table) return upsertKeyed(a, b);
  const keys = items(a.k).slice(), vals = items(a.v).slice();
  const bk = items(b.k), bv = items(b.v);
  for (let j = 0; j < bk.length; j++) {
    const p = find1(fromItems(keys), bk[j]);
    if (p < keys.length) vals[p] = bv[j]; else { keys.push(bk[j]); vals.push(bv[j]); }
  }
  return dict(fromItems(keys), a.v.t === T.Table ? a.v : fromItems(vals));
}

function upsertKeyed(a: Dict, b: Dict): Q {
  const ak = a.k as Table, av = a.v as Table, bk = b.k as Table, bv = b.v as Table;
  const rowKey = (t: Table, i: number) => JSON.stringify(t.d.map(c => keyOf(items(c)[i])));
  const index = new Map<string, number>();
  const n = count(ak);
  for (let i = 0; i < n; i++) index.set(rowKey(ak, i), i);
  const kcols = ak.d.map(c => items(c).slice()), vcols = av.d.map(c => items(c).slice());
  const bkc = bk.d.map(c => items(c)), bvc = av.c.map(c => { const j = bv.c.indexOf(c); return j < 0 ? null : items(bv.d[j]); });
  for (let i = 0; i < count(bk); i++) {
    const k = rowKey(bk, i), p = index.get(k);
    if (p !== undefined) vcols.forEach((col, c) => { if (bvc[c]) col[p] = bvc[c]![i]; });
    else { index.set(k, kcols[0].length); kcols.forEach((col, c) => col.push(bkc[c][i])); vcols.forEach((col, c) => col.push(bvc[c] ? bvc[c]![i] : col[0])); }
  }
  return dict(table(ak.c, kcols.map(fromItems)), table(av.c, vcols.map(fromItems)));
}
const keyOf = (x: Q): any => x.t < 0 ? (typeof (x as Atom).v === 'bigint' ? String((x as Atom).v) : (x as Atom).v) : JSON.stringify(items(x).map(keyOf));
export { intern };

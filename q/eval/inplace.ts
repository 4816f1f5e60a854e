// Amends made where the value stands. Values are shared, not counted, so an amend copies; but a value
// its variable alone holds (marked by the amend that made it, until anything reads it whole) can take
// the next amend in place: a[i]:v, d[k]:v at a key d lacks, m[i;j]:v, and @[`g;i;f;y] by name. A loop of
// them was a copy of the whole value each time.
import { T } from '../value/types.js';
import { Q, Atom, Vec, List, Dict, Table, count, item, items, sym, vec, dict, table, sliceQ } from '../value/value.js';
import { intern } from '../value/sym.js';
import { apply } from '../prims/apply.js';
import { PRIMS } from '../prims/registry.js';
import { amend, newKeyValue } from '../prims/amend.js';
import { index, oneKey, keyRow } from '../prims/index.js';
import { forgetIndex, find1, extendIndex } from '../prims/find.js';
import { match } from '../prims/match.js';
import { appendJoin, staysGeneral } from '../prims/join.js';
import { env, type Held } from './env.js';
import { setGlobal } from './names.js';

/** An amend that can be made in place: what the variable holds after it (its value, or a dictionary grown
 *  by a key), and commit, which makes the change and gives the assignment's value. Nothing is changed
 *  before commit: the caller sets the variable first, which may refuse (reval's 'noupdate), and a refused
 *  amend leaves the value as it was. */
export type InPlace = { value: Q; commit: () => Q } | Cell | Row;
/** One item replaced, the common case, made without a closure: x[p] becomes v. */
type Cell = { x: Vec; p: number; v: Q };
/** A row of a list (a dictionary's value, a table's column) replaced by v, or changed at a cell first
 *  (at); the assignment's value is x[i] after it when there is an op, else y (x whole where indexing
 *  cannot say). Made without a closure, as a cell is: a loop of d[`a;i]:v makes one record each. */
type Row = { l: Vec; p: number; v: Q; at: Cell | null; op: Q | null; rest: Q[]; y: Q; x: Q };
/** What the variable holds after the amend: its value x, unless a key grew it. */
export const valueAfter = (d: InPlace, x: Q): Q => 'commit' in d ? d.value : x;
/** Make the change; the assignment's value. */
export const commit = (d: InPlace): Q => {
  if ('commit' in d) return d.commit();
  if ('l' in d) {
    if (d.at) setItem(d.at.x, d.at.p, d.at.v);
    setItem(d.l, d.p, d.v);
    return (d.op ? itemsAt(d.v, d.rest) : d.y) ?? d.x;
  }
  setItem(d.x, d.p, d.v); return d.v;
};

/** x[idx] op:y (op null for x[idx]:y) made where x stands, x being held by owner alone (a local's frame,
 *  a global's full name); null when the whole amend must run. */
export function inPlace(x: Q | undefined, owner: unknown, idx: Q[], op: Q | null, y: Q): InPlace | null {
  if (x === undefined || (x as Owned).own !== owner) return null;
  const at = cell(x, owner, idx, op, y);
  if (at) return at;
  return cells(x, owner, idx, op, y) ?? grownKey(x, owner, idx, op, y) ?? grownKeyedRow(x, owner, idx, op, y) ?? row(x, owner, idx, op, y);
}

/** x[i] after x[i]op:y, as the assignment's value; null (the whole of x) where indexing cannot say, as
 *  for an index a table's amend reads differently */
export function itemsAt(x: Q, idx: Q[]): Q | null {
  try { return apply(x, idx); } catch { return null; }
}

/** A vector marked as held by one variable alone: a lambda call's local (the mark is its frame) or a
 *  global (its full name), made by an amend of that variable and read since only at single positions.
 *  Any whole read (ev of a local's name, any read of the globals' map) clears the mark. */
export type Owned = Held;
/** The atom x[i] op:y (or x[i]:y) puts at position i, when it can go there in place: x a simple vector
 *  without attribute that owner holds alone, i one position within it, and the new item an atom of x's
 *  own type; null otherwise (nothing done). */
function cell(x: Q | undefined, owner: unknown, idx: Q[], op: Q | null, y: Q): Cell | null {
  if (x === undefined || (x as Owned).own !== owner || idx.length !== 1) return null;
  const i = idx[0];
  let p: number;
  if (x.t === T.Dict) {
    // d[k]:v at a key d has (of a vector of keys): its values in place
    const k = (x as Dict).k;
    if (!(k.t > 0 && k.t < T.Enum && i.t === -k.t)) return null;
    p = find1(k, i);
    x = (x as Dict).v;
  } else {
    if (i.t !== -T.Long && i.t !== -T.Int) return null;
    p = Number((i as Atom).v);
  }
  const n = count(x);
  if (!ownable(x) || (x as Vec).a || !(p >= 0 && p < n)) return null;
  const v = op ? apply(op, [item(x, p), y]) : y;
  if (x.t !== T.List) return v.t === -x.t ? { x: x as Vec, p, v } : null;
  // a general list stays one: an atom goes in only where another item shows that not every item would be
  // an atom of its type (else the amend makes a vector of them)
  if (v.t < 0) { const w = (x as List).d[p === 0 ? 1 : 0]; if (n < 2 || w.t === v.t) return null; }
  return { x: x as Vec, p, v };
}
/** x[i] op:y (or x[i]:y) for i a vector of positions within x, a simple vector without attribute that
 *  owner holds alone (@[`a;x*til n;+;1] in a loop copied all of a each time): every new item worked out
 *  first, so that commit only writes them. Null when an item would not be of x's type, or y does not
 *  pair with i: the whole amend decides (and signals). */
function cells(x: Q, owner: unknown, idx: Q[], op: Q | null, y: Q): InPlace | null {
  if (idx.length !== 1 || !ownable(x) || x.t === T.List || (x as Vec).a) return null;
  const i = idx[0];
  if (i.t !== T.Long && i.t !== T.Int) return null;
  const id = (i as Vec).d, n = id.length, c = count(x), pairY = y.t >= 0;
  if (pairY && (y.t > T.Enum && y.t !== T.List || count(y) !== n)) return null;
  const ps = new Int32Array(n);
  let rising = true;
  for (let k = 0; k < n; k++) {
    const p = Number(id[k]);
    if (!(p >= 0 && p < c)) return null;
    if (k && p <= ps[k - 1]) rising = false;
    ps[k] = p;
  }
  const write = (v: Vec): InPlace => ({ value: x, commit: () => {
    const d = (x as Vec).d as unknown as (number | bigint)[], w = v.d as unknown as (number | bigint)[];
    for (let k = 0; k < n; k++) d[ps[k]] = w[k];
    forgetIndex(d);
    return op ? v : y;
  } });
  // an atomic op (the primitives' table says which) at positions none of which repeats: applied to all
  // the items at once, as it would be to each (the new items are the assignment's value); x[i]:y of x's
  // type: y's items as they are
  if (op ? rising && op.t === T.Op && PRIMS[(op as { name?: string }).name!]?.atomic : y.t === x.t) {
    const v = op ? apply(op, [index(x, vec(T.Int, ps)), y]) : y;
    return v.t === x.t && count(v) === n ? write(v as Vec) : null;
  }
  // else each in order, a repeated position seeing the change before it
  const vs = new Array<Q>(n), now = op ? new Map<number, Q>() : null;
  for (let k = 0; k < n; k++) {
    const p = ps[k], yk = pairY ? item(y, k) : y;
    const v = op ? apply(op, [now!.get(p) ?? item(x, p), yk]) : yk;
    if (v.t !== -x.t) return null;
    if (now) now.set(p, v);
    vs[k] = v;
  }
  return { value: x, commit: () => {
    const d = (x as Vec).d as unknown as (number | bigint)[];
    if (x.t === T.Sym) for (let k = 0; k < n; k++) d[ps[k]] = intern((vs[k] as Atom).v as string);
    else for (let k = 0; k < n; k++) d[ps[k]] = (vs[k] as Atom).v as number | bigint;
    forgetIndex(d);
    return op ? itemsAt(x, idx) ?? x : y;
  } };
}
/** @[`g;i;f;y] and .[`g;i;f;y] (idx: i, or i's items) on global g: as g[i]:y and g[i]f:y are, changed where
 *  it stands when g alone holds its value; else by whole() (the amend as it always ran), whose copy g
 *  then holds alone. The name. */
export function amendGlobal(name: string, idx: Q[], f: Q, y: Q, whole: () => Q): Q {
  const full = env.full(name), held = env.globals.peek(full);
  const op = f.t === T.Op && (f as { name?: string }).name === ':' ? null : f;
  if (held !== undefined && (held as Owned).own === full) {
    const done = inPlace(held, full, idx, op, y);
    // (the change is still a change: refused under reval, as setting it is, before anything is changed)
    if (done) { setGlobal(name, valueAfter(done, held)); commit(done); return sym(name); }
  }
  const r = whole(), after = env.globals.peek(full);
  if (after !== undefined && after !== held && after !== y && held !== undefined) {
    if (claims(held, after, (held as Owned).own === full)) (after as Owned).own = full;
    else { const k = claimKeyed(held, after); if (k) { (k as Owned).own = full; env.globals.set(full, k); } }
  }
  return r;
}
/** Whether global name's value is its alone (made by its last change, not read whole since), and how to mark
 *  a value a change makes as its alone: insert and upsert by name (tables.ts). */
export function ownGlobal(name: string): { mine: boolean; mark: (v: Q) => void } {
  const full = env.full(name), held = env.globals.peek(full);
  return { mine: held !== undefined && (held as Owned).own === full, mark: v => { (v as Owned).own = full; } };
}
/** For d[k]:y on a dictionary the variable alone holds, of a vector of keys without k and general values
 *  that stay general with y: d with k and y appended (the keys grow into room behind them, y is pushed
 *  onto the values); null otherwise. */
function grownKey(x: Q | undefined, owner: unknown, idx: Q[], op: Q | null, y: Q): InPlace | null {
  // (d[k] op: y too, with op a primitive, whose value for the new key is as the whole amend makes it: a
  // lambda is not run here, where the whole amend might run it again)
  if (x === undefined || (x as Owned).own !== owner || idx.length !== 1 || op && !(op.t === T.Op || op.t === T.Unary) || x.t !== T.Dict) return null;
  const { k, v } = x as Dict, i = idx[0];
  if (k.t === T.List) return grownListKey(x as Dict, owner, i, op, y);
  if (!(k.t > 0 && k.t < T.Enum && k.t !== T.Guid && !(k as Vec).a && i.t === -k.t) || v.t !== T.List) return null;
  const d = (v as List).d, n = count(k);
  if (!n || d.length !== n || find1(k, i) !== n) return null;
  const nv = op ? newKeyValue(x as Dict, op, y) : y;
  if (!(nv.t >= 0 || staysGeneral(d, nv))) return null;
  // (the keys grow into room behind them, which nothing else sees; the values only when committed)
  const r = { ...(x as Dict), k: appendJoin(k, i) } as Dict;
  (r as Owned).own = owner;
  return { value: r, commit: () => { d.push(nv); forgetIndex(d); return nv; } };
}
/** grownKey for keys that are a general list (strings, byte vectors: a cache keyed by -8! of arguments),
 *  i a new one of them: both pushed on commit, the keys' search index taking the new key. (The keys and
 *  values of a dictionary its variable alone holds are its own, as the values are above: the amend that
 *  made it copied both, and any whole read since would have ended the variable's hold.) */
function grownListKey(x: Dict, owner: unknown, i: Q, op: Q | null, y: Q): InPlace | null {
  const kd = (x.k as List).d, v = x.v, n = kd.length;
  // (keys made for this very dictionary, amend.ts atDictKey: another that an amend at an old key made
  // shares them with the one before, which someone may hold)
  if ((x.k as Owned).own !== x) return null;
  if (!n || count(v) !== n || !oneKey(x.k, i) || find1(x.k, i) !== n || !staysGeneral(kd, i)) return null;
  const nv = op ? newKeyValue(x, op, y) : y;
  if (v.t === T.List) {
    const d = (v as List).d;
    if (!(nv.t >= 0 || staysGeneral(d, nv))) return null;
    return { value: x, commit: () => { kd.push(i); extendIndex(x.k, x.k, n); d.push(nv); forgetIndex(d); return nv; } };
  }
  // values a vector, the new one an atom of its type: they grow into room behind them, which nothing else sees
  if (!(v.t > 0 && v.t < T.Enum && v.t !== T.Guid && !(v as Vec).a && nv.t === -v.t)) return null;
  const r = { ...x, v: appendJoin(v, nv) } as Dict;
  (r as Owned).own = owner;
  return { value: r, commit: () => { kd.push(i); extendIndex(x.k, x.k, n); (x.k as Owned).own = r; return nv; } };
}
/** For kt[k]:y on a keyed table the variable alone holds, of one key column, k a key it lacks and y the
 *  new row's values (a list of them, or an atom for one column): the row appended, typed columns grown
 *  into room behind them (which nothing else sees) and general ones, the table's own (marked so by the
 *  amend or append that made them), pushed onto when committed; null where the whole amend must run (an
 *  item of another type, an attribute, a column not the table's alone). */
function grownKeyedRow(x: Q | undefined, owner: unknown, idx: Q[], op: Q | null, y: Q): InPlace | null {
  if (x === undefined || (x as Owned).own !== owner || idx.length !== 1 || op || x.t !== T.Dict || (x as Dict).k.t !== T.Table || (x as Dict).v.t !== T.Table) return null;
  const kt = (x as Dict).k as Table, vt = (x as Dict).v as Table, i = idx[0], kc = kt.d[0];
  if (kt.c.length !== 1 || !(kc.t > 0 && kc.t < T.Enum && kc.t !== T.Guid && !(kc as Vec).a && i.t === -kc.t) || keyRow(x as Dict, i) >= 0) return null;
  const vals = y.t >= 0 && y.t < T.Table ? (count(y) === vt.c.length ? items(y) : null) : y.t < 0 && vt.c.length === 1 ? [y] : null;
  if (!vals) return null;
  const cols: Q[] = [], pushes: [List, Q][] = [];
  for (let j = 0; j < vt.c.length; j++) {
    const c = vt.d[j], v = vals[j];
    if (c.t > 0 && c.t < T.Enum && c.t !== T.Guid && !(c as Vec).a && v.t === -c.t) cols.push(appendJoin(c, v));
    else if (c.t === T.List && (c as Owned).own === vt.d && count(c) && staysGeneral((c as List).d, v)) { cols.push(c); pushes.push([c as List, v]); }
    else return null;
  }
  const nvt = table(vt.c, cols), r = dict(table(kt.c, [appendJoin(kc, i)]), nvt);
  (r as Owned).own = owner;
  return { value: r, commit: () => { for (const [c, v] of pushes) { c.d.push(v); forgetIndex(c.d); (c as Owned).own = nvt.d; } return y; } };
}
/** For x[i;j…]:y on a general list x the variable alone holds, with i an index of x (or a dictionary of
 *  such values and i a key it has): x's item i with the rest of the amend made, to be put back at p of the
 *  list that holds it. The item is a copy the first time, marked as the list's own; while the list is its
 *  variable's alone, nothing else can hold that copy, so later amends change it where it stands (a long
 *  row amended cell by cell is not copied each time). Null when the whole amend must run. */
function row(x: Q | undefined, owner: unknown, idx: Q[], op: Q | null, y: Q): InPlace | null {
  if (x === undefined || (x as Owned).own !== owner || idx.length < 2) return null;
  let i = idx[0], rest = idx.slice(1);
  // l: the list that holds the row (for a table, its columns); tok: what marks a row as that list's own
  let p: number, l: Q, tok: unknown;
  if (x.t === T.Table) {
    // t[`c;i] or t[i;`c]: column c amended at row i
    const tb = x as Table;
    if (i.t !== -T.Sym) {
      if (!(idx.length === 2 && (i.t === -T.Long || i.t === -T.Int) && idx[1].t === -T.Sym)) return null;
      [i, rest] = [idx[1], [i]];
    }
    const r = rest[0];
    if (rest.length !== 1 || (r.t !== -T.Long && r.t !== -T.Int) || !(Number((r as Atom).v) >= 0 && Number((r as Atom).v) < count(x))) return null;
    p = tb.c.indexOf((i as Atom).v as string);
    l = { t: T.List, d: tb.d } as List; tok = tb.d;
  } else if (x.t === T.Dict) {
    const k = (x as Dict).k;
    l = tok = (x as Dict).v;
    if (!(k.t > 0 && k.t < T.Enum && i.t === -k.t) || l.t !== T.List || count(k) !== count(l)) return null;
    p = find1(k, i);
  } else {
    if (i.t !== -T.Long && i.t !== -T.Int) return null;
    l = tok = x; p = Number((i as Atom).v);
  }
  const d = (l as List).d;
  if (l.t !== T.List || (l as List).a || !(p >= 0 && p < d.length) || d[p].t < 0 || d[p].t > T.Enum && d[p].t !== T.List && !(d[p].t === T.Dict && x.t !== T.Table)) return null;
  const it = d[p];
  if ((it as Owned).own === tok) {
    const at = rest.length === 1 ? cell(it, tok, rest, op, y) : null;
    if (at) return { l: l as Vec, p, v: it, at, op, rest, y, x };
  }
  const v = amend(it, rest, op, y);
  // (the list stays general: its item is still a list, or a dictionary that some other item does not
  // conform to, where the whole amend would make a table of conforming ones; a table's column keeps its
  // type, as the whole amend decides otherwise)
  if (v.t === T.Dict && it.t === T.Dict ? !unlike(d, p, v as Dict) : !(v.t >= 0 && v.t <= T.Enum) || x.t === T.Table && (v.t !== it.t || count(v) !== count(it))) return null;
  if (v !== it && v !== y && ownable(v)) (v as Owned).own = tok;
  return { l: l as Vec, p, v, at: null, op, rest, y, x };
}
/** Whether some item of general list d other than the one at p is no dictionary with v's keys (so that d
 *  with v at p is no list of conforming dictionaries, which would be a table): the first other item is
 *  asked, as a row of dictionaries of their own keys (a graph's edges by node) answers at once. */
function unlike(d: Q[], p: number, v: Dict): boolean {
  if (d.length < 2 || v.k.t === T.Table) return false;
  const o = d[p === 0 ? 1 : 0];
  return o.t !== T.Dict || !match((o as Dict).k, v.k);
}
/** Is r, the value an amend of c made, its variable's alone: a vector or list (a copy), a table (whose
 *  columns are its own only as each is marked), a dictionary whose values are a copy, or one grown by keys
 *  from c when c was the variable's (wasOwn) or its values are a general list made afresh. */
export function claims(c: Q, r: Q, wasOwn: boolean): boolean {
  return ownable(r) || r.t === T.Table || freshValues(c, r) || appended(c, r) && (wasOwn || (r as Dict).v.t === T.List
    || (r as Dict).k.t === T.List && !sharesRoom((c as Dict).v, (r as Dict).v));
}
/** For r, a keyed table an amend made from c by appending rows: r with each typed column that grew into
 *  room it shares with c's copied, and its general columns (made afresh by the join) marked as its value
 *  table's own, so that the variable can hold it alone and take its next rows where it stands
 *  (grownKeyedRow); null for anything else. One copy, where each row after it would have copied all. */
export function claimKeyed(c: Q, r: Q): Q | null {
  if (c.t !== T.Dict || r.t !== T.Dict || (c as Dict).k.t !== T.Table || (r as Dict).k.t !== T.Table || (c as Dict).v.t !== T.Table || (r as Dict).v.t !== T.Table) return null;
  const ck = (c as Dict).k as Table, cv = (c as Dict).v as Table, rk = (r as Dict).k as Table, rv = (r as Dict).v as Table;
  if (count(r) <= count(c) || rk.c.length !== ck.c.length || rv.c.length !== cv.c.length || rv.d.some((col, j) => col.t === T.List && col === cv.d[j])) return null;
  const unshared = (cols: Q[], old: Q[]) => cols.map((col, j) => col.t > 0 && col.t < T.Enum && sharesRoom(old[j], col) ? sliceQ(col, 0, count(col)) : col);
  const nv = table(rv.c, unshared(rv.d, cv.d));
  for (const col of nv.d) if (col.t === T.List) (col as Owned).own = nv.d;
  return dict(table(rk.c, unshared(rk.d, ck.d)), nv);
}
/** Whether vector b was grown from a into room behind a's items (the same storage, from the same place):
 *  a change in place to b's first items would show in a. */
function sharesRoom(a: Q, b: Q): boolean {
  const x = (a as Vec).d, y = (b as Vec).d;
  return !!x && !!y && x.buffer === y.buffer && x.byteOffset === y.byteOffset;
}
/** Whether amend made dictionary r from c by appending keys: r's keys and values are grown ones. */
function appended(c: Q, r: Q): boolean {
  return c.t === T.Dict && r.t === T.Dict && (c as Dict).k.t !== T.Table && count((r as Dict).k) > count((c as Dict).k) && ownable((r as Dict).v) && (r as Dict).v !== (c as Dict).v;
}
/** Whether amend made dictionary r from c by replacing values at keys c had: r's values are a copy. */
function freshValues(c: Q, r: Q): boolean {
  return c.t === T.Dict && r.t === T.Dict && (r as Dict).k === (c as Dict).k && (r as Dict).v !== (c as Dict).v && ownable((r as Dict).v) && count((r as Dict).v) === count((c as Dict).v);
}
/** Whether a variable's vector can be marked as its own: a simple vector (not guids: their items are
 *  objects) or a general list (its items are never changed, only replaced). */
function ownable(x: Q): boolean {
  return x.t >= 0 && x.t < 20 && x.t !== T.Guid;
}
function setItem(x: Vec, p: number, v: Q): void {
  (x.d as any)[p] = x.t === T.List ? v : x.t === T.Sym ? intern((v as Atom).v as string) : (v as Atom).v;
  // (a hash index of its items, built for finds, no longer holds)
  forgetIndex(x.d);
}


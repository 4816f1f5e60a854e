// Join (,) on tables: a table gains rows (from a table with the same columns in any order, a
// dictionary row, one row as a list of column values, or a list of such rows); a keyed table upserts
// (matching keys replace the value columns given, new keys append with nulls for the columns not given).
import { T } from '../value/types.js';
import { from } from '../value/storage.js';
import { Q, Atom, Vec, List, Dict, Table, count, item, items, fromItems, list, dict, table, nullItem, isKeyed } from '../value/value.js';
import { QError } from '../value/error.js';
import { index } from './index.js';
import { join, staysGeneral } from './join.js';
import { forgetIndex } from './find.js';
import { keyText } from './list.js';
import { amend } from './amend.js';
import { jointIds } from './groupby.js';
import { intLong } from './conv.js';
import * as kernels from '../kernels/index.js';

// (from: a view set from the array; Int32Array.from walks an iterator, 250 ns for a row or none)
const ints = (xs: ArrayLike<number>): Q => ({ t: T.Int, d: from(T.Int, xs), a: 0 } as Q);
const symKeys = (d: Dict) => d.k.t === T.Sym;
const col = (t: Table, c: string) => t.d[t.c.indexOf(c)];

/** y as rows with the columns c: a table, a dictionary row, one row of values, or a list of rows. */
export function asRows(c: string[], y: Q): Table {
  if (y.t === T.Table) return y as Table;
  if (isKeyed(y)) { const d = y as Dict, k = d.k as Table, v = d.v as Table; return table([...k.c, ...v.c], [...k.d, ...v.d]); }
  if (y.t === T.Dict && symKeys(y as Dict)) {
    const d = y as Dict;
    return table(items(d.k).map(k => (k as Atom).v), items(d.v).map(v => wrap1(v)));
  }
  if (y.t === T.List || y.t > 0 && y.t < 20) {
    const vals = items(y);
    // a list of rows: every item a list of one value per column, as (7 8;9 10) is to a two-column table
    if (vals.length && vals.every(r => (r.t === T.List || r.t > 0 && r.t < 20) && count(r) === c.length))
      return table(c, c.map((_, j) => fromItems(vals.map(r => item(r, j)))));
    if (vals.length !== c.length) throw new QError('length');
    return table(c, vals.map(wrap1));
  }
  throw new QError('type');
}
const wrap1 = (v: Q): Q => v.t < 0 ? fromItems([v]) : list([v]);

/** t , rows, by column name; grow: for t,:rows and insert, each column grows into room behind it
 *  (appendJoin); own: t is its variable's alone, and its general columns marked as its own (claimed) take
 *  their new items where they stand (appending rows with a string column copied the column each time). */
export function appendRows(a: Table, y: Q, grow = false, own = false): Table {
  const b = asRows(a.c, y);
  // append (t,: and insert) takes rows with columns missing, filled with nulls (ref/join); join does not
  if (!b.c.every(c => a.c.includes(c)) || (grow ? false : a.c.length !== b.c.length)) throw new QError('mismatch');
  const m = count(b);
  // an append stores into the columns: an int column takes longs, a long one ints (conv's intLong)
  // rows given as a list or a dictionary take each column's type (a KX course notebook's t upsert (`c;1),
  // p a float column, is 'type on kdb+ 4; ref/upsert: "types that match"); a table joined makes a column
  // of another type general
  const rows = givenAsRows(y);
  const adds = a.c.map((c, i) => !b.c.includes(c) ? nullsOf(a.d[i], m) : rows ? takesType(a.d[i], col(b, c)) : grow ? intLong(col(b, c), a.d[i].t) : col(b, c));
  const pushed = adds.map((y, i) => own && pushable(a, i, y));
  const cols = a.c.map((_, i) => pushed[i] ? a.d[i] : join(a.d[i], adds[i], grow));
  // (a typed column that would change type is 'type before any column is pushed onto)
  if (own && cols.some((c, i) => a.d[i].t > 0 && a.d[i].t <= T.Enum && c.t !== a.d[i].t)) throw new QError('type');
  pushed.forEach((p, i) => { if (p) pushOnto(a.d[i] as List, adds[i]); });
  return claimed(table(a.c, cols));
}
/** Is column i of table t marked as t's own (an append or an amend of t made it: nothing else holds it)? */
const ownColumn = (t: Table, i: number): boolean => (t.d[i] as { own?: unknown }).own === t.d;
/** Can column i of table t (its variable's alone) take y's items where it stands: a general list that is
 *  t's own (an append or an amend of t made it, nothing else holds it), has items and stays general. */
export const pushable = (t: Table, i: number, y: Q): boolean => {
  const c = t.d[i];
  return c.t === T.List && ownColumn(t, i) && count(c) > 0 && staysGeneral((c as List).d, y);
};
/** Table t, whose general columns an append made afresh or pushed onto, with them marked as its own. */
export function claimed(t: Table): Table {
  for (const c of t.d) if (c.t === T.List) (c as { own?: unknown }).own = t.d;
  return t;
}
/** y's items (an atom, one) pushed onto general list c. */
export function pushOnto(c: List, y: Q): void {
  const d = c.d, ys = y.t < 0 ? [y] : items(y);
  for (let k = 0; k < ys.length; k++) d.push(ys[k]);
  // (a hash index of its items, built for finds, no longer covers them)
  forgetIndex(d);
}
/** Rows given as a list or a dictionary (not a table or keyed table): they take a table's column types. */
const givenAsRows = (y: Q): boolean => y.t !== T.Table && !isKeyed(y);
/** m nulls of column c's type, each its own item: a string column's are "", which # would make blanks of
 *  (1#"" is " "). */
export const nullsOf = (c: Q, m: number): Q => { const z = nullItem(c); return fromItems(Array.from({ length: m }, () => z)); };

/** A typed column takes new items of its own type only (an enumeration, symbols too; an int column
 *  longs and a long one ints, converted: conv's intLong): 'type otherwise, for insert and for upsert
 *  into a keyed table. The items as the column takes them. */
export function takesType(have: Q, add: Q): Q {
  add = intLong(add, have.t);
  if (have.t > 0 && add.t > 0 && have.t !== add.t && !(have.t === T.Enum && add.t === T.Sym)) throw new QError('type');
  return add;
}

/** Each key table's index: key to row, for its `used` rows; dirty while a change is under way. */
interface KeyIndex { pos: Map<unknown, number>; used: number; raw: boolean; dirty: boolean }
const keyIndexes = new WeakMap<Table, KeyIndex>();

/**
 * The index of key table kx (key to first row), for looking up the key columns kyc of new rows: kept with
 * the key table, and taken over by the key table made from it by appending keys (upsert and insert in a
 * loop rebuilt every key each time), while nothing else has extended it. The caller may add the new keys
 * to pos (at rows past kx's), then calls done with the key table it made; a call that fails before
 * done leaves the index to be rebuilt.
 */
export function keyIndex(kx: Table, kyc: Q[]): { pos: Map<unknown, number>; rowKey: (cs: Q[], i: number) => unknown; done: (keys: Table) => void } {
  const kxc = kx.d, n = count(kx);
  // one key column of one fixed-width type on both sides keys by its raw items, else by text
  const raw = kxc.length === 1 && kxc[0].t === kyc[0].t && kxc[0].t > 0 && kxc[0].t < T.Enum && kxc[0].t !== T.Guid;
  const rowKey = raw ? (cs: Q[], i: number): unknown => ((cs[0] as Vec).d as ArrayLike<unknown>)[i]
    : (cs: Q[], i: number): unknown => cs.length === 1 ? keyText(item(cs[0], i)) : cs.map(c => keyText(item(c, i))).join('\u0001');
  let ix = keyIndexes.get(kx);
  if (!ix || ix.dirty || ix.used !== n || ix.raw !== raw) {
    ix = { pos: new Map(), used: n, raw, dirty: false };
    for (let i = 0; i < n; i++) { const k = rowKey(kxc, i); if (!ix.pos.has(k)) ix.pos.set(k, i); }
  }
  const found = ix;
  found.dirty = true;
  return { pos: found.pos, rowKey, done: keys => { found.used = count(keys); found.dirty = false; keyIndexes.set(keys, found); } };
}

/** Group ids over x's key rows followed by y's, when y has many rows and the key columns are typed
 *  vectors of one type on both sides (floats aside, which match as their text does); else null. */
function bulkIds(kxc: Q[], kyc: Q[], m: number): { gid: Int32Array; ng: number } | null {
  return m < kernels.SMALL ? null : jointIds(kxc, kyc);
}

/** kt , rows: upsert by key. A keyed table or table joined makes a column of another type a general list
 *  (a KX course's kt,kt1 in kdb+ 4); rows given as a list or a dictionary, and anything when `typed` (a
 *  keyed table upserted by name, or ,:), take the columns' types only (takesType). */
export function upsertKeyed(x: Dict, y: Q, own = false, typed = false): Q {
  const kx = x.k as Table, vx = x.v as Table;
  const all = [...kx.c, ...vx.c];
  let r = asRows(all, y);
  for (const c of r.c) if (!all.includes(c)) throw new QError('mismatch');
  for (const c of kx.c) if (!r.c.includes(c)) throw new QError('mismatch');
  // (rows given as a list or a dictionary take the columns' types too, as appendRows has it)
  if (typed || givenAsRows(y)) r = table(r.c, r.c.map((c, j) => { const k = all.indexOf(c); return takesType(k < kx.c.length ? kx.d[k] : vx.d[k - kx.c.length], r.d[j]); }));
  const n = count(kx), m = count(r);
  const kxc = kx.d, kyc = kx.c.map(c => col(r, c));
  // rows of y that replace (at x's row) and rows that append (first occurrence of a new key)
  const hitX: number[] = [], hitY: number[] = [], newY: number[] = [];
  let done: ((keys: Table) => void) | null = null;
  const ids = bulkIds(kxc, kyc, m);
  if (ids) {
    // many rows: x's keys and y's grouped together (the group kernels), a row's match the first of its group
    const { gid, ng } = ids, at = new Int32Array(ng).fill(-1);
    for (let i = 0; i < n; i++) if (at[gid[i]] < 0) at[gid[i]] = i;
    for (let i = 0; i < m; i++) {
      const g = gid[n + i], p = at[g];
      if (p >= 0) { hitX.push(p); hitY.push(i); }
      else { at[g] = n + newY.length; newY.push(i); }
    }
  } else {
    const ix = keyIndex(kx, kyc);
    for (let i = 0; i < m; i++) {
      const k = ix.rowKey(kyc, i), p = ix.pos.get(k);
      if (p !== undefined) { hitX.push(p); hitY.push(i); }
      else { ix.pos.set(k, n + newY.length); newY.push(i); }
    }
    done = ix.done;
  }
  const keys = newY.length ? table(kx.c, kxc.map((c, j) => join(c, index(kyc[j], ints(newY)), true))) : kx;
  done?.(keys);
  // the hits on x's rows, and those on keys this upsert appended (a key repeated in y), each as the rows
  // amended and the rows of y that amend them: made once for all the value columns
  const oldX: number[] = [], oldY: number[] = [], laterX: number[] = [], laterY: number[] = [];
  for (let k = 0; k < hitX.length; k++) if (hitX[k] < n) { oldX.push(hitX[k]); oldY.push(hitY[k]); } else { laterX.push(hitX[k]); laterY.push(hitY[k]); }
  const oldYs = ints(oldY), newYs = ints(newY), laterYs = ints(laterY);
  // (a general value column of a keyed table its variable alone holds takes new keys' values where it
  // stands, when it is the value table's own and no row of it is amended; others are made afresh)
  const fresh: boolean[] = [];
  const vals = table(vx.c, vx.d.map((c, j) => {
    const name = vx.c[j], src = r.c.includes(name) ? col(r, name) : null;
    let out = c;
    // a value column that is the keyed table's own takes new values at keys it has where it stands: a
    // general one when each is a list (no atom could make it a vector), a typed one values of its type.
    // typed: out is a typed copy an amend made, which no other vector shares its room with (one an append
    // grew shares its room with the vector before it), so it may be the table's own afterwards
    let put = false, typed = false;
    if (src && oldX.length) {
      const v = index(src, oldYs), mine = own && ownColumn(vx, j);
      if (mine && c.t === T.List && v.t === T.List && (v as List).d.every(e => e.t >= 0)) {
        const d = (c as List).d;
        oldX.forEach((row, k) => { d[row] = (v as List).d[k]; });
        forgetIndex(d);
        put = true;
      } else if (mine && plainTyped(c) && v.t === c.t) {
        const d = (c as Vec).d as unknown as { [i: number]: unknown }, vd = (v as Vec).d as unknown as { [i: number]: unknown };
        oldX.forEach((row, k) => { d[row] = vd[k]; });
        forgetIndex((c as Vec).d);
        put = typed = true;
      } else { out = amendRows(out, oldX, v); typed = true; }
    }
    // a column y lacks gets nulls for the new keys
    if (newY.length) {
      const add = src ? index(src, newYs) : nullsOf(c, newY.length);
      if (own && out === c && !laterX.length && pushable(vx, j, add)) { pushOnto(c as List, add); fresh[j] = true; return c; }
      out = join(out, add, true);
      typed = false;
    }
    if (src && laterX.length) { out = amendRows(out, laterX, index(src, laterYs)); typed = true; }
    fresh[j] = (out !== c || put) && (out.t === T.List || typed && plainTyped(out));
    return out;
  }));
  vals.d.forEach((c, j) => { if (fresh[j]) (c as { own?: unknown }).own = vals.d; });
  return dict(keys, vals);
}
/** A typed column whose items can be set one by one: fixed width, not guids, no attribute, no domain. */
const plainTyped = (c: Q): boolean => c.t > 0 && c.t < 20 && c.t !== T.Guid && !(c as Vec).a;
function amendRows(c: Q, rows: number[], v: Q): Q {
  // a column of one type amended with another type becomes a general list, as kdb+'s upsert does
  const base = c.t > 0 && c.t < 20 && v.t !== c.t && !(c.t === T.Enum) ? list(items(c)) : c;
  return amend(base, [ints(rows)], null, v);
}
export type { Vec, List };

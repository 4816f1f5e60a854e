// Amend: x[i]:v, x[i]+:v, @[x;i;f;y] and .[x;i;f;y]. Items are replaced with f[item;y] (or y when f is
// ::/assign). A vector stays typed, so an item of another type is a 'type error, as in kdb+.
import { T } from '../value/types.js';
import { Q, Vec, List, Dict, Table, Atom, count, item, items, fromItems, list, dict, table, isNil, vec, isAtom, nullItem, sliceQ, isKeyed } from '../value/value.js';
import { QError } from '../value/error.js';
import { intern, symName } from '../value/sym.js';
import { slice, alloc, halves } from '../value/storage.js';
import { positions, keyRow, keyItems, index, oneKey } from './index.js';
import { find1, findMany, integralMix, findIntegral } from './find.js';
import { apply } from './apply.js';
import { identity } from './iter.js';
import { castTo, intLong } from './conv.js';
import { join } from './join.js';

type F = ((cur: Q, y: Q | undefined) => Q);
const INDEX_TYPES = new Set([-T.Long, -T.Int, -T.Short, -T.Byte, -T.Bool]);

/** Amend x at depth idx with op (null for plain assignment) and value v. */
export function amend(x: Q, idx: Q[], op: Q | null, v: Q): Q {
  const f: F = op ? (cur, y) => apply(op, [cur, y!]) : assign;
  // a key x lacks starts from op's identity element (d[k]+:1 counts from 0), as an undefined name does
  // (ref/assign); an op without one starts from the null of the values' type
  if (op) (f as { start?: Q }).start = identity(op) ?? undefined;
  return amendDeep(x, idx, f, v);
}

/** @[x;i;f] and @[x;i;f;y]: amend at one level, where i may be a list of indices. */
export function amendAt(x: Q, i: Q, fn: Q, y: Q | undefined): Q {
  const f = fnOf(fn, y);
  // a value that is an atom (not a handle: a symbol names a global) is the selection itself (ref/amend)
  if (x.t < 0 && x.t !== -T.Sym) return f(x, y);
  return at(x, i, f, y);
}
/** .[x;i;f] and .[x;i;f;y]: amend at depth, one index per level. */
export function amendDot(x: Q, i: Q, fn: Q, y: Q | undefined): Q {
  const f = fnOf(fn, y);
  const idx = i.t < 0 || isNil(i) ? [i] : items(i);
  if (!idx.length || x.t < 0 && x.t !== -T.Sym) return f(x, y);
  return amendDeep(x, idx, f, y);
}
/** What replaces an item: y for Assign (:), the item itself for ::, else fn of the item (and y). */
function fnOf(fn: Q, y: Q | undefined): F {
  if (isAssign(fn) && y !== undefined) return assign;
  if (isAssign(fn)) { if ((fn as any).name === ':') throw new QError('rank'); return c => c; }
  const f: F = y === undefined ? (c) => apply(fn, [c]) : (c, yy) => apply(fn, [c, yy!]);
  // a key not there starts from the function's identity, as d[k]+:y does: @[d;k;+;y] is that (ref/amend)
  if (y !== undefined) (f as { start?: Q }).start = identity(fn) ?? undefined;
  return f;
}
/** Plain assignment: the item is replaced by y's. Known by identity, so that atMany can copy y's items
 *  straight into the vector instead of making an atom of each. */
const assign: F = (_c, y) => y!;
const isAssign = (f: Q) => (f.t === T.Op || f.t === T.Unary) && ((f as any).name === ':' || (f as any).name === '::');

function amendDeep(x: Q, idx: Q[], f: F, v: Q | undefined): Q {
  if (idx.length === 1) return at(x, idx[0], f, v);
  const [i, ...rest] = idx;
  const c = rest[0];
  if (x.t === T.Table && rest.length === 1 && Math.abs(i.t) !== T.Sym && (c?.t === -T.Sym || c?.t === T.Sym)
    && (i.t < 0 || isNil(i) || (c.t === -T.Sym && (i.t === T.Long || i.t === T.Int)))) {
    // t[row;`col], t[;`col], t[rows;`col], t[row;`a`b]: the columns amended at those rows (one copy each)
    return amendDeep(x, [c, i], f, v);
  }
  return at(x, i, (cur, y) => amendDeep(cur, rest, f, y), v);
}

/** Apply f to the items of x at index i (atom, vector, list or nil for all), pairing y's items when i is a list. */
function at(x: Q, i: Q, f: F, y: Q | undefined): Q {
  // a list is amended at an enumeration's int positions, as it is indexed by them (funq's markov.q)
  if (x.t !== T.Dict && (i.t === T.Enum || i.t === -T.Enum)) i = i.t < 0 ? { t: -T.Int, v: (i as Atom).v } as Atom : { t: T.Int, d: (i as Vec).d, a: 0 } as Vec;
  // () amended at a symbol is an empty dictionary given its first key (g[`new;`y]:5 below a missing key)
  if ((isNil(x) || x.t === T.List && !count(x)) && (i.t === -T.Sym || i.t === T.Sym)) x = dict(vec(T.Sym, new Int32Array(0)), list([]));
  if (isNil(i)) {
    const n = count(x);
    const ys = y === undefined || isAtom(y) || y.t > T.Dict ? null : y;
    if (ys && count(ys) !== n) throw new QError('length');
    if (x.t === T.Dict) { const d = x as Dict; return dict(d.k, at(d.v, i, f, y)); }
    const r = new Array<Q>(n);
    for (let k = 0; k < n; k++) r[k] = f(item(x, k), ys ? item(ys, k) : y);
    return rebuild(x, r);
  }
  // a keyed table of several key columns takes a list of atoms as one key: k2[(1;`a)]:…
  if (x.t === T.Dict && (x as Dict).k.t === T.Table && ((x as Dict).k as Table).c.length > 1 && i.t >= 0 && i.t < T.Dict
    && count(i) === ((x as Dict).k as Table).c.length && items(i).every(e => e.t < 0)) return atKey(x as Dict, i, f, y);
  // a keyed table at a table of keys (kt[k#x], as kt[([]s:`a`b)] reads): each key row in turn, with y's
  // row of the same place (or all of y), a new key appended as kt[`k]:v appends one
  if (x.t === T.Dict && (x as Dict).k.t === T.Table && i.t === T.Table) {
    const n = count(i), pairY = y !== undefined && y.t >= 0 && y.t <= T.Table;
    if (pairY && count(y!) !== n) throw new QError('length');
    let r = x as Dict;
    for (let k = 0; k < n; k++) r = atKey(r, item(i, k), f, pairY ? item(y!, k) : y) as Dict;
    return r;
  }
  // a dictionary whose keys are lists (strings) takes a list of their type as one key, as d["ab"] reads it
  // (by rank, as Find and indexing decide it: r[0 8 0]:v on int vector keys is one key)
  const asOneKey = x.t === T.Dict && (x as Dict).k.t === T.List && i.t >= 0 && i.t < T.Table && oneKey((x as Dict).k, i);
  if (i.t >= 0 && i.t !== T.Dict && i.t !== T.Table && !(x.t === T.Table && i.t === T.Sym) && !asOneKey) {
    // a list of indices: each gets the matching item of y (or all of y when y is an atom)
    const n = count(i);
    const pairY = y !== undefined && !(y.t < 0) && y.t <= T.Table;
    if (pairY && count(y!) !== n) throw new QError('length');
    const bulk = atMany(x, i, f, y, pairY);
    if (bulk) return bulk;
    // a general list of keys into a dictionary whose keys are a general list: each item is one key, a
    // string too, though no key of its type is there yet (d:()!(); d[enlist"ab"]:enlist 1; kdb-utilities' q-doc)
    const whole = x.t === T.Dict && (x as Dict).k.t === T.List && i.t === T.List;
    let r = x;
    for (let k = 0; k < n; k++) {
      const ik = item(i, k), yk = pairY ? item(y!, k) : y;
      r = whole && r.t === T.Dict && ik.t >= 0 && ik.t < T.Dict ? atDictKey(r as Dict, ik, f, yk) : at(r, ik, f, yk);
    }
    return r;
  }
  if (x.t === T.Table && i.t === T.Sym) {
    // several columns: each gets the matching item of y (or all of y when y is an atom)
    const n = count(i), pairY = y !== undefined && y.t >= 0 && y.t < T.Table;
    if (pairY && count(y!) !== n) throw new QError('length');
    let r: Q = x;
    for (let k = 0; k < n; k++) r = at(r, item(i, k), f, pairY ? item(y!, k) : y);
    return r;
  }
  // a list, vector or table row is indexed by an integer (a boolean counts as 0 or 1)
  if ((x.t === T.List || x.t > 0 && x.t <= T.Enum || x.t === T.Table && i.t !== -T.Sym) && !INDEX_TYPES.has(i.t)) throw new QError('type');
  switch (x.t) {
    case T.Dict: {
      const d = x as Dict;
      if (d.k.t === T.Table) return atKey(d, i, f, y);
      return atDictKey(d, i, f, y);
    }
    case T.Table: {
      const t = x as Table;
      if (i.t === -T.Sym) {
        const c = t.c.indexOf((i as Atom).v);
        const cur = c >= 0 ? t.d[c] : null;
        let nv = f(cur ?? fromItems([]), y);
        // a column is a list as long as the table; an atom fills it (as flip extends one)
        if (nv.t < 0) nv = fromItems(new Array(count(t)).fill(nv));
        if (!(nv.t >= 0 && nv.t < T.Table)) throw new QError('type');
        if (count(nv) !== count(t)) throw new QError('length');
        if (c >= 0) return table(t.c, t.d.map((d, k) => k === c ? nv : d));
        return table([...t.c, (i as Atom).v], [...t.d, nv]);
      }
      const p = Number((i as Atom).v);
      if (!(p >= 0 && p < count(t))) throw new QError(p === p ? 'length' : 'type');
      const nr = f(item(t, p), y);
      // a row is a dictionary of the table's columns: anything else cannot stand in one
      if (nr.t !== T.Dict || (nr as Dict).k.t !== T.Sym || count((nr as Dict).k) !== t.c.length) throw new QError('type');
      const names = Array.from(((nr as Dict).k as Vec).d as Int32Array, symName), at = t.c.map(c => { const k = names.indexOf(c); if (k < 0) throw new QError('type'); return k; });
      return table(t.c, t.d.map((col, k) => setItem(col, p, item((nr as Dict).v, at[k]))));
    }
  }
  if (x.t < 0 || x.t > T.Enum && x.t !== T.List) throw new QError('type');
  const p = i.t === -T.Long ? Number((i as Atom).v) : i.t === -T.Int || i.t === -T.Short || i.t === -T.Byte || i.t === -T.Bool ? (i as Atom).v : NaN;
  if (p !== p) throw new QError('type');
  if (p < 0 || p >= count(x)) throw new QError('length');
  return setItem(x, p, f(item(x, p), y));
}

/** The value a key d lacks takes, amended by f (and y): f of the start d's values give. */
function newValue(d: Dict, f: F, y: Q | undefined): Q {
  // (the identity in the values' own type: 0f for a float dictionary)
  // (a dictionary of tables: an empty one of the first's columns, so d[k],:rows keeps its keys, wp/order-book)
  const head = d.v.t === T.List && count(d.v) ? (d.v as List).d[0] : null, proto = head && (head.t === T.Table || isKeyed(head)) ? sliceQ(head, 0, 0) : null;
  const start = proto ?? (f as { start?: Q }).start, first = start && d.v.t > 0 && d.v.t < T.Sym && start.t < 0 ? castTo(d.v.t, start) : start;
  let nv = f(first ?? nullOf(d.v), y);
  // (a value of another type than a vector of values is a type error, as amending one in place is:
  // d[`age]:37 on a dictionary of symbols, weeklyq's 2020.02.24)
  if (d.v.t > 0 && d.v.t < T.Enum && count(d.v)) { nv = intLong(nv, d.v.t); if (nv.t !== -d.v.t) throw new QError('type'); }
  return nv;
}
/** The value d[k] op: y gives a key k that d lacks, as the whole amend would append it. */
export function newKeyValue(d: Dict, op: Q, y: Q): Q {
  const f: F = (cur, yy) => apply(op, [cur, yy!]);
  (f as { start?: Q }).start = identity(op) ?? undefined;
  return newValue(d, f, y);
}
/** d amended at one key i (a new key appended). */
function atDictKey(d: Dict, i: Q, f: F, y: Q | undefined): Q {
  // (a key found as a lookup finds it: a long among int keys is the int of its value, jrajasansir's AoC
  // 2020 day 18 amends `0N 0i!.. at a long)
  const p = integralMix(d.k, i) ? findIntegral(d.k, i as Atom) : find1(d.k, i);
  const n = count(d.k);
  if (p < n) return dict(d.k, setItem(d.v, p, f(item(d.v, p), y)));
  // a new key appends, into room behind keys and values (grow.ts): d[k]:v in a loop is not a copy each time
  const nv = newValue(d, f, y);
  // (keys that are a general list are copied by the join; a vector of values is then copied too, not
  // grown into room it would share with d's, so that the variable can hold the new dictionary alone and
  // take its next keys where it stands: inplace.ts claims)
  const vals = d.k.t === T.List && d.v.t > 0 && d.v.t < T.Enum ? sliceQ(d.v, 0, count(d.v)) : d.v;
  const keys = join(d.k, i.t < 0 ? i : list([i]), true), r = dict(keys, join(vals, wrap(d.v, nv), true));
  // (general keys the join made afresh belong to this dictionary alone: marked so, inplace.ts may push the
  // next key onto them while the dictionary is its variable's; a dictionary that shares them may not)
  if (keys.t === T.List && keys !== d.k) (keys as { own?: unknown }).own = r;
  return r;
}

/** x at many positions (an int or long vector i) amended in one copy of x, item by item in order (so a
 *  repeated position sees the earlier change): a copy for each position would make x[i]:v on a long
 *  vector quadratic. Null when x is not a vector or list, or when an item would change x's type (then
 *  the item-by-item path decides). */
function atMany(x: Q, i: Q, f: F, y: Q | undefined, pairY: boolean): Q | null {
  // a dictionary whose keys are all there: its values amended at the keys' positions
  if (x.t === T.Dict && (x as Dict).k.t !== T.Table && i.t > 0 && i.t < 77 && i.t === (x as Dict).k.t) {
    const d = x as Dict, c = count(d.k), p = findMany(d.k, i);
    for (let k = 0; k < p.length; k++) if (p[k] >= c) return null;
    const v = atMany(d.v, { t: T.Int, d: Int32Array.from(p as ArrayLike<number>), a: 0 } as Vec, f, y, pairY);
    return v && dict(d.k, v);
  }
  if (!(i.t === T.Long || i.t === T.Int || i.t === T.Short) || !(x.t === T.List || x.t > 0 && x.t < 77)) return null;
  const n = count(i), c = count(x), id = (i as Vec).d as any;
  const pos = (k: number) => { const p = Number(id[k]); if (!(p >= 0 && p < c)) throw new QError('length'); return p; };
  if (x.t === T.List) {
    const d = (x as List).d.slice();
    for (let k = 0; k < n; k++) { const p = pos(k); d[p] = f(d[p], pairY ? item(y!, k) : y); }
    return fromItems(d);
  }
  const xv = x as Vec, out = slice(xv.t, xv.d, 0, c) as any, r = { ...xv, d: out, a: 0 } as Vec;
  // assigned items of x's own type move as they are, in order (a repeated position keeps the last):
  // x[i]:y over a 500 by 500 grid was a quarter of a million atoms made and read back
  if (f === assign && y && (pairY ? y.t === xv.t : y.t === -xv.t) && xv.t !== T.Guid && xv.t !== T.Enum) {
    const yd = pairY ? (y as Vec).d as any : null;
    // positions and 8-byte items are read as 32-bit halves: a BigInt made for each costs more than the move
    const iw = i.t === T.Long ? halves(id) : null, at = iw ? (k: number) => {
      const lo = iw[2 * k], hi = iw[2 * k + 1];
      if (hi !== 0 || lo < 0 || lo >= c) throw new QError('length');
      return lo;
    } : pos;
    if (out.BYTES_PER_ELEMENT === 8) {
      const one = yd ? null : alloc(xv.t, 1) as any;
      if (one) one[0] = (y as Atom).v;
      const ow = halves(out), src = halves(yd ?? one);
      for (let k = 0; k < n; k++) { const p = at(k), q = yd ? 2 * k : 0; ow[2 * p] = src[q]; ow[2 * p + 1] = src[q + 1]; }
      return r;
    }
    const yv = pairY ? 0 : xv.t === T.Sym ? intern((y as Atom).v) : (y as Atom).v;
    for (let k = 0; k < n; k++) out[at(k)] = yd ? yd[k] : yv;
    return r;
  }
  for (let k = 0; k < n; k++) {
    const p = pos(k), v = intLong(f(item(r, p), pairY ? item(y!, k) : y), xv.t) as Atom;
    if (v.t !== -xv.t && !(xv.t === T.Enum && v.t === -T.Enum)) { if (c === 1) return null; throw new QError('type'); }
    if (xv.t === T.Sym) out[p] = intern(v.v);
    else if (xv.t === T.Guid) out.set(v.v, 16 * p);
    else out[p] = v.v;
  }
  return r;
}

/** A keyed table amended at one key (kt[`k]:v, kt[`k;`c]:v): the value row replaced with f of it, or a
 *  new row (key and values) appended when the key is not there. */
function atKey(d: Dict, i: Q, f: F, y: Q | undefined): Q {
  const kt = d.k as Table, vt = d.v as Table, p = keyRow(d, i);
  // a dictionary keyed by a table with a list of values (e/book.q's b:([]s:();p:())!(); b[`s`p#x]+:z)
  if (d.v.t !== T.Table) {
    if (p >= 0) return dict(kt, setItem(d.v, p, f(item(d.v, p), y)));
    const key = keyItems(d, i), start = (f as { start?: Q }).start;
    return dict(table(kt.c, kt.d.map((col, k) => join(col, fromItems([key[k]])))), join(d.v, wrap(d.v, f(start ?? nullOf(d.v), y))));
  }
  const cur = p >= 0 ? item(vt, p) : nullItem(vt), nv = f(cur, y);
  // a dictionary of some of the columns upserts them (ref/assign: a dictionary's assignment has upsert
  // semantics): the others keep the row's values, or a new row's nulls (kdb-common's require.q)
  const has = (c: string) => nv.t === T.Dict && find1((nv as Dict).k, { t: -T.Sym, v: c } as Atom) < count((nv as Dict).k);
  const vals = nv.t === T.Dict ? vt.c.map(c => index(has(c) ? nv : cur, { t: -T.Sym, v: c } as Atom)) : nv.t >= 0 ? items(nv) : [nv];
  if (vals.length !== vt.c.length) throw new QError('length');
  if (p >= 0) return dict(kt, table(vt.c, vt.d.map((col, k) => setItem(col, p, vals[k]))));
  const key = keyItems(d, i), one = (v: Q) => fromItems([v]);
  return dict(table(kt.c, kt.d.map((col, k) => join(col, one(key[k])))), table(vt.c, vt.d.map((col, k) => join(col, one(vals[k])))));
}

/** What a new key's value starts from: the null of the values' type (an empty list for a general list). */
function nullOf(v: Q): Q { return v.t > 0 && v.t < T.Table ? nullItem(v) : v.t === T.List && count(v) ? nullItem(v) : list([]); }
function wrap(v: Q, x: Q): Q { return v.t === T.List || x.t >= 0 ? list([x]) : x; }

/** A copy of list x with item p replaced; a vector stays a vector of its type or signals 'type. */
export function setItem(x: Q, p: number, v: Q): Q {
  // a table's row p: the rows a table again while they conform, else a list of dictionaries (a nested
  // table column amended at depth, KX ml's pipeline[node;`inputs;name]:data)
  if (x.t === T.Table) { const d = items(x).slice(); d[p] = v; return fromItems(d); }
  if (x.t === T.List) { const d = (x as List).d.slice(); d[p] = v; return fromItems(d).t === T.List ? list(d) : collapse(d); }
  const xv = x as Vec;
  v = intLong(v, xv.t);
  if (v.t !== -xv.t && !(xv.t === T.Enum && v.t === -T.Enum)) {
    if (count(x) === 1) return fromItems([v]);
    throw new QError('type');
  }
  const d = xv.d.slice() as any;
  if (xv.t === T.Sym) d[p] = intern((v as Atom).v);
  else if (xv.t === T.Guid) d.set((v as Atom).v, 16 * p);
  else d[p] = (v as Atom).v;
  const r = vec(xv.t, d);
  if (xv.dom) r.dom = xv.dom;
  return r;
}
const collapse = (d: Q[]) => fromItems(d);

function rebuild(x: Q, r: Q[]): Q {
  if (x.t > 0 && x.t <= T.Enum) {
    r = r.map(v => intLong(v, x.t));
    for (const v of r) if (v.t !== -x.t) throw new QError('type');
    return fromItems(r);
  }
  // a table's rows stay dictionaries of its columns, in its order
  if (x.t === T.Table) {
    const t = x as Table;
    for (const v of r) if (v.t !== T.Dict || (v as Dict).k.t !== T.Sym || count((v as Dict).k) !== t.c.length || t.c.some((c, j) => symName(((v as Dict).k as Vec).d[j] as number) !== c)) throw new QError('type');
    return table(t.c, t.c.map((_, j) => fromItems(r.map(v => item((v as Dict).v, j)))));
  }
  return fromItems(r);
}
export { items };

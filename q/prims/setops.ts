// Membership and set operations: in within except inter union cross, and distinct's relatives.
import type { Items } from '../value/storage.js';
import { fresh, allocRaw } from '../value/storage.js';
// Lookups hash the right argument once (find.ts), so x in y is linear in both.
import { T } from '../value/types.js';
import * as kernels from '../kernels/index.js';
import { Q, Vec, List, Dict, Atom, count, item, items, fromItems, list, vec, boolVec, longVec, dict, table, Table, NJ, NI, WI, isKeyed } from '../value/value.js';
import { QError } from '../value/error.js';
import { findMany, find1, integralMix, findIntegral } from './find.js';
import { index } from './index.js';
import { join } from './join.js';
import { distinct, flip } from './list.js';
import { le, ge, heldBy } from './compare.js';
import { atomic2 } from './atomic.js';
import { deenum } from '../value/enums.js';
import { castTo } from './conv.js';
import { sameType, stringBytes, depth, find, byValue } from './list.js';
import { symName, perSymbol } from '../value/sym.js';
import { nameCmp } from '../value/utf8.js';

const numeric = (t: number) => { const a = Math.abs(t); return a >= T.Short && a <= T.Float; };

/** x in y: is each item of x (an atom: x itself) an item of y? */
/** Enumerations take part in membership by their symbols. */
const plain = (x: Q) => x.t === T.Enum || x.t === -T.Enum ? deenum(x) : x;

/** The rank of a value as Find sees it: 0 for an atom, one more than its first item's for a list. */
/** Does x in y compare across numeric types: y an atom or one item of another numeric type than x's
 *  (ref/in, "Mixed argument types": 1 2. in 2 is 01b; longer ones may not mix) */
const widens = (x: Q, y: Q): boolean => (y.t < 0 || count(y) === 1 && y.t > 0 && y.t < T.Enum) && x.t !== T.List && Math.abs(x.t) !== Math.abs(y.t) && numeric(x.t) && numeric(y.t);
export function qin(x: Q, y: Q): Q {
  x = plain(x); y = plain(y);
  // a dictionary's values each (in a table, it is a record: below)
  if (x.t === T.Dict && (x as Dict).k.t !== T.Table && y.t !== T.Table) return byValue(x as Dict, y.t !== T.List, v => qin(v, y));
  // nothing is in (): one 0b for x, or for each of x's items (gyorokpeter's AoC 2020 day 22: first
  // enlist[decks] in memo, memo:() at first)
  if (y.t === T.List && !count(y)) return x.t < 0 ? { t: -T.Bool, v: 0 } as Q : { t: T.Bool, d: new Uint8Array(count(x)), a: 0 } as Q;
  // an atom or one-item y may be of another numeric type than x (1 2. in 2 is 01b); longer ones may not
  if (widens(x, y)) return qin(castTo(T.Float, x), castTo(T.Float, y));
  if (integralMix(y, x)) return { t: -T.Bool, v: findIntegral(y, x as Atom) < count(y) ? 1 : 0 } as Q;
  if (y.t < 0) y = fromItems([y]);
  // a record in a table (`b in ([]u:`a`b), not user in key users): found as Find finds it
  if (y.t === T.Table && x.t !== T.Table) { const p = find(y, x); return p.t < 0 ? { t: -T.Bool, v: Number((p as Atom).v) < count(y) ? 1 : 0 } : found(Array.from(items(p), e => Number((e as Atom).v)), count(y)); }
  // with a general list on the right, an item is of one rank less than the list (3 in (1 2;3) is 0b)
  if (y.t === T.List && x.t < 0 && count(y) && depth(y) > 1) return { t: -T.Bool, v: 0 };
  sameType(y, x);
  if (x.t < 0) return { t: -T.Bool, v: find1(y, x) < count(y) ? 1 : 0 };
  if (x.t === T.Dict) return dict((x as Dict).k, qin((x as Dict).v, y));
  // a table's rows are found among another table's rows (Find on tables matches whole rows)
  if (x.t === T.Table) {
    if (y.t !== T.Table) throw new QError('nyi');
    const p = findMany(y, x), n = count(y);
    return found(p, n);
  }
  // with a general list on the right, x is one item to look for when its rank is one less than the list's
  // (the rank of a list is one more than its first item's); of higher rank, x goes item by item:
  // 1 2 in (1 2;9) is 1b, 1 2 in (9;(1 2;3 4)) is 00b (ref/in)
  if (y.t === T.List) {
    // strings among strings: found by hash, not matched item by item
    if (x.t === T.List && count(x) > 8 && stringBytes(x) && stringBytes(y)) {
      const p = findMany(y, x), n = count(y);
      return found(p, n);
    }
    if (depth(x) > depth(y) - 1) return fromItems(items(x).map(e => qin(e, y)));
    // (one item sought as Find seeks it: through y's index when y is searched often — a BFS's visited list)
    return { t: -T.Bool, v: find1(y, x) < count(y) ? 1 : 0 };
  }
  if (x.t === T.List) return fromItems((x as List).d.map(e => qin(e, y)));
  if (x.t === y.t && x.t > 0 && x.t < T.Enum && x.t !== T.Guid && x.t !== T.Real && x.t !== T.Float && x.t !== T.Datetime
      && (y as Vec).d.length <= 16) return vec(T.Bool, smallIn((x as Vec).d, (y as Vec).d));
  const a = among(x, y);
  if (a) return vec(T.Bool, a);
  if (x.t === y.t && x.t > 0 && x.t < T.Enum) { const k = kernels.isin(x.t, (y as Vec).d, (x as Vec).d); if (k) return vec(T.Bool, k); }
  const p = findMany(y, x), n = count(y);
  return found(p, n);
}
/** Whether each item of x is in y, for a few items of x among very many of y (vectors of one type): the
 *  hash made of x and y passed over once, where hashing y cost far more than it saves (46 items inter
 *  21 million: 4 s and then 'wsfull, adotsch's AoC 2022 day 15); or null. */
function among(x: Q, y: Q): Uint8Array | null {
  const nx = count(x), ny = count(y);
  if (x.t !== y.t || !(x.t > 0 && x.t < T.Enum) || nx > ny >> 4) return null;
  // which of x's items y has, each at its first place in x
  const hit = kernels.met(x.t, (x as Vec).d, (y as Vec).d);
  if (!hit) return null;
  // (an item x has twice is where it was first)
  const first = findMany(x, x), r = fresh(Uint8Array, nx);
  for (let i = 0; i < nx; i++) r[i] = hit[first[i]];
  return r;
}
/** The positions of x whose mask is (hit) or is not set, as an int vector. */
function keptBy(mask: Uint8Array, hit: boolean): Q {
  // (a mask read as find results over one item: an unset byte, 0, is a hit)
  return kept(mask, 1, !hit);
}

/** Which positions from Find are inside a list of n: x in y from y?x. */
function found(p: ArrayLike<number>, n: number): Q {
  const r = fresh(Uint8Array, p.length);
  for (let i = 0; i < p.length; i++) r[i] = p[i] < n ? 1 : 0;
  return vec(T.Bool, r);
}

/** x in a few items of exact equality: a scan costs less than setting up a hash. */
function smallIn(x: Items, y: Items): Uint8Array {
  const n = x.length, m = y.length, r = fresh(Uint8Array, n);
  for (let i = 0; i < n; i++) { const e = x[i]; for (let j = 0; j < m; j++) if (y[j] === e) { r[i] = 1; break; } }
  return r;
}

/** x within (lo;hi): lo <= x <= hi, atomic in x. */
export function within(x: Q, y: Q): Q {
  // bounds are a pair: a list of two, not a table or dictionary of them
  if (y.t === T.Table || y.t === T.Dict) throw new QError('type');
  if (count(y) !== 2 || y.t < 0) throw new QError('length');
  const lo = item(y, 0), hi = item(y, 1);
  const k = withinKernel(x, y);
  if (k) return vec(T.Bool, k);
  // symbols within symbols: each distinct symbol's text compared once
  if (x.t === T.Sym && y.t === T.Sym) {
    const a = symName((y as Vec).d[0] as number), b = symName((y as Vec).d[1] as number), d = (x as Vec).d as Int32Array;
    const test = perSymbol(id => { const s = symName(id); return nameCmp(a, s) <= 0 && nameCmp(s, b) <= 0 ? 1 : 0; }, d.length), r = fresh(Uint8Array, d.length);
    for (let i = 0; i < d.length; i++) r[i] = test(d[i]);
    return vec(T.Bool, r);
  }
  const r1 = ge(x, lo), r2 = le(x, hi);
  return and(r1, r2);
}
/** within by the wasm kernel, or null. A vector too short for the kernel, of a type stored as ints or
 *  shorts, has its numbers compared with the bounds directly (as ge, le and and over it would: their
 *  order is the stored numbers', nulls least): 500 ints 1.6 µs, where ge, le and and took 8.4 µs. */
function withinKernel(x: Q, y: Q): Uint8Array | null {
  const b = withinBounds(x.t, y);
  if (!b) return null;
  const k = kernels.within(x.t, (x as Vec).d, b[0], b[1]), d = (x as Vec).d;
  if (k || !(d instanceof Int32Array || d instanceof Int16Array)) return k;
  const lo = b[0] as number, hi = b[1] as number, r = fresh(Uint8Array, d.length);
  for (let i = 0; i < d.length; i++) r[i] = lo <= d[i] && d[i] <= hi ? 1 : 0;
  return r;
}
/** The bounds a kernel takes for a vector of type xt within y: a float, long or int-backed type with bounds
 *  of its own type (or, for floats, any numbers, nulls as 0n); null for everything else. */
export function withinBounds(xt: number, y: Q): [number | bigint, number | bigint] | null {
  if (xt <= 0 || xt >= T.Enum || y.t <= 0 || y.t >= T.Enum || xt === T.Sym || count(y) !== 2) return null;
  const b = (y as Vec).d, yt = y.t;
  if ((xt === T.Float || xt === T.Datetime) && (yt === xt || yt === T.Long || yt === T.Int || yt === T.Float)) {
    const num = (v: number | bigint) => typeof v === 'bigint' ? (v === NJ ? NaN : Number(v)) : yt === T.Int && v === NI ? NaN : v;
    return [num(b[0]), num(b[1])];
  }
  if (yt === xt) return [b[0], b[1]];
  // long bounds an int or short column's type holds, as its own (heldBy: i within 3 5 over a million
  // ints made a long of each item twice)
  if (yt === T.Long) {
    const lo = heldBy(xt, b[0] as bigint), hi = heldBy(xt, b[1] as bigint);
    if (lo !== null && hi !== null) return [lo, hi];
  }
  // bounds of a coarser time unit, scaled exactly to the column's (time within 10:00 12:00 compares
  // milliseconds with 10:00:00.000 and 12:00:00.000, as the comparison itself would)
  const ms = MS_OF[xt], per = MS_OF[yt];
  if (ms && per && per >= ms && per % ms === 0) {
    const v0 = b[0] as number, v1 = b[1] as number, k = per / ms;
    if (v0 === NI || v1 === NI || Math.abs(v0) === WI || Math.abs(v1) === WI) return null;
    return [v0 * k, v1 * k];
  }
  return null;
}
/** Milliseconds a unit of the int-backed times of day. */
const MS_OF: Record<number, number> = { [T.Time]: 1, [T.Second]: 1000, [T.Minute]: 60000 };
const and = atomic2((a: Q, b: Q): Q => {
  if (a.t < 0 && b.t < 0) return { t: -T.Bool, v: (a as Atom).v & (b as Atom).v };
  // (a bound that is a list against an atom x gives a vector on one side only: "a" within ("ab";"c"))
  const n = a.t < 0 ? count(b) : count(a), bit = (v: Q, i: number) => v.t < 0 ? (v as Atom).v : ((v as Vec).d as Uint8Array)[i];
  const r = fresh(Uint8Array, n);
  for (let i = 0; i < n; i++) r[i] = bit(a, i) & bit(b, i);
  return vec(T.Bool, r);
});

/** x except y: the items of x not in y, in x's order. */
export function except(x: Q, y: Q): Q {
  if (x.t < 0) throw new QError('type');
  // a dictionary's values not in y (x where not x in y: the keys kept, then their values)
  if (x.t === T.Dict) return except((x as Dict).v, y);
  y = plain(y);
  // except is x where not x in y (ref/except): an atom or one item of another numeric type is found as in
  // finds it (0 -1i except 0 is ,-1i: gyorokpeter's AoC 2022 day 13)
  if (widens(x, y)) return byIn(x, y, false);
  const ys = y.t < 0 ? fromItems([y]) : y;
  simpleSameType(x, ys);
  const a = among(x, ys);
  if (a) return index(x, keptBy(a, false));
  // an enumeration's items are looked for by their symbols, and the items kept stay enumerated
  return index(x, kept(findMany(ys, x.t === T.Enum ? deenum(x) : x) as ArrayLike<number>, count(ys), false));
}
/** The positions whose find result is (in) or is not (out) a hit among n items, as an int vector. */
function kept(p: ArrayLike<number>, n: number, hit: boolean): Q {
  let m = 0;
  for (let i = 0; i < p.length; i++) if ((p[i] < n) === hit) m++;
  // in vector memory, where the gather that follows reads it without a copy
  const r = allocRaw(T.Int, m) as Int32Array;
  for (let i = 0, j = 0; i < p.length; i++) if ((p[i] < n) === hit) r[j++] = i;
  return vec(T.Int, r);
}
/** The items of x that are (hit) or are not in y, as in finds them: across numeric types for an atom y. */
function byIn(x: Q, y: Q, hit: boolean): Q {
  return index(x, keptBy((qin(x, y) as Vec).d as Uint8Array, hit));
}
/** x inter y: the items of x that are also in y. */
export function inter(x: Q, y: Q): Q {
  // dictionaries: the values of x that are also values of y (ref/inter)
  if (x.t === T.Dict && y.t === T.Dict) return inter((x as Dict).v, (y as Dict).v);
  const xs = x.t < 0 ? fromItems([x]) : x, ys = y.t < 0 ? fromItems([y]) : y;
  // (an atom or one item of another numeric type is found as in finds it: 1 2 3i inter 2 is ,2i)
  if (widens(xs, y)) return byIn(xs, y, true);
  simpleSameType(xs, ys);
  const a = among(xs, ys);
  if (a) return index(xs, keptBy(a, true));
  return index(xs, kept(findMany(ys, xs) as ArrayLike<number>, count(ys), true));
}
/** except and inter are x where (not) x in y: vectors of two types are a type error, as in signals it
 *  (1 2 3i inter 2 3 is not an empty list) */
function simpleSameType(x: Q, y: Q): void {
  if (x.t > 0 && x.t < T.Enum && y.t > 0 && y.t < T.Enum && !widens(x, y)) sameType(y, x);
}
/** x union y: distinct items of x then y. */
export function union(x: Q, y: Q): Q {
  if (x.t === T.Table && y.t === T.Table) return distinct(join(x, y));
  return distinct(join(x.t < 0 ? fromItems([x]) : x, y.t < 0 ? fromItems([y]) : y));
}
/** x cross y: every pair, x varying slowest. */
export function cross(x: Q, y: Q): Q {
  if (x.t === T.Table && y.t === T.Table) {
    const nx = count(x), ny = count(y), ix: number[] = [], iy: number[] = [];
    for (let i = 0; i < nx; i++) for (let j = 0; j < ny; j++) { ix.push(i); iy.push(j); }
    const a = index(x, longVec(ix)) as Table, b = index(y, longVec(iy)) as Table;
    return table([...a.c, ...b.c], [...a.d, ...b.d]);
  }
  // dictionaries: every pair of keys to the pair of their values (kdb+'s cross in q.k; egor7's qsql notes)
  if (x.t === T.Dict && y.t === T.Dict && !isKeyed(x) && !isKeyed(y)) return dict(cross((x as Dict).k, (y as Dict).k), cross((x as Dict).v, (y as Dict).v));
  const xs = x.t < 0 ? fromItems([x]) : x, ys = y.t < 0 ? fromItems([y]) : y;
  // two vectors of one fixed-width type: the pairs as the flip of x's items each repeated and y's
  // repeated whole, with no pair made by a join of two (til 10 cross til 10: 25 → 6 µs)
  const nx = count(xs), ny = count(ys);
  if (xs.t === ys.t && xs.t > 0 && xs.t < T.Enum && xs.t !== T.Guid && nx && ny) {
    const ix = fresh(Int32Array, nx * ny), iy = fresh(Int32Array, nx * ny);
    for (let i = 0, k = 0; i < nx; i++) for (let j = 0; j < ny; j++, k++) { ix[k] = i; iy[k] = j; }
    return flip(list([index(xs, vec(T.Int, ix)), index(ys, vec(T.Int, iy))]));
  }
  const out: Q[] = [];
  for (const a of items(xs)) for (const b of items(ys)) out.push(join(a.t < 0 ? fromItems([a]) : a, b.t < 0 ? fromItems([b]) : b));
  return list(out);
}
export type { Vec };

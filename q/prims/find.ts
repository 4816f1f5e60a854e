// Find (?): the first position of an item in a list, or the count when absent. Hash lookups for symbol,
// integer and float vectors (floats compare exactly: kdb+'s find applies no comparison tolerance);
// match for everything else.
import { T } from '../value/types.js';
import { fresh, halves, exactHi, nextAt } from '../value/storage.js';
import { Q, Vec, List, Atom, Table, count, item, NJ, WJ } from '../value/value.js';
import { firstMatches } from './groupby.js';
import { intern } from '../value/sym.js';
import { match } from './match.js';
import { keyText, stringBytes } from './list.js';
import { stringFind } from './strhash.js';
import * as kernels from '../kernels/index.js';
import { deenum, domainIds, domainValues } from '../value/enums.js';

/** Is x enumerated over a list of symbols (not a foreign key to a keyed table)? */
const isSymDomain = (x: Q) => domainValues((x as Vec).dom!)?.t === T.Sym;

export const integral = (t: number) => t === T.Short || t === T.Int || t === T.Long;
const limits: Record<number, [bigint, bigint]> = { [T.Short]: [-32768n, 32767n], [T.Int]: [-2147483648n, 2147483647n], [T.Long]: [NJ, WJ] };
/** Whether an atom sought in a vector (x?y, y in x) is of another integral type than the vector's: a
 *  short, int or long atom is found among shorts, ints or longs by its value. Real programs search the
 *  ints that sums of booleans give for a long (adotsch's AoC 2021 day 18: di?i1-1), and a long in ints
 *  (day 4: 5 in (sum a),sum b); ref/in's "Mixed argument types" keeps vectors of one type. */
export const integralMix = (x: Q, y: Q): boolean => x.t > 0 && y.t < 0 && x.t !== -y.t && integral(x.t) && integral(-y.t);
/** Where atom y of one integral type is in vector x of another: null maps to null and infinity to
 *  infinity; a value outside x's type is nowhere. */
export function findIntegral(x: Q, y: Atom): number {
  const [lo, hi] = limits[-y.t], [tlo, thi] = limits[x.t];
  const v = BigInt(y.v as number | bigint);
  const w = v === lo ? tlo : v === hi ? thi : v === -hi ? -thi : v > -thi && v < thi ? v : null;
  return w === null ? count(x) : find1(x, { t: -x.t, v: x.t === T.Long ? w : Number(w) } as Atom);
}

/** Hash indexes of vectors and lists searched again and again (d k in a loop over a dictionary of many
 *  keys was a scan each time: an AoC sand simulation over a 20000-key dictionary of pairs did not finish
 *  in ten minutes). Keyed by the items' array, which only an in-place amend changes (forgetIndex). A
 *  vector with u#, p# or g# is indexed at its first search, as kdb+ hashes it; others at their third (a
 *  big one later). */
const indexes = new WeakMap<object, number | Map<unknown, number>>();
const INDEX_MIN = 64, INDEX_MAX = 1 << 22;
export function forgetIndex(d: object): void { indexes.delete(d); }
/** Float items compare tolerantly in a general list (match), so no index holds them. */
const exact = (e: Q): boolean => { const t = Math.abs(e.t); return t !== T.Float && t !== T.Real && t !== T.Datetime && t !== T.Guid && (e.t < 0 || (e.t > 0 && e.t < T.Enum)); };
/** The index of x's items (first positions), when x is searched often enough to have one; null if not. */
function indexOf(x: Q, d: ArrayLike<unknown>, n: number): Map<unknown, number> | null {
  if (n < INDEX_MIN || n > INDEX_MAX) return null;
  const c = indexes.get(d as object);
  if (c instanceof Map) return c;
  const seen = (c ?? 0) + 1, a = (x as Vec).a;
  // (a big vector is scanned more times first: building its index costs a few hundred scans)
  if (seen < Math.max(3, n >> 13) && !(a === 2 || a === 4 || a === 3)) { indexes.set(d as object, seen); return null; }
  const m = new Map<unknown, number>();
  if (x.t === T.List) {
    for (let i = n - 1; i >= 0; i--) { const e = (d as Q[])[i]; if (!exact(e)) { indexes.set(d as object, -Infinity); return null; } m.set(keyText(e), i); }
  } else if (d instanceof BigInt64Array) {
    // 8-byte integers keyed as doubles from their halves (a BigInt key costs several times more to read
    // and to hash), unless some item is beyond 2^53
    const w = new Int32Array(d.buffer, d.byteOffset, 2 * n);
    for (let i = n - 1; i >= 0; i--) {
      const hi = w[2 * i + 1];
      if (!exactHi(hi)) { m.clear(); for (let j = n - 1; j >= 0; j--) m.set(d[j], j); break; }
      m.set(hi * 4294967296 + (w[2 * i] >>> 0), i);
    }
    if (m.size && typeof m.keys().next().value === 'number') wide.add(m);
  } else for (let i = n - 1; i >= 0; i--) m.set((d as ArrayLike<unknown>)[i], i);
  indexes.set(d as object, m);
  covers.set(m, n);
  return m;
}
/** How many items each index covers (its array's count when built; more as joins extend it). */
const covers = new WeakMap<Map<unknown, number>, number>();
/** z is x's n items followed by more (x,y): when x has an index covering exactly its items, it is
 *  extended by the new ones and serves z too, so adding keys one at a time to a searched dictionary is
 *  not a rebuild each time (mkst's AoC 2020 day 15 and 2022 day 14). Positions past an array's count
 *  are absent for it, so x keeps using it; a second extension of x makes no more use of it. */
export function extendIndex(x: Q, z: Q, n: number): void {
  const xd = (x as Vec).d as unknown as object, m = xd && indexes.get(xd);
  // (x not indexed yet: z inherits how often x was searched, so a vector grown by one item between
  // searches, d[k]:v in a loop, earns its index as one that stays would; otherwise each search is a scan)
  if (typeof m === 'number' && m > 0) { indexes.set((z as Vec).d as unknown as object, m); return; }
  if (!(m instanceof Map) || covers.get(m) !== n) return;
  const zd = (z as Vec).d as unknown as ArrayLike<unknown>, k = count(z), keys: unknown[] = [];
  // (every new key first: an index is changed only when all of them can go in)
  for (let i = n; i < k; i++) {
    if (z.t === T.List) { const e = (zd as Q[])[i]; if (!exact(e)) return; keys.push(keyText(e)); continue; }
    const v = zd[i];
    if (wide.has(m)) { if (typeof v !== 'bigint' || v < -(2n ** 53n) || v > 2n ** 53n) return; keys.push(Number(v)); }
    else keys.push(v !== v ? NaN : v);
  }
  keys.forEach((key, j) => { if (!m.has(key)) m.set(key, n + j); });
  covers.set(m, k);
  indexes.set(zd as object, m);
}
/** Indexes of 8-byte integers keyed as doubles: a search there asks with its value as a double. */
const wide = new WeakSet<Map<unknown, number>>();
const keyOf = (m: Map<unknown, number>, v: unknown): unknown => wide.has(m) ? (typeof v === 'bigint' ? (v >= -(2n ** 53n) && v <= 2n ** 53n ? Number(v) : v) : v) : v !== v ? NaN : v;

/** Position of atom (or item) y in list x; count x when absent. */
export function find1(x: Q, y: Q): number {
  const n = count(x);
  // enumerated symbols and symbols find each other as symbols: a symbol by its index in x's domain
  if (x.t === T.Enum && y.t === -T.Sym && isSymDomain(x)) {
    const k = domainIds((x as Vec).dom!).indexOf(intern((y as Atom).v));
    return k < 0 ? n : find1(x, { t: -T.Enum, v: k, dom: (x as Vec).dom } as Q);
  }
  if (x.t === T.Sym && y.t === -T.Enum && isSymDomain(y)) return find1(x, deenum(y));
  if (x.t === T.Enum && y.t === -T.Enum && (x as Vec).dom !== (y as Vec).dom && isSymDomain(y)) return find1(x, deenum(y));
  if (x.t > 0 && x.t <= T.Enum && y.t === -x.t) {
    const d = (x as Vec).d as any;
    let v = (y as Atom).v;
    if (x.t === T.Sym) v = intern(v);
    if (x.t === T.Guid) { for (let i = 0; i < n; i++) if (match(item(x, i), y)) return i; return n; }
    const ix = indexOf(x, d, n);
    if (ix) { const p = ix.get(keyOf(ix, v)); return p === undefined || p >= n ? n : p; }
    // floats exactly, as kdb+ finds them (no comparison tolerance); a null finds a null
    if (x.t === T.Float || x.t === T.Real || x.t === T.Datetime) { const nan = v !== v; for (let i = 0; i < n; i++) { const u = d[i]; if (u === v || (nan && u !== u)) return i; } return n; }
    for (let i = 0; i < n; i++) if (d[i] === v) return i;
    return n;
  }
  if (x.t === T.List) {
    const d = (x as List).d, ix = exact(y) ? indexOf(x, d, n) : null;
    if (ix) { const p = ix.get(keyText(y)); return p === undefined || p >= n ? n : p; }
    // (exactly, as the index's texts and Find on vectors compare: basics/precision)
    for (let i = 0; i < n; i++) if (match(d[i], y, false)) return i;
    return n;
  }
  for (let i = 0; i < n; i++) if (match(item(x, i), y, false)) return i;
  return n;
}

/** Positions of guids y in guids x (16 bytes each) by a Map of their bytes as text. */
function guidFind(x: Uint8Array, y: Uint8Array): Int32Array {
  const n = x.length >> 4, m = y.length >> 4, key = (d: Uint8Array, i: number) => String.fromCharCode(...d.subarray(16 * i, 16 * i + 16));
  const h = new Map<string, number>();
  for (let i = n - 1; i >= 0; i--) h.set(key(x, i), i);
  const r = fresh(Int32Array, m);
  for (let i = 0; i < m; i++) r[i] = h.get(key(y, i)) ?? n;
  return r;
}

/** Positions of y's rows in x's (count x when absent), where the tables have the same columns: typed
 *  non-float columns by the group kernels over x's rows followed by y's, others by each row's text. */
function tableFind(x: Table, y: Table): Int32Array | null {
  if (x.c.length !== y.c.length || x.c.some((c, j) => y.c[j] !== c)) return null;
  const n = count(x), m = count(y), found = firstMatches(x.d, y.d, n);
  if (found) return found;
  const r = fresh(Int32Array, m);
  const key = (t: Table, i: number) => t.d.map(c => keyText(item(c, i))).join('\u0001'), h = new Map<string, number>();
  for (let i = n - 1; i >= 0; i--) h.set(key(x, i), i);
  for (let i = 0; i < m; i++) r[i] = h.get(key(y, i)) ?? n;
  return r;
}

/** Where each item of y is first in x (n and m items; x's count when absent), by an open-addressed table
 *  of x's positions keyed by the items' 32-bit halves (s 2: longs as halves) or their values (s 1: ints
 *  and narrower). A Map keyed by each long's number made an entry of each and hashed it (x in y of 100 longs:
 *  3.4 → 1.55 µs). */
function slotFind(x: ArrayLike<number>, y: ArrayLike<number>, n: number, m: number, s: 1 | 2): Int32Array {
  let bits = 4;
  while (1 << bits < 2 * n) bits++;
  const slot = fresh(Int32Array, 1 << bits), mask = (1 << bits) - 1, shift = 32 - bits, r = fresh(Int32Array, m);
  // (a slot holds a position + 1; the first of equal items stays. The probe is written out in both loops:
  // as a function of its own, closure or not, x in y of 100 longs took a fifth longer, 1.35 → 1.65 µs)
  for (let i = 0; i < n; i++) {
    const lo = x[s * i], hi = s === 2 ? x[s * i + 1] : 0;
    for (let h = Math.imul(lo ^ Math.imul(hi, 0x27d4eb2d), 0x9e3779b1) >>> shift; ; h = (h + 1) & mask) {
      const p = slot[h] - 1;
      if (p < 0) { slot[h] = i + 1; break; }
      if (x[s * p] === lo && (s === 1 || x[s * p + 1] === hi)) break;
    }
  }
  for (let j = 0; j < m; j++) {
    const lo = y[s * j], hi = s === 2 ? y[s * j + 1] : 0;
    for (let h = Math.imul(lo ^ Math.imul(hi, 0x27d4eb2d), 0x9e3779b1) >>> shift; ; h = (h + 1) & mask) {
      const p = slot[h] - 1;
      if (p < 0) { r[j] = n; break; }
      if (x[s * p] === lo && (s === 1 || x[s * p + 1] === hi)) { r[j] = p; break; }
    }
  }
  return r;
}
/** The most items sought by a scan of x each, rather than through a hash of x: 8 scans of x cost about
 *  what a Map of x's items costs to build. */
const FEW_SOUGHT = 8;
/** Where each item of y is first in x (x's count when absent), by a scan of x for each. */
function scan(x: ArrayLike<number> | BigInt64Array, y: ArrayLike<number> | BigInt64Array): Int32Array {
  const m = y.length, r = fresh(Int32Array, m), w = x instanceof BigInt64Array ? halves(x) : undefined;
  for (let j = 0; j < m; j++) r[j] = nextAt(x, y[j], 0, w);
  return r;
}
/** Positions of each item of y in x, using a hash map when x is a vector. */
export function findMany(x: Q, y: Q): Int32Array | number[] {
  const m = count(y);
  if (x.t === T.Enum && y.t === T.Sym && isSymDomain(x)) return findMany(deenum(x), y);
  if (x.t === T.Sym && y.t === T.Enum && isSymDomain(y)) return findMany(x, deenum(y));
  if (x.t === T.Enum && y.t === T.Enum && (x as Vec).dom !== (y as Vec).dom && isSymDomain(x) && isSymDomain(y)) return findMany(deenum(x), deenum(y));
  if (x.t > 0 && x.t <= T.Enum && y.t === x.t) {
    const xd = (x as Vec).d as any, yd = (y as Vec).d as any, n = count(x);
    // a few items sought: a scan of x for each costs less than a hash of all of x (rows of one to three
    // ids, each except a list of a few hundred: AoC 2023 day 22's falling bricks)
    if (m <= FEW_SOUGHT && x.t !== T.Guid) return scan(xd, yd);
    // a hash table in wasm when the kernels are in and y is long enough to pay for the call
    const k = (x.t !== T.Enum || (x as Vec).dom === (y as Vec).dom) ? kernels.find(x.t, xd, yd) : null;
    if (k) return k;
    if (x.t === T.Guid) return guidFind(xd, yd);
    if (xd instanceof BigInt64Array) return slotFind(halves(xd), halves(yd as BigInt64Array), n, m, 2);
    if (!(xd instanceof Float64Array || xd instanceof Float32Array)) return slotFind(xd, yd, n, m, 1);
    // (a Map's keys compare as find does: a null finds a null, -0 finds 0, floats exactly)
    const h = new Map<any, number>();
    for (let i = n - 1; i >= 0; i--) h.set(xd[i], i);
    const r = fresh(Int32Array, m);
    for (let i = 0; i < m; i++) { const p = h.get(yd[i]); r[i] = p === undefined ? n : p; }
    return r;
  }
  // rows of a table among the rows of a table with the same columns: grouped together, or by their text;
  // exactly, however few (Find is not tolerant of floats, basics/precision, as match is)
  if (x.t === T.Table && y.t === T.Table) {
    const r = tableFind(x as Table, y as Table);
    if (r) return r;
  }
  const r = new Array<number>(m);
  // items of a general list by their text (strings above all): a hash, where a scan an item is quadratic
  if (x.t === T.List && m > 8 && count(x) > 8) {
    // strings among strings by their bytes alone; other items by a text that carries their types
    const xs = stringBytes(x), ys = xs && (y === x ? xs : stringBytes(y));
    if (xs && ys) return stringFind(xs, ys);
    const xd = (x as List).d, n = xd.length, h = new Map<string, number>();
    for (let i = n - 1; i >= 0; i--) h.set(keyText(xd[i]), i);
    for (let i = 0; i < m; i++) { const p = h.get(keyText(item(y, i))); r[i] = p === undefined ? n : p; }
    return r;
  }
  for (let i = 0; i < m; i++) r[i] = find1(x, item(y, i));
  return r;
}

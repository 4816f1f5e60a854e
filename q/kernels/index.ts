// One dispatch per operation: from a vector's type to the kernel instance for its kind, or null when the
// kernels are not installed or the vector is too short for a kernel call to pay; callers then take their
// TypeScript path. Bad input never reaches wasm: callers check types and lengths first, as q does, and
// every function here checks the kinds it is given.
import { T } from '../value/types.js';
import { allocRaw, Items, inWasm } from '../value/storage.js';
import { MIN_BYTES } from '../value/heap.js';
import { K, begin, ptr, tmp, view, lastingInts } from './runtime.js';

/** Below this many items the TypeScript loops win (a call and a copy cost more than the loop). */
export const SMALL = 2048;
const on = (n: number) => K !== null && n >= SMALL;

/** The kernels' name for the items of vector type t: how wide they are and how they compare. */
export type Kind = 'i8' | 'i16' | 'i32' | 'i64' | 'f32' | 'f64';
export function kindOf(t: number): Kind | null {
  switch (t) {
    case T.Bool: case T.Byte: case T.Char: return 'i8';
    case T.Short: return 'i16';
    case T.Int: case T.Month: case T.Date: case T.Minute: case T.Second: case T.Time: return 'i32';
    case T.Long: case T.Timestamp: case T.Timespan: return 'i64';
    case T.Real: return 'f32';
    case T.Float: case T.Datetime: return 'f64';
  }
  return null;
}
const WIDTH: Record<Kind, number> = { i8: 1, i16: 2, i32: 4, i64: 8, f32: 4, f64: 8 };
const has = (name: string) => K !== null && typeof K[name] === 'function';

/** A result of n items of type t for a kernel to write: its pointer, and a function that returns the
 *  finished array (a small result is written to scratch, then copied to the JavaScript heap). */
function output(t: number, n: number): [number, () => Items] {
  const a = allocRaw(t, n);
  // allocRaw puts only blocks of MIN_BYTES or more in wasm memory; asking a small array for its .buffer
  // would make V8 give it one
  if (a.byteLength === 0 || a.byteLength >= MIN_BYTES && a.buffer instanceof SharedArrayBuffer) return [a.byteLength ? a.byteOffset : tmp(16), () => a];
  const p = tmp(a.byteLength);
  return [p, () => { (a as Uint8Array).set(view(a.constructor as typeof Uint8Array, p, a.length)); return a; }];
}
/** The first m items of a scratch or heap block of i32 written by a kernel, as an int array of its own. */
function ints(p: number, m: number): Int32Array {
  const r = allocRaw(T.Int, m) as Int32Array;
  r.set(view(Int32Array, p, m));
  return r;
}

// ---- aggregates ---------------------------------------------------------------------------------------

/** sum of a float vector, nulls skipped */
export function sumF64(d: Float64Array): number | null {
  if (!on(d.length)) return null;
  begin();
  return K!.sumF64(ptr(d), d.length);
}
/** avg's sum (as floats) and count of the items that are not null, of a long, int or float vector; or null. */
export function sumCount(d: BigInt64Array | Int32Array | Float64Array): [number, number] | null {
  const k = d instanceof BigInt64Array ? 'I64' : d instanceof Int32Array ? 'I32' : 'F64';
  if (!on(d.length) || !has('sumCount' + k)) return null;
  begin();
  const c = tmp(8), s = K!['sumCount' + k](ptr(d), d.length, c) as number;
  return [s, view(Int32Array, c, 1)[0]];
}
/** sum of a long vector, nulls skipped, wrapping */
export function sumI64(d: BigInt64Array): bigint | null {
  if (!on(d.length) || !has('sumI64')) return null;
  begin();
  return BigInt.asIntN(64, K!.sumI64(ptr(d), d.length) as bigint);
}

// ---- element-wise arithmetic ---------------------------------------------------------------------------

/** One side of an element-wise operation: a vector where it lives, or one number as a stride-0 vector. */
type Side = Float64Array | BigInt64Array | Int32Array | number | bigint;
const arrayKind = (a: Side): 'f64' | 'i64' | 'i32' | null =>
  a instanceof Float64Array ? 'f64' : a instanceof BigInt64Array ? 'i64' : a instanceof Int32Array ? 'i32' : null;
/** Pointer and stride of side a; a number is written to scratch as kind k. */
function sidePtr(a: Side, k: 'f64' | 'i64' | 'i32'): [number, number] {
  if (typeof a === 'object') return [ptr(a), a.BYTES_PER_ELEMENT];
  const p = tmp(8);
  if (k === 'f64') view(Float64Array, p, 1)[0] = Number(a);
  else if (k === 'i64') view(BigInt64Array, p, 1)[0] = BigInt(a);
  else view(Int32Array, p, 1)[0] = Number(a);
  return [p, 0];
}

/** a op b item by item as floats (op: 0 +, 1 -, 2 *, 3 %, 4 div, 5 mod) over n items: each side a float, long or int
 *  vector of n items, or one float; or null. */
export function fop(op: number, a: Side, b: Side, n: number): Float64Array | null {
  const ka = typeof a === 'number' ? 'f64' : arrayKind(a), kb = typeof b === 'number' ? 'f64' : arrayKind(b);
  if (!ka || !kb || !on(n) || (typeof a === 'object' && a.length !== n) || (typeof b === 'object' && b.length !== n)) return null;
  const name = `fop_${ka}_${kb}`;
  if (!has(name)) return null;
  begin();
  const [pa, sa] = sidePtr(a, ka), [pb, sb] = sidePtr(b, kb), [dst, done] = output(T.Float, n);
  K![name](op, pa, sa, pb, sb, n, dst);
  return done() as Float64Array;
}

/** a op b item by item in integer kind k (op: 0 +, 1 -, 2 *, 4 div, 5 mod): nulls give null, the rest
 *  wraps (div and mod as q defines them at 0); each side a
 *  vector of n items of kind k or one number; or null. */
export function iop(op: number, k: 'i64' | 'i32', a: Side, b: Side, n: number): BigInt64Array | Int32Array | null {
  const ok = (x: Side) => typeof x === 'object' ? arrayKind(x) === k && x.length === n : (typeof x === 'bigint') === (k === 'i64');
  if (!on(n) || !ok(a) || !ok(b) || !has(`iop_${k}`)) return null;
  begin();
  const [pa, sa] = sidePtr(a, k), [pb, sb] = sidePtr(b, k), [dst, done] = output(k === 'i64' ? T.Long : T.Int, n);
  K![`iop_${k}`](op, pa, sa, pb, sb, n, dst);
  return done() as BigInt64Array | Int32Array;
}

/** f of each float (op: 0 neg, 1 abs, 2 floor, 3 ceiling, 4 sqrt, 5 reciprocal), or null. */
export function fmap(op: number, d: Float64Array): Float64Array | null {
  if (!on(d.length) || !has('fmap_f64')) return null;
  begin();
  const src = ptr(d), [dst, done] = output(T.Float, d.length);
  K!.fmap_f64(op, src, d.length, dst);
  return done() as Float64Array;
}
/** neg (op 0) or abs (op 1) of each long or int, nulls kept, or null. */
export function imap(op: number, d: BigInt64Array | Int32Array): BigInt64Array | Int32Array | null {
  const k = d instanceof BigInt64Array ? 'i64' : 'i32';
  if (!on(d.length) || !has(`imap_${k}`)) return null;
  begin();
  const src = ptr(d), [dst, done] = output(k === 'i64' ? T.Long : T.Int, d.length);
  K![`imap_${k}`](op, src, d.length, dst);
  return done() as BigInt64Array | Int32Array;
}

/** Items of a boolean (Uint8Array), int, long or float vector cast to int, long or float (to: its kind),
 *  or null. */
export function cast(d: Items, to: 'i32' | 'i64' | 'f64'): Items | null {
  const from = d instanceof Uint8Array ? 'i8' : arrayKind(d as Side);
  if (!from || from === to || !on(d.length) || !has(`cast_${from}_${to}`)) return null;
  begin();
  const src = ptr(d), [dst, done] = output(to === 'f64' ? T.Float : to === 'i64' ? T.Long : T.Int, d.length);
  K![`cast_${from}_${to}`](src, d.length, dst);
  return done();
}

/** A calendar part of each date (0 year, 1 month, 2 day of the month, 3 the Monday of its week, 7 its
 *  month as q counts months), nulls kept, or null. */
export function datePart(d: Int32Array, part: 0 | 1 | 2 | 3 | 7): Int32Array | null {
  if (!on(d.length) || !has('datePart_i32')) return null;
  begin();
  const src = ptr(d), [dst, done] = output(T.Int, d.length);
  K!.datePart_i32(src, d.length, part, dst);
  return done() as Int32Array;
}

/** A part of each timestamp or timespan (its nanoseconds): 0 to 3 and 7 as datePart of its day, 4 the hour, 5
 *  the minute, 6 the second; nulls and infinities kept; or null. */
export function nsPart(d: BigInt64Array, part: number): Int32Array | null {
  if (!on(d.length) || !has('nsPart_i64')) return null;
  begin();
  const src = ptr(d), [dst, done] = output(T.Int, d.length);
  K!.nsPart_i64(src, d.length, part, dst);
  return done() as Int32Array;
}

/** start, start+1, … : n longs (til), or n ints (row positions); or null. */
function iotaOf(t: T.Long | T.Int, start: number | bigint, n: number): Items | null {
  const name = t === T.Long ? 'iota_i64' : 'iota_i32';
  if (!on(n) || !has(name)) return null;
  begin();
  const [dst, done] = output(t, n);
  K![name](start, n, dst);
  return done();
}
export const iota = (start: bigint, n: number) => iotaOf(T.Long, start, n) as BigInt64Array | null;
export const iota32 = (start: number, n: number) => iotaOf(T.Int, start, n) as Int32Array | null;

// ---- order ----------------------------------------------------------------------------------------------

/** Positions that sort items of type t (stable; descending keeps equal items in order), or null. For
 *  symbols, pass each item's rank in text order as an int vector (symRanks). */
export function grade(t: number, d: Items, desc: boolean): Int32Array | null {
  const k = t === T.Guid ? 'guid' : kindOf(t), n = d.length / (t === T.Guid ? 16 : 1);
  if (!k || !on(n) || !has(`grade_${k}`)) return null;
  begin();
  const src = ptr(d), [dst, done] = output(T.Int, n), scratch = tmp(gradeScratch(k, n));
  K![`grade_${k}`](src, n, dst, scratch, desc ? 1 : 0);
  return done() as Int32Array;
}
function gradeScratch(k: Kind | 'guid', n: number): number {
  if (k === 'guid') return K!.grade_guidScratch(n);
  return has(`grade_${k}Scratch`) ? K![`grade_${k}Scratch`](n) : has('gradeScratch') ? K!.gradeScratch(n, WIDTH[k]) : 16 * n + 4096;
}

/** Items idx of d (every index in range: the caller checked), or null. */
export function gather(t: number, d: Items, idx: Int32Array): Items | null {
  // symbols (ids) and enumerations (indices) are 4-byte items like ints
  const w = t === T.Guid ? 16 : t === T.Sym || t >= 20 && t < 77 ? 4 : kindOf(t) ? WIDTH[kindOf(t)!] : 0;
  if (!w || !on(idx.length) || !has(`gather_w${w}`)) return null;
  begin();
  const src = ptr(d), ix = ptr(idx), [dst, done] = output(t >= 20 && t < 77 ? T.Int : t, idx.length);
  K![`gather_w${w}`](src, ix, idx.length, dst);
  return done();
}

/** dst[idx[i]] = d[i] for each item of d, in place (every index in range: the caller checked); false when
 *  the kernel cannot (dst not in wasm memory, or no kernel for the width). */
export function scatter(t: number, d: Items, idx: Int32Array, dst: Items): boolean {
  const w = t === T.Guid ? 16 : t === T.Sym || t >= 20 && t < 77 ? 4 : kindOf(t) ? WIDTH[kindOf(t)!] : 0;
  if (!w || !on(idx.length) || !has(`scatter_w${w}`) || !inWasm(dst)) return false;
  begin();
  K![`scatter_w${w}`](ptr(d), ptr(idx), idx.length, dst.byteOffset);
  return true;
}

// ---- search ----------------------------------------------------------------------------------------------

/** Positions of the true items of a boolean vector, as ints (rows for a where clause) or as longs (q's
 *  where); or null. */
export function where(d: Uint8Array): Int32Array | null { return wherePositions(d, T.Int) as Int32Array | null; }
export function whereLong(d: Uint8Array): BigInt64Array | null { return wherePositions(d, T.Long) as BigInt64Array | null; }
function wherePositions(d: Uint8Array, t: T.Int | T.Long): Items | null {
  const f = t === T.Int ? 'where_i8' : 'where_i8_i64';
  if (!on(d.length) || !has(f) || !has('count_i8')) return null;
  begin();
  // count first, so the positions go straight into a block of the right size
  const src = ptr(d), m: number = K!.count_i8(src, d.length), [dst, done] = output(t, m);
  K![f](src, d.length, dst);
  return done();
}

/** lo <= x <= hi item by item (q order: nulls lowest), or null; lo and hi are of the items' kind. */
export function within(t: number, d: Items, lo: number | bigint, hi: number | bigint): Uint8Array | null {
  const k = kindOf(t);
  if (!k || !on(d.length) || !has(`within_${k}`)) return null;
  begin();
  const src = ptr(d), [dst, done] = output(T.Bool, d.length);
  K![`within_${k}`](src, d.length, lo, hi, dst);
  return done() as Uint8Array;
}

/** x op s item by item in q order (op: 0 =, 1 <>, 2 <, 3 >, 4 <=, 5 >=), s of the items' kind; or null. */
export function cmpS(t: number, d: Items, s: number | bigint, op: number): Uint8Array | null {
  const k = t === T.Sym || (t >= 20 && t < 77) ? 'i32' : kindOf(t);
  if (!k || !on(d.length) || !has(`cmpS_${k}`)) return null;
  begin();
  const src = ptr(d), [dst, done] = output(T.Bool, d.length);
  K![`cmpS_${k}`](src, d.length, s, op, dst);
  return done() as Uint8Array;
}

/** a op b item by item in q order for two vectors of one kind (f64, i64 or i32) and length; or null. */
export function cmpV(a: Side, b: Side, op: number): Uint8Array | null {
  const k = arrayKind(a);
  if (!k || typeof a !== 'object' || typeof b !== 'object' || arrayKind(b) !== k || a.length !== b.length || !on(a.length) || !has(`cmpV_${k}`)) return null;
  begin();
  const pa = ptr(a as Items), pb = ptr(b), [dst, done] = output(T.Bool, b.length);
  K![`cmpV_${k}`](pa, pb, b.length, op, dst);
  return done() as Uint8Array;
}

/** A where clause's test on one column: lo <= x <= hi, or x op s (op numbered as cmpS's). */
export type Test = { lo: number | bigint; hi: number | bigint } | { s: number | bigint; op: number };
/**
 * Ascending positions of the items of d (type t) that pass a test, without a boolean vector: over all
 * items (rows null, m = the count, base 0), over the positions kept so far (rows), or over the run of
 * m items from base; with wantVals, a float column's items kept too. Null when there is no kernel for it.
 */
export function select(t: number, d: Items, rows: Int32Array | null, base: number, m: number, test: Test, wantVals = false): { rows: Int32Array; vals: Float64Array | null } | null {
  const k = t === T.Sym || (t >= 20 && t < 77) ? 'i32' : kindOf(t), name = 'op' in test ? 'selS' : 'selW';
  if (!k || k === 'i8' || k === 'i16' || k === 'f32' || !on(m) || !has(`${name}_${k}`)) return null;
  begin();
  // floats, when asked: the items kept come out too, so a query reading the column next need not gather it
  const src = ptr(d), r = rows ? ptr(rows) : 0, dst = tmp(4 * m), vals = wantVals && k === 'f64' ? tmp(8 * m) : 0;
  const n: number = 'op' in test ? K![`selS_${k}`](src, r, base, m, test.s, test.op, dst, vals) : K![`selW_${k}`](src, r, base, m, test.lo, test.hi, dst, vals);
  let v: Float64Array | null = null;
  if (vals) { v = allocRaw(T.Float, n) as Float64Array; v.set(view(Float64Array, vals, n)); }
  return { rows: ints(dst, n), vals: v };
}

/** The smallest and largest of an int vector, or null (too short for a kernel call to pay). */
export function bounds(d: Int32Array): [number, number] | null {
  if (!on(d.length) || !has('minmax_i32')) return null;
  begin();
  return minmax(ptr(d), d.length);
}
/** minmax_i32 of n ints at p (within a kernel call's begin()). */
function minmax(p: number, n: number): [number, number] {
  const mm = tmp(8);
  K!.minmax_i32(p, n, mm);
  const [lo, hi] = view(Int32Array, mm, 2);
  return [lo, hi];
}

// ---- grouping ----------------------------------------------------------------------------------------------

export interface Grouping {
  /** the group of each row, groups numbered in order of first appearance; a lasting buffer, valid
   *  until the next call of group() (copy it to keep it) */
  gid: Int32Array;
  /** the first row of each group */
  first: Int32Array;
  ng: number;
  /** the rows in each group, when the grouping pass counted them (one or two keys) */
  counts?: Int32Array;
}

/** Rows grouped by equal values across key columns of ints, longs, floats (exactly), symbols,
 *  enumerations, temporals, or null. One pass per column (direct-addressed when the values span a small
 *  range, else hashed), then one per extra column. */
export function group(keys: { t: number; d: Items }[], n: number): Grouping | null {
  if (!on(n) || !keys.length || !has('groupRange_i32')) return null;
  // (booleans, bytes, chars and shorts as ints: the kernels group 32- and 64-bit keys, and a char column
  // beside others sent a table's distinct rows through text, 0.35 s for 100,000)
  keys = keys.map(c => { const k = kindOf(c.t); return k === 'i8' || k === 'i16' ? { t: T.Int, d: Int32Array.from(c.d as ArrayLike<number>) } : exactKeys(c.t, c.d); });
  const int = (c: { t: number }) => kindOf(c.t) === 'i32' || c.t === T.Sym || (c.t >= 20 && c.t < 77);
  if (keys.some(c => !int(c) && !(kindOf(c.t) === 'i64' && has('groupRange_i64')) && !(c.t === T.Guid && has('groupHash_g16')))) return null;
  // two keys whose ranges multiply to a small table: one pass over both (by stock, date …)
  if (keys.length === 2 && keys.every(int) && has('groupRange2_i32')) {
    begin();
    const [a, b] = keys.map(c => range(c.d as Int32Array, n));
    if (a && b && a.span * b.span <= Math.max(1 << 20, n)) {
      const gid = lastingInts(0, n), first = tmp(4 * n), slot = tmp(4 * a.span * b.span), cnt = tmp(4 * Math.min(n, a.span * b.span));
      const ng: number = K!.groupRange2_i32(a.p, a.lo, b.p, b.lo, a.span, b.span, n, gid.byteOffset, first, slot, cnt);
      return { gid, first: ints(first, ng), ng, counts: view(Int32Array, cnt, ng).slice() };
    }
  }
  let g: Grouping | null = null;
  for (const c of keys) {
    begin();
    // the running grouping lives in lasting buffer 0, each further column's in 1; pairing reads row i of
    // both before it writes row i of 0, so it can write in place
    const one = groupOne(c, n, g ? 1 : 0);
    if (!one) return null;
    if (!g) { g = one; continue; }
    if (g.ng * one.ng > Math.max(1 << 20, n)) {
      // too many pairs for a table of slots: each row's pair as one int (or one long, the two ids its
      // halves, when their product passes an int: rows of several columns of many values), grouped by hash
      const a = g.gid, b = one.gid, m = one.ng, wide = g.ng * one.ng >= 2 ** 31;
      const pair = allocRaw(wide ? T.Long : T.Int, n);
      if (wide) { const w = new Int32Array(pair.buffer, pair.byteOffset, 2 * n); for (let i = 0; i < n; i++) { w[2 * i] = b[i]; w[2 * i + 1] = a[i]; } }
      else { const p = pair as Int32Array; for (let i = 0; i < n; i++) p[i] = a[i] * m + b[i]; }
      begin();
      g = groupOne({ t: wide ? T.Long : T.Int, d: pair }, n, 0);
      if (!g) return null;
      continue;
    }
    begin();
    const gid = lastingInts(0, n), first = tmp(4 * n), slot = tmp(4 * g.ng * one.ng);
    const ng: number = K!.groupPair(ptr(g.gid), g.ng, ptr(one.gid), one.ng, n, gid.byteOffset, first, slot);
    g = { gid, first: ints(first, ng), ng };
  }
  return g;
}
/** Rows per value of an int key within each run of a sorted column's equal values: the runs' bounds
 *  (found by binary search, no pass over the sorted column), the key's lowest value and span, and the
 *  counts (run by run, span values each); null when the runs times the span are too many. */
export function runCounts(sorted: Int32Array, key: Int32Array, n: number): { starts: Int32Array; lo: number; span: number; counts: Int32Array } | null {
  if (!on(n) || !has('runCounts_i32') || sorted.length !== n || key.length !== n) return null;
  begin();
  const k = ptr(key), [lo, hi] = minmax(k, n), span = hi - lo + 1;
  const bounds = [0];
  for (let p = 0; p < n;) {
    // the first row past the run of sorted[p]
    const v = sorted[p];
    let a = p + 1, b = n;
    while (a < b) { const m = (a + b) >>> 1; if (sorted[m] === v) a = m + 1; else b = m; }
    bounds.push(p = a);
    if ((bounds.length - 1) * span > Math.max(1 << 20, n)) return null;
  }
  const nruns = bounds.length - 1, starts = Int32Array.from(bounds), st = tmp(4 * (nruns + 1)), out = tmp(4 * nruns * span);
  view(Int32Array, st, nruns + 1).set(starts);
  K!.runCounts_i32(k, lo, span, st, nruns, out);
  return { starts, lo, span, counts: view(Int32Array, out, nruns * span).slice() };
}

/** When the values of an int key column are small and none is negative (an enumeration's indices, dates
 *  after 2000), they can serve as group ids as they are, with no grouping pass: how many ids that makes
 *  (the largest value + 1), or 0. */
export function directIds(d: Int32Array, n: number): number {
  if (!on(n) || !has('minmax_i32') || d.length !== n) return 0;
  begin();
  const [lo, hi] = minmax(ptr(d), n);
  return lo >= 0 && hi < Math.max(1 << 16, n >> 2) ? hi + 1 : 0;
}
/** Where an int key column lives, its lowest value and the span of its values; null when the span is too
 *  large for a direct-addressed table. */
function range(d: Int32Array, n: number): { p: number; lo: number; span: number } | null {
  const p = ptr(d), [lo, hi] = minmax(p, n);
  return hi - lo >= Math.max(1 << 16, 2 * n) ? null : { p, lo, span: hi - lo + 1 };
}
/** The same for a long key column (longs, timestamps, timespans): lo as a bigint. */
function rangeLong(d: BigInt64Array, n: number): { p: number; lo: bigint; span: number } | null {
  const p = ptr(d), mm = tmp(16);
  K!.minmax_i64(p, n, mm);
  const [lo, hi] = view(BigInt64Array, mm, 2);
  // the span as a number only once it is known to be small (hi - lo may not fit one)
  return hi - lo >= BigInt(Math.max(1 << 16, 2 * n)) ? null : { p, lo, span: Number(hi - lo) + 1 };
}
/** One key column's grouping into lasting buffer buf: direct-addressed and counted when its values span a
 *  small range, else by hashing. */
function groupOne(c: { t: number; d: Items }, n: number, buf: 0 | 1): Grouping | null {
  const long = kindOf(c.t) === 'i64', guid = c.t === T.Guid;
  const r = guid ? null : long ? rangeLong(c.d as BigInt64Array, n) : range(c.d as Int32Array, n);
  if (!r) {
    const name = guid ? 'groupHash_g16' : long ? 'groupHash_i64' : 'groupHash_i32';
    if (!has(name)) return null;
    const gid = lastingInts(buf, n), first = tmp(4 * n), p = ptr(c.d);
    const ng = hashed(n, (tab, bits) => K![name](p, n, tab, bits, gid.byteOffset, first));
    return { gid, first: ints(first, ng), ng };
  }
  const gid = lastingInts(buf, n), first = tmp(4 * n), slot = tmp(4 * r.span), cnt = tmp(4 * Math.min(n, r.span));
  const ng: number = K![long ? 'groupRange_i64' : 'groupRange_i32'](r.p, n, r.lo, r.span, gid.byteOffset, first, slot, cnt);
  return { gid, first: ints(first, ng), ng, counts: view(Int32Array, cnt, ng).slice() };
}

/** Each group's rows, in row order: perm lists them group by group and start[g] is where group g begins
 *  (ng+1 items); null when there is no kernel or n is small. */
export function members(gid: Int32Array, ng: number): { perm: Int32Array; start: Int32Array } | null {
  const n = gid.length;
  if (!on(n) || !has('gmembers')) return null;
  begin();
  const perm = allocRaw(T.Int, n) as Int32Array;
  const g = ptr(gid), st = tmp(4 * (ng + 1)), cur = tmp(4 * ng + 4), pp = ptr(perm);
  K!.gmembers(g, n, ng, st, cur, pp);
  // a kernel writing into a JavaScript-heap perm (no shared memory) wrote a scratch copy: bring it back
  if (pp !== perm.byteOffset || !(perm.buffer instanceof SharedArrayBuffer)) perm.set(view(Int32Array, pp, n));
  return { perm, start: view(Int32Array, st, ng + 1).slice() };
}

/** Per group: the median of the non-null floats (NaN for none), or null. */
export function gmed(d: Float64Array, gid: Int32Array, ng: number): Float64Array | null {
  if (!on(d.length) || !has('gmed_f64') || d.length !== gid.length) return null;
  const m = members(gid, ng);
  if (!m) return null;
  let big = 0;
  for (let g = 0; g < ng; g++) big = Math.max(big, m.start[g + 1] - m.start[g]);
  begin();
  const v = ptr(d), p = ptr(m.perm), st = ptr(m.start), out = tmp(8 * ng), w = tmp(8 * big + 8);
  K!.gmed_f64(v, p, st, ng, out, w);
  return f64s(out, ng);
}

// ---- grouped aggregates: one pass over (values, group ids) ------------------------------------------------

const f64s = (p: number, m: number) => view(Float64Array, p, m).slice();
/** Per group: the sum of non-null floats and their count; with `rows`, also each group's rows. */
export function gsumcount(d: Float64Array, gid: Int32Array, ng: number, rows = false): { sum: Float64Array; cnt: Float64Array; rows?: Float64Array } | null {
  if (!on(d.length) || !has('gsumcount_f64') || d.length !== gid.length) return null;
  begin();
  const v = ptr(d), g = ptr(gid), s = tmp(8 * ng), c = tmp(8 * ng), r = rows ? tmp(8 * ng) : 0;
  K!.gsumcount_f64(v, g, d.length, ng, s, c, r);
  return { sum: f64s(s, ng), cnt: f64s(c, ng), rows: r ? f64s(r, ng) : undefined };
}
/** Per group: population variance of the non-null floats and their count (two passes: means, then squared
 *  distances, in row order as the TypeScript path sums them). */
export function gvariance(d: Float64Array, gid: Int32Array, ng: number): { v: Float64Array; cnt: Float64Array } | null {
  if (!on(d.length) || !has('gsumcount_f64') || !has('gsqdev_f64') || d.length !== gid.length) return null;
  begin();
  const v = ptr(d), g = ptr(gid), s = tmp(8 * ng), c = tmp(8 * ng), q = tmp(8 * ng);
  K!.gsumcount_f64(v, g, d.length, ng, s, c, 0);
  const sum = view(Float64Array, s, ng), cnt = view(Float64Array, c, ng);
  for (let k = 0; k < ng; k++) sum[k] = sum[k] / cnt[k];
  K!.gsqdev_f64(v, g, d.length, ng, s, q);
  const sq = f64s(q, ng), n = f64s(c, ng);
  for (let k = 0; k < ng; k++) sq[k] = sq[k] / n[k];
  return { v: sq, cnt: n };
}
/** Per group: the exact sum of non-null longs. */
export function gsumLong(d: BigInt64Array, gid: Int32Array, ng: number): BigInt64Array | null {
  if (!on(d.length) || !has('gsum_i64') || d.length !== gid.length) return null;
  begin();
  const v = ptr(d), g = ptr(gid), s = tmp(8 * ng);
  K!.gsum_i64(v, g, d.length, ng, s);
  return view(BigInt64Array, s, ng).slice();
}
/** Rows per group. */
export function gcount(gid: Int32Array, ng: number): Float64Array | null {
  if (!on(gid.length) || !has('gcount')) return null;
  begin();
  const g = ptr(gid), c = tmp(8 * ng);
  K!.gcount(g, gid.length, ng, c);
  return f64s(c, ng);
}
/** Per group: sums of w*v and of w over the pairs with no null (w and v float or long). */
export function gwavg(w: Float64Array | BigInt64Array, v: Float64Array | BigInt64Array, gid: Int32Array, ng: number): { num: Float64Array; den: Float64Array } | null {
  const name = `gwavg_${w instanceof Float64Array ? 'f64' : 'i64'}_${v instanceof Float64Array ? 'f64' : 'i64'}`;
  if (!on(gid.length) || !has(name) || w.length !== gid.length || v.length !== gid.length) return null;
  begin();
  const a = ptr(w), b = ptr(v), g = ptr(gid), num = tmp(8 * ng), den = tmp(8 * ng);
  K![name](a, b, g, gid.length, ng, num, den);
  return { num: f64s(num, ng), den: f64s(den, ng) };
}
/** Per group: the smallest and largest non-null float. */
export function gminmax(d: Float64Array, gid: Int32Array, ng: number): { min: Float64Array; max: Float64Array } | null {
  if (!on(d.length) || !has('gminmax_f64') || d.length !== gid.length) return null;
  begin();
  const v = ptr(d), g = ptr(gid), mn = tmp(8 * ng), mx = tmp(8 * ng);
  K!.gminmax_f64(v, g, d.length, ng, mn, mx);
  return { min: f64s(mn, ng), max: f64s(mx, ng) };
}
/** Per group: the smallest and largest non-null long. */
export function gminmaxLong(d: BigInt64Array, gid: Int32Array, ng: number): { min: BigInt64Array; max: BigInt64Array } | null {
  if (!on(d.length) || !has('gminmax_i64') || d.length !== gid.length) return null;
  begin();
  const v = ptr(d), g = ptr(gid), mn = tmp(8 * ng), mx = tmp(8 * ng);
  K!.gminmax_i64(v, g, d.length, ng, mn, mx);
  return { min: view(BigInt64Array, mn, ng).slice(), max: view(BigInt64Array, mx, ng).slice() };
}
/** The last row of each group. */
export function glast(gid: Int32Array, ng: number): Int32Array | null {
  if (!on(gid.length) || !has('glast')) return null;
  begin();
  const g = ptr(gid), out = tmp(4 * ng);
  K!.glast(g, gid.length, ng, out);
  return view(Int32Array, out, ng).slice();
}

// ---- hashing: find (?), in, distinct over integer items ---------------------------------------------------

/** The hash kernels' kind for items of type t: integers, temporals, symbols (ids), enumerations (indices),
 *  guids (two 64-bit halves); floats go as exactKeys. */
function hashKind(t: number): 'i8' | 'i16' | 'i32' | 'i64' | 'g16' | null {
  if (t === T.Sym || t === T.Enum) return 'i32';
  if (t === T.Guid) return 'g16';
  const k = kindOf(t);
  return k === 'f32' || k === 'f64' ? null : k;
}

/** Items as find, in, distinct and group compare them: floats, reals and datetimes exactly (kdb+ applies
 *  comparison tolerance only to = < > ~ and their kin), with every null one value and -0 the same as 0,
 *  as the integers of their bits (a long or int vector); anything else as it is. */
export function exactKeys(t: number, d: Items): { t: number; d: Items } {
  const k = kindOf(t);
  if (k !== 'f64' && k !== 'f32') return { t, d };
  const n = d.length, to = k === 'f64' ? T.Long : T.Int;
  if (on(n) && has(`canon_${k}`)) {
    begin();
    const src = ptr(d), [dst, done] = output(to, n);
    K![`canon_${k}`](src, n, dst);
    return { t: to, d: done() };
  }
  const r = allocRaw(to, n), f = k === 'f64' ? new Float64Array(r.buffer, r.byteOffset, n) : new Float32Array(r.buffer, r.byteOffset, n);
  f.set(d as Float64Array | Float32Array);
  for (let i = 0; i < n; i++) { const v = f[i]; if (v !== v) f[i] = NaN; else if (v === 0) f[i] = 0; }
  return { t: to, d: r };
}
/** log2 of a table with room for n items at most half full. */
const bitsFor = (n: number) => Math.max(4, 32 - Math.clz32(Math.max(1, 2 * n - 1)));
/** Run a hash kernel with a table that starts small (few distinct values are the usual case, and a big
 *  table costs fresh pages) and grows eightfold each time the kernel finds it too small. */
function hashed(n: number, run: (tab: number, bits: number) => number): number {
  const most = bitsFor(n);
  for (let bits = Math.min(most, 12); ; bits = Math.min(most, bits + 3)) {
    const r = run(tmp(4 << bits), bits);
    if (r >= 0 || bits === most) return r;
  }
}

/** Look y's items up in a hash table of x's: `find_` writes positions (x's count when absent) as ints,
 *  `in_` booleans; x and y of one type t. Null when no kernel applies. */
function lookup(op: 'find' | 'in' | 'met', t: number, x: Items, y: Items): Items | null {
  const nx = itemCount(t, x), ny = itemCount(t, y);
  if (!on(Math.max(nx, ny))) return null;
  const as = t;
  ({ t, d: x } = exactKeys(as, x)); y = exactKeys(as, y).d;
  const k = hashKind(t);
  if (!k || !has(`${op}_${k}`) || nx >= 2 ** 30) return null;
  begin();
  const px = ptr(x), py = ptr(y), [dst, done] = output(op === 'find' ? T.Int : T.Bool, op === 'met' ? nx : ny);
  hashed(nx, (tab, bits) => K![`${op}_${k}`](px, nx, tab, bits, py, ny, dst));
  return done();
}
/** Positions of y's items in x (x's count when absent); or null. */
export const find = (t: number, x: Items, y: Items) => lookup('find', t, x, y) as Int32Array | null;
/** y's items that are items of x, as booleans; or null. */
export const isin = (t: number, x: Items, y: Items) => lookup('in', t, x, y) as Uint8Array | null;
/** x's items that y has, as booleans (for a few of x among many of y: the table is of x); or null. */
export const met = (t: number, x: Items, y: Items) => lookup('met', t, x, y) as Uint8Array | null;
/** Positions of the first appearance of each distinct item, in order; or null. */
export function distinctAt(t: number, x: Items): Int32Array | null {
  const n = itemCount(t, x);
  if (!on(n)) return null;
  ({ t, d: x } = exactKeys(t, x));
  const k = hashKind(t);
  if (!k || !has(`distinct_${k}`) || n >= 2 ** 30) return null;
  begin();
  const px = ptr(x), out = tmp(4 * n);
  const m = hashed(n, (tab, bits) => K![`distinct_${k}`](px, n, tab, bits, out));
  return ints(out, m);
}
/** The number of items of type t in d (a guid is 16 bytes). */
const itemCount = (t: number, d: Items) => t === T.Guid ? d.length >> 4 : d.length;

// ---- running and neighbouring loops: sums, deltas, xbar ------------------------------------------------

const SCAN: Record<number, 'f64' | 'i64' | 'i32'> = { [T.Float]: 'f64', [T.Long]: 'i64', [T.Int]: 'i32' };
/** sums or deltas (args: none) or xbar (args: the atom) of a float, long or int vector into a vector of
 *  its type; or null. */
export function scan(op: 'sums' | 'deltas' | 'xbar', t: number, d: Items, ...args: (number | bigint)[]): Items | null {
  const k = SCAN[t];
  if (!k || !on(d.length) || !has(`${op}_${k}`)) return null;
  begin();
  const src = ptr(d), [dst, done] = output(t, d.length);
  K![`${op}_${k}`](...args, src, d.length, dst);
  return done();
}

// ---- bin, binr ------------------------------------------------------------------------------------------

/** Each y's position in sorted x (bin: last at or below, -1 for none; binr: first at or above), as longs;
 *  x and y of one type t (int-like, long-like or float); or null. */
export function bin(t: number, x: Items, y: Items, right: boolean): BigInt64Array | null {
  const k = kindOf(t);
  if ((k !== 'i32' && k !== 'i64' && k !== 'f64') || !on(y.length) || !has(`bin_${k}`)) return null;
  begin();
  const px = ptr(x), py = ptr(y), [dst, done] = output(T.Long, y.length);
  K![`bin_${k}`](px, x.length, py, y.length, right ? 1 : 0, dst);
  return done() as BigInt64Array;
}

// ---- matrices: mmu and inv over rows of floats -----------------------------------------------------------

/** Matrices at least this big (items) go to the kernels: below, copying in and out costs more than it saves. */
const MATRIX = 4096;
/** Rows of floats copied to one row-major block of scratch. */
function packRows(rows: Float64Array[], n: number): number {
  const p = tmp(rows.length * n * 8), v = view(Float64Array, p, rows.length * n);
  rows.forEach((r, i) => v.set(r, i * n));
  return p;
}
/** m rows of n floats read from a row-major block, each a float vector of its own. */
function unpackRows(p: number, m: number, n: number): Float64Array[] {
  const v = view(Float64Array, p, m * n), out: Float64Array[] = [];
  for (let i = 0; i < m; i++) { const r = allocRaw(T.Float, n) as Float64Array; r.set(v.subarray(i * n, i * n + n)); out.push(r); }
  return out;
}
/** The rows of a (m×k) times b (k×n), or null (too small, or no kernels): the TypeScript path's sums. */
export function mmuRows(a: Float64Array[], b: Float64Array[], n: number): Float64Array[] | null {
  const m = a.length, k = b.length;
  if (!has('mmuF64') || m * k + k * n < MATRIX) return null;
  begin();
  const pa = packRows(a, k), pb = packRows(b, n), pc = tmp(m * n * 8);
  K!.mmuF64(pa, pb, pc, m, k, n);
  return unpackRows(pc, m, n);
}
/** The rows of the inverse of an n×n matrix by LU (the TypeScript path's arithmetic), 'singular' when a
 *  pivot is zero, or null (too small, or no kernels). */
export function invRows(a: Float64Array[]): Float64Array[] | 'singular' | null {
  const n = a.length;
  if (!has('invF64') || n * n < MATRIX) return null;
  begin();
  const pa = packRows(a, n), px = tmp(n * n * 8), perm = tmp(n * 4);
  return K!.invF64(pa, px, perm, n) ? 'singular' : unpackRows(px, n, n);
}

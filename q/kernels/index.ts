// One dispatch per operation: from a vector's type to the kernel instance for its kind, or null when the
// kernels are not installed or the vector is too short for a kernel call to pay; callers then take their
// TypeScript path. Bad input never reaches wasm: callers check types and lengths first, as q does, and
// every function here checks the kinds it is given.
import { T } from '../value/types.js';
import { allocRaw, Items } from '../value/storage.js';
import { K, begin, ptr, tmp, view } from './runtime.js';

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
  if (a.buffer instanceof SharedArrayBuffer || a.byteLength === 0) return [a.byteLength ? a.byteOffset : tmp(16), () => a];
  const p = tmp(a.byteLength);
  return [p, () => { new Uint8Array(a.buffer, a.byteOffset, a.byteLength).set(view(Uint8Array, p, a.byteLength)); return a; }];
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

// ---- order ----------------------------------------------------------------------------------------------

/** Positions that sort items of type t (stable; descending keeps equal items in order), or null. For
 *  symbols, pass each item's rank in text order as an int vector (symRanks). */
export function grade(t: number, d: Items, desc: boolean): Int32Array | null {
  const k = kindOf(t), n = d.length / (t === T.Guid ? 16 : 1);
  if (!k || !on(n) || !has(`grade_${k}`)) return null;
  begin();
  const src = ptr(d), [dst, done] = output(T.Int, n), scratch = tmp(gradeScratch(k, n));
  K![`grade_${k}`](src, n, dst, scratch, desc ? 1 : 0);
  return done() as Int32Array;
}
function gradeScratch(k: Kind, n: number): number {
  return has(`grade_${k}Scratch`) ? K![`grade_${k}Scratch`](n) : has('gradeScratch') ? K!.gradeScratch(n, WIDTH[k]) : 16 * n + 4096;
}

/** Items idx of d (every index in range: the caller checked), or null. */
export function gather(t: number, d: Items, idx: Int32Array): Items | null {
  const w = t === T.Guid ? 16 : t >= 20 && t < 77 ? 4 : kindOf(t) ? WIDTH[kindOf(t)!] : 0;
  if (!w || !on(idx.length) || !has(`gather_w${w}`)) return null;
  begin();
  const src = ptr(d), ix = ptr(idx), [dst, done] = output(t >= 20 && t < 77 ? T.Int : t, idx.length);
  K![`gather_w${w}`](src, ix, idx.length, dst);
  return done();
}

// ---- search ----------------------------------------------------------------------------------------------

/** Positions of the true items of a boolean vector, or null. */
export function where(d: Uint8Array): Int32Array | null {
  if (!on(d.length) || !has('where_i8')) return null;
  begin();
  const src = ptr(d), dst = tmp(4 * d.length);
  const m = K!.where_i8(src, d.length, dst);
  return ints(dst, m);
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

// ---- grouping ----------------------------------------------------------------------------------------------

export interface Grouping {
  /** the group of each row, groups numbered in order of first appearance */
  gid: Int32Array;
  /** the first row of each group */
  first: Int32Array;
  ng: number;
}

/** Rows grouped by equal values across key columns (items of int-backed, long or float kinds), or null. */
export function group(keys: { t: number; d: Items }[], n: number): Grouping | null {
  if (!on(n) || !keys.length || !has('groupPair')) return null;
  const ks = keys.map(c => ({ k: c.t >= 20 && c.t < 77 || c.t === T.Sym ? 'i32' as Kind : kindOf(c.t), d: c.d }));
  if (ks.some(c => !c.k || c.k === 'f32' || !has(`group_${c.k}`))) return null;
  let g: Grouping | null = null;
  for (const c of ks) {
    begin();
    const one = groupOne(c.k!, c.d, n);
    if (!g) { g = one; continue; }
    begin();
    const [gid, done] = output(T.Int, n), first = tmp(4 * n), scratch = tmp(K!.groupPairScratch ? K!.groupPairScratch(n, g.ng, one.ng) : 16 * n + 4096);
    const ng: number = K!.groupPair(ptr(g.gid), g.ng, ptr(one.gid), one.ng, n, gid, first, scratch);
    g = { gid: done() as Int32Array, first: ints(first, ng), ng };
  }
  return g;
}
function groupOne(k: Kind, d: Items, n: number): Grouping {
  const src = ptr(d), [gid, done] = output(T.Int, n), first = tmp(4 * n);
  let ng: number;
  if (k === 'i32' && has('minmax_i32') && has('groupRange_i32')) {
    const mm = tmp(8);
    K!.minmax_i32(src, n, mm);
    const [lo, hi] = view(Int32Array, mm, 2);
    if (hi - lo < Math.max(1 << 16, 2 * n)) {
      const scratch = tmp(K!.groupRange_i32Scratch ? K!.groupRange_i32Scratch(n, lo, hi) : 4 * (hi - lo + 1) + 4096);
      ng = K!.groupRange_i32(src, n, lo, hi, gid, first, scratch);
      return { gid: done() as Int32Array, first: ints(first, ng), ng };
    }
  }
  const scratch = tmp(K![`group_${k}Scratch`] ? K![`group_${k}Scratch`](n) : 32 * n + 4096);
  ng = K![`group_${k}`](src, n, gid, first, scratch);
  return { gid: done() as Int32Array, first: ints(first, ng), ng };
}

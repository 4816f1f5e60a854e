// Aggregates per group from group ids, one pass in row order: the wasm kernels for long columns, these
// loops for short ones (the kernels refuse fewer than kernels.SMALL rows, where a call costs more than the
// work). The loops are the kernels' own (assembly/group.ts): nulls skipped, sums in row order, a group of
// nulls 0w/-0w (0W/-0W for longs) under min/max, so a query gives one answer at any size.
import * as kernels from '../kernels/index.js';
import { NJ } from '../value/value.js';

const MAXJ = 2n ** 63n - 1n;

/** Rows per group. */
export function gcount(gid: Int32Array, ng: number): Float64Array {
  const k = kernels.gcount(gid, ng);
  if (k) return k;
  const c = new Float64Array(ng);
  for (let i = 0; i < gid.length; i++) c[gid[i]]++;
  return c;
}

/** The last row of each group. */
export function glast(gid: Int32Array, ng: number): Int32Array {
  const k = kernels.glast(gid, ng);
  if (k) return k;
  const r = new Int32Array(ng);
  for (let i = 0; i < gid.length; i++) r[gid[i]] = i;
  return r;
}

/** Per group: the sum of the non-null floats and their count; with rows, each group's rows too. */
export function gsumcount(d: Float64Array, gid: Int32Array, ng: number, rows = false): { sum: Float64Array; cnt: Float64Array; rows?: Float64Array } {
  const k = kernels.gsumcount(d, gid, ng, rows);
  if (k) return k;
  const sum = new Float64Array(ng), cnt = new Float64Array(ng), all = rows ? new Float64Array(ng) : undefined;
  for (let i = 0; i < d.length; i++) {
    const g = gid[i], v = d[i];
    if (all) all[g]++;
    if (v !== v) continue;
    sum[g] += v; cnt[g]++;
  }
  return { sum, cnt, rows: all };
}

/** Per group: the exact sum of the non-null longs (wrapping as the kernel's i64 adds do). */
export function gsumLong(d: BigInt64Array, gid: Int32Array, ng: number): BigInt64Array {
  const k = kernels.gsumLong(d, gid, ng);
  if (k) return k;
  const s = new BigInt64Array(ng);
  for (let i = 0; i < d.length; i++) { const v = d[i]; if (v !== NJ) s[gid[i]] += v; }
  return s;
}

/** Per group: the smallest and largest non-null float (0w and -0w for a group of nulls). */
export function gminmax(d: Float64Array, gid: Int32Array, ng: number): { min: Float64Array; max: Float64Array } {
  return kernels.gminmax(d, gid, ng) ?? minmax(d, gid, new Float64Array(ng).fill(Infinity), new Float64Array(ng).fill(-Infinity), v => v !== v);
}

/** Per group: the smallest and largest non-null long (0W and -0W for a group of nulls). */
export function gminmaxLong(d: BigInt64Array, gid: Int32Array, ng: number): { min: BigInt64Array; max: BigInt64Array } {
  return kernels.gminmaxLong(d, gid, ng) ?? minmax(d, gid, new BigInt64Array(ng).fill(MAXJ), new BigInt64Array(ng).fill(-MAXJ), v => v === NJ);
}

/** Each group's smallest and largest item of d that is not null, kept in min and max (which start at the
 *  type's infinities, what a group of nulls keeps). */
function minmax<A extends Float64Array | BigInt64Array>(d: A, gid: Int32Array, min: A, max: A, isNull: (v: number | bigint) => boolean): { min: A; max: A } {
  const lo = min as unknown as (number | bigint)[], hi = max as unknown as (number | bigint)[];
  for (let i = 0; i < d.length; i++) {
    const v = d[i], g = gid[i];
    if (isNull(v)) continue;
    if (v < lo[g]) lo[g] = v;
    if (v > hi[g]) hi[g] = v;
  }
  return { min, max };
}

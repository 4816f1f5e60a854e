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
  const k = kernels.gminmax(d, gid, ng);
  if (k) return k;
  const min = new Float64Array(ng).fill(Infinity), max = new Float64Array(ng).fill(-Infinity);
  for (let i = 0; i < d.length; i++) {
    const v = d[i], g = gid[i];
    if (v !== v) continue;
    if (v < min[g]) min[g] = v;
    if (v > max[g]) max[g] = v;
  }
  return { min, max };
}

/** Per group: the smallest and largest non-null long (0W and -0W for a group of nulls). */
export function gminmaxLong(d: BigInt64Array, gid: Int32Array, ng: number): { min: BigInt64Array; max: BigInt64Array } {
  const k = kernels.gminmaxLong(d, gid, ng);
  if (k) return k;
  const min = new BigInt64Array(ng).fill(MAXJ), max = new BigInt64Array(ng).fill(-MAXJ);
  for (let i = 0; i < d.length; i++) {
    const v = d[i], g = gid[i];
    if (v === NJ) continue;
    if (v < min[g]) min[g] = v;
    if (v > max[g]) max[g] = v;
  }
  return { min, max };
}

// Grouping rows by the values of key columns, for qSQL's by, fby and xgroup. Group ids come from the
// columns' typed arrays: a direct-addressed table for small-range int-backed keys (symbols, enumerations,
// dates, ints), a hash of raw items for one other typed column, and row text only for anything else.
import { T } from '../value/types.js';
import { Q, Vec, count, item } from '../value/value.js';
import { keyText, stringBytes } from './list.js';
import { stringGroups } from './strhash.js';
import * as kernels from '../kernels/index.js';
import { allocRaw, fresh, lowHalves } from '../value/storage.js';
import { join } from './join.js';
import { roomForRows } from './hooks.js';

export interface Groups {
  /** each group's rows (positions into the key columns), in row order, as views of one array */
  members: Int32Array[];
  /** the first row of each group; groups are numbered in order of first appearance */
  firsts: number[];
  /** the group of each row */
  gid: Int32Array;
}

/** The vector types whose items are stored as ints, shorts or bytes: grouped (and distinct) by slots over their range. */
export const INT_BACKED = new Set([T.Enum, T.Int, T.Date, T.Month, T.Minute, T.Second, T.Time, T.Sym, T.Short, T.Bool, T.Byte, T.Char]);

/** Group ids of rows 0..n-1 by equal values across the key columns: the wasm kernels for small-range
 *  int-backed keys, else the TypeScript paths below. Kernel group ids are valid until the next call. */
export function groupIds(keyCols: Q[], n: number): { gid: Int32Array; firsts: ArrayLike<number>; ng: number; counts?: Int32Array } {
  if (keyCols.every(c => c.t > 0 && c.t <= T.Enum)) {
    const k = kernels.group(keyCols.map(c => ({ t: c.t, d: (c as Vec).d })), n);
    if (k) return { gid: k.gid, firsts: k.first, ng: k.ng, counts: k.counts };
  }
  // one column of strings by their bytes
  const strings = keyCols.length === 1 ? stringBytes(keyCols[0]) : null;
  if (strings) { const g = stringGroups(strings); return { gid: g.gid, firsts: g.firsts, ng: g.firsts.length }; }
  const gid = fresh(Int32Array, n), firsts: number[] = [];
  // (longs in the range of ints as their low halves: a Map of BigInts costs several times more)
  const ints = keyCols.map(c => INT_BACKED.has(c.t) ? (c as Vec).d as ArrayLike<number> : c.t === T.Long ? lowHalves((c as Vec).d as BigInt64Array) : null);
  let done = false;
  if (keyCols.length && ints.every(d => d !== null) && keyCols.length <= 3) {
    // each column's range in one pass; a slot for each combination in range holds its group + 1 (so a
    // fresh zeroed array needs no fill)
    const lo: number[] = [], span: number[] = [];
    for (const d of ints as ArrayLike<number>[]) {
      let a = n ? d[0] : 0, b = n ? d[0] : -1;
      for (let i = 1; i < n; i++) { const v = d[i]; if (v < a) a = v; else if (v > b) b = v; }
      lo.push(a); span.push(b - a + 1);
    }
    const size = span.reduce((a, b) => a * b, 1);
    if (size <= Math.max(1 << 16, 4 * n) && size <= 1 << 24) {
      const slot = fresh(Int32Array, size);
      if (ints.length === 1) {
        // (one column, a symbol column above all: its own loop, with no combining of columns)
        const d = ints[0]!, l = lo[0];
        for (let r = 0; r < n; r++) {
          const k = d[r] - l;
          let g = slot[k] - 1;
          if (g < 0) { g = firsts.length; slot[k] = g + 1; firsts.push(r); }
          gid[r] = g;
        }
      } else for (let r = 0; r < n; r++) {
        let k = 0;
        for (let j = 0; j < ints.length; j++) k = k * span[j] + (ints[j]![r] - lo[j]);
        let g = slot[k] - 1;
        if (g < 0) { g = firsts.length; slot[k] = g + 1; firsts.push(r); }
        gid[r] = g;
      }
      done = true;
    }
  }
  if (!done) {
    const map = new Map<unknown, number>();
    const one = keyCols.length === 1 && keyCols[0].t > 0 && keyCols[0].t < 20 && keyCols[0].t !== T.Guid;
    const kd = one ? (keyCols[0] as Vec).d as ArrayLike<unknown> : null;
    for (let r = 0; r < n; r++) {
      const key = kd ? kd[r] : keyCols.map(c => keyText(item(c, r))).join('\u0001');
      let g = map.get(key);
      if (g === undefined) { g = firsts.length; map.set(key, g); firsts.push(r); }
      gid[r] = g;
    }
  }
  return { gid, firsts, ng: firsts.length };
}

/** Rows 0..n-1 grouped by equal values across the key columns (each a vector or list of n items). */
export function groupRows(keyCols: Q[], n: number): Groups {
  const ids = groupIds(keyCols, n), ng = ids.ng;
  // (a list of positions each group: millions of groups are asked for first, as new rows are)
  roomForRows(ng);
  const firsts = Array.from(ids.firsts);
  // members by a counting sort on the group ids: in wasm, into vector memory (recycled, where a fresh
  // JavaScript array of n ints would cost page faults); each member list a view that holds the array
  const k = kernels.members(ids.gid, ng);
  // the kernels' group ids live in a buffer the next grouping reuses: keep a copy
  const gid = ids.gid.buffer instanceof SharedArrayBuffer ? (allocRaw(T.Int, n) as Int32Array) : ids.gid;
  if (gid !== ids.gid) gid.set(ids.gid.subarray(0, n));
  if (k) {
    const members = new Array<Int32Array>(ng), { perm, start } = k;
    for (let g = 0; g < ng; g++) { const m = perm.subarray(start[g], start[g + 1]); (m as { owner?: object }).owner = perm; members[g] = m; }
    return { members, firsts, gid };
  }
  const start = fresh(Int32Array, ng + 1);
  for (let r = 0; r < n; r++) start[gid[r] + 1]++;
  for (let g = 0; g < ng; g++) start[g + 1] += start[g];
  const perm = fresh(Int32Array, n), fill = fresh(Int32Array, ng);
  fill.set(start.subarray(0, ng));
  for (let r = 0; r < n; r++) perm[fill[gid[r]]++] = r;
  const members = new Array<Int32Array>(ng);
  for (let g = 0; g < ng; g++) members[g] = perm.subarray(start[g], start[g + 1]);
  return { members, firsts, gid };
}
export { count };

/** Group ids over x's rows followed by y's (columns paired in order), when each pair is a typed vector of
 *  one type (floats too: the kernels group them exactly, -0 with 0 and a null with a null, as Find
 *  matches them). Null otherwise. */
export function jointIds(xc: Q[], yc: Q[]): { gid: Int32Array; ng: number } | null {
  if (!xc.every((c, j) => c.t === yc[j].t && c.t > 0 && c.t < T.Enum)) return null;
  const { gid, ng } = groupIds(xc.map((c, j) => join(c, yc[j])), count(xc[0]) + count(yc[0]));
  return { gid, ng };
}
/** For each row of y's columns, the first row of x's with the same items (none when there is none), by
 *  jointIds; null where jointIds cannot. */
export function firstMatches(xc: Q[], yc: Q[], none: number): Int32Array | null {
  const ids = jointIds(xc, yc);
  if (!ids) return null;
  const n = count(xc[0]), m = count(yc[0]), first = new Int32Array(ids.ng).fill(none), r = allocRaw(T.Int, m) as Int32Array;
  for (let i = n - 1; i >= 0; i--) first[ids.gid[i]] = i;
  for (let i = 0; i < m; i++) r[i] = first[ids.gid[n + i]];
  return r;
}

// Grouping and grouped aggregates: rows numbered by group (in order of first appearance), then one
// pass per aggregate over (value, group id). Vectors are (pointer, length) pairs in the shared memory;
// scratch and outputs are the caller's. q's null rules: nulls are skipped by sum, avg, wavg.

const NJ: i64 = i64.MIN_VALUE;

/** Smallest and largest of n i32 at p, written to out[0] and out[1]; eight lanes at a time. */
export function minmax_i32(p: usize, n: i32, out: usize): void {
  let lo0 = i32x4.splat(i32.MAX_VALUE), hi0 = i32x4.splat(i32.MIN_VALUE), lo1 = lo0, hi1 = hi0;
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const a = v128.load(p + (<usize>i << 2)), b = v128.load(p + (<usize>i << 2), 16);
    lo0 = i32x4.min_s(lo0, a); hi0 = i32x4.max_s(hi0, a);
    lo1 = i32x4.min_s(lo1, b); hi1 = i32x4.max_s(hi1, b);
  }
  lo0 = i32x4.min_s(lo0, lo1); hi0 = i32x4.max_s(hi0, hi1);
  let lo = min(min(i32x4.extract_lane(lo0, 0), i32x4.extract_lane(lo0, 1)), min(i32x4.extract_lane(lo0, 2), i32x4.extract_lane(lo0, 3)));
  let hi = max(max(i32x4.extract_lane(hi0, 0), i32x4.extract_lane(hi0, 1)), max(i32x4.extract_lane(hi0, 2), i32x4.extract_lane(hi0, 3)));
  for (; i < n; i++) { const v = load<i32>(p + (<usize>i << 2)); if (v < lo) lo = v; if (v > hi) hi = v; }
  store<i32>(out, lo); store<i32>(out, hi, 4);
}

/** Group ids of n keys of type T in [lo, lo+span) by direct addressing; slot is scratch of span i32.
 *  Writes gid[i], first[g] and, unless cnt is 0, the rows in each group cnt[g]; returns the number of
 *  groups. */
function groupRange<T>(keys: usize, n: i32, lo: T, span: i32, gid: usize, first: usize, slot: usize, cnt: usize): i32 {
  memory.fill(slot, 0xff, <usize>span << 2);
  let ng = 0;
  for (let i = 0; i < n; i++) {
    const s = slot + (<usize>(load<T>(keys + <usize>i * sizeof<T>()) - lo) << 2);
    let g = load<i32>(s);
    if (g < 0) { g = ng++; store<i32>(s, g); store<i32>(first + (<usize>g << 2), i); if (cnt) store<i32>(cnt + (<usize>g << 2), 0); }
    store<i32>(gid + (<usize>i << 2), g);
    if (cnt) { const c = cnt + (<usize>g << 2); store<i32>(c, load<i32>(c) + 1); }
  }
  return ng;
}
export function groupRange_i32(keys: usize, n: i32, lo: i32, span: i32, gid: usize, first: usize, slot: usize, cnt: usize): i32 { return groupRange<i32>(keys, n, lo, span, gid, first, slot, cnt); }
/** The same for i64 keys (a long column whose values span a small range). */
export function groupRange_i64(keys: usize, n: i32, lo: i64, span: i32, gid: usize, first: usize, slot: usize, cnt: usize): i32 { return groupRange<i64>(keys, n, lo, span, gid, first, slot, cnt); }

/** Smallest and largest of n i64 at p, written to out[0] and out[1]. */
export function minmax_i64(p: usize, n: i32, out: usize): void {
  let lo = i64.MAX_VALUE, hi = i64.MIN_VALUE;
  for (let i = 0; i < n; i++) { const v = load<i64>(p + (<usize>i << 3)); lo = select(v, lo, v < lo); hi = select(v, hi, v > hi); }
  store<i64>(out, lo); store<i64>(out, hi, 8);
}
/** The rows of each group, by a counting sort of the group ids: perm lists rows group by group (in row
 *  order within each), start[g] is where group g begins (ng+1 i32); cursor is scratch of ng i32. */
export function gmembers(gid: usize, n: i32, ng: i32, start: usize, cursor: usize, perm: usize): void {
  memory.fill(start, 0, <usize>(ng + 1) << 2);
  for (let i = 0; i < n; i++) { const c = start + (<usize>(load<i32>(gid + (<usize>i << 2)) + 1) << 2); store<i32>(c, load<i32>(c) + 1); }
  for (let g = 0; g < ng; g++) store<i32>(start + (<usize>(g + 1) << 2), load<i32>(start + (<usize>(g + 1) << 2)) + load<i32>(start + (<usize>g << 2)));
  memory.copy(cursor, start, <usize>ng << 2);
  for (let i = 0; i < n; i++) {
    const c = cursor + (<usize>load<i32>(gid + (<usize>i << 2)) << 2), at = load<i32>(c);
    store<i32>(perm + (<usize>at << 2), i);
    store<i32>(c, at + 1);
  }
}

/** Group ids of n rows keyed by two i32 columns in [lo1, lo1+span1) and [lo2, lo2+span2), by direct
 *  addressing of the pair in one pass (slot: scratch of span1*span2 i32). Writes gid[i], first[g] and,
 *  unless cnt is 0, cnt[g]; returns the number of groups, numbered in order of first appearance. */
export function groupRange2_i32(k1: usize, lo1: i32, k2: usize, lo2: i32, span1: i32, span2: i32, n: i32, gid: usize, first: usize, slot: usize, cnt: usize): i32 {
  memory.fill(slot, 0xff, <usize>span1 * <usize>span2 << 2);
  let ng = 0;
  for (let i = 0; i < n; i++) {
    const o = <usize>i << 2;
    const s = slot + ((<usize>(load<i32>(k1 + o) - lo1) * <usize>span2 + <usize>(load<i32>(k2 + o) - lo2)) << 2);
    let g = load<i32>(s);
    if (g < 0) { g = ng++; store<i32>(s, g); store<i32>(first + (<usize>g << 2), i); if (cnt) store<i32>(cnt + (<usize>g << 2), 0); }
    store<i32>(gid + o, g);
    if (cnt) { const c = cnt + (<usize>g << 2); store<i32>(c, load<i32>(c) + 1); }
  }
  return ng;
}

/** Regroup rows by a pair of groupings (a, b) with na*nb slots of scratch: the groups of a composite key. */
export function groupPair(ga: usize, na: i32, gb: usize, nb: i32, n: i32, gid: usize, first: usize, slot: usize): i32 {
  memory.fill(slot, 0xff, <usize>na * <usize>nb << 2);
  let ng = 0;
  for (let i = 0; i < n; i++) {
    const o = <usize>i << 2;
    const s = slot + ((<usize>load<i32>(ga + o) * <usize>nb + <usize>load<i32>(gb + o)) << 2);
    let g = load<i32>(s);
    if (g < 0) { g = ng++; store<i32>(s, g); store<i32>(first + (<usize>g << 2), i); }
    store<i32>(gid + o, g);
  }
  return ng;
}

/** Rows per group: out[g] (f64 counts, exact below 2^53). */
export function gcount(gid: usize, n: i32, ng: i32, out: usize): void {
  memory.fill(out, 0, <usize>ng << 3);
  for (let i = 0; i < n; i++) { const p = out + (<usize>load<i32>(gid + (<usize>i << 2)) << 3); store<f64>(p, load<f64>(p) + 1); }
}

/** Per group: the sum of the non-null values and how many there were (f64 both), values of type V; and,
 *  unless rows is 0, how many rows (f64), in the same pass. */
function gsumcount<V>(val: usize, gid: usize, n: i32, ng: i32, sum: usize, cnt: usize, rows: usize): void {
  memory.fill(sum, 0, <usize>ng << 3);
  memory.fill(cnt, 0, <usize>ng << 3);
  if (rows) memory.fill(rows, 0, <usize>ng << 3);
  for (let i = 0; i < n; i++) {
    const v = load<V>(val + (<usize>i << alignof<V>()));
    const g = <usize>load<i32>(gid + (<usize>i << 2)) << 3;
    if (rows) store<f64>(rows + g, load<f64>(rows + g) + 1);
    if (isFloat<V>() ? v != v : <i64>v == NJ) continue;
    store<f64>(sum + g, load<f64>(sum + g) + <f64>v);
    store<f64>(cnt + g, load<f64>(cnt + g) + 1);
  }
}
export function gsumcount_f64(val: usize, gid: usize, n: i32, ng: i32, sum: usize, cnt: usize, rows: usize): void { gsumcount<f64>(val, gid, n, ng, sum, cnt, rows); }

/** Per group: the exact i64 sum of the non-null longs (q's sum of a long column). */
export function gsum_i64(val: usize, gid: usize, n: i32, ng: i32, sum: usize): void {
  memory.fill(sum, 0, <usize>ng << 3);
  for (let i = 0; i < n; i++) {
    const v = load<i64>(val + (<usize>i << 3));
    if (v == NJ) continue;
    const g = sum + (<usize>load<i32>(gid + (<usize>i << 2)) << 3);
    store<i64>(g, load<i64>(g) + v);
  }
}

/** Per group: the sums of w*v and of w over the pairs where neither is null (wavg is num%den, wsum num). */
function gwavg<W, V>(w: usize, val: usize, gid: usize, n: i32, ng: i32, num: usize, den: usize): void {
  memory.fill(num, 0, <usize>ng << 3);
  memory.fill(den, 0, <usize>ng << 3);
  for (let i = 0; i < n; i++) {
    const a = load<W>(w + (<usize>i << alignof<W>())), b = load<V>(val + (<usize>i << alignof<V>()));
    if (isFloat<W>() ? a != a : <i64>a == NJ) continue;
    if (isFloat<V>() ? b != b : <i64>b == NJ) continue;
    const x = <f64>a, y = <f64>b, g = <usize>load<i32>(gid + (<usize>i << 2)) << 3;
    store<f64>(num + g, load<f64>(num + g) + x * y);
    store<f64>(den + g, load<f64>(den + g) + x);
  }
}
export function gwavg_f64_f64(w: usize, v: usize, gid: usize, n: i32, ng: i32, num: usize, den: usize): void { gwavg<f64, f64>(w, v, gid, n, ng, num, den); }
export function gwavg_i64_f64(w: usize, v: usize, gid: usize, n: i32, ng: i32, num: usize, den: usize): void { gwavg<i64, f64>(w, v, gid, n, ng, num, den); }
export function gwavg_f64_i64(w: usize, v: usize, gid: usize, n: i32, ng: i32, num: usize, den: usize): void { gwavg<f64, i64>(w, v, gid, n, ng, num, den); }
export function gwavg_i64_i64(w: usize, v: usize, gid: usize, n: i32, ng: i32, num: usize, den: usize): void { gwavg<i64, i64>(w, v, gid, n, ng, num, den); }

/** Per group: smallest and largest non-null item; hi and -hi for a group of nulls (0w and -0w for floats,
 *  0W and -0W for longs, as q's min and max). */
function gminmax<T>(val: usize, gid: usize, n: i32, ng: i32, mn: usize, mx: usize, hi: T): void {
  for (let g = 0; g < ng; g++) { store<T>(mn + (<usize>g << 3), hi); store<T>(mx + (<usize>g << 3), -hi); }
  for (let i = 0; i < n; i++) {
    const v = load<T>(val + (<usize>i << 3));
    if (isFloat<T>() ? v != v : <i64>v == NJ) continue;
    const g = <usize>load<i32>(gid + (<usize>i << 2)) << 3;
    if (v < load<T>(mn + g)) store<T>(mn + g, v);
    if (v > load<T>(mx + g)) store<T>(mx + g, v);
  }
}
export function gminmax_f64(val: usize, gid: usize, n: i32, ng: i32, mn: usize, mx: usize): void { gminmax<f64>(val, gid, n, ng, mn, mx, Infinity); }
export function gminmax_i64(val: usize, gid: usize, n: i32, ng: i32, mn: usize, mx: usize): void { gminmax<i64>(val, gid, n, ng, mn, mx, i64.MAX_VALUE); }

/** Last row of each group (the first rows come from grouping). */
export function glast(gid: usize, n: i32, ng: i32, out: usize): void {
  for (let i = 0; i < n; i++) store<i32>(out + (<usize>load<i32>(gid + (<usize>i << 2)) << 2), i);
}

/** Per group: the sum of squared distances of the non-null floats from the group's mean (the second
 *  pass of var/dev, after gsumcount gave the means), summed in row order as the TypeScript path does. */
export function gsqdev_f64(val: usize, gid: usize, n: i32, ng: i32, mean: usize, out: usize): void {
  memory.fill(out, 0, <usize>ng << 3);
  for (let i = 0; i < n; i++) {
    const v = load<f64>(val + (<usize>i << 3));
    if (v != v) continue;
    const g = <usize>load<i32>(gid + (<usize>i << 2)) << 3, d = v - load<f64>(mean + g);
    store<f64>(out + g, load<f64>(out + g) + d * d);
  }
}

/** Per group: the median of the non-null values (the mean of the middle one or two; NaN for none), the
 *  rows of each group listed by gmembers (perm from start[g] to start[g+1]); w is scratch of the largest
 *  group's size. The selection is the TypeScript path's (q/prims/stats.ts), so results are identical. */
export function gmed_f64(val: usize, perm: usize, start: usize, ng: i32, out: usize, w: usize): void {
  for (let g = 0; g < ng; g++) {
    const a = load<i32>(start + (<usize>g << 2)), b = load<i32>(start + (<usize>(g + 1) << 2));
    let n = 0;
    for (let i = a; i < b; i++) {
      const v = load<f64>(val + (<usize>load<i32>(perm + (<usize>i << 2)) << 3));
      if (v == v) { store<f64>(w + (<usize>n << 3), v); n++; }
    }
    let r: f64 = NaN;
    if (n) {
      const k = n >> 1, hi = selectK(w, n, k);
      if (n & 1) r = hi;
      else {
        // after selecting k, items before k are all <= w[k]: the lower middle is their maximum
        let lo = -Infinity;
        for (let i = 0; i < k; i++) { const v = load<f64>(w + (<usize>i << 3)); if (v > lo) lo = v; }
        r = (lo + hi) / 2;
      }
    }
    store<f64>(out + (<usize>g << 3), r);
  }
}
/** The k-th smallest of n doubles at v (Hoare's selection, in place). */
function selectK(v: usize, n: i32, k: i32): f64 {
  let l = 0, r = n - 1;
  while (l < r) {
    const p = load<f64>(v + (<usize>((l + r) >> 1) << 3));
    let i = l, j = r;
    while (i <= j) {
      while (load<f64>(v + (<usize>i << 3)) < p) i++;
      while (load<f64>(v + (<usize>j << 3)) > p) j--;
      if (i <= j) { const t = load<f64>(v + (<usize>i << 3)); store<f64>(v + (<usize>i << 3), load<f64>(v + (<usize>j << 3))); store<f64>(v + (<usize>j << 3), t); i++; j--; }
    }
    if (k <= j) r = j; else if (k >= i) l = i; else break;
  }
  return load<f64>(v + (<usize>k << 3));
}

/** Rows per value of an i32 key in [lo, lo+span) within each of nruns runs of rows (starts: nruns+1 i32,
 *  the runs' bounds; a sorted column's runs of equal values): out[r*span + key-lo], zeroed here. */
export function runCounts_i32(keys: usize, lo: i32, span: i32, starts: usize, nruns: i32, out: usize): void {
  memory.fill(out, 0, <usize>nruns * <usize>span << 2);
  for (let r = 0; r < nruns; r++) {
    const a = load<i32>(starts + (<usize>r << 2)), b = load<i32>(starts + (<usize>(r + 1) << 2));
    const base = out + (<usize>r * <usize>span << 2);
    for (let i = a; i < b; i++) {
      const c = base + (<usize>(load<i32>(keys + (<usize>i << 2)) - lo) << 2);
      store<i32>(c, load<i32>(c) + 1);
    }
  }
}

// Filters: within (q's order: nulls lowest, so a null is within only a range that starts at null) and
// where (positions of the true items of a boolean vector).

/** dst[i] = lo <= x[i] <= hi for n doubles (bool bytes), compared as q's <= does (with the tolerance). */
export function within_f64(src: usize, n: i32, lo: f64, hi: f64, dst: usize): void {
  const loNull = lo != lo, hiNull = hi != hi;
  if (!loNull && !hiNull) {
    const loA = lo - edge(lo), loB = lo + edge(lo), hiA = hi - edge(hi), hiB = hi + edge(hi);
    for (let i = 0; i < n; i++) store<u8>(dst + <usize>i, <u8>inBand(load<f64>(src + (<usize>i << 3)), lo, hi, loA, loB, hiA, hiB));
    return;
  }
  for (let i = 0; i < n; i++) {
    const x = load<f64>(src + (<usize>i << 3));
    store<u8>(dst + <usize>i, <u8>withinNullBound(x, lo, hi, loNull, hiNull));
  }
}
/** lo <= x <= hi when a bound may be null (q's order: a null item is within only a range from null). */
@inline function withinNullBound(x: f64, lo: f64, hi: f64, loNull: bool, hiNull: bool): i32 {
  return <i32>(x != x ? loNull : (loNull || cmpF(x, lo) >= 0) && !hiNull && cmpF(x, hi) <= 0);
}
/** lo <= x <= hi for non-null bounds, as q compares floats: outside [loA, hiB] clearly not, inside [loB, hiA]
 *  clearly so (the bounds widened and narrowed by twice the tolerance, edge()), and only in between the
 *  exact test. (No objects: the module allocates nothing in the memory the heap hands out.) */
@inline function edge(b: f64): f64 { return isFinite(b) ? 2 * TOL * Math.abs(b) : 0; }
@inline function inBand(x: f64, lo: f64, hi: f64, loA: f64, loB: f64, hiA: f64, hiB: f64): i32 {
  const inner = <i32>(x >= loB) & <i32>(x <= hiA), outer = <i32>(x >= loA) & <i32>(x <= hiB);
  return inner == outer ? inner : <i32>(cmpF(x, lo) >= 0 && cmpF(x, hi) <= 0);
}
function withinInt<V>(src: usize, n: i32, lo: V, hi: V, dst: usize): void {
  for (let i = 0; i < n; i++) {
    const x = load<V>(src + (<usize>i << alignof<V>()));
    store<u8>(dst + <usize>i, <u8>(x >= lo && x <= hi));
  }
}
/** The same for longs (and timestamps, timespans) and ints (dates, times …): signed order is q's. */
export function within_i64(src: usize, n: i32, lo: i64, hi: i64, dst: usize): void { withinInt<i64>(src, n, lo, hi, dst); }
export function within_i32(src: usize, n: i32, lo: i32, hi: i32, dst: usize): void { withinInt<i32>(src, n, lo, hi, dst); }

/** How many of n bytes at src are nonzero (the length of where's result). */
export function count_i8(src: usize, n: i32): i32 {
  let m = 0, i = 0;
  for (; i + 8 <= n; i += 8) { const w = load<u64>(src + <usize>i); if (w != 0) for (let j: u64 = 0; j < 64; j += 8) m += <i32>(((w >> j) & 0xff) != 0); }
  for (; i < n; i++) m += <i32>(load<u8>(src + <usize>i) != 0);
  return m;
}

/** Positions of the nonzero bytes of n at src, written to dst as T (i32 for a where clause's rows, i64 for
 *  where's result); returns how many. Eight bytes are tested at once, so runs of false cost little. */
@inline function wherePos<T>(src: usize, n: i32, dst: usize): i32 {
  let m = 0, i = 0;
  const W = <usize>sizeof<T>();
  for (; i + 8 <= n; i += 8) {
    const w = load<u64>(src + <usize>i);
    if (w == 0) continue;
    for (let j = 0; j < 8; j++) {
      store<T>(dst + <usize>m * W, <T>(i + j));
      m += <i32>((w >> (<u64>j << 3)) & 0xff != 0);
    }
  }
  for (; i < n; i++) { store<T>(dst + <usize>m * W, <T>i); m += <i32>(load<u8>(src + <usize>i) != 0); }
  return m;
}
export function where_i8(src: usize, n: i32, dst: usize): i32 { return wherePos<i32>(src, n, dst); }
export function where_i8_i64(src: usize, n: i32, dst: usize): i32 { return wherePos<i64>(src, n, dst); }

const TOL: f64 = 1.0 / 8796093022208.0; // 2^-43, q's comparison tolerance
/** q order of two doubles: null lowest, null equal to null, and equal within the comparison tolerance
 *  (|a-b| <= 2^-43 max(|a|,|b|) for finite a, b), as q's = < > compare floats (-1, 0, 1). */
@inline function cmpF(a: f64, b: f64): i32 {
  if (a == b) return 0;
  if (a != a) return b != b ? 0 : -1;
  if (b != b) return 1;
  if (isFinite(a) && isFinite(b) && Math.abs(a - b) <= TOL * Math.max(Math.abs(a), Math.abs(b))) return 0;
  return a < b ? -1 : 1;
}
// an op as the set of outcomes (-1, 0, 1) it accepts, one bit each: = <> < > <= >=
// (no static arrays: the module keeps no data of its own in the memory the heap hands out)
@inline function opMask(op: i32): u32 { return op == 0 ? 0b010 : op == 1 ? 0b101 : op == 2 ? 0b001 : op == 3 ? 0b100 : op == 4 ? 0b011 : 0b110; }
@inline function test(c: i32, mask: u32): u8 { return <u8>((mask >> <u32>(c + 1)) & 1); }
/** dst[i] = x[i] op s for n doubles and a double scalar, in q order. Only items within twice the
 *  tolerance of s need the exact tolerant test; the rest compare plainly. */
export function cmpS_f64(src: usize, n: i32, s: f64, op: i32, dst: usize): void {
  const mask = opMask(op);
  if (s != s) {
    for (let i = 0; i < n; i++) { const x = load<f64>(src + (<usize>i << 3)); store<u8>(dst + <usize>i, test(x != x ? 0 : 1, mask)); }
    return;
  }
  const band = isFinite(s) ? 2 * TOL * Math.abs(s) : 0, lo = s - band, hi = s + band;
  for (let i = 0; i < n; i++) {
    const x = load<f64>(src + (<usize>i << 3)), lt = <i32>(x < lo), gt = <i32>(x > hi);
    // clearly below or above s without branching; the exact test only near s, or for nulls
    const c = lt | gt ? gt - lt : cmpF(x, s);
    store<u8>(dst + <usize>i, test(c, mask));
  }
}
function cmpInt<V>(src: usize, n: i32, s: V, op: i32, dst: usize): void {
  const mask = opMask(op);
  for (let i = 0; i < n; i++) { const x = load<V>(src + (<usize>i << alignof<V>())); store<u8>(dst + <usize>i, test(<i32>(x > s) - <i32>(x < s), mask)); }
}
/** The same for longs and for ints (and int-backed: dates, symbols' and enumerations' ids for = and <>). */
export function cmpS_i64(src: usize, n: i32, s: i64, op: i32, dst: usize): void { cmpInt<i64>(src, n, s, op, dst); }
export function cmpS_i32(src: usize, n: i32, s: i32, op: i32, dst: usize): void { cmpInt<i32>(src, n, s, op, dst); }

/** dst[i] = a[i] op b[i] for two vectors of n items, in q order (floats with the comparison tolerance). */
export function cmpV_f64(a: usize, b: usize, n: i32, op: i32, dst: usize): void {
  const mask = opMask(op);
  for (let i = 0; i < n; i++) store<u8>(dst + <usize>i, test(cmpF(load<f64>(a + (<usize>i << 3)), load<f64>(b + (<usize>i << 3))), mask));
}
function cmpVInt<V>(a: usize, b: usize, n: i32, op: i32, dst: usize): void {
  const mask = opMask(op);
  for (let i = 0; i < n; i++) {
    const x = load<V>(a + <usize>i * sizeof<V>()), y = load<V>(b + <usize>i * sizeof<V>());
    store<u8>(dst + <usize>i, test(<i32>(x > y) - <i32>(x < y), mask));
  }
}
export function cmpV_i64(a: usize, b: usize, n: i32, op: i32, dst: usize): void { cmpVInt<i64>(a, b, n, op, dst); }
export function cmpV_i32(a: usize, b: usize, n: i32, op: i32, dst: usize): void { cmpVInt<i32>(a, b, n, op, dst); }

// ---- selection: the positions of the items that pass a test, written straight out (no boolean vector) --
// Over all items from `base` (rows = 0, m items), or over the positions listed at rows (m of them). dst
// has room for m positions; returns how many it wrote. These serve qSQL where clauses, each applied to
// the rows the clauses before it kept.

@inline function rowAt(rows: usize, base: i32, i: i32): i32 { return rows ? load<i32>(rows + (<usize>i << 2)) : base + i; }

/** Positions p with lo <= x[p] <= hi, in q order (nulls lowest, with the tolerance), doubles; unless vals
 *  is 0, the items kept are written there too (the column at the rows kept, without a second pass). */
export function selW_f64(src: usize, rows: usize, base: i32, m: i32, lo: f64, hi: f64, dst: usize, vals: usize): i32 {
  const loNull = lo != lo, hiNull = hi != hi;
  let k = 0;
  if (!loNull && !hiNull) {
    const loA = lo - edge(lo), loB = lo + edge(lo), hiA = hi - edge(hi), hiB = hi + edge(hi);
    let i = 0;
    if (!rows) {
      // a run of items: four at a time against the inner and outer bounds; the exact test only when an
      // item lies between them (within the tolerance of a bound); each position is written, then counted in
      const iA = f64x2.splat(loB), iB = f64x2.splat(hiA), oA = f64x2.splat(loA), oB = f64x2.splat(hiB);
      for (; i + 4 <= m; i += 4) {
        const q = src + (<usize>(base + i) << 3), a = v128.load(q), b = v128.load(q, 16);
        let bits = i64x2.bitmask(v128.and(f64x2.ge(a, iA), f64x2.le(a, iB))) | i64x2.bitmask(v128.and(f64x2.ge(b, iA), f64x2.le(b, iB))) << 2;
        const outer = i64x2.bitmask(v128.and(f64x2.ge(a, oA), f64x2.le(a, oB))) | i64x2.bitmask(v128.and(f64x2.ge(b, oA), f64x2.le(b, oB))) << 2;
        if (bits != outer) {
          bits = 0;
          for (let j = 0; j < 4; j++) bits |= inBand(load<f64>(q + (<usize>j << 3)), lo, hi, loA, loB, hiA, hiB) << j;
        }
        const p = base + i;
        if (vals) {
          store<i32>(dst + (<usize>k << 2), p); store<f64>(vals + (<usize>k << 3), f64x2.extract_lane(a, 0)); k += bits & 1;
          store<i32>(dst + (<usize>k << 2), p + 1); store<f64>(vals + (<usize>k << 3), f64x2.extract_lane(a, 1)); k += (bits >> 1) & 1;
          store<i32>(dst + (<usize>k << 2), p + 2); store<f64>(vals + (<usize>k << 3), f64x2.extract_lane(b, 0)); k += (bits >> 2) & 1;
          store<i32>(dst + (<usize>k << 2), p + 3); store<f64>(vals + (<usize>k << 3), f64x2.extract_lane(b, 1)); k += (bits >> 3) & 1;
          continue;
        }
        store<i32>(dst + (<usize>k << 2), p); k += bits & 1;
        store<i32>(dst + (<usize>k << 2), p + 1); k += (bits >> 1) & 1;
        store<i32>(dst + (<usize>k << 2), p + 2); k += (bits >> 2) & 1;
        store<i32>(dst + (<usize>k << 2), p + 3); k += (bits >> 3) & 1;
      }
    }
    for (; i < m; i++) {
      const p = rowAt(rows, base, i), x = load<f64>(src + (<usize>p << 3));
      store<i32>(dst + (<usize>k << 2), p);
      if (vals) store<f64>(vals + (<usize>k << 3), x);
      k += inBand(x, lo, hi, loA, loB, hiA, hiB);
    }
    return k;
  }
  for (let i = 0; i < m; i++) {
    const p = rowAt(rows, base, i), x = load<f64>(src + (<usize>p << 3));
    store<i32>(dst + (<usize>k << 2), p);
    if (vals) store<f64>(vals + (<usize>k << 3), x);
    k += withinNullBound(x, lo, hi, loNull, hiNull);
  }
  return k;
}
function selWInt<V>(src: usize, rows: usize, base: i32, m: i32, lo: V, hi: V, dst: usize): i32 {
  let k = 0;
  for (let i = 0; i < m; i++) {
    const p = rowAt(rows, base, i), x = load<V>(src + <usize>p * sizeof<V>());
    store<i32>(dst + (<usize>k << 2), p);
    k += <i32>(x >= lo && x <= hi);
  }
  return k;
}
export function selW_i64(src: usize, rows: usize, base: i32, m: i32, lo: i64, hi: i64, dst: usize): i32 { return selWInt<i64>(src, rows, base, m, lo, hi, dst); }
export function selW_i32(src: usize, rows: usize, base: i32, m: i32, lo: i32, hi: i32, dst: usize): i32 { return selWInt<i32>(src, rows, base, m, lo, hi, dst); }

/** Positions p with x[p] op s (op: 0 = 1 <> 2 < 3 > 4 <= 5 >=), doubles, in q order with the tolerance;
 *  unless vals is 0, the items kept are written there too. */
export function selS_f64(src: usize, rows: usize, base: i32, m: i32, s: f64, op: i32, dst: usize, vals: usize): i32 {
  const mask = opMask(op), sNull = s != s;
  const band = !sNull && isFinite(s) ? 2 * TOL * Math.abs(s) : 0, lo = s - band, hi = s + band;
  let k = 0;
  for (let i = 0; i < m; i++) {
    const p = rowAt(rows, base, i), x = load<f64>(src + (<usize>p << 3));
    // clearly below or above s without branching; the exact test only near s, or for nulls
    const lt = <i32>(x < lo), gt = <i32>(x > hi);
    const c = lt | gt ? gt - lt : sNull ? (x != x ? 0 : 1) : cmpF(x, s);
    store<i32>(dst + (<usize>k << 2), p);
    if (vals) store<f64>(vals + (<usize>k << 3), x);
    k += <i32>test(c, mask);
  }
  return k;
}
function selSInt<V>(src: usize, rows: usize, base: i32, m: i32, s: V, op: i32, dst: usize): i32 {
  const mask = opMask(op);
  let k = 0;
  for (let i = 0; i < m; i++) {
    const p = rowAt(rows, base, i), x = load<V>(src + <usize>p * sizeof<V>());
    store<i32>(dst + (<usize>k << 2), p);
    k += <i32>test(<i32>(x > s) - <i32>(x < s), mask);
  }
  return k;
}
export function selS_i64(src: usize, rows: usize, base: i32, m: i32, s: i64, op: i32, dst: usize): i32 { return selSInt<i64>(src, rows, base, m, s, op, dst); }
export function selS_i32(src: usize, rows: usize, base: i32, m: i32, s: i32, op: i32, dst: usize): i32 { return selSInt<i32>(src, rows, base, m, s, op, dst); }

// ---- bin and binr: binary search of each y in sorted x (q order: nulls lowest), positions as longs ----

@inline function below<T>(a: T, b: T): bool {
  if (isFloat<T>()) return a != a ? b == b : b == b && a < b;   // NaN (null) first
  return a < b;
}
/** dst[j] = bin: the last i with x[i] <= y[j] (-1 when none); binr: the first i with x[i] >= y[j] (n when none). */
function bsearch<T>(x: usize, n: i32, y: usize, m: i32, right: bool, dst: usize): void {
  for (let j = 0; j < m; j++) {
    const v = load<T>(y + <usize>j * sizeof<T>());
    let lo = 0, hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1, a = load<T>(x + <usize>mid * sizeof<T>());
      // bin moves right past items at or below v; binr past items strictly below
      if (right ? below<T>(a, v) : !below<T>(v, a)) lo = mid + 1; else hi = mid;
    }
    store<i64>(dst + (<usize>j << 3), right ? <i64>lo : <i64>lo - 1);
  }
}
export function bin_i32(x: usize, n: i32, y: usize, m: i32, right: bool, dst: usize): void { bsearch<i32>(x, n, y, m, right, dst); }
export function bin_i64(x: usize, n: i32, y: usize, m: i32, right: bool, dst: usize): void { bsearch<i64>(x, n, y, m, right, dst); }
export function bin_f64(x: usize, n: i32, y: usize, m: i32, right: bool, dst: usize): void { bsearch<f64>(x, n, y, m, right, dst); }

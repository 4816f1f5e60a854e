// Filters: within (q's order: nulls lowest, so a null is within only a range that starts at null) and
// where (positions of the true items of a boolean vector).

/** dst[i] = lo <= x[i] <= hi for n doubles (bool bytes). */
export function within_f64(src: usize, n: i32, lo: f64, hi: f64, dst: usize): void {
  const loNull = lo != lo, hiNull = hi != hi;
  for (let i = 0; i < n; i++) {
    const x = load<f64>(src + (<usize>i << 3));
    const r = x != x ? loNull : (loNull || x >= lo) && !hiNull && x <= hi;
    store<u8>(dst + <usize>i, <u8>r);
  }
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

/** Positions (i32) of the nonzero bytes of n at src, written to dst; returns how many. Eight bytes are
 *  tested at once, so runs of false cost little. */
export function where_i8(src: usize, n: i32, dst: usize): i32 {
  let m = 0, i = 0;
  for (; i + 8 <= n; i += 8) {
    const w = load<u64>(src + <usize>i);
    if (w == 0) continue;
    for (let j = 0; j < 8; j++) {
      store<i32>(dst + (<usize>m << 2), i + j);
      m += <i32>((w >> (<u64>j << 3)) & 0xff != 0);
    }
  }
  for (; i < n; i++) { store<i32>(dst + (<usize>m << 2), i); m += <i32>(load<u8>(src + <usize>i) != 0); }
  return m;
}

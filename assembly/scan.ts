// Running and neighbouring loops: sums (nulls add nothing), deltas (each item less the one before, the
// first less zero; a null on either side gives null, integers wrap) and xbar by a positive atom
// (x * floor y % x; nulls stay null).

const NJ: i64 = i64.MIN_VALUE, NI: i32 = i32.MIN_VALUE;

export function sums_f64(src: usize, n: i32, dst: usize): void {
  let s: f64 = 0;
  for (let i = 0; i < n; i++) { const v = load<f64>(src + (<usize>i << 3)); if (v == v) s += v; store<f64>(dst + (<usize>i << 3), s); }
}
export function sums_i64(src: usize, n: i32, dst: usize): void {
  let s: i64 = 0;
  for (let i = 0; i < n; i++) { const v = load<i64>(src + (<usize>i << 3)); if (v != NJ) s += v; store<i64>(dst + (<usize>i << 3), s); }
}
export function sums_i32(src: usize, n: i32, dst: usize): void {
  let s: i32 = 0;
  for (let i = 0; i < n; i++) { const v = load<i32>(src + (<usize>i << 2)); if (v != NI) s += v; store<i32>(dst + (<usize>i << 2), s); }
}

export function deltas_f64(src: usize, n: i32, dst: usize): void {
  let p: f64 = 0;
  for (let i = 0; i < n; i++) { const v = load<f64>(src + (<usize>i << 3)); store<f64>(dst + (<usize>i << 3), v - p); p = v; }
}
export function deltas_i64(src: usize, n: i32, dst: usize): void {
  let p: i64 = 0;
  for (let i = 0; i < n; i++) { const v = load<i64>(src + (<usize>i << 3)); store<i64>(dst + (<usize>i << 3), v == NJ || p == NJ ? NJ : v - p); p = v; }
}
export function deltas_i32(src: usize, n: i32, dst: usize): void {
  let p: i32 = 0;
  for (let i = 0; i < n; i++) { const v = load<i32>(src + (<usize>i << 2)); store<i32>(dst + (<usize>i << 2), v == NI || p == NI ? NI : v - p); p = v; }
}

export function xbar_f64(x: f64, src: usize, n: i32, dst: usize): void {
  for (let i = 0; i < n; i++) store<f64>(dst + (<usize>i << 3), x * Math.floor(load<f64>(src + (<usize>i << 3)) / x));
}
export function xbar_i64(x: i64, src: usize, n: i32, dst: usize): void {
  for (let i = 0; i < n; i++) {
    const v = load<i64>(src + (<usize>i << 3));
    let q = v / x;
    if (v % x != 0 && v < 0) q--;
    store<i64>(dst + (<usize>i << 3), v == NJ ? NJ : q * x);
  }
}
export function xbar_i32(x: i32, src: usize, n: i32, dst: usize): void {
  for (let i = 0; i < n; i++) {
    const v = load<i32>(src + (<usize>i << 2));
    let q = v / x;
    if (v % x != 0 && v < 0) q--;
    store<i32>(dst + (<usize>i << 2), v == NI ? NI : q * x);
  }
}

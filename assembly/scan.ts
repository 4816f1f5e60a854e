// Running and neighbouring loops: sums (nulls add nothing), deltas (each item less the one before, the
// first less zero; a null on either side gives null, integers wrap) and xbar by a positive atom
// (x * floor y % x; nulls stay null). One generic body each, for f64, i64 and i32.

/** An integer type's null (its lowest value). */
@inline function intNull<T>(): T { return sizeof<T>() == 8 ? <T>i64.MIN_VALUE : <T>i32.MIN_VALUE; }
@inline function isNull<T>(v: T): bool { return isFloat<T>() ? v != v : v == intNull<T>(); }
@inline function at<T>(p: usize, i: i32): usize { return p + <usize>i * sizeof<T>(); }

function sums<T>(src: usize, n: i32, dst: usize): void {
  let s: T = <T>0;
  for (let i = 0; i < n; i++) { const v = load<T>(at<T>(src, i)); if (!isNull<T>(v)) s += v; store<T>(at<T>(dst, i), s); }
}
function deltas<T>(src: usize, n: i32, dst: usize): void {
  let p: T = <T>0;
  for (let i = 0; i < n; i++) {
    const v = load<T>(at<T>(src, i));
    // floats: NaN propagates by itself; integers: a null on either side is null
    store<T>(at<T>(dst, i), !isFloat<T>() && (isNull<T>(v) || isNull<T>(p)) ? intNull<T>() : v - p);
    p = v;
  }
}
function xbar<T>(x: T, src: usize, n: i32, dst: usize): void {
  for (let i = 0; i < n; i++) {
    const v = load<T>(at<T>(src, i));
    if (isFloat<T>()) { store<T>(at<T>(dst, i), x * <T>Math.floor(<f64>v / <f64>x)); continue; }
    let q = v / x;
    if (v % x != <T>0 && v < <T>0) q--;
    store<T>(at<T>(dst, i), isNull<T>(v) ? v : q * x);
  }
}

export function sums_f64(src: usize, n: i32, dst: usize): void { sums<f64>(src, n, dst); }
export function sums_i64(src: usize, n: i32, dst: usize): void { sums<i64>(src, n, dst); }
export function sums_i32(src: usize, n: i32, dst: usize): void { sums<i32>(src, n, dst); }
export function deltas_f64(src: usize, n: i32, dst: usize): void { deltas<f64>(src, n, dst); }
export function deltas_i64(src: usize, n: i32, dst: usize): void { deltas<i64>(src, n, dst); }
export function deltas_i32(src: usize, n: i32, dst: usize): void { deltas<i32>(src, n, dst); }
export function xbar_f64(x: f64, src: usize, n: i32, dst: usize): void { xbar<f64>(x, src, n, dst); }
export function xbar_i64(x: i64, src: usize, n: i32, dst: usize): void { xbar<i64>(x, src, n, dst); }
export function xbar_i32(x: i32, src: usize, n: i32, dst: usize): void { xbar<i32>(x, src, n, dst); }

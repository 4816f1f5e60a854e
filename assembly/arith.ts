// Element-wise arithmetic with a float result: + - * % of float and long vectors, item by item. Longs
// become floats as q converts them: 0N is 0n, and 0W/-0W are plain large numbers (`float$0Wj is
// 9.223372e+18: integer infinities are not infinite in float arithmetic); float nulls propagate as NaN.

const NJ: i64 = i64.MIN_VALUE;
@inline function toF<V>(v: V): f64 {
  if (isFloat<V>()) return <f64>v;
  const j = <i64>v;
  return j == NJ ? NaN : <f64>j;
}
/** dst[i] = a[i] op b[i] (op: 0 +, 1 -, 2 *, 3 %), each side float or long. */
function fop<A, B>(op: i32, a: usize, b: usize, n: i32, dst: usize): void {
  for (let i = 0; i < n; i++) {
    const x = toF<A>(load<A>(a + (<usize>i << 3))), y = toF<B>(load<B>(b + (<usize>i << 3)));
    store<f64>(dst + (<usize>i << 3), op == 0 ? x + y : op == 1 ? x - y : op == 2 ? x * y : x / y);
  }
}
export function fop_f64_f64(op: i32, a: usize, b: usize, n: i32, dst: usize): void { fop<f64, f64>(op, a, b, n, dst); }
export function fop_f64_i64(op: i32, a: usize, b: usize, n: i32, dst: usize): void { fop<f64, i64>(op, a, b, n, dst); }
export function fop_i64_f64(op: i32, a: usize, b: usize, n: i32, dst: usize): void { fop<i64, f64>(op, a, b, n, dst); }
export function fop_i64_i64(op: i32, a: usize, b: usize, n: i32, dst: usize): void { fop<i64, i64>(op, a, b, n, dst); }

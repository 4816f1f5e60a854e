// Element-wise arithmetic and conversion, item by item. Either side of an operation may be one number
// instead of a vector: the caller writes it to memory and gives that side a stride of 0, so one loop
// serves vector op vector, number op vector and vector op number.
//
// Float results (+ - * % with a float side, and % always): longs and ints become floats as q converts
// them: a null is 0n, and 0W/-0W are plain large numbers (`float$0Wj is 9.223372e+18: integer
// infinities are not infinite in float arithmetic); float nulls propagate as NaN.
// Integer results (+ - * of longs, of ints): a null on either side gives null, and otherwise the
// operation wraps, so 0W+1 is 0N (ref/add: infinities are ordinary values).

@inline function intNull<V>(): V { return sizeof<V>() == 8 ? <V>i64.MIN_VALUE : <V>i32.MIN_VALUE; }
@inline function toF<V>(v: V): f64 {
  if (isFloat<V>()) return <f64>v;
  return v == intNull<V>() ? NaN : <f64>v;
}

/** dst[i] = a[i] op b[i] as floats (op: 0 +, 1 -, 2 *, 3 %, 4 div, 5 mod, 6 | greater, 7 & lesser); sa, sb:
 *  each side's stride in bytes. div is the floor of x%y; mod is x - y·(x div y), and x mod 0 is x. A null
 *  is below every number: 0n|x is x, 0n&x is 0n. */
function fop<A, B>(op: i32, a: usize, sa: usize, b: usize, sb: usize, n: i32, dst: usize): void {
  for (let i = 0; i < n; i++) {
    const x = toF<A>(load<A>(a + <usize>i * sa)), y = toF<B>(load<B>(b + <usize>i * sb));
    store<f64>(dst + (<usize>i << 3), op == 0 ? x + y : op == 1 ? x - y : op == 2 ? x * y : op == 3 ? x / y : op == 4 ? Math.floor(x / y)
      // (a null is below every number: 0n|x is x, 0n&x is 0n)
      : op == 6 ? (x != x ? y : y != y ? x : x > y ? x : y) : op == 7 ? (x != x ? x : y != y ? y : x < y ? x : y) : y == 0 ? x : x - y * Math.floor(x / y));
  }
}
export function fop_f64_f64(op: i32, a: usize, sa: usize, b: usize, sb: usize, n: i32, dst: usize): void { fop<f64, f64>(op, a, sa, b, sb, n, dst); }
export function fop_f64_i64(op: i32, a: usize, sa: usize, b: usize, sb: usize, n: i32, dst: usize): void { fop<f64, i64>(op, a, sa, b, sb, n, dst); }
export function fop_i64_f64(op: i32, a: usize, sa: usize, b: usize, sb: usize, n: i32, dst: usize): void { fop<i64, f64>(op, a, sa, b, sb, n, dst); }
export function fop_i64_i64(op: i32, a: usize, sa: usize, b: usize, sb: usize, n: i32, dst: usize): void { fop<i64, i64>(op, a, sa, b, sb, n, dst); }
export function fop_f64_i32(op: i32, a: usize, sa: usize, b: usize, sb: usize, n: i32, dst: usize): void { fop<f64, i32>(op, a, sa, b, sb, n, dst); }
export function fop_i32_f64(op: i32, a: usize, sa: usize, b: usize, sb: usize, n: i32, dst: usize): void { fop<i32, f64>(op, a, sa, b, sb, n, dst); }
export function fop_i32_i32(op: i32, a: usize, sa: usize, b: usize, sb: usize, n: i32, dst: usize): void { fop<i32, i32>(op, a, sa, b, sb, n, dst); }

/** dst[i] = a[i] op b[i] in one integer type (op: 0 +, 1 -, 2 *): null if either is null, else wrapped. */
function iop<V>(op: i32, a: usize, sa: usize, b: usize, sb: usize, n: i32, dst: usize): void {
  const N = intNull<V>();
  for (let i = 0; i < n; i++) {
    const x = load<V>(a + <usize>i * sa), y = load<V>(b + <usize>i * sb);
    const r: V = op == 0 ? x + y : op == 1 ? x - y : x * y;
    store<V>(dst + <usize>i * sizeof<V>(), x == N || y == N ? N : r);
  }
}
/** dst[i] = a[i] div b[i] (op 4) or a[i] mod b[i] (op 5) in one integer type, null if either is null.
 *  div rounds toward negative infinity, and x div 0 is null (an expert's kdb+ transcript: "replacing with
 *  nulls can be done by dividing by zero"); mod
 *  takes y's sign, and x mod 0 is x. (Neither side is null when dividing, so nothing traps: the one
 *  quotient that overflows, the smallest value by -1, has the null as its dividend.) */
function idivmod<V>(op: i32, a: usize, sa: usize, b: usize, sb: usize, n: i32, dst: usize): void {
  const N = intNull<V>();
  for (let i = 0; i < n; i++) {
    const x = load<V>(a + <usize>i * sa), y = load<V>(b + <usize>i * sb);
    let r: V;
    if (x == N || y == N) r = N;
    else if (y == 0) r = op == 5 ? x : N;
    else {
      const q: V = x / y, m: V = x % y, off = m != 0 && (m < 0) != (y < 0);
      r = op == 4 ? (off ? q - 1 : q) : off ? m + y : m;
    }
    store<V>(dst + <usize>i * sizeof<V>(), r);
  }
}

/** dst[i] = the greater (op 6) or lesser (op 7) of a[i] and b[i]; the null, the least value, needs no case. */
function ipick<V>(op: i32, a: usize, sa: usize, b: usize, sb: usize, n: i32, dst: usize): void {
  for (let i = 0; i < n; i++) {
    const x = load<V>(a + <usize>i * sa), y = load<V>(b + <usize>i * sb);
    store<V>(dst + <usize>i * sizeof<V>(), op == 6 ? (x > y ? x : y) : x < y ? x : y);
  }
}
export function iop_i64(op: i32, a: usize, sa: usize, b: usize, sb: usize, n: i32, dst: usize): void { if (op >= 6) ipick<i64>(op, a, sa, b, sb, n, dst); else if (op >= 4) idivmod<i64>(op, a, sa, b, sb, n, dst); else iop<i64>(op, a, sa, b, sb, n, dst); }
export function iop_i32(op: i32, a: usize, sa: usize, b: usize, sb: usize, n: i32, dst: usize): void { if (op >= 6) ipick<i32>(op, a, sa, b, sb, n, dst); else if (op >= 4) idivmod<i32>(op, a, sa, b, sb, n, dst); else iop<i32>(op, a, sa, b, sb, n, dst); }

// ---- unary maps (ref/neg, abs, floor, ceiling, sqrt, reciprocal) ----------------------------------------
// Only the maps IEEE arithmetic defines exactly: exp, log and the trigonometric functions stay with the
// host's libm, so a result never changes in its last bit by where it was computed.

/** dst[i] = f(src[i]) on floats (op: 0 neg, 1 abs, 2 floor, 3 ceiling, 4 sqrt, 5 reciprocal); NaN stays NaN. */
export function fmap_f64(op: i32, src: usize, n: i32, dst: usize): void {
  for (let i = 0; i < n; i++) {
    const v = load<f64>(src + (<usize>i << 3));
    store<f64>(dst + (<usize>i << 3), op == 0 ? -v : op == 1 ? Math.abs(v) : op == 2 ? Math.floor(v) : op == 3 ? Math.ceil(v) : op == 4 ? Math.sqrt(v) : 1.0 / v);
  }
}
/** dst[i] = -src[i] (op 0) or |src[i]| (op 1) in one integer type; null stays null, and wraps as q's do. */
function imap<V>(op: i32, src: usize, n: i32, dst: usize): void {
  const N = intNull<V>();
  for (let i = 0; i < n; i++) {
    const v = load<V>(src + <usize>i * sizeof<V>());
    store<V>(dst + <usize>i * sizeof<V>(), v == N ? N : op == 0 || v < 0 ? -v : v);
  }
}
export function imap_i64(op: i32, src: usize, n: i32, dst: usize): void { imap<i64>(op, src, n, dst); }
export function imap_i32(op: i32, src: usize, n: i32, dst: usize): void { imap<i32>(op, src, n, dst); }

// ---- casts between booleans, ints, longs and floats (ref/cast) ---------------------------------------
// To a float: nulls are 0n, integer infinities plain numbers. To an integer from a float: rounded half
// away from zero; 0n is null, ±0w are the type's infinities, a finite value beyond the long range is null
// (as x86's conversion makes it in kdb+), and one within it but beyond the int range is ±0Wi. To an int
// from a long: null stays null, and a value out of the int range (±0W among them) is ±0Wi, as conv.ts's
// narrow makes it. Booleans are 0 and 1.

/** Round half away from zero, exactly (floor(|v| + 0.5) is wrong just below 0.5). */
@inline function roundAway(v: f64): f64 {
  const a = Math.abs(v), f = Math.floor(a), r = a - f >= 0.5 ? f + 1 : f;
  return v < 0 ? -r : r;
}
@inline function castOne<F, T>(v: F): T {
  if (isFloat<T>()) return <T>(sizeof<F>() == 1 ? <f64>v : toF<F>(v));
  if (sizeof<F>() == 1) return <T>v;                                    // boolean
  const NT = intNull<T>(), WT: T = sizeof<T>() == 8 ? <T>i64.MAX_VALUE : <T>i32.MAX_VALUE;
  if (isFloat<F>()) {
    const f = <f64>v;
    if (f != f) return NT;
    if (f == Infinity) return WT;
    if (f == -Infinity) return -WT;
    const r = roundAway(f);
    if (r >= 9223372036854775808.0 || r < -9223372036854775808.0) return NT;
    if (sizeof<T>() == 8) return <T><i64>r;
    return r > 2147483647.0 ? WT : r < -2147483647.0 ? -WT : <T><i32>r;
  }
  if (v == intNull<F>()) return NT;
  if (sizeof<T>() >= sizeof<F>()) return <T>v;                          // int to long: widening keeps the value
  const j = <i64>v;                                                     // long to int
  return j > <i64>i32.MAX_VALUE ? WT : j < -<i64>i32.MAX_VALUE ? -WT : <T>j;
}
function cast<F, T>(src: usize, n: i32, dst: usize): void {
  for (let i = 0; i < n; i++) store<T>(dst + <usize>i * sizeof<T>(), castOne<F, T>(load<F>(src + <usize>i * sizeof<F>())));
}
export function cast_i8_i32(src: usize, n: i32, dst: usize): void { cast<u8, i32>(src, n, dst); }
export function cast_i8_i64(src: usize, n: i32, dst: usize): void { cast<u8, i64>(src, n, dst); }
export function cast_i8_f64(src: usize, n: i32, dst: usize): void { cast<u8, f64>(src, n, dst); }
export function cast_i32_i64(src: usize, n: i32, dst: usize): void { cast<i32, i64>(src, n, dst); }
export function cast_i32_f64(src: usize, n: i32, dst: usize): void { cast<i32, f64>(src, n, dst); }
export function cast_i64_i32(src: usize, n: i32, dst: usize): void { cast<i64, i32>(src, n, dst); }
export function cast_i64_f64(src: usize, n: i32, dst: usize): void { cast<i64, f64>(src, n, dst); }
export function cast_f64_i32(src: usize, n: i32, dst: usize): void { cast<f64, i32>(src, n, dst); }
export function cast_f64_i64(src: usize, n: i32, dst: usize): void { cast<f64, i64>(src, n, dst); }

/** dst[i] = start + i for n items (til, and the positions of a run of rows). */
function iota<T>(start: T, n: i32, dst: usize): void {
  for (let i = 0; i < n; i++) store<T>(dst + (<usize>i << alignof<T>()), start + <T>i);
}
export function iota_i64(start: i64, n: i32, dst: usize): void { iota<i64>(start, n, dst); }
export function iota_i32(start: i32, n: i32, dst: usize): void { iota<i32>(start, n, dst); }

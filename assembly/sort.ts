// Stable grades (iasc/idesc) by LSD radix sort on order-preserving unsigned keys, 11 bits a pass, with
// passes skipped where every key has the same digit; and gathers (x[i] for a vector of indices).
// q's order: integer nulls are the type's minimum and so sort first already; a float null (NaN) sorts
// before -0w; -0.0 equals 0.0. A descending grade sorts complemented keys, which keeps ties in order.

const BITS = 11, RADIX = 1 << BITS, MASK = RADIX - 1;

/** Scratch bytes grade_<kind> needs for n items: two key buffers, one index buffer, the histograms. */
export function gradeScratch(n: i32, width: i32): i32 {
  const w = width > 4 ? 8 : 4;
  return 2 * w * n + 4 * n + (w == 8 ? 6 : 3) * RADIX * 4 + 64;
}

/** Radix grade of n keys of type U already written at ka; writes indices to dst. */
function radix<U>(ka: usize, n: i32, dst: usize, scratch: usize): void {
  const W = sizeof<U>(), passes = (<i32>W * 8 + BITS - 1) / BITS;
  const kb = ka + (<usize>n * W), ib = kb + (<usize>n * W), hist = ib + (<usize>n << 2);
  memory.fill(hist, 0, <usize>passes * RADIX * 4);
  for (let i = 0; i < n; i++) {
    const k = load<U>(ka + <usize>i * W);
    for (let p = 0; p < passes; p++) {
      const h = hist + ((<usize>p * RADIX + <usize>(<u32>(k >> <U>(p * BITS)) & MASK)) << 2);
      store<u32>(h, load<u32>(h) + 1);
    }
  }
  let ia = dst;
  for (let i = 0; i < n; i++) store<i32>(ia + (<usize>i << 2), i);
  let srcK = ka, dstK = kb, srcI = ia, dstI = ib;
  for (let p = 0; p < passes; p++) {
    const h = hist + (<usize>p * RADIX << 2);
    // a digit every key shares leaves the order as it is
    let skip = false;
    for (let d = 0; d < RADIX; d++) { const c = load<u32>(h + (<usize>d << 2)); if (c == <u32>n) { skip = true; break; } if (c != 0) break; }
    if (skip) continue;
    let sum: u32 = 0;
    for (let d = 0; d < RADIX; d++) { const c = load<u32>(h + (<usize>d << 2)); store<u32>(h + (<usize>d << 2), sum); sum += c; }
    const shift = <U>(p * BITS);
    for (let i = 0; i < n; i++) {
      const k = load<U>(srcK + <usize>i * W);
      const slot = h + (<usize>(<u32>(k >> shift) & MASK) << 2), at = load<u32>(slot);
      store<u32>(slot, at + 1);
      store<U>(dstK + <usize>at * W, k);
      store<i32>(dstI + (<usize>at << 2), load<i32>(srcI + (<usize>i << 2)));
    }
    const tk = srcK; srcK = dstK; dstK = tk;
    const ti = srcI; srcI = dstI; dstI = ti;
  }
  if (srcI != dst) memory.copy(dst, srcI, <usize>n << 2);
}

/** Grade of n floats of type F (q order, stable; desc != 0 for idesc) into dst (i32 indices), on keys U
 *  of the same width: the null (NaN) 0, -0.0 as 0.0, the rest in order above it. */
function gradeFloat<F, U>(src: usize, n: i32, dst: usize, scratch: usize, desc: i32): void {
  const flip: U = desc ? <U>-1 : 0, top: U = <U>1 << <U>(sizeof<U>() * 8 - 1);
  for (let i = 0; i < n; i++) {
    let v = load<F>(src + <usize>i * sizeof<F>());
    let b: U = 0;                      // null first
    if (v == v) {
      if (v == 0) v = 0;               // -0.0 is 0.0
      b = reinterpret<U>(v);
      b = (b & top) ? ~b : b | top;
      if (b == 0) b = 1;               // keep 0 for nulls (no float maps to it otherwise)
    }
    store<U>(scratch + <usize>i * sizeof<U>(), b ^ flip);
  }
  radix<U>(scratch, n, dst, scratch);
}
/** Grade of n integers of type S on keys U: the value less the type's minimum (q's order, nulls, the
 *  minimum, first; booleans, bytes and chars unsigned), so a narrow type's high digits stay constant
 *  and the radix skips them. */
function gradeInt<S, U>(src: usize, n: i32, dst: usize, scratch: usize, desc: i32): void {
  const flip: U = desc ? <U>-1 : 0;
  const min: U = isSigned<S>() ? (sizeof<U>() == 8 ? <U>(<i64>(<S>1 << <S>(sizeof<S>() * 8 - 1))) : <U>(<i32>(<S>1 << <S>(sizeof<S>() * 8 - 1)))) : 0;
  for (let i = 0; i < n; i++) {
    const v = load<S>(src + <usize>i * sizeof<S>());
    const k: U = sizeof<U>() == 8 ? <U>(<i64>v) : <U>(<i32>v);
    store<U>(scratch + <usize>i * sizeof<U>(), (k - min) ^ flip);
  }
  radix<U>(scratch, n, dst, scratch);
}
export function grade_f64(src: usize, n: i32, dst: usize, scratch: usize, desc: i32): void { gradeFloat<f64, u64>(src, n, dst, scratch, desc); }
export function grade_f32(src: usize, n: i32, dst: usize, scratch: usize, desc: i32): void { gradeFloat<f32, u32>(src, n, dst, scratch, desc); }
export function grade_i64(src: usize, n: i32, dst: usize, scratch: usize, desc: i32): void { gradeInt<i64, u64>(src, n, dst, scratch, desc); }
export function grade_i32(src: usize, n: i32, dst: usize, scratch: usize, desc: i32): void { gradeInt<i32, u32>(src, n, dst, scratch, desc); }
export function grade_i16(src: usize, n: i32, dst: usize, scratch: usize, desc: i32): void { gradeInt<i16, u32>(src, n, dst, scratch, desc); }
export function grade_i8(src: usize, n: i32, dst: usize, scratch: usize, desc: i32): void { gradeInt<u8, u32>(src, n, dst, scratch, desc); }

/** Scratch bytes grade_guid needs for n guids: the 64-bit radix's, and the first pass's order. */
export function grade_guidScratch(n: i32): i32 { return gradeScratch(n, 8) + 4 * n; }
/** Grade of n guids (16 bytes each, q's order: byte by byte, unsigned) into dst: stable radix passes on
 *  the last eight bytes, then, in that order, on the first eight (each read big-endian). */
export function grade_guid(src: usize, n: i32, dst: usize, scratch: usize, desc: i32): void {
  const flip: u64 = desc ? <u64>-1 : 0, keys = scratch, first = scratch + <usize>gradeScratch(n, 8);
  for (let i = 0; i < n; i++) store<u64>(keys + (<usize>i << 3), bswap<u64>(load<u64>(src + (<usize>i << 4), 8)) ^ flip);
  radix<u64>(keys, n, first, scratch);
  for (let i = 0; i < n; i++) store<u64>(keys + (<usize>i << 3), bswap<u64>(load<u64>(src + (<usize>load<i32>(first + (<usize>i << 2)) << 4))) ^ flip);
  radix<u64>(keys, n, dst, scratch);
  // dst holds positions in the first pass's order: turn them into rows
  for (let i = 0; i < n; i++) store<i32>(dst + (<usize>i << 2), load<i32>(first + (<usize>load<i32>(dst + (<usize>i << 2)) << 2)));
}

/** dst[i] = src[idx[i]] for items of 1, 2, 4, 8 or 16 bytes. */
export function gather_w1(src: usize, idx: usize, n: i32, dst: usize): void { for (let i = 0; i < n; i++) store<u8>(dst + <usize>i, load<u8>(src + <usize>load<i32>(idx + (<usize>i << 2)))); }
export function gather_w2(src: usize, idx: usize, n: i32, dst: usize): void { for (let i = 0; i < n; i++) store<u16>(dst + (<usize>i << 1), load<u16>(src + (<usize>load<i32>(idx + (<usize>i << 2)) << 1))); }
export function gather_w4(src: usize, idx: usize, n: i32, dst: usize): void { for (let i = 0; i < n; i++) store<u32>(dst + (<usize>i << 2), load<u32>(src + (<usize>load<i32>(idx + (<usize>i << 2)) << 2))); }
export function gather_w8(src: usize, idx: usize, n: i32, dst: usize): void { for (let i = 0; i < n; i++) store<u64>(dst + (<usize>i << 3), load<u64>(src + (<usize>load<i32>(idx + (<usize>i << 2)) << 3))); }
export function gather_w16(src: usize, idx: usize, n: i32, dst: usize): void { for (let i = 0; i < n; i++) v128.store(dst + (<usize>i << 4), v128.load(src + (<usize>load<i32>(idx + (<usize>i << 2)) << 4))); }
/** dst[idx[i]] = src[i] for n items: the inverse of a gather (update … by puts each group's results on its rows). */
export function scatter_w1(src: usize, idx: usize, n: i32, dst: usize): void { for (let i = 0; i < n; i++) store<u8>(dst + <usize>load<i32>(idx + (<usize>i << 2)), load<u8>(src + <usize>i)); }
export function scatter_w2(src: usize, idx: usize, n: i32, dst: usize): void { for (let i = 0; i < n; i++) store<u16>(dst + (<usize>load<i32>(idx + (<usize>i << 2)) << 1), load<u16>(src + (<usize>i << 1))); }
export function scatter_w4(src: usize, idx: usize, n: i32, dst: usize): void { for (let i = 0; i < n; i++) store<u32>(dst + (<usize>load<i32>(idx + (<usize>i << 2)) << 2), load<u32>(src + (<usize>i << 2))); }
export function scatter_w8(src: usize, idx: usize, n: i32, dst: usize): void { for (let i = 0; i < n; i++) store<u64>(dst + (<usize>load<i32>(idx + (<usize>i << 2)) << 3), load<u64>(src + (<usize>i << 3))); }
export function scatter_w16(src: usize, idx: usize, n: i32, dst: usize): void { for (let i = 0; i < n; i++) v128.store(dst + (<usize>load<i32>(idx + (<usize>i << 2)) << 4), v128.load(src + (<usize>i << 4))); }

// Aggregates over columns in linear memory: (pointer, length) in, a scalar out.

/** Sum of n f64 at p, skipping NaN (q's sum ignores nulls); four lanes of f64x2 accumulators. */
export function sumF64(p: usize, n: i32): f64 {
  let a0 = f64x2.splat(0), a1 = f64x2.splat(0), a2 = f64x2.splat(0), a3 = f64x2.splat(0);
  const z = f64x2.splat(0);
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const q = p + (<usize>i << 3);
    let v0 = v128.load(q), v1 = v128.load(q, 16), v2 = v128.load(q, 32), v3 = v128.load(q, 48);
    // NaN != NaN: keep only lanes equal to themselves
    a0 = f64x2.add(a0, v128.bitselect(v0, z, f64x2.eq(v0, v0)));
    a1 = f64x2.add(a1, v128.bitselect(v1, z, f64x2.eq(v1, v1)));
    a2 = f64x2.add(a2, v128.bitselect(v2, z, f64x2.eq(v2, v2)));
    a3 = f64x2.add(a3, v128.bitselect(v3, z, f64x2.eq(v3, v3)));
  }
  const s = f64x2.add(f64x2.add(a0, a1), f64x2.add(a2, a3));
  let r = f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
  for (; i < n; i++) { const v = load<f64>(p + (<usize>i << 3)); if (v == v) r += v; }
  return r;
}

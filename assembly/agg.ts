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

/** Sum as floats of n longs (V i64) or ints (i32) at p, skipping nulls, and (at cnt) how many were not
 *  null: avg's two halves in one pass. */
function sumCount<V>(p: usize, n: i32, cnt: usize): f64 {
  const N: V = sizeof<V>() == 8 ? <V>i64.MIN_VALUE : <V>i32.MIN_VALUE;
  let s: f64 = 0, c: i32 = 0;
  for (let i = 0; i < n; i++) { const v = load<V>(p + <usize>i * sizeof<V>()); if (v != N) { s += <f64>v; c++; } }
  store<i32>(cnt, c);
  return s;
}
export function sumCountI64(p: usize, n: i32, cnt: usize): f64 { return sumCount<i64>(p, n, cnt); }
export function sumCountI32(p: usize, n: i32, cnt: usize): f64 { return sumCount<i32>(p, n, cnt); }
/** The same of n floats, nulls (NaN) skipped. */
export function sumCountF64(p: usize, n: i32, cnt: usize): f64 {
  let s: f64 = 0, c: i32 = 0;
  for (let i = 0; i < n; i++) { const v = load<f64>(p + (<usize>i << 3)); if (v == v) { s += v; c++; } }
  store<i32>(cnt, c);
  return s;
}

/** Sum of n i64 at p, skipping nulls (the least i64, q's 0N), wrapping as kdb+'s long sum does; four
 *  lanes of i64x2 accumulators. */
export function sumI64(p: usize, n: i32): i64 {
  let a0 = i64x2.splat(0), a1 = i64x2.splat(0), a2 = i64x2.splat(0), a3 = i64x2.splat(0);
  const z = i64x2.splat(0), nul = i64x2.splat(i64.MIN_VALUE);
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const q = p + (<usize>i << 3);
    let v0 = v128.load(q), v1 = v128.load(q, 16), v2 = v128.load(q, 32), v3 = v128.load(q, 48);
    a0 = i64x2.add(a0, v128.bitselect(z, v0, i64x2.eq(v0, nul)));
    a1 = i64x2.add(a1, v128.bitselect(z, v1, i64x2.eq(v1, nul)));
    a2 = i64x2.add(a2, v128.bitselect(z, v2, i64x2.eq(v2, nul)));
    a3 = i64x2.add(a3, v128.bitselect(z, v3, i64x2.eq(v3, nul)));
  }
  const s = i64x2.add(i64x2.add(a0, a1), i64x2.add(a2, a3));
  let r = i64x2.extract_lane(s, 0) + i64x2.extract_lane(s, 1);
  for (; i < n; i++) { const v = load<i64>(p + (<usize>i << 3)); if (v != i64.MIN_VALUE) r += v; }
  return r;
}

// Dense float matrices, row-major in linear memory: mmu's product and inv's LU inversion. Every item of a
// result sums its terms in the same order as the TypeScript paths in q/prims/stats.ts (no fused
// multiply-add, lanes independent), so a matrix gives the same bits with or without the kernels.

/** r[j] += f * s[j] for j < n: two lanes at a time, four lanes an iteration. (r -= f * s is this with -f:
 *  negation is exact, so a + (-f)*b rounds as a - f*b does.) */
@inline function axpy(r: usize, s: usize, f: f64, n: i32): void {
  const fv = f64x2.splat(f);
  let j = 0;
  for (; j + 4 <= n; j += 4) {
    const o = <usize>j << 3;
    v128.store(r + o, f64x2.add(v128.load(r + o), f64x2.mul(fv, v128.load(s + o))));
    v128.store(r + o, f64x2.add(v128.load(r + o, 16), f64x2.mul(fv, v128.load(s + o, 16))), 16);
  }
  for (; j < n; j++) { const o = <usize>j << 3; store<f64>(r + o, load<f64>(r + o) + f * load<f64>(s + o)); }
}
/** Row i of an n-column matrix at m. */
@inline function row(m: usize, i: i32, n: i32): usize { return m + (<usize>i * <usize>n << 3); }

/** c (m×n) = a (m×k) times b (k×n). Each c[i;j] adds a[i;p]*b[p;j] for p ascending; b is walked in
 *  tiles of 128 rows by 512 columns (512 KB), so a tile stays in cache across the rows of a. */
export function mmuF64(a: usize, b: usize, c: usize, m: i32, k: i32, n: i32): void {
  memory.fill(c, 0, <usize>m * <usize>n << 3);
  const PT = 128, JT = 512;
  for (let p0 = 0; p0 < k; p0 += PT) {
    const p1 = min(p0 + PT, k);
    for (let j0 = 0; j0 < n; j0 += JT) {
      const w = min(JT, n - j0);
      for (let i = 0; i < m; i++) {
        const ci = c + ((<usize>i * <usize>n + <usize>j0) << 3), ai = a + (<usize>i * <usize>k << 3);
        for (let p = p0; p < p1; p++) axpy(ci, b + ((<usize>p * <usize>n + <usize>j0) << 3), load<f64>(ai + (<usize>p << 3)), w);
      }
    }
  }
}

/** x (n×n) := inverse of a (n×n), which is overwritten by its LU factors (partial pivoting, rows swapped
 *  in place); perm is n i32 of scratch. Returns 0, or 1 when a pivot is zero (a singular matrix). */
export function invF64(a: usize, x: usize, perm: usize, n: i32): i32 {
  for (let i = 0; i < n; i++) store<i32>(perm + (<usize>i << 2), i);
  for (let k = 0; k < n; k++) {
    // the pivot: the largest magnitude in column k at or below the diagonal (the first of equals)
    let p = k, best = abs(load<f64>(row(a, k, n) + (<usize>k << 3)));
    for (let i = k + 1; i < n; i++) { const v = abs(load<f64>(row(a, i, n) + (<usize>k << 3))); if (v > best) { best = v; p = i; } }
    if (p != k) {
      const rk = row(a, k, n), rp = row(a, p, n);
      for (let j = 0; j < n; j++) { const o = <usize>j << 3, t = load<f64>(rk + o); store<f64>(rk + o, load<f64>(rp + o)); store<f64>(rp + o, t); }
      const t = load<i32>(perm + (<usize>k << 2)); store<i32>(perm + (<usize>k << 2), load<i32>(perm + (<usize>p << 2))); store<i32>(perm + (<usize>p << 2), t);
    }
    const d = load<f64>(row(a, k, n) + (<usize>k << 3));
    if (d == 0) return 1;
    const rest = row(a, k, n) + (<usize>(k + 1) << 3);
    for (let i = k + 1; i < n; i++) {
      const ri = row(a, i, n), l = load<f64>(ri + (<usize>k << 3)) / d;
      store<f64>(ri + (<usize>k << 3), l);
      axpy(ri + (<usize>(k + 1) << 3), rest, -l, n - k - 1);
    }
  }
  // solve L U X = P I a row of X at a time: forward (j ascending), then back (j descending) and divide
  memory.fill(x, 0, <usize>n * <usize>n << 3);
  for (let i = 0; i < n; i++) store<f64>(row(x, i, n) + (<usize>load<i32>(perm + (<usize>i << 2)) << 3), 1);
  for (let i = 1; i < n; i++) {
    const ri = row(a, i, n), xi = row(x, i, n);
    for (let j = 0; j < i; j++) axpy(xi, row(x, j, n), -load<f64>(ri + (<usize>j << 3)), n);
  }
  for (let i = n - 1; i >= 0; i--) {
    const ri = row(a, i, n), xi = row(x, i, n);
    for (let j = n - 1; j > i; j--) axpy(xi, row(x, j, n), -load<f64>(ri + (<usize>j << 3)), n);
    const d = load<f64>(ri + (<usize>i << 3));
    for (let j = 0; j < n; j++) { const o = <usize>j << 3; store<f64>(xi + o, load<f64>(xi + o) / d); }
  }
  return 0;
}

// Statistics: var svar dev sdev med, cov scov cor, ema, mdev, and the matrix functions mmu inv lsq
// (a matrix is a list of float vectors). Everything is computed in floats with nulls ignored; variance and
// covariance use two passes (mean first) for accuracy.
import { T } from '../value/types.js';
import { Q, Atom, Vec, List, Dict, count, items, fromItems, list, isKeyed, longVec } from '../value/value.js';
import { QError } from '../value/error.js';
import { allocRaw } from '../value/storage.js';
import * as kernels from '../kernels/index.js';
import { Dom, view } from './numeric.js';
import { aggregate, floats, floatAtom, moving, movingMean, avg } from './agg.js';
import { grade } from './order.js';
import { index } from './index.js';
import { flip } from './list.js';

const FLOAT_RANGE = 'f . f f f f f f f . f f f f f f f f';
const fatom = (v: number): Atom => ({ t: -T.Float, v });

/** A general list of numeric atoms as one float vector, or of equal-length vectors column by column. */
function statList(f: (d: Float64Array) => number) {
  return (x: List): Q => {
    if (x.d.every(v => v.t < 0)) return fatom(f(Float64Array.from(x.d, v => floatAtom(v, FLOAT_RANGE))));
    if (x.d.every(v => v.t > 0 && v.t < 20)) return fromItems(items(flip(x)).map(c => fatom(f(c.t < 0 ? Float64Array.of(floatAtom(c, FLOAT_RANGE)) : floats(c as Vec, FLOAT_RANGE)))));
    throw new QError('type');
  };
}
/** An aggregate statistic from a float kernel. */
function stat(f: (d: Float64Array) => number) {
  return aggregate(x => fatom(f(floats(x, FLOAT_RANGE))), statList(f), x => fatom(f(Float64Array.of(floatAtom(x, FLOAT_RANGE)))));
}

/** Population variance and the count of non-null items. */
function variance(d: Float64Array): [number, number] {
  let s = 0, c = 0;
  for (let i = 0; i < d.length; i++) { const v = d[i]; if (v === v) { s += v; c++; } }
  const m = s / c;
  let q = 0;
  for (let i = 0; i < d.length; i++) { const v = d[i]; if (v === v) q += (v - m) * (v - m); }
  return [q / c, c];
}
export const qvar = stat(d => variance(d)[0]);
export const svar = stat(d => { const [v, c] = variance(d); return v * c / (c - 1); });
export const dev = stat(d => Math.sqrt(variance(d)[0]));
export const sdev = stat(d => { const [v, c] = variance(d); return Math.sqrt(v * c / (c - 1)); });

/** The median of the non-null items: the mean of the middle one or two (ref/med), found by selection. */
/** med of a table is kdb+'s definition applied to rows: the middle row (or the mean of the middle two) in
 *  the table's sort order, as a dictionary of its columns (ref/med: med t is a|3 b|-6, not each column's). */
export const med = (x: Q): Q => {
  const t = isKeyed(x) ? (x as Dict).v : x;
  if (t.t !== T.Table) return medOf(x);
  const n = count(t), g = grade(t);
  if (!n) throw new QError('length');
  const rows = n % 2 ? [g[n >> 1]] : [g[(n >> 1) - 1], g[n >> 1]];
  return avg(index(t, longVec(rows)));
};
const medOf = stat(d => {
  // the work copy in vector memory, which queries have touched already (fresh pages cost more here)
  const w = allocRaw(T.Float, d.length) as Float64Array;
  let n = 0;
  for (let i = 0; i < d.length; i++) { const e = d[i]; if (e === e) w[n++] = e; }
  const v = w.subarray(0, n);
  if (n === 0) return NaN;
  const k = n >> 1, hi = select(v, k);
  if (n % 2) return hi;
  // after selecting k, items before k are all <= v[k]: the lower middle is their maximum
  let lo = -Infinity;
  for (let i = 0; i < k; i++) if (v[i] > lo) lo = v[i];
  return (lo + hi) / 2;
});
/** The k-th smallest item of v (Hoare's selection, in place): v[k] ends in its sorted position. */
function select(v: Float64Array, k: number): number {
  let l = 0, r = v.length - 1;
  while (l < r) {
    const p = v[(l + r) >> 1];
    let i = l, j = r;
    while (i <= j) {
      while (v[i] < p) i++;
      while (v[j] > p) j--;
      if (i <= j) { const t = v[i]; v[i] = v[j]; v[j] = t; i++; j--; }
    }
    if (k <= j) r = j; else if (k >= i) l = i; else break;
  }
  return v[k];
}

/** The two float views of a pair of conforming lists (dictionaries by value). */
function pair(x: Q, y: Q): [Float64Array, Float64Array] {
  const vec = (z: Q): Float64Array => {
    if (z.t === T.Dict && !isKeyed(z)) z = (z as Dict).v;
    if (z.t > 0 && z.t < 20) return floats(z as Vec, FLOAT_RANGE);
    if (z.t === T.List && (z as List).d.every(v => v.t < 0)) return Float64Array.from((z as List).d, v => floatAtom(v, FLOAT_RANGE));
    throw new QError('type');
  };
  const a = vec(x), b = vec(y);
  if (a.length !== b.length) throw new QError('length');
  return [a, b];
}
/** Covariance of the pairs where neither item is null, with its count; also the two variances. */
function moments(a: Float64Array, b: Float64Array): { cov: number; va: number; vb: number; n: number } {
  let sa = 0, sb = 0, n = 0;
  for (let i = 0; i < a.length; i++) { const p = a[i], q = b[i]; if (p === p && q === q) { sa += p; sb += q; n++; } }
  const ma = sa / n, mb = sb / n;
  let c = 0, va = 0, vb = 0;
  for (let i = 0; i < a.length; i++) { const p = a[i] - ma, q = b[i] - mb; if (p === p && q === q) { c += p * q; va += p * p; vb += q * q; } }
  return { cov: c / n, va: va / n, vb: vb / n, n };
}
export function cov(x: Q, y: Q): Q { const m = moments(...pair(x, y)); return fatom(m.cov); }
export function scov(x: Q, y: Q): Q { const m = moments(...pair(x, y)); return fatom(m.cov * m.n / (m.n - 1)); }
export function cor(x: Q, y: Q): Q { const m = moments(...pair(x, y)); return fatom(m.cov / Math.sqrt(m.va * m.vb)); }

/** x mdev y: sqrt of mavg y*y less the square of mavg y, over the non-null items of each window. */
export const mdev = moving((w, y) => {
  const d = floats(y, FLOAT_RANGE), n = d.length, sq = new Float64Array(n);
  for (let i = 0; i < n; i++) sq[i] = d[i] * d[i];
  const m = movingMean(w, d), m2 = movingMean(w, sq), r = new Float64Array(n);
  for (let i = 0; i < n; i++) { const v = m2[i] - m[i] * m[i]; r[i] = Math.sqrt(v < 0 && v > -1e-12 * m2[i] ? 0 : v); }
  return { t: T.Float, d: r, a: 0 } as Vec;
});

/** x ema y: r[i] = x*y[i] + (1-x)*r[i-1], starting from the first item of y; x is an atom or one per item. */
export function ema(x: Q, y: Q): Q {
  const yd = y.t < 0 ? Float64Array.of(floatAtom(y, FLOAT_RANGE)) : y.t > 0 && y.t < 20 ? floats(y as Vec, FLOAT_RANGE) : null;
  if (!yd) throw new QError('type');
  const xv = x.t < 0 ? floatAtom(x, FLOAT_RANGE) : x.t > 0 && x.t < 20 ? floats(x as Vec, FLOAT_RANGE) : null;
  if (xv === null) throw new QError('type');
  const n = yd.length;
  if (typeof xv !== 'number' && (xv as Float64Array).length !== n) throw new QError('length');
  const r = new Float64Array(n);
  let acc = n ? yd[0] : 0;
  for (let i = 0; i < n; i++) { const a = typeof xv === 'number' ? xv : (xv as Float64Array)[i]; acc = a * yd[i] + (1 - a) * acc; r[i] = acc; }
  return y.t < 0 ? fatom(r[0]) : { t: T.Float, d: r, a: 0 } as Vec;
}

// ---- matrices ----------------------------------------------------------------------------------------------------

/** A float vector's items, or 'type (mmu, inv and lsq take floats only). */
function fvec(x: Q): Float64Array {
  if (x.t !== T.Float) throw new QError('type');
  return (x as Vec).d as Float64Array;
}
/** A matrix as rows of floats, all of one length. */
function matrix(x: Q): Float64Array[] {
  if (x.t !== T.List) throw new QError('type');
  const rows = (x as List).d.map(fvec);
  if (rows.some(r => r.length !== rows[0].length)) throw new QError('length');
  return rows;
}
const fv = (d: Float64Array): Vec => ({ t: T.Float, d, a: 0 });
const mat = (rows: Float64Array[]): Q => list(rows.map(fv));

/** x mmu y (x$y): dot product of vectors, or the matrix product where either side is a matrix. */
export function mmu(x: Q, y: Q): Q {
  const xm = x.t === T.List, ym = y.t === T.List;
  if (!xm && !ym) {
    const a = fvec(x), b = fvec(y);
    if (a.length !== b.length) throw new QError('length');
    let s = 0; for (let i = 0; i < a.length; i++) s += a[i] * b[i];
    return fatom(s);
  }
  const A = xm ? matrix(x) : [fvec(x)], B = ym ? matrix(y) : fvec(y);
  if (!ym) {
    // matrix times vector: one dot product per row
    const b = B as Float64Array;
    return fv(Float64Array.from(A, r => { if (r.length !== b.length) throw new QError('length'); let s = 0; for (let i = 0; i < b.length; i++) s += r[i] * b[i]; return s; }));
  }
  const Bm = B as Float64Array[], k = Bm.length, m = k ? Bm[0].length : 0;
  if (A.some(r => r.length !== k)) throw new QError('length');
  // each item sums its k terms in order, here and in the kernel alike
  const out = kernels.mmuRows(A, Bm, m) ?? A.map(r => {
    const o = new Float64Array(m);
    for (let j = 0; j < k; j++) { const a = r[j], b = Bm[j]; for (let i = 0; i < m; i++) o[i] += a * b[i]; }
    return o;
  });
  return xm ? mat(out) : fv(out[0]);
}

/** inv x: the inverse of a square float matrix by LU decomposition with partial pivoting, as kdb+ has
 *  since 3.6 (the same rounding: a mmu inv a shows the residues ref/inv does). A zero pivot (a singular
 *  matrix) gives nulls. */
export function inv(x: Q): Q {
  if (x.t === -T.Float) return fatom(1 / (x as Atom).v);
  const rows = matrix(x), n = rows.length;
  if (rows.some(r => r.length !== n)) throw new QError('length');
  const nulls = () => mat(rows.map(() => new Float64Array(n).fill(NaN)));
  const fast = kernels.invRows(rows);
  if (fast) return fast === 'singular' ? nulls() : mat(fast);
  const A = rows.map(r => Float64Array.from(r)), perm = Array.from({ length: n }, (_, i) => i);
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(A[i][k]) > Math.abs(A[p][k])) p = i;
    [A[k], A[p]] = [A[p], A[k]]; [perm[k], perm[p]] = [perm[p], perm[k]];
    const d = A[k][k], rk = A[k];
    if (d === 0) return nulls();
    for (let i = k + 1; i < n; i++) {
      const ri = A[i], l = ri[k] /= d;
      for (let j = k + 1; j < n; j++) ri[j] -= l * rk[j];
    }
  }
  // L U X = P I, a row of X at a time: forward with L (unit diagonal), then back with U
  const X = perm.map(c => { const r = new Float64Array(n); r[c] = 1; return r; });
  for (let i = 1; i < n; i++) for (let j = 0; j < i; j++) { const l = A[i][j], xi = X[i], xj = X[j]; for (let c = 0; c < n; c++) xi[c] -= l * xj[c]; }
  for (let i = n - 1; i >= 0; i--) {
    const xi = X[i];
    for (let j = n - 1; j > i; j--) { const u = A[i][j], xj = X[j]; for (let c = 0; c < n; c++) xi[c] -= u * xj[c]; }
    const d = A[i][i];
    for (let c = 0; c < n; c++) xi[c] /= d;
  }
  return mat(X);
}

/** x lsq y: the least-squares B with x ≈ B mmu y, from the normal equations (y y') B' = y x' by Cholesky. */
export function lsq(x: Q, y: Q): Q {
  const X = x.t === T.List ? matrix(x) : [fvec(x)], Y = matrix(y), k = Y.length, m = Y[0]?.length ?? 0;
  if (X.some(r => r.length !== m)) throw new QError('length');
  // G = Y Y' (k×k), symmetric positive definite when the rows of y are independent
  const G = Y.map(a => Float64Array.from(Y, b => { let s = 0; for (let i = 0; i < m; i++) s += a[i] * b[i]; return s; }));
  const L = G.map(() => new Float64Array(k));
  for (let i = 0; i < k; i++) for (let j = 0; j <= i; j++) {
    let s = G[i][j];
    for (let p = 0; p < j; p++) s -= L[i][p] * L[j][p];
    L[i][j] = i === j ? Math.sqrt(s) : s / L[j][j];
  }
  if (L.some((r, i) => !(r[i] > 0))) throw new QError('domain');
  const out = X.map(xr => {
    // right side b = Y xr (k), then solve L L' z = b
    const b = Float64Array.from(Y, yr => { let s = 0; for (let i = 0; i < m; i++) s += yr[i] * xr[i]; return s; });
    const z = new Float64Array(k);
    for (let i = 0; i < k; i++) { let s = b[i]; for (let p = 0; p < i; p++) s -= L[i][p] * z[p]; z[i] = s / L[i][i]; }
    for (let i = k - 1; i >= 0; i--) { let s = z[i]; for (let p = i + 1; p < k; p++) s -= L[p][i] * z[p]; z[i] = s / L[i][i]; }
    return z;
  });
  return x.t === T.List ? mat(out) : fv(out[0]);
}
export { count };

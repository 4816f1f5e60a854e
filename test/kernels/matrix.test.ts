// Matrix kernels (mmu's product, inv's LU inversion) against plain TypeScript references that do the same
// arithmetic in the same order: the results must agree to the bit, so a matrix's inverse does not depend
// on its size crossing the kernels' threshold. Also the doc's example through a session.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { k, put, alloc, view, reset } from './harness.js';
import { makeSession } from '../q.js';

let seed = 99;
const rnd = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed / 2 ** 32; };
const matrix = (m: number, n: number) => Array.from({ length: m }, () => Float64Array.from({ length: n }, () => (rnd() - .5) * 100));
const flat = (rows: Float64Array[], n: number) => { const r = new Float64Array(rows.length * n); rows.forEach((x, i) => r.set(x, i * n)); return r; };

function mmuRef(a: Float64Array[], b: Float64Array[], n: number): Float64Array {
  const out = new Float64Array(a.length * n);
  a.forEach((r, i) => { for (let p = 0; p < b.length; p++) for (let j = 0; j < n; j++) out[i * n + j] += r[p] * b[p][j]; });
  return out;
}
function invRef(rows: Float64Array[]): Float64Array | null {
  const n = rows.length, A = rows.map(r => Float64Array.from(r)), perm = [...Array(n).keys()];
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let i = c + 1; i < n; i++) if (Math.abs(A[i][c]) > Math.abs(A[p][c])) p = i;
    [A[c], A[p]] = [A[p], A[c]]; [perm[c], perm[p]] = [perm[p], perm[c]];
    if (A[c][c] === 0) return null;
    for (let i = c + 1; i < n; i++) { A[i][c] /= A[c][c]; for (let j = c + 1; j < n; j++) A[i][j] -= A[i][c] * A[c][j]; }
  }
  // column by column: forward with L, back with U
  const X = new Float64Array(n * n);
  for (let col = 0; col < n; col++) {
    const y = perm.map(r => r === col ? 1 : 0);
    for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) y[i] -= A[i][j] * y[j];
    for (let i = n - 1; i >= 0; i--) { for (let j = n - 1; j > i; j--) y[i] -= A[i][j] * y[j]; y[i] /= A[i][i]; }
    y.forEach((v, i) => { X[i * n + col] = v; });
  }
  return X;
}

test('mmuF64 sums each item in order, whatever the tiling (sizes across the 128 and 512 tiles)', () => {
  for (const [m, kk, n] of [[1, 1, 1], [3, 4, 5], [2, 130, 7], [5, 9, 515], [33, 260, 70]]) {
    reset();
    const a = matrix(m, kk), b = matrix(kk, n), pc = alloc(m * n * 8);
    k.mmuF64(put(flat(a, kk)), put(flat(b, n)), pc, m, kk, n);
    assert.deepEqual(view(Float64Array, pc, m * n), mmuRef(a, b, n), `${m}x${kk} by ${kk}x${n}`);
  }
});

test('invF64 is LU with partial pivoting, to the bit; a zero pivot says singular', () => {
  for (const n of [1, 2, 3, 7, 40, 97]) {
    reset();
    const a = matrix(n, n), px = alloc(n * n * 8);
    assert.equal(k.invF64(put(flat(a, n)), px, alloc(4 * n), n), 0);
    assert.deepEqual(view(Float64Array, px, n * n), invRef(a), `n=${n}`);
  }
  reset();
  const s = [Float64Array.of(1, 2), Float64Array.of(2, 4)];
  assert.equal(k.invF64(put(flat(s, 2)), alloc(32), alloc(8), 2), 1);
});

test('inv gives kdb+\'s residues (ref/inv); a big one inverts; singular gives nulls', () => {
  const { q } = makeSession();
  assert.equal(q('a mmu inv a:3 3#2 4 8 3 5 6 0 7 1f'), '1 2.220446e-16 -2.775558e-17\n0 1            5.551115e-17 \n0 0            1            ');
  // an 80x80 matrix goes to the kernels: its inverse is one, to within rounding
  q('m:80 80#6400?1.');
  assert.equal(q('1e-9>max abs raze(m mmu inv m)-{x=/:x}til 80'), '1b');
  assert.equal(q('0n~first first inv 2 2#1 2 2 4f'), '1b');
  assert.equal(q('(3 3#til 9)$3 3#1f'), "'type");
});

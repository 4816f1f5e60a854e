// Selection kernels (the rows a where clause keeps, without a boolean vector) against plain TypeScript
// references: over all items, over a run from a base, and over listed positions; floats with nulls,
// infinities and values within the comparison tolerance of the bound; null bounds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { k, alloc, put, view, reset } from './harness.js';

const NJ = -(2n ** 63n), NI = -(2 ** 31);
let seed = 777;
const rnd = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed / 2 ** 32; };
const SIZES = [0, 1, 3, 4, 5, 9, 100, 2048, 40_001];
const feq = (a: number, b: number) => a === b || (isFinite(a) && isFinite(b) && Math.abs(a - b) <= 2 ** -43 * Math.max(Math.abs(a), Math.abs(b)));
const fcmp = (a: number, b: number) => (a !== a ? (b !== b ? 0 : -1) : b !== b ? 1 : feq(a, b) ? 0 : a < b ? -1 : 1);
const ncmp = (a: number | bigint, b: number | bigint) => a < b ? -1 : a > b ? 1 : 0;
const OPS = [(c: number) => c === 0, (c: number) => c !== 0, (c: number) => c < 0, (c: number) => c > 0, (c: number) => c <= 0, (c: number) => c >= 0];
const floats = (n: number) => Float64Array.from({ length: n }, () => { const r = rnd(); return r < .1 ? NaN : r < .13 ? Infinity : r < .16 ? -Infinity : r < .25 ? 5 * (1 + (rnd() - .5) * 2 ** -42) : r < .3 ? 5 : Math.floor(rnd() * 100) / 10; });
const longs = (n: number) => BigInt64Array.from({ length: n }, () => rnd() < .1 ? NJ : BigInt(Math.floor(rnd() * 10)));
const ints = (n: number) => Int32Array.from({ length: n }, () => rnd() < .1 ? NI : Math.floor(rnd() * 10));

/** The three ways to run a selection: all items, a run from a base, listed positions; with the positions each covers. */
function ways(n: number): { rows: number; base: number; m: number; at: number[] }[] {
  const base = n >> 2, m = n - base - (n >> 3), listed = Array.from({ length: n }, (_, i) => i).filter(() => rnd() < .6);
  return [
    { rows: 0, base: 0, m: n, at: Array.from({ length: n }, (_, i) => i) },
    { rows: 0, base, m, at: Array.from({ length: m }, (_, i) => base + i) },
    { rows: put(Int32Array.from(listed)), base: 0, m: listed.length, at: listed },
  ];
}

test('selW keeps the positions of items within [lo, hi] in q order (nulls lowest)', () => {
  for (const n of SIZES) {
    reset();
    const f = floats(n), j = longs(n), i = ints(n), pf = put(f), pj = put(j), pi = put(i), out = alloc(4 * n + 16), vals = alloc(8 * n + 16);
    for (const w of ways(n)) {
      for (const [lo, hi] of [[2, 5], [5, 5], [NaN, 3], [NaN, NaN], [4, NaN], [-Infinity, Infinity], [7, 2]]) {
        const c = k.selW_f64(pf, w.rows, w.base, w.m, lo, hi, out, vals);
        const want = w.at.filter(p => fcmp(f[p], lo) >= 0 && fcmp(f[p], hi) <= 0);
        assert.deepEqual(Array.from(view(Int32Array, out, c)), want, `f64 [${lo}, ${hi}] n ${n} base ${w.base} rows ${!!w.rows}`);
        // the items kept, written beside their positions
        assert.deepEqual(view(Float64Array, vals, c), Float64Array.from(want, p => f[p]));
        assert.equal(k.selW_f64(pf, w.rows, w.base, w.m, lo, hi, out, 0), c);
      }
      for (const [lo, hi] of [[2n, 5n], [NJ, 3n], [4n, 4n]]) {
        const c = k.selW_i64(pj, w.rows, w.base, w.m, lo, hi, out);
        assert.deepEqual(Array.from(view(Int32Array, out, c)), w.at.filter(p => j[p] >= lo && j[p] <= hi), `i64 [${lo}, ${hi}]`);
      }
      for (const [lo, hi] of [[2, 5], [NI, 3]]) {
        const c = k.selW_i32(pi, w.rows, w.base, w.m, lo, hi, out);
        assert.deepEqual(Array.from(view(Int32Array, out, c)), w.at.filter(p => i[p] >= lo && i[p] <= hi), `i32 [${lo}, ${hi}]`);
      }
    }
  }
});

test('selS keeps the positions of items x with x op s, floats with the comparison tolerance', () => {
  for (const n of SIZES) {
    reset();
    const f = floats(n), j = longs(n), i = ints(n), pf = put(f), pj = put(j), pi = put(i), out = alloc(4 * n + 16), vals = alloc(8 * n + 16);
    for (const w of ways(n)) for (let op = 0; op < 6; op++) {
      for (const s of [5, NaN, 0, Infinity, -Infinity]) {
        const c = k.selS_f64(pf, w.rows, w.base, w.m, s, op, out, vals), want = w.at.filter(p => OPS[op](fcmp(f[p], s)));
        assert.deepEqual(Array.from(view(Int32Array, out, c)), want, `f64 op ${op} ${s}`);
        assert.deepEqual(view(Float64Array, vals, c), Float64Array.from(want, p => f[p]));
      }
      for (const s of [5n, NJ]) {
        const c = k.selS_i64(pj, w.rows, w.base, w.m, s, op, out);
        assert.deepEqual(Array.from(view(Int32Array, out, c)), w.at.filter(p => OPS[op](ncmp(j[p], s))), `i64 op ${op} ${s}`);
      }
      for (const s of [5, NI]) {
        const c = k.selS_i32(pi, w.rows, w.base, w.m, s, op, out);
        assert.deepEqual(Array.from(view(Int32Array, out, c)), w.at.filter(p => OPS[op](ncmp(i[p], s))), `i32 op ${op} ${s}`);
      }
    }
  }
});

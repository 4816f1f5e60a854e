// Radix grades and gathers against plain TypeScript references: stable, in q's order (nulls first,
// -0w … 0w, -0.0 equal to 0.0), both directions, on data with nulls, infinities, ties, empty and one item.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { k, alloc, put, view, reset } from './harness.js';

let seed = 99;
const rnd = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed / 2 ** 32; };
const SIZES = [0, 1, 2, 3, 10, 257, 2048, 50_001];
const NJ = -(2n ** 63n), WJ = 2n ** 63n - 1n, NI = -(2 ** 31), WI = 2 ** 31 - 1;

/** Stable reference grade with q's comparison. */
function ref<V>(xs: ArrayLike<V>, cmp: (a: V, b: V) => number, desc: boolean): Int32Array {
  const idx = Array.from({ length: xs.length }, (_, i) => i);
  idx.sort((i, j) => (desc ? cmp(xs[j], xs[i]) : cmp(xs[i], xs[j])) || i - j);
  return Int32Array.from(idx);
}
const fcmp = (a: number, b: number) => (a !== a ? (b !== b ? 0 : -1) : b !== b ? 1 : a < b ? -1 : a > b ? 1 : 0);
const ncmp = <V extends number | bigint>(a: V, b: V) => (a < b ? -1 : a > b ? 1 : 0);

function check<V>(name: string, make: (n: number) => ArrayLike<V> & ArrayBufferView & { length: number }, cmp: (a: V, b: V) => number) {
  for (const n of SIZES) for (const desc of [false, true]) {
    reset();
    const xs = make(n), src = put(xs), dst = alloc(4 * n), scratch = alloc(k.gradeScratch(n, (xs as any).BYTES_PER_ELEMENT));
    k[name](src, n, dst, scratch, desc ? 1 : 0);
    assert.deepEqual(view(Int32Array, dst, n), ref(xs, cmp, desc), `${name} n=${n} desc=${desc}`);
  }
}

test('grade_f64: nulls first, infinities, -0.0 ties with 0.0, stable both ways', () => {
  check('grade_f64', n => Float64Array.from({ length: n }, () => { const r = rnd(); return r < .1 ? NaN : r < .15 ? Infinity : r < .2 ? -Infinity : r < .25 ? -0 : r < .3 ? 0 : r < .5 ? Math.floor(rnd() * 10) : (rnd() - .5) * 1e6; }), fcmp);
});
test('grade_i64: 0N first, 0W and -0W, ties', () => {
  check('grade_i64', n => BigInt64Array.from({ length: n }, () => { const r = rnd(); return r < .1 ? NJ : r < .15 ? WJ : r < .2 ? -WJ : r < .5 ? BigInt(Math.floor(rnd() * 10)) : BigInt(Math.floor((rnd() - .5) * 2 ** 52)) * 1024n; }), ncmp);
});
test('grade_i32: 0Ni first, 0Wi and -0Wi, ties', () => {
  check('grade_i32', n => Int32Array.from({ length: n }, () => { const r = rnd(); return r < .1 ? NI : r < .15 ? WI : r < .2 ? -WI : r < .5 ? Math.floor(rnd() * 10) : Math.floor((rnd() - .5) * 2 ** 31); }), ncmp);
});

test('gather moves items of every width by an index vector', () => {
  for (const n of SIZES) {
    reset();
    const m = Math.max(1, n), idx = Int32Array.from({ length: n }, () => Math.floor(rnd() * m)), ip = put(idx);
    for (const [w, C] of [[1, Uint8Array], [2, Int16Array], [4, Int32Array], [8, Float64Array]] as const) {
      const src = new (C as any)(m).map(() => Math.floor(rnd() * 100)), sp = put(src), dp = alloc(w * n);
      k[`gather_w${w}`](sp, ip, n, dp);
      assert.deepEqual(Array.from(view(C as any, dp, n) as ArrayLike<number>), Array.from(idx, i => src[i]));
    }
    const g = Uint8Array.from({ length: 16 * m }, () => Math.floor(rnd() * 256)), gp = put(g), dp = alloc(16 * n);
    k.gather_w16(gp, ip, n, dp);
    assert.deepEqual(Array.from(view(Uint8Array, dp, 16 * n)), Array.from(idx).flatMap(i => Array.from(g.subarray(16 * i, 16 * i + 16))));
  }
});

test('scatter writes items of every width to the positions of an index vector (a permutation)', () => {
  for (const n of SIZES) {
    reset();
    // a permutation of 0..n-1, as update … by's group members make together
    const perm = Int32Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [perm[i], perm[j]] = [perm[j], perm[i]]; }
    const ip = put(perm);
    for (const [w, C] of [[1, Uint8Array], [2, Int16Array], [4, Int32Array], [8, Float64Array]] as const) {
      const src = new (C as any)(n).map(() => Math.floor(rnd() * 100)), sp = put(src), dp = alloc(w * n);
      k[`scatter_w${w}`](sp, ip, n, dp);
      const want = new (C as any)(n);
      perm.forEach((p, i) => { want[p] = src[i]; });
      assert.deepEqual(Array.from(view(C as any, dp, n) as ArrayLike<number>), Array.from(want as ArrayLike<number>));
    }
    const g = Uint8Array.from({ length: 16 * n }, () => Math.floor(rnd() * 256)), gp = put(g), dp = alloc(16 * n);
    k.scatter_w16(gp, ip, n, dp);
    const want = new Uint8Array(16 * n);
    perm.forEach((p, i) => want.set(g.subarray(16 * i, 16 * i + 16), 16 * p));
    assert.deepEqual(Array.from(view(Uint8Array, dp, 16 * n)), Array.from(want));
  }
});

test('within in q order and where of booleans', () => {
  for (const n of SIZES) {
    reset();
    // with items within the comparison tolerance of the bounds 10 and 20, which q's <= counts as equal
    const f = Float64Array.from({ length: n }, () => { const r = rnd(); return r < .1 ? NaN : r < .15 ? Infinity : r < .2 ? -Infinity : r < .3 ? (rnd() < .5 ? 10 : 20) * (1 + (rnd() - .5) * 2 ** -42) : Math.floor(rnd() * 40); });
    const fp = put(f), out = alloc(n);
    const feq = (a: number, b: number) => a === b || (isFinite(a) && isFinite(b) && Math.abs(a - b) <= 2 ** -43 * Math.max(Math.abs(a), Math.abs(b)));
    for (const [lo, hi] of [[10, 20], [NaN, 5], [5, NaN], [-Infinity, Infinity], [NaN, NaN], [20, 10]]) {
      k.within_f64(fp, n, lo, hi, out);
      // q order: null below everything, null equal to null
      const le = (a: number, b: number) => (a !== a ? true : b !== b ? false : a <= b || feq(a, b));
      assert.deepEqual(Array.from(view(Uint8Array, out, n)), Array.from(f, x => +(le(lo, x) && le(x, hi))), `within ${lo} ${hi}`);
    }
    const j = BigInt64Array.from({ length: n }, () => rnd() < .1 ? NJ : BigInt(Math.floor(rnd() * 40)));
    k.within_i64(put(j), n, 10n, 20n, out);
    assert.deepEqual(Array.from(view(Uint8Array, out, n)), Array.from(j, x => +(x >= 10n && x <= 20n)));
    k.within_i64(put(j), n, NJ, 5n, out);
    assert.deepEqual(Array.from(view(Uint8Array, out, n)), Array.from(j, x => +(x <= 5n)));
    const i32 = Int32Array.from({ length: n }, () => rnd() < .1 ? NI : Math.floor(rnd() * 40));
    k.within_i32(put(i32), n, 10, 20, out);
    assert.deepEqual(Array.from(view(Uint8Array, out, n)), Array.from(i32, x => +(x >= 10 && x <= 20)));
    for (const density of [0, .01, .5, 1]) {
      const b = Uint8Array.from({ length: n }, () => +(rnd() < density)), dst = alloc(4 * n);
      const m = k.where_i8(put(b), n, dst);
      assert.deepEqual(Array.from(view(Int32Array, dst, m)), Array.from(b).flatMap((x, i) => x ? [i] : []));
      const dst64 = alloc(8 * n), m64 = k.where_i8_i64(put(b), n, dst64);
      assert.equal(m64, m);
      assert.deepEqual(Array.from(view(BigInt64Array, dst64, m64)), Array.from(b).flatMap((x, i) => x ? [BigInt(i)] : []));
    }
  }
});

test('comparisons with a scalar in q order', () => {
  // q compares floats with a tolerance of 2^-43 relative
  const feq = (a: number, b: number) => a === b || (isFinite(a) && isFinite(b) && Math.abs(a - b) <= 2 ** -43 * Math.max(Math.abs(a), Math.abs(b)));
  const fcmp = (a: number, b: number) => (a !== a ? (b !== b ? 0 : -1) : b !== b ? 1 : feq(a, b) ? 0 : a < b ? -1 : 1);
  const ops = [(c: number) => c === 0, (c: number) => c !== 0, (c: number) => c < 0, (c: number) => c > 0, (c: number) => c <= 0, (c: number) => c >= 0];
  for (const n of SIZES) {
    reset();
    const f = Float64Array.from({ length: n }, () => { const r = rnd(); return r < .1 ? NaN : r < .15 ? Infinity : r < .2 ? -Infinity : r < .25 ? -0 : r < .3 ? 5 * (1 + (rnd() - .5) * 2 ** -42) : Math.floor(rnd() * 10); });
    const j = BigInt64Array.from({ length: n }, () => rnd() < .1 ? NJ : BigInt(Math.floor(rnd() * 10)));
    const fp = put(f), jp = put(j), out = alloc(n);
    for (let op = 0; op < 6; op++) for (const s of [5, NaN, 0, -Infinity]) {
      k.cmpS_f64(fp, n, s, op, out);
      assert.deepEqual(Array.from(view(Uint8Array, out, n)), Array.from(f, x => +ops[op](fcmp(x, s))), `f64 op ${op} ${s}`);
    }
    for (let op = 0; op < 6; op++) for (const s of [5n, NJ]) {
      k.cmpS_i64(jp, n, s, op, out);
      assert.deepEqual(Array.from(view(Uint8Array, out, n)), Array.from(j, x => +ops[op](x < s ? -1 : x > s ? 1 : 0)), `i64 op ${op} ${s}`);
    }
  }
});

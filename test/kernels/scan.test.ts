// sums, deltas and xbar kernels against plain TypeScript references, on seeded random data with nulls,
// infinities, ties, and empty, one-item and large vectors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { k, alloc, put, view, reset } from './harness.js';

let seed = 4242;
const rnd = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed / 2 ** 32; };
const SIZES = [0, 1, 2, 7, 100, 2048, 100_003];
const NJ = -(2n ** 63n), WJ = 2n ** 63n - 1n, NI = -2147483648, WI = 2147483647;
const floats = (n: number) => Float64Array.from({ length: n }, () => { const r = rnd(); return r < .1 ? NaN : r < .12 ? Infinity : r < .14 ? -Infinity : Math.round((rnd() - .5) * 1e4) / 8; });
const longs = (n: number) => BigInt64Array.from({ length: n }, () => { const r = rnd(); return r < .1 ? NJ : r < .12 ? WJ : r < .14 ? -WJ : BigInt(Math.floor((rnd() - .5) * 1e6)); });
const ints = (n: number) => Int32Array.from({ length: n }, () => { const r = rnd(); return r < .1 ? NI : r < .12 ? WI : r < .14 ? -WI : Math.floor((rnd() - .5) * 1e6); });
const wrap64 = (v: bigint) => BigInt.asIntN(64, v);

test('sums: nulls add nothing, integers wrap', () => {
  for (const n of SIZES) {
    reset();
    const f = floats(n), j = longs(n), i = ints(n), out = alloc(8 * n);
    k.sums_f64(put(f), n, out);
    let s = 0; assert.deepEqual(view(Float64Array, out, n), Float64Array.from(f, v => (v === v ? s += v : s)));
    k.sums_i64(put(j), n, out);
    let t = 0n; assert.deepEqual(view(BigInt64Array, out, n), BigInt64Array.from(j, v => (v !== NJ ? t = wrap64(t + v) : t)));
    k.sums_i32(put(i), n, out);
    let u = 0; assert.deepEqual(view(Int32Array, out, n), Int32Array.from(i, v => (v !== NI ? u = (u + v) | 0 : u)));
  }
});

test('deltas: the first item less zero, a null on either side null', () => {
  for (const n of SIZES) {
    reset();
    const f = floats(n), j = longs(n), i = ints(n), out = alloc(8 * n);
    k.deltas_f64(put(f), n, out);
    assert.deepEqual(view(Float64Array, out, n), Float64Array.from(f, (v, x) => v - (x ? f[x - 1] : 0)));
    k.deltas_i64(put(j), n, out);
    assert.deepEqual(view(BigInt64Array, out, n), BigInt64Array.from(j, (v, x) => { const p = x ? j[x - 1] : 0n; return v === NJ || p === NJ ? NJ : wrap64(v - p); }));
    k.deltas_i32(put(i), n, out);
    assert.deepEqual(view(Int32Array, out, n), Int32Array.from(i, (v, x) => { const p = x ? i[x - 1] : 0; return v === NI || p === NI ? NI : (v - p) | 0; }));
  }
});

test('xbar: x times the floor of y over x, nulls stay null', () => {
  for (const n of SIZES) for (const x of [1, 3, 10, 1000]) {
    reset();
    const f = floats(n), j = longs(n), i = ints(n), out = alloc(8 * n);
    k.xbar_f64(x / 4, put(f), n, out);
    assert.deepEqual(view(Float64Array, out, n), Float64Array.from(f, v => x / 4 * Math.floor(v / (x / 4))));
    const X = BigInt(x), fdiv = (v: bigint) => { let q = v / X; if (v % X !== 0n && v < 0n) q--; return q; };
    k.xbar_i64(X, put(j), n, out);
    assert.deepEqual(view(BigInt64Array, out, n), BigInt64Array.from(j, v => v === NJ ? NJ : wrap64(fdiv(v) * X)));
    k.xbar_i32(x, put(i), n, out);
    assert.deepEqual(view(Int32Array, out, n), Int32Array.from(i, v => v === NI ? NI : Math.floor(v / x) * x | 0));
  }
});

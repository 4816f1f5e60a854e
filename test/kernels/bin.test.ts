// bin and binr kernels against a linear TypeScript reference, on sorted seeded random data with nulls
// (lowest in q order), infinities, ties, and empty, one-item and large vectors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { k, alloc, put, view, reset } from './harness.js';

let seed = 99;
const rnd = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed / 2 ** 32; };
const SIZES = [0, 1, 2, 7, 100, 2048, 20_011];
const qcmp = (a: number | bigint, b: number | bigint) => {
  const na = a !== a, nb = b !== b;
  return na ? (nb ? 0 : -1) : nb ? 1 : a < b ? -1 : a > b ? 1 : 0;
};
function gen(kind: 'i32' | 'i64' | 'f64', n: number): (number | bigint)[] {
  return Array.from({ length: n }, () => {
    const r = rnd();
    if (kind === 'f64') return r < .05 ? NaN : r < .07 ? Infinity : r < .09 ? -Infinity : Math.floor(rnd() * 50) / 2;
    if (kind === 'i64') return r < .05 ? -(2n ** 63n) : r < .07 ? 2n ** 63n - 1n : BigInt(Math.floor(rnd() * 50));
    return r < .05 ? -2147483648 : r < .07 ? 2147483647 : Math.floor(rnd() * 50);
  });
}
const ARR = { i32: Int32Array, i64: BigInt64Array, f64: Float64Array } as const;

test('bin and binr find the last item at or below, the first at or above', () => {
  for (const kind of ['i32', 'i64', 'f64'] as const) for (const n of SIZES) {
    reset();
    const x = gen(kind, n).sort(qcmp), y = gen(kind, 300);
    const px = put((ARR[kind] as any).from(x)), py = put((ARR[kind] as any).from(y)), dst = alloc(8 * y.length);
    for (const right of [false, true]) {
      k[`bin_${kind}`](px, n, py, y.length, right ? 1 : 0, dst);
      const want = y.map(v => {
        if (right) { const i = x.findIndex(a => qcmp(a, v) >= 0); return BigInt(i < 0 ? n : i); }
        let i = -1; x.forEach((a, j) => { if (qcmp(a, v) <= 0) i = j; }); return BigInt(i);
      });
      assert.deepEqual(Array.from(view(BigInt64Array, dst, y.length)), want, `${kind} ${n} ${right ? 'binr' : 'bin'}`);
    }
  }
});

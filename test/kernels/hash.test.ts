// Hash kernels (find, in, distinct) against plain TypeScript references, on seeded random data with
// nulls, infinities, ties, and empty, one-item and large vectors, for every integer width.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { k, alloc, put, view, reset } from './harness.js';

let seed = 777;
const rnd = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed / 2 ** 32; };
const SIZES = [0, 1, 2, 7, 100, 2048, 100_003];
const NULLS = { i8: [0, -128, 127], i16: [-32768, 32767, -32767], i32: [-2147483648, 2147483647, -2147483647], i64: [-(2n ** 63n), 2n ** 63n - 1n, -(2n ** 63n - 1n)] };
type K = keyof typeof NULLS;
const ARR = { i8: Int8Array, i16: Int16Array, i32: Int32Array, i64: BigInt64Array };
function items(kind: K, n: number, span: number): Int8Array | Int16Array | Int32Array | BigInt64Array {
  const C = ARR[kind] as any, sp = NULLS[kind];
  return C.from({ length: n }, () => { const r = rnd(); const v = r < .1 ? sp[Math.floor(rnd() * 3)] : Math.floor((rnd() - .5) * span); return kind === 'i64' ? BigInt(v) : v; });
}

test('find, in and distinct agree with a Map on every integer width', () => {
  for (const kind of ['i8', 'i16', 'i32', 'i64'] as K[]) for (const n of SIZES) for (const span of [3, 200, 1e6]) {
    reset();
    const x = items(kind, n, span), y = items(kind, Math.max(1, n >> 1) + 5, span * 2);
    const first = new Map<number | bigint, number>();
    x.forEach((v: number | bigint, i: number) => { if (!first.has(v)) first.set(v, i); });
    const bits = Math.max(4, 32 - Math.clz32(Math.max(1, 2 * n - 1)));
    const px = put(x as any), py = put(y as any), tab = alloc(4 << bits), dst = alloc(4 * y.length), flags = alloc(y.length);
    // a table too small for the distinct items is refused, not overrun
    if (first.size > 8) assert.equal(k[`find_${kind}`](px, n, tab, 4, py, y.length, dst), -1);
    assert.equal(k[`find_${kind}`](px, n, tab, bits, py, y.length, dst), 0);
    assert.deepEqual(Array.from(view(Int32Array, dst, y.length)), Array.from(y as any, (v: number | bigint) => first.get(v) ?? n), `find ${kind} ${n}`);
    k[`in_${kind}`](px, n, tab, bits, py, y.length, flags);
    assert.deepEqual(Array.from(view(Uint8Array, flags, y.length)), Array.from(y as any, (v: number | bigint) => first.has(v) ? 1 : 0), `in ${kind} ${n}`);
    const out = alloc(4 * Math.max(1, n)), m = k[`distinct_${kind}`](px, n, tab, bits, out);
    assert.deepEqual(Array.from(view(Int32Array, out, m)), [...first.values()], `distinct ${kind} ${n}`);
  }
});

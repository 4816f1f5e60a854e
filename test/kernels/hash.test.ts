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

test('groupHash numbers groups by first appearance, like a Map, for ints and longs of any range', () => {
  for (const kind of ['i32', 'i64'] as K[]) for (const n of SIZES) for (const span of [3, 1e6, 2 ** 31]) {
    reset();
    const x = items(kind, n, span), want = new Map<number | bigint, number>(), firsts: number[] = [];
    const gids = Array.from(x as any, (v: number | bigint, i: number) => { if (!want.has(v)) { want.set(v, want.size); firsts.push(i); } return want.get(v)!; });
    const bits = Math.max(4, 32 - Math.clz32(Math.max(1, 2 * n - 1)));
    const px = put(x as any), tab = alloc(4 << bits), gid = alloc(4 * n), first = alloc(4 * n);
    if (want.size > 8) assert.equal(k[`groupHash_${kind}`](px, n, tab, 4, gid, first), -1);
    const ng = k[`groupHash_${kind}`](px, n, tab, bits, gid, first);
    assert.equal(ng, want.size, `${kind} ${n} ${span}`);
    assert.deepEqual(Array.from(view(Int32Array, gid, n)), gids);
    assert.deepEqual(Array.from(view(Int32Array, first, ng)), firsts);
  }
});

test('canon_f64 and canon_f32: the bits of each float, -0 as 0 and every NaN as one', () => {
  const specials = [0, -0, NaN, -NaN, Infinity, -Infinity, 1, -1, 5e-324, 1.5];
  for (const n of SIZES) {
    reset();
    const f = Float64Array.from({ length: n }, (_, i) => i < specials.length ? specials[i] : (rnd() - .5) * 10 ** Math.floor(rnd() * 20 - 10));
    // a NaN with a payload of its own, which must come out as the one NaN
    if (n > 3) new BigInt64Array(f.buffer)[3] = 0x7ff0000000000abcn;
    const r = Float32Array.from(f), out = alloc(8 * n);
    const ref64 = (v: number) => v !== v ? 0x7ff8000000000000n : v === 0 ? 0n : new BigInt64Array(Float64Array.of(v).buffer)[0];
    const ref32 = (v: number) => v !== v ? 0x7fc00000 : v === 0 ? 0 : new Int32Array(Float32Array.of(v).buffer)[0];
    k.canon_f64(put(f), n, out);
    assert.deepEqual(Array.from(view(BigInt64Array, out, n)), Array.from(f, ref64));
    k.canon_f32(put(r), n, out);
    assert.deepEqual(Array.from(view(Int32Array, out, n)), Array.from(r, ref32));
  }
});

test('find, in, distinct and groupHash over guids agree with a Map of their bytes', () => {
  for (const n of SIZES) {
    reset();
    // few distinct guids, many repeats; most share their first eight bytes, the rest their last eight
    const pool = Array.from({ length: 50 }, (_, j) => Uint8Array.from({ length: 16 }, (_, b) => j < 40 ? (b < 8 ? 7 : b === 15 ? j : Math.floor(rnd() * 256)) : b >= 8 ? 9 : Math.floor(rnd() * 256)));
    const guids = (m: number) => { const d = new Uint8Array(16 * m); for (let i = 0; i < m; i++) d.set(pool[Math.floor(rnd() * 50)], 16 * i); return d; };
    const x = guids(n), m = Math.max(1, n >> 1) + 5, y = guids(m);
    for (let j = 0; j < m; j += 11) y[16 * j + 5] ^= 0x55; // guids not in x
    const key = (d: Uint8Array, i: number) => Array.from(d.subarray(16 * i, 16 * i + 16)).join(',');
    const first = new Map<string, number>(), firsts: number[] = [];
    const gids = Array.from({ length: n }, (_, i) => { const k = key(x, i); if (!first.has(k)) { first.set(k, first.size); firsts.push(i); } return first.get(k)!; });
    // the table sized for n, and the tightest that holds the distinct guids (collisions everywhere)
    for (const bits of [Math.max(4, 32 - Math.clz32(Math.max(1, 2 * n - 1))), Math.max(4, 33 - Math.clz32(Math.max(1, first.size - 1)))]) {
      const px = put(x), py = put(y), tab = alloc(4 << bits), dst = alloc(4 * m), flags = alloc(m), gid = alloc(4 * n), out = alloc(4 * n);
      if (first.size > 8) assert.equal(k.find_g16(px, n, tab, 3, py, m, dst), -1);
      assert.equal(k.find_g16(px, n, tab, bits, py, m, dst), 0);
      const want = Array.from({ length: m }, (_, j) => { const g = first.get(key(y, j)); return g === undefined ? n : firsts[g]; });
      assert.deepEqual(Array.from(view(Int32Array, dst, m)), want, `find ${n} ${bits}`);
      k.in_g16(px, n, tab, bits, py, m, flags);
      assert.deepEqual(Array.from(view(Uint8Array, flags, m)), want.map(p => p < n ? 1 : 0));
      assert.equal(k.distinct_g16(px, n, tab, bits, out), first.size);
      assert.deepEqual(Array.from(view(Int32Array, out, first.size)), firsts);
      assert.equal(k.groupHash_g16(px, n, tab, bits, gid, out), first.size);
      assert.deepEqual(Array.from(view(Int32Array, gid, n)), gids);
    }
  }
});

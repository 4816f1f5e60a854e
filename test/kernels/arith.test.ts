// Element-wise kernels (arithmetic, casts, vector comparisons, iota) against plain TypeScript references
// on seeded random data with nulls, infinities, values that overflow, ties, and empty, one-item and large
// vectors; each binary operation also with one side a single number (stride 0).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { k, alloc, put, view, reset } from './harness.js';

const NJ = -(2n ** 63n), WJ = 2n ** 63n - 1n, NI = -(2 ** 31), WI = 2 ** 31 - 1;
let seed = 4242;
const rnd = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed / 2 ** 32; };
const SIZES = [0, 1, 2, 7, 100, 2048, 50_001];

const floats = (n: number) => Float64Array.from({ length: n }, () => { const r = rnd(); return r < .1 ? NaN : r < .12 ? Infinity : r < .14 ? -Infinity : r < .16 ? 0 : r < .2 ? Math.floor(rnd() * 9) - 4 + (rnd() < .5 ? .5 : 0) : r < .22 ? (rnd() - .5) * 1e20 : (rnd() - .5) * 1e4; });
const longs = (n: number) => BigInt64Array.from({ length: n }, () => { const r = rnd(); return r < .1 ? NJ : r < .12 ? WJ : r < .14 ? -WJ : r < .16 ? BigInt(Math.floor((rnd() - .5) * 2 ** 40)) * 2n ** 22n : BigInt(Math.floor((rnd() - .5) * 1e6)); });
const ints = (n: number) => Int32Array.from({ length: n }, () => { const r = rnd(); return r < .1 ? NI : r < .12 ? WI : r < .14 ? -WI : Math.floor((rnd() - .5) * 1e5); });
const bools = (n: number) => Uint8Array.from({ length: n }, () => rnd() < .5 ? 1 : 0);

// references: q's conversions and operations, written plainly
const toF = (v: number | bigint, int: boolean) => typeof v === 'bigint' ? (v === NJ ? NaN : Number(v)) : int && v === NI ? NaN : v;
// div and mod (ops 4 and 5): the floor of x%y, and the remainder with y's sign; an integer by 0, div gives
// null and mod gives x (ref/mod; div: an expert's kdb+ transcript)
const FOPS = [(a: number, b: number) => a + b, (a: number, b: number) => a - b, (a: number, b: number) => a * b, (a: number, b: number) => a / b,
  (a: number, b: number) => Math.floor(a / b), (a: number, b: number) => b === 0 ? a : a - b * Math.floor(a / b)];
const byZero = <V,>(op: number, a: V, N: V) => op === 5 ? a : N;
const jop = (op: number, a: bigint, b: bigint) => a === NJ || b === NJ ? NJ
  : op >= 4 ? (b === 0n ? byZero(op, a, NJ) : op === 4 ? (a - ((a % b) + b) % b) / b : ((a % b) + b) % b)
  : BigInt.asIntN(64, op === 0 ? a + b : op === 1 ? a - b : a * b);
const iop = (op: number, a: number, b: number) => a === NI || b === NI ? NI
  : op >= 4 ? (b === 0 ? byZero(op, a, NI) : op === 4 ? Math.floor(a / b) : a - b * Math.floor(a / b))
  : op === 0 ? (a + b) | 0 : op === 1 ? (a - b) | 0 : Math.imul(a, b);
const away = (v: number) => Math.sign(v) * Math.round(Math.abs(v));
function castRef(from: string, to: string, v: number | bigint): number | bigint {
  if (from === 'i8') return to === 'i64' ? BigInt(v) : Number(v);
  if (to === 'f64') return toF(v, from === 'i32');
  if (from === 'f64') {
    const f = v as number, [N, W, lo, hi] = to === 'i64' ? [NJ, WJ, -(2 ** 63), 2 ** 63] : [NI, WI, -(2 ** 31), 2 ** 31];
    if (f !== f) return N;
    if (f === Infinity) return W;
    if (f === -Infinity) return typeof W === 'bigint' ? -W : -W;
    // beyond the long range null; an int beyond its range (within the long's) its infinity, as a long is
    const r = away(f);
    if (r >= 2 ** 63 || r < -(2 ** 63)) return N;
    return to === 'i64' ? BigInt(r) : r > WI ? WI : r < -WI ? -WI : r;
  }
  if (from === 'i32') return v === NI ? NJ : BigInt(v);            // int to long
  const j = v as bigint;                                             // long to int: beyond the range, ±0Wi
  return j === NJ ? NI : j > BigInt(WI) ? WI : j < -BigInt(WI) ? -WI : Number(j);
}

type Arr = Float64Array | BigInt64Array | Int32Array;
const CTOR = { f64: Float64Array, i64: BigInt64Array, i32: Int32Array, i8: Uint8Array } as const;
const make = (kind: 'f64' | 'i64' | 'i32', n: number): Arr => kind === 'f64' ? floats(n) : kind === 'i64' ? longs(n) : ints(n);
/** A side as the kernel takes it: a vector (stride its width), or its first item alone (stride 0). */
function side(a: Arr, scalar: boolean): [number, number] {
  if (!scalar) return [put(a), a.BYTES_PER_ELEMENT];
  return [put(a.slice(0, 1) as Arr), 0];
}

test('fop: + - * % div mod as floats of float, long and int sides, vector or one number', () => {
  for (const n of SIZES) for (const [ka, kb] of [['f64', 'f64'], ['f64', 'i64'], ['i64', 'f64'], ['i64', 'i64'], ['f64', 'i32'], ['i32', 'f64'], ['i32', 'i32']] as const) {
    reset();
    const a = make(ka, Math.max(n, 1)), b = make(kb, Math.max(n, 1)), out = alloc(8 * n);
    for (const [sa, sb] of [[false, false], [true, false], [false, true]]) {
      const [pa, da] = side(a, sa), [pb, db] = side(b, sb);
      for (let op = 0; op < 6; op++) {
        k[`fop_${ka}_${kb}`](op, pa, da, pb, db, n, out);
        const want = Float64Array.from({ length: n }, (_, i) => FOPS[op](toF(a[sa ? 0 : i], ka === 'i32'), toF(b[sb ? 0 : i], kb === 'i32')));
        assert.deepEqual(view(Float64Array, out, n), want, `${ka} ${kb} op ${op} scalars ${sa} ${sb}`);
      }
    }
  }
});

test('iop: + - * div mod of longs and of ints: a null on either side is null, the rest wraps (0W+1 is 0N)', () => {
  for (const n of SIZES) for (const kind of ['i64', 'i32'] as const) {
    reset();
    const a = make(kind, Math.max(n, 1)), b = make(kind, Math.max(n, 1)), out = alloc(8 * n);
    for (const [sa, sb] of [[false, false], [true, false], [false, true]]) {
      const [pa, da] = side(a, sa), [pb, db] = side(b, sb);
      for (const op of [0, 1, 2, 4, 5]) {
        k[`iop_${kind}`](op, pa, da, pb, db, n, out);
        const want = kind === 'i64'
          ? BigInt64Array.from({ length: n }, (_, i) => jop(op, (a as BigInt64Array)[sa ? 0 : i], (b as BigInt64Array)[sb ? 0 : i]))
          : Int32Array.from({ length: n }, (_, i) => iop(op, (a as Int32Array)[sa ? 0 : i], (b as Int32Array)[sb ? 0 : i]));
        assert.deepEqual(view(CTOR[kind] as any, out, n), want, `${kind} op ${op} scalars ${sa} ${sb}`);
      }
    }
  }
  // the documented edges, explicitly
  reset();
  const p = put(BigInt64Array.of(WJ, NJ, -WJ, 5n)), q = put(BigInt64Array.of(1n, 1n, -1n, NJ)), out = alloc(32);
  k.iop_i64(0, p, 8, q, 8, 4, out);
  assert.deepEqual(Array.from(view(BigInt64Array, out, 4)), [NJ, NJ, NJ, NJ]);
  // by zero, by -1 at the extremes, and signs both ways
  const x = [7, -7, 0, 7, -7, 7, -7, 2147483647, -2147483647], y = [0, 0, 0, 2, 2, -2, -2, -1, -1], m = x.length;
  const xj = put(BigInt64Array.from(x, BigInt)), yj = put(BigInt64Array.from(y, BigInt)), xi = put(Int32Array.from(x)), yi = put(Int32Array.from(y)), o = alloc(8 * m);
  k.iop_i64(4, xj, 8, yj, 8, m, o);
  assert.deepEqual(Array.from(view(BigInt64Array, o, m)), [NJ, NJ, NJ, 3n, -4n, -4n, 3n, -2147483647n, 2147483647n]);
  k.iop_i64(5, xj, 8, yj, 8, m, o);
  assert.deepEqual(Array.from(view(BigInt64Array, o, m)), [7n, -7n, 0n, 1n, 1n, -1n, -1n, 0n, 0n]);
  k.iop_i32(4, xi, 4, yi, 4, m, o);
  assert.deepEqual(Array.from(view(Int32Array, o, m)), [NI, NI, NI, 3, -4, -4, 3, -2147483647, 2147483647]);
  k.iop_i32(5, xi, 4, yi, 4, m, o);
  assert.deepEqual(Array.from(view(Int32Array, o, m)), [7, -7, 0, 1, 1, -1, -1, 0, 0]);
});

test('casts among booleans, ints, longs and floats: nulls, infinities, rounding half away from zero, out of range', () => {
  const pairs = [['i8', 'i32'], ['i8', 'i64'], ['i8', 'f64'], ['i32', 'i64'], ['i32', 'f64'], ['i64', 'i32'], ['i64', 'f64'], ['f64', 'i32'], ['f64', 'i64']] as const;
  for (const n of SIZES) for (const [from, to] of pairs) {
    reset();
    const src = from === 'i8' ? bools(n) : make(from, n), out = alloc(8 * n);
    k[`cast_${from}_${to}`](put(src), n, out);
    const want = (CTOR[to] as any).from(Array.from(src as ArrayLike<number | bigint>, v => castRef(from, to, v)));
    assert.deepEqual(view(CTOR[to] as any, out, n), want, `${from} to ${to}, ${n}`);
  }
  reset();
  const f = put(Float64Array.of(2.5, -2.5, 0.49999999999999994, 1e19, -1e300, 2147483647.4, 2147483648)), o = alloc(64);
  k.cast_f64_i64(f, 7, o);
  assert.deepEqual(Array.from(view(BigInt64Array, o, 7)), [3n, -3n, 0n, NJ, NJ, 2147483647n, 2147483648n]);
  k.cast_f64_i32(f, 7, o);
  // (1e19 and -1e300 are beyond the long range: null; 2147483648 only beyond the int's: 0Wi)
  assert.deepEqual(Array.from(view(Int32Array, o, 7)), [3, -3, 0, NI, NI, WI, WI]);
});

test('fmap (neg abs floor ceiling sqrt reciprocal of floats) and imap (neg abs of longs and ints) match item by item', () => {
  const F = [(v: number) => -v, Math.abs, Math.floor, Math.ceil, Math.sqrt, (v: number) => 1 / v];
  for (const n of SIZES) {
    reset();
    const x = floats(n), px = put(x), out = alloc(8 * n);
    F.forEach((f, op) => {
      k.fmap_f64(op, px, n, out);
      assert.deepEqual(view(Float64Array, out, n), Float64Array.from(x, f), `fmap ${op}, ${n}`);
    });
    const j = longs(n), pj = put(j), i = ints(n), pi = put(i);
    for (const op of [0, 1]) {
      k.imap_i64(op, pj, n, out);
      assert.deepEqual(view(BigInt64Array, out, n), BigInt64Array.from(j, v => v === NJ ? NJ : op === 0 || v < 0n ? BigInt.asIntN(64, -v) : v), `imap_i64 ${op}, ${n}`);
      k.imap_i32(op, pi, n, out);
      assert.deepEqual(view(Int32Array, out, n), Int32Array.from(i, v => v === NI ? NI : op === 0 || v < 0 ? -v | 0 : v), `imap_i32 ${op}, ${n}`);
    }
  }
});

test('cmpV compares two vectors item by item in q order (floats with the comparison tolerance)', () => {
  const feq = (a: number, b: number) => a === b || (isFinite(a) && isFinite(b) && Math.abs(a - b) <= 2 ** -43 * Math.max(Math.abs(a), Math.abs(b)));
  const fcmp = (a: number, b: number) => (a !== a ? (b !== b ? 0 : -1) : b !== b ? 1 : feq(a, b) ? 0 : a < b ? -1 : 1);
  const ncmp = (a: number | bigint, b: number | bigint) => a < b ? -1 : a > b ? 1 : 0;
  const ops = [(c: number) => c === 0, (c: number) => c !== 0, (c: number) => c < 0, (c: number) => c > 0, (c: number) => c <= 0, (c: number) => c >= 0];
  for (const n of SIZES) for (const kind of ['f64', 'i64', 'i32'] as const) {
    reset();
    const a = make(kind, n), b = make(kind, n);
    // ties, and floats within the tolerance of each other
    for (let i = 0; i < n; i += 3) (b as any)[i] = kind === 'f64' && i % 2 ? (a as Float64Array)[i] * (1 + 2 ** -45) : a[i];
    const pa = put(a), pb = put(b), out = alloc(n);
    for (let op = 0; op < 6; op++) {
      k[`cmpV_${kind}`](pa, pb, n, op, out);
      const want = Uint8Array.from({ length: n }, (_, i) => +ops[op](kind === 'f64' ? fcmp(a[i] as number, b[i] as number) : ncmp(a[i], b[i])));
      assert.deepEqual(view(Uint8Array, out, n), want, `${kind} op ${op}`);
    }
  }
});

test('iota writes start, start+1, …', () => {
  for (const n of SIZES) {
    reset();
    const out = alloc(8 * n);
    k.iota_i64(-3n, n, out);
    assert.deepEqual(view(BigInt64Array, out, n), BigInt64Array.from({ length: n }, (_, i) => BigInt(i) - 3n));
  }
});

// The one module that allocates vector memory. Every vector's items live in a typed array made here,
// so that the storage strategy (plain heap today, wasm linear memory for the kernels) changes in one place.
import { T } from './types.js';
import { QError } from './error.js';

export type Items = Uint8Array | Int16Array | Int32Array | BigInt64Array | Float32Array | Float64Array;

/** Bytes per item, by abs type. Guids take 16 bytes in a Uint8Array. */
export const WIDTH = [0, 1, 16, 0, 1, 2, 4, 8, 4, 8, 1, 4, 8, 4, 4, 8, 8, 4, 4, 4, 4];

/** A fresh zeroed typed array for n items of vector type t (t > 0, or 20 for enumerations). */
export function alloc(t: number, n: number): Items {
  if (!(n >= 0) || n > 2 ** 31 - 1) throw new RangeError('wsfull');
  switch (t >= 20 && t < 77 ? T.Enum : t) {
    case T.Bool: case T.Byte: case T.Char: return new Uint8Array(n);
    case T.Guid: return new Uint8Array(16 * n);
    case T.Short: return new Int16Array(n);
    case T.Int: case T.Month: case T.Date: case T.Minute: case T.Second: case T.Time: case T.Sym: case T.Enum:
      return new Int32Array(n);
    case T.Long: case T.Timestamp: case T.Timespan: return new BigInt64Array(n);
    case T.Real: return new Float32Array(n);
    case T.Float: case T.Datetime: return new Float64Array(n);
  }
  // only vectors have item storage: asking for another type is a q type error
  throw new QError('type');
}

/** A typed array of vector type t holding the given items (numbers, bigints or byte codes). */
export function from(t: number, items: ArrayLike<number> | ArrayLike<bigint>): Items {
  const a = alloc(t, t === T.Guid ? items.length / 16 : items.length);
  (a as any).set(items);
  return a;
}

/** Items i (a list of indices) of a, as a new array of the same kind; guids move 16 bytes at a time. */
export function gather(t: number, a: Items, idx: ArrayLike<number>): Items {
  const n = idx.length, r = alloc(t, n);
  if (t === T.Guid) { for (let i = 0; i < n; i++) (r as Uint8Array).set((a as Uint8Array).subarray(16 * idx[i], 16 * idx[i] + 16), 16 * i); }
  else { for (let i = 0; i < n; i++) (r as any)[i] = (a as any)[idx[i]]; }
  return r;
}

/** A copy of items [from, to) of a. */
export function slice(t: number, a: Items, from: number, to: number): Items {
  return t === T.Guid ? a.slice(16 * from, 16 * to) : a.slice(from, to);
}

/** The concatenation of arrays of one vector type. */
export function concat(t: number, parts: Items[]): Items {
  let n = 0;
  for (const p of parts) n += p.length;
  const r = alloc(t, t === T.Guid ? n / 16 : n);
  let o = 0;
  for (const p of parts) { (r as any).set(p, o); o += p.length; }
  return r;
}

// Longs are exact 64-bit integers, but reading a BigInt64Array item makes a BigInt object. For bulk
// conversion we read and write the two 32-bit halves instead (little-endian, as every wasm host is).

/** Long items as floats: nulls become NaN and ±0W become ±Infinity, as kdb+ converts them. */
export function longsToF64(d: BigInt64Array): Float64Array {
  const n = d.length, w = new Int32Array(d.buffer, d.byteOffset, 2 * n), r = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const lo = w[2 * i], hi = w[2 * i + 1];
    if (hi === -2147483648 && lo === 0) r[i] = NaN;
    else if (hi === 2147483647 && lo === -1) r[i] = Infinity;
    else if (hi === -2147483648 && lo === 1) r[i] = -Infinity;
    else r[i] = hi * 4294967296 + (lo >>> 0);
  }
  return r;
}

/** 0 1 … n-1 as longs, written half by half. */
export function iota(n: number): BigInt64Array {
  const d = new BigInt64Array(n), w = new Int32Array(d.buffer, 0, 2 * n);
  for (let i = 0; i < n; i++) w[2 * i] = i;
  return d;
}

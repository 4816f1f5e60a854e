// The one module that allocates vector memory. Every vector's items live in a typed array made here,
// so that the storage strategy (plain heap today, wasm linear memory for the kernels) changes in one place.
import { T } from './types.js';
import { QError } from './error.js';
import { MIN_BYTES, take, own, wasmMemory } from './heap.js';

export type Items = Uint8Array | Int16Array | Int32Array | BigInt64Array | Float32Array | Float64Array;

/** Bytes per item, by abs type. Guids take 16 bytes in a Uint8Array. */
export const WIDTH = [0, 1, 16, 0, 1, 2, 4, 8, 4, 8, 1, 4, 8, 4, 4, 8, 8, 4, 4, 4, 4];

/** A fresh zeroed typed array for n items of vector type t (t > 0, or 20 for enumerations). */
export function alloc(t: number, n: number): Items {
  const a = allocRaw(t, n);
  // a small array is fresh and zeroed; reading its .buffer would make V8 give it a buffer of its own
  // (zeroed eight bytes at a time: a fill of shared memory a byte at a time is several times slower)
  if (a.byteLength >= MIN_BYTES && a.buffer instanceof SharedArrayBuffer) {
    if (!(a.byteOffset & 7) && !(a.byteLength & 7)) new Float64Array(a.buffer, a.byteOffset, a.byteLength >> 3).fill(0);
    else new Uint8Array(a.buffer, a.byteOffset, a.byteLength).fill(0);
  }
  return a;
}

/** Like alloc, but a recycled block keeps its old contents: for results a kernel writes in full. */
export function allocRaw(t: number, n: number): Items {
  if (!(n >= 0) || n > 2 ** 31 - 1) throw new RangeError('wsfull');
  const k = t >= 20 && t < 77 ? T.Enum : t, C = CTOR[k];
  // only vectors have item storage: asking for another type is a q type error
  if (!C) throw new QError('type');
  const len = k === T.Guid ? 16 * n : n, bytes = len * C.BYTES_PER_ELEMENT;
  if (bytes >= MIN_BYTES) {
    const mem = wasmMemory();
    if (mem) {
      const p = take(bytes);
      if (p >= 0) { const a = new C(mem.buffer, p, len); own(a, p, bytes); return a; }
    }
  }
  return fresh(C, len);
}

/** A zeroed typed array of n items on the JavaScript side (never wasm memory): for work arrays. */
export function fresh<A>(C: { new (b: ArrayBuffer, off: number, n: number): A; new (n: number): A; BYTES_PER_ELEMENT: number }, n: number): A {
  const bytes = n * C.BYTES_PER_ELEMENT;
  // An array over 64 bytes gets a buffer of its own from the system (about 2.5 µs, more than the work of
  // most small q operations); one of 64 bytes or less lives on V8's heap, but is still about twice the cost
  // of a view (flip of a million pairs: 1230 to 780 ms; 1 2 3+4 5 6 in a loop: a third faster). So small
  // arrays are views carved from a shared slab. A slab is freed when the last view into it is; nothing is
  // reused, so a fresh view is zeroed. Holders of a view must mind its byteOffset. An empty array is a view
  // too: one of its own would cost a buffer (ss over a million strings, most with no match).
  if (bytes < MIN_BYTES) {
    if (slabAt + bytes > SLAB) { slab = new ArrayBuffer(SLAB); slabAt = 0; }
    const a = new C(slab!, slabAt, n);
    slabAt += (bytes + 7) & ~7;          // 8-byte alignment for longs and floats
    return a;
  }
  return new C(n);
}
const SLAB = 1 << 16;
let slab: ArrayBuffer | null = null, slabAt = SLAB;

type Ctor = { new (b: ArrayBufferLike, off: number, n: number): Items; new (n: number): Items; BYTES_PER_ELEMENT: number };
const CTOR: (Ctor | undefined)[] = [];
for (const t of [T.Bool, T.Byte, T.Char, T.Guid]) CTOR[t] = Uint8Array as unknown as Ctor;
CTOR[T.Short] = Int16Array as unknown as Ctor;
for (const t of [T.Int, T.Month, T.Date, T.Minute, T.Second, T.Time, T.Sym, T.Enum]) CTOR[t] = Int32Array as unknown as Ctor;
for (const t of [T.Long, T.Timestamp, T.Timespan]) CTOR[t] = BigInt64Array as unknown as Ctor;
CTOR[T.Real] = Float32Array as unknown as Ctor;
for (const t of [T.Float, T.Datetime]) CTOR[t] = Float64Array as unknown as Ctor;

/** n vectors of type t of len items each, as views of one zeroed block in JavaScript memory (never wasm
 *  memory, whose blocks are freed when the one view registered for them is collected): rows made
 *  together cost one allocation, not one each; `all` is the block as a whole. */
export function rowsOf(t: number, n: number, len: number): { all: Items; rows: Items[] } {
  const C = CTOR[t];
  if (!C) throw new QError('type');
  const per = t === T.Guid ? 16 * len : len, all = fresh(C, n * per), rows = new Array<Items>(n);
  for (let i = 0; i < n; i++) rows[i] = new C(all.buffer, all.byteOffset + i * per * C.BYTES_PER_ELEMENT, per);
  return { all, rows };
}

/** True when the items live in wasm memory, where kernels read them in place. */
export const inWasm = (a: Items): boolean => a.byteLength >= MIN_BYTES && a.buffer instanceof SharedArrayBuffer && a.buffer.byteLength > 0 && wasmMemory() !== null;

/** A typed array of vector type t holding the given items (numbers, bigints or byte codes). */
export function from(t: number, items: ArrayLike<number> | ArrayLike<bigint>): Items {
  const a = alloc(t, t === T.Guid ? items.length / 16 : items.length);
  (a as any).set(items);
  return a;
}
/** Positions as an Int32Array: itself when it is one, else copied into one. */
export const ints = (p: Int32Array | ArrayLike<number>): Int32Array => p instanceof Int32Array ? p : from(T.Int, p) as Int32Array;

/** Items i (a list of indices) of a, as a new array of the same kind; guids move 16 bytes at a time. */
export function gather(t: number, a: Items, idx: ArrayLike<number>): Items {
  const n = idx.length, r = alloc(t, n);
  if (t === T.Guid) { for (let i = 0; i < n; i++) (r as Uint8Array).set((a as Uint8Array).subarray(16 * idx[i], 16 * idx[i] + 16), 16 * i); }
  else { for (let i = 0; i < n; i++) (r as any)[i] = (a as any)[idx[i]]; }
  return r;
}

/** A copy of items [from, to) of a. */
export function slice(t: number, a: Items, from: number, to: number): Items {
  // copied into storage of our own (TypedArray.slice would copy a large vector out of wasm memory into a
  // fresh ArrayBuffer, which a kernel then copies back in)
  // (positions clamped to the items there, as TypedArray.slice clamps them)
  const w = t === T.Guid ? 16 : 1, len = (a as Uint8Array).length / w;
  from = Math.max(0, Math.min(from, len)); to = Math.max(from, Math.min(to, len));
  const n = to - from;
  // a few items are copied one by one: a view of the source (subarray) costs more than they do
  if (n * w * (a as Uint8Array).BYTES_PER_ELEMENT <= 64) {
    const r = allocRaw(t, n) as any, src = a as any;
    for (let i = 0, o = w * from; i < n * w; i++) r[i] = src[o + i];
    return r;
  }
  const r = allocRaw(t, n);
  (r as Uint8Array).set((a as Uint8Array).subarray(w * from, w * to));
  return r;
}

/** The concatenation of arrays of one vector type. */
export function concat(t: number, parts: Items[]): Items {
  let n = 0;
  for (const p of parts) n += p.length;
  // (every item is written: no need to zero the block first)
  const r = allocRaw(t, t === T.Guid ? n / 16 : n);
  let o = 0;
  for (const p of parts) { (r as any).set(p, o); o += p.length; }
  return r;
}

// Longs are exact 64-bit integers, but reading a BigInt64Array item makes a BigInt object. For bulk
// conversion we read and write the two 32-bit halves instead (little-endian, as every wasm host is).

/** A long vector's items (or any 8-byte items, moved as they are) as 32-bit halves (low, high; little-
 *  endian as every wasm host is): reading them makes no BigInt. (For arrays from the slab or wasm memory:
 *  .buffer of one V8 keeps on its own heap would give it a buffer of its own.) */
export const halves = (d: { buffer: ArrayBufferLike; byteOffset: number; length: number }): Int32Array => new Int32Array(d.buffer, d.byteOffset, 2 * d.length);
/** A long's low and high 32-bit halves, as halves reads them. */
export const splitLong = (v: bigint): [number, number] => [Number(BigInt.asIntN(32, v)), Number(BigInt.asIntN(32, v >> 32n))];
/** Writes u, a whole number within ±2^53 (exact in a double), as long item i of halves w: no BigInt made. */
export const putLong = (w: Int32Array, i: number, u: number): void => { const hi = Math.floor(u / 4294967296); w[2 * i] = (u - hi * 4294967296) | 0; w[2 * i + 1] = hi; };
/** The first position at or after r where d holds v as stored (d's length when none), equal as Find and
 *  match take items: a null float finds a null, -0 finds 0; longs by their halves (no BigInt made of
 *  each item read), from w when the caller has made them already. */
export function nextAt(d: ArrayLike<number> | BigInt64Array, v: number | bigint, r: number, w?: Int32Array): number {
  const n = d.length;
  if (typeof v === 'bigint') {
    const h = w ?? halves(d as BigInt64Array), [lo, hi] = splitLong(v);
    while (r < n && (h[2 * r] !== lo || h[2 * r + 1] !== hi)) r++;
    return r;
  }
  const x = d as ArrayLike<number>;
  if (v !== v) while (r < n && x[r] === x[r]) r++;
  else while (r < n && x[r] !== v) r++;
  return r;
}
/** Each long's low half, when every long of d is within the range of an int (its high half the low
 *  half's sign); else null. */
export function lowHalves(d: BigInt64Array): Int32Array | null {
  const w = halves(d), n = d.length, r = fresh(Int32Array, n);
  for (let i = 0; i < n; i++) { const lo = w[2 * i]; if (w[2 * i + 1] !== lo >> 31) return null; r[i] = lo; }
  return r;
}
/** Below this many longs, a loop over them as BigInts costs less than making the views to read them as
 *  32-bit halves (a long vector of 7 items added in a loop of millions: 15 s → 20 s; of 32, 0.55 → 0.4 µs). */
export const FEW_LONGS = 16;
/** The two sides of an item-by-item operation on longs, read as 32-bit halves: each a vector's halves
 *  (and 0, 0), or null and one long's low and high half. [p, q, ul, uh, vl, vh]: item i of the left side
 *  is p ? (p[2i], p[2i+1]) : (ul, uh); of the right, q and vl, vh likewise. */
export function longSides(a: BigInt64Array | bigint, b: BigInt64Array | bigint): [Int32Array | null, Int32Array | null, number, number, number, number] {
  const [ul, uh] = typeof a === 'bigint' ? splitLong(a) : [0, 0], [vl, vh] = typeof b === 'bigint' ? splitLong(b) : [0, 0];
  return [typeof a === 'bigint' ? null : halves(a), typeof b === 'bigint' ? null : halves(b), ul, uh, vl, vh];
}
/** The high half of the long null, 0N (its low half 0). */
export const NULL_HI = -2147483648;
/** Whether a long of high half hi lies within ±2^53, where a double holds it exactly. */
export const exactHi = (hi: number): boolean => hi >= -0x200000 && hi < 0x200000;
/** The long of halves hi, lo as a number when its size is below 2^53 (a double holds it exactly, and
 *  Bytes.int writes it); NaN for any other, 0N and the infinities among them. */
export const longAt = (hi: number, lo: number): number => exactHi(hi) && !(hi === -0x200000 && lo === 0) ? hi * 4294967296 + (lo >>> 0) : NaN;
/** Whether long item i, read as halves, is the null (0N: the high half -2^31 over a zero low half). */
export const nullHalves = (w: Int32Array, i: number): boolean => w[2 * i + 1] === NULL_HI && w[2 * i] === 0;
/** Whether the long of halves hi, lo is the null or an infinity (0N, 0W, -0W: its text is no digits). */
export const specialHalves = (hi: number, lo: number): boolean => hi === NULL_HI && (lo === 0 || lo === 1) || hi === 2147483647 && lo === -1;

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
  const d = allocRaw(T.Long, n) as BigInt64Array, w = new Int32Array(d.buffer, d.byteOffset, 2 * n);
  for (let i = 0; i < n; i++) { w[2 * i] = i; w[2 * i + 1] = 0; }
  return d;
}

/** d's bytes seen as words of 4, 2 or 1 bytes: items copied a word at a time (an 8-byte item as two)
 *  need no BigInt and keep every bit of a float's null. */
export function words(d: Items, unit: number): Int32Array | Int16Array | Uint8Array {
  return unit === 4 ? new Int32Array(d.buffer, d.byteOffset, d.byteLength >> 2) : unit === 2 ? new Int16Array(d.buffer, d.byteOffset, d.byteLength >> 1) : new Uint8Array(d.buffer, d.byteOffset, d.byteLength);
}

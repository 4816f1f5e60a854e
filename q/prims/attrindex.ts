// The index kdb+ writes after the items of a vector file with the u#, p# or g# attribute, so that a file
// wasq writes is the file kdb+ writes and kdb+ can map it without rebuilding the attribute. Worked out from
// files kdb+ 4 wrote (enumerations with u#, p# and g#; every sample reproduced byte for byte):
//   u#  the items padded with zeros to m = the power of 2 at or above the count (at least 1), an 8-byte 0,
//       then 2m 8-byte slots: the position of the item that hashed there, or -1 (an open-addressed table,
//       items inserted in order, a taken slot passing to the next);
//   p#  an 8-byte 0, then two objects laid out as in memory (a 16-byte header: memory class, 0, type,
//       attribute, refcount (4), count (8); then the items): the distinct values in order of first
//       appearance with a u# index of their own as above (refcount 0), and the longs where each run
//       starts, with the count last;
//   g#  the same, the distinct values' refcount 1, and a third object: the positions of the items, those
//       of the first distinct value first, each group in ascending order (the starts say where each ends).
// The memory class is the power of 2 of the object's size, less 4 (the size rounded up to a power of 2).
// A value hashes to bits 11 and up of its 64-bit pattern times 2654435761, modulo the table size. Only
// tables up to 2^21 slots were seen, so that larger ones take their higher bits from the 64-bit product
// is an assumption. The samples were all 8-byte items: for other widths the layout is not known, and
// wasq writes such vectors after ff 01 instead (see hasIndex). A kdb+ 3.x file (a p# enumeration of 4-byte
// items, in a public HDB) has the same hash and 8-byte slots over 4-byte items padded to m, but no 8-byte
// 0s, the tail 8-aligned, and byte 1 of each header its memory class: too unlike 4.x to infer 4.x's from.
import { T } from '../value/types.js';

/** Types whose files get the index: 8-byte integer items (the samples were enumerations; longs, timestamps
 *  and timespans are the same 8-byte integers to a hash). */
export const hasIndex = (t: number) => t === T.Enum || t === T.Long || t === T.Timestamp || t === T.Timespan;

const C = 0x9e3779b1;
/** The slot of the 64-bit value (lo, hi) in a table of `mask + 1` slots. */
export function slot(lo: number, hi: number, mask: number): number {
  // the product modulo 2^64 from 16-bit pieces, exact in doubles: L its low 32 bits, H its high 32
  const L = Math.imul(lo, C) >>> 0;
  const a = lo >>> 16, b = lo & 0xffff, c = C >>> 16, d = C & 0xffff;
  const mid = b * c + a * d + ((b * d) >>> 16);
  const H = (a * c + Math.floor(mid / 65536) + Math.imul(hi, C)) >>> 0;
  return ((H << 21) | (L >>> 11)) & mask;
}
const pow2 = (n: number) => { let m = 1; while (m < n) m *= 2; return m; };
/** The memory class of an object of `size` bytes. */
const memClass = (size: number) => Math.max(0, Math.ceil(Math.log2(size)) - 4);

/** The bytes of a u# index over the k values (lo, hi pairs in w) after the items: padding, 0, slots. */
function uTail(w: Int32Array, k: number, out: DataView, at: number): number {
  const m = pow2(Math.max(k, 1)), mask = 2 * m - 1;
  at += 8 * (m - k) + 8;
  const slots = new Int32Array(2 * m).fill(-1);
  for (let i = 0; i < k; i++) {
    let s = slot(w[2 * i], w[2 * i + 1], mask);
    while (slots[s] !== -1) s = (s + 1) & mask;
    slots[s] = i;
  }
  putLongs(out, at, slots);
  return at + 16 * m;
}
const uSize = (k: number) => { const m = pow2(Math.max(k, 1)); return 8 * m + 8 + 16 * m; };

/** Small integers (under 2^31) as 8-byte longs from byte `at` (a multiple of 8). */
function putLongs(out: DataView, at: number, xs: ArrayLike<number>): void {
  const o = new Int32Array(out.buffer, out.byteOffset + at, 2 * xs.length);
  for (let i = 0; i < xs.length; i++) { const x = xs[i]; o[2 * i] = x; o[2 * i + 1] = x < 0 ? -1 : 0; }
}

/** The 16-byte header of an object laid out as in memory. */
function header(out: DataView, at: number, size: number, t: number, a: number, r: number, n: number): number {
  out.setUint8(at, memClass(size)); out.setUint8(at + 2, t); out.setUint8(at + 3, a); out.setInt32(at + 4, r, true);
  out.setBigInt64(at + 8, BigInt(n), true);
  return at + 16;
}

/** The index of attribute a (2 u#, 3 p#, 4 g#) over vector items of type t (8-byte, little-endian, in
 *  `items`), to follow them in the file. */
export function attrIndex(t: number, a: number, items: Uint8Array): Uint8Array {
  if (items.byteOffset % 4) items = items.slice();
  const n = items.length / 8, w = new Int32Array(items.buffer, items.byteOffset, 2 * n);
  if (a === 2) {
    // the tail starts where the items end: padding, the 0, the slots
    const out = new Uint8Array(uSize(n) - 8 * n);
    uTail(w, n, new DataView(out.buffer), 0);
    return out;
  }
  // the distinct values in order of first appearance, and each item's group
  const group = new Int32Array(n), firsts: number[] = [], seen = new Map<number | bigint, number>();
  for (let i = 0; i < n; i++) {
    const lo = w[2 * i], hi = w[2 * i + 1];
    const key = hi >= -0x100000 && hi < 0x100000 ? hi * 4294967296 + (lo >>> 0) : (BigInt(hi) << 32n) | BigInt(lo >>> 0);
    let g = seen.get(key);
    if (g === undefined) { g = firsts.length; seen.set(key, g); firsts.push(i); }
    group[i] = g;
  }
  const k = firsts.length, vals = new Int32Array(2 * k);
  firsts.forEach((i, g) => { vals[2 * g] = w[2 * i]; vals[2 * g + 1] = w[2 * i + 1]; });
  const counts = new Float64Array(k);
  for (let i = 0; i < n; i++) counts[group[i]]++;
  const starts = new Float64Array(k + 1);
  for (let g = 0; g < k; g++) starts[g + 1] = starts[g] + counts[g];
  const uBytes = 16 + uSize(k), sBytes = 16 + 8 * (k + 1), pBytes = a === 4 ? 16 + 8 * n : 0;
  const out = new Uint8Array(8 + uBytes + sBytes + pBytes), dv = new DataView(out.buffer);
  let at = header(dv, 8, uBytes, t, 2, a === 4 ? 1 : 0, k);
  new Uint8Array(out.buffer, at, 8 * k).set(new Uint8Array(vals.buffer));
  at = uTail(vals, k, dv, at + 8 * k);
  at = header(dv, at, sBytes, T.Long, 0, 0, k + 1);
  putLongs(dv, at, starts);
  at += 8 * (k + 1);
  if (a === 4) {
    at = header(dv, at, pBytes, T.Long, 0, 0, n);
    const next = starts.slice(0, k), pos = new Int32Array(n);
    for (let i = 0; i < n; i++) pos[next[group[i]]++] = i;
    putLongs(dv, at, pos);
  }
  return out;
}

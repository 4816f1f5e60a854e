// kdb+ data files: the bytes `set` writes and `get` reads. Three layouts, told apart by the first two bytes:
//   fe 20  a vector of fixed-width items, mappable: type, attribute, 4 zero bytes, an 8-byte count, then
//          the items from byte 16;
//   fd 20  an enumerated (64-bit, kdb+ 3.6+) symbol vector: the domain's name after the magic, the same
//          16-byte vector header at 4080, the long indices from 4096;
//   ff 01  anything else (atoms, symbol vectors, general lists, dictionaries, tables): the IPC
//          serialization of the object without its message header.
// A general list in ff 01 form is also a log file: appending an item writes its serialization and raises
// the count at byte 4.
import { T } from '../value/types.js';
import { WIDTH } from '../value/storage.js';
import { Q, Vec } from '../value/value.js';
import { QError } from '../value/error.js';
import { serialize, SerializeOptions } from '../ipc/serialize.js';
import { readObject, DeserializeOptions } from '../ipc/deserialize.js';

const utf8 = new TextEncoder(), fromUtf8 = new TextDecoder();
export const ENUM_HEADER = 4096;

/** Does a vector of type t map straight to a file (items of one fixed width)? */
const mappable = (t: number) => t > 0 && t < 20 && t !== T.Sym && t !== 3;

/** The bytes of x as a kdb+ data file. */
export function encodeFile(x: Q, opts: SerializeOptions = {}): Uint8Array {
  if (mappable(x.t)) {
    // the body after type, attribute and 4-byte count is the items as kdb+ lays them out (NaNs included)
    const body = serialize(x, opts), v = x as Vec;
    const n = x.t === T.Guid ? v.d.length / 16 : v.d.length;
    const out = new Uint8Array(16 + body.length - 6);
    out[0] = 0xfe; out[1] = 0x20; out[2] = x.t; out[3] = v.a ?? 0;
    new DataView(out.buffer).setBigInt64(8, BigInt(n), true);
    out.set(body.subarray(6), 16);
    return out;
  }
  if (x.t === T.Enum && (x as Vec).dom) {
    const v = x as Vec, idx = v.d as Int32Array, name = utf8.encode(v.dom!);
    if (name.length > 4000) throw new QError('length');
    const out = new Uint8Array(ENUM_HEADER + 8 * idx.length), dv = new DataView(out.buffer);
    out[0] = 0xfd; out[1] = 0x20; out.set(name, 2);
    out[4080] = 0xfd; out[4081] = 0x20; out[4082] = T.Enum; out[4083] = v.a ?? 0;
    dv.setBigInt64(4088, BigInt(idx.length), true);
    for (let i = 0; i < idx.length; i++) dv.setBigInt64(ENUM_HEADER + 8 * i, BigInt(idx[i]), true);
    return out;
  }
  const body = serialize(x, opts), out = new Uint8Array(2 + body.length);
  out[0] = 0xff; out[1] = 0x01; out.set(body, 2);
  return out;
}

/** An error naming the file: what kdb+ would call it, with the path so the user knows which. */
const bad = (path: string, why: string): never => { throw new QError(`${path}: ${why}`); };

/** The q object held in a kdb+ data file; a truncated or foreign file is an error naming it. */
export function decodeFile(b: Uint8Array, path: string, opts: DeserializeOptions = {}): Q {
  if (b.length < 2) bad(path, 'not a kdb+ data file');
  const m0 = b[0], m1 = b[1];
  if (m0 === 0xff && m1 === 0x01) {
    let r: { value: Q; end: number };
    try { r = readObject(b, 2, opts); } catch { return bad(path, 'truncated or corrupt kdb+ data file'); }
    if (r.end !== b.length) bad(path, 'truncated or corrupt kdb+ data file');
    return r.value;
  }
  const dv = new DataView(b.buffer, b.byteOffset, b.length);
  if (m0 === 0xfe && m1 === 0x20) {
    if (b.length < 16) bad(path, 'truncated kdb+ data file');
    const t = b[2], a = b[3];
    if (!mappable(t)) bad(path, 'not a kdb+ data file');
    const n = Number(dv.getBigInt64(8, true)), w = t === T.Guid ? 16 : WIDTH[t];
    if (n < 0 || 16 + n * w !== b.length) bad(path, 'truncated kdb+ data file');
    // a copy, so the vector owns aligned memory whatever buffer the host read into
    const bytes = b.slice(16, 16 + n * w);
    const d = t === T.Guid || w === 1 ? bytes : t === T.Short ? new Int16Array(bytes.buffer)
      : w === 4 ? (t === T.Real ? new Float32Array(bytes.buffer) : new Int32Array(bytes.buffer))
      : (t === T.Float || t === T.Datetime ? new Float64Array(bytes.buffer) : new BigInt64Array(bytes.buffer));
    return { t, d, a } as Vec;
  }
  if (m0 === 0xfd && m1 === 0x20) {
    if (b.length < ENUM_HEADER) bad(path, 'truncated kdb+ data file');
    const e = b.indexOf(0, 2);
    if (e < 0 || e >= 4080) bad(path, 'not a kdb+ data file');
    const dom = fromUtf8.decode(b.subarray(2, e));
    if (b[4082] !== T.Enum) return bad(path, 'nyi: this kind of kdb+ file (a nested column) is not read yet');
    const n = Number(dv.getBigInt64(4088, true));
    if (n < 0 || ENUM_HEADER + 8 * n !== b.length) bad(path, 'truncated kdb+ data file');
    const d = new Int32Array(n);
    for (let i = 0; i < n; i++) d[i] = Number(dv.getBigInt64(ENUM_HEADER + 8 * i, true));
    return { t: T.Enum, d, a: b[4083], dom } as Vec;
  }
  return bad(path, 'not a kdb+ data file');
}

/** The number of items of a general-list file (a log), or null when the file is not one. */
export function logCount(b: Uint8Array): number | null {
  if (b.length < 8 || b[0] !== 0xff || b[1] !== 0x01 || b[2] !== 0) return null;
  return new DataView(b.buffer, b.byteOffset, b.length).getUint32(4, true);
}
/** The bytes that append items to a log file, each item's serialization in turn. */
export function logChunks(items: Q[], opts: SerializeOptions = {}): Uint8Array {
  const parts = items.map(x => serialize(x, opts));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}
/**
 * Walk a log file's chunks from byte 8: each complete one is passed to f (until `max` of them); returns
 * how many were complete and where the valid part ends.
 */
export function logReplay(b: Uint8Array, max: number, f: (x: Q) => void, opts: DeserializeOptions = {}): { chunks: number; end: number; bad: boolean } {
  const n = logCount(b);
  if (n === null) throw new QError('badtail');
  let p = 8, k = 0;
  while (p < b.length && k < max) {
    let r: { value: Q; end: number };
    try { r = readObject(b, p, opts); } catch { return { chunks: k, end: p, bad: true }; }
    f(r.value);
    p = r.end; k++;
  }
  return { chunks: k, end: p, bad: false };
}

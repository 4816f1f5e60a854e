// kdb+ data files: the bytes `set` writes and `get` reads. The layouts, told apart by the first two bytes
// (as kdb+ 4.x writes them; checked against files kdb+ wrote):
//   fe 20  a vector of fixed-width items, mappable: type, attribute, 4 zero bytes, an 8-byte count, then
//          the items from byte 16;
//   fd 20  a vector whose items are found through a 4096-byte header (so that they start page-aligned):
//          bytes 2-15 zero; from byte 16 an enumeration's domain name (NUL-ended); at 4080 a second header
//          `fd 00|01, type, attribute`, 4 zero bytes and the count; the items from 4096. Type 20 is an
//          enumeration (8-byte indices); type 77 an anymap, a general list (a nested column, a list of
//          lists) whose items live in the companion file `col#` and its symbols in `col##` (see
//          encodeAnymap, AnyMap);
// kdb+ leaves the count fields 0 (the items run to the end of the file) unless a u#, p# or g# attribute's
// index follows the items (attrindex.ts); wasq writes them the same way, and reads either.
//   ff 01  anything else (atoms, symbol vectors, dictionaries, tables, an empty list or one holding what
//          an anymap cannot): the IPC serialization of the object without its message header.
// Any of them may come compressed (kdb+'s -19!, .z.zd): see unzip.
// Files of kdb+ before 3.6 read too (seen in files kdb+ 3.x wrote):
//   fe name  an enumeration: its domain's name from byte 1 (NUL-ended), the attribute at byte 11, an
//          8-byte count at 16, 4-byte indices from 24 (and an attribute's index after them);
//   fe 20 with type 77+t  a nested column of vectors of type t: an 8-byte count, then for each item where
//          it ends in the companion `col#`, which holds the items' bytes back to back.
// A general list in ff 01 form is also a log file: appending an item writes its serialization and leaves
// the count at byte 4 as it was (kdb+'s logs, appended through a handle, keep the 0 they were made with);
// a general list's items are read to the end of the file.
import { T } from '../value/types.js';
import { WIDTH, allocRaw } from '../value/storage.js';
import { Q, Vec, List, Table, Dict, Atom, item, list, symVec, dict, table, count as countOf, NI } from '../value/value.js';
import { symName, intern } from '../value/sym.js';
import { QError } from '../value/error.js';
import { serialize, SerializeOptions } from '../ipc/serialize.js';
import { readObject, DeserializeOptions } from '../ipc/deserialize.js';
import { inflate, deflate, unwritable } from './zblock.js';
import { attrIndex, hasIndex } from './attrindex.js';
import { bytesName, nameBytes } from '../value/utf8.js';

export const ENUM_HEADER = 4096;

/** Does a vector of type t map straight to a file (items of one fixed width)? */
const mappable = (t: number) => t > 0 && t < 20 && t !== T.Sym && t !== 3;

/** The bytes of x as a kdb+ data file. */
export function encodeFile(x: Q, opts: SerializeOptions = {}): Uint8Array {
  // u#, p# and g# need their index after the items, known only for 8-byte integers (attrindex.ts): a
  // vector of other items with one is written whole after ff 01, which kdb+ reads with its attribute,
  // rather than as a mappable file whose missing index kdb+ would read past its end
  if (mappable(x.t) && !((x as Vec).a! > 1 && !hasIndex(x.t))) {
    // the body after type, attribute and 4-byte count is the items as kdb+ lays them out (NaNs included)
    const body = serialize(x, opts), v = x as Vec, a = v.a ?? 0, items = body.subarray(6);
    const tail = a > 1 ? attrIndex(x.t, a, items) : null;
    const out = new Uint8Array(16 + items.length + (tail?.length ?? 0));
    out[0] = 0xfe; out[1] = 0x20; out[2] = x.t; out[3] = a;
    // kdb+ leaves the count 0 (the items run to the end of the file) unless an attribute's index follows them
    if (a > 1) new DataView(out.buffer).setBigInt64(8, BigInt(items.length / width(x.t)), true);
    out.set(items, 16);
    if (tail) out.set(tail, 16 + items.length);
    return out;
  }
  if (x.t === T.Enum && (x as Vec).dom) {
    const v = x as Vec, idx = v.d as Int32Array, name = nameBytes(v.dom!);
    if (name.length >= 4080 - 16) throw new QError('length');
    const a = v.a ?? 0, items = new Int32Array(2 * idx.length);
    // 8-byte indices; a null index is the long null, as kdb+ writes it
    for (let i = 0; i < idx.length; i++) { const k = idx[i]; items[2 * i] = k === NI ? 0 : k; items[2 * i + 1] = k === NI ? NI : k < 0 ? -1 : 0; }
    const bytes = new Uint8Array(items.buffer), tail = a > 1 ? attrIndex(T.Enum, a, bytes) : new Uint8Array(0);
    const out = paged(0, T.Enum, a, bytes.length + tail.length, a > 1 ? idx.length : 0);
    out.set(name, 16); out.set(bytes, ENUM_HEADER); out.set(tail, ENUM_HEADER + bytes.length);
    return out;
  }
  const body = serialize(x, opts), out = new Uint8Array(2 + body.length);
  out[0] = 0xff; out[1] = 0x01; out.set(body, 2);
  // a symbol vector (a sym file, a table's .d) has 0 in its count, as kdb+ writes it
  if (x.t === T.Sym) out.fill(0, 4, 8);
  return out;
}

/** An fd 20 file of `bytes` bytes of items after its 4096-byte header: second header `fd m t a`. */
function paged(m: number, t: number, a: number, bytes: number, n: number): Uint8Array {
  const out = new Uint8Array(ENUM_HEADER + bytes);
  out[0] = 0xfd; out[1] = 0x20;
  out[4080] = 0xfd; out[4081] = m; out[4082] = t; out[4083] = a;
  new DataView(out.buffer).setBigInt64(4088, BigInt(n), true);
  return out;
}

/** The items of a vector of type t from their bytes as kdb+ lays them out (a copy: aligned, owned). */
function vecOf(t: number, a: number, src: Uint8Array): Vec {
  if (t === T.Guid || WIDTH[t] === 1) return { t, d: src.slice(), a } as Vec;
  const w = WIDTH[t], n = src.length / w, d = allocRaw(t, n);   // (every item written below)
  if (src.length >= 64) new Uint8Array(d.buffer, d.byteOffset, src.length).set(src);
  else {
    // item by item: a small array's .buffer would be given a store of its own (an anymap holds millions)
    const dv = new DataView(src.buffer, src.byteOffset, src.length), x = d as unknown as { [i: number]: number | bigint };
    for (let i = 0; i < n; i++) x[i] = w === 2 ? dv.getInt16(2 * i, true) : w === 4 ? (t === T.Real ? dv.getFloat32(4 * i, true) : dv.getInt32(4 * i, true))
      : t === T.Float || t === T.Datetime ? dv.getFloat64(8 * i, true) : dv.getBigInt64(8 * i, true);
  }
  return { t, d, a } as Vec;
}
export const width = (t: number) => t === T.Guid ? 16 : WIDTH[t];

// Nested columns (type 77). The column file holds one 8-byte entry per row: the item's byte offset in the
// companion file `col#` (whose items start at its byte 4096; its second header says bytes, `fd 00 04 00`),
// in the low 7 bytes, and in the top byte how the item is laid out there, as kdb+ flags vectors and atoms:
// 1, compact (a type byte, the type plus 127; for a vector a count byte; the items), for small items;
// 0, a full object (the 16-byte header `fb, 0, type, attribute, refcount (4), count (8)` and the items,
// 16-byte aligned). (kdb+ flags a full table 1, so AnyMap reads the layout from the object's first byte.)
/** Small items take the compact layout: atoms, and vectors of fewer than this many bytes. In the files
 *  this was checked against kdb+ wrote up to 80 bytes compact (ten longs; 21 chars) and from 160 full
 *  (twenty longs); where between it switches is not known, so a file of wasq's may differ from kdb+'s
 *  there (kdb+ reads both layouts). */
const COMPACT = 128;
/** The files of a general list as kdb+ 3.6 and later `set` it (an anymap: a nested column of a splayed
 *  table, any list of lists): `col`, `col#` and, when symbols occur, `col##`; null when an item has no
 *  such layout (a function, an enumeration), and the list is then written whole after `ff 01`.
 *  Checked against anymaps kdb+ wrote (strings; lists of symbols, lists and tables): objects laid out
 *  depth first, each full one 16-byte aligned with its entries before its items; symbols numbered in the
 *  order they are written; the entry's top byte 1 for a compact object, a table or a dictionary, a full
 *  vector's attribute (0 for none; a p# one in kdb+'s samples has 3), 0 for a general list. An empty
 *  vector without an attribute is written once, as kdb+ 4.1 documents (ref/get). Its "consecutive
 *  deduplicated top-level objects" are not skipped: the same page's example shows a list of repeated
 *  items still writing a larger col# than the distinct items alone, and the samples repeat them too. */
export function encodeAnymap(x: List): { col: Uint8Array; hash: Uint8Array; syms: Uint8Array | null } | null {
  let buf = new Uint8Array(4096), bv = new DataView(buf.buffer), end = 0;
  const room = (n: number) => {
    if (end + n > buf.length) { const b = new Uint8Array(Math.max(end + n, 2 * buf.length)); b.set(buf.subarray(0, end)); buf = b; bv = new DataView(b.buffer); }
  };
  const pool = new Map<number, number>(), names: number[] = [], empties = new Map<number, number>();
  const symIndex = (id: number) => { let k = pool.get(id); if (k === undefined) pool.set(id, k = names.length), names.push(id); return k; };
  const storable = (t: number) => Math.abs(t) < 20 && (Math.abs(t) === T.Sym || width(Math.abs(t)) > 0);
  /** Write the items of vector (or atom) e at the end: symbols as indices into col##. */
  const items = (e: Q, n: number) => {
    const t = Math.abs(e.t);
    if (t === T.Sym) {
      room(4 * n);
      if (e.t < 0) bv.setInt32(end, symIndex(intern((e as Atom).v as string)), true);
      else { const ids = (e as Vec).d as Int32Array; for (let i = 0; i < n; i++) bv.setInt32(end + 4 * i, symIndex(ids[i]), true); }
      end += 4 * n; return;
    }
    if (e.t < 0) { const b = serialize(e).subarray(1); room(b.length); buf.set(b, end); end += b.length; return; }
    // a vector's storage is its items as kdb+ lays them out (vecOf reads them back the same way); a small
    // one is copied item by item, since its .buffer would be given a store of its own
    const d = (e as Vec).d as unknown as { [i: number]: number | bigint; byteLength: number; buffer: ArrayBuffer; byteOffset: number };
    const nb = d.byteLength, w = nb / (n || 1);
    room(nb);
    if (nb >= 64 || t === T.Guid || w === 1) buf.set(new Uint8Array(d.buffer, d.byteOffset, nb), end);
    else for (let i = 0, p = end; i < n; i++, p += w) {
      if (w === 2) bv.setInt16(p, d[i] as number, true);
      else if (w === 4) t === T.Real ? bv.setFloat32(p, d[i] as number, true) : bv.setInt32(p, d[i] as number, true);
      else t === T.Float || t === T.Datetime ? bv.setFloat64(p, d[i] as number, true) : bv.setBigInt64(p, d[i] as bigint, true);
    }
    end += nb;
  };
  const header = (t: number, a: number, n: number): number => {
    end = (end + 15) & ~15; room(16);
    const o = end;
    buf[o] = 0xfb; buf[o + 1] = 0; buf[o + 2] = t & 255; buf[o + 3] = a; bv.setUint32(o + 4, 1, true); bv.setBigInt64(o + 8, BigInt(n), true);
    end += 16;
    return o;
  };
  // an entry as a number: the offset times 8 plus the flag of the top byte (offsets stay far below 2^49)
  const setEntry = (dv: DataView, p: number, code: number) => {
    const off = Math.floor(code / 8);
    dv.setUint32(p, off % 2 ** 32, true); dv.setUint32(p + 4, Math.floor(off / 2 ** 32) + (code % 8) * 2 ** 24, true);
  };
  /** Write e where the file ends; its entry, or -1 when it has no layout. */
  const put = (e: Q): number => {
    if (e.t === T.List || e.t === T.Table || e.t === T.Dict) {
      const kids: Q[] = e.t === T.List ? (e as List).d : e.t === T.Table ? [symVec((e as Table).c), list((e as Table).d)] : [(e as Dict).k, (e as Dict).v];
      const o = header(e.t === T.List ? 77 : e.t, 0, kids.length), slots = end;
      room(8 * kids.length); buf.fill(0, end, end + 8 * kids.length); end += 8 * kids.length;
      for (let i = 0; i < kids.length; i++) { const k = put(kids[i]); if (k < 0) return -1; setEntry(bv, slots + 8 * i, k); }
      return o * 8 + (e.t === T.List ? 0 : 1);
    }
    if (!storable(e.t)) return -1;
    const a = e.t > 0 ? (e as Vec).a ?? 0 : 0, n = e.t < 0 ? 1 : countOf(e);
    // u#, p# and g# need their index after the items, known only for 8-byte integers (attrindex.ts): a
    // list holding another is written whole after ff 01, whose reader rebuilds the attribute
    if (a > 1 && !hasIndex(e.t)) return -1;
    if (e.t > 0 && !a && n === 0 && empties.has(e.t)) return empties.get(e.t)!;
    let entry: number;
    const bytes = n * width(Math.abs(e.t) === T.Sym ? T.Int : Math.abs(e.t));
    if (e.t < 0 || (!a && n < 128 && bytes < COMPACT)) {
      room(2);
      entry = end * 8 + 1;
      buf[end++] = e.t + 127;
      if (e.t > 0) buf[end++] = n;
    } else entry = header(e.t, a, n) * 8 + a;   // (a full vector's flag is its attribute: kdb+'s p# one has 3)
    const from = end;
    items(e, n);
    if (a > 1) { const ix = attrIndex(e.t, a, buf.slice(from, end)); room(ix.length); buf.set(ix, end); end += ix.length; }
    if (e.t > 0 && !a && n === 0) empties.set(e.t, entry);
    return entry;
  };
  const entries = new Float64Array(x.d.length);
  for (let i = 0; i < x.d.length; i++) if ((entries[i] = put(x.d[i])) < 0) return null;
  const col = paged(1, 77, 0, 8 * entries.length, 0), hash = paged(0, T.Byte, 0, end, 0), cv = new DataView(col.buffer);
  entries.forEach((k, i) => setEntry(cv, ENUM_HEADER + 8 * i, k));
  hash.set(buf.subarray(0, end), ENUM_HEADER);
  return { col, hash, syms: names.length ? encodeFile({ t: T.Sym, d: Int32Array.from(names), a: 0 } as Vec) : null };
}
/** A nested column as kdb+ 3.x lays it out (fe 20, type 77+t): each item's end in `col#`, whose items
 *  are back to back with no header. The ends count bytes or items (the same for chars and bytes, the
 *  samples' types): the last end must match the companion's length in one or the other. */
function decodeNested3(b: Uint8Array, h: Uint8Array | null, path: string): Q {
  if (!h) return bad(path + '#', 'missing (the items of the nested column ' + path + ')');
  if (isZipped(h)) h = unzip(h, path + '#');
  const t = b[2] - 77, w = width(t), dv = new DataView(b.buffer, b.byteOffset, b.length), n = count(dv, 8, b.length - 16, 8, 0, path);
  const ends = Array.from({ length: n }, (_, i) => Number(dv.getBigInt64(16 + 8 * i, true))), last = n ? ends[n - 1] : 0;
  const unit = last === h.length ? 1 : last * w === h.length ? w : 0;
  if (!unit || ends.some((e, i) => e < (i ? ends[i - 1] : 0) || e % (w / unit))) bad(path + '#', 'truncated or corrupt kdb+ data file');
  const r = list(ends.map((e, i) => vecOf(t, 0, h!.subarray((i ? ends[i - 1] : 0) * unit, e * unit))));
  r.mt = b[2];
  return r;
}
/** A nested column, or any general list kdb+ 4 lays out this way (`set` of a list of lists, tables,
 *  symbols), from its file and its companions: `#` the items, `##` the symbols they name. */
function decodeNested(b: Uint8Array, companion: (suffix: string) => Uint8Array | null, path: string): Q {
  let h = companion('#');
  if (!h) return bad(path + '#', 'missing (the items of the nested column ' + path + ')');
  if (isZipped(h)) h = unzip(h, path + '#');
  if (h.length < ENUM_HEADER) bad(path + '#', 'truncated kdb+ data file');
  const dv = new DataView(b.buffer, b.byteOffset, b.length), n = count(dv, 4088, b.length - ENUM_HEADER, 8, 0, path);
  const items = new AnyMap(h, () => {
    const s = companion('##');
    if (!s) return bad(path + '##', 'missing (the symbols of the nested column ' + path + ')');
    const v = decodeFile(s, path + '##');
    return v.t === T.Sym ? (v as Vec).d as Int32Array : bad(path + '##', 'not a kdb+ symbol file');
  }, path + '#');
  const out: Q[] = [];
  for (let i = 0; i < n; i++) out.push(items.at(offsetAt(dv, ENUM_HEADER + 8 * i)));
  const r = list(out);
  r.mt = 77;
  return r;
}

/** The offset in an anymap entry at byte p: its low 7 bytes (numbers, not BigInts: a column may have
 *  millions of entries). */
const offsetAt = (dv: DataView, p: number) => dv.getUint32(p, true) + (dv.getUint16(p + 4, true) + dv.getUint8(p + 6) * 65536) * 2 ** 32;
/**
 * The objects of a `col#` file, each found by an 8-byte entry: its offset from byte 4096 in the low 7
 * bytes (the top byte tells nothing the object's own first byte does not). An object is either compact,
 * its first byte its type plus 127 (an atom's bytes follow; a vector's count byte, then its items), or
 * full, `fb 00 type attribute`, a 4-byte refcount, an 8-byte count, then from 16 the items. A general
 * list (77) holds an entry per item; a table (98) and a dictionary (99) two, keys and values. A symbol
 * is a 4-byte index into the `##` file's names.
 */
class AnyMap {
  private dv: DataView;
  private names: Int32Array | null = null;
  private active = new Set<number>();
  private done = new Map<number, Q>();
  constructor(private h: Uint8Array, private symbols: () => Int32Array, private path: string) {
    this.dv = new DataView(h.buffer, h.byteOffset, h.length);
  }
  private trunc(): never { return bad(this.path, 'truncated or corrupt kdb+ data file'); }
  at(offset: number, depth = 0): Q {
    const h = this.h, p = ENUM_HEADER + offset;
    if (p >= h.length || depth > 64) this.trunc();
    let t: number, a = 0, k: number, at: number;
    if (h[p] === 0xfb) {
      t = (h[p + 2] << 24) >> 24; a = h[p + 3]; at = p + 16;
      if (at > h.length) this.trunc();
      k = Number(this.dv.getBigInt64(p + 8, true));
    } else {
      t = h[p] - 127; at = p + (t < 0 ? 1 : 2); k = t < 0 ? 1 : h[p + 1];
    }
    if (t === 0 || t === 77 || t === 98 || t === 99) {
      // a container shared by several entries (kdb+ 4.1 writes a repeated item once) is read once; one
      // that holds itself is corrupt
      const done = this.done.get(p);
      if (done) return done;
      if (k < 0 || at + 8 * k > h.length || (t > 77 && k !== 2) || this.active.has(p)) this.trunc();
      this.active.add(p);
      const d = Array.from({ length: k }, (_, i) => this.at(offsetAt(this.dv, at + 8 * i), depth + 1));
      this.active.delete(p);
      let r: Q;
      if (t === 98) {
        if (d[0].t !== T.Sym || d[1].t !== T.List || countOf(d[0]) !== countOf(d[1])) this.trunc();
        r = table(Array.from((d[0] as Vec).d as Int32Array, symName), (d[1] as List).d);
      } else r = t === 99 ? dict(d[0], d[1]) : list(d);
      this.done.set(p, r);
      return r;
    }
    const u = Math.abs(t);
    if (u === T.Sym) {
      if (k < 0 || at + 4 * k > h.length) this.trunc();
      // (an empty one names none: a list of empty symbol vectors has no col##, as no symbol occurs)
      const names = k ? this.names ??= this.symbols() : [], out = new Int32Array(k);
      for (let i = 0; i < k; i++) { const j = this.dv.getUint32(at + 4 * i, true); out[i] = j < names.length ? names[j] : this.trunc(); }
      const v = { t: T.Sym, d: out, a } as Vec;
      return t < 0 ? item(v, 0) : v;
    }
    if (u === T.Enum) {
      // an enumeration (of sym, in kdb+'s samples): 8-byte indices into col##'s names, read as the
      // symbols they name (the long null as the null symbol)
      if (k < 0 || at + 8 * k > h.length) this.trunc();
      const names = k ? this.names ??= this.symbols() : [], out = new Int32Array(k), none = intern('');
      for (let i = 0; i < k; i++) {
        const j = this.dv.getBigInt64(at + 8 * i, true);
        out[i] = j === -(2n ** 63n) ? none : j >= 0n && j < BigInt(names.length) ? names[Number(j)] : this.trunc();
      }
      const v = { t: T.Sym, d: out, a } as Vec;
      return t < 0 ? item(v, 0) : v;
    }
    const w = u >= 20 ? 0 : width(u);
    if (!w) return bad(this.path, `nyi: items of type ${t} in a nested column`);
    if (k < 0 || at + k * w > h.length) this.trunc();
    const v = vecOf(u, a, h.subarray(at, at + k * w));
    return t < 0 ? item(v, 0) : v;
  }
}

// Compressed files, as kdb+ writes them (checked against files kdb+ compressed): `kxzipped`, the blocks,
// then a trailer: u32 3, the algorithm and level bytes, 2 zero bytes, u64 uncompressed length, u64 where
// the trailer starts, u32 logical block size, u32 0, for each block its compressed length and algorithm
// (u32 each), and u64 the number of blocks. Each block holds a logical block of the file (the last one
// less), in the algorithm its trailer entry names (zblock.ts).
const ZIPPED = [0x6b, 0x78, 0x7a, 0x69, 0x70, 0x70, 0x65, 0x64];
export const isZipped = (b: Uint8Array) => b.length >= 8 && ZIPPED.every((c, i) => b[i] === c);
/** A file's bytes as they are uncompressed: b itself when it is not compressed. */
export const unzipped = (b: Uint8Array, path: string): Uint8Array => isZipped(b) ? unzip(b, path) : b;
export const unzip = (b: Uint8Array, path: string): Uint8Array => unzipRange((o, n) => b.subarray(o, o + n), b.length, path);
/** The uncompressed length of a compressed file of size bytes, from its trailer. */
export const unzippedLength = (read: (off: number, len: number) => Uint8Array, size: number, path: string): number =>
  zipTrailer(read, size, path).ulen;
/** Bytes off to off+len (to the end: all of them) of what a compressed file holds. Only the trailer and
 *  the blocks the range covers are read and inflated, so reading a big file a chunk at a time (.Q.fs,
 *  read1 (f;o;n)) costs what the chunks cost, not the whole file per chunk. */
export function unzipRange(read: (off: number, len: number) => Uint8Array, size: number, path: string, off = 0, len = Infinity): Uint8Array {
  const { ulen, lbs, nb, at, blocks } = zipTrailer(read, size, path), corrupt = () => bad(path, 'corrupt compressed kdb+ file');
  const from = Math.min(off, ulen), to = Math.min(ulen, off + len), out = new Uint8Array(to - from);
  if (from === to) return out;
  const bd = new DataView(blocks.buffer, blocks.byteOffset, blocks.length), first = Math.floor(from / lbs), last = Math.ceil(to / lbs);
  let src = 8;
  for (let i = 0; i < first; i++) src += bd.getUint32(8 * i, true);
  for (let i = first; i < last && i < nb; i++) {
    const clen = bd.getUint32(8 * i, true), alg = bd.getUint32(8 * i + 4, true), start = i * lbs, size = Math.min(lbs, ulen - start);
    if (src + clen > at) corrupt();
    const whole = from <= start && start + size <= to, into = whole ? out.subarray(start - from, start - from + size) : new Uint8Array(size);
    let ok: boolean;
    try { ok = inflate(alg, read(src, clen), into); } catch (e) { return bad(path, (e as Error).message); }
    if (!ok) corrupt();
    if (!whole) out.set(into.subarray(Math.max(0, from - start), Math.min(size, to - start)), Math.max(0, start - from));
    src += clen;
  }
  return out;
}
/** A compressed file's trailer: uncompressed length, logical block size, block count, where it starts,
 *  and the blocks' (compressed length, algorithm) pairs. */
function zipTrailer(read: (off: number, len: number) => Uint8Array, size: number, path: string) {
  const corrupt = () => bad(path, 'corrupt compressed kdb+ file');
  if (size < 56) corrupt();
  const le = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.length);
  const nb = Number(le(read(size - 8, 8)).getBigUint64(0, true)), at = size - 40 - 8 * nb;
  if (!(nb >= 0 && at >= 8)) corrupt();
  const dv = le(read(at, 32));
  if (Number(dv.getBigUint64(16, true)) !== at) corrupt();
  const ulen = Number(dv.getBigUint64(8, true)), lbs = dv.getUint32(24, true);
  if (ulen > 2 ** 40 || lbs < 4096 || nb !== Math.ceil(ulen / lbs)) corrupt();
  return { ulen, lbs, nb, at, alg: dv.getUint8(4), lvl: dv.getInt8(5), blocks: read(at + 32, 8 * nb) };
}

/** The bytes of a file compressed as kdb+ compresses it: logical blocks of 2^lbs bytes, algorithm alg (0
 *  none: the file as it is; 2 gzip, 3 snappy, 4 lz4hc, 5 zstd at level lvl; a block that does not shrink is
 *  stored), the trailer. */
export function zipFile(b: Uint8Array, lbs: number, alg: number, lvl: number, path: string): Uint8Array {
  if (alg === 0) return b;
  const why = unwritable(alg, lvl);
  if (why) bad(path, why);
  if (!(lbs >= 12 && lbs <= 20)) bad(path, 'bad logicalBlockSize (a power of 2 from 12 to 20)');
  const size = 2 ** lbs, blocks: Uint8Array[] = [], algs: number[] = [];
  for (let o = 0; o < b.length; o += size) {
    const part = b.subarray(o, o + size), z = deflate(alg, part, lvl);
    blocks.push(z ?? part); algs.push(z ? alg : 0);
  }
  const at = 8 + blocks.reduce((n, x) => n + x.length, 0), out = new Uint8Array(at + 40 + 8 * blocks.length);
  const dv = new DataView(out.buffer);
  out.set(ZIPPED);
  blocks.reduce((o, x) => { out.set(x, o); return o + x.length; }, 8);
  dv.setUint32(at, 3, true); out[at + 4] = alg; out[at + 5] = lvl;
  dv.setBigUint64(at + 8, BigInt(b.length), true); dv.setBigUint64(at + 16, BigInt(at), true); dv.setUint32(at + 24, size, true);
  blocks.forEach((x, i) => { dv.setUint32(at + 32 + 8 * i, x.length, true); dv.setUint32(at + 36 + 8 * i, algs[i], true); });
  dv.setBigUint64(at + 32 + 8 * blocks.length, BigInt(blocks.length), true);
  return out;
}
/** What -21! tells of a compressed file: its length, the uncompressed length, algorithm, logical block
 *  size (as a power of 2) and level; null when the file is not compressed. */
export function zipInfo(read: (off: number, len: number) => Uint8Array, size: number): { clen: number; ulen: number; alg: number; lbs: number; lvl: number } | null {
  // only the magic and the trailer are read, not the blocks
  if (size < 56 || !isZipped(read(0, 8))) return null;
  try { const z = zipTrailer(read, size, ''); return { clen: size, ulen: z.ulen, alg: z.alg, lbs: Math.log2(z.lbs), lvl: z.lvl }; } catch { return null; }
}

/** An error naming the file: what kdb+ would call it, with the path so the user knows which. */
const bad = (path: string, why: string): never => { throw new QError(`${path}: ${why}`); };

/** The domain of a kdb+ 3.x enumeration file (`fe`, then the name, NUL-ended, before the attribute at
 *  byte 11), or null when b is not one. */
function enumName3(b: Uint8Array): string | null {
  const e = b.indexOf(0, 1);
  return b.length < 24 || e < 2 || e > 11 ? null : bytesName(b.subarray(1, e));
}

/** The q object held in a kdb+ data file; a truncated or foreign file is an error naming it. */
export function decodeFile(b: Uint8Array, path: string, opts: DeserializeOptions = {}, companion: (suffix: string) => Uint8Array | null = () => null): Q {
  if (isZipped(b)) b = unzip(b, path);
  // (a file that is no kdb+ data file at all is a type error, ref/get and ref/load)
  if (b.length < 2) throw new QError('type');
  const m0 = b[0], m1 = b[1];
  if (m0 === 0xff && m1 === 0x01) {
    // a symbol vector (a table's .d, a sym file): its names run to the end of the file. kdb+'s files have
    // been seen with 0 in the count (.d) and with fewer than the names that follow (a sym file appended to)
    if (b[2] === T.Sym && b.length > 8) {
      const n = new DataView(b.buffer, b.byteOffset).getUint32(4, true);
      if (b[b.length - 1] !== 0) bad(path, 'truncated or corrupt kdb+ data file');
      const names = bytesName(b.subarray(8, b.length - 1)).split('\0');
      if (names.length < n) bad(path, 'truncated or corrupt kdb+ data file');
      return { ...symVec(names), a: b[3] } as Vec;
    }
    let r: { value: Q; end: number };
    try { r = readObject(b, 2, opts); } catch { return bad(path, 'truncated or corrupt kdb+ data file'); }
    if (r.end !== b.length && b[2] === 0) {
      // a log: the items appended after those its count names
      const more: Q[] = [];
      if (readChunks(b, r.end, Infinity, x => more.push(x), opts).bad) bad(path, 'truncated or corrupt kdb+ data file');
      return list([...(r.value as List).d, ...more]);
    }
    if (r.end !== b.length) bad(path, 'truncated or corrupt kdb+ data file');
    return r.value;
  }
  const dv = new DataView(b.buffer, b.byteOffset, b.length);
  if (m0 === 0xfe && m1 === 0x20) {
    if (b.length < 16) bad(path, 'truncated kdb+ data file');
    const t = b[2], a = b[3];
    if (t > 77 && mappable(t - 77)) return decodeNested3(b, companion('#'), path);
    if (!mappable(t)) bad(path, 'not a kdb+ data file');
    const n = count(dv, 8, b.length - 16, width(t), a, path);
    return vecOf(t, a, b.subarray(16, 16 + n * width(t)));
  }
  if (m0 === 0xfe) {
    const dom = enumName3(b);
    if (dom === null) return bad(path, 'not a kdb+ data file');
    const a = b[11], n = count(dv, 16, b.length - 24, 4, a, path), d = new Int32Array(b.slice(24, 24 + 4 * n).buffer);
    return { t: T.Enum, d, a, dom } as Vec;
  }
  if (m0 === 0xfd && m1 === 0x20) {
    if (b.length < ENUM_HEADER) bad(path, 'truncated kdb+ data file');
    if (b[4082] === 77) return decodeNested(b, companion, path);
    if (b[4082] !== T.Enum) bad(path, 'not a kdb+ data file');
    // the domain's name from byte 16 (wasq before 2026-12 wrote it from byte 2 and its count at 4088)
    const from = b[2] ? 2 : 16, e = b.indexOf(0, from);
    if (e < 0 || e >= 4080) bad(path, 'not a kdb+ data file');
    const dom = bytesName(b.subarray(from, e)), a = b[4083];
    const n = count(dv, 4088, b.length - ENUM_HEADER, 8, a, path);
    const d = new Int32Array(n), w = new Int32Array(b.slice(ENUM_HEADER, ENUM_HEADER + 8 * n).buffer);
    // an index is under 2^31; the long null (and anything out of range) is the null index
    for (let i = 0; i < n; i++) { const lo = w[2 * i], hi = w[2 * i + 1]; d[i] = (hi === 0 && lo >= 0) ? lo : NI; }
    return { t: T.Enum, d, a, dom } as Vec;
  }
  throw new QError('type');
}

/** What the head of a vector file (its first 4096 bytes, or all of a shorter file) and its size tell
 *  without reading the items: type, attribute, enumeration domain and count; null for any other file
 *  (serialized objects but simple vectors), which must be read to be counted. b is the file's bytes as
 *  uncompressed: a compressed file's head is not a head. */
/** What a data file's first bytes say of it: type, attribute, domain, count, and for a file whose items
 *  lie in it as a vector holds them (not compressed, not nested, not serialized whole), where they start;
 *  long: an enumeration whose indices the file holds as longs (kdb+ 4's layout). */
export function fileHead(b: Uint8Array, size: number): { t: number; a: number; dom?: string; n: number; off?: number; long?: boolean } | null {
  if (b.length < 16 || isZipped(b)) return null;
  const dv = new DataView(b.buffer, b.byteOffset, b.length);
  // as count() reads it: the count field with an attribute's index after the items, else the bytes
  const n = (at: number, from: number, w: number, a: number) => a > 1 ? Number(dv.getBigInt64(at, true)) : Math.floor((size - from) / w);
  // where the items start, when they are whole items (else decodeFile names the file truncated)
  const at = (from: number, w: number, a: number) => a > 1 || (size - from) % w === 0 ? from : undefined;
  if (b[0] === 0xfe && b[1] === 0x20 && mappable(b[2])) return { t: b[2], a: b[3], n: n(8, 16, width(b[2]), b[3]), off: at(16, width(b[2]), b[3]) };
  if (b[0] === 0xfe && b[1] === 0x20 && b[2] > 77 && mappable(b[2] - 77)) return { t: T.List, a: 0, n: n(8, 16, 8, 0) };
  // a vector written whole (one with an attribute whose index kdb+ 4's layout is not known): its count field
  if (b[0] === 0xff && b[1] === 0x01 && mappable(b[2])) return { t: b[2], a: b[3], n: dv.getUint32(4, true) };
  if (b[0] === 0xfe && b[1] !== 0x20) { const dom = enumName3(b); return dom === null ? null : { t: T.Enum, a: b[11], dom, n: n(16, 24, 4, b[11]), off: at(24, 4, b[11]) }; }
  if (b[0] === 0xfd && b[1] === 0x20 && b.length >= ENUM_HEADER && size >= ENUM_HEADER) {
    const a = b[4083];
    if (b[4082] === 77) return { t: T.List, a: 0, n: n(4088, ENUM_HEADER, 8, 0) };
    if (b[4082] !== T.Enum) return null;
    const from = b[2] ? 2 : 16, e = b.indexOf(0, from);
    return e < 0 || e >= 4080 ? null : { t: T.Enum, a, dom: bytesName(b.subarray(from, e)), n: n(4088, ENUM_HEADER, 8, a), off: at(ENUM_HEADER, 8, a), long: true };
  }
  return null;
}

/** How many items of w bytes a vector file holds. With a u#, p# or g# attribute, its count field (the
 *  attribute's index follows the items; it is not read: the attribute is rebuilt from the items); else
 *  what the bytes after the header make: kdb+ 4 leaves the count 0, and kdb+ 3.x files appended to have
 *  been seen with a count smaller than the items that follow, which kdb+ reads in full. */
function count(dv: DataView, at: number, bytes: number, w: number, attr: number, path: string): number {
  const n = Number(dv.getBigInt64(at, true));
  if (n < 0 || n * w > bytes) bad(path, 'truncated kdb+ data file');
  if (attr > 1) return n;
  if (bytes % w) bad(path, 'truncated kdb+ data file');
  return bytes / w;
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
  if (logCount(b) === null) throw new QError('badtail');
  return readChunks(b, 8, max, f, opts);
}
/** The chunks of a log from byte p on (see logReplay). */
function readChunks(b: Uint8Array, p: number, max: number, f: (x: Q) => void, opts: DeserializeOptions): { chunks: number; end: number; bad: boolean } {
  let k = 0;
  while (p < b.length && k < max) {
    let r: { value: Q; end: number };
    try { r = readObject(b, p, opts); } catch { return { chunks: k, end: p, bad: true }; }
    f(r.value);
    p = r.end; k++;
  }
  return { chunks: k, end: p, bad: false };
}

// 1: File Binary: read fixed-width binary records into columns, and write raw bytes (ref/file-binary).
import { T, typeOfChar } from '../value/types.js';
import { Q, Atom, Vec, List, count, items, list, vec, symVec } from '../value/value.js';
import { QError, osError } from '../value/error.js';
import { alloc, WIDTH } from '../value/storage.js';
import { serialize } from '../ipc/serialize.js';
import { files, pathOf, hsym, readPart } from './files.js';
import { writeBytes, writeAnymap, zipArgs, Zip } from './disk.js';

/** The bytes y names: a file (all of it, or (file;offset;length)), a string or a byte vector. */
function source(y: Q): Uint8Array {
  if (y.t === T.Byte || y.t === T.Char) return (y as Vec).d as Uint8Array;
  if (y.t === -T.Sym) { const p = pathOf(y), b = files().read(p); if (!b) throw osError(p); return b; }
  if (y.t === T.List && count(y) === 3) {
    const [f, o, n] = (y as List).d, p = pathOf(f), off = Number((o as Atom).v), len = Number((n as Atom).v);
    if (!(off >= 0 && len >= 0)) throw new QError('domain');
    return readPart(p, off, len);
  }
  throw new QError('type');
}

/** (types;widths) 1: y reads records of fields laid side by side, little-endian; (widths;types) reads
 *  them big-endian. A blank type skips its field; s and * take the field's text (a symbol, a string). */
function readBinary(x: List, y: Q): Q {
  const [a, b] = x.d;
  const bigEndian = a.t === T.Long || a.t === T.Int || a.t === -T.Long || a.t === -T.Int;
  const typesQ = bigEndian ? b : a, widthsQ = bigEndian ? a : b;
  const types = typesQ.t === -T.Char ? [String.fromCharCode((typesQ as Atom).v)] : Array.from((typesQ as Vec).d as Uint8Array, c => String.fromCharCode(c));
  const widths = widthsQ.t < 0 ? [Number((widthsQ as Atom).v)] : items(widthsQ).map(w => Number((w as Atom).v));
  if (types.length !== widths.length) throw new QError('length');
  const bytes = source(y), rec = widths.reduce((s, w) => s + w, 0);
  if (!(rec > 0)) throw new QError('domain');
  const n = Math.floor(bytes.length / rec), dec = new TextDecoder();
  const cols: Q[] = [];
  let at = 0;
  types.forEach((c, j) => {
    const w = widths[j], off = at;
    at += w;
    if (c === ' ') return;
    if (c === '*' || c === 's') {
      const texts = Array.from({ length: n }, (_, i) => bytes.subarray(i * rec + off, i * rec + off + w));
      // a symbol drops the padding after its name
      cols.push(c === 's' ? symVec(texts.map(t => dec.decode(t).replace(/[\0 ]+$/, ''))) : list(texts.map(t => ({ t: T.Char, d: t.slice(), a: 0 } as Vec))));
      return;
    }
    const t = typeOfChar(c);
    if (t <= 0 || t === T.Sym) throw new QError(c);
    const size = t === T.Guid ? 16 : WIDTH[t];
    if (w < size) throw new QError('length');
    const d = alloc(t, n) as any, raw = new Uint8Array(size), r = new DataView(raw.buffer);
    for (let i = 0; i < n; i++) {
      const p = i * rec + off;
      // a wider field holds the value in its first bytes (its last, big-endian)
      const from = bigEndian ? p + w - size : p;
      if (t === T.Guid) { (d as Uint8Array).set(bytes.subarray(from, from + 16), 16 * i); continue; }
      for (let k = 0; k < size; k++) raw[k] = bytes[from + (bigEndian ? size - 1 - k : k)];
      d[i] = size === 1 ? raw[0] : size === 2 ? r.getInt16(0, true) : size === 8 ? (t === T.Float || t === T.Datetime ? r.getFloat64(0, true) : r.getBigInt64(0, true))
        : t === T.Real ? r.getFloat32(0, true) : r.getInt32(0, true);
    }
    cols.push(vec(t, d));
  });
  return list(cols);
}

/** The raw bytes of a simple vector or atom, as kdb+ lays its items out. */
function rawBytes(y: Q): Uint8Array {
  if (y.t > 0 && y.t < 20 && y.t !== T.Sym) return serialize(y).subarray(6);
  if (y.t < 0 && y.t > -20 && y.t !== -T.Sym) return serialize(y).subarray(1);
  // kdb+ writes tables, dictionaries and functions as an anymap whose top-level layout is not known here
  throw new QError('nyi: 1: of this type (use set)');
}

/** x 1: y: read records (x a (types;widths) pair), or write y's raw bytes to the file x names (with
 *  (file;lbs;alg;lvl), compressed). */
export function fileBinary(x: Q, y: Q): Q {
  // a general list is written as an anymap (ref/file-binary), in the layout set gives one: kdb+ reads it
  // back equal, though its `1:` keeps nested lists mapped where set's copies them
  const write = (p: string, zip: Zip) => y.t === T.List ? writeAnymap(p, y as List, zip) : writeBytes(p, rawBytes(y), zip);
  // (a file named without its colon too, as 0: writes one)
  if (x.t === -T.Sym) { write(pathOf(hsym(x)), null); return x; }
  if (x.t === T.List && count(x) === 4 && (x as List).d[0].t === -T.Sym) {
    const [f, ...z] = (x as List).d;
    const zip = zipArgs(list(z));
    if (!zip) throw new QError('type');
    write(pathOf(f), zip);
    return f;
  }
  if (x.t === T.List && count(x) === 2) return readBinary(x as List, y);
  throw new QError('type');
}

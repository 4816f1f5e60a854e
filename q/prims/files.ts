// Text and files: 0: (prepare, save, load CSV, load fixed, key-value pairs), read0 read1 hsym hcount
// hdel, key on a directory, save and load with .csv/.txt. The host lends the file system (hooks.files).
import { T } from '../value/types.js';
import { Q, Atom, Vec, List, Dict, Table, Attr, count, item, items, fromItems, list, vec, table, str, sym, symVec, text, long, isKeyed } from '../value/value.js';
import { QError, osError } from '../value/error.js';
import { symName, perSymbol } from '../value/sym.js';
import { hooks } from './hooks.js';
import { PRIMS } from './registry.js';
import { itemText, writeFloat } from '../format/text.js';
import { unkey } from './list.js';
import { deenum } from '../value/enums.js';
import { tok } from './conv.js';
import { Source, loadDelimited, loadFixed, loadRecord, memorySource } from './csv.js';
import { saveBinary, readHandle } from './disk.js';
import { cutBytes, joinBytes, stringBytes, NL } from './strings.js';
import { zipInfo, unzipped, isZipped, unzipRange, unzippedLength } from './kfile.js';
import { nameBytes, nameCmp } from '../value/utf8.js';
import { Bytes, dayBytes } from '../format/bytes.js';
import { halves, specialHalves } from '../value/storage.js';

/** The host's file system; 'nyi where the host has none. */
export const files = () => { const f = hooks.files(); if (!f) throw new QError('nyi'); return hooks.readOnly() ? readOnly(f) : f; };
type Files = NonNullable<ReturnType<typeof hooks.files>>;
/** The files as reval lends them: reading works, and anything that writes is refused ('access). */
const readOnlyOf = new WeakMap<Files, Files>();
function readOnly(f: Files): Files {
  let r = readOnlyOf.get(f);
  const deny = (): never => { throw new QError('access'); };
  if (!r) readOnlyOf.set(f, r = { read: p => f.read(p), list: p => f.list(p), size: p => f.size(p), readAt: f.readAt && ((p, o, n, i) => f.readAt!(p, o, n, i)), write: deny, remove: deny });
  return r;
}
/** The path of a file symbol `:dir/file (or a string). */
export function pathOf(x: Q): string {
  const s = x.t === -T.Sym ? (x as Atom).v as string : x.t === T.Char ? text(x) : (() => { throw new QError('type'); })();
  if (!s.startsWith(':')) throw new QError('type');
  return s.slice(1);
}

export const hsym = (x: Q): Q => {
  if (x.t === -T.Sym) { const s = (x as Atom).v as string; return sym(s.startsWith(':') ? s : ':' + s); }
  if (x.t === T.Sym) return symVec(Array.from((x as Vec).d as Int32Array, id => { const s = symName(id); return s.startsWith(':') ? s : ':' + s; }));
  if (x.t === T.Char) return sym(':' + text(x));
  throw new QError('type');
};

function readBytes(p: string): Uint8Array {
  const b = files().read(p);
  if (!b) throw osError(p);
  return b;
}
/** Up to len bytes of file p from off, reading only them where the host can. */
export function readPart(p: string, off: number, len: number): Uint8Array {
  const f = files(), b = f.readAt ? f.readAt(p, off, len) : f.read(p)?.subarray(off, off + len);
  if (!b) throw osError(p);
  return b;
}
/** Lines of a file's bytes, as they are (a trailing newline ends the last line; \r\n is one line end). */
function lines(b: Uint8Array): Uint8Array[] {
  const l = cutBytes(b, NL);
  if (l.length && l[l.length - 1].length === 0) l.pop();
  return l.map(x => x.length && x[x.length - 1] === 13 ? x.subarray(0, x.length - 1) : x);
}

export const read0 = (x: Q): Q => {
  // read0 0: a line from the console (handle 0, standard input)
  if ((x.t === -T.Int || x.t === -T.Long || x.t === -T.Short) && Number((x as Atom).v) === 0) {
    const read = hooks.readLine();
    if (!read) throw new QError('nyi');
    return str(read());
  }
  // read0 (h;n) of a fifo handle: its next bytes as text (ref/read0)
  const b = fromHandle(x);
  if (b) return vec(T.Char, b.slice());
  return list(lines(fileBytes(asFile(x))).map(l => vec(T.Char, l)));
};
export const read1 = (x: Q): Q => vec(T.Byte, (fromHandle(x) ?? fileBytes(asFile(x))).slice());
/** A symbol names a file here with or without its colon (wp/multi-thread: read0 `$"/tmp/f"). */
const asFile = (x: Q): Q => x.t === -T.Sym && !((x as Atom).v as string).startsWith(':') ? hsym(x) : x;
/** The path a file symbol names, given with or without its colon. */
export const filePath = (x: Q): string => pathOf(asFile(x));
/** The next bytes of a fifo handle, for h or (h;n); null when x is not one. */
function fromHandle(x: Q): Uint8Array | null {
  const isInt = (a: Q | undefined) => !!a && (a.t === -T.Int || a.t === -T.Long || a.t === -T.Short);
  if (isInt(x)) return readHandle(Number((x as Atom).v));
  if (x.t === T.List && count(x) === 2 && isInt((x as List).d[0]) && isInt((x as List).d[1])) return readHandle(Number(((x as List).d[0] as Atom).v), Number(((x as List).d[1] as Atom).v));
  if ((x.t === T.Int || x.t === T.Long) && count(x) === 2) { const [h, n] = items(x).map(a => Number((a as Atom).v)); return readHandle(h, n); }
  return null;
}
/** hcount: a file's length; a compressed file's uncompressed length, as kdb+ gives it. */
export const hcount = (x: Q): Q => {
  const p = pathOf(x), n = files().size(p);
  if (n === null) throw osError(p);
  const z = zipInfo((off, len) => readPart(p, off, len), n);
  return long(z ? z.ulen : n);
};
export const hdel = (x: Q): Q => { if (!files().remove(pathOf(x))) throw new QError(pathOf(x) + ': No such file or directory'); return x; };
/** key `:dir — the entries of a directory, sorted by their bytes (ref/key: "sorted ascending"), and
 *  marked so: kdb+ 4 shows `s#,`trade (ref/dotq's .Q.lo example, KX course notebooks); none is `symbol$(). */
export function dirKey(path: string): Q {
  const l = files().list(path);
  if (l === null) { const b = files().size(path); return b === null ? list([]) : sym(':' + path); }
  const v = symVec(l.sort(nameCmp)) as Vec;
  return l.length ? { ...v, a: Attr.S } : v;
}

// ---- 0: -------------------------------------------------------------------------------------------

/** The text of one cell for prepare text; temporals in ISO 8601 form, as kdb+ writes them. */
function cellOut(x: Q, delim: string): string {
  if (x.t === -T.Enum) x = deenum(x);
  let s: string;
  if (x.t === T.Char || x.t === -T.Char) s = text(x);
  else if (x.t === -T.Sym) s = (x as Atom).v;
  else if (x.t < 0) {
    const t = -x.t, v = (x as Atom).v;
    // floats to \P digits, as kdb+ writes text files (basics/syscmds \P)
    s = itemText(t, v, hooks.precision());
    if (s.charCodeAt(0) === 48 && (s[1] === 'N' || s[1] === 'n')) s = '';
    else if (t === T.Date || t === T.Timestamp || t === T.Datetime || t === T.Month) s = iso(s);
  } else throw new QError('type');
  return quoted(s, delim);
}
/** A date's console text (yyyy.mm.dd…, or yyyy.mm) with ISO 8601's dashes. */
const iso = (s: string) => s.length >= 7 && s[4] === '.' ? s.slice(0, 4) + '-' + s.slice(5, 7) + (s[7] === '.' ? '-' + s.slice(8) : s.slice(7)) : s;
/** A cell's text, quoted (quotes doubled) when it holds the delimiter or a newline. */
const quoted = (s: string, delim: string) => s.includes(delim) || s.includes('\n') ? '"' + s.replace(/"/g, '""') + '"' : s;

/** Row r's cell of column c as cellOut gives it, read from the column's storage without an atom per
 *  cell; a run of equal values (a sorted date column) is formatted once. */
function cellsOf(c: Q, delim: string): (r: number) => string {
  if (c.t === T.Enum) c = deenum(c);
  if (c.t === T.Sym) { const d = (c as Vec).d as Int32Array; return r => quoted(symName(d[r]), delim); }
  if (c.t > 0 && c.t < T.Enum && c.t !== T.Guid) {
    const t = -c.t, d = (c as Vec).d as ArrayLike<unknown>;
    let last: unknown, lastText = '';
    return r => { const v = d[r]; if (r === 0 || v !== last) { last = v; lastText = cellOut({ t, v } as Atom, delim); } return lastText; };
  }
  return r => cellOut(item(c, r), delim);
}

/** Row r's cell of column c written as bytes: symbols from a cache of their encodings, longs and ints
 *  digit by digit, the rest through cellsOf's text. */
function cellWriter(c: Q, delim: string): (r: number, out: Bytes) => void {
  if (c.t === T.Enum) c = deenum(c);
  if (c.t === T.Sym) {
    const d = (c as Vec).d as Int32Array, bytes = perSymbol(id => nameBytes(quoted(symName(id), delim)), d.length);
    return (r, out) => out.bytes(bytes(d[r]));
  }
  if (c.t === T.Long || c.t === T.Int) {
    const long = c.t === T.Long, d = (c as Vec).d, w = long ? new Int32Array(d.buffer, d.byteOffset, 2 * d.length) : d as Int32Array;
    const text = cellsOf(c, delim);
    return (r, out) => {
      // a value a 32-bit int holds, not null: its digits; anything else (nulls, big longs) as text
      const lo = long ? w[2 * r] : w[r], hi = long ? w[2 * r + 1] : lo < 0 ? -1 : 0;
      if (lo !== -2147483648 && ((hi === 0 && lo >= 0) || (hi === -1 && lo < 0))) out.ascii(String(lo)); else out.ascii(text(r));
    };
  }
  // a delimiter that a number's or a time's own text may hold (".", ":", "-", digits) needs the quoting
  // the general way gives; otherwise floats and times are written straight from their storage
  const bare = !/[0-9.:+\-ewn]/.test(delim);
  if (c.t === T.Float && bare) {
    // nulls empty, infinities 0w
    const d = (c as Vec).d as Float64Array, P = hooks.precision();
    return (r, out) => { const v = d[r]; if (v === v) writeFloat(out, v, P); };
  }
  if (c.t === T.Time && bare) {
    // a time of day digit by digit; a null is empty, and a negative or a 100-hour time goes through its text
    const d = (c as Vec).d as Int32Array, text = cellsOf(c, delim);
    return (r, out) => {
      const v = d[r];
      if (v < 0 || v >= 360000000) { if (v !== -2147483648) out.ascii(text(r)); return; }
      out.digits(Math.floor(v / 3600000), 2); out.byte(58); out.digits(Math.floor(v / 60000) % 60, 2); out.byte(58);
      out.digits(Math.floor(v / 1000) % 60, 2); out.byte(46); out.digits(v % 1000, 3);
    };
  }
  if ((c.t === T.Timespan || c.t === T.Timestamp) && bare) {
    // from the halves of the storage (Bytes.ns), a timestamp's date once a day, as a date column's;
    // nulls, infinities and negative timespans through their text
    const w = halves((c as Vec).d as BigInt64Array), text = cellsOf(c, delim);
    const date = c.t === T.Timestamp ? dayBytes(day => iso(itemText(T.Date, day, 0))) : null;
    return (r, out) => {
      const hi = w[2 * r + 1], lo = w[2 * r];
      if (specialHalves(hi, lo) || !date && hi < 0) out.ascii(text(r)); else out.ns(hi, lo, date);
    };
  }
  if (c.t === T.Char) {
    // one text a byte value
    const d = (c as Vec).d as Uint8Array, text = cellsOf(c, delim), memo = new Array<Uint8Array | undefined>(256);
    return (r, out) => out.bytes(memo[d[r]] ??= nameBytes(text(r)));
  }
  if (c.t === T.Date || c.t === T.Month || c.t === T.Minute || c.t === T.Second) {
    // few distinct values as a rule (dates of a day's trades): each one's bytes made once
    const d = (c as Vec).d as Int32Array, text = cellsOf(c, delim);
    let seen = new Map<number, Uint8Array>();
    return (r, out) => {
      let b = seen.get(d[r]);
      if (!b) { if (seen.size > 65536) seen = new Map(); seen.set(d[r], b = nameBytes(text(r))); }
      out.bytes(b);
    };
  }
  const text = cellsOf(c, delim);
  return (r, out) => { const s = text(r); if (/^[\x00-\x7f]*$/.test(s)) out.ascii(s); else out.bytes(nameBytes(s)); };
}
/** delimiter 0: t as bytes: the header and a line a row, each line ended by a newline; and where each
 *  line ends (a quoted cell may hold a newline of its own). */
function prepareBytes(delim: string, t: Table): { b: Uint8Array; ends: Int32Array } {
  const ws = t.d.map(c => cellWriter(c, delim)), n = count(t), out = new Bytes(), dc = delim.charCodeAt(0), ends = new Int32Array(n + 1);
  out.bytes(nameBytes(t.c.join(delim)));
  ends[0] = out.n; out.byte(10);
  for (let r = 0; r < n; r++) {
    // after a sample of rows the buffer is sized for the rest at once: growing it by doubling copies
    // (and, on first touch, pages in) several times the text
    if (r === 256 && n > 1024) out.room(Math.ceil((out.n / 257) * (n - r) * 1.1));
    for (let j = 0; j < ws.length; j++) { if (j) out.byte(dc); ws[j](r, out); }
    ends[r + 1] = out.n; out.byte(10);
  }
  return { b: out.b.subarray(0, out.n), ends };
}
/** The lines prepareBytes wrote as strings, each a view of its part. */
function lineViews({ b, ends }: { b: Uint8Array; ends: Int32Array }): List {
  const out = new Array<Q>(ends.length);
  for (let i = 0, s = 0; i < ends.length; i++) { out[i] = vec(T.Char, b.subarray(s, ends[i])); s = ends[i] + 1; }
  return list(out);
}

/** Lines of text as a list of strings: one encoding for all of them when they are ASCII (TextEncoder
 *  per short line costs more than the formatting). */
function strings(lines: string[]): List {
  const all = lines.join('\n');
  if (!/^[\x00-\x7f]*$/.test(all)) return list(lines.map(l => str(l)));
  // one buffer, each line a view of its part (strings are never changed in place)
  const b = nameBytes(all);
  let o = 0;
  return list(lines.map(l => { const v = vec(T.Char, b.subarray(o, o + l.length)); o += l.length + 1; return v; }));
}

/** delimiter 0: t — a table (or a list of columns with names first) as delimited lines. */
function prepare(delim: string, x: Q): Q {
  // a one-character delimiter over a table: written as bytes, each line a view (no string a cell)
  const t = x.t === T.Table ? x as Table : isKeyed(x) ? unkey(x as Dict) : null;
  if (t && delim.length === 1) return lineViews(prepareBytes(delim, t));
  return strings(prepareLines(delim, x));
}
function prepareLines(delim: string, x: Q): string[] {
  let t: Table;
  if (x.t === T.Table) t = x as Table;
  else if (isKeyed(x)) t = unkey(x as Dict);
  else if (x.t === T.List) {
    // a list of columns (ref/file-text's "|" 0: (`a`b`c;1 2 3;"xyz")): of one length, each row a line
    const cols = (x as List).d, n = cols.length ? count(cols[0]) : 0;
    if (cols.some(c => count(c) !== n)) throw new QError('length');
    const cs = cols.map(c => cellsOf(c, delim));
    return Array.from({ length: n }, (_, r) => cs.map(f => f(r)).join(delim));
  }
  else throw new QError('type');
  const cs = t.d.map(c => cellsOf(c, delim)), n = count(t), out = new Array<string>(n + 1);
  out[0] = t.c.join(delim);
  for (let r = 0; r < n; r++) { let l = cs[0](r); for (let j = 1; j < cs.length; j++) l += delim + cs[j](r); out[r + 1] = l; }
  return out;
}


/** Is file p (of size bytes) compressed? Its first 8 bytes tell (kxzipped). */
const zipped = (p: string, size: number): boolean => size >= 8 && isZipped(readPart(p, 0, 8));
/** The bytes of a file or of (file;offset[;length]): a compressed file's as they are uncompressed. */
const fileBytes = (x: Q): Uint8Array => { if (x.t !== -T.Sym && x.t !== T.List) throw new QError('type'); return source(x).all(); };

/** The bytes y names for Load CSV/Fixed and read0/read1: a file, (file;offset), (file;offset;length), or text. */
function source(y: Q): Source {
  if (y.t === -T.Sym) {
    const p = pathOf(y), size = files().size(p);
    if (size === null) throw osError(p);
    return zipped(p, size) ? memorySource(unzipped(readBytes(p), p), p) : fileSource(p, 0, size, true);
  }
  if (y.t === T.List && count(y) >= 2 && count(y) <= 3 && (y as List).d[0].t === -T.Sym) {
    // (a chunk of a long file: only its bytes are read)
    const [f, o, l] = (y as List).d, p = pathOf(f), off = Number((o as Atom).v);
    let size = files().size(p);
    if (size === null) throw osError(p);
    // a compressed file's offsets are those of the bytes it holds (read1, ref/read1)
    const z = zipped(p, size), part = (o: number, n: number) => readPart(p, o, n), csize = size;
    if (z) size = unzippedLength(part, csize, p);
    const len = l ? Number((l as Atom).v) : size - off;
    if (!(off >= 0 && len >= 0) || off > size) throw new QError('domain');
    return z ? memorySource(unzipRange(part, csize, p, off, len), p) : fileSource(p, off, Math.min(len, size - off), false);
  }
  if (y.t === T.Char) return memorySource(((y as Vec).d as Uint8Array).slice(), '');
  // lines in memory: their bytes copied, a newline after each (no text in between: decoding and encoding
  // 100,000 lines cost more than parsing them)
  if (y.t === T.List || (y.t === T.Char && count(y) === 0)) return memorySource(joinBytes(stringBytes(items(y)), NL, true), '');
  throw new QError('type');
}
/** len bytes of file p from byte base (all of it: whole): read at once when asked, or a part at a time
 *  into a given block. */
function fileSource(p: string, base: number, len: number, whole: boolean): Source {
  let bytes: Uint8Array | null = null;
  const all = () => bytes ??= whole ? readBytes(p) : readPart(p, base, len);
  return {
    name: p, size: len, all,
    read: (off, into) => {
      const k = Math.max(0, Math.min(into.length, len - off)), f = files();
      if (!f.readAt) { into.set(all().subarray(off, off + k)); return k; }
      const b = f.readAt(p, base + off, k, into);
      if (!b) throw osError(p);
      if (b.buffer !== into.buffer || b.byteOffset !== into.byteOffset) into.set(b);
      return b.length;
    },
  };
}

/** (types;delim) 0: y, (types;enlist delim) with a header line of column names, (types;delim;1) with newlines inside quotes. */
function loadCsv(spec: List, y: Q): Q {
  const [tq, dq, fq] = spec.d;
  // a file may be named without its colon here (ref/file-text: ("ISI";",") 0:`data.csv)
  y = asFile(y);
  const types = text(tq);
  if (dq.t === T.Int || dq.t === T.Long) return list(loadFixed(types, items(dq).map(w => Number((w as Atom).v)), source(y)));
  const header = dq.t === T.Char && count(dq) === 1;
  if (!header && dq.t !== -T.Char) throw new QError('type');
  const d = header ? ((dq as Vec).d as Uint8Array)[0] : (dq as Atom).v as number;
  if (!header && y.t === T.Char) return loadRecord(types, d, ((y as Vec).d as Uint8Array).slice());
  const embedded = fq !== undefined && Number((fq as Atom).v) === 1;
  const { names, cols } = loadDelimited(types, d, header, embedded, source(y));
  return names ? table(names, cols) : list(cols);
}

/** "S=;" 0: "a=1;b=2" — key-value pairs: keys as symbols, ints or longs; values as strings. A third
 * char "*" ("S=*;") lets quoted values hold the record separator. */
function keyValues(spec: string, src: Q): Q {
  const quoted = spec.length === 4 && spec[2] === '*';
  if (spec.length !== 3 && !quoted) throw new QError('length');
  const kt = { S: T.Sym, I: T.Int, J: T.Long }[spec[0]];
  // (basics/errors names it for the key types 0: reads, I J and S)
  if (!kt) throw new QError('IJS');
  const kv = spec[1], sep = spec[spec.length - 1], s = text(src), keys: string[] = [], vals: Q[] = [];
  let i = 0;
  while (i < s.length) {
    // separators before a pair are skipped: " byr:1937 iyr:2017" has keys byr and iyr (ianlester7's AoC
    // 2020 day 4 parses records joined with a space in front)
    while (s[i] === sep) i++;
    if (i >= s.length) break;
    let e = s.indexOf(kv, i);
    if (e < 0) break;
    const k = s.slice(i, e);
    let v = '';
    e++;
    if (quoted && s[e] === '"') {
      const close = s.indexOf('"', e + 1);
      v = s.slice(e + 1, close < 0 ? s.length : close);
      e = close < 0 ? s.length : close + 1;
      const n = s.indexOf(sep, e);
      i = n < 0 ? s.length : n + 1;
    } else {
      const n = s.indexOf(sep, e);
      v = s.slice(e, n < 0 ? s.length : n);
      i = n < 0 ? s.length : n + 1;
    }
    keys.push(k); vals.push(str(v));
  }
  const kq = kt === T.Sym ? symVec(keys) : tok(kt, list(keys.map(k => str(k))));
  return list([kq, list(vals)]);
}

/** The 0: operator. */
export function fileText(x: Q, y: Q): Q {
  if (x.t === -T.Sym) {
    // save text: each string a line (to a file named without its colon too: funq's plot.q writes
    // `mandel.pbm 0: …)
    files().write(pathOf(hsym(x)), joinBytes(stringBytes(items(y)), NL, true), false);
    return x;
  }
  if (x.t === -T.Char) return prepare(String.fromCharCode((x as Atom).v), y);
  // ("J";",") is the string "J,": one type char and its delimiter
  if (x.t === T.Char && count(x) === 2) { const [t, d] = ((x as Vec).d as Uint8Array); return loadCsv(list([{ t: -T.Char, v: t } as Atom, { t: -T.Char, v: d } as Atom]), y); }
  if (x.t === T.Char && y.t === T.Char) return keyValues(text(x), y);
  if (x.t === T.List && (count(x) === 2 || count(x) === 3)) return loadCsv(x as List, y);
  throw new QError('type');
}

/** save `:t.csv (or .txt, .xls, .xml, .json) writes the global t as text; without a suffix, a kdb+ data file (`:t/ splayed). */
export function save(x: Q): Q {
  // save `a`b saves each
  if (x.t === T.Sym) return fromItems(items(x).map(save));
  const p = pathOf(hsym(x)), m = /([^/]+?)(\.(csv|txt|xls|xml|json))?\/?$/.exec(p);
  if (!m) throw new QError('type');
  const name = m[1];
  if (!m[3]) return saveBinary(p, name);
  const t = hooks.getGlobal(name);
  // .json: a line of JSON for each row (or item), as .h.tx's json writes them
  if (m[3] === 'json') {
    const rows = isKeyed(t) ? unkey(t as Dict) : t;
    const ls = items(rows).map(r => text(PRIMS['.j.j'].m!(r)) + '\n').join('');
    files().write(p, nameBytes(ls), false);
    return hsym(x);
  }
  // straight to the file's bytes: no string a line
  const tt = t.t === T.Table ? t as Table : isKeyed(t) ? unkey(t as Dict) : null;
  // a list of columns is its rows, without a header line (kb/programming-idioms: save `:t.csv of trade cols trade)
  if (!tt && (m[3] === 'csv' || m[3] === 'txt')) {
    const ls = items(prepare(m[3] === 'csv' ? ',' : '\t', t)).map(l => text(l) + '\n').join('');
    files().write(p, nameBytes(ls), false);
    return hsym(x);
  }
  if (!tt) throw new QError('type');
  // .xls is .h.ed's Excel workbook, .xml .h.xd's rows: their lines, as 0: writes them
  if (m[3] === 'xls' || m[3] === 'xml') {
    const ls = items(PRIMS[m[3] === 'xls' ? '.h.ed' : '.h.xd'].m!(tt)).map(l => text(l) + '\n').join('');
    files().write(p, nameBytes(ls), false);
    return hsym(x);
  }
  files().write(p, prepareBytes(m[3] === 'csv' ? ',' : '\t', tt).b, false);
  return hsym(x);
}
export { fromItems };

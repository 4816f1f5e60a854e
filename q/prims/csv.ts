// Load CSV and Load Fixed (the reading forms of 0:): fields are parsed straight from the bytes, one
// row after another, into column storage allocated once. No line or cell becomes a string unless the
// type asks for one (`*`) or the cell is unusual enough to need q's general scanner (tok).
import { T } from '../value/types.js';
import { Q, vec, list, str, item, nullOf } from '../value/value.js';
import { allocRaw, Items, fresh } from '../value/storage.js';
import { bytesName, nameBytes, trimBlanks } from '../value/utf8.js';
import { QError } from '../value/error.js';
import { intern, internBytes } from '../value/sym.js';
import { tok } from './conv.js';
import { CELL, CsvRows, wasmBlock, newlines } from '../kernels/csv.js';

/** Type chars of 0: and their type codes; ' ' skips a field and '*' keeps it as a string. */
const CODES: Record<string, number> = { B: T.Bool, G: T.Guid, X: T.Byte, H: T.Short, I: T.Int, J: T.Long, E: T.Real, F: T.Float, C: T.Char, S: T.Sym, P: T.Timestamp, M: T.Month, D: T.Date, Z: T.Datetime, N: T.Timespan, U: T.Minute, V: T.Second, T: T.Time };
const SKIP = -1, STRING = 0;

/** Bytes to load and the name that errors give (the file, or '' for text in memory). */
export interface Source {
  name: string;
  size: number;
  /** bytes from offset `off` into `into`, as many as fit; how many */
  read(off: number, into: Uint8Array): number;
  /** all the bytes at once */
  all(): Uint8Array;
}

/** The type code of each type char, SKIP for ' ', STRING for '*'; an unknown char is an error naming it. */
export function typeCodes(types: string): number[] {
  return Array.from(types, c => c === ' ' ? SKIP : c === '*' ? STRING : CODES[c.toUpperCase()] ?? (() => { throw new QError(`${c}: not a type char of 0:`); })());
}

/** A cell's text: its bytes kept, whatever their encoding (a Latin-1 file's strings stay its bytes). */
const cellText = (b: Uint8Array, s: number, e: number) => bytesName(b, s, e);

const where = (src: Source, line: number) => (src.name ? src.name + ':' : 'line ') + line;

/** Start and end (before \r\n or \n) of each record; with `embedded`, a newline inside quotes does not end one. */
function records(b: Uint8Array, embedded: boolean, keepBlankEnd = true): { st: Int32Array; en: Int32Array; n: number } {
  const len = b.length;
  let cap = 1024, st = new Int32Array(cap), en = new Int32Array(cap), n = 0, p = 0;
  while (p < len) {
    let e: number;
    if (embedded) { let q = false; e = p; while (e < len && (q || b[e] !== 10)) { if (b[e] === 34) q = !q; e++; } }
    else { e = b.indexOf(10, p); if (e < 0) e = len; }
    if (n === cap) { cap *= 2; const s2 = new Int32Array(cap), e2 = new Int32Array(cap); s2.set(st); e2.set(en); st = s2; en = e2; }
    st[n] = p; en[n] = e > p && b[e - 1] === 13 ? e - 1 : e; n++;
    p = e + 1;
  }
  // blank lines at the end of a file are no records (an editor's trailing newline); in a list of strings
  // each string is one, empty or not
  if (!keepBlankEnd) while (n > 0 && en[n - 1] === st[n - 1]) n--;
  return { st, en, n };
}

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** A float from bytes [s,e). Up to 15 significant digits with a small exponent the quotient of two
 * exact doubles is correctly rounded (Clinger's fast path). Up to 19 digits the digits are held exactly
 * as a double-double and scaled in double-double arithmetic, which decides the rounding except within
 * 2^-90 of a tie; those, and anything longer, take the host's own correctly rounded conversion.
 * Anything that is not plain decimal (0n, 0w, …) goes to q's scanner. */
export function float(b: Uint8Array, s: number, e: number): number {
  if (s === e) return NaN;
  let i = s, neg = false;
  if (b[i] === 45) { neg = true; i++; } else if (b[i] === 43) i++;
  // the significant digits: the first 15 in a, up to 4 more in lo (r of them), the rest counted in over
  let a = 0, lo = 0, r = 0, sig = 0, over = 0, digits = 0, scale = 0, c = 0;
  // (written out twice rather than as a closure: this is the hottest loop of a CSV load)
  while (i < e && (c = b[i] - 48) >= 0 && c <= 9) {
    digits++; i++;
    if (sig === 0 && c === 0) continue;
    if (sig < 15) a = a * 10 + c; else if (sig < 19) { lo = lo * 10 + c; r++; } else { over++; scale++; }
    sig++;
  }
  if (i < e && b[i] === 46) {
    i++;
    while (i < e && (c = b[i] - 48) >= 0 && c <= 9) {
      digits++; i++; scale--;
      if (sig === 0 && c === 0) continue;
      if (sig < 15) a = a * 10 + c; else if (sig < 19) { lo = lo * 10 + c; r++; } else { over++; scale++; }
      sig++;
    }
  }
  if (digits > 0 && i < e && (b[i] | 32) === 101) {
    i++;
    let eneg = false, x = 0, xd = 0;
    if (b[i] === 45) { eneg = true; i++; } else if (b[i] === 43) i++;
    while (i < e && (c = b[i] - 48) >= 0 && c <= 9) { if (x < 1e6) x = x * 10 + c; xd++; i++; }
    if (xd === 0) i = -1;
    scale += eneg ? -x : x;
  }
  if (i !== e || digits === 0) return slowFloat(b, s, e);
  let v: number;
  if (sig <= 15 && scale >= -22 && scale <= 22) v = scale < 0 ? a / POW10[-scale] : a * POW10[scale];
  else if (over === 0 && scale >= -22 && scale <= 22) { v = exact(a, lo, r, scale); if (v !== v) v = Number(cellText(b, s, e)); }
  else v = Number(cellText(b, s, e));
  return neg ? -v : v;
}

// Dekker's exact products, written out inline: x·y = p + its error, with x and y split into 26-bit halves
const SPLIT = 134217729; // 2^27 + 1
const f64 = new Float64Array(1), u32 = new Uint32Array(f64.buffer);
/** (a·10^r + lo)·10^scale correctly rounded, or NaN when too close to a tie to tell. */
function exact(a: number, lo: number, r: number, scale: number): number {
  // the integer of the digits as hi + lw exactly (it may pass 2^53): a·10^r = p + pe, then + lo
  const P = POW10[r];
  let t = SPLIT * a; const ah = t - (t - a), al = a - ah;
  t = SPLIT * P; const Ph = t - (t - P), Pl = P - Ph;
  const p = a * P, pe = ((ah * Ph - p) + ah * Pl + al * Ph) + al * Pl;
  const s1 = p + lo, bb = s1 - p, se = (p - (s1 - bb)) + (lo - bb);
  const hi = s1 + (se + pe), lw = (se + pe) - (hi - s1);
  const d = POW10[scale < 0 ? -scale : scale];
  t = SPLIT * d; const dh = t - (t - d), dl = d - dh;
  let q: number, rest: number;
  if (scale < 0) {
    const q1 = hi / d;
    t = SPLIT * q1; const qh = t - (t - q1), ql = q1 - qh;
    const m = q1 * d, me = ((qh * dh - m) + qh * dl + ql * dh) + ql * dl;
    const q2 = (((hi - m) - me) + lw) / d;
    q = q1 + q2; rest = q2 - (q - q1);
  } else {
    t = SPLIT * hi; const hh = t - (t - hi), hl = hi - hh;
    const m = hi * d, l = (((hh * dh - m) + hh * dl + hl * dh) + hl * dl) + lw * d;
    q = m + l; rest = l - (q - m);
  }
  // q is right unless the rest lies within the error bound of half an ulp of q
  f64[0] = q;
  const hw = u32[1], ex = (hw >>> 20) & 0x7ff;
  if (ex <= 54 || ex === 0x7ff || (u32[0] === 0 && (hw & 0xfffff) === 0)) return NaN;
  u32[1] = (ex - 53) << 20; u32[0] = 0;
  const half = f64[0], gap = Math.abs(rest) - half;
  return gap < -half * 1.5e-11 || gap > half * 1.5e-11 ? q : NaN;
}

const slowFloat = (b: Uint8Array, s: number, e: number): number => (tok(T.Float, str(cellText(b, s, e))) as { v: number }).v;

/** Days since 2000.01.01 of a civil date, or null when it is not a date. */
function days(y: number, m: number, d: number): number {
  if (m < 1 || m > 12 || d < 1 || d > (m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : 30 + ((m + (m >> 3)) & 1))) return nullOf(T.Date);
  const yy = m <= 2 ? y - 1 : y, era = Math.floor(yy / 400), yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 730425;
}
const dig = (b: Uint8Array, i: number) => { const c = b[i] - 48; return c >= 0 && c <= 9 ? c : -100000; };
/** A date from yyyy.mm.dd, yyyy-mm-dd or yyyymmdd; other forms go to q's scanner. */
function date(b: Uint8Array, s: number, e: number): number {
  const n = e - s;
  if (n === 10 && (b[s + 4] === 46 || b[s + 4] === 45 || b[s + 4] === 47) && b[s + 7] === b[s + 4]) {
    const y = dig(b, s) * 1000 + dig(b, s + 1) * 100 + dig(b, s + 2) * 10 + dig(b, s + 3), m = dig(b, s + 5) * 10 + dig(b, s + 6), d = dig(b, s + 8) * 10 + dig(b, s + 9);
    if (y >= 0 && m >= 0 && d >= 0) return days(y, m, d);
  } else if (n === 8) {
    const y = dig(b, s) * 1000 + dig(b, s + 1) * 100 + dig(b, s + 2) * 10 + dig(b, s + 3), m = dig(b, s + 4) * 10 + dig(b, s + 5), d = dig(b, s + 6) * 10 + dig(b, s + 7);
    if (y >= 0 && m >= 0 && d >= 0) return days(y, m, d);
  }
  return n === 0 ? nullOf(T.Date) : slow(T.Date, b, s, e);
}
const slow = (t: number, b: Uint8Array, s: number, e: number): any => (tok(t, str(cellText(b, s, e))) as { v: any }).v;

/** An integer of up to 15 digits, or NaN to ask q's scanner (0N, 0W, IP addresses, long digit runs). */
function integer(b: Uint8Array, s: number, e: number): number {
  let i = s, neg = false;
  if (b[i] === 45) { neg = true; i++; }
  if (i === e || e - i > 15) return NaN;
  let v = 0;
  for (; i < e; i++) { const c = b[i] - 48; if (c < 0 || c > 9) return NaN; v = v * 10 + c; }
  return neg ? -v : v;
}

/** One column under construction: its type and storage (a list for strings and 16-byte guids). */
interface Col { t: number; d: Items | null; strs: Q[] | null; w: Int32Array | null }

function makeCol(t: number, n: number): Col {
  if (t === STRING) return { t, d: null, strs: new Array(n), w: null };
  const d = allocRaw(t, n);
  return { t, d, strs: null, w: t === T.Long || t === T.Timestamp || t === T.Timespan ? new Int32Array(d.buffer, d.byteOffset, 2 * n) : null };
}

/** The symbol of the cell [s,e) of b, its leading and trailing blanks left out. */
function symCell(b: Uint8Array, s: number, e: number): number {
  while (s < e && b[s] === 32) s++;
  while (e > s && b[e - 1] === 32) e--;
  return internBytes(b, s, e);
}
/** Store the cell [s,e) of bytes b in row r of column c. */
function put(c: Col, r: number, b: Uint8Array, s: number, e: number) {
  const d = c.d as any;
  switch (c.t) {
    case T.Float: d[r] = float(b, s, e); return;
    case T.Real: d[r] = Math.fround(float(b, s, e)); return;
    // a cell's bytes become text only the first time the pool sees them
    // (without its blanks, as "S"$ takes them off: ref/tok, kb/loading-from-large-files' " AMD")
    case T.Sym: d[r] = symCell(b, s, e); return;
    case T.Date: d[r] = date(b, s, e); return;
    case T.Long: {
      const v = integer(b, s, e), w = c.w!;
      if (v === v) { w[2 * r] = v >>> 0; w[2 * r + 1] = Math.floor(v / 4294967296) | 0; }
      else d[r] = s === e ? nullOf(T.Long) : slow(T.Long, b, s, e);
      return;
    }
    case T.Int: case T.Short: {
      const v = integer(b, s, e), lim = c.t === T.Int ? 2147483647 : 32767;
      d[r] = v === v && v <= lim && v >= -lim ? v : s === e ? nullOf(c.t) : slow(c.t, b, s, e);
      return;
    }
    case T.Bool: { const ch = b[s] | 32; d[r] = s < e && (ch === 49 || ch === 116 || ch === 121) ? 1 : 0; return; }
    case T.Char: d[r] = s < e ? b[s] : 32; return;
    case STRING: { const d = fresh(Uint8Array, e - s); d.set(b.subarray(s, e)); c.strs![r] = vec(T.Char, d); return; }
    case T.Guid: d.set(s === e ? new Uint8Array(16) : slow(T.Guid, b, s, e), 16 * r); return;
    case T.Timestamp: case T.Timespan: d[r] = s === e ? nullOf(c.t) : slow(c.t, b, s, e); return;
    default: d[r] = s === e ? nullOf(c.t) : slow(c.t, b, s, e);
  }
}
/** A quoted cell's text ("" is one quote) put through the same parsers. */
function putText(c: Col, r: number, s: string) {
  if (c.t === T.Sym) (c.d as Int32Array)[r] = intern(trimBlanks(s));
  else if (c.t === STRING) c.strs![r] = str(s);
  else { const b = nameBytes(s); put(c, r, b, 0, b.length); }
}

const finish = (c: Col): Q => c.t === STRING ? list(c.strs!) : vec(c.t, c.d!);

/** Split one record into field texts (header lines and the odd quoted record). */
export function fields(b: Uint8Array, s: number, e: number, d: number): string[] {
  const out: string[] = [];
  let cur = '', q = false, p = s;
  for (let i = s; i < e; i++) {
    const c = b[i];
    if (q) { if (c === 34) { if (b[i + 1] === 34) { cur += cellText(b, p, i + 1); p = i + 2; i++; } else { cur += cellText(b, p, i); p = i + 1; q = false; } } }
    else if (c === 34 && p === i && cur === '') { q = true; p = i + 1; }
    else if (c === d) { out.push(cur + cellText(b, p, i)); cur = ''; p = i + 1; }
  }
  out.push(cur + cellText(b, p, e));
  return out;
}

/** The header line's column names, one per type char that is not a skip. */
function headerNames(b: Uint8Array, s: number, e: number, delim: number, codes: number[], src: Source): string[] {
  const hs = fields(b, s, e, delim);
  if (hs.length < codes.length) throw new QError(`${where(src, 1)}: header has ${hs.length} fields, the types ask for ${codes.length}`);
  return hs.slice(0, codes.length).filter((_, j) => codes[j] !== SKIP).map(s => s.trim());
}

/** A parser of one record [s0,e) of b into row r of cols, whose errors name its line. */
function rowParser(b: Uint8Array, delim: number, cols: (Col | null)[], src: Source) {
  const m = cols.length;
  return (r: number, s0: number, e: number, line: number) => {
    let p = s0, j = 0;
    for (; j < m; j++) {
      if (p > e) break;
      const c = cols[j];
      if (b[p] === 34) {
        // a quoted field: take it apart the slow way and go on after its closing quote
        let i = p + 1, txt = '', from = i;
        for (;;) {
          if (i >= e) { txt += cellText(b, from, e); break; }
          if (b[i] === 34) { if (b[i + 1] === 34) { txt += cellText(b, from, i + 1); i += 2; from = i; continue; } txt += cellText(b, from, i); i++; break; }
          i++;
        }
        while (i < e && b[i] !== delim) i++;
        if (c) putText(c, r, txt);
        p = i + 1;
        continue;
      }
      let q = p;
      while (q < e && b[q] !== delim) q++;
      if (c) put(c, r, b, p, q);
      p = q + 1;
    }
    // a record with fewer fields than the types has nulls for the rest, as kdb+ loads it (AoC's day 10 of
    // 2022 reads "noop" and "addx 3" with ("SJ";" ")0:)
    for (; j < m; j++) { const c = cols[j]; if (c) put(c, r, b, e, e); }
  };
}

/** Delimited records as columns, with the header's names when there is one. */
export function loadDelimited(types: string, delim: number, header: boolean, embedded: boolean, src: Source): { names: string[] | null; cols: Q[] } {
  const codes = typeCodes(types);
  const fast = embedded ? null : kernelLoad(codes, delim, header, src);
  if (fast) return fast;
  const b = src.all();
  const { st, en, n: all } = records(b, embedded, !src.name);
  let first = 0, names: string[] | null = null;
  if (header) {
    if (all === 0) throw new QError(`${src.name || 'text'}: no header line`);
    names = headerNames(b, st[0], en[0], delim, codes, src);
    first = 1;
  }
  const n = all - first;
  const cols = codes.map(t => t === SKIP ? null : makeCol(t, n)), row = rowParser(b, delim, cols, src);
  for (let r = 0; r < n; r++) row(r, st[r + first], en[r + first], r + first + 1);
  return { names, cols: cols.filter(c => c !== null).map(c => finish(c!)) };
}

/** Text goes to the kernel this many bytes at a time (a record longer than that gets a bigger chunk). */
const CHUNK = 1 << 23;
/** Below this many bytes a load is quick anyway, and its columns would not all sit in vector memory. */
const KERNEL_BYTES = 1 << 19;

/** Load CSV through the kernel (assembly/csv.ts) when every type is one it parses. The text is read a
 *  chunk at a time into one recycled block, twice: once to count the records (so that each column is
 *  allocated once, at its size), once to parse them. The kernel parses the plain records; the odd ones
 *  come back to rowParser. Null when the kernel cannot take the load. */
function kernelLoad(codes: number[], delim: number, header: boolean, src: Source): { names: string[] | null; cols: Q[] } | null {
  const cells = codes.map(t => t === SKIP ? 0 : CELL[t]);
  if (cells.some(c => c === undefined) || src.size < KERNEL_BYTES) return null;
  let buf = wasmBlock(T.Byte, Math.min(CHUNK, src.size)) as Uint8Array | null;
  if (!buf) return null;
  // blank lines at the end of a file are no records: its text is taken to its last record, without the
  // newlines (a list of strings keeps every string as a record)
  let size = src.size;
  if (src.name) {
    const tail = new Uint8Array(Math.min(256, src.size));
    src.read(src.size - tail.length, tail);
    let t = tail.length;
    while (t > 0 && (tail[t - 1] === 10 || tail[t - 1] === 13)) t--;
    if (t === 0) return null;
    size = src.size - tail.length + t;
  }
  // the header line, and the records after it: newlines, and one more when the text does not end in one
  let from = 0, names: string[] | null = null, lines = 0, last = 0;
  for (let off = 0; off < size;) {
    const k = Math.min(src.read(off, buf), size - off);
    if (k <= 0) throw new QError(`${src.name}: shorter than its size`);
    const b = buf.subarray(0, k);
    if (off === 0 && header) {
      const nl = b.indexOf(10);
      if (nl < 0) return null; // a header line longer than a chunk: the plain path copes
      names = headerNames(b, 0, nl > 0 && b[nl - 1] === 13 ? nl - 1 : nl, delim, codes, src);
      from = nl + 1;
    }
    lines += newlines(b); last = b[k - 1]; off += k;
  }
  const n = lines + (last === 10 ? 0 : 1) - (header ? 1 : 0);
  const cols = codes.map(t => t === SKIP ? null : makeCol(t, n));
  const kernel = CsvRows.make(cells as number[], cols.map(c => c?.d ?? null), n);
  if (!kernel) return null;
  const ids: number[] = [], first = header ? 1 : 0;
  // each chunk: the kernel parses its whole records; the rest of the last one starts the next chunk
  for (let off = 0, keep = 0; off + keep < size;) {
    const k = Math.min(src.read(off + keep, buf.subarray(keep)), size - off - keep);
    if (k <= 0) throw new QError(`${src.name}: shorter than its size`);
    const len = keep + k, end = off + len >= size ? len : buf.lastIndexOf(10, len - 1) + 1;
    if (end === 0) { const wider = wasmBlock(T.Byte, 2 * buf.length) as Uint8Array; if (!wider) throw new RangeError('wsfull'); wider.set(buf.subarray(0, len)); buf = wider; keep = len; continue; }
    const b = buf.subarray(0, end), r0 = kernel.row, odd = kernel.rows(b, from, delim);
    // symbols new in this chunk become q symbols; the chunk's symbol cells turn from entries into them
    for (let j = ids.length; j < kernel.used; j++) { const at = kernel.ents[3 * j + 1]; ids.push(symCell(kernel.store, at, at + kernel.ents[3 * j + 2])); }
    for (const c of cols) if (c && c.t === T.Sym) { const d = c.d as Int32Array; for (let r = r0; r < kernel.row; r++) d[r] = ids[d[r]]; }
    if (odd.length) {
      const row = rowParser(b, delim, cols, src);
      for (let j = 0; j < odd.length; j += 3) row(odd[j], odd[j + 1], odd[j + 2], odd[j] + first + 1);
    }
    buf.copyWithin(0, end, len);
    off += end; keep = len - end; from = 0;
  }
  if (kernel.row !== n) throw new QError(`${src.name || 'text'}: changed while it was loaded`);
  return { names, cols: cols.filter(c => c !== null).map(c => finish(c!)) };
}

/** Fixed-width records: each line (or, with no newlines, each run of sum(widths) bytes) cut by widths. */
export function loadFixed(types: string, widths: number[], src: Source): Q[] {
  const codes = typeCodes(types), b = src.all();
  if (codes.length !== widths.length) throw new QError('length');
  const size = widths.reduce((a, w) => a + w, 0);
  let st: Int32Array, en: Int32Array, n: number;
  if (b.indexOf(10) < 0 && b.length > 0) { n = Math.floor(b.length / size); st = Int32Array.from({ length: n }, (_, r) => r * size); en = st.map(x => x + size); }
  else ({ st, en, n } = records(b, false));
  const cols = codes.map(t => t === SKIP ? null : makeCol(t, n));
  for (let r = 0; r < n; r++) {
    let p = st[r];
    for (let j = 0; j < widths.length; j++) {
      let s = p, e = p + widths[j];
      p = e;
      const c = cols[j];
      if (!c) continue;
      // a short record leaves its last fields short or empty
      if (e > en[r]) e = en[r];
      if (s > e) s = e;
      if (c.t !== STRING && c.t !== T.Char) { while (s < e && b[s] === 32) s++; while (e > s && b[e - 1] === 32) e--; }
      put(c, r, b, s, e);
    }
  }
  return cols.filter(c => c !== null).map(c => finish(c!));
}

/** One record with an atom delimiter: a list of atoms, one per type char. */
export function loadRecord(types: string, delim: number, b: Uint8Array): Q {
  const { cols } = loadDelimited(types, delim, false, false, memorySource(b, ''));
  return list(cols.map(c => item(c, 0)));
}

/** Bytes already in memory as a Source. */
export function memorySource(b: Uint8Array, name: string): Source {
  return { name, size: b.length, all: () => b, read: (off, into) => { const k = Math.max(0, Math.min(into.length, b.length - off)); into.set(b.subarray(off, off + k)); return k; } };
}

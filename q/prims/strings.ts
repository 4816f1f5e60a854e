// Strings: string like ss ssr sv vs upper lower trim ltrim rtrim. q strings are char vectors (bytes);
// patterns (like, ss, ssr) use q's ? * [abc] [^a] [a-z], translated once to a RegExp.
import { deenum } from '../value/enums.js';
import { T } from '../value/types.js';
import { fresh, halves, specialHalves, longAt } from '../value/storage.js';
import { Q, Vec, List, Dict, Table, Atom, count, item, items, fromItems, list, vec, dict, table, str, text, sym, symVec, long, longVec, boolVec, isFn, isNullV } from '../value/value.js';
import { QError } from '../value/error.js';
import { symName, intern, perSymbol, symBytesNow } from '../value/sym.js';
import { codeUnits } from '../value/utf8.js';
import { itemText, writeFloat } from '../format/text.js';
import { Bytes, dayBytes } from '../format/bytes.js';
import { hooks, roomForRows } from './hooks.js';
import { apply1 } from './apply.js';
import { atomic1 } from './atomic.js';

const isStr = (x: Q) => x.t === T.Char || x.t === -T.Char;

/** The pieces of bytes d between the occurrences of sep (non-empty; taken left to right, as q's vs cuts a
 *  string). Each is a view of d, which it holds (a block of vector memory is freed when the view it was
 *  handed out as is collected): a view costs a quarter of a copy, and vectors are never changed in place. */
export function cutBytes(d: Uint8Array, sep: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [], k = sep.length;
  const piece = (a: number, b: number) => { const v = d.subarray(a, b); (v as { owner?: object }).owner = d; out.push(v); };
  let p = 0;
  for (let i = d.indexOf(sep[0]); i >= 0 && i + k <= d.length; i = d.indexOf(sep[0], i)) {
    let m = 1;
    while (m < k && d[i + m] === sep[m]) m++;
    if (m === k) { piece(p, i); p = i = i + k; } else i++;
  }
  piece(p, d.length);
  return out;
}
/** Byte strings joined by sep (and ended by it too, with `after`), in one allocation. */
export function joinBytes(parts: Uint8Array[], sep: Uint8Array, after: boolean): Uint8Array {
  let n = after ? parts.length * sep.length : Math.max(0, parts.length - 1) * sep.length;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  parts.forEach((p, i) => { out.set(p, o); o += p.length; if (after || i < parts.length - 1) { out.set(sep, o); o += sep.length; } });
  return out;
}
export const NL = Uint8Array.of(10);
/** The bytes of each string (char vector or char) of a list; anything else is a type error. */
export const stringBytes = (ls: Q[]): Uint8Array[] => ls.map(e => { if (!isStr(e)) throw new QError('type'); return e.t === -T.Char ? Uint8Array.of((e as Atom).v) : (e as Vec).d as Uint8Array; });
const chars = (x: Q): string => x.t === -T.Char ? String.fromCharCode((x as Atom).v) : latin((x as Vec).d as Uint8Array);
/** Bytes as a one-char-per-byte JS string, so positions are byte positions as in kdb+. */
function latin(d: Uint8Array): string {
  let s = '';
  // a short string is built a byte at a time: a spread call and the subarray it reads cost more (like over
  // a million 4-byte strings: a fifth of the time)
  if (d.length <= 64) { for (let i = 0; i < d.length; i++) s += String.fromCharCode(d[i]); return s; }
  return codeUnits(d);
}
const unlatin = (s: string): Vec => { const d = new Uint8Array(s.length); for (let i = 0; i < s.length; i++) d[i] = s.charCodeAt(i) & 255; return vec(T.Char, d); };

/** An item's text for string: a numeric or temporal null is the empty string (qbists' run-length
 *  encoding records string@[;;:;0N] blanking its counts of one), where the console shows 0N. */
const textOf = (t: number, v: any, P: number): string => t > T.Byte && t !== T.Char && t !== T.Sym && t < T.Enum && isNullV(t, v) ? '' : itemText(t, v, P);

/** string x: the text of each atom (a char vector), through the one formatter. */
export function qstring(x: Q): Q {
  if (x.t === -T.Char) return vec(T.Char, Uint8Array.of((x as Atom).v));
  if (x.t === -T.Sym) return str((x as Atom).v);
  if (x.t === -T.Enum || x.t === T.Enum) return qstring(deenum(x));
  if (x.t < 0) return str(textOf(-x.t, (x as Atom).v, hooks.precision()));
  if (x.t > 0 && x.t <= T.Enum) roomForRows(count(x));
  if (x.t === T.Char) return list(Array.from((x as Vec).d as Uint8Array, c => vec(T.Char, Uint8Array.of(c))));
  if (x.t > 0 && x.t < T.Enum && x.t !== T.Guid) return stringsOf(x as Vec);
  if (x.t > 0 && x.t <= T.Enum) return list(items(x).map(qstring));
  if (x.t === T.List) return list((x as List).d.map(qstring));
  if (x.t === T.Dict) return dict((x as Dict).k, qstring((x as Dict).v));
  if (x.t === T.Table) return table((x as Table).c, (x as Table).d.map(qstring));
  return str(hooks.s1(x));
}

/**
 * string of a simple vector: each item's text, all in one buffer, each string a view of its part. A million
 * strings made one by one cost a million atoms, JS strings and buffers; here they cost the views only.
 * (Vectors are never changed in place, so the strings may share their buffer.)
 */
function stringsOf(v: Vec): Q {
  const t = v.t, d = v.d, n = d.length, P = hooks.precision();
  // symbols: one string a distinct symbol, shared by every place it stands (strings are never changed
  // in place), so a column of a few symbols costs a few strings, not a million
  if (t === T.Sym) {
    const ids = d as Int32Array, of = perSymbol(id => str(symName(id)) as Q, n), out = new Array<Q>(n);
    for (let i = 0; i < n; i++) out[i] = of(ids[i]);
    return list(out);
  }
  // dates, times and ints with few distinct values (a date column) share theirs the same way; when the
  // values turn out many, the buffer below is cheaper
  if (d instanceof Int32Array && n > 1024) {
    const seen = new Map<number, Q>(), out = new Array<Q>(n), most = Math.max(256, n >> 4);
    let i = 0;
    for (; i < n && seen.size <= most; i++) { const x = d[i]; let q = seen.get(x); if (!q) seen.set(x, q = str(textOf(t, x, P))); out[i] = q; }
    if (i === n) return list(out);
  }
  // longs (timestamps, timespans) the same, keyed by their two halves
  if (d instanceof BigInt64Array && n > 1024) {
    const w = new Int32Array(d.buffer, d.byteOffset, 2 * n), seen = new Map<number, Map<number, Q>>(), out = new Array<Q>(n), most = Math.max(256, n >> 4);
    let i = 0, size = 0;
    for (; i < n && size <= most; i++) {
      const hi = w[2 * i + 1], lo = w[2 * i];
      let m = seen.get(hi);
      if (!m) seen.set(hi, m = new Map());
      let q = m.get(lo);
      if (!q) { m.set(lo, q = str(textOf(t, d[i], P))); size++; }
      out[i] = q;
    }
    if (i === n) return list(out);
  }
  // many numbers and times: written straight into one buffer (directStrings, floatStrings)
  if ((t === T.Timestamp || t === T.Timespan || t === T.Long || t === T.Int || t === T.Time) && n > 1024) return directStrings(t, d as Int32Array | BigInt64Array, P);
  if (t === T.Float && n > 1024) return floatStrings(d as Float64Array, P);
  const texts = new Array<string>(n);
  if (t === T.Long || t === T.Timestamp || t === T.Timespan) {
    // longs that a double holds exactly need no BigInt
    const w = new Int32Array(d.buffer, d.byteOffset, 2 * n), big = d as BigInt64Array;
    for (let i = 0; i < n; i++) {
      const lo = w[2 * i], hi = w[2 * i + 1];
      texts[i] = t === T.Long && ((hi === 0 && lo >= 0) || (hi === -1 && lo < 0)) ? String(lo) : textOf(t, big[i], P);
    }
  } else {
    const a = d as ArrayLike<number>;
    for (let i = 0; i < n; i++) texts[i] = textOf(t, a[i], P);
  }
  // numbers and temporals are ASCII: a byte a character. For a few, each text its own array from the slab;
  // for many, views into one buffer of their own weigh less on the collector
  const out = new Array<Q>(n);
  if (n <= 1024) {
    for (let i = 0; i < n; i++) {
      const s = texts[i], k = s.length, b = fresh(Uint8Array, k);
      for (let j = 0; j < k; j++) b[j] = s.charCodeAt(j);
      out[i] = { t: T.Char, d: b, a: 0 } as Vec;
    }
    return list(out);
  }
  let bytes = 0;
  for (let i = 0; i < n; i++) bytes += texts[i].length;
  const buf = new Uint8Array(bytes);
  for (let i = 0, o = 0; i < n; i++) {
    const s = texts[i], k = s.length;
    for (let j = 0; j < k; j++) buf[o + j] = s.charCodeAt(j);
    out[i] = { t: T.Char, d: buf.subarray(o, o + k), a: 0 } as Vec;
    o += k;
  }
  return list(out);
}

/** Many longs, ints, times, timespans or timestamps as strings written straight into one buffer, each
 *  string a view of its part: digits from the storage (the halves of an 8-byte item; Bytes.ns for a
 *  timestamp or timespan), a timestamp's date made once a day; nulls, infinities and what a double cannot
 *  hold through their text. Where a text was made first (several strings and BigInts an item), the
 *  collector was most of the time: a million timestamps took 2.8 s. */
function directStrings(t: number, d: Int32Array | BigInt64Array, P: number): Q {
  const n = d.length, wide = d instanceof BigInt64Array, w = wide ? halves(d) : d;
  const out = new Bytes((t === T.Long ? 20 : t === T.Int ? 11 : t === T.Time ? 14 : 29) * n), ends = new Int32Array(n);
  const date = t === T.Timestamp ? dayBytes(day => itemText(T.Date, day, P)) : null;
  for (let i = 0; i < n; i++) {
    const hi = wide ? w[2 * i + 1] : 0, lo = w[wide ? 2 * i : i];
    const v = t === T.Long ? longAt(hi, lo) : t === T.Int && lo > -2147483647 && lo < 2147483647 ? lo : NaN;
    if (v === v) out.signed(v);
    else if (t === T.Time && lo >= 0 && lo < 2147483647) out.clock(Math.floor(lo / 1000), lo % 1000, 3);
    else if ((t === T.Timestamp || t === T.Timespan) && !specialHalves(hi, lo) && !(t === T.Timespan && hi < 0)) out.ns(hi, lo, date);
    else out.ascii(textOf(t, d[i], P));
    ends[i] = out.n;
  }
  return stringViews(out.b, ends);
}
/** Many floats as strings, each a view of its part of one buffer (writeFloat: their digits without a
 *  string each, where it can); a null is "". */
function floatStrings(d: Float64Array, P: number): Q {
  const n = d.length, out = new Bytes(12 * n), ends = new Int32Array(n);
  for (let i = 0; i < n; i++) { const v = d[i]; if (v === v) writeFloat(out, v, P); ends[i] = out.n; }
  return stringViews(out.b, ends);
}
/** The strings that end at each of ends in b, as views of it. */
function stringViews(b: Uint8Array, ends: Int32Array): Q {
  const n = ends.length, r = new Array<Q>(n);
  for (let i = 0, s = 0; i < n; i++) { r[i] = { t: T.Char, d: b.subarray(s, ends[i]), a: 0 } as Vec; s = ends[i]; }
  return list(r);
}

/** An ss or ssr pattern as a RegExp source: ? one char, [..] a class; everything else literal. */
function patternSource(p: string): string {
  let r = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '?') r += '[\\s\\S]';
    else if (c === '[') {
      const j = p.indexOf(']', i + 2);
      if (j < 0) { r += '\\['; continue; }
      let body = p.slice(i + 1, j);
      const neg = body[0] === '^';
      if (neg) body = body.slice(1);
      r += '[' + (neg ? '^' : '') + body.replace(/[\\\]]/g, '\\$&') + ']';
      i = j;
    } else r += c.replace(/[.*+^${}()|\\\/]/g, '\\$&');
  }
  return r;
}
/**
 * A like pattern as byte tests, for strings: each position the set of bytes it takes (? every byte, [..]
 * its class, else the one byte), null for * (any run). Matching bytes this way spares a string per item.
 */
const globCache = new Map<string, (Uint8Array | null)[]>();
function glob(p: string): (Uint8Array | null)[] {
  let g = globCache.get(p);
  if (g) return g;
  g = [];
  const one = (c: number) => { const m = new Uint8Array(256); m[c] = 1; return m; };
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '*') g.push(null);
    else if (c === '?') g.push(new Uint8Array(256).fill(1));
    else if (c === '[' && p.indexOf(']', i + 2) >= 0) {
      const j = p.indexOf(']', i + 2);
      let body = p.slice(i + 1, j);
      const neg = body[0] === '^', m = new Uint8Array(256);
      if (neg) body = body.slice(1);
      for (let k = 0; k < body.length; k++) {
        const lo = body.charCodeAt(k) & 255;
        if (body[k + 1] === '-' && k + 2 < body.length) { const hi = body.charCodeAt(k + 2) & 255; for (let b = lo; b <= hi; b++) m[b] = 1; k += 2; }
        else m[lo] = 1;
      }
      if (neg) for (let b = 0; b < 256; b++) m[b] ^= 1;
      g.push(m);
      i = j;
    } else g.push(one(p.charCodeAt(i) & 255));
  }
  // kdb+ matches one star anywhere, or a star at each end around a part without one; other patterns
  // are 'nyi (basics/regex: "*the*the*", "*the*the"; basics/errors: "**")
  const stars = g.flatMap((e, k) => e === null ? [k] : []);
  if (stars.length > 2 || stars.length === 2 && !(stars[0] === 0 && stars[1] === g.length - 1 && g.length > 2)) throw new QError('nyi');
  globCache.set(p, g);
  return g;
}
/** Whether bytes d match glob g: each star remembered, and on a mismatch the last one takes a byte more. */
function globMatch(d: Uint8Array, g: (Uint8Array | null)[]): boolean {
  const n = d.length, m = g.length;
  let i = 0, j = 0, starJ = -1, starI = 0;
  while (i < n) {
    const tok = j < m ? g[j] : undefined;
    if (tok && tok[d[i]]) { i++; j++; }
    else if (tok === null) { starJ = j++; starI = i; }
    else if (starJ >= 0) { j = starJ + 1; i = ++starI; }
    else return false;
  }
  while (j < m && g[j] === null) j++;
  return j === m;
}

/** x like p: does the string or symbol x match the pattern? */
export function like(x: Q, p: Q): Q {
  if (!isStr(p)) throw new QError('type');
  const ps = chars(p);
  if (x.t === T.Char) return { t: -T.Bool, v: globMatch((x as Vec).d as Uint8Array, glob(ps)) ? 1 : 0 };
  if (x.t === -T.Char) return { t: -T.Bool, v: globMatch(BYTE[(x as Atom).v as number], glob(ps)) ? 1 : 0 };
  // a symbol is matched by its bytes, as kdb+ does: ? is one byte of a UTF-8 name, not one letter
  if (x.t === -T.Sym) return { t: -T.Bool, v: globMatch(str((x as Atom).v).d as Uint8Array, glob(ps)) ? 1 : 0 };
  if (x.t === T.Sym) {
    // each distinct symbol tested once
    const g = glob(ps), ids = (x as Vec).d as Int32Array, test = perSymbol(id => globMatch(symBytesNow(id), g) ? 1 : 0, ids.length), r = new Uint8Array(ids.length);
    for (let i = 0; i < ids.length; i++) r[i] = test(ids[i]);
    return vec(T.Bool, r);
  }
  if (x.t === T.List) {
    // strings (and symbols) give a boolean vector without an atom per item
    const ls = (x as List).d, r = fresh(Uint8Array, ls.length), g = glob(ps);
    for (let i = 0; i < ls.length; i++) {
      const e = ls[i];
      if (e.t === T.Char) r[i] = globMatch((e as Vec).d as Uint8Array, g) ? 1 : 0;
      else if (e.t === -T.Char || e.t === -T.Sym) r[i] = (like(e, p) as Atom).v as number;
      else throw new QError('type');
    }
    return vec(T.Bool, r);
  }
  if (x.t === T.Dict) return dict((x as Dict).k, like((x as Dict).v, p));
  if (x.t === -T.Enum || x.t === T.Enum) throw new QError('type');
  throw new QError('type');
}

function findAll(s: string, p: string): number[] {
  const out: number[] = [];
  if (!/[?\[]/.test(p)) { if (!p) return out; let i = s.indexOf(p); while (i >= 0) { out.push(i); i = s.indexOf(p, i + p.length); } return out; }
  const re = new RegExp(patternSource(p), 'gs');
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) { out.push(m.index); if (!m[0].length) re.lastIndex++; }
  return out;
}
/** Each byte as a one-byte array, made once: a char atom pattern then costs no array per call. */
const BYTE = Array.from({ length: 256 }, (_, c) => Uint8Array.of(c));
/** Where bytes p start in d, each match after the last one's end (as findAll). */
function findBytes(d: Uint8Array, p: Uint8Array): number[] {
  const out: number[] = [], n = d.length, m = p.length;
  for (let i = d.indexOf(p[0]); i >= 0 && i + m <= n; i = d.indexOf(p[0], i)) {
    let k = 1;
    while (k < m && d[i + k] === p[k]) k++;
    if (k === m) { out.push(i); i += m; } else i++;
  }
  return out;
}
/** The bytes of a string or a char atom. */
const textBytes = (x: Q): Uint8Array => x.t === T.Char ? (x as Vec).d as Uint8Array : BYTE[(x as Atom).v as number];
/** x ss y: positions in x where the pattern y matches. */
export function ss(x: Q, y: Q): Q {
  if (x.t === -T.Sym) x = str((x as Atom).v);
  if (!isStr(x) || !isStr(y)) throw new QError('type');
  // ss takes no * and no empty pattern
  const p = textBytes(y);
  if (!p.length || p.includes(42)) throw new QError('length');
  // a pattern without ? or [ is found among the bytes themselves, with no string made of either
  if (x.t === T.Char && !p.includes(63) && !p.includes(91)) return longVec(findBytes((x as Vec).d as Uint8Array, p));
  return longVec(findAll(chars(x), chars(y)));
}
/** ssr[x;y;z]: x with each match of pattern y replaced by z, or by z applied to the match. */
export function ssr(a: Q[]): Q {
  const [x, y, z] = a;
  if (!isStr(x) || !isStr(y)) throw new QError('type');
  if (x.t === -T.Char) throw new QError('type');
  // a pattern without ? or [ replaced by text: found and joined among the bytes, with no string made of
  // either (ssr over a million strings), and x itself where it does not occur
  const pb = textBytes(y);
  if (isStr(z) && pb.length && !pb.includes(63) && !pb.includes(91)) {
    const d = (x as Vec).d as Uint8Array, at = findBytes(d, pb);
    if (!at.length) return x;
    const zb = textBytes(z), m = pb.length;
    const r = fresh(Uint8Array, d.length + at.length * (zb.length - m));
    let from = 0, to = 0;
    for (const i of at) { r.set(d.subarray(from, i), to); to += i - from; r.set(zb, to); to += zb.length; from = i + m; }
    r.set(d.subarray(from), to);
    return vec(T.Char, r);
  }
  const s = chars(x), p = chars(y);
  const rep = (m: string): string => isFn(z) ? chars(apply1(z, unlatin(m))) : isStr(z) ? chars(z) : (() => { throw new QError('type'); })();
  let out = '', last = 0;
  if (!/[?\[]/.test(p)) {
    if (!p) return x;
    let i = s.indexOf(p);
    while (i >= 0) { out += s.slice(last, i) + rep(p); last = i + p.length; i = s.indexOf(p, last); }
  } else {
    const re = new RegExp(patternSource(p), 'gs');
    let m: RegExpExecArray | null;
    while ((m = re.exec(s))) { out += s.slice(last, m.index) + rep(m[0]); last = m.index + m[0].length; if (!m[0].length) re.lastIndex++; }
  }
  return unlatin(out + s.slice(last));
}

/** x sv y: join strings with a separator, symbols into a name or path, or digits in a base. */
export function sv(x: Q, y: Q): Q {
  if ((x.t === -T.Byte || x.t === T.Byte) && y.t === T.List && (y as List).d.every(e => e.t === T.Byte)) {
    const sep = latin(x.t < 0 ? Uint8Array.of((x as Atom).v) : (x as Vec).d as Uint8Array);
    return vec(T.Byte, unlatin((y as List).d.map(e => latin((e as Vec).d as Uint8Array)).join(sep)).d);
  }
  if (x.t === -T.Char || x.t === T.Char) {
    const sep = x.t === -T.Char ? Uint8Array.of((x as Atom).v) : (x as Vec).d as Uint8Array;
    return vec(T.Char, joinBytes(stringBytes(items(y)), sep, false));
  }
  if (x.t === -T.Sym && (x as Atom).v === '') {
    if (y.t === T.Sym) {
      const ss_ = Array.from((y as Vec).d as Int32Array, symName);
      // a file handle joins with /, other names with .
      return sym(ss_[0]?.startsWith(':') ? ss_.join('/') : ss_.join('.'));
    }
    return vec(T.Char, joinBytes(stringBytes(items(y)), NL, true));
  }
  // base decode: 10 sv 1 2 3, 24 60 60 sv 1 2 3, 2 sv 101b, 0x0 sv bytes
  if (x.t === -T.Byte && y.t === T.Byte) {
    const d = (y as Vec).d as Uint8Array;
    let v = 0n;
    for (const b of d) v = (v << 8n) | BigInt(b);
    // two bytes make a short, four an int, eight a long (ref/sv)
    if (d.length === 2) return { t: -T.Short, v: Number(BigInt.asIntN(16, v)) };
    if (d.length === 4) return { t: -T.Int, v: Number(BigInt.asIntN(32, v)) };
    if (d.length === 8) return long(BigInt.asIntN(64, v));
    if (d.length === 1) return { t: -T.Byte, v: Number(v) };
    // sixteen a guid (basics/datatypes: 0x0 sv 16?0xff)
    if (d.length === 16) return { t: -T.Guid, v: d.slice() };
    throw new QError('length');
  }
  if (x.t === -T.Bool && y.t === T.Bool) {
    // bits to an integer of that width: 8 a byte, 16 a short, 32 an int, 64 a long, 128 a guid
    const d = (y as Vec).d as Uint8Array, n = d.length;
    let v = 0n;
    for (const b of d) v = (v << 1n) | BigInt(b);
    if (n === 8) return { t: -T.Byte, v: Number(v) };
    if (n === 16) return { t: -T.Short, v: Number(BigInt.asIntN(16, v)) };
    if (n === 32) return { t: -T.Int, v: Number(BigInt.asIntN(32, v)) };
    if (n === 64) return long(BigInt.asIntN(64, v));
    if (n === 128) { const g = new Uint8Array(16); for (let i = 15; i >= 0; i--) { g[i] = Number(v & 255n); v >>= 8n; } return { t: -T.Guid, v: g }; }
    throw new QError('length');
  }
  // rows of digits (what x vs a list gives) decode column by column
  if (y.t === T.List && (y as List).d.some(e => e.t >= 0)) {
    const rows = (y as List).d, n = Math.max(...rows.map(r => r.t >= 0 ? count(r) : 1));
    if (rows.some(r => r.t >= 0 && count(r) !== n)) throw new QError('length');
    return fromItems(Array.from({ length: n }, (_, j) => sv(x, fromItems(rows.map(r => r.t >= 0 ? item(r, j) : r)))));
  }
  // a float base or float digits decode in floats (ref/sv: numeric atoms or lists; 2f sv 1 2 3 4 5 is 57f,
  // Horner's rule in weihong15's Iterators notebook)
  const fl = (q: Q) => Math.abs(q.t) === T.Float || Math.abs(q.t) === T.Real || q.t === T.List && (q as List).d.some(fl);
  if (fl(x) || fl(y)) {
    const num = (e: Q) => { if (!(e.t < 0 && e.t >= -T.Float && e.t !== -T.Guid && e.t !== -T.Char)) throw new QError('type'); return Number((e as Atom).v); };
    const ds = items(y).map(num), bs = x.t < 0 ? null : items(x).map(num), b0 = x.t < 0 ? num(x) : 0;
    if (bs && bs.length !== ds.length) throw new QError('length');
    let v = 0;
    ds.forEach((d, i) => { v = v * (bs ? bs[i] : b0) + d; });
    return { t: -T.Float, v } as Atom;
  }
  const digits = items(y).map(e => toBig(e));
  if (x.t < 0) {
    const b = toBig(x);
    let v = 0n;
    // in 64 bits, wrapping as kdb+'s long arithmetic does
    for (const d of digits) v = BigInt.asIntN(64, v * b + d);
    return long(v);
  }
  const bases = items(x).map(toBig);
  if (bases.length !== digits.length) throw new QError('length');
  let v = 0n;
  digits.forEach((d, i) => { v = BigInt.asIntN(64, v * bases[i] + d); });
  return long(v);
}
function toBig(x: Q): bigint {
  const v = (x as Atom).v;
  if (x.t === -T.Long) return v;
  if (x.t === -T.Int || x.t === -T.Short || x.t === -T.Byte || x.t === -T.Bool) return BigInt(v);
  throw new QError('type');
}

/** x vs y: split a string at a separator, a symbol into parts, or a number into digits of a base. */
export function vs(x: Q, y: Q): Q {
  if ((x.t === -T.Byte || x.t === T.Byte) && y.t === T.Byte) {
    const sep = latin(x.t < 0 ? Uint8Array.of((x as Atom).v) : (x as Vec).d as Uint8Array);
    return list(latin((y as Vec).d as Uint8Array).split(sep).map(p => vec(T.Byte, unlatin(p).d)));
  }
  if (x.t === -T.Byte && y.t < 0) {
    // 0x0 vs x: x's bytes, most significant first
    const v = (y as Atom).v, t = -y.t;
    if (t === T.Real || t === T.Float) { const b = new Uint8Array(t === T.Real ? 4 : 8), dv = new DataView(b.buffer); if (t === T.Real) dv.setFloat32(0, v); else dv.setFloat64(0, v); return vec(T.Byte, b); }
  }
  if (x.t === -T.Char || x.t === T.Char) {
    // bytes cut by a char delimiter are strings: the type is the left argument's (ref/vs, since 4.1t 2024.01.11)
    if (y.t === T.Byte) y = { t: T.Char, d: (y as Vec).d, a: 0 } as Vec;
    if (!isStr(y)) throw new QError('type');
    const sep = x.t === -T.Char ? Uint8Array.of((x as Atom).v) : (x as Vec).d as Uint8Array;
    if (sep.length && y.t === T.Char) return list(cutBytes((y as Vec).d as Uint8Array, sep).map(b => vec(T.Char, b)));
    return list(chars(y).split(chars(x)).map(unlatin));
  }
  if (x.t === -T.Sym && (x as Atom).v === '') {
    if (y.t === -T.Sym) {
      const s = (y as Atom).v as string;
      if (s.startsWith(':')) { const k = s.lastIndexOf('/'); return symVec(k < 0 ? ['', s] : [s.slice(0, k), s.slice(k + 1)]); }
      return symVec(s.split('.'));
    }
    // lines of a string, or of bytes (read1 of a text file) as strings
    if (y.t === T.Byte) y = { t: T.Char, d: (y as Vec).d, a: 0 } as Vec;
    if (isStr(y)) { const s = chars(y).replace(/\r?\n$/, ''); return list(s.split(/\r?\n/).map(unlatin)); }
    throw new QError('type');
  }
  if (x.t === -T.Bool) return bits(y, 1);
  if (x.t === -T.Byte) return bits(y, 8);
  // a whole float is encoded as its long (anton-dovzhenko's AoC 2024 day 2: 2 vs 2 xexp til n)
  if ((y.t === -T.Float || y.t === -T.Real) && Number.isInteger((y as Atom).v)) y = long(BigInt((y as Atom).v));
  if (x.t < 0) {
    // digits of y in base x, as many as needed
    const b = toBig(x);
    if (b <= 1n) throw new QError('domain');
    if (y.t >= 0) return digitRows(items(y).map(e => vs(x, e)), y.t === T.List);
    let v = toBig(y);
    // a negative y is its type's bits taken unsigned (ref/vs: "." sv string 256 vs .z.a, .z.a an int below
    // zero above 127.x.x.x); a long's 64 bits, an int's 32, a short's 16
    if (v < 0n) v += 1n << BigInt(y.t === -T.Int ? 32 : y.t === -T.Short ? 16 : 64);
    const out: bigint[] = [];
    if (v === 0n) out.push(0n);
    while (v > 0n) { out.push(v % b); v /= b; }
    return vec(T.Long, BigInt64Array.from(out.reverse()));
  }
  const bases = items(x).map(toBig);
  if (y.t >= 0) return digitRows(items(y).map(e => vs(x, e)), y.t === T.List);
  let v = toBig(y);
  const out = new Array<bigint>(bases.length);
  // a base of 0 takes all that is left (0 24 60 60 vs seconds: days, hours, minutes, seconds)
  for (let i = bases.length - 1; i >= 0; i--) { if (bases[i] === 0n) { out[i] = v; v = 0n; } else { out[i] = v % bases[i]; v /= bases[i]; } }
  return vec(T.Long, BigInt64Array.from(out));
}
/** x vs a list: the digits of each item, as many rows as the longest needs (shorter ones padded with
 *  leading zeros), each row shaped as the list is: 10 vs 1995 1996 is (1 1;9 9;9 9;5 6). */
function digitRows(each: Q[], general: boolean): Q {
  const n = Math.max(0, ...each.map(count));
  const pad = (e: Q): Q[] => { const d = items(e), z = d.length ? zeroLike(d[0]) : { t: -T.Long, v: 0n } as Atom; return [...new Array(n - d.length).fill(z), ...d]; };
  const cols = each.map(pad);
  return list(Array.from({ length: n }, (_, k) => general ? list(cols.map(c => c[k])) : fromItems(cols.map(c => c[k]))));
}
const zeroLike = (x: Q): Q => x.t < 0 ? { t: x.t, v: typeof (x as Atom).v === 'bigint' ? 0n : 0 } as Atom : fromItems(items(x).map(zeroLike));

/** 0b vs x and 0x0 vs x: the bits or bytes of an integer, most significant first. */
function bits(y: Q, w: number): Q {
  // a guid's 16 bytes, or its 128 bits (ref/vs, since 4.1t 2021.09.03)
  if (y.t === -T.Guid) {
    const g = (y as Atom).v as Uint8Array;
    if (w === 8) return vec(T.Byte, g.slice());
    const d = new Uint8Array(128);
    for (let i = 0; i < 128; i++) d[i] = (g[i >> 3] >> (7 - (i & 7))) & 1;
    return vec(T.Bool, d);
  }
  // (a char is its byte: 0b vs "a" is 01100001b, as a hash library's text-to-bits takes it)
  const size = y.t === -T.Long ? 64 : y.t === -T.Int ? 32 : y.t === -T.Short ? 16 : y.t === -T.Byte || y.t === -T.Char ? 8 : 0;
  if (!size) throw new QError('type');
  const v = BigInt.asUintN(size, y.t === -T.Char ? BigInt((y as Atom).v as number) : toBig(y));
  const n = size / w, d = new Uint8Array(n), mask = (1n << BigInt(w)) - 1n;
  for (let i = 0; i < n; i++) d[n - 1 - i] = Number((v >> BigInt(i * w)) & mask);
  return vec(w === 1 ? T.Bool : T.Byte, d);
}

function caseMap(f: (s: string) => string, bytes?: (d: Uint8Array) => Uint8Array) {
  return atomic1((x: Q): Q => {
    if (x.t === -T.Char) return { t: -T.Char, v: f(String.fromCharCode((x as Atom).v)).charCodeAt(0) };
    if (x.t === T.Char) { if (!bytes) return unlatin(f(chars(x))); const d = bytes((x as Vec).d as Uint8Array); return d === (x as Vec).d ? x : vec(T.Char, d); }
    if (x.t === -T.Sym) return sym(f((x as Atom).v));
    // each distinct symbol mapped once (a column of a million holds a few thousand)
    if (x.t === T.Sym) {
      const d = (x as Vec).d as Int32Array, of = perSymbol(id => intern(f(symName(id))), d.length), r = new Int32Array(d.length);
      // (a loop: Int32Array.from with a mapping function is several times slower)
      for (let i = 0; i < d.length; i++) r[i] = of(d[i]);
      return vec(T.Sym, r);
    }
    throw new QError('type');
  });
}
// only ASCII letters change case, as in kdb+ (bytes, not Unicode)
// a string's bytes are mapped in place of a round trip through text (upper of a million strings)
// a string with no letter to change is given back as it is (values are never changed in place), so that
// lower of a column already lower case makes nothing new
const shiftCase = (lo: number, by: number) => (d: Uint8Array): Uint8Array => {
  let i = 0;
  while (i < d.length && d[i] - lo >>> 0 >= 26) i++;
  if (i === d.length) return d;
  const r = fresh(Uint8Array, d.length);
  r.set(d.subarray(0, i));
  for (; i < d.length; i++) { const c = d[i]; r[i] = c - lo >>> 0 < 26 ? c + by : c; }
  return r;
};
export const upper = caseMap(s => s.replace(/[a-z]+/g, m => m.toUpperCase()), shiftCase(97, -32));
export const lower = caseMap(s => s.replace(/[A-Z]+/g, m => m.toLowerCase()), shiftCase(65, 32));

function trimmer(re: RegExp, left: boolean, right: boolean) {
  const go = (x: Q): Q => {
    // a string's bytes scanned for blanks at its ends; one with none is given back as it is
    if (x.t === T.Char) {
      const d = (x as Vec).d as Uint8Array;
      let a = 0, b = d.length;
      if (left) while (a < b && d[a] === 32) a++;
      if (right) while (b > a && d[b - 1] === 32) b--;
      if (a === 0 && b === d.length) return x;
      const r = fresh(Uint8Array, b - a);
      r.set(d.subarray(a, b));
      return vec(T.Char, r);
    }
    // other vectors lose their leading/trailing nulls (symbols their empty names: trim ``a`` is ,`a, as
    // kdb+'s q.k has it); other atoms pass through, a symbol with its blanks
    if (x.t > 0 && x.t < 20) return trimNulls(x, re);
    if (x.t < 0 && x.t !== -T.Char) return x;
    if (x.t === -T.Char) return x.t === -T.Char && (x as Atom).v === 32 ? vec(T.Char, new Uint8Array(0)) : x;
    if (x.t === T.List) return list((x as List).d.map(go));
    // a dictionary's values and a table's columns are trimmed item by item, as kdb+'s q.k applies trim to
    // each (ref/trim: rtrim of a table of strings): an atom keeps its place even when null, so a column
    // keeps its length (a float column's leading nulls dropped left its table with columns of two lengths)
    if (x.t === T.Dict) return dict((x as Dict).k, each((x as Dict).v));
    if (x.t === T.Table) return table((x as Table).c, (x as Table).d.map(each));
    throw new QError('type');
  };
  const each = (v: Q): Q => v.t === T.List ? go(v) : v.t === T.Char ? fromItems(Array.from({ length: count(v) }, (_, i) => go(item(v, i)))) : v;
  return go;
}
export const trim = trimmer(/^ +| +$/g, true, true);
export const ltrim = trimmer(/^ +/, true, false);
export const rtrim = trimmer(/ +$/, false, true);
export { text, count, item };

function trimNulls(x: Q, re: RegExp): Q {
  const isNull = qnull(x) as Vec, d = isNull.d as Uint8Array, n = d.length;
  const left = re.source.includes('^'), right = re.source.includes('$');
  let a = 0, b = n;
  if (left) while (a < b && d[a]) a++;
  if (right) while (b > a && d[b - 1]) b--;
  return index(x, longVec(Array.from({ length: b - a }, (_, i) => a + i)));
}
import { qnull } from './list.js';
import { index } from './index.js';

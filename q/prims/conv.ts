// The $ operator: cast (lower-case type char, type name, type number), tok (upper-case char or negative
// type number: parse strings), symbol from string (`$), and pad (n$string).
import { temporalPart } from './temporal.js';
import { T, TYPE_NAMES, TYPE_CHARS, typeOfChar } from '../value/types.js';
import { Q, Vec, List, Dict, Table, Atom, count, item, items, fromItems, list, vec, dict, table, str, text, sym, NJ, WJ, NI, WI, NH, WH, isNullV, nullOf, charText } from '../value/value.js';
import { QError } from '../value/error.js';
import { trimBlanks } from '../value/utf8.js';
import { symName, intern, internBytes } from '../value/sym.js';
import { daysToYmd, ymdToDays } from '../value/time.js';
import { scanWord } from '../parse/literal.js';
import { fastTemporal, fastInteger } from './tokfast.js';
import { alloc, fresh, halves, putLong, NULL_HI } from '../value/storage.js';
import type { Items } from '../value/storage.js';
import { f1, j1, longsToFloats } from './numeric.js';
import { hooks } from './hooks.js';
import * as kernels from '../kernels/index.js';

const DAY = 86400000000000n;
const PARTS = ['year', 'mm', 'week', 'dd', 'hh', 'uu', 'ss'];

/** x$y. */
export function dollar(x: Q, y: Q): Q {
  if (x.t === -T.Char) {
    const c = String.fromCharCode((x as Atom).v);
    if (c === '*') return y;
    if (c >= 'A' && c <= 'Z') return tok(typeOfChar(c), y);
    const t = typeOfChar(c);
    if (t < 0) throw new QError('type');
    return castTo(t, y, true);
  }
  if (x.t === -T.Sym) {
    const name = (x as Atom).v as string;
    if (name === '') return tok(T.Sym, y);
    const t = TYPE_NAMES.indexOf(name);
    if (t > 0) return castTo(t, y, true);
    if (PARTS.includes(name)) return part(name, y);
    return hooks.enumerate(name, y);
  }
  if (x.t === -T.Short) {
    const t = (x as Atom).v as number;
    if (t === 0) return y;
    return t > 0 ? castTo(t, y, true) : tok(-t, y);
  }
  if (x.t === -T.Long || x.t === -T.Int) return pad(Number((x as Atom).v), y);
  // widths for a list of strings, one each, or each for one string (Pad is string-atomic, a string its
  // atom: dotfiles' calendar pads columns so)
  if ((x.t === T.Long || x.t === T.Int) && (y.t === T.List || y.t === T.Char || y.t === -T.Char)) {
    const w = (i: number) => Number((item(x, i) as Atom).v);
    if (y.t !== T.List) return list(items(x).map((_, i) => pad(w(i), y)));
    if (count(x) !== count(y)) throw new QError('length');
    return fromItems(items(y).map((e, i) => pad(w(i), e)));
  }
  // float vectors and matrices: x$y is matrix multiply (mmu)
  const isMat = (v: Q) => v.t === T.Float || (v.t === T.List && (v as List).d.every(r => r.t === T.Float));
  if (isMat(x) && isMat(y)) return hooks.mmu(x, y);
  if (x.t === T.Char || x.t === T.Sym || x.t === T.Short || x.t === T.List) {
    // one type per item of y, or every type for an atom y; a dictionary's values take the types (cast is
    // atomic). Tok's recursion stops at strings (ref/tok): a string is a leaf that every Tok type parses
    const xs = items(x);
    if (y.t === T.Dict) return dict((y as Dict).k, dollar(x, (y as Dict).v));
    const tokOnly = xs.every(t => t.t === -T.Char && (t as Atom).v as number >= 65 && (t as Atom).v as number <= 90);
    // (a table is its rows: one type each)
    if (y.t >= 0 && y.t <= T.Table && !(y.t === T.Char && tokOnly)) {
      if (count(y) !== xs.length) throw new QError('length');
      return fromItems(xs.map((t, i) => dollar(t, item(y, i))));
    }
    return fromItems(xs.map(t => dollar(t, y)));
  }
  throw new QError('type');
}

// ---- cast -----------------------------------------------------------------------------------------

/** `$ of a list of strings: each interned straight into a symbol vector, blanks trimmed (`$"   IBM   " is
 *  `IBM: ref/tok); null when an item is not text. */
function symsOf(y: List): Vec | null {
  const l = y.d, d = fresh(Int32Array, l.length);
  for (let i = 0; i < l.length; i++) {
    const e = l[i];
    if (e.t !== T.Char && e.t !== -T.Char) return null;
    if (e.t === -T.Char) { d[i] = intern((e as Atom).v === 32 ? '' : charText((e as Atom).v as number)); continue; }
    // leading and trailing blanks are dropped, as kdb+ drops them
    const b = (e as Vec).d as Uint8Array;
    let s = 0, z = b.length;
    while (s < z && b[s] === 32) s++;
    while (z > s && b[z - 1] === 32) z--;
    d[i] = internBytes(b, s, z);
  }
  return { t: T.Sym, d, a: 0 } as Vec;
}

/** Each item of y as type t. asked: the cast a user wrote (x$y), where a date past a timestamp's range
 *  is its infinity; inside, temporal parts of such dates still come out right. */
export function castTo(t: number, y: Q, asked = false): Q {
  // an empty list cast is an empty vector of the type: `float$()
  if (y.t === T.List && count(y) === 0) return { t, d: alloc(t, 0), a: 0 } as Vec;
  if (t === T.Sym || t === T.Guid) {
    // (text becomes a symbol by `$ alone: `symbol$"abc" and 11h$ are type errors, as recorded sessions and
    // tutorials show)
    if (Math.abs(y.t) === t) return y;
    if (y.t === T.List) return fromItems((y as List).d.map(e => castTo(t, e, asked)));
    throw new QError('type');
  }
  if (y.t === T.List) return fromItems((y as List).d.map(e => castTo(t, e, asked)));
  if (y.t === T.Dict) return dict((y as Dict).k, castTo(t, (y as Dict).v, asked));
  if (y.t === T.Table) return table((y as Table).c, (y as Table).d.map(c => castTo(t, c, asked)));
  if (y.t === -T.Enum || y.t === T.Enum) { if (t === T.Long || t === T.Int) return castTo(t, { ...(y as any), t: y.t < 0 ? -T.Int : T.Int }); throw new QError('type'); }
  // a time of day is no date: "p"$10:28:43.306 is a type error (KX Academy's cast exercises, kdb+ 4.0)
  if (isDateLike(t) && isClock(Math.abs(y.t))) throw new QError('type');
  if (y.t < 0) return { t: -t, v: one(t, -y.t, (y as Atom).v, asked) } as Atom;
  if (y.t > 0 && y.t < 20) {
    if (y.t === t) return y;
    const src = (y as Vec).d as any, n = count(y);
    if (y.t === T.Sym || y.t === T.Guid) throw new QError('type');
    // booleans, ints, longs and floats among themselves: the wasm loop
    const to = KIND[t];
    if (to && (y.t === T.Bool || KIND[y.t])) { const r = kernels.cast(src, to); if (r) return { t, d: r, a: 0 } as Vec; }
    // floats and longs too few for it: by the longs' halves, with no BigInt per item (100 floats as longs
    // 3.4 → 1.0 µs, as ints 6.2 → 0.8 µs; 100 longs as floats 2.5 → 0.5 µs)
    if ((t === T.Long || t === T.Int) && (y.t === T.Float || y.t === T.Real)) return vec(t, roundFloats(t, y.t, src));
    if (t === T.Float && y.t === T.Long) return vec(t, longFloats(src));
    // booleans, bytes and chars as bytes or chars keep their bytes (vectors are never changed in place,
    // so the two share them)
    if ((t === T.Byte || t === T.Char) && (y.t === T.Byte || y.t === T.Char || y.t === T.Bool)) return { t, d: src, a: 0 } as Vec;
    // a date's or timestamp's month, in wasm (a million took 0.1 s here); a month's first day directly
    if (t === T.Month && (y.t === T.Date || y.t === T.Timestamp)) {
      const k = y.t === T.Date ? kernels.datePart(src, 7) : kernels.nsPart(src, 7);
      if (k) return { t, d: k, a: 0 } as Vec;
    }
    const d = alloc(t, n) as any;
    if (t === T.Date && y.t === T.Month) {
      for (let i = 0; i < n; i++) { const v = src[i]; d[i] = v === NI || v === WI || v === -WI ? v : monthStart(v); }
      return vec(t, d);
    }
    const ms = MS[y.t], to32 = MS[t];
    if (ms && to32) {
      // time, second and minute among themselves: a count of units is scaled and floored directly;
      // nulls, infinities and negatives take the general way
      for (let i = 0; i < n; i++) {
        const v = src[i] as number, m = v * ms;
        d[i] = v >= 0 && m < 2147483647 ? Math.floor(m / to32) : one(t, y.t, v, asked);
      }
      return vec(t, d);
    }
    for (let i = 0; i < n; i++) d[i] = one(t, y.t, src[i], asked);
    return vec(t, d);
  }
  throw new QError('type');
}
/** The milliseconds in a unit of the 32-bit time types. */
const MS: Record<number, number | undefined> = { [T.Time]: 1, [T.Second]: 1000, [T.Minute]: 60000 };

const KIND: Record<number, 'i32' | 'i64' | 'f64' | undefined> = { [T.Int]: 'i32', [T.Long]: 'i64', [T.Float]: 'f64' };
const NSU: Record<number, bigint> = { [T.Minute]: 60000000000n, [T.Second]: 1000000000n, [T.Time]: 1000000n, [T.Timespan]: 1n };
const isDateLike = (t: number) => t === T.Timestamp || t === T.Date || t === T.Datetime || t === T.Month;
const isClock = (t: number) => t === T.Minute || t === T.Second || t === T.Time;
const isTimeLike = (t: number) => t === T.Timespan || t === T.Minute || t === T.Second || t === T.Time;

/** One payload v of type from, converted to type to (kdb+ truncates to narrower temporal types). */
function one(to: number, from: number, v: any, asked = false): any {
  if (from === T.Sym || from === T.Guid) throw new QError('type');
  // (an integer's null as a char is its low byte, 0, not a blank: "c"$0N is "\000", KX Academy's notebooks)
  if (to === T.Char && (from === T.Short || from === T.Int || from === T.Long)) return Number(BigInt.asUintN(8, BigInt(v)));
  // (a boolean has no null: any value but zero is 1b, a null too, "Any value other than 0 will cast to 1b"
  // on the KX forum's "Null booleans?" thread, for "b"$0n)
  if (to === T.Bool) return from === T.Float || from === T.Real ? (v !== 0 ? 1 : 0) : j1(from, v) !== 0n ? 1 : 0;
  if (isNullV(from, v) && from !== T.Bool && from !== T.Byte && from !== T.Char) return nullOf(to);
  if (isDateLike(to) && isDateLike(from) || isTimeLike(to) && isTimeLike(from) || (isTimeLike(to) && (from === T.Timestamp || from === T.Datetime))) {
    const inf = infinite(from, v);
    if (inf) return inf > 0 ? infOf(to) : negInf(to);
    const ns = toNs(from, v);
    // between time-like types the units are scaled and floored, with no wrap to a day: a time is a count
    // of milliseconds like any int (only a timestamp's or datetime's time is the time of its day)
    if (isTimeLike(to) && isTimeLike(from) && to !== T.Timespan) { const u = NSU[to], q = ns / u; return narrow(T.Long, ns % u !== 0n && ns < 0n ? q - 1n : q, 32, NI, WI); }
    // a date beyond a timestamp's range (1707 to 2292) is its infinity, as kdb+ gives
    if (asked && (to === T.Timestamp || to === T.Timespan) && (ns >= WJ || ns <= -WJ)) return ns > 0n ? WJ : -WJ;
    // a timestamp's (or datetime's) timespan is its time of day, as for the other time-like types:
    // kdb+tick stamps each update with "n"$.z.P
    if (to === T.Timespan && (from === T.Timestamp || from === T.Datetime)) { const d = ns % DAY; return d < 0n ? d + DAY : d; }
    return fromNs(to, ns);
  }
  switch (to) {
    case T.Bool: return f1(from, v) ? 1 : 0;
    case T.Char: return Number(j1(from, v)) & 255;
    // (a long becomes an int first, its range bounded, and the byte is that int's low byte: beyond 0Wi
    // is 0xff, as ref/cast shows for "x"$-2 -1 0 1 2+0Wi)
    case T.Byte: return from === T.Long || from === T.Timestamp || from === T.Timespan ? narrow(from, v, 32, NI, WI) & 255 : Number(BigInt.asUintN(8, rounded(from, v)));
    case T.Short: return narrow(from, v, 16, NH, WH);
    case T.Int: case T.Month: case T.Date: case T.Minute: case T.Second: case T.Time: return narrow(from, v, 32, NI, WI);
    case T.Long: case T.Timestamp: case T.Timespan: { const b = rounded(from, v); return b; }
    case T.Real: return Math.fround(raw(from, v));
    case T.Float: case T.Datetime: return raw(from, v);
  }
  throw new QError('type');
}
/** A number's value as a float; infinities of integer types become float infinities. */
const raw = (from: number, v: any): number => f1(from, v);
/** Round half away from zero, as kdb+ does when a float becomes an integer. */
function rounded(from: number, v: any): bigint {
  if (from === T.Float || from === T.Real || from === T.Datetime) {
    if (v !== v) return NJ;
    if (v === Infinity) return WJ;
    if (v === -Infinity) return -WJ;
    // a finite value beyond the long range is null, as x86's conversion makes it in kdb+
    const r = Math.sign(v) * Math.round(Math.abs(v));
    return r >= 2 ** 63 || r < -(2 ** 63) ? NJ : BigInt(r);
  }
  return j1(from, v);
}
/** Floats (or reals) as longs or ints, as one() makes each (rounded half away from zero; null to null;
 *  an infinity, and for ints a value past their range, to the infinity; past a long's range null), the
 *  longs written as halves where a double holds them. */
function roundFloats(t: number, from: number, src: Float64Array | Float32Array): Items {
  const n = src.length, r = alloc(t, n);
  if (t === T.Int) {
    const d = r as Int32Array;
    for (let i = 0; i < n; i++) {
      const v = src[i], u = Math.sign(v) * Math.round(Math.abs(v));
      d[i] = v !== v || (u >= 2 ** 63 || u < -(2 ** 63)) && u !== Infinity && u !== -Infinity ? NI : u >= -2147483648 && u <= 2147483647 ? u : u > 0 ? WI : -WI;
    }
    return d;
  }
  const d = r as BigInt64Array, w = halves(d);
  for (let i = 0; i < n; i++) {
    const v = src[i];
    if (v !== v) { w[2 * i] = 0; w[2 * i + 1] = NULL_HI; continue; }
    if (v > -(2 ** 53) && v < 2 ** 53) putLong(w, i, Math.sign(v) * Math.round(Math.abs(v)));
    else d[i] = one(t, from, v) as bigint;
  }
  return d;
}
/** Longs as floats from their halves (one rounding, as Number of the long makes it); null to null. */
function longFloats(src: BigInt64Array): Float64Array {
  // (a few as numeric's longsToFloats makes them, item by item: a view of their halves costs more)
  if (src.length <= 8) return longsToFloats(src);
  const n = src.length, r = alloc(T.Float, n) as Float64Array, w = halves(src);
  for (let i = 0; i < n; i++) { const lo = w[2 * i], hi = w[2 * i + 1]; r[i] = hi === NULL_HI && lo === 0 ? NaN : hi * 4294967296 + (lo >>> 0); }
  return r;
}
function narrow(from: number, v: any, bits: number, nul: number, inf: number): number {
  const b = rounded(from, v);
  if (b === NJ) return nul;
  if (b === WJ) return inf;
  if (b === -WJ) return -inf;
  // a value beyond the narrower type's range is its infinity (`short$-1+2 xexp 20 is 0Wh, as a kdb+
  // user's note shows it; and amend stores a long beyond an int column's range as 0Wi)
  const m = BigInt.asIntN(bits, b);
  return m === b ? Number(m) : b > 0n ? inf : -inf;
}
function infinite(t: number, v: any): number {
  if (typeof v === 'bigint') return v === WJ ? 1 : v === -WJ ? -1 : 0;
  if (t === T.Datetime) return v === Infinity ? 1 : v === -Infinity ? -1 : 0;
  return v === WI ? 1 : v === -WI ? -1 : 0;
}
const infOf = (t: number) => t === T.Timestamp || t === T.Timespan ? WJ : t === T.Datetime ? Infinity : WI;
const negInf = (t: number) => t === T.Timestamp || t === T.Timespan ? -WJ : t === T.Datetime ? -Infinity : -WI;

/** Nanoseconds since 2000.01.01 (date-like) or nanoseconds (time-like). */
function toNs(t: number, v: any): bigint {
  switch (t) {
    case T.Timestamp: case T.Timespan: return v;
    case T.Date: return BigInt(v) * DAY;
    case T.Datetime: return BigInt(Math.round(v * 86400000)) * 1000000n;
    case T.Month: return BigInt(monthStart(v)) * DAY;
  }
  return BigInt(v) * NSU[t];
}
function fromNs(t: number, ns: bigint): any {
  const floorDiv = (a: bigint, b: bigint) => { const q = a / b; return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q; };
  switch (t) {
    case T.Timestamp: case T.Timespan: return ns;
    case T.Date: return Number(floorDiv(ns, DAY));
    case T.Datetime: return Number(ns / 1000000n) / 86400000;
    case T.Month: { const [y, m] = daysToYmd(Number(floorDiv(ns, DAY))); return (y - 2000) * 12 + m - 1; }
  }
  // time-like from a timestamp keeps the time of day
  const day = ns % DAY < 0n ? ns % DAY + DAY : ns % DAY;
  return Number(floorDiv(ns > DAY || ns < 0n ? day : ns, NSU[t]));
}
/** The day (from 2000.01.01) a month (months from 2000.01) begins. */
const monthStart = (v: number): number => ymdToDays(2000 + Math.floor(v / 12), ((v % 12) + 12) % 12 + 1, 1);

/** `year`mm`dd`hh`uu`ss$x: parts of a temporal value, as ints (what x.year … give). */
function part(name: string, y: Q): Q {
  if (y.t === 0) return fromItems(items(y).map(e => part(name, e)));
  const r = temporalPart(y, name);
  if (!r) throw new QError('type');
  return r;
}

// ---- tok --------------------------------------------------------------------------------------------

/** Parse each string of y as type t (a bad string gives the type's null). */
export function tok(t: number, y: Q): Q {
  if (y.t === T.List && count(y) === 0) return { t, d: alloc(t, 0), a: 0 } as Vec;
  if (t === T.Sym && y.t === T.List) { const v = symsOf(y as List); if (v) return v; }
  if (y.t === T.List) {
    // strings become the vector's items directly, without an atom each
    const l = (y as List).d;
    if (t !== T.Char && t !== T.Guid && l.every(e => e.t === T.Char || e.t === -T.Char)) {
      const d = alloc(t, l.length) as any;
      // integers of up to 15 digits straight from their bytes (longs written as halves), the rest parsed
      if (t === T.Long || t === T.Int || t === T.Short) {
        const top = t === T.Long ? 2 ** 53 : t === T.Int ? WI : WH, w = t === T.Long ? halves(d) : null;
        for (let i = 0; i < l.length; i++) {
          const e = l[i], v = e.t === T.Char ? fastInteger((e as Vec).d as Uint8Array) : undefined;
          if (v === undefined || v > top || v < -top) d[i] = parse1(t, text(e));
          else if (w) putLong(w, i, v);
          else d[i] = v;
        }
        return { t, d, a: 0 } as Vec;
      }
      for (let i = 0; i < l.length; i++) d[i] = parse1(t, text(l[i]));
      return { t, d, a: 0 } as Vec;
    }
    return fromItems(l.map(e => tok(t, e)));
  }
  // a dictionary's values and a table's columns item by item (Tok is atomic as cast is: `$([]ing:…),
  // gyorokpeter's AoC 2020 day 21): a string there is a list of chars, each an item, not one text
  const each = (v: Q): Q => v.t === T.Char ? fromItems(items(v).map(e => tok(t, e))) : tok(t, v);
  if (y.t === T.Dict) return dict((y as Dict).k, each((y as Dict).v));
  if (y.t === T.Table) return table((y as Table).c, (y as Table).d.map(each));
  if (y.t === T.Sym && t === T.Sym) return y;
  if (y.t !== T.Char && y.t !== -T.Char) throw new QError('type');
  const s = text(y);
  // `$ drops the blanks around a name
  if (t === T.Sym) return sym(trimBlanks(s));
  if (t === T.Char) return y;
  return { t: -t, v: parse1(t, s) } as Atom;
}
const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
/** Text s0 as an item of type t (the type's null where it is none); general skips the fast path of
 *  tokfast.ts, as its test does to check that both agree. */
export function parse1(t: number, s0: string, general = false): any {
  const s = s0.trim();
  switch (t) {
    case T.Bool: return /^[1tTyYxX]/.test(s) ? 1 : 0;
    case T.Guid: {
      const h = s.replace(/-/g, '');
      if (/^[0-9a-fA-F]{32}$/.test(h)) return Uint8Array.from(h.match(/../g)!, b => parseInt(b, 16));
      // an IPv4 or IPv6 address, as kdb+ 3.6 reads one
      return ipGuid(s) ?? new Uint8Array(16);
    }
    case T.Byte: { const v = parseInt(s, 16); return Number.isNaN(v) ? 0 : v & 255; }
    case T.Short: case T.Int: case T.Long: {
      // "I"$"192.168.1.34": an IPv4 address as an int
      const ip = t === T.Int ? /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(s) : null;
      if (ip) return (+ip[1] << 24) | (+ip[2] << 16) | (+ip[3] << 8) | +ip[4];
      // 0W and -0W are the type's infinities, as q writes them
      if (s === '0W' || s === '-0W') { const w = t === T.Short ? WH : t === T.Int ? WI : WJ; return s[0] === '-' ? (t === T.Long ? -(w as bigint) : -(w as number)) : w; }
      if (!/^[-+]?\d+$/.test(s)) return nullOf(t);
      const b = BigInt(s), bits = t === T.Short ? 16 : t === T.Int ? 32 : 64;
      if (BigInt.asIntN(bits, b) !== b || b === -(2n ** BigInt(bits - 1))) return nullOf(t);
      return t === T.Long ? b : Number(b);
    }
    case T.Real: case T.Float: {
      // decimal notation only (JavaScript's Number would also read 0x10 and Infinity); 0w and -0w are the infinities
      const v = DECIMAL.test(s) ? Number(s) : s === '0w' ? Infinity : s === '-0w' ? -Infinity : NaN;
      return t === T.Real ? Math.fround(v) : v;
    }
  }
  // the common shapes of a date, a time, a timestamp and a timespan, read directly
  const fast = general ? undefined : fastTemporal(t, s);
  if (fast !== undefined) return fast;
  // a timestamp of 9 to 11 digits is seconds since the Unix epoch, with any fraction after a dot
  const unix = t === T.Timestamp ? /^(\d{9,11})(?:\.(\d*))?$/.exec(s) : null;
  if (unix) return (BigInt(unix[1]) - 946684800n) * 1000000000n + BigInt(((unix[2] ?? '') + '000000000').slice(0, 9));
  // a timespan or time of 6 digits or more is HHMMSS and then the fraction of a second
  const raw = t === T.Timespan || t === T.Time ? /^(\d\d)(\d\d)(\d\d)(\d*)$/.exec(s) : null;
  if (raw) {
    const [, hh, mm, ss, f] = raw, secs = BigInt(+hh * 3600 + +mm * 60 + +ss);
    return t === T.Timespan ? secs * 1000000000n + BigInt((f + '000000000').slice(0, 9)) : Number(secs) * 1000 + +(f + '000').slice(0, 3);
  }
  // one or two digits of a time of day are its hours, as its literal reads them ("T"$"12" is 12:00:00.000)
  if ((t === T.Time || t === T.Timespan || t === T.Second || t === T.Minute) && /^\d{1,2}$/.test(s)) {
    const h = +s;
    return t === T.Time ? h * 3600000 : t === T.Second ? h * 3600 : t === T.Minute ? h * 60 : BigInt(h) * 3600000000000n;
  }
  // a second of 6 digits is HHMMSS and a minute of 4 is HHMM, as a time's digits are read
  const hms = t === T.Second ? /^(\d\d)(\d\d)(\d\d)$/.exec(s) : t === T.Minute ? /^(\d\d)(\d\d)$/.exec(s) : null;
  if (hms) return +hms[1] * (t === T.Second ? 3600 : 60) + +hms[2] * (t === T.Second ? 60 : 1) + (t === T.Second ? +hms[3] : 0);
  // a signed or bare HHMM is a time of day (a zone offset: " Z T" reads +0900 of an RFC 2822 date)
  const hhmm = t === T.Time || t === T.Timespan ? /^([-+]?)(\d\d)(\d\d)$/.exec(s) : null;
  if (hhmm) {
    const mins = (+hhmm[2] * 60 + +hhmm[3]) * (hhmm[1] === '-' ? -1 : 1);
    return t === T.Time ? mins * 60000 : BigInt(mins) * 60000000000n;
  }
  // the other forms of a date "D"$ reads (ref/tok), as yyyy.mm.dd, and any time after it
  const other = t === T.Date || t === T.Datetime || t === T.Timestamp ? otherDate(s) : null;
  if (other === undefined) return nullOf(t);
  // a month is [yy]yy[?]mm (ref/file-text): 1103, 201103, 2011.03; a two-digit year as a date's
  if (t === T.Month) {
    const m = /^(\d\d|\d{4})\D?(\d\d)$/.exec(s);
    if (m) { const mo = +m[2], y = m[1].length === 2 ? (+m[1] < 50 ? 2000 : 1900) + +m[1] : +m[1]; return mo >= 1 && mo <= 12 ? (y - 2000) * 12 + mo - 1 : nullOf(t); }
  }
  // temporals: the literal scanner, after normalising the separators kdb+ accepts
  // a run of digits is a date only as yyyymmdd; other digit runs are not dates
  if (!other && /^\d+$/.test(s) && (t === T.Date || t === T.Month || t === T.Datetime) && s.length !== 8) return nullOf(t);
  let w = other ? other[0] + (other[1] ? (t === T.Timestamp ? 'D' : 'T') + other[1] : '') : s.replace(/^(\d{4})-(\d\d)-(\d\d)/, '$1.$2.$3').replace(/^(\d{4})(\d\d)(\d\d)-(?=\d)/, (_m, y, mo, d) => `${y}.${mo}.${d}${t === T.Datetime ? 'T' : 'D'}`);
  if (/^\d{8}$/.test(w) && (t === T.Date || t === T.Timestamp || t === T.Datetime)) w = `${w.slice(0, 4)}.${w.slice(4, 6)}.${w.slice(6)}`;
  // yyyy.mm (or yyyy-mm) is a month, which the literal scanner would take for a float
  if (t === T.Month) { const m = /^(\d{4})[.-](\d\d)$/.exec(w); if (m) { const mo = +m[2]; return mo >= 1 && mo <= 12 ? (+m[1] - 2000) * 12 + mo - 1 : nullOf(t); } }
  // a timestamp written with T (ISO 8601) keeps its nanoseconds: read as D, not as a datetime (ms)
  if (t === T.Timestamp) w = w.replace(/^(\d{4}\.\d\d\.\d\d)T/, '$1D');
  // a blank between the date and the time (2013-06-05 08:00:00, as SQL writes one)
  if (t === T.Timestamp || t === T.Datetime) w = w.replace(/^(\d{4}\.\d\d\.\d\d) +(?=\d)/, t === T.Timestamp ? '$1D' : '$1T');
  if (/^\d{9}$/.test(w) && t === T.Time) w = `${w.slice(0, 2)}:${w.slice(2, 4)}:${w.slice(4, 6)}.${w.slice(6)}`;
  // a day the calendar lacks, or a minute or second of 60 or more, is outside the type's domain: null
  // (ref/tok), not rolled over into the next month or hour
  if (!validParts(w)) return nullOf(t);
  const r = scanWord(w);
  if (!r) return nullOf(t);
  // a plain number is the type's own count; one with a fraction is a datetime's only ("D"$"1.5" is 0Nd)
  if (r.t === T.Float && t !== T.Datetime && typeof r.v === 'number' && !Number.isInteger(r.v)) return nullOf(t);
  // a time of day is no date ("D"$"09:33:00" is 0Nd: csvguess tells times from dates so)
  const dateLike = t === T.Date || t === T.Month || t === T.Datetime || t === T.Timestamp;
  if (dateLike && (r.t === T.Time || r.t === T.Second || r.t === T.Minute || r.t === T.Timespan)) return nullOf(t);
  const from = r.t === T.Long || r.t === T.Float ? t : r.t;
  const v = r.t === T.Float && (t === T.Timestamp || t === T.Timespan) ? BigInt(r.v as number) : r.v;
  try { return one(t, from, v); } catch { return nullOf(t); }
}

/** Whether a date's month and day exist and a time's minutes and seconds are below 60, in text that
 *  begins yyyy.mm.dd or hh:mm[:ss]. */
function validParts(w: string): boolean {
  const d = /^(\d{4})\.(\d\d)\.(\d\d)(?:[DT](.*))?$/.exec(w);
  if (d) {
    const y = +d[1], m = +d[2], day = +d[3];
    if (!(m >= 1 && m <= 12) || day < 1 || new Date(Date.UTC(y, m - 1, day)).getUTCDate() !== day) return false;
    w = d[4] ?? '';
  }
  const c = /^\d+:(\d\d)(?::(\d\d))?/.exec(w);
  return !c || +c[1] < 60 && (c[2] === undefined || +c[2] < 60);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/**
 * A date in one of the forms of ref/tok other than yyyy.mm.dd, yyyy-mm-dd and yyyymmdd: yymmdd (or yy.mm.dd, yy-mm-dd),
 * ddMMM[yy]yy (a space or - allowed between the parts), yyyy/[mm|MMM]/dd, and [mm|MMM]/dd/[yy]yy (or
 * dd/[mm|MMM]/[yy]yy under \z 1). It gives the date as yyyy.mm.dd and the time that follows it (after a
 * blank, T or D); undefined for a date that does not exist; null when s is in none of these forms.
 * A two-digit year is 20yy below 50, else 19yy.
 */
function otherDate(s: string): [string, string] | null | undefined {
  const mon = (x: string) => /^\d+$/.test(x) ? +x : MONTHS.indexOf(x.toLowerCase()) + 1;
  const year = (x: string) => x.length === 2 ? (+x < 50 ? 2000 : 1900) + +x : +x;
  const end = '(?:[ TD](.*))?$';
  let y: number, m: number, d: number, rest: string | undefined, f: RegExpExecArray | null;
  if ((f = /^(\d\d)([.-]?)(\d\d)\2(\d\d)$/.exec(s))) [y, m, d] = [year(f[1]), +f[3], +f[4]];
  else if ((f = new RegExp('^(\\d\\d?)[ -]?([A-Za-z]{3})[ -]?(\\d{4}|\\d\\d)' + end).exec(s))) [d, m, y, rest] = [+f[1], mon(f[2]), year(f[3]), f[4]];
  else if ((f = new RegExp('^(\\d{4})/(\\d\\d?|[A-Za-z]{3})/(\\d\\d?)' + end).exec(s))) [y, m, d, rest] = [+f[1], mon(f[2]), +f[3], f[4]];
  // (the month first with . or - between the parts too, the year of four digits: "D"$"12.31.2014" and
  // "12-31-2014" are 2014.12.31 in kdb+, q4m3 7.3.3; a two-digit one there is yy.mm.dd, above)
  else if ((f = new RegExp('^(\\d\\d?|[A-Za-z]{3})([/.-])(\\d\\d?|[A-Za-z]{3})\\2(\\d{4}|\\d\\d)' + end).exec(s)) && (f[2] === '/' || f[4].length === 4)) {
    const [a, b] = tokDates.dmy ? [f[3], f[1]] : [f[1], f[3]];
    if (!/^\d+$/.test(b)) return undefined;
    [y, m, d, rest] = [year(f[4]), mon(a), +b, f[5]];
  } else return null;
  const ms = Date.UTC(y, m - 1, d);
  if (!(m >= 1 && m <= 12) || new Date(ms).getUTCDate() !== d || y < 1 || y > 9999) return undefined;
  const p2 = (n: number) => String(n).padStart(2, '0');
  return [`${String(y).padStart(4, '0')}.${p2(m)}.${p2(d)}`, (rest ?? '').trim()];
}

/** The 16 bytes of an IPv6 address (groups of hex, one :: for a run of zeros, an IPv4 address last), or of
 *  an IPv4 address as IPv6 writes one (::ffff:a.b.c.d); null when s is neither. */
function ipGuid(s: string): Uint8Array | null {
  const v4 = (x: string) => { const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(x); return m && m.slice(1).every(b => +b < 256) ? m.slice(1).map(Number) : null; };
  const four = v4(s);
  if (four) return Uint8Array.from([...new Array(10).fill(0), 255, 255, ...four]);
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const groups = (part: string): number[] | null => {
    if (!part) return [];
    const gs = part.split(':'), out: number[] = [];
    for (let i = 0; i < gs.length; i++) {
      const ip = i === gs.length - 1 ? v4(gs[i]) : null;
      if (ip) { out.push(ip[0] << 8 | ip[1], ip[2] << 8 | ip[3]); continue; }
      if (!/^[0-9a-fA-F]{1,4}$/.test(gs[i])) return null;
      out.push(parseInt(gs[i], 16));
    }
    return out;
  };
  const a = groups(halves[0]), b = halves.length === 2 ? groups(halves[1]) : [];
  if (!a || !b) return null;
  const fill = 8 - a.length - b.length;
  if (halves.length === 2 ? fill < 1 : fill !== 0) return null;
  const all = [...a, ...new Array(fill).fill(0), ...b], r = new Uint8Array(16);
  all.forEach((g, i) => { r[2 * i] = g >> 8; r[2 * i + 1] = g & 255; });
  return r;
}

// ---- pad --------------------------------------------------------------------------------------------

/** n$s: s padded with blanks (or cut) to n chars, on the left when n is negative. */
export function pad(n: number, y: Q): Q {
  if (y.t === T.List) return list((y as List).d.map(e => pad(n, e)));
  if (y.t === T.Dict) return dict((y as Dict).k, pad(n, (y as Dict).v));
  if (y.t === T.Table) return table((y as Table).c, (y as Table).d.map(c => pad(n, c)));
  if (y.t === -T.Sym) return pad(n, str((y as Atom).v));
  if (y.t !== T.Char && y.t !== -T.Char) throw new QError('type');
  const d = y.t === T.Char ? (y as Vec).d as Uint8Array : Uint8Array.of((y as Atom).v);
  const k = Math.abs(n), r = new Uint8Array(k).fill(32);
  if (n >= 0) r.set(d.subarray(0, k)); else r.set(d.subarray(Math.max(0, d.length - k)), Math.max(0, k - d.length));
  return vec(T.Char, r);
}
export { TYPE_CHARS, symName, intern, vec };

/** \z: whether "D"$ reads a slashed date as dd/mm/yyyy (else mm/dd/yyyy, kdb+'s default). */
export const tokDates = { dmy: false };

/** An int or a long (atom or vector) as the other, for storing into a vector of type t (T.Int or
 *  T.Long): kdb+ converts between the two where amend, insert and upsert store an item, the one
 *  exception to their rule that the types match (a KX forum thread on amend's type enforcement shows
 *  `@[1 2 3i;1;:;9223372036854775]` as `1 0W 3i`; kdb+ replaying a tickerplant log of long sizes into an
 *  int column keeps it int). A long beyond the int range is 0W or -0W. Anything else comes back as it is. */
export function intLong(x: Q, t: number): Q {
  const from = Math.abs(x.t);
  if (!(t === T.Int && from === T.Long || t === T.Long && from === T.Int)) return x;
  const narrow = (v: bigint) => v === NJ ? NI : v > BigInt(WI) ? WI : v < -BigInt(WI) ? -WI : Number(v);
  const widen = (v: number) => v === NI ? NJ : BigInt(v);   // as `long$ does: only the null maps
  if (x.t < 0) return { t: -t, v: t === T.Int ? narrow((x as Atom).v as bigint) : widen((x as Atom).v as number) } as Atom;
  const d = (x as Vec).d, n = d.length, r = alloc(t, n) as Int32Array | BigInt64Array;
  if (t === T.Int) for (let i = 0; i < n; i++) (r as Int32Array)[i] = narrow((d as BigInt64Array)[i]);
  else for (let i = 0; i < n; i++) (r as BigInt64Array)[i] = widen((d as Int32Array)[i]);
  return { t, d: r, a: 0 } as Vec;
}

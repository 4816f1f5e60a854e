// Numeric, temporal, boolean and byte literals: one word (`2020.01.01`, `12:30`, `0Nj`, `101b`) or a
// vector of words separated by spaces (`1 2 3j`, `1.5 0n`). kdb+ types the vector from its words and suffix.
import { T, typeOfChar } from '../value/types.js';
import { Q, Atom, atom, vec, NJ, WJ, NI, WI, NH, WH } from '../value/value.js';
import { alloc } from '../value/storage.js';
import { ymdToDays } from '../value/time.js';

/** A scanned word: its type, payload, whether its text fixed the type; neg0: a long read from -0, which
 *  in a float vector is the float -0 (-0 1.5 as -0 1f) */
interface Word { t: number; v: number | bigint; explicit: boolean; neg0?: boolean }

const TEMPORAL = /^(\d{4})\.(\d\d)(?:\.(\d\d)(?:([DT])(\d\d?)?(?::(\d\d)(?::(\d\d)(?:\.(\d*))?)?)?(?:\.(\d*))?)?)?([a-z])?$/;
const CLOCK = /^(?:(\d+)D)?(\d+)(?::(\d\d)(?::(\d\d)(?:\.(\d*))?)?)?([a-z])?$/;

const fracNanos = (s: string | undefined) => s ? BigInt((s + '000000000').slice(0, 9)) : 0n;
const fracMs = (s: string | undefined) => s ? Number((s + '000').slice(0, 3)) : 0;

function nullWord(c: string, neg: boolean): Word | null {
  // 0N 0n 0W 0w with an optional type char: 0Nj 0Wi 0Nd …
  const m = /^0([NnWw])([a-z]?)$/.exec(c);
  if (!m) return null;
  const isNull = m[1] === 'N' || m[1] === 'n';
  let t = m[2] ? typeOfChar(m[2]) : (m[1] === 'n' || m[1] === 'w' ? T.Float : T.Long);
  // 0Nc is the char null, a blank (weihong15's notes roll 10?0Nc for letters, as 10?" " does)
  if (m[2] === 'c') return m[1] === 'N' ? { t: T.Char, v: 32, explicit: true } : null;
  if (t < 0) return null;
  // (the lower-case letters take a type too: 0wi is 0Wi (ref/cast), 0ng a null guid (ref/deal))
  const fl = t === T.Real || t === T.Float || t === T.Datetime;
  const wide = t === T.Long || t === T.Timestamp || t === T.Timespan;
  if (t === T.Guid) return isNull ? { t, v: new Uint8Array(16) as any, explicit: true } : null;
  let v: number | bigint = isNull ? (fl ? NaN : wide ? NJ : t === T.Short ? NH : NI) : (fl ? Infinity : wide ? WJ : t === T.Short ? WH : WI);
  if (neg && !isNull) v = typeof v === 'bigint' ? -v : -v;
  // untyped 0N and 0W are longs that give way to another type in a vector; 0n and 0w are floats
  return { t, v, explicit: !!m[2] || m[1] === 'n' || m[1] === 'w' };
}

/** A plain whole number, the commonest word (1 2 3, a script's data), of up to 15 digits: a double holds
 *  it exactly, so it needs none of the patterns below (which cost ~0.2 µs a word). */
const PLAIN = /^-?\d{1,15}$/;

/** Scan one literal word (without surrounding space); null if it is not a literal. */
export function scanWord(w: string): Word | null {
  if (PLAIN.test(w)) return { t: T.Long, v: BigInt(w), explicit: false, neg0: w[0] === '-' && +w === 0 };
  let neg = false, s = w;
  if (s[0] === '-') { neg = true; s = s.slice(1); }
  // hh:mm:ss:mmm, a colon before the milliseconds, is hh:mm:ss.mmm (kb/faq inserts 09:04:59:000; a
  // datetime's time too, 2012.12.20T04:54:59:000)
  const ms = /\d:\d\d:\d\d(:)\d\d\d$/.exec(s);
  if (ms) s = s.slice(0, ms.index + 7) + '.' + s.slice(ms.index + 8);
  const nw = nullWord(s, neg);
  if (nw) return nw;
  let m = TEMPORAL.exec(s);
  // yyyy.mm is a month only with its m: 9872.36 is a float
  if (m && m[3] === undefined && m[10] !== 'm') m = null;
  if (m && !neg) {
    const [, y, mo, d, sep, hh, mm, ss, f1, f2, suf] = m;
    if (d === undefined) { // month: 2020.01m
      if (suf !== 'm') return null;
      return { t: T.Month, v: (+y - 2000) * 12 + (+mo - 1), explicit: true };
    }
    const days = ymdToDays(+y, +mo, +d);
    if (!sep) {
      const t = suf ? typeOfChar(suf) : T.Date;
      if (t === T.Date) return { t, v: days, explicit: true };
      if (t === T.Timestamp) return { t, v: BigInt(days) * 86400000000000n, explicit: true };
      if (t === T.Datetime) return { t, v: days, explicit: true };
      if (t === T.Month) return { t, v: (+y - 2000) * 12 + (+mo - 1), explicit: true };
      return null;
    }
    const frac = f1 ?? f2;
    if (sep === 'D' || suf === 'p') {
      const ns = BigInt(days) * 86400000000000n + BigInt(+(hh ?? 0)) * 3600000000000n + BigInt(+(mm ?? 0)) * 60000000000n
        + BigInt(+(ss ?? 0)) * 1000000000n + fracNanos(frac);
      return { t: T.Timestamp, v: ns, explicit: true };
    }
    const ms = ((+(hh ?? 0) * 60 + +(mm ?? 0)) * 60 + +(ss ?? 0)) * 1000 + fracMs(frac);
    return { t: T.Datetime, v: days + ms / 86400000, explicit: true };
  }
  // 1D, 2D: whole days as a timespan
  const days = /^(\d+)D$/.exec(s);
  if (days) { const ns = BigInt(days[1]) * 86400000000000n; return { t: T.Timespan, v: neg ? -ns : ns, explicit: true }; }
  m = CLOCK.exec(s);
  if (m && (m[1] !== undefined || m[3] !== undefined)) {
    const [, dd, hh, mm, ss, frac, suf] = m;
    const sign = neg ? -1 : 1;
    let t: number;
    if (suf) t = typeOfChar(suf);
    else if (dd !== undefined || (frac !== undefined && frac.length > 3)) t = T.Timespan;
    else if (frac !== undefined) t = T.Time;
    else if (ss !== undefined) t = T.Second;
    else t = T.Minute;
    if (t === T.Timespan) {
      const ns = BigInt(+(dd ?? 0)) * 86400000000000n + BigInt(+hh) * 3600000000000n + BigInt(+(mm ?? 0)) * 60000000000n
        + BigInt(+(ss ?? 0)) * 1000000000n + fracNanos(frac);
      return { t, v: neg ? -ns : ns, explicit: true };
    }
    if (t === T.Minute) return { t, v: sign * (+hh * 60 + +(mm ?? 0)), explicit: true };
    if (t === T.Second) return { t, v: sign * ((+hh * 60 + +(mm ?? 0)) * 60 + +(ss ?? 0)), explicit: true };
    if (t === T.Time) return { t, v: sign * ((((+hh * 60 + +(mm ?? 0)) * 60 + +(ss ?? 0)) * 1000) + fracMs(frac)), explicit: true };
    return null;
  }
  if (m && m[1] !== undefined && m[3] === undefined) {
    // 1D, 2D03: a timespan in days (and hours)
    const ns = BigInt(+m[1]) * 86400000000000n + BigInt(+m[2]) * 3600000000000n;
    return { t: T.Timespan, v: neg ? -ns : ns, explicit: true };
  }
  m = /^(\d+\.?\d*|\.\d+)(?:[eE]([+-]?\d+))?([a-z])?$/.exec(s);
  if (!m) return null;
  const [, digits, exp, suf] = m;
  const isFloat = digits.includes('.') || exp !== undefined;
  const t = suf ? typeOfChar(suf) : isFloat ? T.Float : T.Long;
  if (t < 0 || t === T.Sym || t === T.Char || t === T.Guid || t === T.Bool) return null;
  if (isFloat && !(t === T.Float || t === T.Real || t === T.Datetime)) return null;
  const text = digits + (exp !== undefined ? 'e' + exp : '');
  if (t === T.Float || t === T.Real || t === T.Datetime) {
    let v = Number(text); if (neg) v = -v;
    return { t, v: t === T.Real ? Math.fround(v) : v, explicit: !!suf || isFloat };
  }
  // one or two digits of a time of day are its hours, as the clock forms read them: 4u is 04:00, 5v
  // 05:00:00, 2p 2000.01.01D02 (gyorokpeter/qutils' longstring tests, from kdb+)
  if (suf && /^\d{1,2}$/.test(digits) && 'uvtnp'.includes(suf)) {
    const h = (neg ? -1 : 1) * +digits;
    if (t === T.Minute) return { t, v: h * 60, explicit: true };
    if (t === T.Second) return { t, v: h * 3600, explicit: true };
    if (t === T.Time) return { t, v: h * 3600000, explicit: true };
    return { t, v: BigInt(h) * 3600000000000n, explicit: true };
  }
  let b = BigInt(digits); if (neg) b = -b;
  // a whole number past the longs' range, untyped, is read as a float (as kdb+ reads 9223372036854775808)
  if (!suf && (b > 9223372036854775807n || b < -9223372036854775807n)) return { t: T.Float, v: Number(text) * (neg ? -1 : 1), explicit: true };
  if (t === T.Long || t === T.Timestamp || t === T.Timespan) return { t, v: BigInt.asIntN(64, b), explicit: !!suf };
  return { t, v: Number(BigInt.asIntN(t === T.Short ? 16 : t === T.Byte ? 8 : 32, b)), explicit: true };
}

/** Convert a scanned word's payload to type t. */
function cast(w: Word, t: number): number | bigint {
  if (w.t === t) return w.v;
  const wideT = t === T.Long || t === T.Timestamp || t === T.Timespan;
  const flT = t === T.Float || t === T.Real || t === T.Datetime;
  const v = w.v;
  if (typeof v === 'bigint') { // untyped long (maybe null or infinity)
    if (v === NJ) return wideT ? NJ : flT ? NaN : t === T.Short ? NH : NI;
    if (v === WJ) return wideT ? WJ : flT ? Infinity : t === T.Short ? WH : WI;
    if (v === -WJ) return wideT ? -WJ : flT ? -Infinity : t === T.Short ? -WH : -WI;
    return wideT ? v : flT ? (w.neg0 ? -0 : Number(v)) : Number(v);
  }
  return wideT ? BigInt(Math.trunc(v)) : v;
}

/** Units of a day of the time-of-day types, by type: minute, second, time (ms). */
const UNITS: Record<number, number> = { [T.Minute]: 1, [T.Second]: 60, [T.Time]: 60000 };

/** The value of a run of literal words: an atom for one word, a vector for several. */
export function literal(words: string[]): Q | null {
  const plain = plainLongs(words);
  if (plain) return plain;
  const ws: Word[] = [];
  // a trailing type char types every word of the vector: 2017.05 2017.09m, 13:30 20:00t
  // (the w of 0w and the n of 0n are not type chars)
  const lastWord = words[words.length - 1];
  const tail = words.length > 1 && !/^-?0[NnWw]$/.test(lastWord) ? /[a-z]$/.exec(lastWord)?.[0] : undefined;
  for (const w of words) {
    // under another type's char 0n and 0w are that type's null and infinity: 0n 2 3i is 0N 2 3i
    const u = tail && /^-?0[nw]$/.test(w) && tail !== 'f' && tail !== 'e' ? w.toUpperCase() : w;
    let s = tail && !/[a-zA-Z]$/.test(u) ? scanWord(u + tail) ?? scanWord(u) : scanWord(u);
    if (!s) return null;
    ws.push(s);
  }
  let t: number;
  const last = words[words.length - 1];
  const suffix = /[a-z]$/.exec(last)?.[0];
  // a trailing type char types the whole vector; otherwise floats win over untyped integers
  if (ws.length > 1 && suffix && !/^-?0[NnWw]/.test(last) && !ws.slice(0, -1).some(w => w.explicit && w.t !== ws[ws.length - 1].t && !(w.t === T.Float && (ws[ws.length - 1].t === T.Real || ws[ws.length - 1].t === T.Float)))) t = ws[ws.length - 1].t;
  else {
    const typed = ws.filter(w => w.explicit);
    if (!typed.length) t = ws.some(w => w.t === T.Float) ? T.Float : T.Long;
    else {
      t = typed[0].t;
      if (typed.some(w => w.t !== t)) {
        if (typed.every(w => w.t === T.Float || w.t === T.Long)) t = T.Float;
        // times of day of different precisions meet in the finest: 12:34 01:02:03 is 12:34:00 01:02:03
        // (q4m's Lists notebook, kdb+ 3.6)
        else if (typed.every(w => UNITS[w.t])) {
          t = typed.reduce((a, w) => UNITS[w.t] > UNITS[a] ? w.t : a, typed[0].t);
          for (const w of ws) if (UNITS[w.t] && w.t !== t && typeof w.v === 'number') { if (Math.abs(w.v) < 2147483647) w.v = w.v * UNITS[t] / UNITS[w.t]; w.t = t; }
        } else return null;
      }
      if (ws.some(w => !w.explicit && w.t === T.Float)) t = T.Float;
    }
  }
  if (t === T.Guid) { if (ws.length === 1) return atom(t, ws[0].v); const g = new Uint8Array(16 * ws.length); return vec(t, g); }
  if (ws.length === 1) return atom(t, t === T.Real ? Math.fround(Number(cast(ws[0], t))) : cast(ws[0], t));
  const d = alloc(t, ws.length) as any;
  for (let i = 0; i < ws.length; i++) d[i] = cast(ws[i], t);
  return vec(t, d);
}

/** Words that are all plain whole numbers as a long vector, written without a bigint per item (two
 *  32-bit halves of each, little-endian as wasm's memory is); null if any word is not one. */
function plainLongs(words: string[]): Q | null {
  for (const w of words) if (!PLAIN.test(w)) return null;
  if (words.length === 1) return atom(T.Long, BigInt(words[0]));
  const d = alloc(T.Long, words.length) as BigInt64Array, h = new Int32Array(d.buffer, d.byteOffset, 2 * words.length);
  for (let i = 0; i < words.length; i++) { const v = +words[i]; h[2 * i] = v | 0; h[2 * i + 1] = Math.floor(v / 4294967296); }
  return vec(T.Long, d);
}

/** `101b` → boolean vector (or atom for one digit); `0x0a0b` → byte vector (or atom for two digits). */
export function boolLiteral(w: string): Q {
  const bits = w.slice(0, -1);
  if (bits.length === 1) return atom(T.Bool, +bits);
  return vec(T.Bool, Uint8Array.from(bits, c => +c));
}
export function byteLiteral(w: string): Q {
  let h = w.slice(2);
  if (h.length === 0) return vec(T.Byte, new Uint8Array(0));
  if (h.length === 1) return atom(T.Byte, parseInt(h, 16));
  if (h.length % 2) h = '0' + h;
  if (h.length === 2) return atom(T.Byte, parseInt(h, 16));
  const d = new Uint8Array(h.length / 2);
  for (let i = 0; i < d.length; i++) d[i] = parseInt(h.slice(2 * i, 2 * i + 2), 16);
  return vec(T.Byte, d);
}
export type { Atom };

// Parts of temporal values: x.year x.month x.mm x.week x.dd x.hh x.uu x.ss and the typed parts
// x.date x.time x.minute x.second, for atoms and vectors (and qSQL's date.week on a column).
import { T } from '../value/types.js';
import { Q, Vec, Atom, count, vec, NI } from '../value/value.js';
import { QError } from '../value/error.js';
import { castTo } from './conv.js';
import { daysToYmd } from '../value/time.js';
import { allocRaw } from '../value/storage.js';
import * as kernels from '../kernels/index.js';

// the parts of an infinite value are infinite (0Wd.year is 0Wi), as casts between temporal types keep them
const WI = 2147483647;
const TYPED: Record<string, number> = { month: T.Month, date: T.Date, time: T.Time, minute: T.Minute, second: T.Second, timestamp: T.Timestamp, timespan: T.Timespan, datetime: T.Datetime };
const DATE_LIKE = new Set([T.Timestamp, T.Date, T.Datetime, T.Month]);
const TEMPORAL = new Set([T.Timestamp, T.Date, T.Datetime, T.Month, T.Timespan, T.Minute, T.Second, T.Time]);

/** The named part of x, or null when x is not temporal or the part is unknown. */
export function temporalPart(x: Q, part: string): Q | null {
  const t = Math.abs(x.t);
  if (!TEMPORAL.has(t) || (x.t > 0 && x.t > 19)) return null;
  if (TYPED[part] !== undefined) return castTo(TYPED[part], x);
  if (part === 'week') {
    if (!DATE_LIKE.has(t) || t === T.Month) throw new QError('type');
    // Monday of the week: 2000.01.01 was a Saturday
    const d = castTo(T.Date, x);
    const mon = (v: number) => v === NI || Math.abs(v) === WI ? v : v - (((v + 5) % 7) + 7) % 7;
    if (d.t < 0) return { t: -T.Date, v: mon((d as Atom).v) };
    const src = (d as Vec).d as Int32Array, k = kernels.datePart(src, 3);
    if (k) return vec(T.Date, k);
    const out = allocRaw(T.Date, src.length) as Int32Array;
    for (let i = 0; i < src.length; i++) out[i] = mon(src[i]);
    return vec(T.Date, out);
  }
  const intPart = (f: (days: number, secs: number) => number, needDate: boolean, ymd?: 0 | 1 | 2, code?: number) => {
    if (needDate && !DATE_LIKE.has(t)) throw new QError('type');
    // dates are whole days: no need to go through nanoseconds
    if (x.t === T.Date) {
      const src = (x as Vec).d as Int32Array, k = ymd === undefined ? null : kernels.datePart(src, ymd);
      if (k) return vec(T.Int, k);
      const out = allocRaw(T.Int, src.length) as Int32Array;
      for (let i = 0; i < src.length; i++) out[i] = src[i] === NI || Math.abs(src[i]) === WI ? src[i] : f(src[i], 0);
      return vec(T.Int, out);
    }
    // times, seconds and minutes are whole numbers of one unit a day: their parts need no nanoseconds
    const unit = t === T.Time ? 1000 : t === T.Second ? 1 : t === T.Minute ? 1 / 60 : 0;
    if (unit && x.t > 0) {
      const src = (x as Vec).d as Int32Array, per = 86400 * unit, out = allocRaw(T.Int, src.length) as Int32Array;
      for (let i = 0; i < src.length; i++) {
        const v = src[i];
        out[i] = v === NI || Math.abs(v) === WI ? v : f(Math.floor(v / per), Math.floor((((v % per) + per) % per) / unit));
      }
      return vec(T.Int, out);
    }
    const ns = castTo(T.Timestamp, DATE_LIKE.has(t) ? x : castTo(T.Timespan, x));
    const one = (v: bigint) => {
      if (v === -(2n ** 63n)) return NI;
      if (v === 2n ** 63n - 1n || v === 1n - 2n ** 63n) return v > 0n ? WI : -WI;
      const day = 86400000000000n;
      let dd = v / day, r = v % day;
      if (r < 0n) { r += day; dd -= 1n; }
      return f(Number(dd), Number(r / 1000000000n));
    };
    if (ns.t < 0) return { t: -T.Int, v: one((ns as Atom).v) } as Atom;
    // a vector's parts in wasm, in 64-bit integers (a BigInt an item took 240 ms for a million hours)
    const k = code === undefined ? null : kernels.nsPart((ns as Vec).d as BigInt64Array, code);
    if (k) return vec(T.Int, k);
    const src = (ns as Vec).d as BigInt64Array, out = allocRaw(T.Int, src.length) as Int32Array;
    for (let i = 0; i < src.length; i++) out[i] = one(src[i]);
    return vec(T.Int, out);
  };
  switch (part) {
    case 'year': return intPart(d => daysToYmd(d)[0], true, 0, 0);
    // on a time, mm is the minutes (as uu); on a date, the month
    case 'mm': return DATE_LIKE.has(t) ? intPart(d => daysToYmd(d)[1], true, 1, 1) : intPart((_d, s) => Math.floor(s / 60) % 60, false, undefined, 5);
    case 'dd': return intPart(d => daysToYmd(d)[2], true, 2, 2);
    case 'hh': return intPart((_d, s) => Math.floor(s / 3600), false, undefined, 4);
    case 'uu': return intPart((_d, s) => Math.floor(s / 60) % 60, false, undefined, 5);
    case 'ss': return intPart((_d, s) => s % 60, false, undefined, 6);
  }
  return null;
}
export { count };

// The one number and temporal formatter: the text of one item of any basic type, used by the console,
// `string`, HTML, CSV and JSON.
import { T } from '../value/types.js';
import { NJ, WJ, NI, WI, NH, Q } from '../value/value.js';
import { daysToYmd } from '../value/time.js';
import type { Bytes } from './bytes.js';

const pad = (n: number | bigint, w: number) => String(n).padStart(w, '0');

/** C's %.{p}g, as kdb+ prints floats: p significant digits, exponent form outside [1e-5, 10^p). */
export function fmtG(x: number, p: number): string {
  if (x !== x) return '0n';
  if (x === Infinity) return '0w';
  if (x === -Infinity) return '-0w';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  if (p <= 0 || p > 17) p = 17;
  // the usual case, a magnitude from 1e-4 up: toPrecision writes p digits in fixed notation unless the
  // rounded exponent reaches p (then it writes an exponent, and the general path below decides)
  const a = x < 0 ? -x : x;
  if (a >= 1e-4) {
    const g = p <= 9 ? fixedText(a, p) : null;
    if (g !== null) return x < 0 ? '-' + g : g;
    const f = x.toPrecision(p);
    if (!f.includes('e')) { const h = halfEven(f, a, p - 1 - pointExponent(f)); return h.includes('.') ? trimZeros(h) : h; }
  }
  const e = x.toExponential(p - 1);          // d.ddde±x, correctly rounded
  const [mant, expS] = e.split('e');
  const X = +expS;
  if (X < -4 || X >= p) {
    const m = halfEven(mant, a, p - 1 - X);
    return (m.includes('.') ? trimZeros(m) : m) + 'e' + (X < 0 ? '-' : '+') + String(Math.abs(X)).padStart(2, '0');
  }
  const places = p - 1 - X, f = halfEven(x.toFixed(places), a, places);
  return f.includes('.') ? trimZeros(f) : f;
}
/** The exponent of the first digit of a number in fixed notation (f from toPrecision: "0.00123" is -3). */
function pointExponent(f: string): number {
  let i = f.charCodeAt(0) === 45 ? 1 : 0;
  if (f.charCodeAt(i) !== 48) { const dot = f.indexOf('.'); return (dot < 0 ? f.length : dot) - i - 1; }
  for (i += 2; f.charCodeAt(i) === 48; i++);
  return -(i - f.indexOf('.'));
}

/**
 * s, JavaScript's text of a (> 0, or its negation) rounded at 10^-k, as C's printf writes it: an exact tie
 * goes to the even digit (2.5 to 0 places is 2, 1234566.5 to 7 digits is 1234566), where toPrecision,
 * toFixed and toExponential round it away from zero. Only a tie whose lower neighbour is even changes: the
 * last digit, made odd by rounding up (and so without a carry), goes down by one.
 */
export function halfEven(s: string, a: number, k: number): string {
  return evenTie(a, k) ? s.slice(0, -1) + String.fromCharCode(s.charCodeAt(s.length - 1) - 1) : s;
}
/** Is a·10^k exactly n+1/2 with n even? With a = m·2^b (m odd), 2·a·10^k is m·2^(b+1+k)·5^k: an odd
 *  integer when the twos cancel and, for k < 0, 5^-k divides m; and as 5 ≡ 1 (mod 4), 2n+1 ≡ m (mod 4). */
function evenTie(a: number, k: number): boolean {
  BITS[0] = a;
  const hi = WORDS[1], lo = WORDS[0], be = (hi >>> 20) & 0x7ff;
  if (be === 0x7ff || a === 0) return false;
  let mHi = hi & 0xfffff, mLo = lo, b = be - 1075;
  if (be) mHi |= 0x100000; else b = -1074;
  const z = mLo ? 31 - Math.clz32(mLo & -mLo) : 32 + 31 - Math.clz32(mHi & -mHi);
  if (z + b + 1 + k !== 0) return false;
  const m = (mHi * 2 ** 32 + mLo) / 2 ** z;
  if (k < 0 && (-k > 22 || m % 5 ** -k !== 0)) return false;
  return m % 4 === 1;
}
const BITS = new Float64Array(1), WORDS = new Uint32Array(BITS.buffer);
/** a (from 1e-4) to p significant digits (p at most 9) for fixed notation: the digits as an integer n
 *  (10^(p-1) ≤ n < 10^p, trailing zeros kept) and the exponent of the first in FIXED_E; -1 where that is
 *  not sure (on or next to a half after the scaling, an exponent of p or more), for toPrecision to decide.
 *  toPrecision costs about 80 ns a float (string of 100 floats: 15 → 10 µs): here one multiplication or
 *  division by an exact power of ten and a rounding. */
function fixedDigits(a: number, p: number): number {
  // the exponent by comparisons with powers of ten (Math.log10 cost as much as the rest); below 1 the
  // product may round across a power, which the checks below correct
  let e = 0;
  if (a >= 1) while (e < p && a >= POW10[e + 1]) e++;
  else { e = -1; while (e > -5 && a * POW10[-e] < 1) e--; }
  for (let tries = 0; tries < 2; tries++) {
    if (e >= p || e < -4) return -1;
    const k = p - 1 - e, v = k >= 0 ? a * POW10[k] : a / POW10[-k], n = Math.round(v);
    // (rounding is monotonic, so v is on the side of a half that a·10^k is, or on it: on it or near it,
    // toPrecision decides)
    if (Math.abs(v - Math.floor(v) - 0.5) < 1e-6) return -1;
    // log10 may land one off next to a power of ten
    if (n < POW10[p - 1]) { e--; continue; }
    if (v >= POW10[p]) { e++; continue; }
    // rounded up to the next power of ten: one digit more before the point
    if (n === POW10[p]) { e++; if (e >= p) return -1; FIXED_E = e; return POW10[p - 1]; }
    FIXED_E = e;
    return n;
  }
  return -1;
}
let FIXED_E = 0;
/** a to p digits in fixed notation without trailing zeros, as toPrecision and trimZeros make it (see
 *  fixedDigits); null where toPrecision decides. */
function fixedText(a: number, p: number): string | null {
  const n = fixedDigits(a, p);
  if (n < 0) return null;
  const e = FIXED_E, digits = String(n);
  let end = p;
  while (end > 0 && digits.charCodeAt(end - 1) === 48) end--;
  if (e < 0) return '0.' + '0'.repeat(-e - 1) + digits.slice(0, end);
  return end > e + 1 ? digits.slice(0, e + 1) + '.' + digits.slice(e + 1, end) : digits.slice(0, e + 1);
}
/** x as fmtG writes it, into out: where fixedDigits decides, its digits go in as bytes without a string
 *  (a string and its slices a float cost about 400 ns a float in a million-row CSV); else fmtG's text. */
export function writeFloat(out: Bytes, x: number, p: number): void {
  const a = x < 0 ? -x : x;
  const n = p >= 1 && p <= 9 && a >= 1e-4 && a !== Infinity ? fixedDigits(a, p) : -1;
  if (n < 0) { out.ascii(fmtG(x, p)); return; }
  const e = FIXED_E;
  // the digits kept, trailing zeros dropped (m has exactly `keep` of them)
  let m = n, keep = p;
  while (keep > 1 && m % 10 === 0) { m /= 10; keep--; }
  if (x < 0) out.byte(45);
  if (e < 0) { out.byte(48); out.byte(46); for (let i = 1; i < -e; i++) out.byte(48); out.int(m); }
  else if (keep > e + 1) { const f = POW10[keep - e - 1], ip = Math.floor(m / f); out.int(ip); out.byte(46); out.digits(m - ip * f, keep - e - 1); }
  else out.int(n / POW10[p - e - 1]);
}
const POW10 = Array.from({ length: 19 }, (_, k) => 10 ** k);
/** A decimal with a point, without its trailing zeros (and without the point when nothing follows it). */
function trimZeros(f: string): string {
  let k = f.length;
  while (f.charCodeAt(k - 1) === 48) k--;
  if (f.charCodeAt(k - 1) === 46) k--;
  return f.slice(0, k);
}

/** The days from 2000.01.01 of 0001.01.01 and of 9999.12.31, the dates kdb+ can show. */
const FIRST_DAY = -730119, LAST_DAY = 2921939;
function date(d: number): string {
  // out-of-range dates show as 0000.00.00 (basics/datatypes)
  if (d < FIRST_DAY || d > LAST_DAY) return '0000.00.00';
  const [y, m, dd] = daysToYmd(d);
  return `${pad(y, 4)}.${pad(m, 2)}.${pad(dd, 2)}`;
}
function clock(ms: number, withMs: boolean): string {
  const neg = ms < 0; if (neg) ms = -ms;
  const h = Math.floor(ms / 3600000), mi = Math.floor(ms / 60000) % 60, s = Math.floor(ms / 1000) % 60, f = ms % 1000;
  return (neg ? '-' : '') + `${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}` + (withMs ? '.' + pad(f, 3) : '');
}
function nanos(ns: bigint, withDays: boolean): string {
  const neg = ns < 0n; if (neg) ns = -ns;
  // whole days as a bigint; the rest of a day (below 2^47) in plain numbers, exactly
  const d = ns / 86400000000000n, r = Number(ns - d * 86400000000000n), sec = Math.floor(r / 1e9), f = r - sec * 1e9;
  const h = Math.floor(sec / 3600), mi = Math.floor(sec / 60) % 60, s = sec % 60;
  return (neg ? '-' : '') + (withDays ? `${d}D` : '') + `${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}.${pad(f, 9)}`;
}

/** Null and infinity texts without type suffix ('0N', '0W', '-0W', '0n', '0w', '-0w'), or null. */
function special(t: number, v: any): string | null {
  switch (t) {
    case T.Long: case T.Timestamp: case T.Timespan: return v === NJ ? '0N' : v === WJ ? '0W' : v === -WJ ? '-0W' : null;
    case T.Int: case T.Month: case T.Date: case T.Minute: case T.Second: case T.Time: return v === NI ? '0N' : v === WI ? '0W' : v === -WI ? '-0W' : null;
    // (a short's infinities have no text of their own: 0Wh shows 32767h, basics/datatypes)
    case T.Short: return v === NH ? '0N' : null;
    case T.Real: case T.Float: return v !== v ? '0n' : v === Infinity ? '0w' : v === -Infinity ? '-0w' : null;
    case T.Datetime: return v !== v ? '0N' : v === Infinity ? '0W' : v === -Infinity ? '-0W' : null;
  }
  return null;
}

/** Text of one item of type t (abs) with payload v, as `string` gives it (no type suffix). */
export function itemText(t: number, v: any, P: number): string {
  const sp = special(t, v);
  if (sp !== null) return sp;
  switch (t) {
    case T.Bool: return v ? '1' : '0';
    case T.Guid: { const h = Array.from(v as Uint8Array, b => b.toString(16).padStart(2, '0')).join(''); return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`; }
    case T.Byte: return v.toString(16).padStart(2, '0');
    case T.Short: case T.Int: case T.Long: return String(v);
    case T.Real: return fmtG(v, Math.min(P, 7) || 7 );
    case T.Float: return fmtG(v, P);
    case T.Char: return String.fromCharCode(v);
    case T.Sym: return v;
    case T.Timestamp: { const day = 86400000000000n; let d = (v as bigint) / day; if ((v as bigint) % day < 0n) d -= 1n; return date(Number(d)) + 'D' + nanos((v as bigint) - d * day, false); }
    case T.Month: { const y = 2000 + Math.floor(v / 12), m = ((v % 12) + 12) % 12 + 1; return `${pad(y, 4)}.${pad(m, 2)}`; }
    case T.Date: return date(v);
    case T.Datetime: { const d = Math.floor(v), ms = Math.round((v - d) * 86400000); return date(d) + 'T' + clock(ms, true); }
    case T.Timespan: return nanos(v as bigint, true);
    case T.Minute: { const neg = v < 0; const a = Math.abs(v); return (neg ? '-' : '') + `${pad(Math.floor(a / 60), 2)}:${pad(a % 60, 2)}`; }
    case T.Second: { const neg = v < 0; const a = Math.abs(v); return (neg ? '-' : '') + `${pad(Math.floor(a / 3600), 2)}:${pad(Math.floor(a / 60) % 60, 2)}:${pad(a % 60, 2)}`; }
    case T.Time: return clock(v, true);
    case T.Enum: return String(v);
  }
  return String(v);
}

/** Is v the null of type t (for display choices)? */
export const isSpecial = (t: number, v: any) => special(t, v) !== null;

/** The suffix char kdb+ appends when displaying a vector or atom of type t. */
export const SUFFIX: Record<number, string> = { [T.Bool]: 'b', [T.Short]: 'h', [T.Int]: 'i', [T.Real]: 'e', [T.Month]: 'm' };
export type { Q };

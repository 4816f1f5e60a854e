// The commonest temporal texts Tok ("D"$, "P"$ …) and Load CSV read, read without the general scanner:
// yyyy.mm.dd (or yyyy-mm-dd), hh:mm[:ss[.fff…]], [nD]hh:mm:ss[.fff…] and a date then D or T and a time.
// Anything else (other date forms, out-of-range parts, signs, more digits than the type keeps) gives
// undefined, and the general path (conv.ts's parse1) reads it; a test checks that both agree wherever this
// one answers. A million dates took 2 s through the scanner.
import { T } from '../value/types.js';
import { ymdToDays } from '../value/time.js';

const digit = (c: number) => c >= 48 && c <= 57;
/** The number in s[i..i+n) when all n are digits, else -1. */
function num(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = i; k < i + n; k++) { const c = s.charCodeAt(k); if (!digit(c)) return -1; v = v * 10 + c - 48; }
  return v;
}
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
/** Days from 2000.01.01 of the date in s[0..10), yyyy.mm.dd or yyyy-mm-dd, or undefined. */
function date10(s: string): number | undefined {
  const sep = s.charCodeAt(4);
  if (sep !== 46 && sep !== 45 || s.charCodeAt(7) !== sep) return undefined;
  const y = num(s, 0, 4), m = num(s, 5, 2), d = num(s, 8, 2);
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > DAYS[m - 1] || m === 2 && d === 29 && !leap(y)) return undefined;
  return ymdToDays(y, m, d);
}
/** Nanoseconds of hh:mm:ss[.f…] in s from i to its end (hours below 24, at most 9 digits of fraction), or -1. */
function clock(s: string, i: number, withSeconds: boolean): number {
  const n = s.length;
  if (n - i < 5 || s.charCodeAt(i + 2) !== 58) return -1;
  const h = num(s, i, 2), m = num(s, i + 3, 2);
  if (h < 0 || h > 23 || m < 0 || m > 59) return -1;
  let ns = (h * 3600 + m * 60) * 1e9;
  if (n - i === 5) return withSeconds ? -1 : ns;
  if (s.charCodeAt(i + 5) !== 58 || n - i < 8) return -1;
  const sec = num(s, i + 6, 2);
  if (sec < 0 || sec > 59) return -1;
  ns += sec * 1e9;
  if (n - i === 8) return ns;
  const f = n - (i + 9);
  if (s.charCodeAt(i + 8) !== 46 || f < 1 || f > 9) return -1;
  const frac = num(s, i + 9, f);
  return frac < 0 ? -1 : ns + frac * 10 ** (9 - f);
}
const NS_DAY = 86400e9;

/** The value of text s (already trimmed) as temporal type t, or undefined where the general path decides. */
export function fastTemporal(t: number, s: string): number | bigint | undefined {
  const n = s.length;
  switch (t) {
    case T.Date: return n === 10 ? date10(s) : undefined;
    case T.Timestamp: {
      if (n < 10) return undefined;
      const d = date10(s);
      if (d === undefined) return undefined;
      if (n === 10) return BigInt(d) * 86400000000000n;
      const c = s.charCodeAt(10);
      if (c !== 68 && c !== 84) return undefined;
      const ns = clock(s, 11, false);
      // (a day's nanoseconds are below 2^47: exact in a double, as is the fraction added to them)
      return ns < 0 ? undefined : BigInt(d) * 86400000000000n + BigInt(ns);
    }
    case T.Timespan: {
      // [n]D then a clock, or a clock alone (at most 5 digits of days: a day count beyond is left to the scanner)
      const dAt = s.indexOf('D');
      const days = dAt < 0 ? 0 : dAt >= 1 && dAt <= 5 ? num(s, 0, dAt) : -1;
      if (days < 0) return undefined;
      const ns = clock(s, dAt + 1, dAt < 0);
      return ns < 0 ? undefined : BigInt(days) * 86400000000000n + BigInt(ns);
    }
    case T.Time: {
      // milliseconds: at most 3 digits of fraction
      if (n > 12) return undefined;
      const ns = clock(s, 0, false);
      return ns < 0 || ns >= NS_DAY ? undefined : ns / 1e6;
    }
    case T.Second: { if (n !== 8) return undefined; const ns = clock(s, 0, true); return ns < 0 ? undefined : ns / 1e9; }
    case T.Minute: { if (n !== 5) return undefined; const ns = clock(s, 0, false); return ns < 0 ? undefined : ns / 6e10; }
  }
  return undefined;
}

/** The integer written in the bytes b: blanks (as trim takes them) around an optional sign and 1 to 15
 *  digits, so exact in a double; else undefined, for the general path ("J"$ of 100 strings: 14.2 → 1.6 µs). */
export function fastInteger(b: Uint8Array): number | undefined {
  let i = 0, e = b.length;
  while (i < e && (b[i] === 32 || b[i] >= 9 && b[i] <= 13)) i++;
  while (e > i && (b[e - 1] === 32 || b[e - 1] >= 9 && b[e - 1] <= 13)) e--;
  const neg = b[i] === 45;
  if (neg || b[i] === 43) i++;
  if (i === e || e - i > 15) return undefined;
  let v = 0;
  for (; i < e; i++) { const c = b[i]; if (c < 48 || c > 57) return undefined; v = v * 10 + c - 48; }
  return neg ? -v : v;
}

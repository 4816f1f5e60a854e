// Numeric views of atoms and vectors in one of three domains — float (number), wide (bigint) and int
// (number) — with kdb+'s null and infinity mapping and temporal unit scaling. Arithmetic and comparison
// kernels work on these views, so each loop is written once per domain, not once per type.
import { T } from '../value/types.js';
import { Q, Atom, Vec, NJ, WJ, NI, WI, NH, WH } from '../value/value.js';
import { alloc, fresh, putLong } from '../value/storage.js';
import { QError } from '../value/error.js';
import * as kernels from '../kernels/index.js';

export const enum Dom { F, J, I }

/** The domain arithmetic on result type t works in. */
export function domOf(t: number): Dom {
  t = Math.abs(t);
  return t === T.Float || t === T.Real || t === T.Datetime ? Dom.F : t === T.Long || t === T.Timestamp || t === T.Timespan ? Dom.J : Dom.I;
}

// Units of the temporal types, to scale one into another: ns for p n, days for d z, months m, minutes u, seconds v, ms t.
const NS: Record<number, number> = { [T.Timestamp]: 1, [T.Timespan]: 1, [T.Date]: 86400e9, [T.Datetime]: 86400e9, [T.Minute]: 60e9, [T.Second]: 1e9, [T.Time]: 1e6 };
/** Factor to turn a value of type from into the units of type to (1 when either is not temporal). */
export function scale(from: number, to: number): number {
  from = Math.abs(from); to = Math.abs(to);
  if (from === to || from === T.Month || to === T.Month) return 1;
  const a = NS[from], b = NS[to];
  if (a === undefined || b === undefined) return 1;
  return a / b;
}

const isIntT = (t: number) => t === T.Short || t === T.Int || t === T.Month || t === T.Date || t === T.Minute || t === T.Second || t === T.Time || t === T.Enum;

// kdb+ maps nulls between integer types, but not infinities: 0Wi is just 2147483647 when widened
// (basics/datatypes.md "Infinities", ref/cast.md), so `0Wi+5` is 2147483652 and `sqrt 0Wh` is 181.0166.
/** One item (atom payload) as a float: nulls are NaN. */
export function f1(t: number, v: any): number {
  t = Math.abs(t);
  if (typeof v === 'bigint') return v === NJ ? NaN : Number(v);
  if (t === T.Short) return v === NH ? NaN : v;
  if (isIntT(t)) return v === NI ? NaN : v;
  return v;
}
/** One item as a bigint: nulls are 0N; float infinities become ±0W. */
export function j1(t: number, v: any): bigint {
  t = Math.abs(t);
  if (typeof v === 'bigint') return v;
  if (t === T.Short) return v === NH ? NJ : BigInt(v);
  if (isIntT(t)) return v === NI ? NJ : BigInt(v);
  if (t === T.Float || t === T.Real || t === T.Datetime) return v !== v ? NJ : v >= 9223372036854775807 ? WJ : v <= -9223372036854775807 ? -WJ : BigInt(Math.trunc(v));
  return BigInt(v);
}
/** A datetime (days and their fraction) in a finer unit of k to the day, as a timestamp's nanoseconds:
 *  scaled before it is made whole, or its time of day would be lost (ref/add: z+n is a p). Its time is
 *  kept to the millisecond, as "p"$ converts it. */
function zScaled(v: number, k: number): bigint {
  if (v !== v) return NJ;
  if (v === Infinity || v === -Infinity) return v > 0 ? WJ : -WJ;
  const ms = k / 86400000;
  return Number.isInteger(ms) ? BigInt(Math.round(v * 86400000)) * BigInt(ms) : BigInt(Math.round(v * k));
}
/** One item as an int: nulls 0Ni; longs wrap to 32 bits. */
export function i1(t: number, v: any): number {
  t = Math.abs(t);
  if (typeof v === 'bigint') return v === NJ ? NI : Number(BigInt.asIntN(32, v));
  if (t === T.Short) return v === NH ? NI : v;
  if (t === T.Float || t === T.Real || t === T.Datetime) return v !== v ? NI : v >= WI ? WI : v <= -WI ? -WI : Math.trunc(v) | 0;
  return v;
}

/** A long vector as floats without a bigint per item: each item is read as two 32-bit halves. */
export function longsToFloats(d: BigInt64Array, k = 1): Float64Array {
  // a long column converts in wasm, into vector memory a query has already touched (a fresh JavaScript
  // buffer of 80 MB costs more in page faults than the conversion)
  if (k === 1) { const c = kernels.cast(d, 'f64'); if (c) return c as Float64Array; }
  const n = d.length, r = fresh(Float64Array, n);
  // a few items as they are: a view of their halves costs more than their bigints (avg each of pairs)
  if (n <= 8) { for (let i = 0; i < n; i++) { const v = d[i]; r[i] = v === NJ ? NaN : Number(v) * k; } return r; }
  const u = new Int32Array(d.buffer, d.byteOffset, 2 * n);
  for (let i = 0, j = 0; i < n; i++, j += 2) {
    const lo = u[j], hi = u[j + 1];
    r[i] = hi === -2147483648 && lo === 0 ? NaN : (hi * 4294967296 + (lo >>> 0)) * k;
  }
  return r;
}

/** All items of an atom or vector in domain dom, scaled by k: Float64Array, BigInt64Array or Int32Array. */
export function view(x: Q, dom: Dom, k = 1): Float64Array | BigInt64Array | Int32Array | number | bigint {
  const t = x.t;
  if (t < 0) {
    const v = (x as Atom).v;
    if (dom === Dom.F) return f1(t, v) * k;
    if (dom === Dom.J) { if (k !== 1 && t === -T.Datetime) return zScaled(v, k); const b = j1(t, v); return k === 1 || b === NJ || b === WJ || b === -WJ ? b : b * BigInt(k); }
    const i = i1(t, v); return k === 1 || i === NI ? i : i * k;
  }
  const d = (x as Vec).d;
  const n = d.length;
  // ints (and int-backed temporals) widened without scaling: the wasm loop (nulls to nulls, as below)
  if (k === 1 && d instanceof Int32Array && dom !== Dom.I) { const r = kernels.cast(d, dom === Dom.F ? 'f64' : 'i64'); if (r) return r as Float64Array | BigInt64Array; }
  if (dom === Dom.F) {
    if (d instanceof Float64Array && k === 1) return d;
    if (d instanceof BigInt64Array) return longsToFloats(d, k);
    const r = fresh(Float64Array, n);
    if (d instanceof Float64Array || d instanceof Float32Array || d instanceof Uint8Array) { for (let i = 0; i < n; i++) r[i] = d[i] * k; return r; }
    const nul = d instanceof Int16Array ? NH : NI;
    for (let i = 0; i < n; i++) { const v = d[i]; r[i] = v === nul ? NaN : v * k; }
    return r;
  }
  if (dom === Dom.J) {
    if (d instanceof BigInt64Array && k === 1) return d;
    const r = fresh(BigInt64Array, n), bk = BigInt(k);
    if (k !== 1 && t === T.Datetime) { for (let i = 0; i < n; i++) r[i] = zScaled(d[i] as number, k); return r; }
    for (let i = 0; i < n; i++) { const b = j1(t, d[i]); r[i] = k === 1 || b === NJ || b === WJ || b === -WJ ? b : b * bk; }
    return r;
  }
  if (d instanceof Int32Array && k === 1) return d;
  const r = fresh(Int32Array, n);
  for (let i = 0; i < n; i++) { const v = i1(t, d[i]); r[i] = k === 1 || v === NI ? v : v * k; }
  return r;
}

/** Store a domain array as a vector of type t (converting floats to reals, ints to shorts). */
export function store(t: number, a: Float64Array | BigInt64Array | Int32Array): Vec {
  if ((t === T.Float || t === T.Datetime) && a instanceof Float64Array) return { t, d: a, a: 0 };
  if (t === T.Long || t === T.Timestamp || t === T.Timespan) return { t, d: a as BigInt64Array, a: 0 };
  if (a instanceof Int32Array && (t === T.Int || t === T.Month || t === T.Date || t === T.Minute || t === T.Second || t === T.Time)) return { t, d: a, a: 0 };
  const r = alloc(t, a.length) as any;
  if (t === T.Short) for (let i = 0; i < a.length; i++) { const v = a[i] as number; r[i] = v === NI ? NH : v; }
  else r.set(a);
  return { t, d: r, a: 0 };
}

/** An atom of type t from a domain value. */
export function atomOf(t: number, v: number | bigint): Atom {
  t = -Math.abs(t);
  if (t === -T.Real) return { t, v: Math.fround(v as number) };
  if (t === -T.Short) return { t, v: v === NI ? NH : v };
  if (t === -T.Bool) return { t, v: v ? 1 : 0 };
  if (t === -T.Byte) return { t, v: Number(v) & 255 };
  return { t, v };
}

export function needNumeric(t: number) {
  t = Math.abs(t);
  if (!(t === 1 || (t >= 4 && t <= 9) || (t >= 12 && t <= 19) || t === T.Char)) throw new QError('type');
}
export { NJ, WJ, NI, WI };

/** A float stored as an atom payload of integral or temporal type t: NaN is null, ±∞ beyond range is ±0W. */
export function floatTo(t: number, v: number): number | bigint {
  t = Math.abs(t);
  if (t === T.Float || t === T.Real || t === T.Datetime) return v;
  const dom = domOf(t);
  if (dom === Dom.J) return v !== v ? NJ : v >= 9223372036854775807 ? WJ : v <= -9223372036854775807 ? -WJ : BigInt(Math.trunc(v));
  const [nul, max] = t === T.Short ? [NH, WH] : t === T.Bool || t === T.Byte || t === T.Char ? [0, 255] : [NI, WI];
  return v !== v ? nul : v >= max ? max : v <= -max ? -max : Math.trunc(v);
}
/** Floats stored as a vector of type t, converting each as floatTo does. */
export function floatsTo(t: number, a: Float64Array): Vec {
  const n = a.length;
  if (t === T.Float || t === T.Datetime) return { t, d: a, a: 0 };
  const r = alloc(t, n) as any;
  if (t === T.Real) { r.set(a); return { t, d: r, a: 0 }; }
  if (domOf(t) === Dom.J) {
    // a long written as its two 32-bit halves where a double holds it exactly (no BigInt per item)
    const w = new Int32Array(r.buffer, r.byteOffset, 2 * n);
    for (let i = 0; i < n; i++) {
      const v = a[i];
      if (v !== v) { w[2 * i] = 0; w[2 * i + 1] = -2147483648; continue; }
      if (v > -9007199254740992 && v < 9007199254740992) putLong(w, i, Math.trunc(v));
      else r[i] = floatTo(t, v);
    }
    return { t, d: r, a: 0 };
  }
  for (let i = 0; i < n; i++) r[i] = floatTo(t, a[i]);
  return { t, d: r, a: 0 };
}

// Numeric views of atoms and vectors in one of three domains — float (number), wide (bigint) and int
// (number) — with kdb+'s null and infinity mapping and temporal unit scaling. Arithmetic and comparison
// kernels work on these views, so each loop is written once per domain, not once per type.
import { T } from '../value/types.js';
import { Q, Atom, Vec, NJ, WJ, NI, WI, NH, WH } from '../value/value.js';
import { alloc } from '../value/storage.js';
import { QError } from '../value/error.js';

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

/** One item (atom payload) as a float: nulls are NaN, integer infinities are ±Infinity. */
export function f1(t: number, v: any): number {
  t = Math.abs(t);
  if (typeof v === 'bigint') return v === NJ ? NaN : v === WJ ? Infinity : v === -WJ ? -Infinity : Number(v);
  if (t === T.Short) return v === NH ? NaN : v === WH ? Infinity : v === -WH ? -Infinity : v;
  if (isIntT(t)) return v === NI ? NaN : v === WI ? Infinity : v === -WI ? -Infinity : v;
  return v;
}
/** One item as a bigint: nulls are 0N, infinities 0W. */
export function j1(t: number, v: any): bigint {
  t = Math.abs(t);
  if (typeof v === 'bigint') return v;
  if (t === T.Short) return v === NH ? NJ : v === WH ? WJ : v === -WH ? -WJ : BigInt(v);
  if (isIntT(t)) return v === NI ? NJ : v === WI ? WJ : v === -WI ? -WJ : BigInt(v);
  if (t === T.Float || t === T.Real || t === T.Datetime) return v !== v ? NJ : v === Infinity ? WJ : v === -Infinity ? -WJ : BigInt(Math.trunc(v));
  return BigInt(v);
}
/** One item as an int: nulls 0Ni. */
export function i1(t: number, v: any): number {
  t = Math.abs(t);
  if (typeof v === 'bigint') return v === NJ ? NI : v === WJ ? WI : v === -WJ ? -WI : Number(BigInt.asIntN(32, v));
  if (t === T.Short) return v === NH ? NI : v === WH ? WI : v === -WH ? -WI : v;
  if (t === T.Float || t === T.Real || t === T.Datetime) return v !== v ? NI : v === Infinity ? WI : v === -Infinity ? -WI : Math.trunc(v) | 0;
  return v;
}

/** All items of an atom or vector in domain dom, scaled by k: Float64Array, BigInt64Array or Int32Array. */
export function view(x: Q, dom: Dom, k = 1): Float64Array | BigInt64Array | Int32Array | number | bigint {
  const t = x.t;
  if (t < 0) {
    const v = (x as Atom).v;
    if (dom === Dom.F) return f1(t, v) * k;
    if (dom === Dom.J) { const b = j1(t, v); return k === 1 || b === NJ || b === WJ || b === -WJ ? b : b * BigInt(k); }
    const i = i1(t, v); return k === 1 || i === NI ? i : i * k;
  }
  const d = (x as Vec).d;
  const n = d.length;
  if (dom === Dom.F) {
    if (d instanceof Float64Array && k === 1) return d;
    const r = new Float64Array(n);
    if (d instanceof Float64Array || d instanceof Float32Array || d instanceof Uint8Array) { for (let i = 0; i < n; i++) r[i] = d[i] * k; if (!(d instanceof Uint8Array)) return r; return r; }
    for (let i = 0; i < n; i++) r[i] = f1(t, d[i]) * k;
    return r;
  }
  if (dom === Dom.J) {
    if (d instanceof BigInt64Array && k === 1) return d;
    const r = new BigInt64Array(n), bk = BigInt(k);
    for (let i = 0; i < n; i++) { const b = j1(t, d[i]); r[i] = k === 1 || b === NJ || b === WJ || b === -WJ ? b : b * bk; }
    return r;
  }
  if (d instanceof Int32Array && k === 1) return d;
  const r = new Int32Array(n);
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

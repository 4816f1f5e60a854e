// Unary maths (neg abs signum floor ceiling not, sqrt exp log and the trigonometric functions,
// reciprocal) and the binary xexp xlog xbar. Result types follow the domain/range lines of each
// keyword's reference page; temporals work on their underlying values (basics/math.md).
import * as kernels from '../kernels/index.js';
import { fresh } from '../value/storage.js';
import { T, TYPE_CHARS, typeOfChar, isFloating } from '../value/types.js';
import { Q, Atom, Vec, NJ, NI, NH, WI } from '../value/value.js';
import { QError } from '../value/error.js';
import { intern, symName } from '../value/sym.js';
import { atomic1, atomic2 } from './atomic.js';
import { Dom, domOf, view, store, atomOf, floatsTo, floatTo } from './numeric.js';
import { div, multiply } from './arith.js';
import { castTo } from './conv.js';

const COLS = 'bgxhijefcspmdznuvt';
/** A range line from the docs ("f . f f …", one type char per column of COLS) as a lookup. */
function range(line: string): (t: number) => number {
  const cs = line.split(' ');
  return (t: number) => {
    const c = cs[COLS.indexOf(TYPE_CHARS[Math.abs(t)] ?? '?')];
    if (!c || c === '.' || Math.abs(t) > 19) throw new QError('type');
    return typeOfChar(c);
  };
}

/** A float function on every item (nulls are NaN going in); the result stored in the range's type. */
export function floatMap(f: (v: number) => number, rangeLine = 'f . f f f f f f f . f f f z f f f f', kernel = -1) {
  const rt = range(rangeLine);
  return atomic1((x: Q): Q => {
    const t = rt(x.t);
    const a = view(x, Dom.F);
    if (x.t < 0) return atomOf(t, floatTo(t, f(a as number)));
    const s = a as Float64Array, k = kernel >= 0 ? kernels.fmap(kernel, s) : null;
    if (k) return floatsTo(t, k);
    const n = s.length, r = fresh(Float64Array, n);
    for (let i = 0; i < n; i++) r[i] = f(s[i]);
    return floatsTo(t, r);
  });
}

export const sqrt = floatMap(Math.sqrt, undefined, 4);
export const exp = floatMap(Math.exp);
export const log = floatMap(Math.log);
export const sin = floatMap(Math.sin);
export const cos = floatMap(Math.cos);
export const tan = floatMap(Math.tan);
export const asin = floatMap(Math.asin);
export const acos = floatMap(Math.acos);
export const atan = floatMap(Math.atan);
export const reciprocal = floatMap(v => 1 / v, 'f . f f f f f f f . p f f z f f f f', 5);

/**
 * An integer-preserving map (neg, abs): computed in the domain of the result type, so longs stay exact;
 * nulls stay null ("a null has no sign").
 */
function sameType(fop: (v: number) => number, jop: (v: bigint) => bigint, kernel: 0 | 1) {
  const rt = range('i . i h i j e f i . p m d z n u v t');
  return atomic1((x: Q): Q => {
    const t = rt(x.t), dom = domOf(t);
    const a = view(x, dom);
    if (x.t < 0) {
      if (dom === Dom.J) return atomOf(t, a === NJ ? NJ : BigInt.asIntN(64, jop(a as bigint)));
      if (dom === Dom.I) return atomOf(t, a === NI ? NI : fop(a as number) | 0);
      return atomOf(t, fop(a as number));
    }
    // the wasm loops first (a BigInt per item is what makes the JavaScript one slow for longs)
    const k = dom === Dom.F ? kernels.fmap(kernel, a as Float64Array) : kernels.imap(kernel, a as BigInt64Array | Int32Array);
    if (k) return store(t, k);
    if (dom === Dom.J) { const s = a as BigInt64Array, n = s.length, r = fresh(BigInt64Array, n); for (let i = 0; i < n; i++) { const v = s[i]; r[i] = v === NJ ? NJ : jop(v); } return store(t, r); }
    if (dom === Dom.I) { const s = a as Int32Array, n = s.length, r = fresh(Int32Array, n); for (let i = 0; i < n; i++) { const v = s[i]; r[i] = v === NI ? NI : fop(v) | 0; } return store(t, r); }
    const s = a as Float64Array, n = s.length, r = fresh(Float64Array, n); for (let i = 0; i < n; i++) r[i] = fop(s[i]); return store(t, r);
  });
}
export const neg = sameType(v => -v, v => -v, 0);
export const abs = sameType(v => v < 0 ? -v : v, v => v < 0n ? -v : v, 1);

/** signum: -1i for null or negative, 0i for zero, 1i for positive, on the underlying value. */
export const signum = atomic1((x: Q): Q => {
  range('i . i i i i i i i . i i i i i i i i')(x.t);
  const dom = domOf(x.t) === Dom.J ? Dom.J : isFloating(x.t) ? Dom.F : Dom.I;
  const a = view(x, dom);
  const sj = (v: bigint) => v === NJ || v < 0n ? -1 : v > 0n ? 1 : 0;
  const sn = (v: number) => v !== v || v === NI || v < 0 ? -1 : v > 0 ? 1 : 0;
  if (x.t < 0) return { t: -T.Int, v: dom === Dom.J ? sj(a as bigint) : sn(a as number) };
  const n = (a as ArrayLike<unknown>).length, r = fresh(Int32Array, n);
  if (dom === Dom.J) { const s = a as BigInt64Array; for (let i = 0; i < n; i++) r[i] = sj(s[i]); }
  else { const s = a as Float64Array | Int32Array; for (let i = 0; i < n; i++) r[i] = sn(s[i]); }
  return { t: T.Int, d: r, a: 0 } as Vec;
});

/** Case-map a char or symbol (floor lowercases text, as k's _ does). */
function caseMap(x: Q, f: (s: string) => string): Q {
  if (x.t === -T.Sym) return { t: -T.Sym, v: f((x as Atom).v) } as Atom;
  if (x.t === T.Sym) { const d = (x as Vec).d as Int32Array, r = fresh(Int32Array, d.length); for (let i = 0; i < d.length; i++) r[i] = intern(f(symName(d[i]))); return { t: T.Sym, d: r, a: 0 } as Vec; }
  const low = (c: number) => c >= 65 && c <= 90 ? c + 32 : c;
  if (x.t < 0) return { t: -T.Char, v: low((x as Atom).v) } as Atom;
  const d = (x as Vec).d as Uint8Array, r = fresh(Uint8Array, d.length);
  for (let i = 0; i < d.length; i++) r[i] = low(d[i]);
  return { t: T.Char, d: r, a: 0 } as Vec;
}

/** floor and ceiling: integers keep their type (exactly), reals and floats round to longs. */
function rounding(up: boolean) {
  const rt = range(up ? 'i . i h i j j j i . . . . . . . . .' : '. . . h i j j j c s . . . . . . . .');
  const f = up ? Math.ceil : Math.floor;
  return atomic1((x: Q): Q => {
    const tx = Math.abs(x.t);
    // a datetime's whole days are its date (ref/floor, ref/ceiling); its null and infinities stay so
    if (tx === T.Datetime) {
      const day = (v: number) => v !== v ? NI : v === Infinity ? WI : v === -Infinity ? -WI : f(v);
      if (x.t < 0) return { t: -T.Date, v: day((x as Atom).v as number) } as Atom;
      const d = (x as Vec).d as Float64Array, r = fresh(Int32Array, d.length);
      for (let i = 0; i < d.length; i++) r[i] = day(d[i]);
      return { t: T.Date, d: r, a: 0 } as Vec;
    }
    const t = rt(x.t);
    if (tx === T.Char || tx === T.Sym) { if (!up) return caseMap(x, s => s.toLowerCase()); }
    if (!isFloating(tx)) {
      if (t === tx) return x;
      const a = view(x, Dom.I);
      return x.t < 0 ? atomOf(t, a as number) : store(t, a as Int32Array);
    }
    // floored (in wasm for long vectors), then made longs as a cast makes them: integral already, so the
    // rounding is exact, and past a long's range null, as x86's conversion makes it in kdb+
    const a = view(x, Dom.F);
    if (x.t < 0) return castTo(t, { t: -T.Float, v: f(a as number) } as Atom);
    const s = a as Float64Array;
    let k = kernels.fmap(up ? 3 : 2, s);
    if (!k) { const n = s.length; k = fresh(Float64Array, n); for (let i = 0; i < n; i++) k[i] = f(s[i]); }
    return castTo(t, { t: T.Float, d: k, a: 0 } as Vec);
  });
}
export const floor = rounding(false);
export const ceiling = rounding(true);

/** not: 1b where the underlying value is zero; nulls and infinities are never zero. Symbols are a type error. */
export const not = atomic1((x: Q): Q => {
  const t = Math.abs(x.t);
  if (t === T.Sym || t > 19) throw new QError('type');
  if (t === T.Guid) {
    const g = x.t < 0 ? (x as Atom).v as Uint8Array : (x as Vec).d as Uint8Array, n = g.length / 16, r = fresh(Uint8Array, n);
    for (let i = 0; i < n; i++) { let z = 1; for (let k = 0; k < 16; k++) if (g[16 * i + k]) { z = 0; break; } r[i] = z; }
    return x.t < 0 ? { t: -T.Bool, v: r[0] } : { t: T.Bool, d: r, a: 0 } as Vec;
  }
  if (x.t < 0) { const v = (x as Atom).v; return { t: -T.Bool, v: v === 0 || v === 0n ? 1 : 0 }; }
  const d = (x as Vec).d as ArrayLike<number | bigint>, n = d.length, r = fresh(Uint8Array, n);
  if (d instanceof BigInt64Array) { for (let i = 0; i < n; i++) r[i] = d[i] === 0n ? 1 : 0; }
  else { const e = d as ArrayLike<number>; for (let i = 0; i < n; i++) r[i] = e[i] === 0 ? 1 : 0; }
  return { t: T.Bool, d: r, a: 0 } as Vec;
});

// ---- binary ----------------------------------------------------------------------------------------------

/** A binary float function on two views; both sides must be in the given domain line. */
function floatMap2(f: (a: number, b: number) => number, ok: (t: number) => boolean) {
  return atomic2((x: Q, y: Q): Q => {
    if (!ok(Math.abs(x.t)) || !ok(Math.abs(y.t))) throw new QError('type');
    const a = view(x, Dom.F), b = view(y, Dom.F);
    if (x.t < 0 && y.t < 0) return { t: -T.Float, v: f(a as number, b as number) };
    const n = x.t > 0 ? (x as Vec).d.length : (y as Vec).d.length, r = fresh(Float64Array, n);
    if (typeof a === 'number') { const q = b as Float64Array; for (let i = 0; i < n; i++) r[i] = f(a, q[i]); }
    else if (typeof b === 'number') { const p = a as Float64Array; for (let i = 0; i < n; i++) r[i] = f(p[i], b); }
    else { const p = a as Float64Array, q = b as Float64Array; for (let i = 0; i < n; i++) r[i] = f(p[i], q[i]); }
    return { t: T.Float, d: r, a: 0 } as Vec;
  });
}
const numT = (t: number) => t === 1 || (t >= 4 && t <= 9);
/** x xexp y is computed as exp y*log x, as kdb+ does: a negative or null x gives 0n. */
export const xexp = floatMap2((a, b) => b === 0 && a === a ? 1 : Math.exp(b * Math.log(a)), numT);
/** x xlog y: the base-x logarithm of y, on float casts of both (chars and temporals too, not datetimes). */
// (as a ratio of base-2 logarithms, which gives kdb+'s last digit: 10 xlog 3 is 0.47712125471966244 under
// \P 0, as kxcontrib's phrases record it, where natural logarithms give ..6232)
export const xlog = floatMap2((a, b) => Math.log2(b) / Math.log2(a), t => numT(t) || t === T.Char || (t >= 12 && t <= 19 && t !== T.Datetime));

/** x xbar y: y rounded down to a multiple of x, i.e. x*y div x; a timespan x counts nanoseconds. */
export const xbar = atomic2((x: Q, y: Q): Q => {
  // a positive atom over a vector of its own type (float, long, int): one loop in wasm
  if (x.t < 0 && y.t === -x.t && (y.t === T.Float || y.t === T.Long || y.t === T.Int) && (x as Atom).v > 0) {
    const k = kernels.scan('xbar', y.t, (y as Vec).d, (x as Atom).v);
    if (k) return { t: y.t, d: k, a: 0 } as Vec;
  }
  if (Math.abs(x.t) === T.Timespan) x = x.t < 0 ? { t: -T.Long, v: (x as Atom).v } as Atom : { t: T.Long, d: (x as Vec).d, a: 0 } as Vec;
  return multiply(x, div(y, x));
});
export { NH };

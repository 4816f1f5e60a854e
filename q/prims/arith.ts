// Arithmetic operators + - * % and their relatives, with result types from kdb+'s Range and domains
// tables (ref/add, ref/subtract, ref/multiply): rows are x's type, columns y's, '.' is a type error.
import { T, TYPE_CHARS, typeOfChar } from '../value/types.js';
import { Q, Atom, Vec, NJ, NI } from '../value/value.js';
import { QError } from '../value/error.js';
import { atomic2, atomic1 } from './atomic.js';
import { Dom, domOf, scale, view, store, atomOf, f1 } from './numeric.js';

const COLS = 'bgxhijefcspmdznuvt';
const parseTable = (rows: string[]) => rows.map(r => r.split(' '));
const ADD = parseTable([
  'i . i i i j e f . . p m d z n u v t', '. . . . . . . . . . . . . . . . . .', 'i . i i i j e f . . p m d z n u v t',
  'i . i i i j e f . . p m d z n u v t', 'i . i i i j e f . . p m d z n u v t', 'j . j j j j e f . . p m d z n u v t',
  'e . e e e e e f . . p m d z n u v t', 'f . f f f f f f f . f f z z f f f f', '. . . . . . . f . . p m d z n u v t',
  '. . . . . . . . . . . . . . . . . .', 'p . p p p p p f p . n . . . p p p p', 'm . m m m m m f m . . i . . p p p p',
  'd . d d d d d z d . . . i . p p p p', 'z . z z z z z z z . . . . f p z z z', 'n . n n n n n f n . p p p p n n n n',
  'u . u u u u u f u . p p p z n u v t', 'v . v v v v v f v . p p p z n v v t', 't . t t t t t f t . p p p z n t t t']);
const SUB = parseTable([
  'i . i i i j e f i . p m d z n u v t', '. . . . . . . . . . . . . . . . . .', 'i . i i i j e f i . p m d z n u v t',
  'i . i i i j e f i . p m d z n u v t', 'i . i i i j e f i . p m d z n u v t', 'j . j j j j e f j . p m d z n u v t',
  'e . e e e e e f e . p m d z n u v t', 'f . f f f f f f f . f f z z f f f f', '. . . . . . . f . . p m d z n u v t',
  '. . . . . . . . . . . . . . . . . .', 'p . p p p p p f p . n . . . p p p p', 'm . m m m m m f m . . i . . p p p p',
  'd . d d d d d z d . . . i . p p p p', 'z . z z z z z z z . . . . f p z z z', 'n . n n n n n f n . p p p p n n n n',
  'u . u u u u u f u . p p p z n u v t', 'v . v v v v v f v . p p p z n v v t', 't . t t t t t f t . p p p z n t t t']);
const MUL = parseTable([
  'i . i i i j e f . . p m d z n u v t', '. . . . . . . . . . . . . . . . . .', 'i . i i i j e f . . p m d z n u v t',
  'i . i i i j e f . . p m d z n u v t', 'i . i i i j e f . . p m d z n u v t', 'j . j j j j e f . . p m d z n u v t',
  'e . e e e e e f . . p m d z n u v t', 'f . f f f f f f f . f f z z f f f f', '. . . . . . . f . . p m d z n u v t',
  '. . . . . . . . . . . . . . . . . .', 'p . p p p p p f p . . . . . . . . .', 'm . m m m m m f m . . . . . . . . .',
  'd . d d d d d z d . . . . . . . . .', 'z . z z z z z z z . . . . . . . . .', 'n . n n n n n f n . . . . . . . . .',
  'u . u u u u u f u . . . . . . . . .', 'v . v v v v v f v . . . . . . . . .', 't . t t t t t f t . . . . . . . . .']);

/** Result type of op table tbl for item types tx, ty; signals 'type where kdb+ does. */
export function resultType(tbl: string[][], tx: number, ty: number): number {
  const i = COLS.indexOf(TYPE_CHARS[Math.abs(tx)] ?? '?'), j = COLS.indexOf(TYPE_CHARS[Math.abs(ty)] ?? '?');
  if (Math.abs(tx) > 19 || Math.abs(ty) > 19 || i < 0 || j < 0) throw new QError('type');
  const c = tbl[i][j];
  if (c === '.') throw new QError('type');
  return typeOfChar(c);
}

type FOp = (a: number, b: number) => number;
type JOp = (a: bigint, b: bigint) => bigint;
type IOp = (a: number, b: number) => number;

/** The one arithmetic loop: views both sides in the result's domain and applies the op item-wise. */
export function arith(tbl: string[][], fop: FOp, jop: JOp, iop: IOp) {
  return atomic2((x: Q, y: Q): Q => {
    const tx = Math.abs(x.t), ty = Math.abs(y.t);
    const rt = resultType(tbl, tx, ty);
    const dom = domOf(rt);
    const a = view(x, dom, scale(tx, rt)), b = view(y, dom, scale(ty, rt));
    if (x.t < 0 && y.t < 0) {
      if (dom === Dom.F) return atomOf(rt, fop(a as number, b as number));
      if (dom === Dom.J) { const p = a as bigint, q = b as bigint; return atomOf(rt, p === NJ || q === NJ ? NJ : BigInt.asIntN(64, jop(p, q))); }
      const p = a as number, q = b as number; return atomOf(rt, p === NI || q === NI ? NI : iop(p, q) | 0);
    }
    const n = x.t > 0 ? (x as Vec).d.length : (y as Vec).d.length;
    if (dom === Dom.F) {
      const r = new Float64Array(n);
      if (typeof a === 'number') { const bb = b as Float64Array; for (let i = 0; i < n; i++) r[i] = fop(a, bb[i]); }
      else if (typeof b === 'number') { const aa = a as Float64Array; for (let i = 0; i < n; i++) r[i] = fop(aa[i], b); }
      else { const aa = a as Float64Array, bb = b as Float64Array; for (let i = 0; i < n; i++) r[i] = fop(aa[i], bb[i]); }
      return store(rt, r);
    }
    if (dom === Dom.J) {
      const r = new BigInt64Array(n);
      for (let i = 0; i < n; i++) {
        const p = typeof a === 'bigint' ? a : (a as BigInt64Array)[i], q = typeof b === 'bigint' ? b : (b as BigInt64Array)[i];
        r[i] = p === NJ || q === NJ ? NJ : jop(p, q);
      }
      return store(rt, r);
    }
    const r = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const p = typeof a === 'number' ? a : (a as Int32Array)[i], q = typeof b === 'number' ? b : (b as Int32Array)[i];
      r[i] = p === NI || q === NI ? NI : iop(p, q) | 0;
    }
    return store(rt, r);
  });
}

export const add = arith(ADD, (a, b) => a + b, (a, b) => a + b, (a, b) => a + b);
export const subtract = arith(SUB, (a, b) => a - b, (a, b) => a - b, (a, b) => a - b);
export const multiply = arith(MUL, (a, b) => a * b, (a, b) => a * b, (a, b) => Math.imul(a, b));

/** % always gives floats; x%0 is ±0w, 0%0 is 0n. */
export const divide = atomic2((x: Q, y: Q): Q => {
  resultType(MUL, Math.abs(x.t) === T.Char ? T.Float : x.t, Math.abs(y.t) === T.Char ? T.Float : y.t);
  const a = view(x, Dom.F), b = view(y, Dom.F);
  if (x.t < 0 && y.t < 0) return { t: -T.Float, v: (a as number) / (b as number) };
  const n = x.t > 0 ? (x as Vec).d.length : (y as Vec).d.length, r = new Float64Array(n);
  const av = a as Float64Array | number, bv = b as Float64Array | number;
  for (let i = 0; i < n; i++) r[i] = (typeof av === 'number' ? av : av[i]) / (typeof bv === 'number' ? bv : bv[i]);
  return { t: T.Float, d: r, a: 0 } as Vec;
});

/** Unary maths on floats: every numeric type in, floats out (sqrt, exp, log, sin …). */
export function floatFn(f: (v: number) => number) {
  return atomic1((x: Q): Q => {
    const t = Math.abs(x.t);
    if (!(t === 1 || (t >= 4 && t <= 9) || (t >= 12 && t <= 19))) throw new QError('type');
    const a = view(x, Dom.F);
    if (x.t < 0) return { t: -T.Float, v: f(a as number) };
    const src = a as Float64Array, r = new Float64Array(src.length);
    for (let i = 0; i < src.length; i++) r[i] = f(src[i]);
    return { t: T.Float, d: r, a: 0 } as Vec;
  });
}

/** A unary map that keeps the type: neg, abs, signum-like operations per domain. */
export function sameType(fop: (v: number) => number, jop: (v: bigint) => bigint, resT?: (t: number) => number) {
  return atomic1((x: Q): Q => {
    const t0 = Math.abs(x.t);
    if (!(t0 === 1 || (t0 >= 4 && t0 <= 9) || (t0 >= 12 && t0 <= 19))) throw new QError('type');
    const rt = resT ? resT(t0) : t0 === T.Bool || t0 === T.Byte || t0 === T.Short ? T.Int : t0;
    const dom = domOf(rt);
    const a = view(x, dom);
    if (x.t < 0) {
      if (dom === Dom.J) return atomOf(rt, a === NJ ? NJ : BigInt.asIntN(64, jop(a as bigint)));
      if (dom === Dom.I) return atomOf(rt, a === NI ? NI : fop(a as number) | 0);
      return atomOf(rt, fop(a as number));
    }
    if (dom === Dom.J) { const s = a as BigInt64Array, r = new BigInt64Array(s.length); for (let i = 0; i < s.length; i++) r[i] = s[i] === NJ ? NJ : BigInt.asIntN(64, jop(s[i])); return store(rt, r); }
    if (dom === Dom.I) { const s = a as Int32Array, r = new Int32Array(s.length); for (let i = 0; i < s.length; i++) r[i] = s[i] === NI ? NI : fop(s[i]) | 0; return store(rt, r); }
    const s = a as Float64Array, r = new Float64Array(s.length); for (let i = 0; i < s.length; i++) r[i] = fop(s[i]); return store(rt, r);
  });
}

export const neg = sameType(v => -v, v => -v);
export const abs = sameType(v => Math.abs(v), v => v < 0n ? -v : v);

/** x div y: integer division rounding down; floats give floor(x%y). */
export const div = atomic2((x: Q, y: Q): Q => {
  const rt0 = resultType(ADD, x.t, y.t);
  const rt = rt0 === T.Real || rt0 === T.Float ? T.Float : rt0 === T.Long || Math.abs(x.t) === T.Long || Math.abs(y.t) === T.Long ? T.Long : T.Int;
  const dom = domOf(rt);
  const f = (p: number, q: number) => Math.floor(p / q);
  const j = (p: bigint, q: bigint) => { if (q === 0n) return NJ; const d = p / q; return (p % q !== 0n) && ((p < 0n) !== (q < 0n)) ? d - 1n : d; };
  return binDom(x, y, rt, dom, f, j, (p, q) => q === 0 ? NI : Math.floor(p / q));
});
/** x mod y: the remainder with the sign of y. */
export const mod = atomic2((x: Q, y: Q): Q => {
  const rt = resultType(ADD, x.t, y.t);
  const dom = domOf(rt);
  const f = (p: number, q: number) => p - q * Math.floor(p / q);
  const j = (p: bigint, q: bigint) => { if (q === 0n) return p; const r = p % q; return r !== 0n && ((r < 0n) !== (q < 0n)) ? r + q : r; };
  return binDom(x, y, rt, dom, f, j, (p, q) => q === 0 ? p : p - q * Math.floor(p / q));
});

function binDom(x: Q, y: Q, rt: number, dom: Dom, f: FOp, j: JOp, i: IOp): Q {
  const a = view(x, dom), b = view(y, dom);
  const get = (v: any, k: number) => typeof v === 'number' || typeof v === 'bigint' ? v : v[k];
  const one = (p: any, q: any) => dom === Dom.F ? f(p, q) : dom === Dom.J ? (p === NJ || q === NJ ? NJ : BigInt.asIntN(64, j(p, q))) : (p === NI || q === NI ? NI : i(p, q) | 0);
  if (x.t < 0 && y.t < 0) return atomOf(rt, one(a, b));
  const n = x.t > 0 ? (x as Vec).d.length : (y as Vec).d.length;
  const r = dom === Dom.F ? new Float64Array(n) : dom === Dom.J ? new BigInt64Array(n) : new Int32Array(n);
  for (let k = 0; k < n; k++) (r as any)[k] = one(get(a, k), get(b, k));
  return store(rt, r);
}

/** Float view of one numeric atom, for primitives that take a number. */
export const asFloat = (x: Atom) => f1(x.t, x.v);
export { ADD, SUB, MUL };

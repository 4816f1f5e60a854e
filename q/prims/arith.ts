// Arithmetic operators + - * % and div mod, with result types from kdb+'s Range and domains tables
// (ref/add, ref/subtract, ref/multiply, ref/divide, ref/div, ref/mod): rows are x's type, columns y's,
// '.' is a type error. Integer arithmetic wraps and only checks nulls: infinities are ordinary values
// (basics/datatypes.md), so 0W+1 is 0N and 0Wi+5 is 2147483652.
import { neg } from './math.js';
import { fresh, halves, longSides, FEW_LONGS, NULL_HI } from '../value/storage.js';
import * as kernels from '../kernels/index.js';
import { T, TYPE_CHARS, typeOfChar, isFloating } from '../value/types.js';
import { Q, Atom, Vec, NJ, NI } from '../value/value.js';
import { QError } from '../value/error.js';
import { atomic2 } from './atomic.js';
import { Dom, domOf, scale, view, store, atomOf, f1, floatsTo, floatTo } from './numeric.js';

const COLS = 'bgxhijefcspmdznuvt';
export const parseTable = (rows: string[]) => rows.map(r => r.split(' '));
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
// div keeps x's type, except that boolean, byte, short and char give int and real gives float.
const DIV = parseTable(('i . i i i i i i i . i i i i i i i i|. . . . . . . . . . . . . . . . . .|i . i i i i i i i . i i i i i i i i|' +
  'i . i i i i i i i . i i i i i i i i|i . i i i i i i i . i i i i i i i i|j . j j j j j j j . j j j j j j j j|' +
  'f . f f f f f f f . f f f f f f f f|f . f f f f f f f . f f f f f f f f|i . i i i i i i i . i i i i i i i i|' +
  '. . . . . . . . . . . . . . . . . .|p . p p p p p p p . p p p p p p p p|m . m m m m m m m . m m m m m m m m|' +
  'd . d d d d d d d . d d d d d d d d|z . z z z z z z z . z z z z z z z z|n . n n n n n n n . n n n n n n n n|' +
  'u . u u u u u u u . u u u u u u u u|v . v v v v v v v . v v v v v v v v|t . t t t t t t t . t t t t t t t t').split('|'));
const MOD = parseTable(('i . i i i j e f . . p m d z n u v t|. . . . . . . . . . . . . . . . . .|i . i i i j e f . . p m d z n u v t|' +
  'i . i i i j e f . . p m d z n u v t|i . i i i j e f . . p m d z n u v t|j . j j j j e f . . p m d z n u v t|' +
  'f . f f f f f f f . f f z z f f f f|f . f f f f f f f . f f z z f f f f|. . . . . . . f . . p m d z n u v t|' +
  '. . . . . . . . . . . . . . . . . .|n . n n n n n f n . . . . . . . . .|i . i i i i i f i . . . . . . . . .|' +
  'i . i i i i i . i . . . . . . . . .|f . f f f f f f f . . . . . . . . .|n . n n n n n f n . . . . . . . . .|' +
  'u . u u u u u f u . . . . . . . . .|v . v v v v v f v . . . . . . . . .|t . t t t t t f t . . . . . . . . .').split('|'));

/** Each op table as numbers, indexed by abs type x*20+y (-1 where kdb+ signals 'type). */
const numeric = new Map<string[][], Int8Array>();
function typeTable(tbl: string[][]): Int8Array {
  let r = numeric.get(tbl);
  if (r) return r;
  r = new Int8Array(400).fill(-1);
  for (let x = 1; x < 20; x++) for (let y = 1; y < 20; y++) {
    const i = COLS.indexOf(TYPE_CHARS[x]), j = COLS.indexOf(TYPE_CHARS[y]);
    if (i >= 0 && j >= 0 && tbl[i][j] !== '.') r[x * 20 + y] = typeOfChar(tbl[i][j]);
  }
  numeric.set(tbl, r);
  return r;
}
/** Result type of op table tbl for item types tx, ty; signals 'type where kdb+ does. */
export function resultType(tbl: string[][], tx: number, ty: number): number {
  tx = Math.abs(tx); ty = Math.abs(ty);
  const r = tx < 20 && ty < 20 ? typeTable(tbl)[tx * 20 + ty] : -1;
  if (r < 0) throw new QError('type');
  return r;
}

type FOp = (a: number, b: number) => number;
type JOp = (a: bigint, b: bigint) => bigint;
type IOp = (a: number, b: number) => number;
type Side = Float64Array | BigInt64Array | Int32Array | number | bigint;

/** Number of items of the vector side of a simple pair. */
const countOf = (x: Q, y: Q) => x.t > 0 ? (x as Vec).d.length : (y as Vec).d.length;

// The three loops per domain: vector with vector, atom with vector, vector with atom. Floats need no null
// test (NaN propagates); ints and longs test for their null.
function loopF(a: Side, b: Side, n: number, f: FOp): Float64Array {
  const r = fresh(Float64Array, n);
  if (typeof a === 'number') { const q = b as Float64Array; for (let i = 0; i < n; i++) r[i] = f(a, q[i]); }
  else if (typeof b === 'number') { const p = a as Float64Array; for (let i = 0; i < n; i++) r[i] = f(p[i], b); }
  else { const p = a as Float64Array, q = b as Float64Array; for (let i = 0; i < n; i++) r[i] = f(p[i], q[i]); }
  return r;
}
function loopJ(a: Side, b: Side, n: number, f: JOp): BigInt64Array {
  const r = fresh(BigInt64Array, n);
  if (typeof a === 'bigint') { const q = b as BigInt64Array; if (a === NJ) r.fill(NJ); else for (let i = 0; i < n; i++) { const v = q[i]; r[i] = v === NJ ? NJ : f(a, v); } }
  else if (typeof b === 'bigint') { const p = a as BigInt64Array; if (b === NJ) r.fill(NJ); else for (let i = 0; i < n; i++) { const v = p[i]; r[i] = v === NJ ? NJ : f(v, b); } }
  else { const p = a as BigInt64Array, q = b as BigInt64Array; for (let i = 0; i < n; i++) { const u = p[i], v = q[i]; r[i] = u === NJ || v === NJ ? NJ : f(u, v); } }
  return r;
}
function loopI(a: Side, b: Side, n: number, f: IOp): Int32Array {
  const r = fresh(Int32Array, n);
  if (typeof a === 'number') { const q = b as Int32Array; if (a === NI) r.fill(NI); else for (let i = 0; i < n; i++) { const v = q[i]; r[i] = v === NI ? NI : f(a, v); } }
  else if (typeof b === 'number') { const p = a as Int32Array; if (b === NI) r.fill(NI); else for (let i = 0; i < n; i++) { const v = p[i]; r[i] = v === NI ? NI : f(v, b); } }
  else { const p = a as Int32Array, q = b as Int32Array; for (let i = 0; i < n; i++) { const u = p[i], v = q[i]; r[i] = u === NI || v === NI ? NI : f(u, v); } }
  return r;
}

// + - * div mod of longs too short for the wasm loop: loopJ makes a BigInt of every item it reads and of
// every result (500 longs added: 5.8 µs, now 3). Worked in their 32-bit halves instead, and as doubles
// where those are exact; past that (a product past 2^26 a side), the BigInt op. (Floats and ints gain
// nothing so: V8 runs loopF and loopI as fast.)
/** Items a op b of longs (code 0 +, 1 -, 2 *, 4 div, 5 mod), nulls kept, wrapping; a side may be one
 *  bigint. */
const ATOM_X = new Int32Array(2), ATOM_Y = new Int32Array(2);
function directJ(code: number, a: Side, b: Side, n: number, jop: JOp): BigInt64Array {
  const r = fresh(BigInt64Array, n), w = halves(r), [p, q, ul, uh, vl, vh] = longSides(a as BigInt64Array | bigint, b as BigInt64Array | bigint);
  // an atom side read as a vector of one long with a step of 0: no test of which side is which per item
  // (x*y of 100 longs 1.5 → 1.0 µs, x+y 1.26 → 0.82 µs)
  const P = p ?? (ATOM_X[0] = ul, ATOM_X[1] = uh, ATOM_X), Q = q ?? (ATOM_Y[0] = vl, ATOM_Y[1] = vh, ATOM_Y), sp = p ? 2 : 0, sq = q ? 2 : 0;
  for (let i = 0, j = 0, k = 0; i < n; i++, j += sp, k += sq) {
    const xl = P[j], xh = P[j + 1], yl = Q[k], yh = Q[k + 1];
    if (xh === NULL_HI && xl === 0 || yh === NULL_HI && yl === 0) { w[2 * i] = 0; w[2 * i + 1] = NULL_HI; continue; }
    if (code === 0) { const lo = (xl >>> 0) + (yl >>> 0); w[2 * i] = lo; w[2 * i + 1] = xh + yh + (lo > 0xffffffff ? 1 : 0); }
    else if (code === 1) { const lo = (xl >>> 0) - (yl >>> 0); w[2 * i] = lo; w[2 * i + 1] = xh - yh - (lo < 0 ? 1 : 0); }
    else {
      const x = xh * 4294967296 + (xl >>> 0), y = yh * 4294967296 + (yl >>> 0);
      // (a product of sides within ±2^26 is a double's exact integer, below 2^53; a quotient of sides
      // within ±2^31 is floored exactly; div by 0 is null and mod by 0 is x, as jop gives them)
      if (code === 2 ? x > -67108864 && x < 67108864 && y > -67108864 && y < 67108864 : x > -2147483648 && x < 2147483648 && y > -2147483648 && y < 2147483648 && y !== 0) {
        const m = code === 2 ? x * y : code === 4 ? Math.floor(x / y) : x - y * Math.floor(x / y);
        w[2 * i] = m | 0; w[2 * i + 1] = Math.floor(m / 4294967296);
      } else r[i] = jop(p ? (a as BigInt64Array)[i] : a as bigint, q ? (b as BigInt64Array)[i] : b as bigint);
    }
  }
  return r;
}

/** Apply an op in domain dom to two views; atoms give an atom of type rt, else a vector. A vector result
 *  comes from the wasm loop when there is one for the op (code: 0 + 1 - 2 * 3 % 4 div 5 mod, -1 none). */
function run(x: Q, y: Q, rt: number, dom: Dom, a: Side, b: Side, fop: FOp, jop: JOp, iop: IOp, code = -1): Q {
  if (x.t < 0 && y.t < 0) {
    if (dom === Dom.F) return atomOf(rt, fop(a as number, b as number));
    if (dom === Dom.J) { const p = a as bigint, q = b as bigint; return atomOf(rt, p === NJ || q === NJ ? NJ : BigInt.asIntN(64, jop(p, q))); }
    const p = a as number, q = b as number; return atomOf(rt, p === NI || q === NI ? NI : iop(p, q) | 0);
  }
  const n = countOf(x, y);
  if (code >= 0) {
    const r = dom === Dom.F ? kernels.fop(code, a, b, n) : code !== 3 ? kernels.iop(code, dom === Dom.J ? 'i64' : 'i32', a, b, n) : null;
    if (r) return store(rt, r);
  }
  if (dom === Dom.J && code >= 0 && code !== 3 && n >= FEW_LONGS) return store(rt, directJ(code, a, b, n, jop));
  return store(rt, dom === Dom.F ? loopF(a, b, n, fop) : dom === Dom.J ? loopJ(a, b, n, jop) : loopI(a, b, n, iop));
}

/** A float, long or int vector as it lives, or a float, long or int atom as a float: what the float
 *  kernel takes without a conversion in JavaScript; undefined for anything else. */
function floatSide(x: Q): Float64Array | BigInt64Array | Int32Array | number | undefined {
  if (x.t === T.Float || x.t === T.Long || x.t === T.Int) return (x as Vec).d as Float64Array | BigInt64Array | Int32Array;
  if (x.t === -T.Float || x.t === -T.Long || x.t === -T.Int) return f1(x.t, (x as Atom).v);
  return undefined;
}
/** x op y as floats by the wasm loop, when both sides are plain numbers and one is a vector; or null. */
function floatKernel(code: number, x: Q, y: Q): Q | null {
  if (x.t < 0 && y.t < 0) return null;
  const a = floatSide(x), b = floatSide(y);
  if (a === undefined || b === undefined) return null;
  const r = kernels.fop(code, a, b, countOf(x, y));
  return r && { t: T.Float, d: r, a: 0 } as Vec;
}

/** An arithmetic operator: views both sides in the result's domain (temporals scaled to its unit). */
export function arith(tbl: string[][], fop: FOp, jop: JOp, iop: IOp, code = -1, yOnly?: (y: Q) => Q) {
  const k = atomic2((x: Q, y: Q): Q => {
    const tx = Math.abs(x.t), ty = Math.abs(y.t);
    const rt = resultType(tbl, tx, ty);
    const dom = domOf(rt);
    return run(x, y, rt, dom, view(x, dom, scale(tx, rt)), view(y, dom, scale(ty, rt)), fop, jop, iop, code);
  }, yOnly);
  // two longs or two floats: the interpreter's commonest case, straight to the op
  return (x: Q, y: Q): Q => {
    if (x.t === -T.Long && y.t === -T.Long) {
      const p = (x as Atom).v as bigint, q = (y as Atom).v as bigint;
      return { t: -T.Long, v: p === NJ || q === NJ ? NJ : BigInt.asIntN(64, jop(p, q)) } as Atom;
    }
    if (x.t === -T.Float && y.t === -T.Float) return { t: -T.Float, v: fop((x as Atom).v, (y as Atom).v) } as Atom;
    // a float with floats, longs or ints: straight to the wasm loop, which converts as it reads
    if (code >= 0 && (Math.abs(x.t) === T.Float || Math.abs(y.t) === T.Float)) {
      const r = floatKernel(code, x, y);
      if (r) return r;
    }
    return k(x, y);
  };
}

export const add = arith(ADD, (a, b) => a + b, (a, b) => a + b, (a, b) => (a + b) | 0, 0);
export const subtract = arith(SUB, (a, b) => a - b, (a, b) => a - b, (a, b) => (a - b) | 0, 1, y => neg(y));
export const multiply = arith(MUL, (a, b) => a * b, (a, b) => a * b, (a, b) => Math.imul(a, b), 2);

const divisible = (t: number) => { t = Math.abs(t); return t === 1 || (t >= 4 && t <= 10) || (t >= 12 && t <= 19); };

/** % gives floats of the underlying values; x%0 is ±0w and 0%0 is 0n (IEEE). */
export const divide = atomic2((x: Q, y: Q): Q => {
  if (!divisible(x.t) || !divisible(y.t)) throw new QError('type');
  const r = floatKernel(3, x, y);
  if (r) return r;
  const a = view(x, Dom.F), b = view(y, Dom.F);
  if (x.t < 0 && y.t < 0) return { t: -T.Float, v: (a as number) / (b as number) };
  return { t: T.Float, d: loopF(a, b, countOf(x, y), (p, q) => p / q), a: 0 } as Vec;
});

/**
 * div and mod work on underlying values (no temporal scaling). With a float on either side the
 * result is computed in floats, then stored in the result type (nulls to nulls).
 */
function integral(tbl: string[][], fop: FOp, jop: JOp, iop: IOp, code: number) {
  return atomic2((x: Q, y: Q): Q => {
    const rt = resultType(tbl, x.t, y.t);
    if (isFloating(x.t) || isFloating(y.t) || isFloating(rt)) {
      const k = floatKernel(code, x, y);
      if (k) return floatsTo(rt, (k as Vec).d as Float64Array);
      const a = view(x, Dom.F), b = view(y, Dom.F);
      if (x.t < 0 && y.t < 0) return isFloating(rt) ? atomOf(rt, fop(a as number, b as number)) : atomOf(rt, floatTo(rt, fop(a as number, b as number)));
      return floatsTo(rt, loopF(a, b, countOf(x, y), fop));
    }
    const dom = domOf(rt) === Dom.J || domOf(x.t) === Dom.J || domOf(y.t) === Dom.J ? Dom.J : Dom.I;
    const r = run(x, y, dom === Dom.J ? T.Long : T.Int, dom, view(x, dom), view(y, dom), fop, jop, iop, code);
    return dom === domOf(rt) ? retype(r, rt) : convert(r, rt);
  });
}
const retype = (r: Q, rt: number): Q => (r.t < 0 ? { t: -rt, v: (r as Atom).v } : { t: rt, d: (r as Vec).d, a: 0 }) as Q;
/** A long result narrowed to an int-based type (an int x divided by a long y keeps x's type). */
function convert(r: Q, rt: number): Q {
  if (r.t < 0) { const v = (r as Atom).v as bigint; return atomOf(rt, v === NJ ? NI : Number(BigInt.asIntN(32, v))); }
  return store(rt, view(r, Dom.I) as Int32Array);
}

// q's div rounds toward negative infinity; an integer divided by zero is null (an expert's kdb+ 3.6
// transcript, gyorokpeter's AoC 2024 day 9: "replacing with nulls can be done by dividing by zero"); a
// float follows floor x%y
const fdiv: FOp = (p, q) => Math.floor(p / q);
const jdiv: JOp = (p, q) => {
  if (q === 0n) return NJ;
  const d = p / q; return p % q !== 0n && (p < 0n) !== (q < 0n) ? d - 1n : d;
};
const idiv: IOp = (p, q) => q === 0 ? NI : Math.floor(p / q);
/** x div y: the greatest whole number not above x%y. */
export const div = integral(DIV, fdiv, jdiv, idiv, 4);

// mod takes the sign of y; x mod 0 is x.
const fmod: FOp = (p, q) => q === 0 ? p : p - q * Math.floor(p / q);
const jmod: JOp = (p, q) => { if (q === 0n) return p; const r = p % q; return r !== 0n && (r < 0n) !== (q < 0n) ? r + q : r; };
const imod: IOp = (p, q) => { if (q === 0) return p; const r = p % q; return r !== 0 && (r < 0) !== (q < 0) ? r + q : r; };
/** x mod y: the remainder of x%y. */
export const mod = integral(MOD, fmod, jmod, imod, 5);

/** Float view of one numeric atom, for primitives that take a number. */
export const asFloat = (x: Atom) => f1(x.t, x.v);
export { ADD, SUB, MUL, DIV, MOD };

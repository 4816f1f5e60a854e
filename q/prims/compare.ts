// Comparison (= <> < > <= >=) and lesser/greater (& |). Floats compare within kdb+'s tolerance; nulls
// are the smallest values of their type; symbols compare as text.
import * as kernels from '../kernels/index.js';
import { fresh, halves, longSides, FEW_LONGS } from '../value/storage.js';
import { T } from '../value/types.js';
import { Q, Atom, Vec, NJ, NI, WJ, WI } from '../value/value.js';
import { QError } from '../value/error.js';
import { symName, plainNames } from '../value/sym.js';
import { deenum, domainIds } from '../value/enums.js';
import { intern } from '../value/sym.js';
import { atomic2 } from './atomic.js';
import { Dom, view, store, atomOf, scale } from './numeric.js';
import { feq, TOL, match } from './match.js';
import { resultType } from './arith.js';
import { castTo } from './conv.js';
import { nameCmp } from '../value/utf8.js';

const DATE_LIKE = new Set([T.Timestamp, T.Date, T.Datetime, T.Month]);
const TIME_LIKE = new Set([T.Timespan, T.Minute, T.Second, T.Time]);

/** The domain and scale factors for comparing item types tx and ty. */
function plan(tx: number, ty: number): [Dom, number, number] {
  tx = Math.abs(tx); ty = Math.abs(ty);
  if (tx === ty) return [tx === T.Float || tx === T.Real || tx === T.Datetime ? Dom.F : tx === T.Long || tx === T.Timestamp || tx === T.Timespan ? Dom.J : Dom.I, 1, 1];
  if ((DATE_LIKE.has(tx) && DATE_LIKE.has(ty)) || (TIME_LIKE.has(tx) && TIME_LIKE.has(ty))) {
    if (tx === T.Month || ty === T.Month) return [Dom.F, tx === T.Month ? 1 : 1, 1];
    return [Dom.F, scale(tx, T.Timestamp), scale(ty, T.Timestamp)];
  }
  const fl = (t: number) => t === T.Float || t === T.Real || t === T.Datetime;
  if (fl(tx) || fl(ty)) return [Dom.F, 1, 1];
  const wide = (t: number) => t === T.Long || t === T.Timestamp || t === T.Timespan;
  if (wide(tx) || wide(ty)) return [Dom.J, 1, 1];
  return [Dom.I, 1, 1];
}

/** -1, 0 or 1 for two items; the one ordering every comparison primitive uses. */
type Cmp = (a: any, b: any) => number;
const cmpF: Cmp = (a, b) => a !== a ? (b !== b ? 0 : -1) : b !== b ? 1 : feq(a, b) ? 0 : a < b ? -1 : 1;
const cmpN: Cmp = (a, b) => a < b ? -1 : a > b ? 1 : 0;

/** The type two different temporal types compare as (kdb+'s matrix in basics/comparison): the wider of two
 *  dates or two times; a time of day when a timestamp or datetime meets a time (20:00t and a timestamp
 *  compare its time); null where kdb+ does not compare them (a date with a time). */
const TEMPORAL = [T.Timestamp, T.Month, T.Date, T.Datetime, T.Timespan, T.Minute, T.Second, T.Time];
const P = T.Timestamp, M = T.Month, D = T.Date, Z = T.Datetime, N = T.Timespan, U = T.Minute, V = T.Second, TT = T.Time;
const MATRIX: (number | null)[][] = [
  //  p  m     d     z     n     u     v     t
  [P, P, P, P, N, U, V, TT],            // timestamp
  [P, M, D, null, null, null, null, null], // month
  [P, D, D, Z, null, null, null, null],    // date
  [P, null, Z, Z, N, U, V, TT],         // datetime
  [N, null, null, N, N, N, N, N],       // timespan
  [U, null, null, U, N, U, V, TT],      // minute
  [V, null, null, V, N, V, V, TT],      // second
  [TT, null, null, TT, N, TT, TT, TT],  // time
];
function temporalCommon(tx: number, ty: number): number | null | undefined {
  // (the same type, or two that are not temporal, need no search: every comparison in a loop asks)
  if (tx === ty || tx < T.Timestamp && ty < T.Timestamp) return undefined;
  const i = TEMPORAL.indexOf(tx), j = TEMPORAL.indexOf(ty);
  return i < 0 || j < 0 || i === j ? undefined : MATRIX[i][j];
}

/** A comparison (op: 0 = 1 <> 2 < 3 > 4 <= 5 >=, as the kernels number them) by the test of cmp's result. */
function compareWith(test: (c: number) => boolean, op: number) {
  const self = atomic2((x: Q, y: Q): Q => {
    if (x.t > 0 && y.t < 0) y = narrowTo(x, y) ?? y; else if (x.t < 0 && y.t > 0) x = narrowTo(y, x) ?? x;
    const tx = Math.abs(x.t), ty = Math.abs(y.t);
    // two temporal types meet in the one kdb+'s matrix names, each cast to it
    const common = temporalCommon(tx, ty);
    if (common === null) throw new QError('type');
    if (common !== undefined && (common !== tx || common !== ty) && !(sameScale(tx, ty, common))) {
      return self(tx === common ? x : castTo(common, x), ty === common ? y : castTo(common, y));
    }
    let a: any, b: any, cmp: Cmp, longs = false;
    if (tx === T.Sym || ty === T.Sym || tx === T.Enum || ty === T.Enum) {
      // a foreign key over a table keyed by numbers compares as those numbers (e/d1.q: where mas=m)
      if (tx === T.Enum || ty === T.Enum) {
        const dx = deenum(x), dy = deenum(y);
        if (Math.abs(dx.t) !== T.Sym || Math.abs(dy.t) !== T.Sym) return self(dx, dy);
        x = dx; y = dy;
      }
      if (!((tx === T.Sym || tx === T.Enum) && (ty === T.Sym || ty === T.Enum))) throw new QError('type');
      a = symView(x); b = symView(y); cmp = plainSyms(x) && plainSyms(y) ? cmpN : nameCmp;
    } else if (tx === T.Guid || ty === T.Guid) {
      if (tx !== ty) throw new QError('type');
      a = guidView(x); b = guidView(y); cmp = cmpN;
    } else {
      if (!cmpable(tx) || !cmpable(ty)) throw new QError('type');
      const [dom, kx, ky] = plan(tx, ty);
      a = view(x, dom, kx); b = view(y, dom, ky); cmp = dom === Dom.F ? cmpF : cmpN; longs = dom === Dom.J;
      if (x.t > 0 || y.t > 0) {
        // the wasm loops: vector with vector, or (turned round when the vector is on the right) with one number
        const t = dom === Dom.F ? T.Float : dom === Dom.J ? T.Long : T.Int;
        const r = !isScalar(a) && !isScalar(b) ? kernels.cmpV(a, b, op) : isScalar(b) ? kernels.cmpS(t, a, b, op) : kernels.cmpS(t, b, a, FLIP[op]);
        if (r) return { t: T.Bool, d: r, a: 0 } as Vec;
      }
    }
    if (x.t < 0 && y.t < 0) return { t: -T.Bool, v: test(cmp(a, b)) ? 1 : 0 };
    const n = x.t > 0 ? countV(x) : countV(y);
    if (longs && n >= FEW_LONGS) return { t: T.Bool, d: cmpJ(op, a, b, n), a: 0 } as Vec;
    const r = fresh(Uint8Array, n), av = isScalar(a), bv = isScalar(b);
    for (let i = 0; i < n; i++) r[i] = test(cmp(av ? a : a[i], bv ? b : b[i])) ? 1 : 0;
    return { t: T.Bool, d: r, a: 0 } as Vec;
  }, undefined, true);
  return self;
}
/** Longs too few for the wasm loop compared by their 32-bit halves (op as compareWith numbers it): the loop
 *  above makes a BigInt of every item it reads (500 longs: 5 µs). The null is the least long. */
function cmpJ(op: number, a: BigInt64Array | bigint, b: BigInt64Array | bigint, n: number): Uint8Array {
  const r = fresh(Uint8Array, n), [p, q, ul, uh, vl, vh] = longSides(a, b);
  for (let i = 0; i < n; i++) {
    const xl = p ? p[2 * i] >>> 0 : ul >>> 0, xh = p ? p[2 * i + 1] : uh, yl = q ? q[2 * i] >>> 0 : vl >>> 0, yh = q ? q[2 * i + 1] : vh;
    const c = xh < yh ? -1 : xh > yh ? 1 : xl < yl ? -1 : xl > yl ? 1 : 0;
    r[i] = (op === 0 ? c === 0 : op === 1 ? c !== 0 : op === 2 ? c < 0 : op === 3 ? c > 0 : op === 4 ? c <= 0 : c >= 0) ? 1 : 0;
  }
  return r;
}
/** A long atom that a short or int vector's type holds (any value but the type's null, which the long
 *  domain maps to the long null), as an atom of that type: the comparison then runs in the vector's type
 *  and orders them as the long domain does (q's literals are longs: size>100 over an int column made a
 *  long of every item, 1.9 ms a million against 1 ms); null otherwise. */
function narrowTo(v: Q, atom: Q): Atom | null {
  const k = atom.t === -T.Long ? heldBy(v.t, (atom as Atom).v as bigint) : null;
  return k === null ? null : { t: -v.t, v: k };
}
/** Long k as a number of short or int type t when t holds it (any value but t's null); null otherwise. */
export function heldBy(t: number, k: bigint): number | null {
  const lim = t === T.Int ? 2147483647 : t === T.Short ? 32767 : 0;
  return lim && k >= -lim && k <= lim ? Number(k) : null;
}
/** Pairs the scaled comparison below already answers as the cast would: units of one kind of time (a date
 *  as a timestamp is its midnight, a minute as a timespan its nanoseconds) with no month and no time of day. */
const DATES = new Set([T.Timestamp, T.Date, T.Datetime]), SPANS = new Set([T.Timespan, T.Minute, T.Second, T.Time]);
const sameScale = (tx: number, ty: number, to: number) => (DATES.has(tx) && DATES.has(ty) && DATES.has(to)) || (SPANS.has(tx) && SPANS.has(ty) && SPANS.has(to));
const isScalar = (v: any) => typeof v !== 'object' || v === null;
const countV = (x: Q) => x.t === T.Guid ? (x as Vec).d.length / 16 : (x as Vec).d.length;
const cmpable = (t: number) => t === 1 || (t >= 4 && t <= 10) || (t >= 12 && t <= 19);
/** Whether a symbol atom or vector has only ASCII names, whose engine order is their bytes' order. */
const plainSyms = (x: Q): boolean => x.t < 0 ? !/[^\x00-\x7f]/.test((x as Atom).v as string) : plainNames((x as Vec).d as Int32Array);
function symView(x: Q): any {
  x = deenum(x);
  if (x.t < 0) return (x as Atom).v;
  return Array.from((x as Vec).d as Int32Array, id => symName(id));
}
function guidView(x: Q): any {
  const hex = (b: Uint8Array) => Array.from(b, v => v.toString(16).padStart(2, '0')).join('');
  if (x.t < 0) return hex((x as Atom).v);
  const d = (x as Vec).d as Uint8Array, r: string[] = [];
  for (let i = 0; i < d.length; i += 16) r.push(hex(d.subarray(i, i + 16)));
  return r;
}

/** = and <> of a symbol or enumeration vector with one symbol: compare ids, not text. */
function symEquality(x: Q, y: Q, want: number): Q | null {
  if (y.t === T.Sym || y.t === T.Enum) [x, y] = [y, x];
  if (y.t !== -T.Sym || (x.t !== T.Sym && x.t !== T.Enum)) return null;
  const d = (x as Vec).d as Int32Array, n = d.length, id = symKey(x as Vec, y as Atom);
  const k = kernels.cmpS(x.t, d, id, want);
  if (k) return { t: T.Bool, d: k, a: 0 } as Vec;
  const r = fresh(Uint8Array, n);
  for (let i = 0; i < n; i++) r[i] = (d[i] === id ? 1 : 0) ^ want;
  return { t: T.Bool, d: r, a: 0 } as Vec;
}
/** What a symbol or enumeration vector's items hold for symbol y: its id, or its index in the domain
 *  (-1, which no item holds, when it is not there). */
export function symKey(x: Vec, y: Atom): number {
  const id = intern(y.v);
  return x.t === T.Enum ? domainIds(x.dom!).indexOf(id) : id;
}
/** A float, long or int-backed vector against one number, by the wasm kernel; null otherwise. With the
 *  atom on the left the comparison turns round (1<x is x>1). */
const FLIP = [0, 1, 3, 2, 5, 4];
/** Booleans, bytes, chars or shorts against an atom or a vector of the same type: compared in a loop
 *  over their own items (the general path widens them to ints first; b="\n" over a 131 KB chunk of
 *  text, as .Q.fs does, took 2.4 ms that way). Null for anything else. */
function smallCompare(x: Q, y: Q, op: number): Q | null {
  const t = Math.abs(x.t);
  if (!(t === T.Bool || t === T.Byte || t === T.Char || t === T.Short) || Math.abs(y.t) !== t || (x.t < 0 && y.t < 0)) return null;
  const n = x.t > 0 ? (x as Vec).d.length : (y as Vec).d.length;
  if (x.t > 0 && y.t > 0 && (y as Vec).d.length !== n) throw new QError('length');
  const a = x.t > 0 ? (x as Vec).d as Uint8Array | Int16Array : null, b = y.t > 0 ? (y as Vec).d as Uint8Array | Int16Array : null;
  const u = a ? 0 : Number((x as Atom).v), v = b ? 0 : Number((y as Atom).v), r = fresh(Uint8Array, n);
  // = and <> against an atom (a separator, a letter) have a loop each; the rest share one
  if (a && !b && op < 2) { for (let i = 0; i < n; i++) r[i] = +(a[i] === v); if (op) for (let i = 0; i < n; i++) r[i] ^= 1; }
  else for (let i = 0; i < n; i++) {
    const p = a ? a[i] : u, q = b ? b[i] : v;
    r[i] = +(op === 0 ? p === q : op === 1 ? p !== q : op === 2 ? p < q : op === 3 ? p > q : op === 4 ? p <= q : p >= q);
  }
  return { t: T.Bool, d: r, a: 0 } as Vec;
}
function scalarCompare(x: Q, y: Q, op: number): Q | null {
  if (x.t > 0 && y.t < 0) y = narrowTo(x, y) ?? y; else if (x.t < 0 && y.t > 0) x = narrowTo(y, x) ?? x;
  const small = smallCompare(x, y, op);
  if (small) return small;
  if (x.t < 0 && y.t > 0) { [x, y] = [y, x]; op = FLIP[op]; }
  if (!(x.t > 0 && y.t < 0)) return null;
  const s = scalarKey(x.t, y);
  const r = s === null ? null : kernels.cmpS(x.t, (x as Vec).d, s, op);
  return r && { t: T.Bool, d: r, a: 0 } as Vec;
}
/** The number a kernel compares the items of a vector of type xt with for atom y: floats with a float,
 *  long or int (nulls as 0n, infinities as ±0w); longs with a long; int-backed types with their own type.
 *  Null for anything else. */
export function scalarKey(xt: number, y: Q): number | bigint | null {
  if (!(xt > 0 && xt < T.Sym && y.t < 0 && y.t > -T.Sym) || xt === T.Bool || xt === T.Real || xt === T.Byte || xt === T.Short || xt === T.Char) return null;
  const yt = -y.t, v = (y as Atom).v;
  if (xt === T.Float) {
    if (yt === T.Float) return v;
    if (yt === T.Long) return v === NJ ? NaN : v === WJ ? Infinity : v === -WJ ? -Infinity : Number(v);
    if (yt === T.Int) return v === NI ? NaN : v === WI ? Infinity : v === -WI ? -Infinity : v;
    return null;
  }
  if (xt === T.Long) return yt === T.Long ? v : null;
  // (a long its int type holds: a where clause's int column against a literal, fused with the selection)
  if (xt === T.Int && yt === T.Long) return heldBy(T.Int, v as bigint);
  return yt === xt && (xt === T.Int || xt === T.Date || xt === T.Month || xt === T.Minute || xt === T.Second || xt === T.Time) ? v : null;
}
const eqAll = compareWith(c => c === 0, 0), neAll = compareWith(c => c !== 0, 1);
const ltAll = compareWith(c => c < 0, 2), gtAll = compareWith(c => c > 0, 3), leAll = compareWith(c => c <= 0, 4), geAll = compareWith(c => c >= 0, 5);
/** Functions are atoms that equal their match: (%)=first goalOp picks an operator (gyorokpeter's AoC 2022
 *  day 21, kdb+ 3.6); null when x and y are not both functions. */
const fnEquality = (x: Q, y: Q, want: 0 | 1): Q | null => x.t >= 100 && y.t >= 100 ? { t: -T.Bool, v: match(x, y) === !want ? 1 : 0 } as Q : null;
export const eq = (x: Q, y: Q): Q => fnEquality(x, y, 0) ?? symEquality(x, y, 0) ?? scalarCompare(x, y, 0) ?? eqAll(x, y);
export const ne = (x: Q, y: Q): Q => fnEquality(x, y, 1) ?? symEquality(x, y, 1) ?? scalarCompare(x, y, 1) ?? neAll(x, y);
export const lt = (x: Q, y: Q): Q => scalarCompare(x, y, 2) ?? ltAll(x, y);
export const gt = (x: Q, y: Q): Q => scalarCompare(x, y, 3) ?? gtAll(x, y);
export const le = (x: Q, y: Q): Q => scalarCompare(x, y, 4) ?? leAll(x, y);
export const ge = (x: Q, y: Q): Q => scalarCompare(x, y, 5) ?? geAll(x, y);

// Result types of & and | (ref/lesser): the higher of the two types, chars above the numbers.
const PICK = ('b . x h i j e f c . p m d z n u v t|. . . . . . . . . . . . . . . . . .|x . x h i j e f c . p m d z n u v t|' +
  'h . h h i j e f c . p m d z n u v t|i . i i i j e f c . p m d z n u v t|j . j j j j e f c . p m d z n u v t|' +
  'e . e e e e e f c . p m d z n u v t|f . f f f f f f c . p m d z n u v t|c . c c c c c c c . p m d z n u v t|' +
  '. . . . . . . . . . . . . . . . . .|p . p p p p p p p . p p p p n u v t|m . m m m m m m m . p m d . . . . .|' +
  'd . d d d d d d d . p d d z . . . .|z . z z z z z z z . p . z z n u v t|n . n n n n n n n . n . . n n n n n|' +
  'u . u u u u u u u . u . . u n u v t|v . v v v v v v v . v . . v n v v t|t . t t t t t t t . t . . t n t t t').split('|').map(r => r.split(' '));

/** & and |: the lesser or greater of two items, in the higher of the two types; booleans stay boolean. */
function pick(greater: boolean) {
  const two = (x: Q, y: Q): Q => {
    const tx = Math.abs(x.t), ty = Math.abs(y.t);
    // a char against a number: the lesser of the underlying values (-1&"x" is -1, 2.7&"x" is 2.7), then
    // as a char ("\377", "\002"), as "c"$ makes it
    if ((tx === T.Char) !== (ty === T.Char) && resultType(PICK, tx, ty) === T.Char) {
      const st = Math.max(tx === T.Char ? ty : tx, T.Short);
      return castTo(T.Char, two(tx === T.Char ? castTo(st, x) : x, ty === T.Char ? castTo(st, y) : y));
    }
    // two temporal types: the lower one as the higher, as $ makes it (a timestamp's time is its time of
    // day), then compared in one unit (a timestamp's nanoseconds would overflow a time's int)
    if (tx !== ty && tx >= T.Timestamp && tx <= T.Time && ty >= T.Timestamp && ty <= T.Time) {
      const rt = resultType(PICK, tx, ty);
      if (rt === tx || rt === ty) return two(tx === rt ? x : castTo(rt, x), ty === rt ? y : castTo(rt, y));
    }
    if (tx === T.Bool && ty === T.Bool) {
      if (x.t < 0 && y.t < 0) return { t: -T.Bool, v: greater ? (x as Atom).v | (y as Atom).v : (x as Atom).v & (y as Atom).v };
      // booleans are bytes of 0 or 1: or and and, straight on the bytes
      const n = x.t > 0 ? countV(x) : countV(y), r = fresh(Uint8Array, n);
      const a = x.t > 0 ? (x as Vec).d as Uint8Array : null, b = y.t > 0 ? (y as Vec).d as Uint8Array : null;
      const p = a ? 0 : (x as Atom).v as number, q = b ? 0 : (y as Atom).v as number;
      if (greater) for (let i = 0; i < n; i++) r[i] = (a ? a[i] : p) | (b ? b[i] : q);
      else for (let i = 0; i < n; i++) r[i] = (a ? a[i] : p) & (b ? b[i] : q);
      return { t: T.Bool, d: r, a: 0 } as Vec;
    }
    const rt = resultType(PICK, tx, ty);
    const [dom] = plan(rt, rt);
    const a = view(x, dom, scale(tx, rt)), b = view(y, dom, scale(ty, rt));
    const f = dom === Dom.F
      ? (p: number, q: number) => p !== p ? (greater ? q : p) : q !== q ? (greater ? p : q) : greater ? Math.max(p, q) : Math.min(p, q)
      : (p: any, q: any) => greater ? (p > q ? p : q) : (p < q ? p : q);
    if (x.t < 0 && y.t < 0) return atomOf(rt, f(a as any, b as any));
    const n = x.t > 0 ? countV(x) : countV(y);
    if (rt !== T.Bool) {
      const k = dom === Dom.F ? kernels.fop(greater ? 6 : 7, a as any, b as any, n) : dom === Dom.J || dom === Dom.I ? kernels.iop(greater ? 6 : 7, dom === Dom.J ? 'i64' : 'i32', a as any, b as any, n) : null;
      if (k) return store(rt, k as any);
    }
    if (dom === Dom.J && n >= FEW_LONGS) return store(rt, pickJ(greater, a as BigInt64Array | bigint, b as BigInt64Array | bigint, n));
    const r = dom === Dom.F ? fresh(Float64Array, n) : dom === Dom.J ? fresh(BigInt64Array, n) : fresh(Int32Array, n);
    const av = isScalar(a), bv = isScalar(b);
    for (let i = 0; i < n; i++) (r as any)[i] = f(av ? a : (a as any)[i], bv ? b : (b as any)[i]);
    return store(rt, r as any);
  };
  return atomic2(two);
}
/** The lesser (or greater) of each pair of longs, compared by their 32-bit halves: the loop above makes a
 *  BigInt of every item it reads (500 longs: 6 µs). The null is the least long, as q orders it. */
function pickJ(greater: boolean, a: BigInt64Array | bigint, b: BigInt64Array | bigint, n: number): BigInt64Array {
  const r = fresh(BigInt64Array, n), w = halves(r), [p, q, ul, uh, vl, vh] = longSides(a, b);
  // both sides' items exact as doubles (under 2^53 in size: no null or infinity): Math.min and Math.max of
  // the doubles, which take no branch, where comparing halves mispredicts half the time on mixed data
  if (p && q && exactLongs(p, n) && exactLongs(q, n)) {
    for (let j = 0; j < 2 * n; j += 2) {
      const x = p[j + 1] * 4294967296 + (p[j] >>> 0), y = q[j + 1] * 4294967296 + (q[j] >>> 0);
      const z = greater ? Math.max(x, y) : Math.min(x, y), hi = Math.floor(z / 4294967296);
      // (the low half's store keeps z modulo 2^32, as an Int32Array store does any number)
      w[j + 1] = hi; w[j] = z;
    }
    return r;
  }
  for (let i = 0; i < n; i++) {
    const xl = p ? p[2 * i] : ul, xh = p ? p[2 * i + 1] : uh, yl = q ? q[2 * i] : vl, yh = q ? q[2 * i + 1] : vh;
    // (x first where it is the lesser, or for greater the greater; equal items are the same bits)
    const x = greater ? yh < xh || yh === xh && (yl >>> 0) < (xl >>> 0) : xh < yh || xh === yh && (xl >>> 0) < (yl >>> 0);
    w[2 * i] = x ? xl : yl; w[2 * i + 1] = x ? xh : yh;
  }
  return r;
}
/** Whether n longs (as halves) all lie within ±2^53, where a double holds each exactly (exactHi of every
 *  high half, asked without a branch an item: one outside -2^21 .. 2^21-1 sets a bit at or above the 22nd
 *  once shifted into range). */
function exactLongs(w: Int32Array, n: number): boolean {
  let out = 0;
  for (let j = 1; j < 2 * n; j += 2) out |= (w[j] + 0x200000) >>> 22;
  return out === 0;
}
export const lesser = pick(false);
export const greater = pick(true);
export { NJ, NI, TOL, FLIP };

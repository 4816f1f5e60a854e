// Aggregates (sum prd min max avg all any wsum wavg), their running forms (sums prds mins maxs avgs
// deltas ratios) and moving forms (msum mavg mcount mmax mmin). On simple vectors they are typed-array
// loops; nulls are skipped as SQL92 does (ref/sum "Aggregating nulls"). A general list folds item by item
// with the atomic operator, so nested nulls are kept: sum (1 2;0N 4) is 0N 6.
import * as kernels from '../kernels/index.js';
import { T, isFloating } from '../value/types.js';
import { Q, Atom, Vec, List, Dict, Table, NJ, WJ, NI, WI, NH, WH, dict, table, list, count, item, items, fromItems, isNullV, isKeyed, symVec, isNil } from '../value/value.js';
import { alloc, fresh, halves, nullHalves, FEW_LONGS } from '../value/storage.js';
import { QError } from '../value/error.js';
import { Dom, domOf, view, store, atomOf } from './numeric.js';
import { add, multiply, subtract, divide, resultType, SUB } from './arith.js';
import { lesser, greater } from './compare.js';
import { flip } from './list.js';
import { castTo } from './conv.js';

// ---- shapes: how a function on vectors reaches atoms, lists, dictionaries and tables ----------------------

/** Column names of a table as a symbol vector, for the dictionary an aggregate of a table gives. */
const colDict = (t: Table, vs: Q[]) => dict(symVec(t.c), fromItems(vs));

/**
 * An aggregate: vector → atom. A dictionary aggregates its values, a table (or keyed table) each column,
 * giving a dictionary; a general list folds with `onList`.
 */
export function aggregate(onVec: (x: Vec) => Q, onList: (x: List) => Q, onAtom: (x: Atom) => Q) {
  const go = (x: Q): Q => {
    if (x.t < 0 && x.t >= -T.Enum) return onAtom(x as Atom);
    if (x.t > 0 && x.t <= T.Enum) return onVec(x as Vec);
    if (x.t === T.List) return onList(x as List);
    if (x.t === T.Table) { const t = x as Table; return colDict(t, t.d.map(go)); }
    if (x.t === T.Dict) return go((x as Dict).v);
    throw new QError('type');
  };
  return go;
}

/** A uniform function: the result has x's shape; a dictionary keeps its keys, a table its columns. */
export function uniform(onVec: (x: Vec) => Q, onList: (x: List) => Q, onAtom: (x: Atom) => Q) {
  const go = (x: Q): Q => {
    if (x.t < 0 && x.t >= -T.Enum) return onAtom(x as Atom);
    if (x.t > 0 && x.t <= T.Enum) return onVec(x as Vec);
    if (x.t === T.List) return onList(x as List);
    if (x.t === T.Table) { const t = x as Table; return table(t.c, t.d.map(go)); }
    if (x.t === T.Dict) { const d = x as Dict; return dict(d.k, go(d.v)); }
    throw new QError('type');
  };
  return go;
}

/** The window length of a moving function: an integer atom. */
export function windowOf(x: Q): number {
  if (x.t !== -T.Long && x.t !== -T.Int && x.t !== -T.Short && x.t !== -T.Byte && x.t !== -T.Bool) throw new QError('type');
  const v = (x as Atom).v;
  return typeof v === 'bigint' ? (v > 2147483647n ? 2147483647 : v < -2147483647n ? -2147483647 : Number(v)) : v;
}

/** A general list of equal-length vectors as its columns, or null when it is not one. */
function columns(x: List): Q[] | null {
  if (!x.d.length || !x.d.every(v => v.t >= 0 && v.t <= T.Enum)) return null;
  const n = count(x.d[0]);
  if (!x.d.every(v => count(v) === n)) return null;
  // rows of several numeric types are taken in the widest, as the sums that define msum add them
  // (3 msum of boolean rows and a long row: gyorokpeter's AoC 2018 day 18)
  const NUM = [T.Bool, T.Byte, T.Short, T.Int, T.Long, T.Real, T.Float];
  if (x.d.some(v => v.t !== x.d[0].t) && x.d.every(v => NUM.includes(v.t))) {
    const wide = NUM[Math.max(...x.d.map(v => NUM.indexOf(v.t)))];
    x = list(x.d.map(v => v.t === wide ? v : castTo(wide, v)));
  }
  return items(flip(x));
}

/** A moving function x f y: tables by column, dictionaries by value, lists of vectors item-wise. */
export function moving(onVec: (n: number, y: Vec) => Q) {
  return (x: Q, y: Q): Q => {
    const n = windowOf(x);
    const go = (y: Q): Q => {
      if (y.t > 0 && y.t <= T.Enum) return onVec(n, y as Vec);
      if (y.t < 0 && y.t >= -T.Enum) { const r = onVec(n, { t: -y.t, d: vecOf(y as Atom), a: 0 } as Vec); return item(r, 0); }
      if (y.t === T.Table) { const t = y as Table; return table(t.c, t.d.map(go)); }
      if (y.t === T.Dict) { const d = y as Dict; return dict(d.k, go(d.v)); }
      if (y.t === T.List) {
        const cs = columns(y as List);
        if (!cs) { if (!(y as List).d.length) return y; throw new QError('type'); }
        // (rows of no items: as many empty rows, where a flip of no columns would give none)
        if (!cs.length) return list((y as List).d.map(go));
        return flip(list(cs.map(go)));
      }
      throw new QError('type');
    };
    return go(y);
  };
}
/** A one-item vector of an atom, for moving functions on atoms. */
function vecOf(a: Atom): any { const d = alloc(-a.t, 1) as any; d[0] = a.v; return d; }

/** Fold a general list with an atomic op; null atoms are skipped (treated as the op's identity). */
function foldList(x: List, op: (a: Q, b: Q) => Q, empty: Q): Q {
  let acc: Q | undefined;
  for (const v of x.d) {
    if (v.t < 0 && isNullV(v.t, (v as Atom).v)) continue;
    acc = acc === undefined ? v : op(acc, v);
  }
  return acc ?? empty;
}
/** Scan a general list with an atomic op (the running form of foldList). */
function scanList(x: List, op: (a: Q, b: Q) => Q): Q {
  const out: Q[] = [];
  let acc: Q | undefined;
  for (const v of x.d) { acc = acc === undefined ? v : op(acc, v); out.push(acc); }
  return fromItems(out);
}

// ---- type rules ----------------------------------------------------------------------------------------------

const COLS = 'bgxhijefcspmdznuvt';
const TC = ' bg xhijefcspmdznuvt';
/** Result type for item type t from a range line of the docs ('.' is a type error). Each line is read
 *  once into a type's result (-1 an error): split at each call, it was the most of what an aggregate of a
 *  few items allocated (update s:sum a by b over 100 rows, a split a group). */
function rangeOf(line: string, t: number): number {
  let r = RANGES.get(line);
  if (!r) {
    const cs = line.split(' ');
    r = Array.from({ length: 20 }, (_, k) => { const c = cs[COLS.indexOf(TC[k])]; return !c || c === '.' ? -1 : TC.indexOf(c); });
    RANGES.set(line, r);
  }
  t = Math.abs(t);
  const v = t <= 19 ? r[t] : -1;
  if (v < 0) throw new QError('type');
  return v;
}
const RANGES = new Map<string, number[]>();
// sum and prd: booleans and small integers sum to int; chars are a type error (ref/sum example).
const SUM_RANGE = 'i . i i i j e f . . p m d z n u v t';
const MINMAX_RANGE = 'b . x h i j e f c . p m d z n u v t';

// ---- sum and prd ---------------------------------------------------------------------------------------------

/** Sum of a long vector without a bigint per item: 32-bit halves summed in doubles, folded every 2^20 items. */
export function sumLongs(d: BigInt64Array, from = 0, to = d.length): bigint {
  // a few items as they are: a view of the halves costs more than their bigints (sum each of pairs)
  if (to - from <= 8) { let s = 0n; for (let i = from; i < to; i++) { const v = d[i]; if (v !== NJ) s += v; } return BigInt.asIntN(64, s); }
  const u = new Int32Array(d.buffer, d.byteOffset, 2 * d.length);
  let total = 0n, lo = 0, hi = 0;
  for (let i = from; i < to; i++) {
    const l = u[2 * i], h = u[2 * i + 1];
    if (h === -2147483648 && l === 0) continue;
    lo += l >>> 0; hi += h;
    if ((i & 0xfffff) === 0xfffff) { total += BigInt(hi) * 4294967296n + BigInt(lo); lo = 0; hi = 0; }
  }
  return BigInt.asIntN(64, total + BigInt(hi) * 4294967296n + BigInt(lo));
}

function sumVec(x: Vec): Q {
  const rt = rangeOf(SUM_RANGE, x.t), dom = domOf(rt);
  // booleans are counted where they are (sum x=5 should not widen ten million flags to ints first)
  if (x.t === T.Bool) { const d = x.d as Uint8Array; let s = 0; for (let i = 0; i < d.length; i++) s += d[i]; return atomOf(rt, s); }
  const a = view(x, dom);
  if (dom === Dom.J) return atomOf(rt, kernels.sumI64(a as BigInt64Array) ?? sumLongs(a as BigInt64Array));
  if (dom === Dom.F) {
    const d = a as Float64Array, k = kernels.sumF64(d);
    if (k !== null) return atomOf(rt, k);
    let s = 0; for (let i = 0; i < d.length; i++) { const v = d[i]; if (v === v) s += v; } return atomOf(rt, s);
  }
  const d = a as Int32Array; let s = 0;
  for (let i = 0; i < d.length; i++) { const v = d[i]; if (v !== NI) s = (s + v) | 0; }
  return atomOf(rt, s);
}
function prdVec(x: Vec): Q {
  const rt = rangeOf(SUM_RANGE, x.t), dom = domOf(rt);
  const a = view(x, dom);
  if (dom === Dom.J) { const d = a as BigInt64Array; let s = 1n; for (let i = 0; i < d.length; i++) { const v = d[i]; if (v !== NJ) s = BigInt.asIntN(64, s * v); } return atomOf(rt, s); }
  if (dom === Dom.F) { const d = a as Float64Array; let s = 1; for (let i = 0; i < d.length; i++) { const v = d[i]; if (v === v) s *= v; } return atomOf(rt, s); }
  const d = a as Int32Array; let s = 1;
  for (let i = 0; i < d.length; i++) { const v = d[i]; if (v !== NI) s = Math.imul(s, v); }
  return atomOf(rt, s);
}
/** An atom an aggregate returns unchanged, after checking its type is in the domain. */
const sameAtom = (rangeLine: string) => (x: Atom): Q => { rangeOf(rangeLine, x.t); return x; };

const sumOf = aggregate(sumVec, x => foldList(x, add, { t: -T.Long, v: 0n } as Atom), sameAtom(SUM_RANGE));
// (the generic null passes, as +/ passes any atom: a kdb+ course's {sum show x<5} sums what show gives)
export const sum = (x: Q): Q => isNil(x) ? x : sumOf(x);
export const prd = aggregate(prdVec, x => foldList(x, multiply, { t: -T.Long, v: 1n } as Atom), sameAtom(SUM_RANGE));

/** Running sums or products: nulls count as 0 (or 1); the result has sum's type. */
function runningVec(isSum: boolean) {
  return (x: Vec): Q => {
    const rt = rangeOf(SUM_RANGE, x.t), dom = domOf(rt);
    // (sums is +\ and prds *\ (ref/sum, ref/prd), and a scan over no items is those items: sums of no
    // shorts is no shorts, where the sums of some are ints)
    if (!x.d.length) return { ...x, a: 0 } as Vec;
    if (isSum && rt === x.t) { const k = kernels.scan('sums', x.t, x.d); if (k) return { t: rt, d: k, a: 0 } as Vec; }
    const a = view(x, dom), n = (a as ArrayLike<unknown>).length;
    if (dom === Dom.J && isSum && n >= FEW_LONGS) {
      // (a running sum of longs in 32-bit halves: a BigInt per item cost 4.6 µs over 500 longs)
      const d = halves(a as BigInt64Array), r = fresh(BigInt64Array, n), w = halves(r);
      let lo = 0, hi = 0;
      for (let i = 0; i < n; i++) {
        const vl = d[2 * i], vh = d[2 * i + 1];
        if (!nullHalves(d, i)) { const l = (lo >>> 0) + (vl >>> 0); hi = (hi + vh + (l > 0xffffffff ? 1 : 0)) | 0; lo = l | 0; }
        w[2 * i] = lo; w[2 * i + 1] = hi;
      }
      return store(rt, r);
    }
    if (dom === Dom.J) {
      const d = a as BigInt64Array, r = fresh(BigInt64Array, n); let s = isSum ? 0n : 1n;
      for (let i = 0; i < n; i++) { const v = d[i]; if (v !== NJ) s = isSum ? s + v : BigInt.asIntN(64, s * v); r[i] = s; }
      return store(rt, r);
    }
    if (dom === Dom.F) {
      const d = a as Float64Array, r = fresh(Float64Array, n); let s = isSum ? 0 : 1;
      for (let i = 0; i < n; i++) { const v = d[i]; if (v === v) s = isSum ? s + v : s * v; r[i] = s; }
      return store(rt, r);
    }
    const d = a as Int32Array, r = fresh(Int32Array, n); let s = isSum ? 0 : 1;
    for (let i = 0; i < n; i++) { const v = d[i]; if (v !== NI) s = isSum ? (s + v) | 0 : Math.imul(s, v); r[i] = s; }
    return store(rt, r);
  };
}
export const sums = uniform(runningVec(true), x => scanList(x, add), sameAtom(SUM_RANGE));
export const prds = uniform(runningVec(false), x => scanList(x, multiply), sameAtom(SUM_RANGE));

// ---- min and max ----------------------------------------------------------------------------------------------

/** The null (never matched for types without one) and the ±infinity a min/max starts from, by type. */
function bounds(t: number, isMax: boolean): [any, any] {
  switch (t) {
    case T.Bool: return [-1, isMax ? 0 : 1];
    case T.Byte: case T.Char: return [-1, isMax ? 0 : 255];
    case T.Short: return [NH, isMax ? -WH : WH];
    case T.Long: case T.Timestamp: case T.Timespan: return [NJ, isMax ? -WJ : WJ];
    case T.Real: case T.Float: case T.Datetime: return [NaN, isMax ? -Infinity : Infinity];
  }
  return [NI, isMax ? -WI : WI];
}

/** min or max of a vector, skipping nulls; all-null or empty gives the type's ±infinity (ref/min). */
function extremeVec(isMax: boolean) {
  return (x: Vec): Q => {
    rangeOf(MINMAX_RANGE, x.t);
    const [nul, init] = bounds(x.t, isMax);
    const d = x.d as any, n = d.length;
    let acc = init;
    if (isMax) { for (let i = 0; i < n; i++) { const v = d[i]; if (v > acc && v !== nul) acc = v; } }
    else { for (let i = 0; i < n; i++) { const v = d[i]; if (v < acc && v !== nul) acc = v; } }
    return { t: -x.t, v: acc } as Atom;
  };
}
/** Running min or max: nulls are skipped, so leading nulls show the starting infinity. */
function runningExtreme(isMax: boolean) {
  return (x: Vec): Q => {
    rangeOf(MINMAX_RANGE, x.t);
    const [nul, init] = bounds(x.t, isMax);
    const d = x.d as any, n = d.length, r = alloc(x.t, n) as any;
    let acc = init;
    for (let i = 0; i < n; i++) { const v = d[i]; if ((isMax ? v > acc : v < acc) && v !== nul) acc = v; r[i] = acc; }
    return { t: x.t, d: r, a: 0 } as Vec;
  };
}
export const min = aggregate(extremeVec(false), x => foldList(x, lesser, { t: -T.Long, v: WJ } as Atom), sameAtom(MINMAX_RANGE));
export const max = aggregate(extremeVec(true), x => foldList(x, greater, { t: -T.Long, v: -WJ } as Atom), sameAtom(MINMAX_RANGE));
export const mins = uniform(runningExtreme(false), x => scanList(x, lesser), sameAtom(MINMAX_RANGE));
export const maxs = uniform(runningExtreme(true), x => scanList(x, greater), sameAtom(MINMAX_RANGE));

// ---- avg ------------------------------------------------------------------------------------------------------

const AVG_RANGE = 'f . f f f f f f f . f f f f f f f f';
/** Floats of a numeric vector (nulls NaN), after a domain check. */
export function floats(x: Vec, rangeLine = AVG_RANGE): Float64Array {
  rangeOf(rangeLine, x.t);
  return view(x, Dom.F) as Float64Array;
}
/** A numeric atom as a float, after a domain check. */
export function floatAtom(x: Q, rangeLine = AVG_RANGE): number {
  rangeOf(rangeLine, x.t);
  return view(x, Dom.F) as number;
}
function avgVec(x: Vec): Q {
  rangeOf(AVG_RANGE, x.t);
  // longs, ints and floats summed where they are, in one pass (a float copy of ten million longs costs
  // more than the sum)
  if (x.t === T.Long || x.t === T.Int || x.t === T.Float) {
    const k = kernels.sumCount(x.d as BigInt64Array | Int32Array | Float64Array);
    if (k) return { t: -T.Float, v: k[0] / k[1] } as Atom;
  }
  const d = floats(x);
  let s = 0, c = 0;
  for (let i = 0; i < d.length; i++) { const v = d[i]; if (v === v) { s += v; c++; } }
  return { t: -T.Float, v: s / c } as Atom;
}
/** avg of a general list is sum%count, with null atoms counted as zeros (ref/avg). */
function avgList(x: List): Q {
  if (!x.d.length) return { t: -T.Float, v: NaN } as Atom;
  return divide(foldList(x, add, { t: -T.Long, v: 0n } as Atom), { t: -T.Long, v: BigInt(x.d.length) } as Atom);
}
export const avg = aggregate(avgVec, avgList, x => { rangeOf(AVG_RANGE, x.t); return { t: -T.Float, v: view(x, Dom.F) } as Atom; });

function avgsVec(x: Vec): Q {
  const d = floats(x, 'f . f f f f f f . . f f f f f f f f'), n = d.length, r = fresh(Float64Array, n);
  let s = 0, c = 0;
  for (let i = 0; i < n; i++) { const v = d[i]; if (v === v) { s += v; c++; } r[i] = s / c; }
  return { t: T.Float, d: r, a: 0 } as Vec;
}
function avgsList(x: List): Q {
  const out: Q[] = [];
  let acc: Q | undefined;
  x.d.forEach((v, i) => { acc = acc === undefined ? v : add(acc, v); out.push(divide(acc, { t: -T.Long, v: BigInt(i + 1) } as Atom)); });
  return fromItems(out);
}
export const avgs = uniform(avgsVec, avgsList, x => { rangeOf(AVG_RANGE, x.t); return { t: -T.Float, v: view(x, Dom.F) } as Atom; });

// ---- all and any ----------------------------------------------------------------------------------------------

/** Is the underlying value of item i nonzero? Nulls and infinities are nonzero. */
function truthVec(x: Vec, isAll: boolean): Q {
  const t = x.t;
  if (t === T.Sym || t === T.Guid || t > 19) throw new QError('type');
  const d = x.d as any, n = d.length, zero = d instanceof BigInt64Array ? 0n : 0;
  if (isAll) { for (let i = 0; i < n; i++) if (d[i] === zero) return { t: -T.Bool, v: 0 } as Atom; return { t: -T.Bool, v: 1 } as Atom; }
  for (let i = 0; i < n; i++) if (d[i] !== zero) return { t: -T.Bool, v: 1 } as Atom;
  return { t: -T.Bool, v: 0 } as Atom;
}
function truthAtom(x: Atom): Q {
  const t = -x.t;
  if (t === T.Sym || t === T.Guid || t > 19) throw new QError('type');
  return { t: -T.Bool, v: x.v === 0 || x.v === 0n ? 0 : 1 } as Atom;
}
/** all/any of a general list: fold with & or |, then nonzero-ness item-wise. */
function truthList(isAll: boolean) {
  return (x: List): Q => {
    if (!x.d.length) return { t: -T.Bool, v: isAll ? 1 : 0 } as Atom;
    // numbers and temporals only: a symbol, function or :: has no truth value
    const toBool = (v: Q): Q => v.t < 0 && v.t !== -T.Sym ? truthAtom(v as Atom) : v.t > 0 && v.t < T.Sym ? boolsOf(v as Vec) : v.t === T.List ? fromItems(items(v).map(toBool)) : (() => { throw new QError('type'); })();
    return toBool(x.d.map(toBool).reduce((a, b) => isAll ? lesser(a, b) : greater(a, b)));
  };
}
function boolsOf(x: Vec): Vec {
  const d = x.d as any, n = d.length, r = fresh(Uint8Array, n), zero = d instanceof BigInt64Array ? 0n : 0;
  for (let i = 0; i < n; i++) r[i] = d[i] === zero ? 0 : 1;
  return { t: T.Bool, d: r, a: 0 } as Vec;
}
export const all = aggregate(x => truthVec(x, true), truthList(true), truthAtom);
export const any = aggregate(x => truthVec(x, false), truthList(false), truthAtom);

// ---- deltas and ratios -----------------------------------------------------------------------------------------

/** The vector x shifted right by one, its first item the raw value `first` (0 for deltas, 1 for ratios). */
function prior(x: Vec, first: number): Vec {
  const n = x.d.length, r = alloc(x.t, n) as any;
  if (n) { r.set((x.d as any).subarray(0, n - 1), 1); r[0] = x.d instanceof BigInt64Array ? BigInt(first) : first; }
  return { t: x.t, d: r, a: 0 } as Vec;
}
/** A general list's items paired with their predecessors; the first item stands alone. */
function eachPrior(x: List, op: (a: Q, b: Q) => Q, first: (v: Q) => Q): Q {
  return fromItems(x.d.map((v, i) => i ? op(v, x.d[i - 1]) : first(v)));
}
// deltas x is x - prior x with 0 before the first item, so its type is x-x (a timestamp gives a timespan).
export const deltas = uniform(x => {
  if (x.t === T.Sym || x.t === T.Guid || x.t === T.Char) throw new QError('type');
  const k = x.t === T.Float || x.t === T.Long || x.t === T.Int ? kernels.scan('deltas', x.t, x.d) : null;
  return k ? { t: x.t, d: k, a: 0 } as Vec : subtract(x, prior(x, 0));
},
  x => eachPrior(x, subtract, v => v), x => { resultType(SUB, x.t, x.t); return x; });
export const ratios = uniform(x => { if (x.t === T.Sym || x.t === T.Guid) throw new QError('type'); return divide(x, prior(x, 1)); },
  x => eachPrior(x, divide, v => divide(v, { t: -T.Long, v: 1n } as Atom)), x => divide(x, { t: -T.Long, v: 1n } as Atom));

// ---- weighted sum and average ----------------------------------------------------------------------------------

const isInt = (t: number) => { t = Math.abs(t); return t === 1 || (t >= 4 && t <= 7); };
const simple = (x: Q) => x.t > 0 && x.t <= T.Enum;
/** The values a weighted function works on: a dictionary's values. */
const valuesOf = (x: Q): Q => x.t === T.Dict && !isKeyed(x) ? (x as Dict).v : x;

/** x wsum y is sum x*y; two integer vectors are first made floats (ref/sum). */
export function wsum(x: Q, y: Q): Q {
  x = valuesOf(x); y = valuesOf(y);
  if (x.t === T.Table || y.t === T.Table) throw new QError('type');
  if (simple(x) && simple(y) && isInt(x.t) && isInt(y.t)) x = { t: T.Float, d: view(x, Dom.F), a: 0 } as Vec;
  return sum(multiply(x, y));
}

/** x wavg y is (sum x*y)%sum x over the pairs where neither is null. */
export function wavg(x: Q, y: Q): Q {
  x = valuesOf(x); y = valuesOf(y);
  if (x.t === T.Table || y.t === T.Table) throw new QError('type');
  if ((simple(x) || x.t < 0) && (simple(y) || y.t < 0) && (x.t > 0 || y.t > 0)) {
    if (x.t > 0 && y.t > 0 && count(x) !== count(y)) throw new QError('length');
    const a = view(x, Dom.F), b = view(y, Dom.F);
    rangeOf('f . f f f f f f f . f f f f f f f f', x.t); rangeOf('f . f f f f f f f . f f f f f f f f', y.t);
    const n = x.t > 0 ? count(x) : count(y);
    let num = 0, den = 0;
    for (let i = 0; i < n; i++) {
      const p = typeof a === 'number' ? a : (a as Float64Array)[i], q = typeof b === 'number' ? b : (b as Float64Array)[i];
      if (p === p && q === q) { num += p * q; den += p; }
    }
    return { t: -T.Float, v: num / den } as Atom;
  }
  return divide(sum(multiply(x, y)), sum(x.t < 0 && y.t >= 0 ? multiply(x, notNullOnes(y)) : x));
}
/** 1 where y is not null (item-wise), for the weights of an atom x against a nested y. */
function notNullOnes(y: Q): Q { return add(multiply(y, { t: -T.Long, v: 0n } as Atom), { t: -T.Long, v: 1n } as Atom); }

// ---- moving functions ------------------------------------------------------------------------------------------

/** Is item i of vector x null? As a per-type test on the raw array. */
function nullTest(x: Vec): (i: number) => boolean {
  const d = x.d as any, t = x.t;
  if (isFloating(t)) return i => d[i] !== d[i];
  if (t === T.Bool || t === T.Byte) return () => false;
  return i => isNullV(t, d[i]);
}

/** x mcount y: how many of the last x items are not null, as longs (ref/count). */
export const mcount = moving((w, y) => {
  if (y.t === T.Sym || y.t === T.Guid) throw new QError('type');
  const isNull = nullTest(y), n = y.d.length, r = fresh(BigInt64Array, n), u = new Int32Array(r.buffer, r.byteOffset, 2 * n);
  let c = 0;
  // counts are small and non-negative: write the low half of each long
  for (let i = 0; i < n; i++) { if (!isNull(i)) c++; if (w > 0 && i >= w && !isNull(i - w)) c--; u[2 * i] = w > 0 ? c : 0; }
  return { t: T.Long, d: r, a: 0 } as Vec;
});

/** x msum y: sums of the last x items, nulls as zero; the result type is that of sums minus sums. */
export const msum = moving((w, y) => {
  const s = runningVec(true)(y) as Vec, rt = resultType(SUB, s.t, s.t), dom = domOf(rt);
  const a = view(s, dom), n = s.d.length;
  if (dom === Dom.J) { const d = a as BigInt64Array, r = fresh(BigInt64Array, n); for (let i = 0; i < n; i++) r[i] = w <= 0 ? 0n : i >= w ? d[i] - d[i - w] : d[i]; return store(rt, r); }
  if (dom === Dom.F) { const d = a as Float64Array, r = fresh(Float64Array, n); for (let i = 0; i < n; i++) r[i] = w <= 0 ? 0 : i >= w ? d[i] - d[i - w] : d[i]; return store(rt, r); }
  const d = a as Int32Array, r = fresh(Int32Array, n); for (let i = 0; i < n; i++) r[i] = w <= 0 ? 0 : i >= w ? (d[i] - d[i - w]) | 0 : d[i]; return store(rt, r);
});

/** Moving sums and counts of the non-null items as floats: the core of mavg and mdev. */
export function movingMean(w: number, d: Float64Array): Float64Array {
  const n = d.length, r = fresh(Float64Array, n);
  let s = 0, c = 0;
  for (let i = 0; i < n; i++) {
    const v = d[i]; if (v === v) { s += v; c++; }
    if (w > 0 && i >= w) { const u = d[i - w]; if (u === u) { s -= u; c--; } }
    r[i] = w > 0 ? s / c : NaN;
  }
  return r;
}
const MOVING_RANGE = 'f . f f f f f f f . f f f f f f f f';
/** x mavg y: the mean of the non-null items among the last x (ref/avg). */
export const mavg = moving((w, y) => ({ t: T.Float, d: movingMean(w, floats(y, MOVING_RANGE)), a: 0 }) as Vec);

/**
 * x mmax y, x mmin y over a window, with nulls the smallest values (so mmin keeps them). mmax starts from
 * -0W, so a leading null gives -0W (ref/max). A monotonic deque keeps it linear in the length of y.
 */
function movingExtreme(isMax: boolean) {
  return moving((w, y) => {
    rangeOf(MINMAX_RANGE, y.t);
    if (w <= 0) return y;
    const d = y.d as any, n = d.length, r = alloc(y.t, n) as any;
    const fl = isFloating(y.t);
    // less(a, b): a sorts before b; nulls (NaN) first
    const less = fl ? (a: number, b: number) => a !== a ? b === b : b === b && a < b : (a: any, b: any) => a < b;
    const [nul, seed] = bounds(y.t, true);
    const q = fresh(Int32Array, n);
    let h = 0, e = 0;
    for (let i = 0; i < n; i++) {
      const v = d[i];
      // drop from the back what the new item beats (or ties, so the newest wins)
      while (e > h && (isMax ? !less(v, d[q[e - 1]]) : !less(d[q[e - 1]], v))) e--;
      q[e++] = i;
      if (q[h] <= i - w) h++;
      const best = d[q[h]];
      r[i] = isMax && i < w - 1 && (fl ? best !== best : best === nul) ? seed : best;
    }
    return { t: y.t, d: r, a: 0 } as Vec;
  });
}
export const mmax = movingExtreme(true);
export const mmin = movingExtreme(false);
export { NJ, NI };

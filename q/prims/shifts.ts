// Shifts and windows over lists: next prev xprev differ fills rotate sublist cut, and fill (^).
import { T, isFloating } from '../value/types.js';
import { Q, Vec, List, Dict, Table, Atom, count, item, items, fromItems, list, vec, dict, table, longVec, nullItem, isNullV, boolVec, NI, NH, nullOf, sliceQ } from '../value/value.js';
import { QError } from '../value/error.js';
import { roomForRows } from './hooks.js';
import { gather, fresh, slice, allocRaw, halves, nullHalves, concat } from '../value/storage.js';
import { intOf, drop, take } from './list.js';
import { index } from './index.js';
import { match } from './match.js';
import { atomic2 } from './atomic.js';
import { parseTable, resultType } from './arith.js';
import { castTo } from './conv.js';

/** Items moved by k places: xprev[k;x]; positions off the end hold nulls. */
function shift(k: number, x: Q): Q {
  if (x.t === T.Dict) return dict((x as Dict).k, shift(k, (x as Dict).v));
  if (x.t === T.Table) return table((x as Table).c, (x as Table).d.map(c => shift(k, c)));
  if (x.t < 0) throw new QError('type');
  const n = count(x);
  // a vector moves as one block, and the places it leaves take the type's null
  if (x.t > 0 && x.t < 77 && x.t !== T.Guid && Math.abs(k) < n) {
    const v = x as Vec, d = v.d as any, r = allocRaw(v.t, n) as any;
    const nul = v.t === T.Sym ? 0 : v.t >= 20 ? NI : nullOf(v.t);
    if (k >= 0) { r.set(d.subarray(0, n - k), k); r.fill(nul, 0, k); }
    else { r.set(d.subarray(-k), 0); r.fill(nul, n + k); }
    const out = { t: v.t, d: r, a: 0 } as Vec;
    if (v.dom) out.dom = v.dom;
    return out;
  }
  // int positions gather in wasm; those off the end (negative, or past n) come back null
  const idx = allocRaw(T.Int, n) as Int32Array;
  for (let i = 0; i < n; i++) idx[i] = i - k;
  return index(x, vec(T.Int, idx));
}
export const prev = (x: Q) => shift(1, x);
/** prev[s;x]: prev is each prior of : (its right argument), so a seed fills the first place (funq's
 *  prev[0f;w%sum w]) where prev x has a null. */
export function seededPrev(s: Q, x: Q): Q {
  if (x.t === T.Dict) return dict((x as Dict).k, seededPrev(s, (x as Dict).v));
  if (x.t < 0) throw new QError('type');
  const n = count(x);
  return n ? fromItems([s, ...items(x).slice(0, n - 1)]) : x;
}
export const next = (x: Q) => shift(-1, x);
/** kdb+ defines it as {y (til count y)-x}: x an atom, or a shift for each item. */
export function xprev(k: Q, x: Q): Q {
  if (k.t < 0 || x.t === T.Dict || x.t === T.Table) return shift(intOf(k), x);
  const n = count(x);
  if (count(k) !== n) throw new QError('length');
  const idx = allocRaw(T.Int, n) as Int32Array;
  for (let i = 0; i < n; i++) idx[i] = i - intOf(item(k, i));
  return index(x, vec(T.Int, idx));
}

/** differ: is each item different from the one before (the first always is)? */
export function differ(x: Q): Q {
  if (x.t < 0) throw new QError('type');
  const n = count(x), r = fresh(Uint8Array, n);
  if (x.t > 0 && x.t < 20 && x.t !== T.Guid && !isFloating(x.t)) {
    const d = (x as Vec).d as any;
    for (let i = 0; i < n; i++) r[i] = i === 0 || d[i] !== d[i - 1] ? 1 : 0;
  } else for (let i = 0; i < n; i++) r[i] = i === 0 || !match(item(x, i), item(x, i - 1)) ? 1 : 0;
  return vec(T.Bool, r);
}
/** x differ y: binary application, deprecated since 3.6 but still there (ref/differ): not x~':y, each
 *  item against the one before it, the first against x. */
export function differ2(x: Q, y: Q): Q {
  if (y.t < 0) throw new QError('type');
  const n = count(y), r = fresh(Uint8Array, n);
  for (let i = 0; i < n; i++) r[i] = match(item(y, i), i ? item(y, i - 1) : x) ? 0 : 1;
  return vec(T.Bool, r);
}

/** fills: each null replaced by the last non-null before it. */
export function fills(x: Q): Q {
  if (x.t === T.Dict) return dict((x as Dict).k, fills((x as Dict).v));
  if (x.t === T.Table) return table((x as Table).c, (x as Table).d.map(fills));
  // (a list of lists fills item by item from the one before, as ^\ does: fills ("a b";"  c") is ("a b";"a c"))
  if (x.t === T.List && (x as List).d.some(e => e.t >= 0)) { const d = (x as List).d, out = [d[0]]; for (let i = 1; i < d.length; i++) out.push(fill(out[i - 1], d[i])); return fromItems(out); }
  if (x.t === T.List) { let last: Q | null = null; return fromItems((x as List).d.map(e => { if (e.t < 0 && isNullV(-e.t, (e as Atom).v)) return last ?? e; last = e; return e; })); }
  if (x.t <= 0 || x.t > T.Enum) throw new QError('type');
  const v = x as Vec, n = count(v);
  // a vector of a base type is filled in a copy of its own storage, carrying the last value that is not null
  if (v.t < 20 && v.t !== T.Guid && v.t !== T.Sym) {
    const r = slice(v.t, v.d, 0, n) as any;
    // (booleans and bytes have no null: 0b and 0x00 are values, as null says of them)
    if (v.t === T.Bool || v.t === T.Byte) return { t: v.t, d: r, a: 0 } as Vec;
    if ((v.t === T.Long || v.t === T.Timestamp || v.t === T.Timespan) && n >= 64) {
      const w = halves(r);
      let lo = 0, hi = 0, have = false;
      for (let i = 0; i < n; i++) {
        if (nullHalves(w, i)) { if (have) { w[2 * i] = lo; w[2 * i + 1] = hi; } }
        else { lo = w[2 * i]; hi = w[2 * i + 1]; have = true; }
      }
    } else {
      const nul = nullOf(v.t), isNaNNull = nul !== nul;
      let last: any = nul;
      for (let i = 0; i < n; i++) { const e = r[i]; if (isNaNNull ? e !== e : e === nul) r[i] = last; else last = e; }
    }
    return { t: v.t, d: r, a: 0 } as Vec;
  }
  const idx = new Array<number>(n);
  let last = -1;
  for (let i = 0; i < n; i++) {
    const isNull = v.t === T.Guid ? isNullV(T.Guid, (v.d as Uint8Array).subarray(16 * i, 16 * i + 16)) : v.t === T.Sym ? (v.d as Int32Array)[i] === 0 : isNullV(v.t, (v.d as any)[i]);
    if (!isNull) last = i;
    idx[i] = isNull && last >= 0 ? last : i;
  }
  const r = vec(v.t, gather(v.t, v.d, idx));
  if (v.dom) r.dom = v.dom;
  return r;
}

/** The type of x^y for numeric and temporal x (rows) and y (columns), from ref/fill: the wider of the two,
 *  so 5^0N 2 3i is long. */
const FILL = parseTable([
  'b . x h i j e f c . p m d z n u v t', '. g . . . . . . . . . . . . . . . .', 'x . x h i j e f c . p m d z n u v t',
  'h . h h i j e f c . p m d z n u v t', 'i . i i i j e f c . p m d z n u v t', 'j . j j j j e f c . p m d z n u v t',
  'e . e e e e e f c . p m d z n u v t', 'f . f f f f f f c . p m d z n u v t', 'c . c c c c c c c . p m d z n u v t',
  '. . . . . . . . . s . . . . . . . .', 'p . p p p p p p p . p p p p n u v t', 'm . m m m m m m m . p m d . . . . .',
  'd . d d d d d d d . p d d z . . . .', 'z . z z z z z z z . p . z z n u v t', 'n . n n n n n n n . n . . n n n n n',
  'u . u u u u u u u . u . . u n u v t', 'v . v v v v v v v . v . . v n v v t', 't . t t t t t t t . t . . t n t t t']);

/** x^y: y with its nulls replaced by x (atomic), as kdb+'s fill. */
export const fill = atomic2((x: Q, y: Q): Q => {
  let ty = Math.abs(y.t);
  const tx = Math.abs(x.t);
  // two types the domain table has no cell for are a type error, an atom filling an atom too (1^`a)
  if (tx !== ty && tx > 0 && tx < 20 && ty > 0 && ty < 20) resultType(FILL, tx, ty);
  // numbers and times: both sides in the wider type first
  if (tx !== ty && tx < 20 && ty < 20 && tx !== T.Sym && ty !== T.Sym && tx !== T.Guid && ty !== T.Guid && x.t !== T.List) {
    const rt = resultType(FILL, tx, ty);
    if (rt !== ty) { y = castTo(rt, y); ty = rt; }
  }
  // a list of fillers against one item: each filler tried on it
  if (y.t < 0 && x.t > 0) {
    const isNull = isNullV(ty, (y as Atom).v);
    // a vector of fillers: each item y when y is not null, else the fillers in y's type
    if (x.t < 20 && x.t !== T.Bool && (!isNull || ty < 20)) {
      if (!isNull) return take({ t: -T.Long, v: BigInt(count(x)) } as Atom, y);
      const c = x.t === ty ? x : castTo(ty, x);
      if (c.t === ty) return c;
    }
    return fromItems(items(x).map(xi => isNull ? cast(xi, ty) : y));
  }
  if (y.t < 0) return isNullV(ty, (y as Atom).v) ? cast(x, ty) : y;
  const v = y as Vec, n = count(v);
  const fast = fillVec(x, v, ty);
  if (fast) return fast;
  const out = new Array<Q>(n);
  let changed = false;
  for (let i = 0; i < n; i++) {
    const e = item(v, i) as Atom;
    const xi = x.t < 0 ? x : item(x, i);
    if (isNullV(ty, e.v)) { out[i] = cast(xi, ty); changed = true; } else out[i] = e;
  }
  return changed ? fromItems(out) : y;
});
/** x^y for a vector y of a base type and a filler atom or vector: the nulls found and replaced in the
 *  items' own storage (an atom an item would cost ten million allocations on a column); y itself when it
 *  has none. Null when the operands take the general path (enumerations, general lists). */
function fillVec(x: Q, v: Vec, ty: number): Q | null {
  if (ty >= 20 || ty === T.Bool || ty === T.Byte || x.t === T.List || x.t > 0 && count(x) !== count(v)) return null;
  const xv = (x.t < 0 ? fromItems([cast(x, ty)]) : x.t === ty ? x : castTo(ty, x)) as Vec;
  if (xv.t !== ty) return null;
  const n = count(v), one = x.t < 0, w = ty === T.Guid ? 16 : 1;
  let r: any = null;
  const xd = xv.d as any, f0 = w === 1 ? xd[0] : null;
  const put = w === 1
    ? (i: number) => { r ??= slice(ty, v.d, 0, n); r[i] = one ? f0 : xd[i]; }
    : (i: number) => { r ??= slice(ty, v.d, 0, n); r.set(xd.subarray(one ? 0 : w * i, one ? w : w * (i + 1)), w * i); };
  if (ty === T.Long || ty === T.Timestamp || ty === T.Timespan) {
    // longs read as 32-bit halves: the null is 0 over -2^31
    const d = halves(v.d as BigInt64Array);
    for (let i = 0; i < n; i++) if (nullHalves(d, i)) put(i);
  } else if (ty === T.Guid) {
    const d = v.d as Uint8Array;
    for (let i = 0; i < n; i++) { let z = true; for (let b = 16 * i; z && b < 16 * i + 16; b++) z = d[b] === 0; if (z) put(i); }
  } else {
    const d = v.d as any, nul = isFloating(ty) ? NaN : ty === T.Short ? NH : ty === T.Char ? 32 : ty === T.Sym ? 0 : NI;
    if (nul !== nul) { for (let i = 0; i < n; i++) if (d[i] !== d[i]) put(i); }
    else for (let i = 0; i < n; i++) if (d[i] === nul) put(i);
  }
  return r ? { t: ty, d: r, a: 0 } as Vec : v;
}

/** The filler converted to the filled list's type (0^1 2 0N stays long; 1.5^0n is float). */
function cast(x: Q, t: number): Q {
  if (x.t === -t) return x;
  const v = (x as Atom).v;
  // a symbol, guid or list cannot fill a number's place, nor a number a symbol's
  if (typeof v === 'string' || typeof v === 'object' || x.t >= 0 || t === T.Sym || t === T.Guid) throw new QError('type');
  // as $ converts it, as for a vector of fillers (infinities stay infinities; a float rounds)
  return castTo(t, x);
}

/** n rotate x: the list turned left by n (right when negative). */
export function rotate(n: Q, x: Q): Q {
  const k = intOf(n);
  // (an atom has no items to rotate, a dictionary no order to rotate them in: q.k's rank and type)
  if (x.t < 0) throw new QError('rank');
  if (x.t > T.Table) throw new QError('type');
  const c = count(x);
  if (!c) return x;
  const s = ((k % c) + c) % c;
  // a vector is its two parts swapped: two copies, not an index per item (a grid's rows rotated a few
  // hundred times a query: -1 0 1 rotate\:/: x, adotsch's AoC 2023 day 3)
  if (x.t > 0 && x.t <= T.Enum) {
    const d = (x as Vec).d as Uint8Array, w = x.t === T.Guid ? 16 : 1;
    return { ...(x as Vec), d: concat(x.t, [d.subarray(w * s), d.subarray(0, w * s)]), a: 0 } as Q;
  }
  const idx = new Array<number>(c);
  for (let i = 0; i < c; i++) idx[i] = (i + s) % c;
  return index(x, longVec(idx));
}

/** n sublist x, or (start;n) sublist x: like take, but never beyond the list. */
export function sublist(n: Q, x: Q): Q {
  // an atom (or ::) is a list of one as q.k's sublist reads it ($[abs[x]<count y;x#y;y]): a count of at
  // least one leaves it as it is (the cookbook's tutorial.q shows sublist of a function's ::)
  if ((x.t < 0 || x.t > T.Dict) && n.t < 0) { const k = intOf(n); return Math.abs(k) < 1 ? take(n, x) : x; }
  if (x.t < 0 || x.t > T.Dict) throw new QError('type');
  const c = count(x);
  if (n.t < 0) {
    const k = intOf(n);
    return k >= 0 ? sliceQ(x, 0, Math.min(k, c)) : sliceQ(x, Math.max(0, c + k), c);
  }
  if (count(n) !== 2) throw new QError('length');
  const s = intOf(item(n, 0)), k = intOf(item(n, 1));
  return sliceQ(x, Math.min(s, c), Math.min(s + k, c));
}

/** x cut y: y cut into pieces of x items (an atom), or at the indices x (like _). */
export function cut(x: Q, y: Q): Q {
  if (y.t < 0 || y.t >= T.Lambda) throw new QError('type');
  // anything but an integer atom is _ (q.k's cut falls through to it: `a`c cut d drops the keys, q4m)
  if (x.t < 0 && !(x.t === -T.Long || x.t === -T.Int || x.t === -T.Short)) throw new QError('type');
  if (x.t < 0) {
    const k = intOf(x);
    if (k <= 0) throw new QError('domain');
    const c = count(y), out: Q[] = [];
    roomForRows(c / k);
    for (let i = 0; i < c; i += k) out.push(sliceQ(y, i, Math.min(i + k, c)));
    return list(out);
  }
  return drop(x, y);
}
export { boolVec, nullItem, sliceQ };

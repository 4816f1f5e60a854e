// Shifts and windows over lists: next prev xprev differ fills rotate sublist cut, and fill (^).
import { T } from '../value/types.js';
import { Q, Vec, List, Dict, Table, Atom, count, item, items, fromItems, list, vec, dict, table, longVec, nullItem, isNullV, boolVec } from '../value/value.js';
import { QError } from '../value/error.js';
import { gather, fresh } from '../value/storage.js';
import { intOf, sliceQ, drop } from './list.js';
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
  // int positions gather in wasm; those off the end (negative, or past n) come back null
  const n = count(x), idx = fresh(Int32Array, n);
  for (let i = 0; i < n; i++) idx[i] = i - k;
  return index(x, vec(T.Int, idx));
}
export const prev = (x: Q) => shift(1, x);
export const next = (x: Q) => shift(-1, x);
/** kdb+ defines it as {y (til count y)-x}: x an atom, or a shift for each item. */
export function xprev(k: Q, x: Q): Q {
  if (k.t < 0 || x.t === T.Dict || x.t === T.Table) return shift(intOf(k), x);
  const n = count(x);
  if (count(k) !== n) throw new QError('length');
  const idx = fresh(Int32Array, n);
  for (let i = 0; i < n; i++) idx[i] = i - intOf(item(k, i));
  return index(x, vec(T.Int, idx));
}

/** differ: is each item different from the one before (the first always is)? */
export function differ(x: Q): Q {
  if (x.t < 0) throw new QError('type');
  const n = count(x), r = fresh(Uint8Array, n);
  if (x.t > 0 && x.t < 20 && x.t !== T.Guid && x.t !== T.Float && x.t !== T.Real) {
    const d = (x as Vec).d as any;
    for (let i = 0; i < n; i++) r[i] = i === 0 || d[i] !== d[i - 1] ? 1 : 0;
  } else for (let i = 0; i < n; i++) r[i] = i === 0 || !match(item(x, i), item(x, i - 1)) ? 1 : 0;
  return vec(T.Bool, r);
}

/** fills: each null replaced by the last non-null before it. */
export function fills(x: Q): Q {
  if (x.t === T.Dict) return dict((x as Dict).k, fills((x as Dict).v));
  if (x.t === T.Table) return table((x as Table).c, (x as Table).d.map(fills));
  if (x.t === T.List) { let last: Q | null = null; return fromItems((x as List).d.map(e => { if (e.t < 0 && isNullV(-e.t, (e as Atom).v)) return last ?? e; last = e; return e; })); }
  if (x.t <= 0 || x.t > T.Enum) throw new QError('type');
  const v = x as Vec, n = count(v), idx = new Array<number>(n);
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
  // numbers and times: both sides in the wider type first
  if (tx !== ty && tx < 20 && ty < 20 && tx !== T.Sym && ty !== T.Sym && tx !== T.Guid && ty !== T.Guid && x.t !== T.List) {
    const rt = resultType(FILL, tx, ty);
    if (rt !== ty) { y = castTo(rt, y); ty = rt; }
  }
  // a list of fillers against one item: each filler tried on it
  if (y.t < 0 && x.t > 0) return fromItems(items(x).map(xi => isNullV(ty, (y as Atom).v) ? cast(xi, ty) : y));
  if (y.t < 0) return isNullV(ty, (y as Atom).v) ? cast(x, ty) : y;
  const v = y as Vec, n = count(v);
  const out = new Array<Q>(n);
  let changed = false;
  for (let i = 0; i < n; i++) {
    const e = item(v, i) as Atom;
    const xi = x.t < 0 ? x : item(x, i);
    if (isNullV(ty, e.v)) { out[i] = cast(xi, ty); changed = true; } else out[i] = e;
  }
  return changed ? fromItems(out) : y;
});
/** The filler converted to the filled list's type (0^1 2 0N stays long; 1.5^0n is float). */
function cast(x: Q, t: number): Q {
  if (x.t === -t) return x;
  const v = (x as Atom).v;
  if (t === T.Float || t === T.Real) return { t: -t, v: typeof v === 'bigint' ? Number(v) : v };
  if (t === T.Long || t === T.Timestamp || t === T.Timespan) return { t: -t, v: typeof v === 'bigint' ? v : BigInt(Math.trunc(v)) };
  if (t === T.Int || t === T.Short) return { t: -t, v: typeof v === 'bigint' ? Number(v) : Math.trunc(v) };
  return x;
}

/** n rotate x: the list turned left by n (right when negative). */
export function rotate(n: Q, x: Q): Q {
  const k = intOf(n);
  if (x.t < 0) return x;
  const c = count(x);
  if (!c) return x;
  const s = ((k % c) + c) % c, idx = new Array<number>(c);
  for (let i = 0; i < c; i++) idx[i] = (i + s) % c;
  return index(x, longVec(idx));
}

/** n sublist x, or (start;n) sublist x: like take, but never beyond the list. */
export function sublist(n: Q, x: Q): Q {
  if (x.t < 0) throw new QError('type');
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
  if (!(x.t === -T.Long || x.t === -T.Int || x.t === -T.Short || x.t === T.Long || x.t === T.Int || x.t === T.Short)) throw new QError('type');
  if (x.t < 0) {
    const k = intOf(x);
    if (k <= 0) throw new QError('domain');
    const c = count(y), out: Q[] = [];
    for (let i = 0; i < c; i += k) out.push(sliceQ(y, i, Math.min(i + k, c)));
    return list(out);
  }
  return drop(x, y);
}
export { boolVec, nullItem, sliceQ };

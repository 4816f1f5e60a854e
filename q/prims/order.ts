// Ordering: asc desc iasc idesc rank xrank, and binary search bin binr. Sorting is stable and follows
// kdb+'s order: nulls first (they are each type's smallest value), symbols by their text.
import { deenum } from '../value/enums.js';
import { T } from '../value/types.js';
import { Q, Vec, List, Dict, Table, Atom, count, item, items, vec, list, dict, table, long, longVec, Attr, NJ } from '../value/value.js';
import { gather, fresh, halves, ints, allocRaw, putLong, Items } from '../value/storage.js';
import * as kernels from '../kernels/index.js';
import { QError } from '../value/error.js';
import { symName, intern, plainNames } from '../value/sym.js';
import { index } from './index.js';
import { intOf, keyText, stringBytes } from './list.js';
import { stringRanks } from './strhash.js';
import { f1 } from './numeric.js';
import { nameCmp } from '../value/utf8.js';
import { groupIds } from './groupby.js';

type Cmp = (i: number, j: number) => number;

/** A comparator over item positions of x, in kdb+'s ascending order. */
export function comparator(x: Q): Cmp {
  const t = x.t;
  // an enumeration sorts by what it stands for (its symbols), as xasc and group-by order it
  if (t === T.Enum) return comparator(deenum(x));
  // (names by a loop: Array.from with a function to map each costs several times more)
  if (t === T.Sym) { const d = (x as Vec).d as Int32Array, s = new Array<string>(d.length); for (let i = 0; i < d.length; i++) s[i] = symName(d[i]); return plainNames(d) ? (i, j) => s[i] < s[j] ? -1 : s[i] > s[j] ? 1 : 0 : (i, j) => nameCmp(s[i], s[j]); }
  if (t === T.Guid) { const d = (x as Vec).d as Uint8Array; return (i, j) => { for (let k = 0; k < 16; k++) { const a = d[16 * i + k], b = d[16 * j + k]; if (a !== b) return a - b; } return 0; }; }
  if (t === T.Real || t === T.Float || t === T.Datetime) {
    const d = (x as Vec).d as Float64Array;
    // NaN (null) sorts first
    return (i, j) => { const a = d[i], b = d[j]; return a !== a ? (b !== b ? 0 : -1) : b !== b ? 1 : a < b ? -1 : a > b ? 1 : 0; };
  }
  if (t > 0 && t <= T.Enum) { const d = (x as Vec).d as any; return (i, j) => d[i] < d[j] ? -1 : d[i] > d[j] ? 1 : 0; }
  if (t === T.List) {
    const strings = stringBytes(x);
    if (strings) { const r = stringRanks(strings); return (i, j) => r[i] - r[j]; }
    const d = (x as List).d; return (i, j) => compareQ(d[i], d[j]);
  }
  if (t === T.Table) { const cs = (x as Table).d.map(comparator); return (i, j) => { for (const c of cs) { const r = c(i, j); if (r) return r; } return 0; }; }
  throw new QError('type');
}

/** Order of two values: by type for atoms of different types, item by item for lists. */
export function compareQ(a: Q, b: Q, byType = true): number {
  // functions are atoms here (a list of them sorts: dotz's asc distinct(+;*;%;-),`tokens): after the
  // other atoms, by type, then by their text
  if (a.t >= 100 || b.t >= 100) {
    if (a.t < 100) return a.t < 0 ? -1 : 1;
    if (b.t < 100) return b.t < 0 ? 1 : -1;
    if (a.t !== b.t) return a.t - b.t;
    const x = fnText(a), y = fnText(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (a.t < 0 && b.t < 0) {
    let x = (a as Atom).v, y = (b as Atom).v;
    if (a.t !== b.t) {
      // numbers of different types compare by value; other atoms by type
      // sorting orders atoms of different types by type; searching compares numbers by value
      if (byType || typeof x === 'string' || typeof y === 'string' || x instanceof Uint8Array || y instanceof Uint8Array) return b.t - a.t;
      x = f1(a.t, x); y = f1(b.t, y);
    }
    if (x !== x) return y !== y ? 0 : -1;
    if (y !== y) return 1;
    if (x instanceof Uint8Array) { for (let k = 0; k < 16; k++) if (x[k] !== y[k]) return x[k] - y[k]; return 0; }
    if (typeof x === 'string') return nameCmp(x, y as string);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (a.t < 0) return -1;
  if (b.t < 0) return 1;
  const n = Math.min(count(a), count(b));
  for (let i = 0; i < n; i++) { const r = compareQ(item(a, i), item(b, i), byType); if (r) return r; }
  return count(a) - count(b);
}

const fnText = (f: Q): string => { const g = f as { src?: string; name?: string }; return g.src ?? g.name ?? ''; };

/** Each item's rank in text order among the distinct symbols of d, as ints, so that a radix grade of the
 *  ranks sorts the symbols (an enumeration's items first become its symbols); null when d is too short
 *  for the kernels. Only the distinct symbols are compared as text. */
export function symRanks(x: Q): Int32Array | null {
  if (x.t === T.Enum) x = deenum(x);
  const d = (x as Vec).d as Int32Array;
  if (x.t !== T.Sym || d.length < kernels.SMALL) return null;
  const at = kernels.distinctAt(T.Sym, d);
  if (!at) return null;
  // the names sorted by the engine's own comparison (no comparator: several times faster than one that
  // looks names up), each then found by its text: the pool holds a name once
  let top = 0;
  for (let i = 0; i < at.length; i++) { const id = d[at[i]]; if (id > top) top = id; }
  // (by the bytes, as kdb+: the engine's order is theirs for ASCII names, which need no comparator)
  const ids = Array.from(at, p => d[p]), names = ids.map(symName), rank = new Int32Array(top + 1);
  if (plainNames(ids)) names.sort(); else names.sort(nameCmp);
  names.forEach((s, r) => { rank[intern(s)] = r; });
  return kernels.gather(T.Int, rank, d) as Int32Array | null;
}

/** symRanks for fewer symbols than the kernels take (null for an enumeration of no symbols): each
 *  distinct one ranked among their names, found by grouping. */
function fewSymRanks(x: Q): Int32Array | null {
  if (x.t === T.Enum) x = deenum(x);
  if (x.t !== T.Sym) return null;
  const d = (x as Vec).d as Int32Array, n = d.length, { gid, firsts, ng } = groupIds([x], n);
  const names = new Array<string>(ng);
  for (let g = 0; g < ng; g++) names[g] = symName(d[firsts[g]]);
  // (by the bytes, as kdb+: the engine's order is theirs for ASCII names)
  const order = sortPositions(ng, plainNames(d) ? (i, j) => names[i] < names[j] ? -1 : names[i] > names[j] ? 1 : 0 : (i, j) => nameCmp(names[i], names[j]), false);
  const rank = fresh(Int32Array, ng), r = fresh(Int32Array, n);
  for (let k = 0; k < ng; k++) rank[order[k]] = k;
  for (let i = 0; i < n; i++) r[i] = rank[gid[i]];
  return r;
}

/** Positions that sort floats in q's order, stably: nulls first (last descending), -0.0 tied with 0.0.
 *  The rest by a merge sort of their positions that compares the numbers themselves, where
 *  Array.prototype.sort called a comparator for each comparison (100 floats: 9 µs). */
function floatGrade(d: Float64Array | Float32Array, desc: boolean): Int32Array {
  const n = d.length, r = fresh(Int32Array, n), keys = fresh(Float64Array, n), at = fresh(Int32Array, n);
  let m = 0;
  for (let i = 0; i < n; i++) { const v = d[i]; if (v === v) { at[m] = i; keys[m++] = desc ? -v : v; } }
  const sorted = ascendingPositions(keys, m);
  // nulls in position order before the rest ascending, after it descending
  let o = desc ? m : 0;
  for (let i = 0; i < n; i++) if (d[i] !== d[i]) r[o++] = i;
  o = desc ? 0 : n - m;
  for (let k = 0; k < m; k++) r[o++] = at[sorted[k]];
  return r;
}
/** Positions 0..m-1 that sort keys ascending, ties in position order: runs of 16 by insertion, then merged
 *  in pairs. */
function ascendingPositions(keys: Float64Array, m: number): Int32Array {
  let src = fresh(Int32Array, m), dst = fresh(Int32Array, m);
  for (let i = 0; i < m; i++) src[i] = i;
  for (let s = 0; s < m; s += FEW_TO_SORT) {
    const e = Math.min(s + FEW_TO_SORT, m);
    for (let i = s + 1; i < e; i++) {
      const v = src[i], kv = keys[v];
      let j = i - 1;
      while (j >= s && keys[src[j]] > kv) { src[j + 1] = src[j]; j--; }
      src[j + 1] = v;
    }
  }
  for (let w = FEW_TO_SORT; w < m; w *= 2) {
    for (let s = 0; s < m; s += 2 * w) {
      const mid = Math.min(s + w, m), e = Math.min(s + 2 * w, m);
      let i = s, j = mid, o = s;
      // (the left run's item first when they tie)
      while (i < mid && j < e) dst[o++] = keys[src[j]] < keys[src[i]] ? src[j++] : src[i++];
      while (i < mid) dst[o++] = src[i++];
      while (j < e) dst[o++] = src[j++];
    }
    const t = src; src = dst; dst = t;
  }
  return src;
}

/** Positions that sort integers (of a range whose product with their count is exact in a double) by one
 *  native sort of keys that hold each item's value and position; null when the range is too wide. */
function packedGrade(d: ArrayLike<number | bigint>, desc: boolean): Int32Array | null {
  const n = d.length;
  if (d instanceof Float64Array || d instanceof Float32Array) return null;
  let v = d as ArrayLike<number>;
  // longs read as halves: reading a BigInt64Array makes a BigInt per item
  if (d instanceof BigInt64Array) { const h = halves(d), f = fresh(Float64Array, n); for (let i = 0; i < n; i++) f[i] = h[2 * i + 1] * 4294967296 + (h[2 * i] >>> 0); v = f; }
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < n; i++) { const e = v[i]; if (e < lo) lo = e; if (e > hi) hi = e; }
  // a long beyond 2^53 may have been rounded: only a range exact in doubles is packed
  if (!((hi - lo + 1) * n < 2 ** 53) || Math.max(-lo, hi) >= 2 ** 53) return null;
  // a range not much wider than the count: a counting sort, stable, in two passes and no comparisons
  const span = hi - lo + 1;
  if (span <= 2 * n + 256) {
    const at = fresh(Int32Array, span + 1);
    for (let i = 0; i < n; i++) at[(desc ? hi - v[i] : v[i] - lo) + 1]++;
    for (let k = 1; k <= span; k++) at[k] += at[k - 1];
    const r = fresh(Int32Array, n);
    for (let i = 0; i < n; i++) r[at[desc ? hi - v[i] : v[i] - lo]++] = i;
    return r;
  }
  const keys = fresh(Float64Array, n);
  for (let i = 0; i < n; i++) keys[i] = (desc ? hi - v[i] : v[i] - lo) * n + i;
  keys.sort();
  const r = fresh(Int32Array, n);
  for (let i = 0; i < n; i++) r[i] = keys[i] % n;
  return r;
}

/** Positions that sort x ascending (stable), or descending (stable among equals). */
export function grade(x: Q, desc = false): ArrayLike<number> {
  // fixed-width numbers and temporals: a radix grade in wasm; symbols by their ranks in text order
  if (x.t > 0 && x.t < 20 && x.t !== T.Sym) { const g = kernels.grade(x.t, (x as Vec).d, desc); if (g) return g; }
  if (x.t === T.Sym || x.t === T.Enum) {
    const r = symRanks(x) ?? fewSymRanks(x), g = r && (kernels.grade(T.Int, r, desc) ?? packedGrade(r, desc));
    if (g) return g;
  }
  // a short vector of numbers or temporals: compared in place (nulls are each type's least value; a float's
  // null, NaN, sorts first), where the general comparator makes an atom per comparison
  if (x.t > 0 && x.t < 20 && x.t !== T.Sym && x.t !== T.Guid) {
    const d = (x as Vec).d as ArrayLike<number | bigint>;
    if (d instanceof Float64Array || d instanceof Float32Array) return floatGrade(d, desc);
    const packed = packedGrade(d, desc);
    if (packed) return packed;
    return sortPositions(d.length, (i, j) => { const a = d[i], b = d[j]; return a < b ? -1 : a > b ? 1 : 0; }, desc);
  }
  // strings by the rank of their text among the distinct ones: the grade of those ints
  const strings = stringBytes(x);
  if (strings) return grade(vec(T.Int, stringRanks(strings)), desc);
  // (a table of one column sorts as that column: a grouped query's keys)
  if (x.t === T.Table && (x as Table).c.length === 1) return grade((x as Table).d[0], desc);
  if (x.t === T.Table) { const g = gradeTable(x as Table, desc); if (g) return g; }
  return sortPositions(count(x), comparator(x), desc);
}

/** At most this many items are sorted by insertion: Array.prototype.sort's call of a comparator costs more
 *  than a comparison (a grouped select's handful of keys). */
const FEW_TO_SORT = 16;
/** Positions 0..n-1 in the order of comparator c (descending when desc), ties in position order. */
function sortPositions(n: number, c: Cmp, desc: boolean): number[] {
  const idx = new Array<number>(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  if (n > FEW_TO_SORT) { idx.sort(desc ? (i, j) => c(j, i) || i - j : (i, j) => c(i, j) || i - j); return idx; }
  // (an item passes only those strictly after it in the order: ties keep their places)
  for (let i = 1; i < n; i++) {
    const v = idx[i];
    let j = i - 1;
    while (j >= 0 && (desc ? c(v, idx[j]) : c(idx[j], v)) > 0) { idx[j + 1] = idx[j]; j--; }
    idx[j + 1] = v;
  }
  return idx;
}

/** The first k positions of grade(x, desc) for a vector of numbers or temporals, found in one pass with a
 *  heap of k (select[10;>price] over ten million rows reads each price once instead of sorting them all);
 *  null for other types, or when k is not small next to the count. Ties keep their order, as the grade's. */
export function topGrade(x: Q, k: number, desc: boolean): Int32Array | null {
  if (!(x.t > 0 && x.t < 20) || x.t === T.Sym || x.t === T.Guid) return null;
  const d = (x as Vec).d, n = d.length;
  if (k < 0 || k > 4096 || k * 8 > n || n < 2048) return null;
  // each item as a number that orders as q does: a float's null (NaN) below -0w; a long by its halves
  // (exact to 2^53; past that neighbours would tie and position decide, as the full grade would not: so
  // vectors holding such longs take the full grade)
  let key: (i: number) => number;
  if (d instanceof BigInt64Array) {
    const w = halves(d);
    for (let i = 0; i < n; i++) { const hi = w[2 * i + 1]; if ((hi > 0x1fffff || hi < -0x200000) && !(hi === -2147483648 && w[2 * i] === 0)) return null; }
    key = i => { const hi = w[2 * i + 1], lo = w[2 * i]; return hi === -2147483648 && lo === 0 ? -Infinity : hi * 4294967296 + (lo >>> 0); };
  } else if (d instanceof Float64Array || d instanceof Float32Array) key = i => { const v = d[i] as number; return v === v ? v : -Infinity; };
  else { const a = d as ArrayLike<number>; key = i => a[i]; }
  const isNull = d instanceof Float64Array || d instanceof Float32Array ? (i: number) => d[i] !== d[i] : () => false;
  // before(i, j): i comes first in the grade
  const before = (i: number, j: number): boolean => {
    const a = key(i), b = key(j);
    if (a !== b) return desc ? a > b : a < b;
    const na = isNull(i), nb = isNull(j);
    if (na !== nb) return desc ? nb : na;
    return i < j;
  };
  // a heap of the k first so far, the last of them at the root
  const heap = new Int32Array(k);
  let size = 0;
  const down = (at: number) => {
    for (;;) {
      const l = 2 * at + 1, r = l + 1;
      let m = at;
      if (l < size && before(heap[m], heap[l])) m = l;
      if (r < size && before(heap[m], heap[r])) m = r;
      if (m === at) return;
      const t = heap[at]; heap[at] = heap[m]; heap[m] = t; at = m;
    }
  };
  for (let i = 0; i < n && k; i++) {
    if (size < k) {
      let at = size++;
      heap[at] = i;
      while (at && before(heap[(at - 1) >> 1], heap[at])) { const p = (at - 1) >> 1, t = heap[at]; heap[at] = heap[p]; heap[p] = t; at = p; }
    } else if (before(i, heap[0])) { heap[0] = i; down(0); }
  }
  return Int32Array.from(heap.subarray(0, size)).sort((i, j) => before(i, j) ? -1 : 1);
}

/** The rows of a table in order, one column at a time from the last: each column's grade is stable, so a
 *  column decides where the ones before it tie. Radix grades in wasm where the kernels take the column,
 *  else grade's (a few rows, a general column); null for a table of no columns. */
function gradeTable(t: Table, desc: boolean): Int32Array | null {
  let perm: Int32Array | null = null;
  for (let k = t.d.length - 1; k >= 0; k--) {
    const c = perm ? reorder(t.d[k], perm) : t.d[k];
    let g = columnGrade(c, desc);
    if (!g) { const h = grade(c, desc); g = ints(h); }
    perm = perm ? (kernels.gather(T.Int, perm, g) as Int32Array | null) ?? gather(T.Int, perm, g) as Int32Array : g;
  }
  return perm;
}
function columnGrade(x: Q, desc: boolean): Int32Array | null {
  if (x.t > 0 && x.t < 20 && x.t !== T.Sym) return kernels.grade(x.t, (x as Vec).d, desc);
  if (x.t === T.Sym || x.t === T.Enum) { const r = symRanks(x); return r && kernels.grade(T.Int, r, desc); }
  const strings = stringBytes(x);
  return strings ? kernels.grade(T.Int, stringRanks(strings), desc) : null;
}

const sortable = (x: Q) => x.t >= 0 && x.t <= T.Enum || x.t === T.Table || x.t === T.Dict;

export function iasc(x: Q): Q {
  if (x.t === T.Dict) return index((x as Dict).k, iasc((x as Dict).v));
  if (!sortable(x)) throw new QError('rank');
  return longVec(grade(x));
}
export function idesc(x: Q): Q {
  if (x.t === T.Dict) return index((x as Dict).k, idesc((x as Dict).v));
  if (!sortable(x)) throw new QError('rank');
  return longVec(grade(x, true));
}

function reorder(x: Q, idx: ArrayLike<number>): Q {
  if (x.t === T.List) { const d = (x as List).d, n = idx.length, r = new Array<Q>(n); for (let k = 0; k < n; k++) r[k] = d[idx[k]]; return list(r); }
  if (x.t === T.Table) return table((x as Table).c, (x as Table).d.map(c => reorder(c, idx)));
  const v = x as Vec, r = vec(v.t, (idx instanceof Int32Array ? kernels.gather(v.t, v.d, idx) : null) ?? gather(v.t, v.d, idx));
  if (v.dom) r.dom = v.dom;
  return r;
}

/** asc x: sorted ascending, marked `s# (a dictionary sorts by value; a table by its columns). */
export function asc(x: Q): Q {
  if (x.t < 0) throw new QError('rank');
  if (x.t === T.Dict) { const d = x as Dict, g = grade(d.v); return dict(reorder(d.k, g), withAttr(reorder(d.v, g), Attr.S)); }
  if (!sortable(x)) throw new QError('type');
  const r = reorder(x, grade(x));
  return withAttr(r, Attr.S);
}
export function desc(x: Q): Q {
  if (x.t < 0) throw new QError('rank');
  if (x.t === T.Dict) { const d = x as Dict, g = grade(d.v, true); return dict(reorder(d.k, g), reorder(d.v, g)); }
  if (!sortable(x)) throw new QError('type');
  const r = reorder(x, grade(x, true));
  if (r.t > 0 && r.t <= T.Enum) (r as Vec).a = Attr.None;
  return r;
}
function withAttr(x: Q, a: Attr): Q {
  if (x.t > 0 && x.t <= T.Enum) return { ...(x as Vec), a };
  // a general list sorted has s# too, which the console does not show (ref/asc)
  if (x.t === T.List) return { ...(x as List), a };
  // a table sorted by its columns: s# on its only column, else p# on its first (its runs are contiguous)
  if (x.t === T.Table && a === Attr.S) {
    const t = x as Table;
    return table(t.c, t.d.map((c, j) => j ? c : withAttr(c, t.d.length === 1 ? Attr.S : Attr.P)));
  }
  return x;
}

/** rank x: each item's position in the sorted list. */
export function rank(x: Q): Q {
  if (x.t === T.Dict) return dict((x as Dict).k, rank((x as Dict).v));
  if (!sortable(x)) throw new QError('rank');
  const g = grade(x), r = new Array<number>(g.length);
  for (let i = 0; i < g.length; i++) r[g[i]] = i;
  return longVec(r);
}
/** n xrank x: x's items put into n buckets of (near) equal size. */
export function xrank(n: Q, x: Q): Q {
  const k = intOf(n);
  if (k < 0) throw new QError('domain');
  const g = grade(x), c = g.length, r = new Array<number>(c);
  for (let i = 0; i < c; i++) r[g[i]] = Math.floor((k * i) / c);
  return longVec(r);
}

/** x bin y: the last position in sorted x whose item is at or below y (-1 below the first); binr the first at or above. */
function search(right: boolean) {
  const go = (x: Q, y: Q): Q => {
    if (x.t === T.Table) return tableSearch(x as Table, y, right);
    // a dictionary searches its values and answers with keys (a keyed table: its key rows)
    if (x.t === T.Dict) return index((x as Dict).k, go((x as Dict).v, y));
    if (x.t < 0 && x.t !== -T.Sym) throw new QError('type');
    // an enumeration is searched by its symbols, as it sorts
    if (x.t === T.Enum) x = deenum(x);
    if (y.t === T.Enum || y.t === -T.Enum) y = deenum(y);
    const n = count(x);
    const one = (v: Q): number => {
      let lo = 0, hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >> 1, c = compareQ(item(x, mid), v, false);
        if (right ? c < 0 : c <= 0) lo = mid + 1; else hi = mid;
      }
      return right ? lo : lo - 1;
    };
    if (y.t < 0 || (x.t === T.List && y.t >= 0 && y.t < 20 && count(x) && item(x, 0).t === y.t)) return long(one(y));
    if (y.t === T.Dict) {
      // (values found as one item, (1 2;3 4) bin `a`b!1 2, give one answer, which no key list can hold)
      const r = go(x, (y as Dict).v);
      if (r.t < 0) throw new QError('length');
      return dict((y as Dict).k, r);
    }
    // over a simple list, bin is atomic in y (ref/bin): a general y is searched item by item, to any depth
    if (x.t > 0 && x.t < 20 && y.t === T.List) return list((y as List).d.map(e => go(x, e)));
    // a vector searched in a vector of its type: a binary search per item, in wasm or over the typed arrays
    if (x.t === y.t && x.t > 0 && x.t < T.Sym && x.t !== T.Guid) {
      const xd = (x as Vec).d, yd = (y as Vec).d;
      return { t: T.Long, d: kernels.bin(x.t, xd, yd, right) ?? typedBin(xd, yd, right), a: 0 } as Vec;
    }
    return longVec(items(y).map(one));
  };
  return go;
}
/**
 * x bin y (binr: right) of two vectors of one fixed-width type, by a binary search an item over the typed
 * arrays, where the kernels do not take them (below SMALL items sought, or shorts, bytes, chars, booleans
 * and reals): an atom an item compared by compareQ cost 160 ns an item. Each search counts the items
 * below y's (bin: at or below): a null float below every other, as q sorts it; longs by their halves, the
 * high signed and the low unsigned.
 */
function typedBin(xd: Items, yd: Items, right: boolean): BigInt64Array {
  const n = yd.length, m = xd.length, r = allocRaw(T.Long, n) as BigInt64Array, w = halves(r);
  // (each loop leaves in w[2i] how many items are below y's; the result is that less one for bin)
  if (xd instanceof BigInt64Array) {
    const x = halves(xd), y = halves(yd as BigInt64Array);
    for (let i = 0; i < n; i++) {
      const vh = y[2 * i + 1], vl = y[2 * i] >>> 0;
      let lo = 0, hi = m;
      while (lo < hi) {
        const mid = (lo + hi) >> 1, h = x[2 * mid + 1], l = x[2 * mid] >>> 0;
        if (h < vh || h === vh && (right ? l < vl : l <= vl)) lo = mid + 1; else hi = mid;
      }
      w[2 * i] = lo;
    }
  } else if (xd instanceof Float64Array || xd instanceof Float32Array) {
    for (let i = 0; i < n; i++) {
      const v = yd[i] as number, vn = v !== v;
      let lo = 0, hi = m;
      while (lo < hi) {
        const mid = (lo + hi) >> 1, u = xd[mid];
        if (u !== u ? !right || !vn : !vn && (right ? u < v : u <= v)) lo = mid + 1; else hi = mid;
      }
      w[2 * i] = lo;
    }
  } else {
    const x = xd as Int32Array, y = yd as Int32Array;
    for (let i = 0; i < n; i++) {
      const v = y[i];
      let lo = 0, hi = m;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (right ? x[mid] < v : x[mid] <= v) lo = mid + 1; else hi = mid; }
      w[2 * i] = lo;
    }
  }
  for (let i = 0; i < n; i++) putLong(w, i, right ? w[2 * i] : w[2 * i] - 1);
  return r;
}
/** t bin row: the last row of t whose first n-1 columns match the row's and whose last column is at or
 *  below the row's last (binr: the first at or above); 0N when there is none. The last column need be
 *  sorted only within each run of equal leading columns. y is a dictionary or list (one row) or a table.
 *  None is 0N (ref/bin), but a table of one column is searched as that column is: -1 below its first
 *  (egor7's notes: ([]a:1 3 5 7) bin ([]a:2 2 8 0) is 0 0 3 -1). */
function tableSearch(t: Table, y: Q, right: boolean): Q {
  const n = t.c.length, rows = count(t);
  if (!n) throw new QError('length');
  const pick = (r: Q): Q[] => {
    if (r.t === T.Dict) { const d = r as Dict, ks = items(d.k).map(k => (k as Atom).v as string), vs = items(d.v); return t.c.map(c => { const j = ks.indexOf(c); if (j < 0) throw new QError(c); return vs[j]; }); }
    const vs = items(r);
    if (vs.length !== n) throw new QError('length');
    return vs;
  };
  const queries = y.t === T.Table ? Array.from({ length: count(y) }, (_, i) => pick(item(y, i))) : [pick(y)];
  // rows by their leading columns, in order
  const key = (vs: Q[]) => vs.slice(0, n - 1).map(v => keyText(deenum(v))).join('|');
  const runs = new Map<string, number[]>();
  for (let i = 0; i < rows; i++) {
    const k = key(t.d.map(c => item(c, i)));
    let g = runs.get(k);
    if (!g) runs.set(k, g = []);
    g.push(i);
  }
  const last = t.d[n - 1];
  const one = (q: Q[]): bigint => {
    const g = runs.get(key(q)), none = right || n > 1 ? NJ : -1n;
    if (!g) return none;
    let lo = 0, hi = g.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1, c = compareQ(item(last, g[mid]), q[n - 1], false);
      if (right ? c < 0 : c <= 0) lo = mid + 1; else hi = mid;
    }
    const p = right ? lo : lo - 1;
    return p < 0 || p >= g.length ? none : BigInt(g[p]);
  };
  const r = queries.map(one);
  return y.t === T.Table ? vec(T.Long, BigInt64Array.from(r)) : { t: -T.Long, v: r[0] } as Atom;
}
/** Whether y's atoms are all of simple list x's type, as bin asks (ref/bin: "exactly the same type (no
 *  type promotion)"); a symbol and an enumeration count as one. */
function sameType(x: Q, y: Q): boolean {
  if (y.t === T.List) return (y as List).d.every(e => sameType(x, e));
  if (y.t === T.Dict) return sameType(x, (y as Dict).v);
  const a = Math.abs(y.t), sym = (t: number) => t === T.Sym || t === T.Enum;
  return a === x.t || sym(a) && sym(x.t);
}
/** bin and binr as q sees them: a simple list searched for another type is a type error; searches inside
 *  the interpreter (a step dictionary's lookup, a sorted column's range) go to search itself. */
const strict = (f: (x: Q, y: Q) => Q) => (x: Q, y: Q): Q => {
  const v = x.t === T.Dict ? (x as Dict).v : x;
  if (v.t > 0 && v.t < 20 && !sameType(v, y)) throw new QError('type');
  return f(x, y);
};
export const bin = search(false);
export const binr = search(true);
export const qbin = strict(bin), qbinr = strict(binr);
export type { Atom };

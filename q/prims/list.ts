// List primitives: til count first last reverse enlist raze where take drop key value type null …
import { T } from '../value/types.js';
import { Q, Atom, Vec, List, Dict, Table, count, item, items, fromItems, list, vec, dict, table, isNil, NIL, symVec, empty, nullItem, isNullV, longVec, atomsToVec, sym, long, ATTR_CHARS, NI, NJ, WI, sliceQ } from '../value/value.js';
import { alloc, allocRaw, gather, concat, iota, fresh, halves, from } from '../value/storage.js';
import type { Items } from '../value/storage.js';
import * as kernels from '../kernels/index.js';
import { QError } from '../value/error.js';
import { symName } from '../value/sym.js';
import { join, compareAt } from './join.js';
import { index, positions, keyRow } from './index.js';
import { findMany, find1, integralMix, findIntegral } from './find.js';
import { isInternal, internal } from './internal.js';
import { hooks, roomForRows } from './hooks.js';
import { deenum } from '../value/enums.js';
import { codeUnits } from '../value/utf8.js';
import { groupRows, groupIds, INT_BACKED } from './groupby.js';
import { lookupKeyed } from './joins.js';
import { castTo } from './conv.js';
import { iasc } from './order.js';
import { stringGroups } from './strhash.js';

/** An integer atom's value as a JS number, or a q 'type signal. */
export function intOf(x: Q): number {
  switch (x.t) {
    case -T.Long: return Number((x as Atom).v);
    case -T.Int: case -T.Short: case -T.Byte: case -T.Bool: return (x as Atom).v;
  }
  throw new QError('type');
}

export function til(x: Q): Q {
  const n = intOf(x);
  if (n < 0) throw new QError('domain');
  if (n > 2 ** 31) throw new QError('limit');
  return vec(T.Long, kernels.iota(0n, n) ?? iota(n));
}
export const qcount = (x: Q): Q => long(count(x));
export function first(x: Q): Q {
  if (x.t < 0 || x.t >= T.Lambda) return x;
  if (x.t === T.Dict) return count(x) ? item((x as Dict).v, 0) : nullItem((x as Dict).v);
  if (x.t === T.Table) return item(x, 0);
  // (first of an empty general list is the generic null, where an index past its end is (): basics/glossary;
  // MystiquePanda's AoC 2021 day 10 indexes a dictionary with first() for all its values)
  return count(x) ? item(x, 0) : x.t === T.List ? NIL : nullItem(x);
}
export function last(x: Q): Q {
  if (x.t < 0 || x.t >= T.Lambda) return x;
  const n = count(x);
  if (x.t === T.Dict) return n ? item((x as Dict).v, n - 1) : nullItem((x as Dict).v);
  return n ? item(x, n - 1) : x.t === T.List ? NIL : nullItem(x);
}
export function reverse(x: Q): Q {
  if (x.t < 0 || x.t >= T.Lambda) return x;
  if (x.t === T.Dict) return dict(reverse((x as Dict).k), reverse((x as Dict).v));
  if (x.t === T.Table) { const t = x as Table; return table(t.c, t.d.map(reverse)); }
  if (x.t === T.List) return list((x as List).d.slice().reverse());
  const n = count(x), d = (x as Vec).d;
  // a copy reversed in place by the engine (no BigInt an item, no index vector); a guid is 16 bytes
  if (x.t !== T.Guid) { const r = allocRaw(x.t, n); (r as Uint8Array).set(d as Uint8Array); (r as Uint8Array).reverse(); return { ...(x as Vec), d: r, a: 0 }; }
  const idx = fresh(Int32Array, n);
  for (let i = 0; i < n; i++) idx[i] = n - 1 - i;
  return { ...(x as Vec), d: kernels.gather(x.t, d, idx) ?? gather(x.t, d, idx), a: 0 };
}
export function enlist(x: Q): Q {
  if (x.t < 0 && x.t >= -T.Enum) return fromItems([x]);
  // a dictionary with symbol keys makes a one-row table; an empty one cannot (no columns): a list of it
  if (x.t === T.Dict && (x as Dict).k.t === T.Sym && count((x as Dict).k)) return table(items((x as Dict).k).map(k => (k as Atom).v), items((x as Dict).v).map(v => fromItems([v])));
  return list([x]);
}
/** Whether two tables' columns are the same names in the same order. */
const sameNames = (a: string[], b: string[]): boolean => a.length === b.length && a.every((c, j) => c === b[j]);
export function raze(x: Q): Q {
  if (x.t === T.Dict) return raze((x as Dict).v);
  // raze is ,/ : a table's rows joined, dictionaries whose later values win (funq's flip raze D)
  if (x.t === T.Table) { const n = count(x); if (!n) return x; let r = item(x, 0); for (let i = 1; i < n; i++) r = join(r, item(x, i)); return r; }
  if (x.t !== T.List) return x.t < 0 ? enlist(x) : x;
  const d = (x as List).d;
  if (!d.length) return x;
  // vectors and atoms of one type (a list of strings, of long vectors …): one allocation, not a join per
  // item (which copies what came before each time)
  const t = Math.abs(d[0].t);
  if (t > 0 && t < 20 && d.every(e => e.t === t || e.t === -t)) return vec(t, concat(t, d.map(e => (e.t < 0 ? enlist(e) as Vec : e as Vec).d)));
  // general lists (and atoms) among them: their items gathered once, then made uniform if they are
  // (raze of a list of lists of vectors was a join per item, each copying all before it)
  if (d.some(e => e.t === T.List) && d.every(e => e.t === T.List || (e.t > 0 && e.t < 20) || (e.t < 0 && e.t > -20))) {
    const all: Q[] = [];
    for (const e of d) { if (e.t === T.List) { for (const v of (e as List).d) all.push(v); } else if (e.t < 0) all.push(e); else for (const v of items(e)) all.push(v); }
    return fromItems(all);
  }
  // tables of the same columns: each column razed once, where a join per table copied every row before
  // it (a breadth-first search razing a table per state, AoC 2022 day 16, ran for minutes)
  if (d.length > 1 && d.every(e => e.t === T.Table && sameNames((e as Table).c, (d[0] as Table).c))) {
    const cs = (d[0] as Table).c;
    return table(cs, cs.map((_, j) => raze(list(d.map(e => (e as Table).d[j])))));
  }
  // an atom (a function is one too) starts a list: raze enlist f is enlist f (KX ml's xval)
  let r: Q = d[0].t < 0 || d[0].t >= 100 ? enlist(d[0]) : d[0];
  // once the join so far is a general list with items, joining a vector, atom or general list to it only
  // appends their items: gathered in one array, where a join each time copied all before it (a list of
  // vectors of two types, n?(1 2;`a`b), took 78 s to raze at 30000)
  let more: Q[] | null = null;
  for (let i = 1; i < d.length; i++) {
    const e = d[i];
    if (!more && r.t === T.List && count(r)) more = (r as List).d.slice();
    if (more && (e.t === T.List || e.t > 0 && e.t < 20 || e.t < 0 && e.t > -20)) {
      if (e.t === T.List) for (const v of (e as List).d) more.push(v); else if (e.t < 0) more.push(e); else for (const v of items(e)) more.push(v);
      continue;
    }
    if (more) { r = list(more); more = null; }
    r = join(r, e);
  }
  return more ? list(more) : r;
}
export function where(x: Q): Q {
  if (x.t === T.Dict) return index((x as Dict).k, where((x as Dict).v));
  if (x.t === -T.Bool || x.t === -T.Long || x.t === -T.Int) { const n = intOf(x); return where(vec(T.Long, BigInt64Array.of(BigInt(n)))); }
  if (x.t === T.Bool) {
    const k = kernels.whereLong((x as Vec).d as Uint8Array);
    if (k) return vec(T.Long, k);
    const d = (x as Vec).d as Uint8Array; let n = 0;
    for (let i = 0; i < d.length; i++) n += d[i];
    // (written as 32-bit halves: a BigInt per position cost more than the rest)
    const r = fresh(BigInt64Array, n), w = halves(r); let j = 0;
    for (let i = 0; i < d.length; i++) if (d[i]) { w[j] = i; j += 2; }
    return vec(T.Long, r);
  }
  if (x.t === T.Long || x.t === T.Int || x.t === T.Short || x.t === T.Byte) {
    // counts summed first, then positions written as low and high 32-bit halves (no BigInt per item)
    const p = positions(x)!; let n = 0;
    for (let i = 0; i < p.length; i++) { if (p[i] < 0) throw new QError('domain'); n += p[i]; }
    if (n > 2 ** 31) throw new QError('limit');
    const r = allocRaw(T.Long, n) as BigInt64Array, w = new Int32Array(r.buffer, r.byteOffset, 2 * n);
    for (let i = 0, j = 0; i < p.length; i++) for (let k = p[i]; k > 0; k--, j += 2) { w[j] = i; w[j + 1] = 0; }
    return vec(T.Long, r);
  }
  if (x.t === T.List && count(x) === 0) return vec(T.Long, new BigInt64Array(0));
  throw new QError('type');
}

/** x#y: take (cyclic, from the end when negative), reshape with two counts, or take keys from a dict/table. */
export function take(x: Q, y: Q): Q {
  if (x.t === -T.Sym && (y.t >= 0 && y.t <= T.Enum || ((y.t === T.Dict || y.t === T.Table) && ATTRS.includes((x as Atom).v)))) return setAttr((x as Atom).v, y);
  if (x.t === T.Sym || x.t === -T.Sym) {
    if (y.t === T.Table) { const t = y as Table; const cs = x.t === -T.Sym ? [(x as Atom).v] : items(x).map(a => (a as Atom).v); return table(cs, cs.map(c => { const j = t.c.indexOf(c); if (j < 0) throw new QError(c); return t.d[j]; })); }
    // (a symbol atom is a key list of one: `a#d is (,`a)!,d`a)
    if (y.t === T.Dict) { const d = y as Dict; if (d.v.t === T.Table) { return dict(d.k, take(x, d.v)); } const ks = x.t === -T.Sym ? fromItems([x]) : x; return dict(ks, index(d, ks)); }
  }
  if (x.t === T.Dict || x.t === T.Table) { /* x#y with a table on the left: rows of y matching keys */ }
  // no keys take no entries: an empty dictionary of y's key and value types (anton-dovzhenko's AoC 2021
  // day 11 takes (key x)#x once every key has gone; d () would be d's values whole)
  if (y.t === T.Dict && x.t >= 0 && x.t < T.Table && !count(x)) { const d = y as Dict; return dict(sliceQ(d.k, 0, 0), sliceQ(d.v, 0, 0)); }
  // (and a general list of keys of a dictionary keyed by lists: (enlist 1 1)#g, gyorokpeter's AoC 2022 day 24)
  if (y.t === T.Dict && (x.t > 0 || x.t === T.List && (y as Dict).k.t === T.List)) { const d = y as Dict; return dict(x, index(d, x)); }
  if (x.t === T.Long || x.t === T.Int || x.t === T.Short) return reshape(x, y);
  const k = intOf(x);
  if (y.t === T.Table) { const t = y as Table; return table(t.c, t.d.map(c => take(x, c))); }
  if (y.t === T.Dict) { const d = y as Dict; return dict(take(x, d.k), take(x, d.v)); }
  // (a function is an atom too: 2#{x} is ({x};{x}))
  const src = y.t < 0 ? enlist(y) : y.t >= T.Lambda ? list([y]) : y;
  const n = count(src), m = Math.abs(k);
  if (m >= 2 ** 31) throw new QError('limit');
  // from nothing, m nulls of the list's type; from a general list, m empty lists (n#() makes the lists
  // that kdb+tick's .u.w and an adjacency list start from, each then appended to: w[x],:enlist …)
  if (n === 0) { if (m === 0) return src; if (src.t === T.List) return list(Array.from({ length: m }, () => list([]))); const nl = nullItem(src); return fromItems(new Array(m).fill(nl)); }
  // a vector: one period copied in (from the item where the cycle starts), then doubled by copyWithin,
  // so m items take a few memory copies however large m is
  if (src.t !== T.List) {
    const v = src as Vec, w = v.t === T.Guid ? 16 : 1, d = v.d as any, r = allocRaw(v.t, m) as any;
    const start = k >= 0 ? 0 : ((n - m) % n + n) % n, first = Math.min(m, n);
    const head = Math.min(first, n - start);
    r.set(d.subarray(start * w, (start + head) * w), 0);
    if (first > head) r.set(d.subarray(0, (first - head) * w), head * w);
    for (let filled = first; filled < m; filled *= 2) r.copyWithin(filled * w, 0, Math.min(filled, m - filled) * w);
    const out = vec(v.t, r);
    if (v.dom) out.dom = v.dom;
    return out;
  }
  // a general list: its items, cycling from where the cycle starts
  const d = (src as List).d, start = k >= 0 ? 0 : ((n - m) % n + n) % n, out = new Array<Q>(m);
  for (let i = 0; i < m; i++) out[i] = d[(start + i) % n];
  return list(out);
}
/** r c#y: r rows of c items, cycling through y; 0N for one count makes rows from all of y, the later
 * rows longer where they do not divide evenly (3 0N#til 10 is 0 1 2/3 4 5/6 7 8 9). More counts nest deeper. */
function reshape(x: Q, y: Q): Q {
  const NN = -2147483648;
  const dims = Array.from(positions(x)!, (v, i) => x.t === T.Long && (x as Vec).d[i] === -(2n ** 63n) ? NN : v);
  const src = y.t < 0 ? enlist(y) : y.t >= T.Lambda ? list([y]) : y, n = count(src);
  if (dims.length === 2 && (dims[0] === NN || dims[1] === NN)) {
    const [r0, c0] = dims;
    if (r0 === NN && c0 === NN) throw new QError('domain');
    if (r0 === NN) { // rows of c0, the last shorter
      if (c0 < 0) throw new QError('domain');
      roomForRows(n / (c0 || 1));
      const rows: Q[] = [];
      for (let i = 0; i < n || (i === 0 && !rows.length && false); i += c0 || 1) rows.push(sliceQ(src, i, Math.min(i + c0, n)));
      return list(rows);
    }
    if (r0 < 0) throw new QError('domain');
    roomForRows(r0);
    // row i starts at floor(i*n/r0): what does not divide evenly is spread over the later rows (3 0N#til 500
    // is 166 167 167 long, as KX ml's stratified folds expect; 3 0N#til 10 is 3 3 4)
    const rows: Q[] = [], cut = (i: number) => Math.floor(i * n / Math.max(r0, 1));
    for (let i = 0; i < r0; i++) rows.push(sliceQ(src, cut(i), i === r0 - 1 ? n : cut(i + 1)));
    return list(rows);
  }
  if (dims.some(d => d < 0)) throw new QError('domain');
  // no rows of a given width: q has no zero-row matrix (0 4#" " is 'length, ref/take as kxcontrib's
  // phrases record it)
  if (dims.length === 2 && dims[0] === 0 && dims[1] > 0) throw new QError('length');
  // of more than two counts, a zero may only be the last (1 2 0#"a" is (("";"")), 1 0 2#… is 'domain)
  if (dims.length > 2 && dims.slice(0, -1).some(d => d === 0)) throw new QError('domain');
  // fill the shape in order, cycling through y
  let pos = 0;
  const build = (k: number): Q => {
    if (k === dims.length - 1) {
      const m = dims[k], idx = new Array<number>(m);
      for (let i = 0; i < m; i++) idx[i] = n ? (pos + i) % n : 0;
      pos += m;
      return n ? index(src, longVec(idx)) : take(long(m), src);
    }
    const out: Q[] = [];
    for (let i = 0; i < dims[k]; i++) out.push(build(k + 1));
    return list(out);
  };
  return build(0);
}

const ATTRS = ['', 's', 'u', 'p', 'g'];
/** `s#x `u#x `p#x `g#x: set (or with ` remove) an attribute, checking what it promises. A dictionary
 *  or keyed table takes only s (its keys sorted: a step function); a table's s puts p on its first column. */
export function setAttr(a: string, y: Q): Q {
  const code = ATTRS.indexOf(a);
  if (code < 0) throw new QError('domain');
  if (y.t === T.Dict) {
    const d = y as Dict;
    if (code === 0) return { t: T.Dict, k: setAttr('', d.k), v: d.v };
    if (code !== 1) throw new QError('type');
    // a keyed table's key table is marked sorted as it is (kdb+ sends its columns without attributes)
    if (d.k.t === T.Table) { if (!isSorted(d.k)) throw new QError('s-fail'); return { t: T.Dict, k: { ...(d.k as Table), a: 1 }, v: d.v, a: 1 }; }
    return { t: T.Dict, k: setAttr('s', d.k), v: d.v, a: 1 };
  }
  if (y.t === T.Table) {
    const t = y as Table;
    if (code === 0) return table(t.c, t.d.map(c => setAttr('', c)));
    if (code !== 1) throw new QError('type');
    if (!isSorted(y)) throw new QError('s-fail');
    const r = table(t.c, t.d.map((c, j) => j ? c : setAttr('p', c)));
    r.a = 1;
    return r;
  }
  if (y.t === T.List) {
    // a mixed list takes s (items in q's order), u (items distinct) and g (dotfiles' cache keys a
    // dictionary by `g#enlist 0#0x0); not p
    if (code === 0) return { ...(y as List), a: 0 };
    if (code === 3) throw new QError('type');
    if (code === 1 && !isSorted(y)) throw new QError('s-fail');
    if (code === 2 && count(distinct(y)) !== count(y)) throw new QError('u-fail');
    return { ...(y as List), a: code };
  }
  const v = y as Vec, n = count(v);
  if (code === 1) { for (let i = 1; i < n; i++) if (compareAt(v, i - 1, i) > 0) throw new QError('s-fail'); }
  if (code === 2) { if (count(distinct(v)) !== n) throw new QError('u-fail'); }
  if (code === 3) {
    // parted: equal items are contiguous
    const seen = new Set<string>();
    for (let i = 0; i < n; i++) { const k = keyText(item(v, i)); if (i && k === keyText(item(v, i - 1))) continue; if (seen.has(k)) throw new QError('u-fail'); seen.add(k); }
  }
  return { ...v, a: code };
}
/** Are the items (rows) of x in ascending order, as iasc puts them? */
function isSorted(x: Q): boolean {
  const g = iasc(x) as Vec, d = g.d as ArrayLike<number | bigint>;
  for (let i = 0; i < d.length; i++) if (Number(d[i]) !== i) return false;
  return true;
}

function dropN(x: Q, from: number, n: number): Q {
  if (from === 0) return x;
  const idx = Array.from({ length: n }, (_, i) => (i + from) % n);
  return x.t === T.List ? list(idx.map(i => (x as List).d[i])) : { ...(x as Vec), d: gather(x.t, (x as Vec).d, idx), a: 0 };
}

/** x _ y: drop from the front (or back when negative); with a list on the left, cut at those indices. */
export function drop(x: Q, y: Q): Q {
  // only data has items to drop
  if (y.t > T.Dict || x.t > T.Dict) throw new QError('type');
  // a symbol vector of column names drops those columns from a table (an atom name does not)
  if (x.t === T.Sym && y.t === T.Table) {
    const t = y as Table, gone = new Set(items(x).map(c => (c as Atom).v as string));
    const keep = t.c.flatMap((c, j) => gone.has(c) ? [] : [j]);
    return table(keep.map(j => t.c[j]), keep.map(j => t.d[j]));
  }
  if (x.t === T.Dict && y.t > 0) throw new QError('type');
  if (x.t === T.Dict && (y.t < 0 || y.t === T.List && (x as Dict).k.t === T.Table)) return dropKeys(x as Dict, y);
  if (y.t === T.Dict && (x.t === -T.Sym || x.t >= 0)) return dropKeys(y as Dict, x);
  if (x.t < 0 && y.t >= 0) {
    const k = intOf(x);
    if (y.t === T.Table) { const t = y as Table; return table(t.c, t.d.map(c => drop(x, c))); }
    if (y.t === T.Dict) { const d = y as Dict; return dict(drop(x, d.k), drop(x, d.v)); }
    const n = count(y);
    const [a, b] = k >= 0 ? [Math.min(k, n), n] : [0, Math.max(0, n + k)];
    // a general list's rest may be uniform: dictionaries of the same keys are a table (1_(1;d;d)), as an
    // index of it gives (TorQ's pcapdecoder)
    return y.t === T.List && (a > 0 || b < n) ? fromItems((y as List).d.slice(a, b)) : sliceQ(y, a, b);
  }
  if (x.t > 0 && x.t !== T.Sym && y.t >= 0) {
    // cut: x _ y splits y at the indices x
    const p = positions(x);
    if (!p) throw new QError('type');
    const n = count(y), out: Q[] = [];
    for (let i = 0; i < p.length; i++) { const e = i + 1 < p.length ? p[i + 1] : n; if (p[i] > e || p[i] < 0) throw new QError('domain'); out.push(sliceQ(y, p[i], e)); }
    return list(out);
  }
  if (x.t >= 0 && y.t < 0) {
    // drop the item at index y
    const k = intOf(y);
    const n = count(x);
    if (x.t === T.Table) { const t = x as Table; return table(t.c, t.d.map(c => drop(c, y))); }
    if (k < 0 || k >= n) return x;
    return join(sliceQ(x, 0, k), sliceQ(x, k + 1, n));
  }
  throw new QError('type');
}
function dropKeys(d: Dict, k: Q): Q {
  const keep: number[] = [];
  if (d.k.t === T.Table) {
    const pos = keyedRows(d, k);
    for (let i = 0; i < count(d.k); i++) if (!pos.has(i)) keep.push(i);
  } else {
    // every entry whose key is one of k's goes, a repeated key each time (ref/drop: y without the entries
    // for x; anton-dovzhenko's AoC 2020 day 13 drops the null keys of 7 13 0N 0N 59!…)
    let ks = k.t < 0 ? fromItems([k]) : k;
    // (a short, int or long key of another of the three widths is the same key, as d k finds it: dotfiles'
    // .aoc.splitBy drops 0N from a dictionary keyed by ints)
    const w = [T.Short, T.Int, T.Long];
    if (ks.t !== d.k.t && w.includes(ks.t) && w.includes(d.k.t)) ks = castTo(d.k.t, ks);
    const c = count(ks), at = findMany(ks, d.k);
    for (let i = 0; i < at.length; i++) if (at[i] >= c) keep.push(i);
  }
  const ix = longVec(keep);
  return dict(index(d.k, ix), index(d.v, ix));
}
/** The rows of keyed table d whose keys k names: one key, a list of keys of one column, or a table of keys. */
function keyedRows(d: Dict, k: Q): Set<number> {
  const kt = d.k as Table, rows = new Set<number>();
  // many keys of the key columns' own types: found together, as lj finds them
  const many = k.t === T.Table ? k as Table : kt.c.length === 1 && k.t > 0 && k.t < T.Enum ? table(kt.c, [k]) : null;
  if (many && kt.c.every((c, j) => many.c.includes(c) && many.d[many.c.indexOf(c)].t === kt.d[j].t)) {
    const found = lookupKeyed(many, d).rows;
    for (let i = 0; i < found.length; i++) if (found[i] >= 0) rows.add(found[i]);
    return rows;
  }
  const keys: Q[] = k.t === T.Table ? Array.from({ length: count(k) }, (_, j) => item(k, j))
    : kt.c.length === 1 && k.t >= 0 && k.t !== T.Dict ? items(k) : [k];
  for (const one of keys) { const r = keyRow(d, one); if (r >= 0) rows.add(r); }
  return rows;
}

const NEGATED = new Set(['<>', '<=', '>=']);
export function qtype(x: Q): Q {
  if (x.t === T.Enum || x.t === -T.Enum) { const dom = (x as Vec).dom; const t = dom ? hooks.enumType(dom) : T.Enum; return { t: -T.Short, v: x.t < 0 ? -t : t }; }
  if (x.t === T.List && (x as List).mt) return { t: -T.Short, v: (x as List).mt };
  // <> <= >= are compositions in kdb+ (~= ~> ~<, as they show): type 105 (basics/datatypes' example)
  if (x.t === T.Op && NEGATED.has((x as { name: string }).name)) return { t: -T.Short, v: T.Comp };
  return { t: -T.Short, v: x.t };
}

export function key(x: Q): Q {
  if (x.t === T.Dict) return (x as Dict).k;
  if (x.t === T.Table) return symVec((x as Table).c);
  if (x.t > 0 && x.t <= T.Enum) return x.t === T.Enum ? sym((x as Vec).dom!) : sym(['', 'boolean', 'guid', '', 'byte', 'short', 'int', 'long', 'real', 'float', 'char', 'symbol', 'timestamp', 'month', 'date', 'datetime', 'timespan', 'minute', 'second', 'time'][x.t]);
  if (x.t === -T.Sym) return hooks.namespaceKeys((x as Atom).v);
  if (x.t < 0) return til(x);
  throw new QError('type');
}
export function value(x: Q): Q {
  if (x.t === T.Dict) return (x as Dict).v;
  if (x.t === T.Table) return x;
  throw new QError('type');
}

export function qnull(x: Q): Q {
  if (x.t < 0 && x.t >= -T.Enum) return { t: -T.Bool, v: isNullV(-x.t, (x as Atom).v) ? 1 : 0 };
  if (x.t > 0 && x.t <= T.Enum) {
    const v = x as Vec, n = count(v), r = fresh(Uint8Array, n);
    if (v.t === T.Guid) { for (let i = 0; i < n; i++) r[i] = isNullV(T.Guid, (v.d as Uint8Array).subarray(16 * i, 16 * i + 16)) ? 1 : 0; }
    else if (v.t === T.Sym) { const d = v.d as Int32Array; for (let i = 0; i < n; i++) r[i] = d[i] === 0 ? 1 : 0; }
    else { const d = v.d as any; for (let i = 0; i < n; i++) r[i] = isNullV(v.t, d[i]) ? 1 : 0; }
    return vec(T.Bool, r);
  }
  if (x.t === T.List) return fromItems((x as List).d.map(qnull));
  if (x.t === T.Dict) return dict((x as Dict).k, qnull((x as Dict).v));
  if (x.t === T.Table) { const t = x as Table; return table(t.c, t.d.map(qnull)); }
  return { t: -T.Bool, v: isNil(x) ? 1 : 0 };
}

/** x!y: a dictionary from keys and values; an int on the left with a table keys its first x columns. */
export function bang(x: Q, y: Q): Q {
  if (isInternal(x)) return internal(x, y);
  // n!`t keys (or unkeys) the global t in place
  if ((x.t === -T.Long || x.t === -T.Int) && y.t === -T.Sym) { hooks.setGlobal((y as Atom).v, bang(x, hooks.getGlobal((y as Atom).v))); return y; }
  // `dom!indices is an enumeration made from its indices
  if (x.t === -T.Sym && (y.t === T.Long || y.t === T.Int || y.t === -T.Long || y.t === -T.Int)) {
    const dom = (x as Atom).v as string;
    // a null index (or one no list reaches) is the int null, the enumeration's null
    const idx = (v: bigint | number) => v === NJ || Number(v) < 0 || Number(v) > WI ? NI : Number(v);
    if (y.t < 0) return { t: -T.Enum, v: idx((y as Atom).v), dom } as Atom;
    return { t: T.Enum, d: y.t === T.Int ? Int32Array.from((y as Vec).d as Int32Array, idx) : Int32Array.from((y as Vec).d as BigInt64Array, idx), a: 0, dom } as Vec;
  }
  if ((x.t === -T.Long || x.t === -T.Int) && (y.t === T.Table || (y.t === T.Dict && (y as Dict).k.t === T.Table))) {
    const n = intOf(x);
    const t = y.t === T.Table ? y as Table : unkey(y as Dict);
    if (n === 0) return t;
    // (keys beyond its columns are none it has: ref/dict's 'length)
    if (n < 0 || n > t.c.length) throw new QError('length');
    return dict(table(t.c.slice(0, n), t.d.slice(0, n)), table(t.c.slice(n), t.d.slice(n)));
  }
  if (x.t < 0 && y.t < 0) return dict(fromItems([x]), fromItems([y]));
  // column names!`:dir/ (splayed) or !`name (partitioned): what flip maps as a table (ref/flip-splayed)
  if (x.t === T.Sym && y.t === -T.Sym) return { t: T.Dict, k: x, v: y } as Dict;
  if (x.t === T.Table && y.t === T.Table) { if (count(x) !== count(y)) throw new QError('length'); return dict(x, y); }
  const nx = x.t < 0 ? 1 : count(x), ny = y.t < 0 ? 1 : count(y);
  // keys!() gives each key an empty list, so flip of it is an empty table of those columns (KX's
  // .u.asg.tab:flip `time`handle…!() in cloud/autoscale shows one)
  if (x.t >= 0 && nx && y.t === T.List && !ny) return dict(x, list(Array.from({ length: nx }, () => list([]))));
  // keys and values pair up one for one
  if (nx !== ny || (x.t < 0) !== (y.t < 0 || y.t >= T.Lambda)) { if (!(x.t >= 0 && y.t < 0 && nx === 1)) throw new QError('length'); }
  return dict(x.t < 0 ? fromItems([x]) : x, y.t < 0 && x.t >= 0 ? fromItems(new Array(nx).fill(y)) : y);
}
export function unkey(d: Dict): Table {
  const k = d.k as Table, v = d.v as Table;
  return table([...k.c, ...v.c], [...k.d, ...v.d]);
}

/** flip: dict of equal-length columns ⇄ table; a list of equal-length lists transposes. */
export function flip(x: Q): Q {
  if (x.t === T.Table) { const t = x as Table; return dict(symVec(t.c), list(t.d)); }
  if (x.t === T.Dict) {
    const d = x as Dict;
    if (d.flipped) return { t: T.Dict, k: d.k, v: d.v } as Dict;
    if (d.k.t === T.Sym && d.v.t === -T.Sym) return hooks.mapTable(d, false);
    if (d.k.t !== T.Sym) throw new QError('type');
    // names over a table's rows (a matrix with labels both ways, as `x`y!([]a:1 2;b:3 4) shows) flip to
    // the table's columns over a table of those names: `a`b!([]x:1 3;y:2 4) (KX ml's describe tests)
    if (d.v.t === T.Table) {
      const t = d.v as Table, names = items(d.k).map(k => (k as Atom).v as string);
      return dict(symVec(t.c), table(names, names.map((_, i) => fromItems(t.d.map(c => item(c, i))))));
    }
    const cols = items(d.v);
    let n = -1;
    for (const c of cols) if (c.t >= 0) { const m = count(c); if (n >= 0 && m !== n) throw new QError('length'); n = m; }
    // (atoms extend to the lists' length: with no list there is none, 'rank as kdb+ 4 signals for flip
    // `a`b!1 2 and ([]sym:`JPM;size:100), KX course notebooks)
    if (n < 0) { if (cols.length) throw new QError('rank'); n = 0; }
    return table(items(d.k).map(k => (k as Atom).v), cols.map(c => c.t < 0 ? fromItems(new Array(n).fill(c)) : c));
  }
  if (x.t === T.List) {
    const rows = (x as List).d;
    let n = -1;
    for (const r of rows) if (r.t >= 0) { const m = count(r); if (n >= 0 && m !== n) throw new QError('length'); n = m; }
    if (n < 0) return x;
    roomForRows(n);
    const out = new Array<Q>(n), m = rows.length, t = rows[0].t;
    // vectors of one fixed-width type (flip (x;y) of two long columns): each new row copied item by item
    // from the typed arrays, without an atom (a BigInt for a long) per item
    if (t > 0 && t < 20 && t !== T.Guid && rows.every(r => r.t === t)) {
      const src = rows.map(r => (r as Vec).d as Items);
      for (let j = 0; j < n; j++) {
        const d = allocRaw(t, m);
        for (let i = 0; i < m; i++) (d as any)[i] = (src[i] as any)[j];
        out[j] = vec(t, d);
      }
      return list(out);
    }
    for (let j = 0; j < n; j++) out[j] = fromItems(rows.map(r => r.t < 0 ? r : item(r, j)));
    return list(out);
  }
  if (x.t > 0) return x;
  throw new QError('rank');
}

export function distinct(x: Q): Q {
  if (x.t >= T.Lambda) throw new QError('type');
  // a table's rows grouped by their columns (kernels for typed ones): the first row of each group
  // (indexed by an int vector of them: a long one made through a JavaScript array was half the time)
  if (x.t === T.Table) { const t = x as Table; return index(x, { t: T.Int, d: Int32Array.from(groupIds(t.d, count(t)).firsts), a: 0 } as Vec); }
  if (x.t < 0) throw new QError('type');
  if (x.t === T.Dict) return distinct((x as Dict).v);
  const n = count(x), keep: number[] = [];
  if (x.t > 0 && x.t <= T.Enum) { const at = kernels.distinctAt(x.t, (x as Vec).d); if (at) return index(x, { t: T.Int, d: at, a: 0 } as Vec); }
  // items stored as ints (symbols above all): the first of each group, by slots over their range
  if (INT_BACKED.has(x.t))
    return index(x, { t: T.Int, d: from(T.Int, groupIds([x], n).firsts), a: 0 } as Vec);
  if (x.t > 0 && x.t !== T.Guid) {
    // the items found first where they are: x?x by its table of positions (no BigInt a long, no entry a
    // Set made of each); floats exactly, with -0 as 0, as kdb+'s distinct has them (no tolerance)
    const at = findMany(x, x);
    for (let i = 0; i < n; i++) if (at[i] === i) keep.push(i);
  } else {
    const strings = stringBytes(x);
    if (strings) return index(x, longVec(stringGroups(strings).firsts));
    const seen = new Set<string>();
    for (let i = 0; i < n; i++) { const k = keyText(item(x, i)); if (!seen.has(k)) { seen.add(k); keep.push(i); } }
  }
  const r = index(x, longVec(keep));
  return r;
}
/** The bytes of a string as a JavaScript string of one code unit a byte: equal strings give equal texts,
 *  and texts order as kdb+ orders strings (byte by byte, a prefix first). */
export function byteText(b: Uint8Array): string {
  const n = b.length, f = String.fromCharCode;
  // short ones (most strings in a column) in one call, flat, so that hashing them costs no flattening
  switch (n) {
    case 0: return '';
    case 1: return f(b[0]);
    case 2: return f(b[0], b[1]);
    case 3: return f(b[0], b[1], b[2]);
    case 4: return f(b[0], b[1], b[2], b[3]);
    case 5: return f(b[0], b[1], b[2], b[3], b[4]);
    case 6: return f(b[0], b[1], b[2], b[3], b[4], b[5]);
    case 7: return f(b[0], b[1], b[2], b[3], b[4], b[5], b[6]);
    case 8: return f(b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]);
  }
  return codeUnits(b);
}
/** Items whose floats would need -0 and NaN made one: their text, not their bits, keys them. */
const FLOATING = new Set([T.Real, T.Float, T.Datetime]);
/** An integral vector's bits as text, 16 a character (bytes one a character). */
function bitsText(d: Items): string {
  if (d instanceof Uint8Array) return byteText(d);
  const w = d instanceof BigInt64Array ? new Uint16Array(d.buffer, d.byteOffset, 4 * d.length)
    : d instanceof Int32Array ? new Uint16Array(d.buffer, d.byteOffset, 2 * d.length) : d as Int16Array;
  return codeUnits(w);
}
/** The bytes of a general list's items when every one is a string (a char vector), else null. */
export function stringBytes(x: Q): Uint8Array[] | null {
  if (x.t !== T.List) return null;
  const d = (x as List).d, n = d.length, r = new Array<Uint8Array>(n);
  for (let i = 0; i < n; i++) { const e = d[i]; if (e.t !== T.Char) return null; r[i] = (e as Vec).d as Uint8Array; }
  return r;
}
/** A string key for hashing any value (used where items are not simple). */
export function keyText(x: Q): string {
  // strings and fixed-width vectors straight from their arrays, without an atom an item
  if (x.t === T.Char) return '10:' + byteText((x as Vec).d as Uint8Array);
  // integral items as their bits, with the count first so that a key within a list's key is unambiguous
  // (the text of each number cost 0.2 µs an item: a dictionary keyed by thousands of bit masks)
  if (x.t > 0 && x.t < T.Enum && !FLOATING.has(x.t) && x.t !== T.Guid) return x.t + ':' + count(x) + ':' + bitsText((x as Vec).d);
  if (x.t > 0 && x.t < T.Enum && x.t !== T.Guid) {
    const d = (x as Vec).d as ArrayLike<number | bigint>, n = d.length;
    let s = x.t + ':[';
    for (let i = 0; i < n; i++) { const v = d[i]; s += (i ? ',' : '') + (v !== v ? 'NaN' : String(v)); }
    return s + ']';
  }
  if (x.t < 0) { const v = (x as Atom).v; return x.t + ':' + (v instanceof Uint8Array ? Array.from(v).join(',') : v !== v ? 'NaN' : String(v)); }
  if (x.t > 0 && x.t <= T.Enum) return x.t + ':[' + items(x).map(keyText).join(',') + ']';
  if (x.t === T.List) return '0:[' + (x as List).d.map(keyText).join(',') + ']';
  if (x.t === T.Dict) return '99:' + keyText((x as Dict).k) + '!' + keyText((x as Dict).v);
  return String(x.t) + JSON.stringify(x, (_k, v) => typeof v === 'bigint' ? String(v) : v);
}

export function group(x: Q): Q {
  if (x.t < 0) throw new QError('type');
  // a dictionary's groups are of its keys, as a list's are of its indices (CillianReilly's AoC 2021 day
  // 12 builds a graph with group(!). of its edges)
  if (x.t === T.Dict) { const g = group((x as Dict).v) as Dict; return dict(g.k, fromItems(items(g.v).map(p => index((x as Dict).k, p)))); }
  // a vector whose items compare as raw values (floats too: group applies no comparison tolerance): the
  // typed grouping (guids by their bytes); lists go by each item's text
  if (x.t > 0 && x.t <= T.Enum || stringBytes(x) || x.t === T.Table && (x as Table).d.length) {
    const n = count(x), { members, firsts } = groupRows(x.t === T.Table ? (x as Table).d : [x], n);
    roomForRows(members.length);
    // every group's positions as longs in one array, each group a view that holds it
    const all = allocRaw(T.Long, n) as BigInt64Array, w = new Int32Array(all.buffer, all.byteOffset, 2 * n);
    let o = 0;
    const vals = members.map(m => {
      const from = o;
      for (let i = 0; i < m.length; i++, o++) { w[2 * o] = m[i]; w[2 * o + 1] = 0; }
      const v = all.subarray(from, o);
      (v as { owner?: object }).owner = all;
      return vec(T.Long, v);
    });
    return dict(index(x, longVec(firsts)), list(vals));
  }
  const n = count(x), order: string[] = [], groups = new Map<string, number[]>(), firsts: Q[] = [];
  for (let i = 0; i < n; i++) {
    const it = item(x, i), k = keyText(it);
    let g = groups.get(k);
    if (!g) { g = []; groups.set(k, g); order.push(k); firsts.push(it); }
    g.push(i);
  }
  return dict(fromItems(firsts).t === T.List && x.t > 0 ? index(x, longVec(order.map(k => groups.get(k)![0]))) : x.t === T.Table ? index(x, longVec(order.map(k => groups.get(k)![0]))) : fromItems(firsts), list(order.map(k => longVec(groups.get(k)!))));
}


/** Find is type-specific: in a simple list, atoms of another type are not looked for but signal 'type
 *  (1 2 3?2. and "abc"?`a), as are the atoms of a list of them (ref/find). */
export function sameType(x: Q, y: Q): void {
  if (!(x.t > 0 && x.t < T.Enum)) return;
  if (y.t < 0 || y.t > 0 && y.t < T.Enum) { if (Math.abs(y.t) !== x.t) throw new QError('type'); return; }
  if (y.t === T.List) for (const e of (y as List).d) sameType(x, e);
}
/** Is list v one cell of column col: col a list of lists, v a list of the type of some of them (a string
 *  in a column of strings), rather than a column of its own items. */
export const isCellOf = (col: Q, v: Q): boolean => col.t === T.List && v.t > 0 && v.t < T.Dict && (col as List).d.some(e => e.t === v.t);
/** The rank of a list as in and ? read it: an atom's 0, a vector's 1, a general list's one more than its
 *  first item's. */
export const depth = (x: Q): number =>
  x.t === T.List ? (count(x) ? 1 + depth((x as List).d[0]) : 1) : (x.t > 0 && x.t <= T.Enum) || x.t === T.Table || x.t === T.Dict ? 1 : 0;

/** Tables x and y with each column that is an enumeration on one side and not on the other (or over
 *  another domain) as its symbols on both: `s$`s1 finds `s1, as = has it. */
function symbolsAgainstEnums(x: Table, y: Table): [Table, Table] {
  const differ = (j: number) => {
    const a = x.d[j], b = y.d[j];
    return (a.t === T.Enum || b.t === T.Enum) && !(a.t === T.Enum && b.t === T.Enum && (a as Vec).dom === (b as Vec).dom);
  };
  if (!x.c.some((_, j) => j < y.d.length && differ(j))) return [x, y];
  const plain = (t: Table, other: Table) => table(t.c, t.d.map((c, j) => j < other.d.length && differ(j) && c.t === T.Enum ? deenum(c) : c));
  return [plain(x, y), plain(y, x)];
}

/** x?y on lists: positions of y's items in x (count x where absent). */
/** f of each of dictionary d's values, its keys kept; of the values at once when they are a vector and
 *  whole says f goes item by item through one (a right-atomic Find, in: against a general list, a list of
 *  values would be taken as one item, and the dictionary left with one result for all its keys). */
export function byValue(d: Dict, whole: boolean, f: (v: Q) => Q): Q {
  const v = d.v;
  return dict(d.k, whole && v.t > 0 && v.t < T.Table ? f(v) : fromItems(items(v).map(f)));
}
export function find(x: Q, y: Q): Q {
  if (x.t === T.Enum) x = deenum(x);
  if (y.t === T.Enum || y.t === -T.Enum) y = deenum(y);
  if (x.t === T.Dict) { const d = x as Dict; const p = find(d.v, y); return index(d.k, p); }
  // a table searched for a record (a dictionary or a list, an item for each column) gives its row, and
  // for columns of values (a list of lists) the row of each (ref/find: "Searching tables")
  if (x.t === T.Table && (y.t === T.List || (y.t === T.Dict && (y as Dict).k.t === T.Sym))) {
    const t = x as Table;
    let vals = y.t === T.Dict ? t.c.map(c => index(y, sym(c))) : items(y);
    // a list of records (each a list of an item per column) finds each: q4m's t?((`x;1);(`z;3)) is 0 2 and
    // t1?enlist each 1001 1002 is 0 1; columns of values are a list of lists that are columns
    const nc = t.c.length;
    const isCol = (v: Q, j: number) => v.t >= 0 && v.t < T.Table && (v.t === t.d[j].t || t.d[j].t === T.List || (t.d[j].t === T.Enum && v.t === T.Sym));
    if (y.t === T.List && vals.length && vals.every(v => v.t >= 0 && v.t < T.Table && count(v) === nc) && !(vals.length === nc && vals.every(isCol)))
      vals = t.c.map((_, j) => fromItems(vals.map(r => item(r, j))));
    if (vals.length !== nc) throw new QError('length');
    // (a string in a column of strings is one cell: ([]k:("ab";"cd"))?enlist[`k]!enlist"cd" is 1)
    const cell = (v: Q, j: number) => v.t < 0 || isCellOf(t.d[j], v);
    if (vals.every(cell)) return long(Number(((find(t, table(t.c, vals.map(v => v.t < 0 ? enlist(v) : list([v])))) as Vec).d as BigInt64Array)[0]));
    return find(t, table(t.c, vals));
  }
  // a record as an atom (a table of one column) or a simple list of one item per column (ref/find:
  // t?(2;4)); for one column, a list of its values finds each
  if (x.t === T.Table && (y.t < 0 || (y.t > 0 && y.t < T.Table))) {
    const t = x as Table;
    if (y.t < 0 && t.c.length === 1) return item(find(t, table(t.c, [enlist(y)])), 0);
    if (y.t > 0 && count(y) === t.c.length) return find(t, list(items(y)));
    // (a string in a column of strings is one cell: finos' dep.q asks moduleName in key .finos.dep.list)
    if (t.c.length === 1 && isCellOf(t.d[0], y)) return item(find(t, table(t.c, [list([y])])), 0);
    if (y.t > 0 && t.c.length === 1) return find(t, table(t.c, [y]));
  }
  // a dictionary's values are sought, its keys kept (Find is right-atomic: wp/hdb-analysis reorders
  // partitions with .Q.pv?d for a dictionary of date lists)
  if (y.t === T.Dict && x.t !== T.Table && x.t !== T.Dict && (y as Dict).k.t !== T.Table) return byValue(y as Dict, x.t !== T.List, v => find(x, v));
  // rows among rows: a column enumerated on one side and of symbols on the other compares as symbols
  if (x.t === T.Table && y.t === T.Table) [x, y] = symbolsAgainstEnums(x as Table, y as Table);
  if (integralMix(x, y)) return long(findIntegral(x, y as Atom));
  sameType(x, y);
  if (y.t < 0) return long(find1(x, y));
  // a simple list searched for a general list is right-atomic when y's first item is a list, each item
  // found as a whole list is; a first item that is an atom is 'type (ref/find: w?(10 5 -1;-8;3 17))
  if (x.t > 0 && x.t <= T.Enum && y.t === T.List && count(y)) {
    if ((y as List).d[0].t < 0) throw new QError('type');
    return list((y as List).d.map(e => find(x, e)));
  }
  // in a general list, y is one item to find when its rank is not more than x's first item's (as for
  // in: (1 2;9)?1 2 is 0, (9;(1 2;3 4))?1 2 is 2 2)
  if (x.t === T.List && y.t >= 0 && count(x) && depth(y) <= depth((x as List).d[0])) return long(find1(x, y));
  // and deeper than its items' lists, Find goes down until it meets their rank (ref/find: "if rank x is n
  // then x?y looks for objects of rank n-1"): k?(("blue";"red");enlist "green") is (2 0;,1)
  if (x.t === T.List && y.t === T.List && count(x) && depth(y) > depth((x as List).d[0]) + 1) return fromItems((y as List).d.map(e => find(x, e)));
  const p = findMany(x, y);
  return longVec(p as ArrayLike<number>);
}
export { empty, concat, alloc, atomsToVec, symName, NIL };

/** attr x: the attribute of a list (`s `u `p `g), the empty symbol when it has none or is not a list;
 *  a dictionary or keyed table answers for its keys' sortedness as kdb+ does. */
export function attr(x: Q): Q {
  const a = x.t > 0 && x.t <= T.Enum || x.t === T.List ? (x as Vec).a : x.t === T.Dict ? ((x as Dict).a ?? 0) : x.t === T.Table ? ((x as Table).a ?? 0) : 0;
  return sym(a ? ATTR_CHARS[a] : '');
}

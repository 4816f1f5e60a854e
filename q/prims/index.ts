// Indexing data: x[i] for vectors, lists, dictionaries, tables and keyed tables, at depth for x[i;j].
// An index out of range gives the null of x's type, as kdb+ does.
import { T } from '../value/types.js';
import { Q, Vec, List, Dict, Table, Atom, count, item, nullItem, vec, list, dict, table, fromItems, isNil, isFn, items, symVec, vecItem } from '../value/value.js';
import { gather, WIDTH, fresh, allocRaw, halves, nextAt, ints } from '../value/storage.js';
import * as kernels from '../kernels/index.js';
import { QError } from '../value/error.js';
import { symName, intern } from '../value/sym.js';
import { find1, findMany, integralMix, findIntegral, integral } from './find.js';
import { bin, compareQ } from './order.js';
import { flip, depth, isCellOf, enlist, sameType } from './list.js';
import { apply } from './apply.js';
import { lookupKeyed } from './joins.js';
import { deenum } from '../value/enums.js';
import { match } from './match.js';

/** The int positions named by an index value, or null when it is not an integer index. */
export function positions(i: Q): number[] | Int32Array | null {
  switch (i.t) {
    case T.Long: {
      // read the two 32-bit halves rather than making a BigInt per item
      // positions past 2^31 are out of range of any list: they become -1, which is out of range too
      const d = (i as Vec).d as BigInt64Array, n = d.length, w = halves(d), r = allocRaw(T.Int, n) as Int32Array;
      for (let k = 0; k < n; k++) { const lo = w[2 * k], hi = w[2 * k + 1]; r[k] = (hi === 0 && lo >= 0) || (hi === -1 && lo < 0) ? lo : -1; }
      return r;
    }
    // an enumeration indexes by its int positions into the domain (funq's markov.q amends a matrix at
    // `k?… pairs)
    case T.Int: case T.Enum: return (i as Vec).d as Int32Array;
    case T.Short: return Array.from((i as Vec).d as Int16Array);
    case T.Byte: case T.Bool: return Array.from((i as Vec).d as Uint8Array);
  }
  return null;
}
const intAtom = (i: Q): number | null => {
  switch (i.t) {
    case -T.Long: return Number((i as Atom).v);
    case -T.Int: case -T.Enum: case -T.Short: case -T.Byte: case -T.Bool: return (i as Atom).v;
  }
  return null;
};

/** x[i] with one index. */
export function index(x: Q, i: Q): Q {
  if (isNil(i)) return x;
  if (x.t === T.Dict) return dictIndex(x as Dict, i);
  if (x.t === T.Table) return tableIndex(x as Table, i);
  if (x.t > 0 && x.t <= T.Enum || x.t === T.List) {
    const n = count(x);
    const k = intAtom(i);
    if (k !== null) return k >= 0 && k < n ? item(x, k) : nullItem(x);
    const p = positions(i);
    if (p) {
      if (x.t === T.List) {
        const d = (x as List).d, r = new Array<Q>(p.length);
        for (let j = 0; j < p.length; j++) r[j] = p[j] >= 0 && p[j] < n ? d[p[j]] : nullItem(x);
        return fromItems(r).t === T.List ? list(r) : fromItems(r);
      }
      const v = x as Vec;
      const b = p instanceof Int32Array ? kernels.bounds(p) : null;
      let inRange = b ? b[0] >= 0 && b[1] < n : true;
      if (!b) for (let j = 0; j < p.length; j++) if (!(p[j] >= 0 && p[j] < n)) { inRange = false; break; }
      if (inRange) { const r = vec(v.t, (p instanceof Int32Array ? kernels.gather(v.t, v.d, p) : null) ?? gather(v.t, v.d, p)); if (v.dom) r.dom = v.dom; return r; }
      return gatherOrNull(v, p, n);
    }
    if (i.t === T.List || i.t === T.Dict || i.t === T.Table) return mapIndex(x, i);
    if (i.t > 0 && i.t < 20 || i.t < 0) throw new QError('type');
  }
  if (x.t < 0) throw new QError('type');
  throw new QError('type');
}

/** v at positions p, the null of v's type where a position is out of range: gathered in range, then
 *  the null's bytes written over the rest (an atom per item would cost a million objects a million rows). */
function gatherOrNull(v: Vec, p: ArrayLike<number>, n: number): Q {
  const nv = fromItems([nullItem(v)]) as Vec, w = WIDTH[v.t];
  if (nv.t !== v.t || !w) return fromItems(Array.from(p, j => j >= 0 && j < n ? vecItem(v, j) : nullItem(v)));
  const m = p.length, q = allocRaw(T.Int, m) as Int32Array;
  for (let j = 0; j < m; j++) { const k = p[j]; q[j] = k >= 0 && k < n ? k : 0; }
  const src = n ? v.d : nv.d, d = kernels.gather(v.t, src, q) ?? gather(v.t, src, q), db = new Uint8Array(d.buffer, d.byteOffset, d.byteLength);
  const nb = new Uint8Array(nv.d.buffer, nv.d.byteOffset, w);
  for (let j = 0; j < m; j++) { const k = p[j]; if (!(k >= 0 && k < n)) db.set(nb, j * w); }
  const r = vec(v.t, d);
  if (v.dom) r.dom = v.dom;
  return r;
}

/** Index by each item of a general list (or dict values), keeping the shape of the index. */
function mapIndex(x: Q, i: Q): Q {
  if (i.t === T.Dict) return dict((i as Dict).k, index(x, (i as Dict).v));
  if (i.t === T.Table) throw new QError('type');
  return fromItems((i as List).d.map(j => index(x, j)));
}

/** Whether i names one key of keys k: an atom, or one whole key of a list of keys ("ab" of ("ab";"cd")). */
// (by rank, as Find decides: a list no deeper than the keys' first item is one of them; r[0 8 0] of int
// vector keys is one key, and d"01" of keys like (1;1;"0") too: gyorokpeter's AoC 2019 day 18, 2022 day 22)
export const oneKey = (k: Q, i: Q) => i.t < 0 || i.t >= 100 || (k.t === T.List && count(k) > 0 && (i.t > 0 && i.t < T.Dict || i.t === T.List) && depth(i) <= depth((k as List).d[0]));
function dictIndex(d: Dict, i: Q): Q {
  if (d.k.t === T.Table) return keyedIndex(d, i);
  const k = d.k;
  // a dictionary given s# (`s#d, which marks its keys too) is a step function: a value is that of the last
  // key at or below it. Keys that are sorted alone do not make one (kdb+ shows `s#d as `s#`s#k!v, and
  // anton-dovzhenko's AoC 2020 day 7 looks up a dictionary made from select … by's sorted keys exactly)
  if (d.a === 1 && (k as Vec).a === 1 && k.t > 0 && k.t < T.Enum && (i.t === -k.t || i.t === k.t)) return step(k, d.v, i);
  // a key of another type is a type error, as Find's (a KX course notebook: `john`steve!20 31 looked up
  // with "igor" is 'type on kdb+ 4); short, int and long keys look each other up, enumerations symbols
  if (k.t > 0 && k.t < T.Enum && Math.abs(i.t) !== T.Enum && !(integral(k.t) && integral(Math.abs(i.t)))) sameType(k, i);
  if (oneKey(k, i)) {
    // an atom (or one whole key of a list of keys) looks up one value; a short, int or long by its value
    // among keys of another of the three, as Find finds it (MystiquePanda's AoC 2022 day 5 looks up long
    // keys with "I"$ ints)
    const p = integralMix(k, i) ? findIntegral(k, i as Atom) : find1(k, i);
    return p < count(k) ? item(d.v, p) : nullItem(d.v);
  }
  // many keys of the keys' own type, and values in a vector: found together (a key not there is past the
  // end, so its value is a null)
  if (i.t === k.t && k.t > 0 && k.t <= T.Enum && d.v.t > 0 && d.v.t < T.Enum) {
    const p = findMany(k, i);
    return index(d.v, { t: T.Int, d: ints(p), a: 0 } as Vec);
  }
  if (i.t > 0 && i.t <= T.Enum || i.t === T.List) {
    const n = count(i), r = new Array<Q>(n);
    let simple = true;
    for (let j = 0; j < n; j++) { r[j] = dictIndex(d, item(i, j)); if (r[j].t >= 0) simple = false; }
    return fromItems(r);
  }
  if (i.t === T.Dict) return dict((i as Dict).k, dictIndex(d, (i as Dict).v));
  throw new QError('type');
}

/** Sorted keys as a step function: each of i finds the value of the last key at or below it (a null
 *  before the first). */
function step(keys: Q, vals: Q, i: Q): Q {
  const p = bin(keys, i);
  if (p.t < 0) { const j = Number((p as Atom).v); return j < 0 ? nullItem(vals) : item(vals, j); }
  // (a position of -1 is out of range: index gives the null)
  return index(vals, { t: T.Int, d: Int32Array.from((p as Vec).d as BigInt64Array, Number), a: 0 } as Vec);
}

/** For each row of probe, the last row of sorted key table kt at or below it (its key columns compared in
 *  order), or -1. */
export function stepRows(kt: Table, probe: Table): Int32Array {
  const n = count(kt), m = count(probe), cols = kt.c.map(c => probe.d[probe.c.indexOf(c)]), out = new Int32Array(m);
  for (let j = 0; j < m; j++) {
    const pr = cols.map(c => item(c, j));
    const cmp = (r: number) => { for (let c = 0; c < kt.c.length; c++) { const x = compareQ(item(kt.d[c], r), pr[c]); if (x) return x; } return 0; };
    let lo = 0, hi = n;   // the first row above the probe
    while (lo < hi) { const mid = (lo + hi) >> 1; if (cmp(mid) <= 0) lo = mid + 1; else hi = mid; }
    out[j] = lo - 1;
  }
  return out;
}

function keyedIndex(d: Dict, i: Q): Q {
  const kt = d.k as Table;
  // enumerated symbols look up symbol keys as their symbols (taq.q: sb`b with sym an enumerated column)
  if (kt.c.length === 1 && kt.d[0].t === T.Sym && (i.t === T.Enum || i.t === -T.Enum)) i = deenum(i);
  // a sorted keyed table of one key column is a step function, as a sorted dictionary is: a key finds the
  // row of the last key at or below it (wp/corporate-actions)
  if (d.a === 1 && kt.c.length === 1) {
    const kc = kt.d[0], probe = i.t === T.Table ? (i as Table).d[(i as Table).c.indexOf(kt.c[0])] : i;
    if (probe && kc.t > 0 && kc.t < T.Enum && (probe.t === -kc.t || probe.t === kc.t)) return step(kc, d.v, probe);
  }
  // and of several, in the order of their rows (wp/corporate-actions' `s#`uid`date xkey): a table of
  // keys, or one key as a list or dictionary
  if (d.a === 1 && kt.c.length > 1) {
    // (one key as a row: enlist of a dictionary of symbols is a one-row table)
    const row = oneRowKey(kt, i) ? dict(symVec(kt.c), list(items(i))) : i.t === T.Dict && (i as Dict).k.t === T.Sym ? i : null;
    const probe = i.t === T.Table ? i as Table : row ? enlist(row) as Table : null;
    if (probe && probe.t === T.Table && kt.c.every(c => probe.c.includes(c))) {
      const rows = stepRows(kt, probe), at = { t: T.Int, d: rows, a: 0 } as Vec;
      return i.t === T.Table ? index(d.v, at) : rows[0] < 0 ? nullItem(d.v) : item(d.v, rows[0]);
    }
  }
  // a keyed table is indexed by a key row: an atom for one key column, a list or dict for several
  // many keys of the key columns' own types: the matching rows found together, as lj finds them
  const many = i.t === T.Table ? i as Table : kt.c.length === 1 && i.t > 0 && i.t < T.Enum ? table(kt.c, [i]) : null;
  if (many && kt.c.every((c, j) => many.c.includes(c) && many.d[many.c.indexOf(c)].t === kt.d[j].t)) {
    const { rows } = lookupKeyed(many, d);
    // no match is -1: out of range, a row of nulls
    return index(d.v, { t: T.Int, d: ints(rows), a: 0 } as Vec);
  }
  if (i.t === T.Table) {
    const it = i as Table, n = count(it), rows = new Array<Q>(n);
    for (let j = 0; j < n; j++) rows[j] = keyedIndex(d, dict(symVec(it.c), fromItems(it.d.map(c => item(c, j)))));
    return rowsToTable(d.v, rows);
  }
  // one key column of lists (strings, bytes) takes a list of their type as one key (kdb-common's
  // .file.kdb.cfg.bytes 0xfe20)
  if (wholeKey(kt, i)) { const r = keyRow(d, i); return r >= 0 ? item(d.v, r) : nullItem(d.v); }
  // a list of another type than the one key column's is one key of several parts: 'length (ref/dotq's
  // .Q.ft example: s 2 3)
  if (kt.c.length === 1 && i.t > 0 && i.t <= T.Enum && i.t !== kt.d[0].t && !(i.t === T.Sym && kt.d[0].t === T.Enum) && count(i) !== 1) throw new QError('length');
  if (kt.c.length === 1 && i.t > 0 && i.t !== T.Dict) { const n = count(i); return rowsToTable(d.v, Array.from({ length: n }, (_, j) => keyedIndex(d, item(i, j)))); }
  // a general list of keys, each a list of an item per key column, finds a row each (q4m's notebook:
  // kt[(enlist 1001;enlist 1002)], ktc (`D`A;`P`F)); one key of several columns is not one (its items are
  // atoms or cells of their columns)
  const nc = kt.c.length;
  if (i.t === T.List && count(i) && items(i).every(e => e.t >= 0 && e.t < T.Table && count(e) === nc)
    && !(count(i) === nc && items(i).every((e, j) => e.t < 0 || isCellOf(kt.d[j], e)))) {
    const n = count(i);
    return rowsToTable(d.v, Array.from({ length: n }, (_, j) => { const e = item(i, j); return keyedIndex(d, nc === 1 ? item(e, 0) : e); }));
  }
  const r = keyRow(d, i);
  return r >= 0 ? item(d.v, r) : nullItem(d.v);
}
/** Whether i is one whole key of key table kt: a list of the type of the items of its one key column,
 *  when that column is a list of lists. */
const wholeKey = (kt: Table, i: Q) => kt.c.length === 1 && isCellOf(kt.d[0], i);
/** Whether i is one key of several key columns given as a list of atoms: k2[(2;`y)] */
const oneRowKey = (kt: Table, i: Q) => kt.c.length > 1 && i.t >= 0 && i.t < T.Dict && count(i) === kt.c.length && items(i).every(e => e.t < 0);
/** The items of one key of keyed table d: an atom for one key column, a list or dict for several. */
export function keyItems(d: Dict, i: Q): Q[] {
  const kt = d.k as Table;
  const key = i.t === T.Dict ? kt.c.map(c => dictIndex(i as Dict, { t: -T.Sym, v: c })) : kt.c.length === 1 && (i.t < 0 || wholeKey(kt, i)) ? [i] : items(i);
  if (key.length !== kt.c.length) throw new QError('length');
  return key;
}
/** The row of keyed table d whose key is i, or -1. */
export function keyRow(d: Dict, i: Q): number {
  const kt = d.k as Table, key = keyItems(d, i), n = count(kt);
  // one typed key column and a key of its type: find's scan over the column, not an item a row
  const c0 = kt.d[0], k0 = key[0];
  if (key.length === 1 && c0.t > 0 && c0.t < T.Enum && k0.t === -c0.t) { const p = find1(c0, k0); return p < n ? p : -1; }
  // several: the rows whose first column holds the first key's value found by a scan of its items as
  // they are stored, and only those compared whole (an atom made of a cell a row: a table of 10,000 rows
  // and two key columns took 160 µs a lookup)
  const typed = c0.t > 0 && c0.t < T.Enum && c0.t !== T.Guid && k0.t === -c0.t;
  // (a symbol atom holds its name, the vector ids)
  const v0 = typed ? c0.t === T.Sym ? intern((k0 as Atom).v) : (k0 as Atom).v : 0;
  const d0 = (c0 as Vec).d, w = typed && d0 instanceof BigInt64Array ? halves(d0) : undefined;
  outer: for (let r = typed ? nextAt(d0, v0, 0, w) : 0; r < n; r = typed ? nextAt(d0, v0, r + 1, w) : r + 1) {
    for (let c = typed ? 1 : 0; c < key.length; c++) if (!matchAtom(item(kt.d[c], r), key[c])) continue outer;
    return r;
  }
  return -1;
}
function matchAtom(a: Q, b: Q): boolean {
  // an enumerated key and a symbol compare as symbols (an enumeration's value is its index in the domain)
  if (a.t === -T.Enum && b.t === -T.Sym) a = deenum(a);
  if (a.t === -T.Sym && b.t === -T.Enum) b = deenum(b);
  if (a.t !== b.t) return false;
  // a key that is a list (a string, bytes: kdb-common's file headers) matches as a whole
  if (a.t >= 0) return match(a, b);
  if (a.t === -T.Enum && (a as Atom).dom !== (b as Atom).dom) return matchAtom(deenum(a), deenum(b));
  // (a null float matches a null, 0n~0n)
  const u = (a as Atom).v, v = (b as Atom).v;
  return u === v || (u !== u && v !== v);
}

/** The rows a keyed value was indexed at, as a table of its columns; a dictionary keyed by a table whose
 *  values are no table (group kt) gives its values as a list. */
function rowsToTable(proto: Q, rows: Q[]): Q {
  if (proto.t !== T.Table) return fromItems(rows);
  const t = proto as Table;
  return table(t.c, t.c.map((_, c) => fromItems(rows.map(r => item((r as Dict).v, c)))));
}

function tableIndex(t: Table, i: Q): Q {
  if (i.t === -T.Sym) {
    const c = t.c.indexOf((i as Atom).v);
    if (c < 0) throw new QError((i as Atom).v);
    return t.d[c];
  }
  if (i.t === T.Sym) {
    const d = (i as Vec).d as Int32Array;
    return list(Array.from(d, id => { const c = t.c.indexOf(symName(id)); if (c < 0) throw new QError(symName(id)); return t.d[c]; }));
  }
  const k = intAtom(i);
  // a row past the end is a row of nulls
  if (k !== null) return k >= 0 && k < count(t) ? item(t, k) : nullItem(t);
  const p = positions(i);
  if (p) return table(t.c, t.d.map(col => index(col, i)));
  // a list of row lists or a dictionary of them (t group t`a) gives tables in the index's shape
  if (i.t === T.List || (i.t === T.Dict && (i as Dict).k.t !== T.Table)) return mapIndex(t, i);
  throw new QError('type');
}

/** x[i;j;…]: index at depth; an elided (nil) index takes every item at that level. */
export function indexDeep(x: Q, idx: Q[]): Q {
  if (!idx.length) return x;
  const [i, ...rest] = idx;
  if (x.t === T.Table && rest.length) {
    // t[rows;cols] indexes at depth, as for any list of rows: a list of columns gives each row's values
    // (kb/faq's trade[1 0;`stock`amt] is `bac 500 over `ibm 1000)
    const rows = isNil(i) ? x : index(x, i);
    if (rows.t !== T.Table || rest.length !== 1) return indexDeep(rows, rest) as Q;
    const r = index(rows, rest[0]);
    return rest[0].t > 0 ? flip(r) : r;
  }
  // a function reached while indexing takes the remaining indices as its arguments: d[`f;3] is d[`f] 3
  if (isFn(x)) return apply(x, idx);
  const top = isNil(i) ? x : index(x, i);
  if (!rest.length) return top;
  if (i.t < 0 && !isNil(i) || (x.t === T.Dict && !isNil(i) && (x as Dict).k.t !== T.Table && oneKey((x as Dict).k, i))) return indexDeep(top, rest);
  // a keyed table's one key (a dictionary of key columns, or one whole list key) picks one row
  if (x.t === T.Dict && (x as Dict).k.t === T.Table && (i.t === T.Dict || wholeKey((x as Dict).k as Table, i) || oneRowKey((x as Dict).k as Table, i))) return indexDeep(top, rest);
  // a list index at this level: go deeper in each item picked
  if (top.t === T.Dict) return dict((top as Dict).k, indexEach((top as Dict).v, rest));
  return indexEach(top, rest);
}
function indexEach(x: Q, rest: Q[]): Q {
  if (x.t === T.Table) return indexDeep(x, [{ t: T.Unary, name: '::' } as Q, ...rest]);
  const n = count(x), r = new Array<Q>(n);
  for (let j = 0; j < n; j++) r[j] = indexDeep(item(x, j), rest);
  return fromItems(r);
}
export { intern };

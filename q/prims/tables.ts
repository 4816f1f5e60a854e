// Table functions: cols keys xkey meta xasc xdesc xcol xcols insert upsert tables ungroup xgroup.
// Functions that take a table by name (`t insert …, `c xasc `t) amend the global and return the name.
import { T, TYPE_CHARS } from '../value/types.js';
import * as kernels from '../kernels/index.js';
import { fresh, ints } from '../value/storage.js';
import { Q, Atom, Vec, List, Dict, Table, count, item, items, fromItems, list, vec, dict, table, sym, symVec, longVec, str, Attr, isKeyed, nullItem } from '../value/value.js';
import { QError } from '../value/error.js';
import { isForeignKey } from '../value/enums.js';
import { fileExists, named, shownAttr } from './disk.js';
import { hooks } from './hooks.js';
import { groupRows } from './groupby.js';
import { index } from './index.js';
import { join } from './join.js';
import { keyIndex, takesType, asRows, pushable, pushOnto, claimed, nullsOf } from './tablejoin.js';
import { unkey, keyText, raze } from './list.js';
import { compareQ, grade } from './order.js';
import { deenum } from '../value/enums.js';

/** A table or keyed table given directly or by name; put writes a result back when given by name. */
const resolve = (x: Q) => named(x);
// (() is no columns: () xkey t unkeys t, as NYSETAQBenchmarks' pivot does)
const names = (x: Q): string[] => x.t === -T.Sym ? [(x as Atom).v] : x.t === T.Sym ? items(x).map(a => (a as Atom).v) : x.t === T.List && !count(x) ? [] : (() => { throw new QError('type'); })();
const plain = (x: Q): Table => x.t === T.Table ? x as Table : isKeyed(x) ? unkey(x as Dict) : (() => { throw new QError('type'); })();
const keyNames = (x: Q): string[] => isKeyed(x) ? ((x as Dict).k as Table).c : [];

// (a dictionary's are its keys, as q.k's cols gives them: TorQ's monitor, `b xcols dict)
export const cols = (x: Q): Q => { const v = resolve(x).v; return v.t === T.Dict && !isKeyed(v) && (v as Dict).k.t === T.Sym ? (v as Dict).k : symVec(plain(v).c); };
export const keys = (x: Q): Q => symVec(keyNames(resolve(x).v));

/** k xkey t: key t by the columns k (moving them to the front). */
export function xkey(k: Q, x: Q): Q {
  const { v, put } = resolve(x);
  // a dictionary's keys reorder as a table's columns do (q.k's xcols is (x,cols[y] except x)#y; TorQ's pcap)
  if (v.t === T.Dict && !isKeyed(v) && (v as Dict).k.t === T.Sym) {
    const d = v as Dict, have = items(d.k).map(a => (a as Atom).v as string), ks = names(k);
    for (const c of ks) if (!have.includes(c)) throw new QError(c);
    const order = [...ks, ...have.filter(c => !ks.includes(c))];
    return put(dict(symVec(order), fromItems(order.map(c => item(d.v, have.indexOf(c))))));
  }
  const t = plain(v), ks = names(k);
  for (const c of ks) if (!t.c.includes(c)) throw new QError(c);
  if (!ks.length) return put(t);
  const rest = t.c.filter(c => !ks.includes(c));
  return put(dict(table(ks, ks.map(c => t.d[t.c.indexOf(c)])), table(rest, rest.map(c => t.d[t.c.indexOf(c)]))));
}

/** meta t: a keyed table of column, type char, foreign key and attribute. */
export function meta(x: Q): Q {
  const v = resolve(x).v, t = plain(v);
  const tc = t.d.map(c => {
    // an enumeration shows the type of what it stands for: s for symbols, i for a link's indices
    // (a domain not defined, as a splayed table read without its sym list has: s, as kdb+'s .Q.ty gives any enumeration)
    if (c.t === T.Enum) { let d: Q; try { d = deenum({ t: T.Enum, a: 0, dom: (c as Vec).dom, d: new Int32Array(0) } as Vec); } catch { return 's'; } return d.t > 0 && d.t < 20 ? TYPE_CHARS[d.t] : ' '; }
    if (c.t > 0 && c.t < 20) return TYPE_CHARS[c.t];
    // a nested column: the type of its first item, the only one kdb+ examines
    // (a list of enumerations shows S, as .Q.en makes of a column of symbol lists)
    if (c.t === T.List) { const f = (c as List).d[0]; return f && f.t > 0 && f.t < 20 ? TYPE_CHARS[f.t].toUpperCase() : f && f.t === T.Enum ? 'S' : ' '; }
    return ' ';
  });
  const fk = t.d.map(c => c.t === T.Enum && isForeignKey((c as Vec).dom!) ? (c as Vec).dom! : '');
  // a partitioned table's column shows the attribute of its file in the last partition
  const attr = (c: Q) => shownAttr.get(c) ?? (c as Vec).a;
  const at = t.d.map(c => c.t > 0 && c.t <= T.Enum && attr(c) ? ' supg'[attr(c)!] : '');
  // a keyed table marked sorted (a step function, `s#kt) shows s on its first key column (a KX course
  // notebook's meta `s#([a:1 2 3]b:…) on kdb+ 4), though that column is sent without it
  if (isKeyed(v) && ((v as Dict).k as Table).a === 1 && !at[0]) at[0] = 's';
  return dict(table(['c'], [symVec(t.c)]), table(['t', 'f', 'a'], [vec(T.Char, Uint8Array.from(tc, ch => ch.charCodeAt(0))), symVec(fk), symVec(at)]));
}

/** fkeys t: each foreign-key column (an enumeration over a keyed table) and the table it points to. */
export function fkeys(x: Q): Q {
  const t = plain(resolve(x).v), cs: string[] = [], fs: string[] = [];
  t.d.forEach((c, j) => { if (c.t === T.Enum && isForeignKey((c as Vec).dom!)) { cs.push(t.c[j]); fs.push((c as Vec).dom!); } });
  return dict(symVec(cs), symVec(fs));
}

function sortBy(desc: boolean) {
  return (k: Q, x: Q): Q => {
    const { v, put } = resolve(x);
    const ks = names(k), t = plain(v);
    // a table with a column name twice is 'dup and the name (ref/asc, since 3.6): which would be sorted?
    const twice = t.c.find((c, j) => t.c.indexOf(c) !== j);
    if (twice !== undefined) throw new QError('dup ' + twice);
    const cs = ks.map(c => { const j = t.c.indexOf(c); if (j < 0) throw new QError(c); return t.d[j]; });
    // grade's order, as iasc and idesc give it: one column as itself, several as a table's rows a column at
    // a time from the last (radix grades in wasm for long columns; a few rows sorted in place, where a
    // comparator over the columns for Array.prototype.sort cost 17 µs for 100)
    const g = grade(cs.length === 1 ? cs[0] : table(cs.map((_, i) => 'k' + i), cs), desc);
    const kix = ints(g), ix = { t: T.Int, d: kix, a: 0 } as Q;
    const sorted = table(t.c, t.d.map((c, j) => {
      const kd = c.t > 0 && c.t <= T.Enum ? kernels.gather(c.t, (c as Vec).d, kix) : null;
      const r: Q = kd ? { t: c.t, d: kd, a: 0, ...((c as Vec).dom ? { dom: (c as Vec).dom } : {}) } as Vec : index(c, ix);
      // the first sort column of an ascending sort is marked sorted
      return !desc && t.c[j] === ks[0] && r.t > 0 && r.t <= T.Enum ? { ...(r as Vec), a: Attr.S } : r;
    }));
    const kn = keyNames(v);
    return put(kn.length ? xkeyOf(kn, sorted) : sorted);
  };
}
const xkeyOf = (ks: string[], t: Table) => xkey(symVec(ks), t);

export const xasc = sortBy(false);
export const xdesc = sortBy(true);

/** new xcol t: rename the first columns (or a dict old!new). */
export function xcol(k: Q, x: Q): Q {
  const { v, put } = resolve(x);
  const t = plain(v), kn = keyNames(v), c = [...t.c];
  // old!new renames by name; a name the table lacks is a length error (ref/cols)
  // old!new: both symbols
  if (k.t === T.Dict && ((k as Dict).k.t !== T.Sym || (k as Dict).v.t !== T.Sym)) throw new QError('type');
  if (k.t === T.Dict) { const d = k as Dict; items(d.k).forEach((o, i) => { const j = c.indexOf((o as Atom).v); if (j < 0) throw new QError('length'); c[j] = (item(d.v, i) as Atom).v; }); }
  else names(k).forEach((nm, i) => { if (i < c.length) c[i] = nm; });
  const r = table(c, t.d);
  return put(kn.length ? xkeyOf(c.slice(0, kn.length), r) : r);
}
/** k xcols t: the columns k first. */
export function xcols(k: Q, x: Q): Q {
  const { v, put } = resolve(x);
  // a dictionary's keys reorder as a table's columns do (q.k's xcols is (x,cols[y] except x)#y; TorQ's pcap)
  if (v.t === T.Dict && !isKeyed(v) && (v as Dict).k.t === T.Sym) {
    const d = v as Dict, have = items(d.k).map(a => (a as Atom).v as string), ks = names(k);
    for (const c of ks) if (!have.includes(c)) throw new QError(c);
    const order = [...ks, ...have.filter(c => !ks.includes(c))];
    return put(dict(symVec(order), fromItems(order.map(c => item(d.v, have.indexOf(c))))));
  }
  const t = plain(v), ks = names(k);
  for (const c of ks) if (!t.c.includes(c)) throw new QError(c);
  const order = [...ks, ...t.c.filter(c => !ks.includes(c))];
  return put(table(order, order.map(c => t.d[t.c.indexOf(c)])));
}

/** Could v be the new items of column c: any list for a general column, a vector of its type (or of
 *  longs for ints and back, symbols for an enumeration) for a typed one. */
function fits(c: Q, v: Q): boolean {
  if (c.t === T.List) return v.t >= 0 && v.t < T.Table;
  const t = v.t;
  return t === c.t || (c.t === T.Int || c.t === T.Long) && (t === T.Int || t === T.Long) || c.t === T.Enum && t === T.Sym;
}
/** Items of more than one type (a general list) do not go into a typed column, by insert or upsert: it
 *  would turn general. 'type. */
function refuseMixed(col: Q, add: Q): void {
  if (col.t > 0 && col.t < 20 && add.t === T.List && count(add) > 0) throw new QError('type');
}
/** Rows to append, from a table, a dictionary, or a list of column values. */
function rowsOf(t: Table, y: Q): Table {
  if (y.t === T.Table) return y as Table;
  if (y.t === T.Dict && (y as Dict).k.t === T.Sym) { const d = y as Dict; return table(items(d.k).map(k => (k as Atom).v), items(d.v).map(v => fromItems([v]))); }
  if (isKeyed(y)) return unkey(y as Dict);
  const vals = y.t === T.List ? (y as List).d : items(y);
  // a list of rows, each a list with one item per column; as many rows as columns are columns when each
  // could be its column (`t insert (6 7;("m";"no")) is two rows of a long and a string)
  const asColumns = vals.length === t.c.length && vals.every((v, j) => v.t > 0 || fits(t.d[j], v));
  if (vals.length && vals.every(r => (r.t === T.List || r.t > 0) && count(r) === t.c.length) && !asColumns)
    return table(t.c, t.c.map((_, j) => fromItems(vals.map(r => item(r, j)))));
  if (vals.length !== t.c.length) throw new QError('length');
  // one record when its first item is an atom, or an atom goes into a typed column: then a string or a
  // dictionary is one cell of a general column, not spread over rows (TorQ's .servers.SERVERS)
  const one = vals.every(v => v.t < 0) || vals[0].t < 0 || t.d.some((c, j) => c.t > 0 && vals[j].t < 0);
  // (a list of one is that row's column already: insert[`t;(`intel;enlist 123.2 120.4)], kb/faq)
  return table(t.c, vals.map(v => !one ? v : v.t < 0 ? fromItems([v]) : count(v) === 1 && v.t !== T.Dict ? v : list([v])));
}

/** `t insert rows: append to the global t, returning the new rows' indices. */
export function insert(x: Q, y: Q): Q {
  if (x.t !== -T.Sym) throw new QError('type');
  // (asked before anything reads the table, which would make it no longer the variable's alone)
  const own = owned(x);
  // inserting into a name that holds nothing yet, or (), creates the table (csvutil's DATA:() then `DATA insert)
  if (!exists((x as Atom).v) || isEmptyList(resolve(x).v)) {
    if (y.t !== T.Table && !isKeyed(y)) throw new QError((x as Atom).v);
    resolve(x).put(y);
    return longVec(Array.from({ length: count(y) }, (_, i) => i));
  }
  const { v, put } = resolve(x);
  const kn = keyNames(v), t = plain(v), r = rowsOf(t, y);
  const n0 = count(t), m = count(r);
  const named = y.t === T.Table || y.t === T.Dict;
  const adds = t.c.map((c, j) => {
    const k = r.c.indexOf(c);
    // rows named by column leave the others null (a KX course's `trade insert `sym`size#tab on kdb+ 4); a
    // key column they lack is still an error
    if (k < 0 && named && !kn.includes(c)) return nullsOf(t.d[j], m);
    if (k < 0) throw new QError(c);
    // an enumerated column takes its domain's values, enumerated: symbols, or a foreign key's values (q4m's
    // notebook: `tdetails insert (1002;42) with eid `kt$ over long keys)
    const col = t.d[j], raw = r.d[k];
    refuseMixed(col, raw);
    return takesType(col, col.t === T.Enum && raw.t > 0 && raw.t < T.Enum ? hooks.enumerate((col as Vec).dom!, raw) : raw);
  });
  // each column grows into room behind it (grow.ts): inserting row by row is not a copy each time; a
  // general column of a table the variable alone holds takes its items where it stands, once every
  // column has taken its rows' type (a keyed table's may still refuse a key: not there)
  const push = !kn.length && !!own?.mine;
  const cols = t.d.map((col, j) => push && pushable(t, j, adds[j]) ? null : join(col, adds[j], true));
  cols.forEach((c, j) => { if (!c) pushOnto(t.d[j] as List, adds[j]); });
  const merged = table(t.c, cols.map((c, j) => c ?? t.d[j]));
  // (its general columns, pushed onto or made afresh by the join, are its own)
  if (!kn.length) { own?.mark(merged); claimed(merged); }
  if (kn.length) {
    // a keyed table refuses a key it already has (looked up in the key table's kept index)
    const mk = kn.map(c => merged.d[merged.c.indexOf(c)]);
    const { pos, rowKey, done } = keyIndex((v as Dict).k as Table, mk);
    for (let i = n0; i < n0 + m; i++) { const k = rowKey(mk, i); if (pos.has(k)) throw new QError('insert'); pos.set(k, i); }
    const out = xkeyOf(kn, merged) as Dict;
    done(out.k as Table);
    put(out);
  } else put(merged);
  return longVec(Array.from({ length: m }, (_, i) => n0 + i));
}

/** t upsert rows: append to a table, or replace the rows of a keyed table whose keys it already has.
 * A table of rows may leave columns out: they fill with nulls. */
export function upsert(x: Q, y: Q): Q {
  // (asked before anything reads the table, which would make it no longer the variable's alone)
  const own = x.t === -T.Sym ? owned(x) : null;
  if (x.t === -T.Sym && !exists((x as Atom).v)) {
    // (a file not there yet is made of any list: nano's .[`:f;();,;v] appends to files it never made)
    if (y.t !== T.Table && !isKeyed(y) && !((x as Atom).v.startsWith(':') && y.t >= 0 && y.t < T.Table)) throw new QError((x as Atom).v);
    return resolve(x).put(y);
  }
  const { v, put } = resolve(x);
  // a sorted dictionary is a step function: kdb+ refuses to add to it (kb/temporal-data)
  if (v.t === T.Dict && !isKeyed(v) && (v as Dict).a === 1) throw new QError('step');
  // a table stays a table: what does not join it as rows is a type error, not a general list
  // (rows appended grow the columns into room behind them, as insert does; columns missing are nulls)
  // a table named takes rows of its columns' types only, as insert does (ref/upsert: "have corresponding
  // types"): an int column longs and a long one ints; else 'type, not a column turned general
  if (x.t === -T.Sym && v.t === T.Table && (y.t === T.Table || isKeyed(y) || y.t === T.Dict || y.t >= 0 && y.t < 20)) {
    const t = v as Table, rows = asRows(t.c, y);
    const typed = table(rows.c, rows.d.map((c, j) => {
      const k = t.c.indexOf(rows.c[j]);
      if (k >= 0) refuseMixed(t.d[k], c);
      return k < 0 ? c : takesType(t.d[k], c);
    }));
    y = y.t === T.Table || isKeyed(y) || y.t === T.Dict || rows.c.length === t.c.length ? typed : y;
  }
  let r = join(v, y, true, (v.t === T.Table || isKeyed(v)) && !!own?.mine, x.t === -T.Sym);
  if (v.t === T.Table && r.t !== T.Table) throw new QError('type');
  if ((r.t === T.Table || isKeyed(r)) && r !== v) own?.mark(r);
  // on disk, only sorted survives an append (ref/set-attribute); in memory s u g are kept where they hold
  if (x.t === -T.Sym && (x as Atom).v.startsWith(':')) r = sortedOnly(r);
  return put(r);
}
/** A vector, or a table's columns, with any attribute but sorted dropped. */
function sortedOnly(x: Q): Q {
  if (x.t > 0 && x.t <= T.Enum) return (x as Vec).a && (x as Vec).a !== Attr.S ? { ...(x as Vec), a: Attr.None } : x;
  if (x.t === T.Table) return table((x as Table).c, (x as Table).d.map(sortedOnly));
  return x;
}
const isEmptyList = (v: Q) => v.t === T.List && !count(v);
/** For a table named by a global (not a file): whether it is the variable's alone. */
const owned = (x: Q) => x.t === -T.Sym && !((x as Atom).v as string).startsWith(':') ? hooks.ownGlobal((x as Atom).v as string) : null;
export const exists = (name: string) => {
  if (name.startsWith(':')) return fileExists(name.slice(1));
  try { hooks.getGlobal(name); return true; } catch { return false; }
};

/** The names of the tables in the root (or a namespace). */
export function tables(x: Q): Q { return hooks.tables(x.t === -T.Sym ? (x as Atom).v : ''); }

/** ungroup: a table whose cells are lists becomes one row per item. */
export function ungroup(x: Q): Q {
  const t = plain(x);
  const n = count(t), lists = t.d.map((c, j) => c.t === T.List ? j : -1).filter(j => j >= 0);
  if (!lists.length) return t;
  // each row becomes as many rows as its lists have items (which must agree): the lists razed, the
  // other columns repeated, by one index vector rather than an atom per cell
  const counts = fresh(Int32Array, n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const m = count((t.d[lists[0]] as List).d[i]);
    for (const j of lists) if (count((t.d[j] as List).d[i]) !== m) throw new QError('length');
    counts[i] = m; total += m;
  }
  const rows = fresh(Int32Array, total);
  for (let i = 0, o = 0; i < n; i++) rows.fill(i, o, o += counts[i]);
  const at = vec(T.Int, rows);
  return table(t.c, t.d.map((c, j) => lists.includes(j) ? raze(c) : index(c, at)));
}
/** k xgroup t: t keyed by k (groups in order of first appearance) with the other columns collected per key. */
export function xgroup(k: Q, x: Q): Q {
  const t = plain(x), ks = names(k);
  for (const c of ks) if (!t.c.includes(c)) throw new QError(c);
  // grouping by no columns would key the table by a table of none, which wasq's values cannot hold
  if (!ks.length) throw new QError('nyi');
  const g = groupRows(ks.map(c => t.d[t.c.indexOf(c)]), count(t));
  const firsts = { t: T.Int, d: Int32Array.from(g.firsts), a: 0 } as Q;
  const rest = t.c.filter(c => !ks.includes(c));
  return dict(table(ks, ks.map(c => index(t.d[t.c.indexOf(c)], firsts))), table(rest, rest.map(c => list(g.members.map(m => index(t.d[t.c.indexOf(c)], { t: T.Int, d: m, a: 0 } as Q))))));
}
export { str, sym, Attr };

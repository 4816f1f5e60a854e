// qSQL: select exec update delete, by and where, and the functional forms ?[t;c;b;a] ![t;c;b;a].
// Clause expressions run with the table's columns in scope (eval.ts `scope`); each where clause sees
// only the rows the clauses before it kept. One engine serves parsed queries and parse trees.
import type { Node } from '../parse/ast.js';
import { T } from '../value/types.js';
import { Q, Atom, Vec, List, Dict, Table, count, item, items, fromItems, list, dict, table, longVec, isNil, NIL, symVec, sym, nullItem } from '../value/value.js';
import { QError } from '../value/error.js';
import { symName } from '../value/sym.js';
import { domainValue, isForeignKey } from '../value/enums.js';
import { index, positions } from '../prims/index.js';
import { temporalPart } from '../prims/temporal.js';
import { compareQ } from '../prims/order.js';
import { distinct, keyText, enlist, unkey } from '../prims/list.js';
import { amend } from '../prims/amend.js';
import { scope } from './eval.js';
import { getGlobal, setGlobal, deleteGlobal } from './names.js';

export type Evaluator = (n: Node, fr: (Q | undefined)[] | null) => Q;
type Expr = () => Q;
type Cols = [string, Expr][];

export interface Query {
  kind: 'select' | 'exec' | 'update' | 'delete';
  from: Q;                       // a table, keyed table, or a symbol naming one
  where: Expr[];
  by: Cols | null;               // null: no by; []: by with nothing (exec/select by ())
  cols: Cols | null;             // null: every column
  distinct?: boolean;
  limit?: Q | null;
  sort?: { dir: '<' | '>'; col: string } | null;
  delCols?: string[];            // delete a,b from t
}

/** Run a parsed qSQL node. */
export function evalSql(n: Extract<Node, { k: 'sql' }>, fr: (Q | undefined)[] | null, ev: Evaluator): Q {
  const mk = (e: Node): Expr => () => ev(e, fr);
  const kind = (n.q === 'select distinct' ? 'select' : n.q) as Query['kind'];
  const cols = n.cols ? n.cols.map(([nm, e]) => [nm, mk(e)] as [string, Expr]) : null;
  let sort: Query['sort'] = null;
  if (n.sort && n.lim && n.lim.k === 'name') sort = { dir: n.sort as '<' | '>', col: n.lim.n };
  return runQuery({
    kind, from: ev(n.from, fr), where: n.where.map(mk), by: n.by ? n.by.map(([nm, e]) => [nm, mk(e)] as [string, Expr]) : null,
    cols, distinct: n.q === 'select distinct', limit: sort ? null : n.lim ? ev(n.lim, fr) : null, sort,
    delCols: kind === 'delete' && n.cols ? n.cols.map(c => c[0]) : undefined,
  });
}

/** The columns in scope while a clause runs over the given rows (null: all rows). */
function withCols<R>(t: Table, rows: Rows | null, f: () => R): R {
  const cache = new Map<string, Q>();
  const rowIdx = rows ? rowVec(rows) : null;
  const col = (name: string): Q | undefined => {
    let c = cache.get(name);
    if (c) return c;
    const j = t.c.indexOf(name);
    if (j >= 0) c = rowIdx ? index(t.d[j], rowIdx) : t.d[j];
    else if (name === 'i') c = rowIdx ?? longVec(Array.from({ length: count(t) }, (_, k) => k));
    else {
      const dot = name.indexOf('.');
      if (dot <= 0) return undefined;
      const base = col(name.slice(0, dot));
      if (!base) return undefined;
      c = navigate(base, name.slice(dot + 1));
    }
    cache.set(name, c);
    return c;
  };
  const saved = scope.cols;
  scope.cols = col;
  try { return f(); } finally { scope.cols = saved; }
}

/** col.part: a temporal part, or a column of the table a foreign key points at. */
function navigate(c: Q, part: string): Q {
  if ((c.t === T.Enum || c.t === -T.Enum) && isForeignKey((c as Vec).dom!)) {
    const kt = domainValue((c as Vec).dom!) as Dict;
    const target = unkey(kt);
    const j = target.c.indexOf(part);
    if (j < 0) throw new QError(part);
    const idx = c.t === T.Enum ? longVec(Array.from((c as Vec).d as Int32Array)) : { t: -T.Long, v: BigInt((c as Atom).v) } as Q;
    return index(target.d[j], idx);
  }
  const r = temporalPart(c, part);
  if (!r) throw new QError(part);
  return r;
}

function asTable(x: Q): { t: Table; keys: string[] } {
  if (x.t === T.Table) return { t: x as Table, keys: [] };
  if (x.t === T.Dict && (x as Dict).k.t === T.Table && (x as Dict).v.t === T.Table) return { t: unkey(x as Dict), keys: ((x as Dict).k as Table).c };
  throw new QError('type');
}
function rekey(t: Table, keys: string[]): Q {
  if (!keys.length) return t;
  const kc = keys.filter(k => t.c.includes(k));
  if (kc.length !== keys.length) return t;
  return dict(table(kc, kc.map(k => t.d[t.c.indexOf(k)])), table(t.c.filter(c => !kc.includes(c)), t.c.map((c, i) => [c, t.d[i]] as const).filter(([c]) => !kc.includes(c)).map(([, d]) => d)));
}
/** Row positions: a JS array or, on the fast paths, an Int32Array. */
type Rows = ArrayLike<number>;
/** Row positions as an int vector for indexing (no BigInt per row). */
const rowVec = (rows: Rows): Q => ({ t: T.Int, d: rows instanceof Int32Array ? rows : Int32Array.from(rows), a: 0 } as Q);
const subset = (t: Table, rows: Rows | null): Table => rows ? table(t.c, t.d.map(c => index(c, rowVec(rows)))) : t;

/** kdb+ names a repeated column by suffixing a number: date, date1, date2. */
function dedupe(names: string[], taken: string[] = []): string[] {
  const used = new Set(taken), out: string[] = [];
  for (const n of names) {
    let m = n, k = 1;
    while (used.has(m)) m = n + k++;
    used.add(m); out.push(m);
  }
  return out;
}

/** Rows kept by the where clauses, applied one after the other. */
function filter(t: Table, where: Expr[]): Rows | null {
  let rows: Rows | null = null;
  for (const w of where) {
    const r: Q = withCols(t, rows, w);
    const cur: Rows = rows ?? rangeOf(0, count(t));
    if (r.t === -T.Bool) { if (!(r as Atom).v) rows = []; else rows = cur; continue; }
    if (r.t === T.Bool) {
      const d = (r as Vec).d as Uint8Array;
      if (d.length !== cur.length) throw new QError('length');
      let m = 0;
      for (let k = 0; k < d.length; k++) m += d[k];
      const next = new Int32Array(m);
      for (let k = 0, j = 0; k < d.length; k++) if (d[k]) next[j++] = cur[k];
      rows = next;
      continue;
    }
    if (r.t === T.Long || r.t === T.Int) { const p: ArrayLike<number> = positions(r)!; rows = Int32Array.from(p, (k: number) => cur[k]); continue; }
    throw new QError('type');
  }
  return rows;
}

/** Group the rows by the by-expressions' values; groups in ascending key order. */
function groups(t: Table, rows: Rows | null, by: Cols): { keys: Q[]; members: Rows[] } {
  const keyCols = by.map(([, e]) => withCols(t, rows, e));
  const all: Rows = rows ?? rangeOf(0, count(t));
  const n = all.length;
  for (const k of keyCols) if (k.t >= 0 && count(k) !== n) throw new QError('length');
  // group ids per row: a direct-addressed table for small-range integer keys (enumerations, dates,
  // ints), a hash of the item text otherwise
  const gid = new Int32Array(n), firsts: number[] = [];
  const ints = keyCols.map(c => c.t === T.Enum || c.t === T.Int || c.t === T.Date || c.t === T.Month || c.t === T.Minute || c.t === T.Second || c.t === T.Time || c.t === T.Sym ? (c as Vec).d as Int32Array : null);
  if (ints.every(d => d !== null) && keyCols.length <= 2) {
    const lo = ints.map(d => { let m = 0; for (let i = 0; i < d!.length; i++) if (d![i] < m) m = d![i]; return m; });
    const span = ints.map((d, j) => { let m = lo[j]; for (let i = 0; i < d!.length; i++) if (d![i] > m) m = d![i]; return m - lo[j] + 1; });
    const size = span.reduce((a, b) => a * b, 1);
    if (size <= 1 << 22) {
      const slot = new Int32Array(size).fill(-1);
      for (let r = 0; r < n; r++) {
        let k = 0;
        for (let j = 0; j < ints.length; j++) k = k * span[j] + (ints[j]![r] - lo[j]);
        let g = slot[k];
        if (g < 0) { g = slot[k] = firsts.length; firsts.push(r); }
        gid[r] = g;
      }
    } else hashGroups(keyCols, n, gid, firsts);
  } else hashGroups(keyCols, n, gid, firsts);
  // members of each group, in row order, as views of one array (a counting sort by group id)
  const ng = firsts.length, start = new Int32Array(ng + 1);
  for (let r = 0; r < n; r++) start[gid[r] + 1]++;
  for (let g = 0; g < ng; g++) start[g + 1] += start[g];
  const perm = new Int32Array(n), fill = start.slice(0, ng);
  for (let r = 0; r < n; r++) perm[fill[gid[r]]++] = all[r];
  const members = Array.from({ length: ng }, (_, g) => perm.subarray(start[g], start[g + 1]));
  const keys = keyCols.map(c => c.t < 0 ? fromItems(firsts.map(() => c)) : index(c, rowVec(firsts)));
  // sort the groups by their keys
  const order = members.map((_, g) => g);
  order.sort((a, b) => { for (const k of keys) { const r = compareQ(item(k, a), item(k, b)); if (r) return r; } return 0; });
  return { keys: keys.map(k => index(k, rowVec(order))), members: order.map(g => members[g]) };
}
function hashGroups(keyCols: Q[], n: number, gid: Int32Array, firsts: number[]) {
  const map = new Map<any, number>();
  const simple = keyCols.length === 1 && keyCols[0].t > 0 && keyCols[0].t < 20 && keyCols[0].t !== T.Guid;
  const kd = simple ? (keyCols[0] as Vec).d as any : null;
  for (let r = 0; r < n; r++) {
    const key = kd ? kd[r] : keyCols.map(c => c.t < 0 ? keyText(c) : keyText(item(c, r))).join('\u0001');
    let g = map.get(key);
    if (g === undefined) { g = firsts.length; map.set(key, g); firsts.push(r); }
    gid[r] = g;
  }
}

export function runQuery(q: Query): Q {
  const byName = q.from.t === -T.Sym ? (q.from as Atom).v as string : null;
  // delete x from `. removes globals; delete k from d removes a dictionary's keys
  if (q.kind === 'delete' && q.delCols && (byName === '.' || byName === '')) {
    for (const c of q.delCols) deleteGlobal(c);
    return q.from;
  }
  const src = byName ? getGlobal(byName) : q.from;
  if (q.kind === 'delete' && q.delCols && src.t === T.Dict && (src as Dict).k.t !== T.Table) {
    const d = src as Dict, ks = items(d.k), keep = ks.map((k, i) => q.delCols!.includes(k.t === -T.Sym ? (k as Atom).v : '') ? -1 : i).filter(i => i >= 0);
    const r = dict(index(d.k, longVec(keep)), index(d.v, longVec(keep)));
    if (byName) { setGlobal(byName, r); return q.from; }
    return r;
  }
  const { t, keys } = asTable(src);
  const rows = filter(t, q.where);
  let result: Q;
  switch (q.kind) {
    case 'select': result = select(t, keys, rows, q); break;
    case 'exec': result = exec(t, rows, q); break;
    case 'update': result = rekey(update(t, rows, q), keys); break;
    case 'delete': result = rekey(del(t, rows, q), keys); break;
  }
  if (byName && (q.kind === 'update' || q.kind === 'delete')) { setGlobal(byName, result); return sym(byName); }
  return result;
}

function select(t: Table, keys: string[], rows: Rows | null, q: Query): Q {
  let r: Q;
  if (q.by && q.by.length) {
    const g = groups(t, rows, q.by);
    const byNames = dedupe(q.by.map(b => b[0]));
    let vnames: string[], vcols: Q[];
    if (q.cols) {
      vnames = dedupe(q.cols.map(c => c[0]), byNames);
      vcols = q.cols.map(([, e]) => fromItems(g.members.map(m => withCols(t, m, e))));
    } else {
      // select by k from t: the last row of each group
      const rest = t.c.filter(c => !byNames.includes(c));
      vnames = rest;
      vcols = rest.map(c => fromItems(g.members.map(m => item(t.d[t.c.indexOf(c)], m[m.length - 1]))));
    }
    r = dict(table(byNames, g.keys), table(vnames, vcols));
  } else if (q.cols) {
    const names = dedupe(q.cols.map(c => c[0]));
    const vals = q.cols.map(([, e]) => withCols(t, rows, e));
    let n = -1;
    for (const v of vals) if (v.t >= 0 && v.t < T.Table) { const m = count(v); if (n >= 0 && m !== n) throw new QError('length'); n = m; }
    r = table(names, vals.map(v => n < 0 ? enlist(v) : v.t < 0 ? fromItems(new Array(n).fill(v)) : v));
  } else {
    r = subset(t, rows);
    if (keys.length) r = rekey(r as Table, keys);
  }
  if (q.distinct) r = distinct(r);
  if (q.sort) {
    const tt = r.t === T.Table ? r as Table : unkey(r as Dict);
    const j = tt.c.indexOf(q.sort.col);
    if (j < 0) throw new QError(q.sort.col);
    const c = tt.d[j], idx = items(c).map((_, k) => k);
    idx.sort((a, b) => (q.sort!.dir === '<' ? 1 : -1) * compareQ(item(c, a), item(c, b)) || a - b);
    r = index(r, longVec(idx));
  }
  if (q.limit) {
    const n = count(r);
    if (q.limit.t < 0) { const k = Number((q.limit as Atom).v); r = index(r, longVec(k >= 0 ? rangeOf(0, Math.min(k, n)) : rangeOf(Math.max(0, n + k), n))); }
    else { const [s, k] = items(q.limit).map(x => Number((x as Atom).v)); r = index(r, longVec(rangeOf(Math.min(s, n), Math.min(s + k, n)))); }
  }
  return r;
}
const rangeOf = (a: number, b: number): Int32Array => { const r = new Int32Array(Math.max(0, b - a)); for (let i = 0; i < r.length; i++) r[i] = a + i; return r; };

function exec(t: Table, rows: Rows | null, q: Query): Q {
  const cols = q.cols ?? t.c.map(c => [c, () => withCols(t, rows, () => t.d[t.c.indexOf(c)])] as [string, Expr]);
  if (q.by && q.by.length) {
    const g = groups(t, rows, q.by);
    const key = q.by.length === 1 ? g.keys[0] : table(q.by.map(b => b[0]), g.keys);
    if (cols.length === 1 && q.cols && !isNamed(q.cols[0])) return dict(key, fromItems(g.members.map(m => withCols(t, m, cols[0][1]))));
    return dict(key, table(cols.map(c => c[0]), cols.map(([, e]) => fromItems(g.members.map(m => withCols(t, m, e))))));
  }
  if (cols.length === 1 && q.cols) return withCols(t, rows, cols[0][1]);
  return dict(symVec(dedupe(cols.map(c => c[0]))), fromItems(cols.map(([, e]) => withCols(t, rows, e))).t === T.List ? list(cols.map(([, e]) => withCols(t, rows, e))) : fromItems(cols.map(([, e]) => withCols(t, rows, e))));
}
const isNamed = (_c: [string, Expr]) => false;

function update(t: Table, rows: Rows | null, q: Query): Table {
  if (!q.cols) throw new QError('nyi');
  const n = count(t);
  const names = [...t.c], data = [...t.d];
  const put = (name: string, rowsOf: Rows | null, v: Q) => {
    const j = names.indexOf(name);
    const m = rowsOf ? rowsOf.length : n;
    const val = v.t < 0 ? fromItems(new Array(m).fill(v)) : v;
    if (count(val) !== m) throw new QError('length');
    if (!rowsOf) { if (j >= 0) data[j] = val; else { names.push(name); data.push(val); } return; }
    let base = j >= 0 ? data[j] : fromItems(new Array(n).fill(nullItem(val)));
    if (base.t > 0 && val.t > 0 && base.t !== val.t) base = list(items(base));
    const updated = amend(base, [rowVec(rowsOf)], null, val);
    if (j >= 0) data[j] = updated; else { names.push(name); data.push(updated); }
  };
  if (q.by && q.by.length) {
    const g = groups(t, rows, q.by);
    for (const [name, e] of q.cols) {
      // each group's result goes back to that group's rows
      const all = rows ?? rangeOf(0, n);
      const vals = g.members.map(m => { const v = withCols(t, m, e); return v.t < 0 ? fromItems(new Array(m.length).fill(v)) : v; });
      const order = g.members.flatMap(m => Array.from(m));
      put(name, order.length === n && !rows ? null : order, reorderBack(vals, g.members, order, n, !rows && order.length === n));
      void all;
    }
  } else {
    const vals = q.cols.map(([name, e]) => [name, withCols(t, rows, e)] as const);
    for (const [name, v] of vals) put(name, rows, v);
  }
  return table(names, data);
}
/** Group results laid back in row order (when every row is updated) or in group order. */
function reorderBack(vals: Q[], members: Rows[], order: number[], n: number, full: boolean): Q {
  const flat: Q[] = [];
  vals.forEach(v => { for (const x of items(v)) flat.push(x); });
  if (!full) return fromItems(flat);
  const out = new Array<Q>(n);
  order.forEach((r, k) => { out[r] = flat[k]; });
  return fromItems(out);
}

function del(t: Table, rows: Rows | null, q: Query): Table {
  if (q.delCols) {
    for (const c of q.delCols) if (!t.c.includes(c)) throw new QError(c);
    const keep = t.c.map((c, i) => [c, i] as const).filter(([c]) => !q.delCols!.includes(c));
    return table(keep.map(([c]) => c), keep.map(([, i]) => t.d[i]));
  }
  if (!rows) return table(t.c, t.d.map(c => index(c, longVec([]))));
  const drop = new Set(Array.from(rows));
  return subset(t, Array.from(rangeOf(0, count(t))).filter(r => !drop.has(r)));
}
export { NIL, isNil, list, symName };

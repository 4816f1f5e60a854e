// qSQL: select exec update delete, by and where, and the functional forms ?[t;c;b;a] ![t;c;b;a].
// Clause expressions run with the table's columns in scope (eval.ts `scope`); each where clause sees
// only the rows the clauses before it kept. One engine serves parsed queries and parse trees.
import type { Node } from '../parse/ast.js';
import { T } from '../value/types.js';
import { Attr, Q, Atom, Prim, Vec, List, Dict, Table, count, item, items, fromItems, list, dict, table, longVec, isNil, NIL, symVec, sym, nullItem, empty, sliceQ } from '../value/value.js';
import { QError } from '../value/error.js';
import { symName, intern } from '../value/sym.js';
import { domainValue, isForeignKey, deenum } from '../value/enums.js';
import { index, positions } from '../prims/index.js';
import { temporalPart } from '../prims/temporal.js';
import { followKey } from '../prims/enum.js';
import { grade, bin, binr, topGrade, iasc } from '../prims/order.js';
import { join as joinQ } from '../prims/join.js';
import { settle } from '../value/heap.js';
import { groupRows, groupIds } from '../prims/groupby.js';
import * as kernels from '../kernels/index.js';
import * as groupagg from '../prims/groupagg.js';
import { distinct, keyText, enlist, unkey, take } from '../prims/list.js';
import { amend } from '../prims/amend.js';
import { intLong, castTo } from '../prims/conv.js';
import { concat, iota, fresh, allocRaw, WIDTH, words, halves, splitLong } from '../value/storage.js';
import { RETURNED } from './signal.js';
import type { Items } from '../value/storage.js';
import { apply1 } from '../prims/apply.js';
import { scope } from './eval.js';
import { getGlobal, setGlobal, deleteGlobal, deleteMember, lookup, inWorkingNs, namespace } from './names.js';
import { env } from './env.js';
import { partedTables, partTable, mapTable, named, isParted, isSplayed, partStarts as partitionStarts } from '../prims/disk.js';
import { withinBounds } from '../prims/setops.js';
import { symKey, scalarKey, FLIP } from '../prims/compare.js';

export type Evaluator = (n: Node, fr: (Q | undefined)[] | null) => Q;
type Expr = () => Q;
type Cols = [string, Expr][];

export interface Query {
  kind: 'select' | 'exec' | 'update' | 'delete';
  from: Q;                       // a table, keyed table, or a symbol naming one
  where: Expr[];
  /** for each where clause that tests a column against a literal (`col within <literal>`, `col > <literal>`
   *  …), the column, the test and the literal: the rows kept come straight from a kernel, without a
   *  boolean vector; on a column marked `s#, a first `within` is two binary searches */
  tests?: (Simple | null)[];
  by: Cols | null;               // null: no by; []: by with nothing (exec/select by ())
  /** how exec keys its groups: by the values of one unnamed column, by a table of the named
   * columns, or (a list of column names in the functional form) by nothing at all */
  byKey?: 'value' | 'table' | 'none';
  cols: Cols | null;             // null: every column
  /** exec with named columns gives a dictionary even for one column */
  colsNamed?: boolean;
  distinct?: boolean;
  limit?: Q | null;
  sort?: { g: Q; col: string | Expr } | null;   // a grading function (iasc idesc) and the column (or expression: a table of columns) it sorts on
  delCols?: string[];            // delete a,b from t
  /** a partitioned table's partitions as the first row of each: its where clauses run in each partition
   *  alone and i counts from each one's start (basics/qsql: i is relative to the partition) */
  parts?: Int32Array | null;
  /** the source is a partitioned table (\l mapped): its links into partitioned tables are followed */
  parted?: boolean;
  /** for each column, the aggregate it is (avg price, a wavg b …) with its arguments, when it is one */
  aggs?: (Agg | null)[];
}
/** A where clause `col op literal` (op: within = <> < > <= >=), or `literal op col` turned round. */
interface Simple { col: string; op: string; lim: Q }
const CMP = ['=', '<>', '<', '>', '<=', '>='];
function simpleOf(w: Node): Simple | null {
  if (w.k !== 'app' || w.f.k !== 'prim' || w.a.length !== 2 || !w.a[0] || !w.a[1]) return null;
  const [a, b] = w.a, op = w.f.n;
  if (op === 'within') return a.k === 'name' && b.k === 'lit' ? { col: a.n, op, lim: b.v } : null;
  if (!CMP.includes(op)) return null;
  if (a.k === 'name' && b.k === 'lit') return { col: a.n, op, lim: b.v };
  if (a.k === 'lit' && b.k === 'name') return { col: b.n, op: CMP[FLIP[CMP.indexOf(op)]], lim: a.v };
  return null;
}
/** A column that applies an aggregate to expressions over the rows: select by runs these in one pass. */
interface Agg { op: string; args: Expr[]; rows?: boolean }
const AGGS = new Set(['sum', 'avg', 'count', 'min', 'max', 'first', 'last', 'var', 'svar', 'dev', 'sdev', 'med']);
function aggOf(e: Node, mk: (e: Node) => Expr): Agg | null {
  // count i (or count of any column) is the group's size: its argument need not be made
  if (e.k === 'mon' && e.f.k === 'prim' && e.f.n === 'count' && e.x.k === 'name' && e.x.n === 'i') return { op: 'count', args: [], rows: true };
  if (e.k === 'mon' && e.f.k === 'prim' && AGGS.has(e.f.n)) return { op: e.f.n, args: [mk(e.x)] };
  if (e.k === 'app' && e.f.k === 'prim' && (e.f.n === 'wavg' || e.f.n === 'wsum') && e.a.length === 2 && e.a[0] && e.a[1]) return { op: e.f.n, args: [mk(e.a[0]), mk(e.a[1])] };
  return null;
}

/** Run a parsed qSQL node. Names in its phrases that are neither columns nor locals are the working namespace's
 *  (basics/qsql, "Names in subphrases"), not those of the lambda it is written in. */
export function evalSql(n: Extract<Node, { k: 'sql' }>, fr: (Q | undefined)[] | null, ev: Evaluator): Q {
  // the table expression is the lambda's own code, its names read in the lambda's namespace (cookbook
  // publisher.q's from (counts[table];n) sublist value table under \d .testdata); the phrases' names are
  // the working namespace's (basics/qsql)
  const part = inWorkingNs(() => partitioned(n, fr, ev));
  // grouped by the partition column, no group spans partitions: the query runs in each partition alone,
  // as kdb+ maps one partition at a time, and the results are joined (only one partition's columns in
  // memory at once)
  // (unless a partition is in two segments of par.txt: its groups span them, and are reduced below)
  if (part && n.q === 'select' && !n.lim && !n.sort && n.by?.some(([, e]) => e.k === 'name' && e.n === part.pt.pf) && part.keep.reduce((a, b) => a + b, 0) > 1 && new Set(part.pt.vals).size === part.pt.vals.length)
    return inWorkingNs(() => byPartition(n, fr, ev, part));
  // aggregates that combine (sum, count, min, max, first, last, avg, wsum, wavg) grouped by other columns:
  // each partition's partial aggregates, then those combined, as kdb+ maps and reduces over partitions
  const reduced = part && n.q === 'select' && !n.lim && !n.sort && n.by?.length && part.keep.reduce((a, b) => a + b, 0) > 1 ? inWorkingNs(() => mapReduce(n, fr, ev, part)) : null;
  if (reduced) return reduced;
  const parted = part?.t;
  const from = parted ?? ev(n.from, fr);
  // a return in the table expression leaves the lambda (wp/corporate-actions: from $[c;:res;t])
  if (from === RETURNED) return from;
  return inWorkingNs(() => runSql(n, fr, ev, from));
}
function runSql(n: Extract<Node, { k: 'sql' }>, fr: (Q | undefined)[] | null, ev: Evaluator, source: Q): Q {
  const mk = (e: Node): Expr => () => ev(e, fr);
  const kind = (n.q === 'select distinct' ? 'select' : n.q) as Query['kind'];
  const cols = n.cols ? n.cols.map(([nm, e]) => [nm, mk(e)] as [string, Expr]) : null;
  let sort: Query['sort'] = null;
  if (n.sort && n.sortBy) {
    // a column by name, or any expression of the columns (a table of them sorts on each in turn: funq's
    // silhouette.q, select[>([](avg;s) fby g;s)] from t)
    sort = { g: { t: T.Unary, name: n.sort === '<' ? 'iasc' : 'idesc' } as Q, col: n.sortBy.k === 'name' ? n.sortBy.n : mk(n.sortBy) };
  }
  const by = n.by ? n.by.map(([nm, e]) => [nm, mk(e)] as [string, Expr]) : null;
  let from = source;
  // a table flip could not map is looked for again, and its absence is the error
  if (from.t === T.Dict && (from as Dict).flipped) from = mapTable(from as Dict, true);
  // select[n] of a partitioned table is not built in kdb+ either (ref/flip-splayed)
  if (n.lim && from.t === T.Table && (from as Table).ref && !(from as Table).ref!.startsWith(':')) throw new QError('nyi');
  // (checked here, before the copy below drops the mapping; runQuery checks tables given by name)
  refuseOnDisk(kind, !!n.cols, from);
  // a partitioned table's partitions start where its partition column changes
  const parts = from.t === T.Table && source === from && isParted(from) ? partitionStarts(from as Table) ?? starts((from as Table).d[0] as Vec) : null;
  // a query's result is a table in memory, even when it has all of a mapped one
  if (from.t === T.Table && (from as Table).ref) from = table((from as Table).c, (from as Table).d);
  return runQuery({
    kind, from, where: n.where.map(mk), by,
    tests: n.where.map(simpleOf), byKey: by && by.length === 1 && !n.byNamed ? 'value' : 'table',
    cols, colsNamed: !!n.colsNamed, distinct: n.q === 'select distinct', limit: n.lim ? ev(n.lim, fr) : null, sort,
    delCols: kind === 'delete' && n.cols ? n.cols.map(c => c[0]) : undefined,
    aggs: n.cols && by && by.length ? n.cols.map(([, e]) => aggOf(e, mk)) : undefined, parts, parted: source.t === T.Table && isParted(source),
  });
}
/** The first row of each run of a partition column's values (partitions in order, each one value). */
function starts(pc: Vec): Int32Array | null {
  if (!(pc.t > 0 && pc.t < T.Enum) || pc.t === T.Long || pc.t === T.Guid) return null;
  const d = pc.d as Int32Array, out: number[] = [];
  for (let k = 0; k < d.length; k++) if (k === 0 || d[k] !== d[k - 1]) out.push(k);
  return out.length > 1 ? Int32Array.from(out) : null;
}
/** Rows kept by the where clauses run in each partition alone, as positions in the whole table. */
function filterParts(t: Table, q: Query, parts: Int32Array): Rows | null {
  if (!q.where.length) return null;
  const n = count(t), kept: Int32Array[] = [];
  let total = 0;
  for (let p = 0; p < parts.length; p++) {
    const a = parts[p], b = p + 1 < parts.length ? parts[p + 1] : n;
    const r = filter(sliceQ(t, a, b) as Table, q.where, q.tests) ?? rangeOf(0, b - a);
    // each partition's rows, moved past the partitions before it
    const moved = Int32Array.from(r as ArrayLike<number>);
    for (let k = 0; k < moved.length; k++) moved[k] += a;
    kept.push(moved); total += moved.length;
  }
  seed = null;
  const out = fresh(Int32Array, total);
  let o = 0;
  for (const k of kept) { out.set(k, o); o += k.length; }
  return out;
}
/** The partitions of the table a query runs over, while its columns are read (i then counts in each). */
let partStarts: Int32Array | null = null;
/** Whether the query running is over a partitioned table (its links into partitioned tables hold). */
let partedQuery = false;

/**
 * A partitioned table (\l of a database) read for a query: only the partitions that the where clauses on
 * the partition column (date within …, date=…) keep are read from disk. Null when the source is not one.
 */
function partitioned(n: Extract<Node, { k: 'sql' }>, fr: (Q | undefined)[] | null, ev: Evaluator) {
  // a lambda's local of the same name is the table, not the database's (a local shadows a global)
  if (n.from.k !== 'name' || (n.from.slot !== undefined && fr?.[n.from.slot] !== undefined) || lookup(n.from.n) !== undefined) return null;
  const pt = partedTables().get(n.from.n);
  if (!pt) return null;
  const pv = { t: pt.type, d: Int32Array.from(pt.vals), a: 0 } as Vec;
  const keep = fresh(Uint8Array, pt.vals.length).fill(1);
  for (const w of n.where) {
    const names = namesIn(w);
    if (!names.has(pt.pf) || [...names].some(nm => nm !== pt.pf && (pt.cols.includes(nm) || nm === 'i'))) continue;
    const saved = scope.cols;
    scope.cols = nm => nm === pt.pf ? pv : undefined;
    let m: Q;
    try { m = ev(w, fr); } finally { scope.cols = saved; }
    if (m.t === -T.Bool) { if (!(m as Atom).v) keep.fill(0); continue; }
    if (m.t !== T.Bool || count(m) !== keep.length) continue;
    const b = (m as Vec).d as Uint8Array;
    for (let i = 0; i < keep.length; i++) keep[i] &= b[i];
  }
  // only the columns the query mentions are read (kdb+ maps a partition, and pages in what a query touches);
  // a query that names no columns (select from, select by, update, delete) takes them all
  const named = n.cols?.length && (n.q === 'select' || n.q === 'exec') ? namesIn([n.cols, n.by, n.where, n.sortBy]) : null;
  const stems = named && new Set([...named].map(nm => nm.split('.')[0]));
  // named as \l maps it, so that evalSql treats it as the partitioned table it is (select[n] is 'nyi)
  const only = stems ? pt.cols.filter(c => stems.has(c)) : null, t = partTable(pt, keep, only);
  t.ref = pt.name;
  return { t, pt, keep, only };
}
/** The keyed results of a grouped select in each partition kept, in partition order (each run as the
 *  query n would be on that partition alone). */
function perPartition(n: Extract<Node, { k: 'sql' }>, fr: (Q | undefined)[] | null, ev: Evaluator, part: NonNullable<ReturnType<typeof partitioned>>): Dict[] {
  const { pt, keep, only } = part, rs: Dict[] = [];
  keep.forEach((k, i) => {
    if (!k) return;
    const one = fresh(Uint8Array, keep.length);
    one[i] = 1;
    const t = partTable(pt, one, only);
    t.ref = pt.name;
    rs.push(runSql(n, fr, ev, t) as Dict);
    settle();
  });
  return rs;
}
/** Tables of the same columns, one after another. */
const catTables = (ts: Table[]) => table(ts[0].c, ts[0].c.map((_, j) => ts.slice(1).reduce((a, t) => joinQ(a, t.d[j]), ts[0].d[j])));
/** A grouped select whose columns are all aggregates that combine across partitions: each partition's
 *  partial aggregates (sums, counts, minimums …; an average as a sum and a count of non-nulls), then a
 *  select over them by the same keys that combines them. Null when a column is anything else. */
function mapReduce(n: Extract<Node, { k: 'sql' }>, fr: (Q | undefined)[] | null, ev: Evaluator, part: NonNullable<ReturnType<typeof partitioned>>): Q | null {
  if (!n.cols?.length) return null;
  const prim = (name: string): Node => ({ k: 'prim', n: name });
  const mon = (f: string, x: Node): Node => ({ k: 'mon', f: prim(f), x });
  const app = (f: string, a: Node[]): Node => ({ k: 'app', f: prim(f), a });
  const ref = (name: string): Node => ({ k: 'name', n: name });
  const partials: [string, Node][] = [], combined: [string, Node][] = [];
  let k = 0;
  const partial = (e: Node) => { const nm = `wasq_p${k++}`; partials.push([nm, e]); return ref(nm); };
  for (const [name, e] of n.cols) {
    let c: Node | null = null;
    if (e.k === 'mon' && e.f.k === 'prim') {
      const op = e.f.n, x = e.x;
      if (op === 'sum' || op === 'count') c = mon('sum', partial(mon(op, x)));
      else if (op === 'min' || op === 'max') c = mon(op, partial(mon(op, x)));
      else if (op === 'first' || op === 'last') c = mon(op, partial(mon(op, x)));
      // avg skips nulls: a sum and a count of the items that are not null
      else if (op === 'avg') c = app('%', [mon('sum', partial(mon('sum', x))), mon('sum', partial(mon('sum', mon('not', mon('null', x)))))]);
    } else if (e.k === 'app' && e.f.k === 'prim' && e.a.length === 2 && e.a[0] && e.a[1]) {
      const [w, x] = e.a as Node[];
      if (e.f.n === 'wsum') c = mon('sum', partial(app('wsum', [w, x])));
      else if (e.f.n === 'wavg') c = app('%', [mon('sum', partial(app('wsum', [w, x]))), mon('sum', partial(mon('sum', w)))]);
    }
    if (!c) return null;
    combined.push([name, c]);
  }
  const rs = perPartition({ ...n, cols: partials, colsNamed: true }, fr, ev, part);
  const unkeyed = catTables(rs.map(r => { const kt = r.k as Table, vt = r.v as Table; return table([...kt.c, ...vt.c], [...kt.d, ...vt.d]); }));
  const by = n.by!.map(([bn]) => [bn, ref(bn)] as [string, Node]);
  return runSql({ ...n, cols: combined, by, where: [], colsNamed: true }, fr, ev, unkeyed);
}
/** A select grouped by the partition column, run in each partition kept and the keyed results joined;
 *  sorted by the keys unless the partition column comes first among them (the partitions are in order). */
function byPartition(n: Extract<Node, { k: 'sql' }>, fr: (Q | undefined)[] | null, ev: Evaluator, part: NonNullable<ReturnType<typeof partitioned>>): Q {
  const rs = perPartition(n, fr, ev, part);
  let k = catTables(rs.map(r => r.k as Table)), v = catTables(rs.map(r => r.v as Table));
  if (n.by![0][1].k !== 'name' || (n.by![0][1] as { n: string }).n !== part.pt.pf) {
    const g = iasc(k);
    k = index(k, g) as Table; v = index(v, g) as Table;
  }
  return dict(k, v);
}
/** The names a clause mentions (columns, globals), wherever they sit in its tree. */
function namesIn(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) { for (const e of node) namesIn(e, out); return out; }
  if (!node || typeof node !== 'object') return out;
  const o = node as { k?: string; n?: unknown };
  if (o.k === 'name' && typeof o.n === 'string') out.add(o.n);
  for (const v of Object.values(o)) if (v && typeof v === 'object') namesIn(v, out);
  return out;
}

/** The columns in scope while a clause runs over the given rows (null: all rows). */
function withCols<R>(t: Table, rows: Rows | null, f: () => R): R {
  const cache = new Map<string, Q>();
  // the column the last where clause tested, already at these rows (selectRows)
  if (seed && rows !== null && rows === seed.rows) cache.set(seed.col, seed.v);
  const rowIdx = rows ? rowVec(rows) : null;
  const col = (name: string): Q | undefined => {
    let c = cache.get(name);
    if (c) return c;
    const j = t.c.indexOf(name);
    if (j >= 0) c = rowIdx ? rangeView(t.d[j], rows!) ?? index(t.d[j], rowIdx) : t.d[j];
    // (i is long, kept rows or all: where i in 1 2 after another clause)
    else if (name === 'i') c = { t: T.Long, d: partStarts ? partRows(rows ?? rangeOf(0, count(t)), partStarts) : rows ? longsOf(rows) : iota(count(t)), a: 0 } as Vec;
    else {
      const dot = name.indexOf('.');
      if (dot <= 0) return undefined;
      const base = col(name.slice(0, dot));
      if (!base) return undefined;
      // a link into a partitioned table is followed only from a partitioned table, where each partition
      // links its own rows (kb/linking-columns: 'par since 4.1t 2022.04.15)
      if (base.t === T.Enum && !partedQuery && partedTables().has((base as Vec).dom!)) throw new QError('par');
      c = navigate(base, name.slice(dot + 1));
    }
    cache.set(name, c);
    return c;
  };
  const saved = scope.cols;
  scope.cols = col;
  try { return f(); } finally { scope.cols = saved; }
}

/** What kdb+ refuses of a table \l mapped: update and delete of a partitioned one (it stays on disk),
 *  'par; deleting a column of a splayed one (its schema), 'splay (kb/splayed-tables). */
function refuseOnDisk(kind: string, deletesCols: boolean, t: Q): void {
  if ((kind === 'update' || kind === 'delete') && isParted(t)) throw new QError('par');
  if (kind === 'delete' && deletesCols && isSplayed(t)) throw new QError('splay');
}

/** col.part: a column of the table a foreign key points at, or a temporal part. */
function navigate(c: Q, part: string): Q {
  // a chain of foreign keys: s.eid.currency follows s, then eid (basics/joins)
  const dot = part.indexOf('.');
  if (dot > 0) { const r = followKey(c, part.slice(0, dot)); if (r) return navigate(r, part.slice(dot + 1)); }
  const r = followKey(c, part) ?? temporalPart(c, part);
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
/** Row positions as longs counted from the start of each one's partition (rows ascending, as kept). */
function partRows(rows: Rows, parts: Int32Array): BigInt64Array {
  const r = longsOf(rows), h = new Int32Array(r.buffer, r.byteOffset, 2 * rows.length);
  let p = 0;
  for (let k = 0; k < rows.length; k++) {
    while (p + 1 < parts.length && parts[p + 1] <= rows[k]) p++;
    h[2 * k] = rows[k] - parts[p];
  }
  return r;
}
/** Row positions as longs: written as 32-bit halves (positions are never negative), not a BigInt each. */
function longsOf(rows: Rows): BigInt64Array {
  const n = rows.length, r = fresh(BigInt64Array, n), h = new Int32Array(r.buffer, r.byteOffset, 2 * n);
  for (let k = 0; k < n; k++) { h[2 * k] = rows[k]; h[2 * k + 1] = 0; }
  return r;
}
const rowVec = (rows: Rows): Q => ({ t: T.Int, d: rows instanceof Int32Array ? rows : Int32Array.from(rows), a: 0 } as Q);
const subset = (t: Table, rows: Rows | null): Table => rows ? table(t.c, t.d.map(c => rangeView(c, rows) ?? index(c, rowVec(rows)))) : t;
/** Row positions that are one contiguous run [a, b) (a sorted column's within), by the array holding them. */
const runs = new WeakMap<object, [number, number]>();
/** The items of a vector at a contiguous run of rows, as a view sharing its memory (vectors are never
 *  changed in place: amends copy), so a sorted range costs no gather; null when rows are not a run. */
function rangeView(c: Q, rows: Rows): Q | null {
  const r = runs.get(rows as object);
  if (!r || c.t <= 0 || c.t > T.Enum) return null;
  const v = c as Vec, [a, b] = r, w = v.t === T.Guid ? 16 : 1, d = v.d.subarray(a * w, b * w);
  // the view holds the vector's own array: its block goes back to the heap only when that array is
  // collected (heap.ts), which must not happen while a view still reads the block
  Object.defineProperty(d, 'owner', { value: v.d });
  return { ...v, d } as Vec;
}

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

/** The column a selection kernel tested, at the rows it kept: what the query's columns read next. */
let seed: { rows: Rows; col: string; v: Q } | null = null;

/** Rows kept by the where clauses, applied one after the other. */
function filter(t: Table, where: Expr[], tests?: (Simple | null)[]): Rows | null {
  let rows: Rows | null = null;
  seed = null;
  for (let j = 0; j < where.length; j++) {
    const w = where[j], simple = tests?.[j];
    const range: Rows | null = !rows && simple?.op === 'within' ? sortedRange(t, simple) : null;
    if (range) { rows = range; continue; }
    // the last clause's column comes out at the rows kept: the query's columns read it next
    const fused: Int32Array | null = simple ? selectRows(t, rows, simple, j === where.length - 1) : null;
    if (fused) { rows = fused; continue; }
    const r: Q = withCols(t, rows, w);
    if (r.t === -T.Bool) { if (!(r as Atom).v) rows = []; continue; }
    if (r.t === T.Bool) {
      const d = (r as Vec).d as Uint8Array;
      if (d.length !== (rows ? rows.length : count(t))) throw new QError('length');
      // positions of the true items by the kernel, mapped through the rows so far
      const at = kernels.where(d);
      if (at) { rows = rows ? kernels.gather(T.Int, rows instanceof Int32Array ? rows : Int32Array.from(rows), at) as Int32Array ?? Int32Array.from(at, k => rows![k]) : at; continue; }
      const cur: Rows = rows ?? rangeOf(0, count(t));
      let m = 0;
      for (let k = 0; k < d.length; k++) m += d[k];
      const next = fresh(Int32Array, m);
      for (let k = 0, j = 0; k < d.length; k++) if (d[k]) next[j++] = cur[k];
      rows = next;
      continue;
    }
    // once no rows are left a constraint may give () (each over nothing): still no rows
    if (r.t === T.List && !count(r) && !(rows ? rows.length : count(t))) { rows = []; continue; }
    if (r.t === T.Long || r.t === T.Int) { const cur: Rows = rows ?? rangeOf(0, count(t)), p: ArrayLike<number> = positions(r)!; rows = Int32Array.from(p, (k: number) => cur[k]); continue; }
    throw new QError('type');
  }
  return rows;
}

/** The rows a clause `col op literal` keeps of those kept so far, straight from a kernel that tests the
 *  column where it lives (no boolean vector, no gather of the column first); null when no kernel serves
 *  the column's type and the literal's, and the clause then runs as any other. */
function selectRows(t: Table, rows: Rows | null, w: Simple, last: boolean): Int32Array | null {
  const j = t.c.indexOf(w.col);
  if (j < 0) return null;
  const c = t.d[j] as Vec;
  let test: kernels.Test | null = null;
  if (w.op === 'within') { const b = withinBounds(c.t, w.lim); if (b) test = { lo: b[0], hi: b[1] }; }
  else {
    const op = CMP.indexOf(w.op);
    const sym = (c.t === T.Sym || c.t === T.Enum) && op < 2 && w.lim.t === -T.Sym;
    const s = sym ? symKey(c, w.lim as Atom) : c.t === T.Sym || c.t === T.Enum ? null : scalarKey(c.t, w.lim);
    if (s !== null) test = { s, op };
  }
  if (!test) return null;
  const run = rows && runs.get(rows as object);
  const vals = last && c.t === T.Float;
  const r = !rows ? kernels.select(c.t, c.d, null, 0, count(t), test, vals)
    : run ? kernels.select(c.t, c.d, null, run[0], run[1] - run[0], test, vals)
    : rows instanceof Int32Array ? kernels.select(c.t, c.d, rows, 0, rows.length, test, vals) : null;
  if (!r) return null;
  if (r.vals) seed = { rows: r.rows, col: w.col, v: { t: T.Float, d: r.vals, a: 0 } as Vec };
  return r.rows;
}

const RANGED = new Set<number>([T.Long, T.Float, T.Int, T.Month, T.Date, T.Minute, T.Second, T.Time, T.Timestamp, T.Timespan]);
/** The rows of `col within (lo;hi)` when col is marked sorted and lo, hi are of its type: [first at or
 *  above lo, last at or below hi], found by binary search (q's order: nulls first). Null otherwise. */
function sortedRange(t: Table, w: Simple): Rows | null {
  const j = t.c.indexOf(w.col);
  if (j < 0) return null;
  const c = t.d[j] as Vec, lim = w.lim as Vec;
  if (c.a !== Attr.S || lim.t !== c.t || count(lim) !== 2 || !RANGED.has(c.t)) return null;
  // binr: the first item at or above lo; bin: the last at or below hi (q's order, nulls first)
  const first = Number((binr(c, item(lim, 0)) as Atom).v), last = Number((bin(c, item(lim, 1)) as Atom).v) + 1;
  const end = Math.max(first, last), rows = rangeOf(first, end);
  runs.set(rows, [first, end]);
  return rows;
}

/** Group the rows by the by-expressions' values; groups in ascending key order. */
function groups(t: Table, rows: Rows | null, by: Cols): { keys: Q[]; members: Rows[] } {
  const keyCols = by.map(([, e]) => withCols(t, rows, e));
  const all: Rows = rows ?? rangeOf(0, count(t));
  const n = all.length;
  for (const k of keyCols) if (k.t >= 0 && count(k) !== n) throw new QError('length');
  const g = groupRows(keyCols.map(c => c.t < 0 ? fromItems(new Array(n).fill(c)) : c), n);
  // positions within the selected rows, as rows of the table (the same when all rows are selected)
  const members = rows ? g.members.map(m => { const r = fresh(Int32Array, m.length); for (let i = 0; i < m.length; i++) r[i] = all[m[i]]; return r; }) : g.members;
  const keys = keyCols.map(c => c.t < 0 ? fromItems(g.firsts.map(() => c)) : index(c, rowVec(g.firsts)));
  const order = keyOrder(keys);
  const o = rowVec(order), ordered = new Array<Rows>(order.length);
  for (let i = 0; i < order.length; i++) ordered[i] = members[order[i]];
  return { keys: keys.map(k => index(k, o)), members: ordered };
}

/** Whether groupagg.ts computes aggregate op at any size, of a column of type t (left out: of some type). */
function loops(op: string, t?: number): boolean {
  if (op === 'count' || op === 'first' || op === 'last') return true;
  if (op !== 'sum' && op !== 'avg' && op !== 'min' && op !== 'max') return false;
  return t === undefined || t === T.Float || t === T.Long || op === 'avg' && (t === T.Int || t === T.Short);
}
/** select aggregates by keys, where every column is an aggregate the kernels compute from group ids in
 *  one pass (no per-group gathering), or null to take the general path. Same results: sums run in row
 *  order within each group, nulls skipped as q's aggregates skip them. */
function groupedAggs(t: Table, rows: Rows | null, q: Query): Q | null {
  if (!q.aggs || q.aggs.some(a => !a)) return null;
  const n = rows ? rows.length : count(t);
  // (under kernels.SMALL rows, the aggregates groupagg.ts also loops over in TypeScript, on the column
  // types it takes; a grouping pass for another would be thrown away)
  const small = n < kernels.SMALL;
  if (small && !q.aggs.every(a => loops(a!.op))) return null;
  const keyCols = q.by!.map(([, e]) => withCols(t, rows, e));
  if (keyCols.some(k => k.t <= 0 || k.t > T.Enum || count(k) !== n)) return null;
  const args = q.aggs.map(a => a!.args.map(e => withCols(t, rows, e)));
  if (args.some(xs => xs.some(x => x.t <= 0 || x.t > T.Enum || count(x) !== n))) return null;
  if (small && !q.aggs.every((a, j) => loops(a!.op, args[j][0]?.t ?? 0))) return null;
  // count i by k, d where d is sorted (s#, as a partitioned or date-sorted table's date is): k's values
  // counted within each run of equal d, whose bounds binary searches find; no group ids, no pass over d
  if (keyCols.length === 2 && q.aggs.every(a => a!.op === 'count')) {
    const js = (keyCols[1] as Vec).a === Attr.S ? 1 : (keyCols[0] as Vec).a === Attr.S ? 0 : -1;
    const sd = js >= 0 && keyCols[js] as Vec, kd = js >= 0 && keyCols[1 - js] as Vec;
    const r = sd && kd && sd.d instanceof Int32Array && kd.d instanceof Int32Array ? kernels.runCounts(sd.d, kd.d, n) : null;
    if (r) {
      const sv: number[] = [], kv: number[] = [], c: number[] = [];
      for (let run = 0; run + 1 < r.starts.length; run++) for (let v = 0; v < r.span; v++) {
        const m = r.counts[run * r.span + v];
        if (m) { sv.push((sd as Vec).d[r.starts[run]] as number); kv.push(r.lo + v); c.push(m); }
      }
      const keyed: Q[] = [];
      keyed[js] = { ...(sd as Vec), d: Int32Array.from(sv), a: 0 } as Vec;
      keyed[1 - js] = { ...(kd as Vec), d: Int32Array.from(kv), a: 0 } as Vec;
      return groupedResult(q, keyed, q.aggs.map(() => longVec(c)));
    }
  }
  // one key whose values can be the group ids themselves (an enumeration): no grouping pass; each id
  // that has rows is a group, and its id is its key value
  const key = keyCols.length === 1 && keyCols[0].t > 0 ? keyCols[0] as Vec : null;
  const ids = key && key.d instanceof Int32Array && !q.aggs.some(a => a!.op === 'first' || a!.op === 'last') ? kernels.directIds(key.d, n) : 0;
  let gid: Int32Array, firsts: ArrayLike<number> = [], ng: number, counts: ArrayLike<number> | null | undefined;
  if (ids) { gid = key!.d as Int32Array; ng = ids; }
  else ({ gid, firsts, ng, counts } = groupIds(keyCols, n));
  let vals: Q[] = [];
  let lasts: Int32Array | null = null;
  for (let j = 0; j < q.aggs.length; j++) {
    const { op } = q.aggs[j]!, [x0, y] = args[j] as Vec[];
    // (avg, med and the variances of an integer column are floats in kdb+ too: the column as floats, its
    // nulls 0n, takes the float kernels, where it went group by group: avg a by b over 17,576 groups of a
    // million longs took 40 ms against sum's 4)
    const x = (op === 'avg' || op === 'med' || op === 'var' || op === 'svar' || op === 'dev' || op === 'sdev') && (x0.t === T.Long || x0.t === T.Int || x0.t === T.Short) ? castTo(T.Float, x0) as Vec : x0;
    let v: Q | null = null;
    // count: from the grouping pass when it counted, else one pass over the group ids
    if (op === 'count') v = longVec(counts ??= groupagg.gcount(gid, ng));
    else if (op === 'first') v = index(x, rowVec(firsts));
    else if (op === 'last') v = index(x, rowVec(lasts ??= groupagg.glast(gid, ng)));
    else if ((op === 'sum' || op === 'avg') && x.t === T.Float) {
      // (the rows of each id, when the grouping pass did not count them, in the same pass)
      const r = groupagg.gsumcount(x.d as Float64Array, gid, ng, !counts);
      if (r.rows) counts = r.rows;
      v = { t: T.Float, d: op === 'sum' ? r.sum : r.sum.map((s, g) => s / r.cnt[g]), a: 0 } as Vec;
    } else if (op === 'sum' && x.t === T.Long) { v = { t: T.Long, d: groupagg.gsumLong(x.d as BigInt64Array, gid, ng), a: 0 } as Vec; }
    else if ((op === 'min' || op === 'max') && x.t === T.Float) { const r = groupagg.gminmax(x.d as Float64Array, gid, ng); v = { t: T.Float, d: op === 'min' ? r.min : r.max, a: 0 } as Vec; }
    else if ((op === 'min' || op === 'max') && x.t === T.Long) { const r = groupagg.gminmaxLong(x.d as BigInt64Array, gid, ng); v = { t: T.Long, d: op === 'min' ? r.min : r.max, a: 0 } as Vec; }
    else if ((op === 'var' || op === 'svar' || op === 'dev' || op === 'sdev') && x.t === T.Float) {
      const r = kernels.gvariance(x.d as Float64Array, gid, ng);
      v = r && { t: T.Float, d: r.v.map((q, g) => { const c = r.cnt[g], s = op[0] === 's' ? q * c / (c - 1) : q; return op.endsWith('dev') ? Math.sqrt(s) : s; }), a: 0 } as Vec;
    } else if (op === 'med' && x.t === T.Float) { const r = kernels.gmed(x.d as Float64Array, gid, ng); v = r && { t: T.Float, d: r, a: 0 } as Vec; }
    else if ((op === 'wavg' || op === 'wsum') && (x.t === T.Float || x.t === T.Long) && (y.t === T.Float || y.t === T.Long)) {
      const r = kernels.gwavg(x.d as Float64Array | BigInt64Array, y.d as Float64Array | BigInt64Array, gid, ng);
      v = r && { t: T.Float, d: op === 'wsum' ? r.num : r.num.map((s, g) => s / r.den[g]), a: 0 } as Vec;
    }
    if (!v) return null;
    vals.push(v);
  }
  let keyVals: Q[];
  if (gid === key?.d) {
    const c = counts ??= groupagg.gcount(gid, ng), had: number[] = [];
    for (let g = 0; g < ng; g++) if (c[g]) had.push(g);
    keyVals = [{ ...key, d: Int32Array.from(had), a: 0 } as Vec];
    vals = vals.map(v => index(v, rowVec(had)));
    ng = had.length;
  } else keyVals = keyCols.map(c => index(c, rowVec(firsts)));
  return groupedResult(q, keyVals, vals);
}
/** A query column's value that stands in every row: an atom, or a function or :: as one (select last f,a
 *  from an empty table; update g:{x} from t). */
const atomLike = (v: Q): boolean => v.t < 0 || v.t >= T.Lambda;
/** The empty column of an aggregate's result over no rows: of its atom's type, else a general list. */
function emptyOf(v: Q): Q { return v.t < 0 && v.t >= -T.Enum && v.t !== -T.Enum ? empty(-v.t) : list([]); }

/** The keyed table of a grouped select: groups in ascending key order (enumerations by their symbols), as
 *  the general path orders them. */
function groupedResult(q: Query, keyVals: Q[], vals: Q[]): Q {
  const o = rowVec(keyOrder(keyVals)), byNames = dedupe(q.by!.map(b => b[0]));
  return sortedKeys(byNames, keyVals.map(k => index(k, o)), table(dedupe(q.cols!.map(c => c[0]), byNames), vals.map(v => index(v, o))));
}
/** A grouped select's keys are in ascending order, and of one column kdb+ marks them so: s# on the key
 *  column and on the keyed table ((`s#+(,`color)!,`s#`blue`green`red)!… in basics/qsql, kb/versions).
 *  (The dictionary made whole, not copied with the marks: a copy by spread cost a microsecond.) */
function sortedKeys(names: string[], keys: Q[], vals: Table): Q {
  const c = keys.length === 1 ? sortedKey(keys[0]) : null;
  return c && c !== keys[0] ? { t: T.Dict, k: table(names, [c]), v: vals, a: 1 } as Dict : dict(table(names, keys), vals);
}
/** The one key column of a grouped result, marked s# when it is a vector that can carry it. */
function sortedKey(c: Q): Q {
  return c.t > 0 && c.t < T.Enum && c.t !== T.Guid && count(c) ? { ...(c as Vec), a: 1 } as Vec : c;
}

export function runQuery(q: Query): Q {
  const byName = q.from.t === -T.Sym ? (q.from as Atom).v as string : null;
  // (a functional query over a partitioned table, by value or by name)
  q.parted ??= q.from.t === T.Table && isParted(q.from) || byName !== null && partedTables().has(byName);
  // delete x from `. removes globals; delete k from d removes a dictionary's keys
  if (q.kind === 'delete' && q.delCols && (byName === '.' || byName === '')) {
    for (const c of q.delCols) deleteGlobal(c);
    return q.from;
  }
  // and delete x from `.ns a namespace's (KX unit-test's unmock)
  if (q.kind === 'delete' && q.delCols && byName && byName[0] === '.' && lookup(byName) === undefined && namespace(byName)) {
    for (const c of q.delCols) deleteMember(byName, c);
    return q.from;
  }
  // a table on disk by name (`:path/to/t): read, and for update and delete written back (basics/qsql)
  const onDisk = byName && byName[0] === ':' ? named(q.from) : null;
  const put = (r: Q) => { if (onDisk) onDisk.put(r); else setGlobal(byName!, r); };
  const src = onDisk ? onDisk.v : byName ? getGlobal(byName) : q.from;
  refuseOnDisk(q.kind, !!q.delCols, src);
  if (q.kind === 'delete' && q.delCols && src.t === T.Dict && (src as Dict).k.t !== T.Table) {
    const d = src as Dict, ks = items(d.k), keep = ks.map((k, i) => q.delCols!.includes(k.t === -T.Sym ? (k as Atom).v : '') ? -1 : i).filter(i => i >= 0);
    const r = dict(index(d.k, longVec(keep)), index(d.v, longVec(keep)));
    if (byName) { put(r); return q.from; }
    return r;
  }
  // (an update or delete by name amends the global: what computes its new value may change no global)
  const amends = !!byName && (q.kind === 'update' || q.kind === 'delete');
  if (amends) env.amending++;
  let result: Q;
  try { result = answer(src, q); } finally { if (amends) env.amending--; }
  if (amends) { put(result); return q.from; }
  return result;
}
/** A query's answer from its source's value. */
function answer(src: Q, q: Query): Q {
  if (src.t === T.Dict && (src as Dict).k.t === T.Sym) return dictQuery(src as Dict, q);
  const { t, keys } = asTable(src);
  const wasParted = partedQuery, wasParts = partStarts;
  partedQuery = !!q.parted;
  try {
    const rows = q.parts ? filterParts(t, q, q.parts) : filter(t, q.where, q.tests);
    partStarts = q.parts ?? null;
    switch (q.kind) {
      case 'select': return select(t, keys, rows, q);
      case 'exec': return exec(t, rows, q);
      case 'update': return rekey(update(t, rows, q), keys);
      case 'delete': return rekey(del(t, rows, q), keys);
    }
  } finally { seed = null; partStarts = wasParts; partedQuery = wasParted; }
}

/**
 * A query of a dictionary with symbol keys (qsql: "a table or dictionary"): its keys are the columns and
 * its values what they name, so `exec sum x from d` sums x's value; the answer is a dictionary again
 * (exec of one unnamed column: the value itself). A by clause is 'type, as in kdb+ since 4.1
 * (ref/update), where 4.0 ignored it.
 */
function dictQuery(d: Dict, q: Query): Q {
  if (q.by) throw new QError('type');
  const ks = items(d.k).map(k => (k as Atom).v as string), vs = items(d.v);
  // with a where phrase, a dictionary of columns of one length is queried as the table it flips to, and an
  // update or delete of it gives a dictionary back (kdb-taq's taq.k: update … where on a flipped table)
  if (q.where.length) {
    if (!vs.length || vs.some(v => v.t < 0 || v.t >= T.Table || count(v) !== count(vs[0]))) throw new QError('type');
    const r = runQuery({ ...q, from: table(ks, vs) });
    return (q.kind === 'update' || q.kind === 'delete') && r.t === T.Table ? dict(symVec((r as Table).c), list((r as Table).d)) : r;
  }
  const saved = scope.cols;
  scope.cols = name => { const j = ks.indexOf(name); return j >= 0 ? vs[j] : undefined; };
  try {
    if (!q.cols) return q.kind === 'delete' ? dict(symVec([]), list([])) : d;
    const names = q.cols.map(c => c[0]), vals = q.cols.map(([, e]) => e());
    switch (q.kind) {
      case 'exec': if (vals.length === 1 && !q.colsNamed) return vals[0];
      // fall through: named or several columns give a dictionary
      case 'select': return dict(symVec(names), fromItems(vals));
      default: {
        const k2 = [...ks], v2 = [...vs];
        names.forEach((n, i) => { const j = k2.indexOf(n); if (j >= 0) v2[j] = vals[i]; else { k2.push(n); v2.push(vals[i]); } });
        return dict(symVec(k2), fromItems(v2));
      }
    }
  } finally { scope.cols = saved; }
}

function select(t: Table, keys: string[], rows: Rows | null, q: Query): Q {
  let r: Q | null;
  if (q.by && q.by.length && q.cols && (r = groupedAggs(t, rows, q))) { /* one pass per aggregate */ }
  else if (q.by && q.by.length) {
    const g = groups(t, rows, q.by);
    const byNames = dedupe(q.by.map(b => b[0]));
    let vnames: string[], vcols: Q[];
    if (q.cols) {
      vnames = dedupe(q.cols.map(c => c[0]), byNames);
      // no groups: a column still has the type an aggregate gives over no rows (sum b: 0#0f), as kdb+'s has
      vcols = q.cols.map(([, e]) => g.members.length ? fromItems(g.members.map(m => withCols(t, m, e))) : emptyOf(withCols(t, [], e)));
    } else {
      // select by k from t: the last row of each group
      const rest = t.c.filter(c => !byNames.includes(c));
      vnames = rest;
      vcols = rest.map(c => fromItems(g.members.map(m => item(t.d[t.c.indexOf(c)], m[m.length - 1]))));
    }
    r = sortedKeys(byNames, g.keys, table(vnames, vcols));
  } else if (q.cols) {
    const names = dedupe(q.cols.map(c => c[0]));
    const vals = q.cols.map(([, e]) => withCols(t, rows, e));
    let n = -1;
    // (a table is a list of its rows, and must be as long as the others; a dictionary is no column)
    for (const v of vals) {
      if (v.t === T.Dict) throw new QError('type');
      if (v.t >= 0 && v.t <= T.Table) { const m = count(v); if (n >= 0 && m !== n) throw new QError('length'); n = m; }
    }
    r = table(names, vals.map(v => n < 0 ? enlist(v) : atomLike(v) ? fromItems(new Array(n).fill(v)) : v));
  } else {
    r = subset(t, rows);
    if (keys.length) r = rekey(r as Table, keys);
  }
  if (q.distinct) r = distinct(r);
  if (q.sort) {
    const tt = r.t === T.Table ? r as Table : unkey(r as Dict);
    const by = q.sort.col;
    let on: Q;
    if (typeof by === 'string') {
      const j = tt.c.indexOf(by);
      if (j < 0) throw new QError(by);
      on = tt.d[j];
    } else on = withCols(tt, null, by);
    // select[k;>c]: only the first k (or s+k, for [s;k]) of the order are needed
    const g = q.sort.g, name = g.t === T.Unary ? (g as Prim).name : '';
    const lim = q.limit, first = !lim ? null : lim.t === -T.Long || lim.t === -T.Int ? Number((lim as Atom).v) : lim.t === T.Long && count(lim) === 2 ? items(lim).reduce((a, x) => a + Number((x as Atom).v), 0) : null;
    const top = first !== null && first >= 0 && on.t > 0 && on.t < T.Table && (name === 'iasc' || name === 'idesc') ? topGrade(on, first, name === 'idesc') : null;
    // (and of a full grade, only the rows the limit can keep are gathered: select[5;>a] took every row)
    let at = top ? longVec(top) : apply1(g, on);
    if (!top && first !== null && first >= 0 && (at.t === T.Long || at.t === T.Int) && first < count(at)) at = sliceQ(at, 0, first);
    r = rowsAt(r, at);
  }
  if (q.limit) {
    const n = count(r);
    if (q.limit.t < 0) { const k = Number((q.limit as Atom).v); r = rowsAt(r, longVec(k >= 0 ? rangeOf(0, Math.min(k, n)) : rangeOf(Math.max(0, n + k), n))); }
    else { const [s, k] = items(q.limit).map(x => Number((x as Atom).v)); r = rowsAt(r, longVec(rangeOf(Math.min(s, n), Math.min(s + k, n)))); }
  }
  return r;
}
/** Rows of a table or a keyed table by position (a keyed table indexed is looked up by key instead). */
const rowsAt = (r: Q, at: Q): Q => r.t === T.Dict ? dict(index((r as Dict).k, at), index((r as Dict).v, at)) : index(r, at);
/** Positions a, a+1, … b-1 (in vector memory when long enough: a fresh JavaScript array of them costs
 *  more in page faults than the query around it). */
const rangeOf = (a: number, b: number): Int32Array => {
  const n = Math.max(0, b - a), k = kernels.iota32(a, n);
  if (k) return k;
  const r = fresh(Int32Array, n); for (let i = 0; i < n; i++) r[i] = a + i; return r;
};

function exec(t: Table, rows: Rows | null, q: Query): Q {
  const single = !!q.cols && q.cols.length === 1 && !q.colsNamed;
  const names = q.cols ? dedupe(q.cols.map(c => c[0])) : [];
  if (q.by && q.by.length && q.byKey !== 'none') {
    // aggregates: one pass each, as select … by does, its keyed table taken apart
    const agg = q.cols ? groupedAggs(t, rows, q) as Dict | null : null;
    if (agg) {
      const kt = agg.k as Table, vt = agg.v as Table;
      return dict(q.byKey === 'value' ? kt.d[0] : kt, single ? vt.d[0] : table(names, vt.d));
    }
    const g = groups(t, rows, q.by);
    // (one key column is s#, as the one-pass aggregates above and select … by leave it)
    const keys = g.keys.length === 1 ? [sortedKey(g.keys[0])] : g.keys;
    const key = q.byKey === 'value' ? keys[0] : table(dedupe(q.by.map(b => b[0])), keys);
    // no columns: the last record of each group
    if (!q.cols) return dict(key, index(t, rowVec(g.members.map(m => m[m.length - 1]))));
    // (no groups: each column still evaluated over no rows, as select … by's is: a column the table
    // lacks is an error, and the empty result has the type its aggregate gives)
    const column = (e: Expr) => g.members.length ? fromItems(g.members.map(m => withCols(t, m, e))) : emptyOf(withCols(t, [], e));
    if (single) return dict(key, column(q.cols[0][1]));
    return dict(key, table(names, q.cols.map(([, e]) => column(e))));
  }
  const all = () => rows ?? rangeOf(0, count(t));
  // no columns: the last record, as a dictionary
  if (!q.cols) { const r = all(); return r.length ? item(t, r[r.length - 1]) : nullItem(t); }
  const vals = q.cols.map(([, e]) => withCols(t, rows, e));
  // by a list of column names (functional form): one group, keyed by the empty symbol
  if (q.by && q.by.length) {
    if (single) return dict(symVec(['']), list([vals[0]]));
    // several columns: the empty symbol keys a one-row table of them (basics/funsql "Group by columns")
    return dict(symVec(['']), table(names, vals.map(v => enlist(v))));
  }
  if (single) return vals[0];
  const v = fromItems(vals);
  return dict(symVec(names), v.t === T.List || vals.some(x => x.t >= 0) ? list(vals) : v);
}

function update(t: Table, rows: Rows | null, q: Query): Table {
  // update from t names no column to change: t as it is (its functional form, ![t;();0b;()], does so)
  if (!q.cols) return t;
  const n = count(t);
  const names = [...t.c], data = [...t.d];
  const put = (name: string, rowsOf: Rows | null, v: Q) => {
    const j = names.indexOf(name);
    const m = rowsOf ? rowsOf.length : n;
    // (an atom for no rows is an empty vector of its type: a new column is then its nulls)
    const val = atomLike(v) ? m ? fromItems(new Array(m).fill(v)) : emptyOf(v) : v;
    if (count(val) !== m) throw new QError('length');
    if (!rowsOf) { if (j >= 0) data[j] = val; else { names.push(name); data.push(val); } return; }
    let base = j >= 0 ? data[j] : fromItems(new Array(n).fill(nullItem(val)));
    // (some rows of a column take values of its type, as amend does: ref/update's "new values must have
    // the type of the column being amended"; ints and longs convert as they do where amend stores them)
    const fit = base.t > 0 && val.t > 0 && base.t !== val.t ? intLong(val, base.t) : val;
    // (symbols into an enumerated column are left to amend, which decides what they are there)
    if (base.t > 0 && fit.t > 0 && base.t !== fit.t && !(base.t === T.Enum && fit.t === T.Sym)) throw new QError('type');
    const updated = amend(base, [rowVec(rowsOf)], null, fit);
    if (j >= 0) data[j] = updated; else { names.push(name); data.push(updated); }
  };
  if (q.by && q.by.length) {
    const g = groups(t, rows, q.by);
    // the rows in group order, and where each row sits in that order
    let total = 0;
    for (const m of g.members) total += m.length;
    const order = fresh(Int32Array, total);
    { let k = 0; for (const m of g.members) { order.set(m, k); k += m.length; } }
    const full = !rows && total === n;
    let at: Int32Array | null = null;
    for (const [name, e] of q.cols) {
      // no groups: the column has the type its expression gives over no rows, as select … by's has
      if (!g.members.length) { const v = withCols(t, [], e); put(name, full ? null : order, atomLike(v) ? emptyOf(v) : sliceQ(v, 0, 0)); continue; }
      // each group's result goes back to that group's rows (an atom fills its group)
      const rs = g.members.map(m => withCols(t, m, e));
      // every row updated with an atom of one basic type a group (update s:sum a by b): each atom written to
      // its group's rows, with no vector made of it
      const filled = full ? fillGroups(n, g.members, rs) : null;
      if (filled) { put(name, null, filled); continue; }
      const vals = rs.map((v, i) => {
        const m = g.members[i];
        // (filled by take: an atom an item was most of update … by's time for a few large groups)
        if (v.t < 0) return take({ t: -T.Long, v: BigInt(m.length) } as Q, v);
        if (count(v) !== m.length) throw new QError('length');
        return v;
      });
      // every row has its group's result: each written straight to its rows (one pass), else the results
      // in group order put back through where each row sits in that order
      const whole = full ? scatterGroups(n, g.members, vals) : null;
      if (whole) { put(name, null, whole); continue; }
      if (full && !at) { at = fresh(Int32Array, n); for (let k = 0; k < n; k++) at[order[k]] = k; }
      const flat = razeVals(vals);
      put(name, full ? null : order, at ? index(flat, rowVec(at)) : flat);
    }
  } else {
    const vals = q.cols.map(([name, e]) => [name, withCols(t, rows, e)] as const);
    for (const [name, v] of vals) put(name, rows, v);
  }
  return table(names, data);
}
/** n items made from one atom a group written to the group's rows (which cover all n), when the atoms
 *  share a basic type; else null. Longs as their halves, symbols as their ids. */
function fillGroups(n: number, members: Rows[], atoms: Q[]): Vec | null {
  const t = atoms.length ? -atoms[0].t : 0;
  if (!(t > 0 && t < T.Enum && t !== T.Guid) || atoms.some(a => a.t !== -t)) return null;
  const out = allocRaw(t, n);
  if (out instanceof BigInt64Array) {
    const w = halves(out);
    for (let g = 0; g < members.length; g++) {
      const m = members[g], [lo, hi] = splitLong((atoms[g] as Atom).v as bigint);
      for (let j = 0; j < m.length; j++) { w[2 * m[j]] = lo; w[2 * m[j] + 1] = hi; }
    }
  } else for (let g = 0; g < members.length; g++) {
    const m = members[g], a = (atoms[g] as Atom).v, v = t === T.Sym ? intern(a as string) : a as number;
    for (let j = 0; j < m.length; j++) (out as Exclude<Items, BigInt64Array>)[m[j]] = v;
  }
  return { t, d: out, a: 0 } as Vec;
}
/** n items made from each group's results written to that group's rows, when they are vectors of one
 *  basic type (items copied as raw words, so that no long becomes a BigInt on the way); else null. */
function scatterGroups(n: number, members: Rows[], vals: Q[]): Vec | null {
  const t = vals.length ? vals[0].t : 0;
  if (!(t > 0 && t < T.Enum) || vals.some(v => v.t !== t)) return null;
  const w = t === T.Guid ? 16 : WIDTH[t], out = allocRaw(t, n);
  // in words of 4 bytes (2 or 4 to an item), of 2 bytes or of 1
  const unit = w >= 4 ? 4 : w, per = w / unit;
  const o = words(out, unit);
  for (let g = 0; g < members.length; g++) {
    const m = members[g];
    if (m instanceof Int32Array && kernels.scatter(t, (vals[g] as Vec).d, m, out)) continue;
    const s = words((vals[g] as Vec).d, unit);
    if (per === 1) for (let j = 0; j < m.length; j++) o[m[j]] = s[j];
    else if (per === 2) for (let j = 0; j < m.length; j++) { const a = 2 * m[j], b = 2 * j; o[a] = s[b]; o[a + 1] = s[b + 1]; }
    else for (let j = 0; j < m.length; j++) for (let k = 0; k < per; k++) o[per * m[j] + k] = s[per * j + k];
  }
  return { t, d: out, a: 0 } as Vec;
}
/** The groups in the order of their keys (enumerations by their symbols), as iasc orders the rows of
 *  a table of them: a radix grade a column at a time for a large one. */
const keyOrder = (keys: Q[]): ArrayLike<number> => grade(table(keys.map((_, i) => 'k' + i), keys));

/** Group results joined into one list: one vector when they share a type. */
function razeVals(vals: Q[]): Q {
  const t0 = vals.length ? vals[0].t : 0;
  if (t0 > 0 && t0 < 20 && t0 !== T.Guid && vals.every(v => v.t === t0)) return { t: t0, d: concat(t0, vals.map(v => (v as Vec).d)), a: 0 } as Vec;
  const flat: Q[] = [];
  for (const v of vals) for (const x of items(v)) flat.push(x);
  return fromItems(flat);
}

function del(t: Table, rows: Rows | null, q: Query): Table {
  if (q.delCols) {
    // (a column t lacks is no error: nothing to delete, as a config reader's delete of a column its own
    // select had not kept counts on)
    const keep = t.c.map((c, i) => [c, i] as const).filter(([c]) => !q.delCols!.includes(c));
    return table(keep.map(([c]) => c), keep.map(([, i]) => t.d[i]));
  }
  if (!rows) return table(t.c, t.d.map(c => index(c, longVec([]))));
  // the rows kept: a mask of those the where clause did not pick, its positions by the kernel
  const n = count(t), keep = new Uint8Array(n).fill(1);
  for (let i = 0; i < rows.length; i++) keep[rows[i]] = 0;
  let at = kernels.where(keep);
  if (!at) { const r: number[] = []; for (let i = 0; i < n; i++) if (keep[i]) r.push(i); at = Int32Array.from(r); }
  return subset(t, at);
}
export { NIL, isNil, list, symName };

// The functional forms ?[t;c;b;a] (select, exec; rank 5 and 6 limit and sort) and ![t;c;b;a] (update,
// delete), run by the qSQL engine with parse trees as clauses.
import { T } from '../value/types.js';
import { Q, Atom, Dict, List, Vec, count, items, isNil } from '../value/value.js';
import { QError } from '../value/error.js';
import { runQuery, Query } from './sql.js';
import { evalTree } from './parsetree.js';

type Cols = [string, () => Q][];
const tree = (x: Q) => () => evalTree(x);
const isEmptyList = (x: Q) => x.t === T.List && count(x) === 0;
/** The where phrase: a list of parse trees (one tree alone counts as one constraint). */
function wheres(c: Q): (() => Q)[] {
  if (isNil(c) || isEmptyList(c)) return [];
  if (c.t !== T.List) throw new QError('type');
  return (c as List).d.map(tree);
}
function named(d: Dict): Cols {
  const ks = items(d.k), vs = items(d.v);
  return ks.map((k, i) => [(k as Atom).v as string, tree(vs[i])]);
}
const colNames = (x: Q): string[] => x.t === -T.Sym ? [(x as Atom).v] : items(x).map(a => (a as Atom).v);

export function fselect(a: Q[]): Q {
  const [t, c, b, sel] = a;
  const q: Query = { kind: 'select', from: t, where: wheres(c), by: null, cols: null };
  const colsOf = () => {
    // (no columns named, ()!() as well as (), is every column: kxcontrib's pnl.q filters with
    // ?[t;c;0b;()!()])
    if (sel.t === T.Dict && count(sel)) { q.cols = named(sel as Dict); q.colsNamed = true; }
    else if (sel.t === T.Dict) return;
    else if (!isEmptyList(sel)) q.cols = [['x', tree(sel)]];
  };
  if (b.t === -T.Bool) {
    // select (1b: distinct); a column or expression alone is an exec
    q.distinct = !!(b as Atom).v;
    colsOf();
    if (q.cols && !q.colsNamed) q.kind = 'exec';
  } else if (isEmptyList(b)) {
    q.kind = 'exec';
    colsOf();
  } else if (b.t === T.Dict) {
    // grouped by named expressions: a select, unless a is one column or expression
    q.by = named(b as Dict);
    colsOf();
    if (q.cols && !q.colsNamed) { q.kind = 'exec'; q.byKey = 'table'; }
  } else if (b.t === -T.Sym || b.t === T.Sym) {
    q.kind = 'exec';
    q.by = colNames(b).map(n => [n, tree({ t: -T.Sym, v: n } as Q)] as [string, () => Q]);
    q.byKey = b.t === -T.Sym ? 'value' : 'none';
    colsOf();
    // exec by one column with named columns keys them by a table whose column has no name
    if (b.t === -T.Sym && q.colsNamed) { q.by = [['', q.by[0][1]]]; q.byKey = 'table'; }
  } else throw new QError('type');
  if (a.length >= 5) q.limit = a[4];
  if (a.length >= 6) {
    // (g;cn): a grading function on a column; kdb+'s parse gives it enlisted
    let o = items(a[5]);
    if (o.length === 1 && o[0].t === T.List) o = items(o[0]);
    const [g, cn] = o;
    q.sort = { g: evalTree(g), col: (cn as Atom).v };
  }
  return runQuery(q);
}

export function fupdate(a: Q[]): Q {
  const [t, c, b, sel] = a;
  if (sel.t === T.Dict) {
    const q: Query = { kind: 'update', from: t, where: wheres(c), by: null, cols: named(sel as Dict) };
    if (b.t === T.Dict) q.by = named(b as Dict);
    else if (b.t === -T.Sym || b.t === T.Sym) q.by = colNames(b).map(n => [n, tree({ t: -T.Sym, v: n } as Q)] as [string, () => Q]);
    return runQuery(q);
  }
  // an empty general list of columns is an update of none, t as it is (update from t); an empty symbol
  // list a delete of the rows c chooses (delete from t)
  if (sel.t === T.List && !(sel as List).d.length) return runQuery({ kind: 'update', from: t, where: wheres(c), by: null, cols: null });
  // delete: columns named in a, or rows chosen by c
  const cols = sel.t === T.Sym || sel.t === -T.Sym ? colNames(sel) : [];
  return runQuery({ kind: 'delete', from: t, where: wheres(c), by: null, cols: null, delCols: cols.length ? cols : undefined });
}
export type { Vec };

/** ?[t;i;p]: the parse tree p evaluated over the rows i of t (simple exec). */
export function fexec(t: Q, i: Q, p: Q): Q {
  const rows = items(i).map(x => Number((x as Atom).v));
  return runQuery({ kind: 'exec', from: t, where: [() => ({ t: T.Long, d: BigInt64Array.from(rows.map(BigInt)), a: 0 } as Q)], by: null, cols: [['x', tree(p)]] });
}

// kdb+'s parse trees of qSQL: (?;t;c;b;a[;n[;(g;cn)]]) for select and exec, (!;t;c;b;a) for update and
// delete. The where list is enlisted once more (parse trees evaluate their arguments), exec of one
// unnamed column (or by one) enlists it, delete's columns are enlisted, and a sort is (<:;`col) or (>:;`col).
import type { Node } from '../parse/ast.js';
import { T } from '../value/types.js';
import { Q, list, dict, symVec, fromItems, sym, bool, empty } from '../value/value.js';
import { primValue } from './eval.js';
import { setSqlTree } from './parsetree.js';

type Sql = Extract<Node, { k: 'sql' }>;

function sqlTree(n: Sql, tree: (n: Node) => Q): Q {
  const named = (cs: [string, Node][]) => dict(symVec(cs.map(c => c[0])), fromItems(cs.map(c => tree(c[1]))));
  const where = n.where.length ? list([list(n.where.map(tree))]) : list([]);
  const from = tree(n.from);
  const none = list([]);
  switch (n.q) {
    case 'select': case 'select distinct': {
      const by = n.by ? named(n.by) : bool(n.q === 'select distinct');
      const out = [primValue('?'), from, where, by, n.cols ? named(n.cols) : none];
      if (n.lim || n.sortBy) out.push(n.lim ? tree(n.lim) : { t: -T.Long, v: 2n ** 63n - 1n } as Q);
      if (n.sortBy) out.push(list([list([primValue(n.sort + ':'), tree(n.sortBy)])]));
      return list(out);
    }
    case 'exec': {
      // (a column or by phrase of its own is enlisted, as a parse tree quotes what is not evaluated: eval
      // parse "exec sym from q" is the exec, not a look-up of a global sym)
      // (the column the by names, which is not the name a result column would take: by i is `i, not `x)
      const b0 = n.by?.[0][1];
      const by = !n.by ? none : n.by.length === 1 && !n.byNamed && b0!.k === 'name' ? list([sym(b0!.n)]) : named(n.by);
      const a = !n.cols ? none : n.cols.length === 1 && !n.colsNamed ? list([tree(n.cols[0][1])]) : named(n.cols);
      return list([primValue('?'), from, where, by, a]);
    }
    case 'update': return list([primValue('!'), from, where, n.by ? named(n.by) : bool(false), n.cols ? named(n.cols) : none]);
    // (the columns deleted are data, so enlisted: ,,`a and ,`a`b — eval of `a`b would apply a to b)
    case 'delete': return list([primValue('!'), from, where, bool(false), n.cols ? list([symVec(n.cols.map(c => c[0]))]) : empty(T.Sym)]);
  }
  return none;
}
/** Register these trees with `parse` (the session calls it once at start-up). */
export const installSqlTree = () => setSqlTree(sqlTree);

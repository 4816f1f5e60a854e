// kdb+ parse trees as q data: `parse` turns text into them and `eval` runs them. A function call is a
// list (f;a;b), a name is a symbol, and quoted data (a symbol constant) is enlisted.
import type { Node } from '../parse/ast.js';
import { T } from '../value/types.js';
import { Q, Atom, Vec, List, Prim, NIL, ELIDED, list, sym, fromItems, count, item, items, isFn, symVec, dict } from '../value/value.js';
import { QError } from '../value/error.js';
import { K_UNARY, K_COVERS } from '../value/kforms.js';
import { NEGATED } from '../ipc/prims.js';
import { apply, project } from '../prims/apply.js';
import { derive } from '../prims/iter.js';
import { primValue, scope, localValue, cond, assignTree, ev } from './eval.js';
import { getGlobal } from './names.js';

const chr = (c: string): Q => ({ t: -T.Char, v: c.charCodeAt(0) }) as Atom;
/** Symbols in a parse tree are names, so symbol constants are quoted by enlisting them. */
const quote = (v: Q): Q => v.t === -T.Sym ? fromItems([v]) : v.t === T.Sym ? list([v]) : v;


/** The kdb+ parse tree of a parsed node. */
export function toTree(n: Node): Q {
  switch (n.k) {
    case 'lit': return quote(n.v);
    case 'name': return sym(n.n);
    // a keyword k defines as a primitive is that primitive (parse "neg x" is (-:;`x)); a cover of an
    // extension keeps its name in the tree ((max;`price)), though its value shows as the extension
    case 'prim': {
      // <> <= >= are not and a comparison composed, as k writes them: (';~:;=)
      const not = NEGATED[n.n];
      if (not) return list([{ t: T.Iter, adv: "'" } as Q, primValue('~:'), primValue(not)]);
      return K_COVERS[n.n] ? { ...primValue(n.n) as Prim, named: true } as Q : primValue(K_UNARY[n.n] ?? n.n);
    }
    case 'mon': {
      // a bare glyph (select[<c]'s order, the one place the parser keeps one) stays the operator
      const f = n.f.k === 'prim' && !n.f.bare && /^[^a-z.]/.test(n.f.n) && !n.f.n.endsWith(':') ? primValue(n.f.n + ':') : toTree(n.f);
      return list([f, toTree(n.x)]);
    }
    case 'app': {
      // a table literal is kdb+'s flip of a dictionary, and a keyed one ! of two: parse "([]a;b)" is
      // (+:;(!;,`a`b;(enlist;`a;`b)))
      if (n.f.k === 'prim' && n.f.n === '.table') {
        const [kn, kv, vn, vv] = n.a as Node[], flip = (names: Node, vals: Node) => list([primValue('+:'), list([primValue('!'), toTree(names), toTree(vals)])]);
        const keyed = (kv as Extract<Node, { k: 'list' }>).a.length;
        // (kdb+ 4.1's ([a:1;b:2]), keys and no columns, is a dictionary: (!;,`a`b;(enlist;1;2)))
        if (keyed && !(vv as Extract<Node, { k: 'list' }>).a.length) return list([primValue('!'), toTree(kn), toTree(kv)]);
        const v = flip(vn, vv);
        return keyed ? list([primValue('!'), flip(kn, kv), v]) : v;
      }
      // (f[] is f applied to ::, as kdb+ has it; an argument left out among others is a hole)
      return list([toTree(n.f), ...n.a.map(a => a ? toTree(a) : n.a.length === 1 ? NIL : ELIDED)]);
    }
    case 'adv': return list([{ t: T.Iter, adv: n.a } as Q, toTree(n.f)]);
    case 'lam': return n.v;
    case 'list': return list([primValue('enlist'), ...n.a.map(a => a ? toTree(a) : ELIDED)]);
    // k's sequence is the character ";" in a parse tree (parse "a;b" is (";";`a;`b))
    case 'seq': return list([chr(';'), ...n.a.map(toTree)]);
    case 'nil': return NIL;
    case 'asg': {
      // a op:v is (op:;`a;v), as k writes it (,: -: @: in public q code that turns trees back into text)
      const op = n.op ? primValue(n.op.n + ':') : primValue(n.g ? '::' : ':');
      const target = n.idx ? list([sym(n.n), ...n.idx.map(a => a ? toTree(a) : NIL)]) : sym(n.n);
      return list([op, target, toTree(n.r)]);
    }
    // a return and a signal are (":";x) and ("'";x), headed by the character, as k has them (public q code
    // that turns trees back into text reads them so)
    case 'ret': return list([chr(':'), toTree(n.x)]);
    case 'sig': return list([chr("'"), toTree(n.x)]);
    case 'ctl': return list([n.c === '$' ? primValue('$') : sym(n.c), ...n.a.map(toTree)]);
    case 'sys': return list([sym('\\'), sym(n.s)]);
    case 'sql': return sqlTree(n);
    case 'pat': case 'pcond': throw new QError('nyi');
  }
}

/** qSQL trees are built by the tables code; until it registers, they are not available. */
let sqlTreeImpl: ((n: Extract<Node, { k: 'sql' }>, tree: (n: Node) => Q) => Q) | null = null;
export function setSqlTree(f: typeof sqlTreeImpl) { sqlTreeImpl = f; }
/** kdb+'s functional form of a query: (?;t;c;b;a) for select and exec, (!;t;c;b;a) for update and delete. */
function sqlTree(n: Extract<Node, { k: 'sql' }>): Q {
  if (sqlTreeImpl) return sqlTreeImpl(n, toTree);
  const where = n.where.length ? list([list(n.where.map(toTree))]) : list([]);
  const named = (cs: [string, Node][]) => dict(symVec(cs.map(c => c[0])), fromItems(cs.map(c => toTree(c[1]))));
  const by = n.by ? named(n.by) : { t: -T.Bool, v: n.q === 'select distinct' ? 1 : 0 } as Q;
  const from = toTree(n.from);
  switch (n.q) {
    case 'select': case 'select distinct': {
      const out = [primValue('?'), from, where, by, n.cols ? named(n.cols) : list([])];
      if (n.lim) out.push(toTree(n.lim));
      return list(out);
    }
    case 'exec': {
      const a = !n.cols ? list([]) : n.cols.length === 1 && !n.by ? toTree(n.cols[0][1]) : named(n.cols);
      return list([primValue('?'), from, where, n.by ? named(n.by) : list([]), a]);
    }
    case 'update': return list([primValue('!'), from, where, by, n.cols ? named(n.cols) : list([])]);
    case 'delete': return list([primValue('!'), from, where, { t: -T.Bool, v: 0 } as Q, n.cols ? fromItems(n.cols.map(c => sym(c[0]))) : { t: T.Sym, d: new Int32Array(0), a: 0 } as Q]);
  }
  throw new QError('nyi');
}

/** Evaluate a parse tree: (f;a;b) applies f to the evaluated arguments, a symbol is a name, ,x is x. */
export function evalTree(x: Q): Q {
  if (x.t === -T.Sym) {
    // in a functional query, a symbol names a column first, then a local of the lambda running the query
    // (as in the qSQL it stands for: q4q's pivot names its local pf and u so)
    if (scope.cols) {
      const c = scope.cols((x as Atom).v) ?? localValue((x as Atom).v);
      if (c !== undefined) return c;
    }
    return getGlobal((x as Atom).v);
  }
  if (x.t === T.List) {
    const d = (x as List).d;
    if (!d.length) return x;
    // ,x quotes x
    if (d.length === 1) return d[0];
    const head = d[0];
    if ((head.t === -T.Sym && (head as Atom).v === ';') || (head.t === -T.Char && (head as Atom).v === 59)) { let r: Q = NIL; for (let i = 1; i < d.length; i++) r = evalTree(d[i]); return r; }
    // ("'";x) signals x, as 'x does; (":";x) is x (a return ends the evaluation, which is all eval runs)
    if (head.t === -T.Char && d.length === 2 && ((head as Atom).v === 39 || (head as Atom).v === 58)) {
      const v = evalTree(d[1]);
      return (head as Atom).v === 58 ? v : ev({ k: 'sig', x: { k: 'lit', v } }, null);
    }
    // an assignment: (:;`a;v), (::;`a;v), (+:;`a;v) for a+:v, and any of them with (`a;i;j) for a[i;j]
    if ((head.t === T.Op || head.t === T.Unary) && d.length === 3) {
      const name = (head as Prim).name, op = name === ':' || name === '::' ? null : /^[^a-z0-9.:]:$/.test(name) ? name[0] : undefined;
      const target = d[1], at = target.t === T.List && (target as List).d.length > 1 ? (target as List).d : null;
      if (op !== undefined && (target.t === -T.Sym || at && at[0].t === -T.Sym)) {
        const v = evalTree(d[2]);
        let idx: Q[] | null = null;
        if (at) { idx = new Array<Q>(at.length - 1); for (let i = at.length - 1; i >= 1; i--) idx[i - 1] = evalTree(at[i]); }
        return assignTree(((at ? at[0] : target) as Atom).v as string, idx, op, v, name === '::');
      }
    }
    // ($;c;t;f) is Cond, as parse "$[c;t;f]" gives it: only the branch taken is evaluated (weeklyq's
    // isLeapYear: eval enlist[$],0=x mod\: 100 400 4); with two arguments $ is cast
    if ((head.t === T.Op || head.t === T.Unary) && (head as Prim).name === '$' && d.length >= 4) return cond(d.slice(1), evalTree, evalTree);
    // (a quoted symbol, ,`a, is the symbol a, applied as one: (,`a;1) is `a 1, the global a at 1)
    const f = head.t === -T.Sym ? (scope.cols && localValue((head as Atom).v)) || getGlobal((head as Atom).v) : head.t === T.List || head.t === T.Sym ? evalTree(head) : head;
    const args = new Array<Q>(d.length - 1);
    for (let i = d.length - 1; i >= 1; i--) args[i - 1] = evalTree(d[i]);
    // (an argument left out, f[;1], makes a projection)
    if (args.includes(ELIDED)) return project(f, args.map(a => a === ELIDED ? undefined : a));
    return apply(f, args);
  }
  if ((x.t === T.Sym || x.t > 0 && x.t < 20) && count(x) === 1 && x.t === T.Sym) return item(x, 0);
  // symbols of more than one are names applied, as a list of them is: `neg`x is neg x (basics/parsetrees:
  // a list of symbols as data is enlisted); TorQ's ?[`.servers.SERVERS;enlist(`.dotz.liveh;`w);();…]
  if (x.t === T.Sym && count(x) > 1) return evalTree(list(items(x)));
  return x;
}
export { symVec, isFn };
export type { Vec };

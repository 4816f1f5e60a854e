// Global names: variables by full name (`a`, `.ns.a`), namespaces as dictionaries, and dotted access
// into dictionaries, tables and temporal values (`d.key`, `t.col`, `x.month`).
import { T } from '../value/types.js';
import { Q, Atom, Lambda, Dict, Vec, dict, symVec, list, sym, str, NIL, count, item } from '../value/value.js';
import { symName } from '../value/sym.js';
import { amend } from '../prims/amend.js';
import type { Node } from '../parse/ast.js';
import { QError } from '../value/error.js';
import { PRIMS, PRIM_NAMESPACES } from '../prims/registry.js';
import { primValue } from './eval.js';
import { index } from '../prims/index.js';
import { dirKey } from '../prims/files.js';
import { env, writes, touched } from './env.js';

/** f with names resolved in the working namespace (\d) rather than the running lambda's: for names that
 *  come as data at run time (env.cwd). */
export function inWorkingNs<R>(f: () => R): R {
  const code = env.ns;
  if (code === env.cwd) return f();
  env.ns = env.cwd;
  try { return f(); } finally { env.ns = code; }
}

/** The evaluator registers how a view's expression is run. */
let runView: (n: import('../parse/ast.js').Node) => Q = () => { throw new QError('nyi'); };
export function setViewRunner(f: typeof runView) { runView = f; }

/** Views being computed: one that needs itself signals 'loop, as kdb+ does, rather than overflowing. */
const computing = new Set<string>();
export function lookup(name: string): Q | undefined {
  if (env.views.size) {
    const full = env.full(name), vw = env.views.get(full);
    if (vw) {
      // a view that reads itself sees its last value; before it has one, that is a 'loop (learn/views:
      // v::$[b;1;v+1] counts up from 1)
      if (computing.has(full)) { if (vw.last !== undefined) return vw.last; throw new QError('loop'); }
      // computed again only when a name it reads has changed since (learn/views: "re-evaluated only if the
      // values of the underlying dependencies have changed")
      if (viewFresh(vw)) return vw.last!;
      computing.add(full);
      // the last value is kept, and shows in value`. `v while no global has changed since
      // (keeping the value is a change of state: the statement's memory is not given back under it)
      try { const v = runView(vw.node); touched(); vw.last = v; vw.at = writes; return v; } finally { computing.delete(full); }
    }
  }
  const g = env.globals;
  let v = g.get(env.full(name));
  if (v === undefined && env.ns && name[0] !== '.') v = g.get(name);
  return v;
}

export function getGlobal(name: string): Q {
  const v = lookup(name);
  if (v !== undefined) return v;
  const c = env.computed.get(name);
  if (c) return c();
  // `. is the root namespace as a dictionary
  if (name === '.' || name === '') return rootDict();
  // `..x names the root's x: when there is none, the name is undefined (qspec's mock: @[get;`..v;`dne])
  if (name.startsWith('..') && name.length > 2 && !name.slice(2).includes('.')) throw new QError(name);
  if (PRIMS[name]) return primValue(name);
  // a name put in .q is seen from everywhere, as q's own keywords are (qspec's .q.should, help.q's .q.help)
  if (!name.includes('.')) { const qv = env.globals.get('.q.' + name); if (qv !== undefined) return qv; }
  // .q.neg is the keyword neg (and .q.csv the value csv)
  if (name.startsWith('.q.') && PRIMS[name.slice(3)]) return primValue(name.slice(3));
  if (name.startsWith('.q.') && !name.slice(3).includes('.')) { const c = env.computed.get(name.slice(3)); if (c) return c(); }
  const ns = namespace(name);
  if (ns) return ns;
  // dotted access: a.b is a[`b] (dictionaries, tables, temporal parts via the `.` accessors)
  const dot = name.lastIndexOf('.');
  if (dot > 0) {
    // a missing member of a namespace is an undefined name, not a null
    if (name[0] === '.' && namespace(name.slice(0, dot))) throw new QError(name);
    // a view has no dot notation (learn/views: t1::t; t1.date is 'nyi)
    if (env.views.size && env.views.has(env.full(name.slice(0, dot)))) throw new QError('nyi');
    const base = getGlobal(name.slice(0, dot));
    const part = name.slice(dot + 1);
    return dotPart(base, part);
  }
  throw new QError(name);
}

/** Extended by the time primitives to give `x.year`, `x.month` and the other temporal parts. */
export let temporalPart: (x: Q, part: string) => Q | null = () => null;
export function setTemporalPart(f: typeof temporalPart) { temporalPart = f; }

export function dotPart(base: Q, part: string): Q {
  if (base.t === T.Dict || base.t === T.Table) return index(base, sym(part));
  const r = temporalPart(base, part);
  if (r) return r;
  throw new QError(part);
}

/** q's keywords in .q's order: kdb+ defines these first, in this order (ref/key); the rest follow. */
const Q_FIRST = ['neg', 'not', 'null', 'string', 'reciprocal', 'floor', 'ceiling', 'signum', 'mod', 'xbar', 'xlog', 'and', 'or', 'each', 'scan', 'over', 'prior'];
function qKeywords(): string[] {
  const all = Object.keys(PRIMS).filter(k => /^[a-z]/.test(k)), first = Q_FIRST.filter(k => PRIMS[k]);
  return [...first, ...all.filter(k => !first.includes(k))];
}
/** A namespace (`.z`, `.foo`) as the dictionary of its members, or null. */
export function namespace(name: string): Q | null {
  const full = name[0] === '.' ? name : env.full(name);
  // .q: q's keywords and their values (.q?(+:) is `flip)
  if (full === '.q') {
    const kws = qKeywords(), own = qOwn().filter(k => !kws.includes(k));
    return dict(symVec(['', ...kws, ...own]), list([NIL, ...kws.map(k => primValue(k)), ...own.map(k => env.globals.get('.q.' + k)!)]));
  }
  const pre = full + '.';
  const names: string[] = [], vals: (Q | null)[] = [];
  // its variables, and its namespaces as members too (.a.b.c:1 makes .a hold b), in the order first made
  if (env.globals.inNamespace(pre)) for (const [k, v] of env.globals) {
    if (!k.startsWith(pre)) continue;
    const rest = k.slice(pre.length), dot = rest.indexOf('.');
    if (dot < 0) { const j = names.indexOf(rest); if (j < 0) { names.push(rest); vals.push(v); } else vals[j] = v; }
    else if (dot > 0 && !names.includes(rest.slice(0, dot))) { names.push(rest.slice(0, dot)); vals.push(null); }
  }
  // and the built-in functions kept as primitives (.j.j, .Q.en): .j is a namespace as in kdb+
  for (const k of builtinsIn(pre)) if (!names.includes(k)) { names.push(k); vals.push({ t: T.Unary, name: pre + k } as Q); }
  // (the built-in namespaces key ` lists are there even when empty: value each over them works)
  // (and an empty namespace that was there: its last member deleted)
  for (const e of env.emptyNs) if (e.startsWith(pre) && !e.slice(pre.length).includes('.') && !names.includes(e.slice(pre.length))) { names.push(e.slice(pre.length)); vals.push(null); }
  if (!names.length) return BUILTIN_NS.has(full) || env.emptyNs.has(full) ? dict(symVec(['']), list([NIL])) : null;
  return dict(symVec(['', ...names]), list([NIL, ...vals.map((v, j) => v ?? namespace(pre + names[j]) ?? NIL)]));
}

const BUILTIN_NS = new Set(['.q', '.Q', '.h', '.j', '.o']);
/** The names a session has put in .q (.q.help:…), in the order made. */
const qOwn = (): string[] => [...env.globals.keys()].filter(k => k.startsWith('.q.') && !k.slice(3).includes('.')).map(k => k.slice(3));
/** The primitives named as members of a namespace (pre ends in its dot), by their names in it. */
export const builtinsIn = (pre: string): string[] => pre.length > 1 && PRIM_NAMESPACES.has(pre) ? Object.keys(PRIMS).filter(k => k.startsWith(pre) && !k.slice(pre.length).includes('.')).map(k => k.slice(pre.length)) : [];

export function setGlobal(name: string, v: Q): void {
  if (PRIMS[name] && !name.startsWith('.')) throw new QError('assign');
  const full = env.full(name);
  if (env.views.size) env.views.delete(full);
  // a namespace is a dictionary: a member of a dictionary held in a namespace (.tt.d.c:3) amends it, and a
  // dictionary set as a whole namespace (`.s set d) becomes its members
  const dot = full.lastIndexOf('.'), parent = dot > 0 ? full.slice(0, dot) : '';
  // (a.b:x amends a dictionary or table a it names, at the root or in a namespace, as kb/faq's
  // trade.amount:0^trade.amount fills a column; with no such a, the name a.b is made and a becomes a
  // dictionary of it)
  const held = parent ? env.globals.get(parent) : undefined;
  if (held && held.t === T.Table) { env.globals.set(parent, amend(held, [sym(full.slice(dot + 1))], null, v)); return; }
  if (held && held.t === T.Dict && (held as Dict).k.t === T.Sym) { env.globals.set(parent, amend(held, [sym(full.slice(dot + 1))], null, v)); return; }
  if (full[0] === '.' && full.length > 1 && v.t === T.Dict && (v as Dict).k.t === T.Sym && !env.globals.has(full) && namespace(full)) {
    for (const k of [...env.globals.keys()]) if (k.startsWith(full + '.')) env.globals.delete(k);
    const ks = (v as Dict).k as Vec;
    for (let i = 0; i < count(ks); i++) { const k = symName((ks.d as Int32Array)[i]); if (k) env.globals.set(full + '.' + k, item((v as Dict).v, i)); }
    return;
  }
  env.globals.set(full, v);
}
export type { Atom };

/** key `.ns: the members of a namespace; key ` lists the namespaces of the root. */
export function namespaceKeys(ns: string): Q {
  const out = new Set<string>();
  if (ns.startsWith(':')) return dirKey(ns.slice(1));
  // the root's variables, and its views (they are in its dictionary too)
  // (a.b:1 at the root makes a dictionary a: its name, once)
  if (ns === '.') return symVec([...new Set([...env.globals.keys(), ...env.views.keys()].filter(k => k[0] !== '.').map(k => k.split('.')[0]))]);
  if (ns === '.q') { const kws = qKeywords(); return symVec(['', ...kws, ...qOwn().filter(k => !kws.includes(k))]); }
  if (ns === '') {
    for (const k of env.globals.keys()) if (k[0] === '.') out.add(k.slice(1).split('.')[0]);
    for (const k of env.views.keys()) if (k[0] === '.') out.add(k.slice(1).split('.')[0]);
    for (const e of env.emptyNs) out.add(e.slice(1).split('.')[0]);
    // the built-in namespaces exist in every session (kdb+ 4's order, basics/namespaces)
    return symVec(['q', 'Q', 'h', 'j', 'o', ...[...out].filter(n => !['q', 'Q', 'h', 'j', 'o', 'z'].includes(n))]);
  }
  const pre = ns + '.';
  for (const k of env.globals.keys()) if (k.startsWith(pre)) out.add(k.slice(pre.length).split('.')[0]);
  for (const k of builtinsIn(pre)) out.add(k);
  for (const e of env.emptyNs) if (e.startsWith(pre)) out.add(e.slice(pre.length).split('.')[0]);
  if (out.size || BUILTIN_NS.has(ns) || env.emptyNs.has(ns)) return symVec(['', ...out]);
  // not a namespace: a dictionary's keys, the name itself for another variable, else () (.z.W among them)
  const v = lookup(ns) ?? env.computed.get(ns)?.();
  if (v === undefined) return list([]);
  if (v.t === T.Dict) return (v as any).k;
  return sym(ns);
}

/** The root namespace as a dictionary of its variables. */
function rootDict(): Q {
  const names: string[] = [], vals: Q[] = [], dicts = new Set<string>();
  // (a.b:1 makes a dictionary a, there once as what a gives)
  for (const [k, v] of env.globals) if (k[0] !== '.') {
    const dot = k.indexOf('.');
    if (dot < 0) { names.push(k); vals.push(v); continue; }
    const a = k.slice(0, dot);
    if (!dicts.has(a)) { dicts.add(a); names.push(a); vals.push(getGlobal(a)); }
  }
  // a view is there as itself: it shows as its text, and value gives its parts (viewParts)
  for (const [k, vw] of env.views) if (k[0] !== '.') { names.push(k); vals.push({ t: T.Lambda, src: vw.src ?? '', params: [], locals: [], body: vw.node, ns: '', rank: 1, view: k } as Lambda); }
  return dict(symVec(names), list(vals));
}

/** value of a view: its last value (:: when a global has changed since, or it was never computed), its
 *  parse tree, the names it depends on and its text. */
export function viewParts(name: string, tree: (src: string) => Q): Q {
  const vw = env.views.get(name);
  if (!vw) throw new QError(name);
  const last = viewFresh(vw) ? vw.last! : NIL;
  return list([last, tree(vw.src ?? ''), symVec(viewDeps(vw.node)), str(vw.src ?? '')]);
}
type View = { node: Node; last?: Q; at?: number; deps?: string[] };
/** Whether a view's last value stands: it has one, and no name it reads (a view among them, through what
 *  that reads) has changed since it was computed. A function it calls is a name it reads; the globals the
 *  function reads are not (learn/views). */
export function viewFresh(vw: View): boolean {
  if (vw.last === undefined || vw.at === undefined) return false;
  const at = vw.at, seen = new Set<string>();
  const changed = (v: View): boolean => (v.deps ??= viewDeps(v.node)).some(d => {
    if (env.globals.stamp(d) > at || env.views.stamp(d) > at) return true;
    const dv = env.views.get(d);
    if (!dv || seen.has(d)) return false;
    seen.add(d);
    return changed(dv);
  });
  return !changed(vw);
}
/** The names a view's expression reads, in the order they appear in its text. */
export function viewDeps(n: Node): string[] {
  const out: string[] = [];
  const walk = (n: Node | null | undefined): void => {
    if (!n) return;
    switch (n.k) {
      case 'name': if (!out.includes(n.n)) out.push(n.n); return;
      case 'app': walk(n.f); n.a.forEach(walk); return;
      case 'mon': walk(n.f); walk(n.x); return;
      case 'adv': walk(n.f); return;
      case 'list': n.a.forEach(walk); return;
      case 'asg': n.idx?.forEach(walk); walk(n.r); return;
      case 'ret': case 'sig': walk(n.x); return;
      case 'ctl': case 'seq': n.a.forEach(walk); return;
      // qSQL: its table only; a name in its phrases may be a column, and kdb+ does not count it
      // (learn/views: v::select from t where a in b depends on ,`t)
      case 'sql': walk(n.from); return;
    }
  };
  walk(n);
  return out;
}

/** Remove a global (delete x from `.). */
export function deleteGlobal(name: string): void {
  env.globals.delete(env.full(name));
  env.views.delete(env.full(name));
}
/** Delete member m of namespace ns (and what is under it): the namespace stays, empty if that was its
 *  last member, as kdb+ keeps it (ref/delete: delete c from `.a.b; kdb-common's .ns.deleteReference). */
export function deleteMember(ns: string, m: string): void {
  const full = ns + '.' + m;
  env.globals.delete(full); env.views.delete(full);
  for (const k of [...env.globals.keys()]) if (k.startsWith(full + '.')) env.globals.delete(k);
  env.emptyNs.delete(full);
  env.emptyNs.add(ns);
}

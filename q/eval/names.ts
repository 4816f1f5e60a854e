// Global names: variables by full name (`a`, `.ns.a`), namespaces as dictionaries, and dotted access
// into dictionaries, tables and temporal values (`d.key`, `t.col`, `x.month`).
import { T } from '../value/types.js';
import { Q, Atom, dict, symVec, list, sym, NIL } from '../value/value.js';
import { QError } from '../value/error.js';
import { PRIMS } from '../prims/registry.js';
import { index } from '../prims/index.js';
import { dirKey } from '../prims/files.js';
import { env } from './env.js';

/** The evaluator registers how a view's expression is run. */
let runView: (n: import('../parse/ast.js').Node) => Q = () => { throw new QError('nyi'); };
export function setViewRunner(f: typeof runView) { runView = f; }

/** Views being computed: one that needs itself signals 'loop, as kdb+ does, rather than overflowing. */
const computing = new Set<string>();
export function lookup(name: string): Q | undefined {
  if (env.views.size) {
    const full = env.full(name), vw = env.views.get(full);
    if (vw) {
      if (computing.has(full)) throw new QError('loop');
      computing.add(full);
      try { return runView(vw.node); } finally { computing.delete(full); }
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
  if (PRIMS[name]) return { t: T.Unary, name } as Q;
  // .q.neg is the keyword neg
  if (name.startsWith('.q.') && PRIMS[name.slice(3)]) return { t: T.Unary, name: name.slice(3) } as Q;
  const ns = namespace(name);
  if (ns) return ns;
  // dotted access: a.b is a[`b] (dictionaries, tables, temporal parts via the `.` accessors)
  const dot = name.lastIndexOf('.');
  if (dot > 0) {
    // a missing member of a namespace is an undefined name, not a null
    if (name[0] === '.' && namespace(name.slice(0, dot))) throw new QError(name);
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

/** A namespace (`.z`, `.foo`) as the dictionary of its members, or null. */
export function namespace(name: string): Q | null {
  const full = name[0] === '.' ? name : env.full(name);
  const pre = full + '.';
  const names: string[] = [], vals: Q[] = [];
  for (const [k, v] of env.globals) if (k.startsWith(pre) && !k.slice(pre.length).includes('.')) { names.push(k.slice(pre.length)); vals.push(v); }
  // namespaces that hold only sub-namespaces still exist
  if (!names.length && ![...env.globals.keys()].some(k => k.startsWith(pre))) return null;
  return dict(symVec(['', ...names]), list([NIL, ...vals]));
}

export function setGlobal(name: string, v: Q): void {
  if (PRIMS[name] && !name.startsWith('.')) throw new QError('assign');
  const full = env.full(name);
  if (env.views.size) env.views.delete(full);
  env.globals.set(full, v);
}
export type { Atom };

/** key `.ns: the members of a namespace; key ` lists the namespaces of the root. */
export function namespaceKeys(ns: string): Q {
  const out = new Set<string>();
  if (ns.startsWith(':')) return dirKey(ns.slice(1));
  if (ns === '.') return symVec([...env.globals.keys()].filter(k => k[0] !== '.'));
  if (ns === '.q') return symVec(['', ...Object.keys(PRIMS).filter(k => /^[a-z]/.test(k))]);
  if (ns === '') {
    for (const k of env.globals.keys()) if (k[0] === '.') out.add(k.slice(1).split('.')[0]);
    for (const k of env.views.keys()) if (k[0] === '.') out.add(k.slice(1).split('.')[0]);
    // the built-in namespaces exist in every session
    return symVec(['q', 'Q', 'h', 'j', 'o', ...[...out].filter(n => !['q', 'Q', 'h', 'j', 'o', 'z'].includes(n))]);
  }
  const pre = ns + '.';
  for (const k of env.globals.keys()) if (k.startsWith(pre)) out.add(k.slice(pre.length).split('.')[0]);
  if (out.size) return symVec(['', ...out]);
  // not a namespace: a dictionary's keys, the name itself for another variable, else ()
  const v = lookup(ns);
  if (v === undefined) return list([]);
  if (v.t === T.Dict) return (v as any).k;
  return sym(ns);
}

/** The root namespace as a dictionary of its variables. */
function rootDict(): Q {
  const names: string[] = [], vals: Q[] = [];
  for (const [k, v] of env.globals) if (k[0] !== '.') { names.push(k); vals.push(v); }
  return dict(symVec(names), list(vals));
}

/** Remove a global (delete x from `.). */
export function deleteGlobal(name: string): void {
  env.globals.delete(env.full(name));
  env.views.delete(env.full(name));
}

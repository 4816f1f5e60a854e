// Application of any q value to arguments: functions are called, data is indexed. The evaluator
// registers how to call a lambda, so primitives (each, over, @, .) can apply functions without
// depending on the evaluator.
import { T } from '../value/types.js';
import { Q, Lambda, Prim, Proj, Comp, IterFn, IterPrim, Dict, Table, Vec, Atom, List, isNil, NIL, count, text, list, NI } from '../value/value.js';
import { QError } from '../value/error.js';
import { PRIMS } from './registry.js';
import { index, indexDeep } from './index.js';
import { iterApply, derive } from './iter.js';
import { hooks } from './hooks.js';

let callLambda: (f: Lambda, args: Q[]) => Q = () => { throw new QError('nyi'); };
export function setLambdaCaller(f: (f: Lambda, args: Q[]) => Q) { callLambda = f; }
/** Applying an int to data writes to that handle (1 and 2 the console, others files and sockets). */
let handleApply: (h: number, x: Q, handle: Q) => Q = () => { throw new QError('type'); };
export function setHandleApply(f: (h: number, x: Q, handle: Q) => Q) { handleApply = f; }

/** Rank (valence) of a function value, used by iterators and projections. */
export function rankOf(f: Q): number {
  switch (f.t) {
    case T.Lambda: return (f as Lambda).rank;
    case T.Unary: case T.Op: { const d = PRIMS[(f as Prim).name]; return !d ? 1 : d.m && !d.d && (f.t === T.Unary || (f as Prim).name.endsWith(':')) ? 1 : d.rank; }
    case T.Proj: {
      const p = f as Proj, open = p.args.filter(a => a === undefined).length;
      // an operator given places is fixed at those, and one given only its left (x@ is @[x]) takes its
      // right: @ . ? $ are variadic
      if (p.f.t === T.Op || (p.f.t === T.Unary && (p.f as Prim).name === '.')) return p.args.length >= 2 ? open : 1;
      return open + Math.max(0, rankOf(p.f) - p.args.length);
    }
    case T.Comp: return rankOf((f as Comp).fs[(f as Comp).fs.length - 1]);
    case T.Each: case T.EachLeft: case T.EachRight: case T.Prior: return rankOf((f as IterFn).f) === 1 ? 1 : 2;
    // a derived over or scan is variadic; as a value handed to an iterator it acts as unary (raze is ,/)
    case T.Over: case T.Scan: return 1;
    // a list of depth 2 or more (a general list, or a dictionary of one) is binary, indexed at depth:
    // 7 m\c steps a finite-state machine through m[x;y] (basics/glossary, ref/accumulators)
    case T.List: return 2;
    case T.Dict: return (f as Dict).v.t === T.List ? 2 : 1;
  }
  return 1;
}

/** Apply f to args as with f[a;b;…]. Missing (undefined) args make a projection. */
/** A symbol applied names a global: `f[5;3] is f[5;3]. The evaluator registers the lookup. */
let resolveSym: (name: string) => Q = (n) => { throw new QError(n); };
export function setSymResolver(f: (name: string) => Q) { resolveSym = f; }
/** The value of the global a symbol names when that global alone holds it (its last change made it, and
 *  nothing has read it whole since), read without ending that hold; else undefined. */
let heldSym: (name: string) => Q | undefined = () => undefined;
export function setHeldSym(f: (name: string) => Q | undefined) { heldSym = f; }

const isFnT = (t: number) => t >= T.Lambda && t <= T.EachLeft;
let oneShot: (target: string, x: Q, timeout?: number) => Q = () => { throw new QError('nyi'); };
export function setOneShot(f: (target: string, x: Q, timeout?: number) => Q) { oneShot = f; }

export function apply(f: Q, args: (Q | undefined)[]): Q {
  if (f.t === -T.Sym) {
    // `:http://host:port "request" sends the text as it is and gives the response as text (kb/http)
    if (/^:https?:\/\//.test((f as Atom).v) && args.length === 1 && args[0] && (args[0].t === T.Char || args[0].t === -T.Char)) {
      const raw = hooks.rawHttp();
      if (!raw) throw new QError('nyi');
      const x = args[0], req = x.t === T.Char ? (x as Vec).d as Uint8Array : Uint8Array.of((x as Atom).v as number);
      return { t: T.Char, d: raw(((f as Atom).v as string).slice(1), req), a: 0 } as Q;
    }
    // `:ws://host:port "GET / HTTP/1.1\r\nHost: …\r\n\r\n" opens a WebSocket: (handle;response), the handle
    // 0Ni when the server refused the upgrade (kb/websockets); the server's messages reach .z.ws
    if (/^:wss?:\/\//.test((f as Atom).v) && args.length === 1 && args[0] && args[0].t === T.Char) {
      const open = hooks.wsOpen();
      if (!open) throw new QError('nyi');
      const r = open(((f as Atom).v as string).slice(1), (args[0] as Vec).d as Uint8Array);
      return list([{ t: -T.Int, v: r.h ?? NI } as Atom, { t: T.Char, d: r.response, a: 0 } as Vec]);
    }
    // `::[(":host:port";ms);query]: a one-shot request with a timeout to connect (ref/hopen, since 4.0)
    if ((f as Atom).v === '::' && args.length === 2 && args[0] && args[1] && args[0].t === T.List && count(args[0]) === 2) {
      const [t, ms] = (args[0] as List).d, target = t.t === -T.Sym ? (t as Atom).v as string : t.t === T.Char ? text(t) : null;
      if (target === null || !(ms.t === -T.Long || ms.t === -T.Int)) throw new QError('type');
      return oneShot(target.startsWith(':') ? target : ':' + target, args[1], Number((ms as Atom).v));
    }
    // `::5001 "query" is a one-shot request: open, ask, close
    if ((/^:[^:]*:\d+/.test((f as Atom).v) || /^:(unix:\/\/\d+|tcps:\/\/[^:]*:\d+)/.test((f as Atom).v)) && args.length === 1 && args[0]) return oneShot((f as Atom).v, args[0]);
    // a global indexed by name (`d key, a cache's lookup between its appends) to an atom leaves it its
    // variable's alone, so the next d[k]:v still changes it where it stands: only an atom, which cannot
    // be a part of the value that a later change in place would reach (the name is read whole otherwise)
    const held = args.every(a => a !== undefined) ? heldSym((f as Atom).v) : undefined;
    if (held !== undefined && held.t >= 0 && held.t <= T.Dict) {
      const r = apply(held, args);
      if (r.t < 0 || r.t >= 100) return r;
      resolveSym((f as Atom).v);
      return r;
    }
    // (a name holding a symbol is that symbol, indexed: a:`b; `a[] is `b, not b's value)
    const v = resolveSym((f as Atom).v);
    if (v.t === -T.Sym) return indexDeep(v, args.map(a => a ?? NIL));
    return apply(v, args);
  }
  if (args.some(a => a === undefined)) {
    // data with elided indices takes everything at that level: m[;1]
    if (!isFnT(f.t)) return indexDeep(f, args.map(a => a ?? NIL));
    return project(f, args);
  }
  switch (f.t) {
    case T.Lambda: {
      const l = f as Lambda;
      if (args.length === 1 && l.rank > 1) return project(f, args);
      if (args.length < l.rank) return project(f, args);
      if (args.length > l.rank) throw new QError('rank');
      return callLambda(l, args as Q[]);
    }
    case T.Unary: case T.Op: {
      const p = f as Prim;
      const d = PRIMS[p.name];
      if (!d) throw new QError('nyi');
      const a = args as Q[];
      if (a.length === 1) {
        // (. is held as a unary value, but .[f] projects Apply as @[f] does: .[>] 3 1 is 1b)
        if (d.m && !(d.d && (f.t === T.Op || p.name === '.') && p.name.length <= 2 && !p.name.endsWith(':'))) return d.m(a[0]);
        if (d.d || d.n) return project(f, args);
        throw new QError('rank');
      }
      if (a.length === 2 && d.d) return d.d(a[0], a[1]);
      // fewer arguments than a fixed rank project (ssr["abc";"b"]); a variadic primitive (? enlist ')
      // declares the fewest it takes
      if (d.n && a.length <= d.rank) { if (a.length < (d.minRank ?? d.rank)) return project(f, args); return d.n(a); }
      if (a.length < d.rank) return project(f, args);
      throw new QError('rank');
    }
    case T.Proj: {
      const p = f as Proj;
      // a list with elided items is a function of as many arguments as it has gaps, eight at most, as a
      // lambda's (basics/application): (1;;2)[5;6] is a rank error, not a longer list
      if (p.f.t === T.Unary && (p.f as Prim).name === 'enlist') { const open = p.args.filter(a => a === undefined).length; if (args.length > open || open > 8) throw new QError('rank'); }
      const full: (Q | undefined)[] = [];
      let j = 0;
      for (const a of p.args) full.push(a === undefined ? args[j++] : a);
      while (j < args.length) full.push(args[j++]);
      return apply(p.f, full);
    }
    case T.Comp: {
      const c = f as Comp;
      // a composition has the rank of its last function (ref/compose): a lambda given fewer arguments
      // projects it (funq's mode:wmode[1] with wmode:'[f;{…}[x;y]])
      const last = c.fs[c.fs.length - 1];
      // (and so does an operator: funq's edist:enorm (-)::, applied as edist[X] y)
      if ((last.t === T.Lambda || last.t === T.Proj || last.t === T.Op) && args.length < rankOf(last)) return project(f, args);
      let r = apply(last, args);
      for (let i = c.fs.length - 2; i >= 0; i--) r = apply1(c.fs[i], r);
      return r;
    }
    case T.Each: case T.Over: case T.Scan: case T.Prior: case T.EachLeft: case T.EachRight:
      return iterApply(f as IterFn, args as Q[]);
    case T.Iter: {
      // an iterator applied to a value derives a function: (/)[+] is +/; ' applied to more composes them,
      // as '[f;g] does (parse trees write ((';~:;=);x;y))
      if (args.length > 1 && (f as IterPrim).adv === "'" && args.every(a => a !== undefined)) return { t: T.Comp, fs: args as Q[] } as Q;
      if (args.length !== 1) throw new QError('rank');
      return derive((f as IterPrim).adv, args[0]!);
    }
  }
  if ((f.t === -T.Int || f.t === -T.Long) && args.length === 1) return handleApply(Number((f as Atom).v), args[0]!, f);
  // data: index at depth
  if (args.length === 1) return index(f, args[0]!);
  return indexDeep(f, args as Q[]);
}

/** Apply with one argument as juxtaposition does (`f x`, `-x`): operators use their monadic form. */
export function apply1(f: Q, x: Q): Q {
  if (f.t === T.Op || f.t === T.Unary) {
    const d = PRIMS[(f as Prim).name], name = (f as Prim).name;
    // an operator given one argument as a value projects, as apply has it (g:(@); g 1 is @[1])
    if (d?.m && !(d.d && (f.t === T.Op || name === '.') && name.length <= 2 && !name.endsWith(':'))) return d.m(x);
    if (d && (d.d || d.n)) return project(f, [x]);
    if (isNil(f)) return x;
    throw new QError('nyi');
  }
  if (f.t === T.Lambda && (f as Lambda).rank === 1) return callLambda(f as Lambda, [x]);
  if (f.t >= T.Each && f.t <= T.EachLeft) return iterApply(f as IterFn, [x]);
  return apply(f, [x]);
}

/** Apply with two arguments (infix `x f y`). */
export function apply2(f: Q, x: Q, y: Q): Q {
  if (f.t === T.Op || f.t === T.Unary) {
    const d = PRIMS[(f as Prim).name];
    if (d?.d) return d.d(x, y);
  }
  return apply(f, [x, y]);
}

export function project(f: Q, args: (Q | undefined)[]): Q {
  const n = args.length;
  if (f.t === T.Lambda && n > (f as Lambda).rank) throw new QError('rank');
  // the arguments are kept as given, as kdb+ keeps them: {x+y}[2] shows as that, {x+y}[2;] as that
  return { t: T.Proj, f, args } as Proj;
}
export { NIL };
export type { Dict, Table, Vec, Atom, List };

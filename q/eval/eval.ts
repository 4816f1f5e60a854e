// The evaluator: walks the parse tree right to left, with lambda locals in slot arrays.
import type { Node } from '../parse/ast.js';
import { T } from '../value/types.js';
import { Q, Lambda, Atom, NIL, isNil, list, fromItems, str, text, count, Prim, List, Dict, isKeyed } from '../value/value.js';
import { QError } from '../value/error.js';
import { K_GLYPHS } from '../value/kforms.js';
import { primCode } from '../ipc/prims.js';
import { PRIMS } from '../prims/registry.js';
import { apply, apply1, project, setLambdaCaller, setSymResolver, setHeldSym } from '../prims/apply.js';
import { derive, truthy } from '../prims/iter.js';
import { amend } from '../prims/amend.js';
import { appendJoin, staysGeneral } from '../prims/join.js';
import { pushOnto } from '../prims/tablejoin.js';
import { hooks } from '../prims/hooks.js';
import { settle } from '../value/heap.js';
import { getFile } from '../prims/disk.js';
import { resignal } from '../prims/evaluation.js';
import { env, release } from './env.js';
import { inPlace, valueAfter, commit, itemsAt, claims, claimKeyed, type Owned } from './inplace.js';
import { Return, RETURNED, returning, returned } from './signal.js';
import { identity } from '../prims/iter.js';
import { getGlobal, setGlobal, setViewRunner, lookup as lookupGlobal } from './names.js';
import { evalSql } from './sql.js';
import { system } from './system.js';
import { matchPat, Binding } from './pattern.js';
import { cursor, enter, leave, record } from './backtrace.js';

type Frame = (Q | undefined)[] | null;

/** The column scope of the query being evaluated (qSQL sets it; lambdas clear it). */
export const scope: { cols: ((name: string) => Q | undefined) | null } = { cols: null };

let depth = 0;
/** The lambda running now (.z.s), or null at the top. */
let running: Lambda | null = null;
export const self = (): Lambda | null => running;
/** The locals of the lambda running now: a functional query's parse trees name them as qSQL's names do. */
let runningFrame: (Q | undefined)[] | null = null;
/** The value of the running lambda's local called name, if it has one with a value. */
export function localValue(name: string): Q | undefined {
  if (!running || !runningFrame) return undefined;
  const i = running.locals.indexOf(name);
  const v = i < 0 ? undefined : runningFrame[i];
  // (read whole: a query may keep it, so the local no longer changes it in place)
  return release(v);
}
export function callLambda(f: Lambda, args: Q[]): Q {
  const frame: (Q | undefined)[] = new Array(f.locals.length);
  for (let i = 0; i < args.length; i++) frame[i] = args[i];
  if (f.pats) {
    // pattern parameters: match each argument, binding into this call's locals (a filter function's name
    // is the lambda's namespace's, as its body's names are)
    const out: Binding[] = [], was = env.ns;
    env.ns = f.ns;
    try { f.pats.forEach((p, i) => { if (p) matchPat(p, args[i], frame, ev, out); }); } finally { env.ns = was; }
    bindAll(out, frame);
  }
  if (++depth > 2000) { depth--; throw new QError('stack'); }
  if (env.poll) { try { env.check(); } catch (e) { depth--; throw e; } }
  // what earlier calls dropped is collected as loops collect it: {sum x?1.0} each 560#1000000 held every
  // call's 8 MB until the statement ended, and ran out of memory (the cookbook's buildhdb.q: day each til nd)
  else settle();
  const savedNs = env.ns, savedCols = scope.cols, caller = running, callerFrame = runningFrame;
  if (f.ns !== savedNs) env.ns = f.ns;
  running = f; runningFrame = frame;
  // a lambda called from a query sees its own names, not the query's columns
  scope.cols = null;
  enter(f);
  let r: Q;
  // (one catch, and no finally: V8 rethrows from a finally, so a signal leaving a lambda was thrown
  // twice more at each level)
  try { r = stmt(f.body, frame); }
  catch (e) {
    const ret = e instanceof Return;
    if (!ret) record(e, frame);
    exitLambda(caller, callerFrame, savedNs, savedCols);
    if (ret) return e.v;
    throw e;
  }
  exitLambda(caller, callerFrame, savedNs, savedCols);
  return r === RETURNED ? returned() : r;
}
/** A lambda call ends, normally or not: the caller's lambda, locals, namespace and columns again. */
function exitLambda(caller: Lambda | null, callerFrame: (Q | undefined)[] | null, savedNs: string, savedCols: typeof scope.cols): void {
  leave(); depth--;
  // back at the top level, code is in the working namespace, which the lambda may have changed (\d)
  env.ns = caller ? savedNs : env.cwd; scope.cols = savedCols; running = caller; runningFrame = callerFrame;
}
setLambdaCaller(callLambda);
// (a file symbol applied indexes the file's value: `:vv 1, `:db/t `c, as wp/intraday-writedown's disksort)
setSymResolver(name => name[0] === ':' ? getFile(name.slice(1)) : getGlobal(name));
setHeldSym(name => {
  if (name[0] === ':' || env.views.size && env.views.has(env.full(name))) return undefined;
  const full = env.full(name), v = env.globals.peek(full);
  return v !== undefined && (v as Owned).own === full ? v : undefined;
});
setViewRunner(n => ev(n, null));

/** The debugger's marker for a unary application: its one argument is cursor.x. */
const UNARY: (Q | undefined)[] = [];
/** Evaluate a parse tree; frame holds the locals of the lambda being run (null at top level). */
export function ev(n: Node, fr: Frame): Q {
  switch (n.k) {
    case 'lit': {
      const v = n.v;
      if (v.t === T.Lambda && (v as Lambda).ns !== env.ns) return { ...(v as Lambda), ns: env.ns };
      return v;
    }
    case 'name': {
      // inside a query, column names come first
      if (scope.cols) { const c = scope.cols(n.n); if (c !== undefined) return c; }
      if (n.slot !== undefined && fr) {
        // a local not yet assigned is () (basics/function-notation: locals are found on parsing and start empty)
        const v = fr[n.slot];
        if (v === undefined) return list([]);
        // read as a whole, it may be kept elsewhere now: no longer changed where it stands (ownedBy)
        return release(v)!;
      }
      return getGlobal(n.n);
    }
    case 'prim': return primValue(n.n);
    case 'mon': return evMon(n, fr);
    case 'app': return evApp(n, fr);
    case 'adv': {
      const f = n.f.k === 'prim' ? primValue(n.f.n) : ev(n.f, fr);
      return derive(n.a, f);
    }
    case 'lam': return n.v;
    case 'list': {
      const a = n.a, r = new Array<Q>(a.length);
      for (let i = a.length - 1; i >= 0; i--) { const x = a[i]; r[i] = x ? ev(x, fr) : NIL; }
      return fromItems(r);
    }
    case 'seq': {
      let r: Q = NIL;
      for (const s of n.a) { r = stmt(s, fr); if (r === RETURNED) return r; }
      return r;
    }
    case 'nil': return NIL;
    case 'asg': return assign(n, fr);
    // (a return whose value returned itself, :$[c;:x;y], takes that value: mkst's AoC 2023 day 8)
    case 'ret': { const v = ev(n.x, fr); throw new Return(v === RETURNED ? returned() : v); }
    case 'sig': {
      const x = ev(n.x, fr);
      // the caret goes under the ' (ref/signal: "Debugger break location")
      if (n.p !== undefined) cursor.at = n.p;
      // only symbols and strings can be signalled, and a trapped error passed on with its backtrace
      if (x.t === T.List) { const e = resignal(x); if (e) throw e; }
      throw new QError(x.t === -T.Sym ? (x as Atom).v : x.t === T.Char ? text(x) : 'stype');
    }
    case 'ctl': return control(n.c, n.a, fr);
    case 'sys': return system(n.s);
    case 'sql': return evalSql(n, fr, ev);
    case 'pat': return evPat(n, fr);
    case 'pcond': return evPcond(n, fr);
  }
}

// the larger kinds of node each have a function of their own, so that ev's frame stays small: a q call
// nests several ev frames, and their size sets how deep q can recurse in the engine's stack
function evMon(n: Extract<Node, { k: 'mon' }>, fr: Frame): Q {
  const x = ev(n.x, fr);
  // an argument that returned from the lambda (f $[c;:x;y]) ends the expression
  if (x === RETURNED) return x;
  if (n.p !== undefined) cursor.at = n.p;
  if (n.f.k === 'prim') {
    if (n.f.bare) throw new QError(n.f.n);
    cursor.fn = n.f.n; cursor.x = x; cursor.args = UNARY;
    const m = PRIMS[n.f.n]?.m; if (m) return m(x); return apply1(primValue(n.f.n), x);
  }
  if (n.f.k === 'name') { const r = atomAt(n.f, fr, [x], n.p); if (r !== undefined) return r; }
  const f = (n.f.k === 'name' ? applied(n.f, fr, [x]) : undefined) ?? ev(n.f, fr);
  // (a function that returned from the lambda ends the expression too: {if[x;:`a] `b}, a kdb+ course's
  // stringMe)
  if (f === RETURNED) return f;
  if (n.p !== undefined) cursor.at = n.p;
  cursor.fn = f; cursor.x = x; cursor.args = UNARY;
  return apply1(f, x);
}
function evApp(n: Extract<Node, { k: 'app' }>, fr: Frame): Q {
  const a = n.a;
  // a section projects whatever the verb is: (2*') and (%). wait for their right argument
  if (n.sec) { const x = ev(a[0]!, fr); return project(n.f.k === 'prim' ? primValue(n.f.n) : ev(n.f, fr), [x]); }
  // infix x op y: right then left, straight to the primitive's dyadic form
  if (a.length === 2 && n.f.k === 'prim' && a[0] && a[1]) {
    // the primitive's dyadic form, looked up once per node
    const f = n.f as { k: 'prim'; n: string; dyad?: ((x: Q, y: Q) => Q) | null };
    const d = f.dyad !== undefined ? f.dyad : (f.dyad = PRIMS[f.n]?.d ?? null);
    if (d) { const y = ev(a[1], fr); if (y === RETURNED) return y; const x = ev(a[0], fr); if (x === RETURNED) return x; if (n.p !== undefined) cursor.at = n.p; cursor.fn = f.n; cursor.x = x; cursor.y = y; cursor.args = null; return d(x, y); }
  }
  // arguments evaluate right to left, as q does
  const args: (Q | undefined)[] = new Array(a.length);
  for (let i = a.length - 1; i >= 0; i--) { const x = a[i]; if ((args[i] = x ? ev(x, fr) : undefined) === RETURNED) return RETURNED; }
  if (n.p !== undefined) cursor.at = n.p;
  if (n.f.k === 'prim') {
    const nm = n.f.n;
    cursor.fn = nm; cursor.args = args;
    // infix x op y: straight to the primitive's dyadic form
    if (args.length === 2 && args[0] !== undefined && args[1] !== undefined) {
      const d = PRIMS[nm]?.d;
      if (d) return d(args[0], args[1]);
    }
    if (nm === '.table') return PRIMS['.table'].n!(args as Q[]);
    // f[] applies f to the generic null
    if (args.length === 1 && args[0] === undefined && a[0] === null) return apply(primValue(nm), [NIL]);
    return apply(primValue(nm), args);
  }
  // (a variable's own vector indexed, x[i] and 3 x\i, is not read whole: see applied)
  let f: Q | undefined;
  if (n.f.k === 'name') { const r = atomAt(n.f, fr, args, n.p); if (r !== undefined) return r; }
  if (n.f.k === 'name') f = applied(n.f, fr, args);
  else if (n.f.k === 'adv' && (n.f.a === '\\' || n.f.a === '/') && n.f.f.k === 'name') { const v = applied(n.f.f, fr, args); if (v) f = derive(n.f.a, v); }
  f ??= ev(n.f, fr);
  if (f === RETURNED) return f;
  if (n.p !== undefined) cursor.at = n.p;
  cursor.fn = f; cursor.args = args;
  if (args.length === 1 && args[0] === undefined) return apply(f, [NIL]);
  return apply(f, args);
}
/** A variable's value for applying it to args, or undefined for the usual read (ev). Where an amend made
 *  the value its variable's own (a local's, marked with its frame; a global's, with its full name) and
 *  args only index it (a position, or for a simple vector a vector of positions; also as the function
 *  of 3 v\i or v/[i]), it is not released: what that gives is atoms or a new vector, never the value
 *  itself, so it stays the variable's to change in place (a loop that reads v at a few positions and
 *  amends it, AoC 2020 day 23's cups, copied all of v each time). A value no variable owns is given as
 *  ev would give it, without ev's second lookup. */
function applied(n: Extract<Node, { k: 'name' }>, fr: Frame, args: readonly (Q | undefined)[]): Q | undefined {
  if (scope.cols) return undefined;
  let v: Q | undefined, owner: unknown;
  if (n.slot !== undefined) { if (!fr) return undefined; v = fr[n.slot]; owner = fr; }
  else { owner = env.full(n.n); if (env.views.size && env.views.has(owner as string)) return undefined; v = env.globals.peek(owner as string); }
  if (v === undefined) return undefined;
  if ((v as Owned).own !== owner) return (v as Owned).own === undefined ? v : undefined;
  let atoms = true;
  for (const a of args) {
    if (a === undefined) return undefined;
    if (a.t !== -T.Long && a.t !== -T.Int) { if (a.t !== T.Long && a.t !== T.Int) return undefined; atoms = false; }
  }
  // (a local's general list at a position too: its item is copied before it is changed, inplace.ts row)
  return v.t > 0 && v.t < T.Enum || atoms && v.t === T.List && n.slot !== undefined ? v : undefined;
}
/** A dictionary or general list its variable alone holds, indexed to an atom (d k, d[k], a cache's lookup
 *  between its appends): the atom, the value staying the variable's own, so that the next d[k]:v changes
 *  it where it stands. An atom cannot be a part of the value that a later change in place would reach;
 *  anything else the index gives ends the variable's hold (its name is read whole), as ev would. Undefined
 *  where the name is not such a variable. */
function atomAt(n: Extract<Node, { k: 'name' }>, fr: Frame, args: (Q | undefined)[], p: number | undefined): Q | undefined {
  if (scope.cols) return undefined;
  let v: Q | undefined, owner: unknown;
  if (n.slot !== undefined) { if (!fr) return undefined; v = fr[n.slot]; owner = fr; }
  else { owner = env.full(n.n); if (env.views.size && env.views.has(owner as string)) return undefined; v = env.globals.peek(owner as string); }
  if (v === undefined || (v as Owned).own !== owner || !(v.t === T.Dict || v.t === T.List)) return undefined;
  for (const a of args) if (a === undefined) return undefined;
  if (p !== undefined) cursor.at = p;
  cursor.fn = v; cursor.args = args;
  const r = apply(v, args);
  if (!(r.t < 0 || r.t >= 100)) ev(n, fr);
  return r;
}
function evPat(n: Extract<Node, { k: 'pat' }>, fr: Frame): Q {
  const out: Binding[] = [];
  const v = matchPat(n.p, ev(n.r, fr), fr, ev, out);
  bindAll(out, fr);
  return v;
}
function evPcond(n: Extract<Node, { k: 'pcond' }>, fr: Frame): Q {
  const v = ev(n.v, fr);
  for (let i = 0; i < n.ps.length; i++) {
    const out: Binding[] = [];
    try { matchPat(n.ps[i], v, fr, ev, out); }
    catch (e) { if (e instanceof QError && (e.q === 'match' || e.q === 'type' || e.q === 'length')) continue; throw e; }
    bindAll(out, fr);
    return ev(n.rs[i], fr);
  }
  return n.rs.length > n.ps.length ? ev(n.rs[n.rs.length - 1], fr) : NIL;
}

const primCache = new Map<string, Q>();
export function primValue(name: string): Q {
  name = K_GLYPHS[name] ?? name;
  let p = primCache.get(name);
  if (!p) {
    if (!PRIMS[name] && name !== '::') throw new QError(name);
    // upsert is defined in kdb+'s .q as the projection .[;();,;], which is its value (wp/permissions finds
    // it in a parse tree by (.[;();,;])~first x); applied infix or with its arguments it still runs
    // upsert's own primitive, which .[x;();,;y] runs too (apply-prims)
    if (name === 'upsert') { p = project(primValue('.'), [undefined, list([]), primValue(','), undefined]); primCache.set(name, p); return p; }
    // a glyph's unary form (+: -: #: …) is unary, 101h, as the keyword it is (flip is +:); a keyword
    // that is one of kdb+'s operators (in within like bin ss … on the wire, ipc/prims.ts) is 102h
    p = { t: /^[^0-9a-z.]:$/.test(name) || /^[a-z.]/.test(name) && primCode(name)?.[0] !== 102 ? T.Unary : T.Op, name } as Prim;
    primCache.set(name, p);
  }
  return p;
}

/** Make a successful match's bindings: locals where the lambda has them, else globals. */
function bindAll(out: Binding[], fr: Frame) {
  for (const { p, v } of out) {
    const local = p.slot !== undefined && fr;
    let r = v;
    if (p.idx) {
      const cur = local ? fr![p.slot!] : getGlobal(p.n);
      if (cur === undefined) throw new QError(p.n);
      r = amend(cur, p.idx.map(i => i ? ev(i, fr) : NIL), null, v);
    }
    if (local) fr![p.slot!] = r; else setGlobal(p.n, r);
  }
}

/** The value an amending assignment starts from: the local, or the global, of that name. x op:y of a
 *  global not yet defined starts from op's identity element, where it has one (ref/assign: bar+:1 is 1). */
function current(n: Extract<Node, { k: 'asg' }>, fr: Frame, local: unknown): Q {
  // a local not yet assigned is (), as it reads
  if (local) return fr![n.slot!] ?? list([]);
  const v = lookupGlobal(n.n);
  if (v !== undefined) return v;
  // a path into a global dictionary (.x.d.c,:3 appends to the value at c; qspec's assertion state)
  if (n.op && !n.idx && n.n.lastIndexOf('.') > 0) { try { return getGlobal(n.n); } catch { /* a name not there yet */ } }
  // (. and @ have :: for identity: (::) . y and (::)@y are y, so TorQ's err.:(::) defines err)
  const start = n.op && !n.idx ? identity(primValue(n.op.n)) ?? (n.op.n === '.' || n.op.n === '@' ? NIL : null) : null;
  // (and ^ | & have no one value for every type: an undefined x op:y is y, as their identities would make
  // it — finos' include.q: .finos.dep.loaded^:d)
  if (start === null && n.op && !n.idx && (n.op.n === '^' || n.op.n === '|' || n.op.n === '&')) return UNDEFINED;
  return start ?? getGlobal(n.n);
}
/** What current gives for an undefined name under ^: | : & : (the assignment takes y as it is). */
const UNDEFINED: Q = { t: T.List, d: [] } as unknown as Q;

function assign(n: Extract<Node, { k: 'asg' }>, fr: Frame): Q {
  if (n.r.k === 'nil') throw new QError('assign');
  // name::expr at the top level defines a view: its value follows the globals it reads
  if (!fr && n.g && !n.idx && !n.op && n.r.k !== 'lit' && n.r.k !== 'lam') {
    const full = env.full(n.n);
    env.views.set(full, { node: n.r, src: n.src });
    env.globals.delete(full);
    return NIL;
  }
  let r = ev(n.r, fr);
  // a:$[c;:x;y] leaves the lambda when c holds: nothing is assigned
  if (r === RETURNED) return r;
  // inside a lambda, name::v sets the local of that name when there is one
  const local = n.slot !== undefined && fr;
  // the value of an assignment is the value assigned (ref/assign: 1+a[2]+:5 is a[2]'s new value plus 1)
  let assigned: Q | null = null;
  let idx: Q[] | null = null;
  if (n.idx) {
    // indices are evaluated right to left, as any list of expressions (basics/syntax): m[l;l:2]:1
    idx = new Array<Q>(n.idx.length);
    for (let j = n.idx.length - 1; j >= 0; j--) { const i = n.idx[j]; idx[j] = i ? ev(i, fr) : NIL; }
    // every value of a dictionary at once, d[::]:x, is blocked (basics/errors: adict); a list's is not
    if (idx.length === 1 && isNil(idx[0])) {
      const v = local ? fr![n.slot!] : env.globals.peek(env.full(n.n));
      if (v !== undefined && v.t === T.Dict && (v as Dict).k.t !== T.Table) throw new QError('adict');
    }
    const op = n.op ? primValue(n.op.n) : null;
    const y = r;
    // a[i]:v on a vector the variable alone holds changes it where it stands (a loop of them was
    // quadratic): a local's is marked with its frame, a global's with its full name (env.ts: Globals)
    const owner: unknown = local ? fr : env.full(n.n);
    const held = local ? undefined : env.globals.peek(owner as string);
    if (local || (held !== undefined && (held as Owned).own === owner)) {
      // (a[i]:v, d[k]:v at a key d lacks, m[i;j]:v: inplace.ts; a global's change is still a change, refused
      // under reval and counted for the log and the heap, so the variable is set before anything changes)
      const x = local ? fr![n.slot!] : held, done = inPlace(x, owner, idx, op, y);
      if (done) {
        const after = valueAfter(done, x!);
        if (local) fr![n.slot!] = after; else env.globals.set(owner as string, after);
        const v = commit(done);
        if (!local) notifyChange(n, fr, idx);
        return v;
      }
    }
    const before = local ? fr![n.slot!] : held, wasOwn = before !== undefined && (before as Owned).own === owner;
    const c = current(n, fr, local);
    r = amend(c, idx, op, r);
    // the copy amend made is the variable's alone, until it is read whole
    // (a dictionary's when the amend replaced a value at a key it had: its values are then a copy, and
    // its keys are never changed; and when it appended a key to a dictionary that was the variable's
    // alone: the grown keys and values share their room only with that one, which nothing else holds —
    // else each d[k]:v at a key d has after one it lacked copied every value, d[rand n]:1 in a loop was
    // quadratic)
    // (and tables, and general values an append made afresh: claims)
    if (r !== c && claims(c, r, wasOwn)) (r as Owned).own = owner;
    else if (r !== c) { const k = claimKeyed(c, r); if (k) { r = k; (r as Owned).own = owner; } }
    assigned = op ? itemsAt(r, idx) : y;
  } else if (n.op) {
    // (whether the variable alone holds its list, asked before the read below, which releases it)
    // (only for ,: — a+:1 in a loop asks nothing)
    const joining = n.op.n === ',', owner: unknown = !joining ? null : local ? fr : env.full(n.n);
    const held = !joining ? undefined : local ? fr![n.slot!] : env.globals.peek(owner as string);
    const mine = held !== undefined && (held as Owned).own === owner;
    const c = current(n, fr, local);
    // e,:syms on an enumeration enumerates the new symbols ('cast when the domain lacks one)
    if (c.t === T.Enum && n.op.n === ',' && (r.t === T.Sym || r.t === -T.Sym)) r = hooks.enumerate((c as any).dom, r);
    // x,:y on a general list one rank deeper than y appends y as one item (ref/join): s:enlist 1 2 3;
    // s,:4 5 6 makes two items, where s,4 5 6 makes four
    // (() appends nothing: s,:() leaves a list of strings as it was)
    if (n.op.n === ',' && c.t === T.List && (c as List).d.length && !(r.t === T.List && !count(r)) && rankOfItems(c) === rankOfItems(r) + 1) r = list([r]);
    const y = r;
    // x,:y on a general list the variable alone holds (and that stays general: some item is not an atom)
    // pushes y's items onto it where it stands: appending vectors in a loop copied the list every time
    if (n.op.n === ',' && c.t === T.List && (y.t === T.List || y.t < 0 || (y.t > 0 && y.t <= T.Enum))) {
      const x = c as List;
      if (mine && held === c && x.d.length && staysGeneral(x.d, y)) {
        // (the variable is set first: a change refused, under reval, leaves the list as it was)
        if (!local) env.globals.set(owner as string, x);
        pushOnto(x, y);
        // (the read above released the list, which is still the variable's alone)
        (x as Owned).own = owner;
        if (!local) notifyChange(n, fr, null);
        return x;
      }
    }
    // (a step dictionary is not upserted in place: basics/errors' step, as `d upsert does)
    if (n.op.n === ',' && c.t === T.Dict && (c as { a?: number }).a === 1 && (c as Dict).k.t !== T.Table) throw new QError('step');
    // x,:y grows x into room behind it (grow.ts): appending in a loop is not a copy each time
    const d = PRIMS[n.op.n]?.d;
    // (a table the variable alone holds takes its general columns' new items where they stand)
    r = c === UNDEFINED ? y : n.op.n === ',' ? appendJoin(c, y, (c.t === T.Table || isKeyed(c)) && mine && held === c) : d ? d(c, y) : apply(primValue(n.op.n), [c, y]);
    // x,:y appends to x in place, so a typed vector (or a table's typed column) must keep its type (ref/join);
    // any other x op:y is x:x op y, whatever its type (a%:2 of longs is floats; greplin.q's x@:i of a string)
    if (n.op.n === ',') {
      // (an empty vector takes any items, as a list that has none yet: a:`int$(); a,:5 — gyorokpeter's
      // AoC 2021 day 16 and 2022 day 17 append longs so)
      if (c.t > 0 && c.t <= T.Enum && r.t !== c.t && count(c) > 0) throw new QError('type');
      if (c.t === T.Dict && r.t === T.Dict && (c as any).v.t > 0 && (c as any).v.t <= T.Enum && (r as any).v.t !== (c as any).v.t) throw new QError('type');
      if (c.t === T.Table && r.t !== T.Table) throw new QError('type');
      if (c.t === T.Table && r.t === T.Table && (c as any).d.some((col: Q, j: number) => col.t > 0 && col.t <= T.Enum && (r as any).d[j].t !== col.t)) throw new QError('type');
      // a general list the join made afresh is the variable's alone: the next x,:y pushes onto it; and a
      // table's general columns the append made (or pushed onto) are the table's alone
      if ((r.t === T.List || r.t === T.Table || isKeyed(r)) && r !== c && r !== y) (r as Owned).own = owner;
    }
  }
  if (local) fr![n.slot!] = r;
  else {
    setGlobal(n.n, r);
    notifyChange(n, fr, idx);
  }
  return assigned ?? r;
}
/** An assignment a parse tree holds, as eval runs it: (:;`a;v), (::;`a;v), (op:;`a;v) for a op:v and (…;(`a;i;j);v)
 *  for a[i;j]…:v, with the indices and v already evaluated. It is the assignment the text would make (a
 *  global's: eval and value run at the top level), amend and .z.vs included. */
export function assignTree(name: string, idx: Q[] | null, op: string | null, r: Q, g: boolean): Q {
  const lit = (v: Q): Node => ({ k: 'lit', v });
  return assign({ k: 'asg', n: name, idx: idx ? idx.map(lit) : null, op: op ? { k: 'prim', n: op } : null, g, r: lit(r) }, null);
}
/** .z.vs[name;indices] hears of every change to a global of the root namespace (ref/dotz: not .a.b, nor a
 *  function's locals; a function's g::v is a global's change); the indices are those already evaluated,
 *  so none is evaluated twice. Changes .z.vs itself makes are not heard again (it would never end). */
function notifyChange(n: Extract<Node, { k: 'asg' }>, _fr: Frame, idx: Q[] | null): void {
  if (n.n[0] === '.' || env.full(n.n) !== n.n || hearing) return;
  const vs = lookupGlobal('.z.vs');
  if (!vs) return;
  hearing = true;
  try { apply(vs, [{ t: -T.Sym, v: n.n } as Q, idx ? (idx.length === 1 ? idx[0] : fromItems(idx)) : list([])]); } finally { hearing = false; }
}
let hearing = false;

/** The rank ,: compares: an atom's is 0, a vector's (and a dictionary's) 1, a general list's one more than
 *  its first item's, a table's as its rows' list (so e,:rows onto a list of dictionaries adds each row). */
function rankOfItems(x: Q): number {
  if (x.t === T.List) return (x as List).d.length ? 1 + rankOfItems((x as List).d[0]) : 1;
  if (x.t === T.Table) return 2;
  return x.t > 0 && x.t <= T.Enum || x.t === T.Dict ? 1 : 0;
}

/** A statement: `:x` there gives the RETURNED marker (signal.ts) rather than throwing. */
function stmt(n: Node, fr: Frame): Q {
  if (n.k !== 'ret') return ev(n, fr);
  const v = ev(n.x, fr);
  return v === RETURNED ? v : returning(v);
}

function control(c: string, a: Node[], fr: Frame): Q {
  switch (c) {
    case '$': return cond(a, x => ev(x, fr), x => stmt(x, fr));
    case 'if': {
      if (truthy(condValue(ev(a[0], fr)))) for (let i = 1; i < a.length; i++) if (stmt(a[i], fr) === RETURNED) return RETURNED;
      return NIL;
    }
    case 'do': {
      const c0 = ev(a[0], fr);
      if (!(c0.t === -T.Long || c0.t === -T.Int || c0.t === -T.Short || c0.t === -T.Byte || c0.t === -T.Bool)) throw new QError('type');
      const k = Number((c0 as Atom).v);
      for (let j = 0; j < k; j++) { env.check(); for (let i = 1; i < a.length; i++) if (stmt(a[i], fr) === RETURNED) return RETURNED; }
      return NIL;
    }
    case 'while': {
      while (truthy(condValue(ev(a[0], fr)))) { env.check(); for (let i = 1; i < a.length; i++) if (stmt(a[i], fr) === RETURNED) return RETURNED; }
      return NIL;
    }
  }
  throw new QError('nyi');
}
/** Cond over its arguments c0;t0;c1;t1;…;else: the branch after the first condition that holds, else the
 *  last odd one, else ::. Only what is needed is evaluated (test and run: $[…] here, eval's ($;…) too). */
export function cond<N>(a: N[], test: (x: N) => Q, run: (x: N) => Q): Q {
  let i = 0;
  for (; i + 1 < a.length; i += 2) if (truthy(condValue(test(a[i])))) return run(a[i + 1]);
  return i < a.length ? run(a[i]) : NIL;
}
/** Conditions take atoms; kdb+ also accepts a one-item list and treats null and zero as false. */
function condValue(x: Q): Q {
  if (x.t < 0) return x;
  if (count(x) === 1 && x.t > 0 && x.t < 20) return apply1(primValue('first'), x);
  throw new QError('type');
}
export { str, list, isNil };

// value get parse eval show: primitives that reach back into the session through hooks.
import { T } from '../value/types.js';
import { Q, Atom, Dict, Proj, Comp, IterFn, List, Lambda, Vec, NIL, text, list, vec, symVec, sym } from '../value/value.js';
import { walkNodes, type Node as AstNode } from '../parse/ast.js';
import { statementsAt } from '../parse/script.js';
import { keyText } from './list.js';
import { QError, asSignal } from '../value/error.js';
import { deenum } from '../value/enums.js';
import * as D from './disk.js';
import { pathOf } from './files.js';
import { hooks } from './hooks.js';
import { apply } from './apply.js';
import { primCode } from '../ipc/prims.js';
import { long, str, count, items } from '../value/value.js';
import { INTERNAL } from './internal.js';
import { lex } from '../parse/lexer.js';
import { resetPeak, peakSince } from '../value/heap.js';
import { symName } from '../value/sym.js';
import { dot } from './apply-prims.js';
import { Frame, liveFrames, framesText, suspension } from '../eval/backtrace.js';

/** view `v: the text that defines a view. */
export function view(x: Q): Q {
  if (x.t !== -T.Sym) throw new QError('type');
  const src = hooks.viewSource((x as Atom).v);
  if (src === undefined) throw new QError((x as Atom).v);
  return str(src);
}
/** views[]: the views of the current namespace, sorted (\b). */
export const views = (_: Q): Q => hooks.system('b');

export function value(x: Q): Q {
  switch (x.t) {
    // value of an enumeration is what it stands for
    case T.Enum: case -T.Enum: return deenum(x);
    case T.Dict: return (x as Dict).v;
    // a file symbol's value is what the file holds, as get gives it
    case -T.Sym: return ((x as Atom).v as string).startsWith(':') ? get(x) : hooks.getGlobal((x as Atom).v);
    case T.Char: case -T.Char: return hooks.evalText(text(x));
    case T.List: {
      const d = (x as List).d;
      if (!d.length) return x;
      // (a string, or a char as a string of one, is code: value ("+";2;2) is 4, basics/ipc's .z.pg tip)
      const f = d[0].t === -T.Sym ? hooks.getGlobal((d[0] as Atom).v) : d[0].t === T.Char || d[0].t === -T.Char ? hooks.evalText(text(d[0])) : d[0];
      return apply(f, d.slice(1));
    }
    // a list of symbols is a list too: the first names what is called (or indexed) with the others as
    // they are, as in h(`.u.sub;`trade;`) from a tickerplant's subscriber
    case T.Sym: {
      const ids = (x as Vec).d as Int32Array;
      if (!ids.length) return x;
      // a file named as a symbol vector, its directory first (ref/get): get `:db/2020.01.01/t`.d
      if (symName(ids[0]).startsWith(':')) return get(sym(Array.from(ids, symName).join('/')));
      return apply(hooks.getGlobal(symName(ids[0])), Array.from(ids.subarray(1), id => sym(symName(id))));
    }
    case T.Proj: {
      const p = x as Proj, a = p.args.slice();
      return list([p.f, ...a.map(v => v ?? NIL)]);
    }
    // a composition's value is the list of what it composes; a derived function's, its iterator's
    // argument (ref/value)
    case T.Comp: return list((x as Comp).fs.slice());
    case T.Each: case T.Over: case T.Scan: case T.Prior: case T.EachRight: case T.EachLeft: return (x as IterFn).f;
    // a view taken from the root dictionary (`. `v): its last value, parse tree, names it reads, text
    case T.Lambda: if ((x as Lambda).view) return hooks.viewParts((x as Lambda).view!); return lambdaParts(x as Lambda);
    // a primitive's value is its index in kdb+'s primitive table (its wire code)
    case T.Unary: case T.Op: { const c = primCode((x as any).name); if (c) return long(c[1]); break; }
  }
  return x;
}
export const get = (x: Q): Q => x.t === -T.Sym ? (((x as Atom).v as string).startsWith(':') ? D.getFile(((x as Atom).v as string).slice(1)) : hooks.getGlobal((x as Atom).v)) : value(x);
export const parse = (x: Q): Q => { if (x.t !== T.Char && x.t !== -T.Char) throw new QError('type'); return hooks.parse(text(x)); };
/** -5!x is parse. */
INTERNAL['-5'] = parse;
/** -4!x: the tokens of q text as strings, each run of white space between them one more. */
INTERNAL['-4'] = x => {
  if (x.t !== T.Char && x.t !== -T.Char) throw new QError('type');
  const src = text(x), toks = lex(src).filter(t => t.k !== 'nl'), out: Q[] = [];
  toks.forEach((t, i) => {
    const next = i + 1 < toks.length ? toks[i + 1].pos : src.length;
    // a token runs to the white space before the next one
    let end = next;
    while (end > t.pos + 1 && /\s/.test(src[end - 1])) end--;
    out.push(str(src.slice(t.pos, end)));
    if (end < next) out.push(str(src.slice(end, next)));
  });
  return list(out);
};
export const evalQ = (x: Q): Q => hooks.evalTree(x);
/** run's time in ms and space in bytes, as \ts reports them: the space is the most vector memory (wasm
 *  heap blocks) it took beyond what was in use before; small JavaScript objects are not counted. */
export function timeSpace<R>(run: () => R): [Q, R] {
  const t0 = performance.now(), m0 = resetPeak();
  const r = run();
  const ms = BigInt(Math.round(performance.now() - t0));
  return [{ t: T.Long, d: BigInt64Array.of(ms, BigInt(peakSince(m0))), a: 0 } as Q, r];
}
/** .Q.ts[f;args]: (time and space as \ts gives them; f . args). */
export const qts = (f: Q, args: Q): Q => list(timeSpace(() => dot([f, args])));
/** reval x: eval as under -b, and more (ref/eval): no global changes ('noupdate), no file writes, no system
 *  commands, no exit ('access). */
export const reval = (x: Q): Q => hooks.restricted(() => hooks.evalTree(x));
export const show = (x: Q): Q => { const s = hooks.display(x); if (s) hooks.write(1, s + '\n'); return NIL; };

/** system "c 25 80": run a system command; its result, or :: for commands that only act. */
export const system = (x: Q): Q => { if (x.t !== T.Char && x.t !== -T.Char) throw new QError('type'); return hooks.system(text(x)); };

/** hopen x: a handle to `:host:port[:user:pass], a port number, or (target;timeout ms). */
export function hopen(x: Q): Q {
  let target: Q = x, timeout = 0;
  if (x.t === T.List) { const d = (x as List).d; target = d[0]; timeout = Number((d[1] as Atom).v); }
  let s: string;
  if (target.t === -T.Sym) s = (target as Atom).v;
  else if (target.t === T.Char) s = text(target);
  else if (target.t === -T.Long || target.t === -T.Int) s = '::' + String((target as Atom).v);
  else throw new QError('type');
  // `:fifo://path reads a named pipe (kb/named-pipes)
  if (s.startsWith(':fifo://')) return { t: -T.Int, v: D.openReader(s.slice(8)) } as Q;
  // a path that names no host:port (and no unix://, tcp:// …) is a file to append to
  if (s.startsWith(':') && !/^:[^:/]*:\d+/.test(s) && !/^:[a-z]+:\/\//.test(s)) {
    if (hooks.readOnly()) throw new QError('access');
    return { t: -T.Int, v: D.openFile(s.slice(1)) } as Q;
  }
  // host:port, or a scheme (unix:// is built; tcps:// and the rest the host refuses with 'nyi)
  if (!/^:[^:]*:\d+/.test(s) && !/^:[a-z]+:\/\//.test(s)) throw new QError('nyi');
  const open = hooks.open;
  return { t: -T.Int, v: open(s, timeout) } as Q;
}
export const hclose = (x: Q): Q => { if (x.t !== -T.Int && x.t !== -T.Long) throw new QError('type'); const h = Number((x as Atom).v); if (!D.closeFile(h)) hooks.close(h); return NIL; };

/** `name set v: assign a global; `:path set v writes a kdb+ data file (`:dir/t/ a splayed table). */
export function set(x: Q, y: Q): Q {
  // (`:file;lbs;alg;lvl) set y: the file compressed
  if (x.t === T.List && (x as List).d.length === 4 && (x as List).d[0].t === -T.Sym) {
    const [f, ...z] = (x as List).d, name = (f as Atom).v as string, zip = D.zipArgs(list(z));
    if (!name.startsWith(':') || !zip) throw new QError('type');
    // (tgt;lbs;alg;lvl) set `:src converts the saved file src to the compressed file tgt (wp/compress;
    // wp/symfiles compresses its sym file in place so)
    if (y.t === -T.Sym && ((y as Atom).v as string).startsWith(':') && !((y as Atom).v as string).endsWith('/')) { D.zipCopy(pathOf(y), name.slice(1), zip[1] ? zip : null); return f; }
    D.setFile(name.slice(1), y, zip);
    return f;
  }
  // (`:dir/;dict) set t: each column compressed as the dictionary says (` for the others, else .z.zd)
  if (x.t === T.List && (x as List).d.length === 2 && (x as List).d[0].t === -T.Sym && (x as List).d[1].t === T.Dict) {
    const [f, z] = (x as List).d, name = (f as Atom).v as string;
    if (!name.startsWith(':') || !name.endsWith('/')) throw new QError('type');
    D.setFile(name.slice(1), y, D.zipPlan(z));
    return f;
  }
  if (x.t !== -T.Sym) throw new QError('type');
  const name = (x as Atom).v as string;
  if (name.startsWith(':')) return D.setFile(name.slice(1), y);
  hooks.setGlobal(name, y);
  return x;
}

// ---- backtraces (eval/backtrace.ts) ----------------------------------------------------------------

/** A backtrace as a q value: one (name;source;position) per frame, innermost first. */
const btValue = (frames: Frame[]): Q => list(frames.map(f => list([str(f.name), str(f.src), long(BigInt(f.pos))])));
const btFrames = (x: Q): Frame[] => {
  if (x.t !== T.List) throw new QError('type');
  return (x as List).d.map(f => {
    const [n, s, p] = f.t === T.List ? (f as List).d : [];
    if (!n || !s || !p || p.t !== -T.Long) throw new QError('type');
    return { name: text(n), src: text(s), pos: Number((p as Atom).v) };
  });
};
/** 'x of a pair (message;backtrace), the two a .Q.trp handler is given: the error again, with that
 *  backtrace as its frames ('(x;y) passes a trapped error on, as .Q.fpn does); null for any other x. */
export function resignal(x: Q): QError | null {
  if (x.t !== T.List || count(x) !== 2) return null;
  const [m, b] = (x as List).d;
  if (!(m.t === T.Char || m.t === -T.Sym)) return null;
  let frames: Frame[];
  try { frames = btFrames(b); } catch { return null; }
  if (!frames.length) return null;
  const e = new QError(m.t === -T.Sym ? (m as Atom).v as string : text(m));
  e.bt = frames; e.sealed = true;
  return e;
}
/** .Q.bt[]: the frames running now, printed as kdb+ prints them. */
export function qbt(_x: Q): Q {
  // at the debugger's prompt, the suspended stack, >> marking the frame in view (basics/debug)
  hooks.write(1, suspension.frames ? framesText(suspension.frames, suspension.at) : framesText(liveFrames()));
  return NIL;
}
/** .Q.trp[f;x;g]: f[x], or on a signal g[message;backtrace], the backtrace running from the signal out
 *  to the top level. */
export function qtrp(a: Q[]): Q {
  const [f, x, g] = a;
  try { return apply(f, [x]); }
  catch (x) {
    const e = asSignal(x);
    if (!e) throw x;
    return apply(g, [str(e.q), btValue([...(e.bt ?? []), ...liveFrames()])]);
  }
}
/** .Q.trpd[f;x;g]: .[f;x;g] that also passes the backtrace to g, as .Q.trp does for a unary f. */
export function qtrpd(a: Q[]): Q {
  const [f, x, g] = a;
  try { return dot([f, x]); }
  catch (x) {
    const e = asSignal(x);
    if (!e) throw x;
    return apply(g, [str(e.q), btValue([...(e.bt ?? []), ...liveFrames()])]);
  }
}
/** -105!(f;args;g): f applied to its list of arguments, or on a signal g[message;backtrace]: what .Q.trp
 *  is made of (kdb-common's .ns.protectedExecute calls it so) */
INTERNAL['-105'] = x => { if (x.t !== T.List || count(x) !== 3) throw new QError('type'); return qtrpd(items(x)); };
/** .Q.ld lines: the lines grouped into statements as \l groups them (comment lines kept), as the line
 *  each starts on over the statements' text. */
export function qld(x: Q): Q {
  if (x.t !== T.List && x.t !== T.Char) throw new QError('type');
  const lines = x.t === T.Char ? [text(x)] : (x as List).d.map(l => { if (l.t !== T.Char && l.t !== -T.Char) throw new QError('type'); return text(l); });
  const st = statementsAt(lines, true);
  return list([vec(T.Long, BigInt64Array.from(st, s => BigInt(s.line))), list(st.map(s => str(s.text)))]);
}
/** .Q.sbt: a backtrace as text. */
export const qsbt = (x: Q): Q => str(framesText(btFrames(x)));

/** value of a lambda, in kdb+'s layout (ref/value): (bytecode;parameters;locals;(namespace,globals);
 *  constants…;position map;name;file;line;source). wasq runs the parse tree and has no bytecode, so that
 *  item is empty and the position map -1 (kdb+'s "position unknown"). */
function lambdaParts(f: Lambda): Q {
  const params = f.params, locals = f.locals.filter(n => !params.includes(n));
  const globals: string[] = [], consts: Q[] = [], seen = new Set<string>();
  // (a query's columns and the names in its clauses are symbols of its parse trees, not globals: only
  // its table is one; wp/permissions: value of a select lambda lists ``trade)
  walkNodes(f.body, visit);
  function visit(n: AstNode): boolean | void {
    if (n.k === 'sql') { walkNodes(n.from, visit); return false; }
    if ((n.k === 'name' || n.k === 'asg') && !f.locals.includes(n.n) && !globals.includes(n.n)) globals.push(n.n);
    // constants as kdb+ keeps them: the literal values, each once (a lambda inside is one too)
    if (n.k === 'lit') {
      const k = n.v.t === T.Lambda ? 'lambda:' + (n.v as Lambda).src : keyText(n.v);
      if (!seen.has(k)) { seen.add(k); consts.push(n.v); }
    }
  }
  const root = f.ns === '' || f.ns === '.', ns = root ? '' : f.ns.replace(/^\./, '');
  const name = f.name ? (root ? '..' : f.ns + '.') + f.name : null;
  return list([
    vec(T.Byte, new Uint8Array(0)), symVec(params), symVec(locals), symVec([ns, ...globals]), ...consts,
    long(-1n), name ? str(name) : list([]), str(f.file ?? ''), long(BigInt(f.file ? f.line ?? -1 : -1)), str(f.locked ? 'locked' : f.src),
  ]);
}

// One q process: globals, console settings, system commands and script loading. Hosts (the CLI, the
// server, the web worker) drive a session through these few verbs and get plain data back.
import { statementsAt } from './parse/script.js';
import { settle, openScope, closeScope } from './value/heap.js';
import { timeSpace } from './prims/evaluation.js';
import { setTop, recordTop, frameText, framesText, cursor, source, topFrame, keepLocals, suspension, Frame as BtFrame } from './eval/backtrace.js';
import { T } from './value/types.js';
import { Q, Atom, NIL, isNil, long, list, text, str, int, sym } from './value/value.js';
import { bytesName } from './value/utf8.js';
import { QError, osError, asSignal } from './value/error.js';
import { Env, Host, env, setEnv, writes } from './eval/env.js';
import { parse, makeLambda } from './parse/parser.js';
import type { Node } from './parse/ast.js';
import { ev, callLambda } from './eval/eval.js';
import { amendGlobal, ownGlobal } from './eval/inplace.js';
import { Return, RETURNED, returned } from './eval/signal.js';
import { SYSTEM, system } from './eval/system.js';
import { scramble, unscramble, locking } from './eval/lock.js';
import { PRIMS } from './prims/registry.js';
import { cellText } from './format/html.js';
import { count, item, items, fromItems, isKeyed } from './value/value.js';
import type { Table, Dict, Vec } from './value/value.js';
import { apply, apply1, rankOf } from './prims/apply.js';
import './prims/table.js';
import './prims/ipc-prims.js';
import { show, s1, cut } from './format/console.js';
import { bootstrap, bindSession } from './boot.js';
import { hooks } from './prims/hooks.js';
import { derive } from './prims/iter.js';
import { toTree, evalTree } from './eval/parsetree.js';
import { loadDb, mapTable, loadData } from './prims/disk.js';
import { getGlobal, setGlobal, namespaceKeys, setTemporalPart, lookup, viewParts, namespace, inWorkingNs, deleteMember } from './eval/names.js';
import { temporalPart } from './prims/temporal.js';
// x.part on a global: a foreign key's target column, else a temporal part
setTemporalPart((x, p) => followKey(x, p) ?? temporalPart(x, p));
installSqlTree();
import { setEnumResolver } from './value/enums.js';
import { installSqlTree } from './eval/sqltree.js';
import { enumerate, followKey } from './prims/enum.js';
import { fselect, fupdate, fexec } from './eval/funsql.js';

/** What evaluating one input gives: console text (may be empty) and whether it was an error. */
export interface Result { out: string; error: boolean; /** where in the text a parse error was found */ pos?: number;
  /** for an error, the frame it happened in as kdb+ prints it under the error (`  [1]  f:{x+`a}` and a caret) */
  trace?: string }

/** A function a session has put in .q (.q.musteq:{…}): a keyword as q's own are, infix when binary, from
 *  the next parse on (qspec writes 1 musteq 1 so) */
const userKeyword = (n: string): Q | undefined => {
  if (PRIMS[n]) return undefined;
  const g = env.globals.get('.q.' + n), v = g && g.t >= 100 ? g : undefined;
  if (consulted) consulted.set(n, v);
  return v;
};
/** The user keywords a parse asked about, and what each was then: a kept tree holds while they are the same. */
let consulted: Map<string, Q | undefined> | null = null;
/** The session the interpreter's globals serve (see activate). */
let activeSession: Session | null = null;
const KEYWORDS = {
  isVerb: (n: string) => !!PRIMS[n] && /^[a-z]/.test(n) || !!userKeyword(n),
  // a keyword with a unary form is never infix, even where it has a binary one: 10 deltas y applies 10
  isDyadic: (n: string) => { const d = PRIMS[n]; if (!d) { const f = userKeyword(n); return !!f && rankOf(f) >= 2; } return !d.m && (!!d.d || (!!d.n && d.rank >= 2)); },
  isMonadic: (n: string) => { const d = PRIMS[n]; if (!d) { const f = userKeyword(n); return !!f && rankOf(f) === 1; } return !!d.m; },
  isUser: (n: string) => !!userKeyword(n),
};

/** The texts whose trees a session keeps, and the longest such text (a script's statement is parsed once). */
const PARSED_TEXTS = 1024, PARSED_TEXT = 2048;
interface Parsed { tree: Node; quiet: boolean; keywords: [string, Q | undefined][]; locked: boolean; file: string; line: number }

export class Session {
  readonly env: Env;
  constructor(host: Host) {
    this.env = new Env(host);
    this.activate();
    bootstrap(this);
  }
  /** Make this session the one the interpreter's globals (env, hooks) serve. Only a change of session
   *  sets them: each value of text comes here, and setting ~50 hooks each time was a fifth of
   *  value"a+:1". */
  private activate() {
    settle();
    if (activeSession === this) return;
    activeSession = this;
    setEnv(this.env);
    bindSession(this);
    hooks.display = x => this.display(x);
    hooks.s1 = x => s1(x, this.env.precision);
    hooks.s1Cut = x => cut(s1(x, this.env.precision, this.env.console[1]), this.env.console[1]);
    hooks.write = (fd, s) => this.env.host.write(fd, s);
    // a string whose last statement assigns gives :: (value"b:2" and h"fn:{2+x}" show nothing in the
    // reference; KX's test harnesses count anything but 1b or :: as a failure)
    hooks.evalText = s => inWorkingNs(() => { const r = this.value(s); return r.quiet && !/^\s*\\/.test(s) ? NIL : r.v; });
    hooks.parse = s => toTree(this.parse(s));
    hooks.evalTree = x => inWorkingNs(() => evalTree(x));
    // a name a primitive is given as data (`t insert x, value`x, `x set y) is the working namespace's
    hooks.getGlobal = name => inWorkingNs(() => getGlobal(name));
    hooks.setGlobal = (name, v) => inWorkingNs(() => setGlobal(name, v));
    hooks.amendGlobal = (name, idx, f, y, whole) => inWorkingNs(() => amendGlobal(name, idx, f, y, whole));
    hooks.ownGlobal = name => inWorkingNs(() => ownGlobal(name));
    hooks.isNamespace = name => lookup(name) === undefined && namespace(name) !== null;
    hooks.deleteMember = (ns, m) => deleteMember(ns, m);
    // f peach x with secondary processes (-s -N): each item to a handle of .z.pd as one comes free
    hooks.check = () => this.env.check();
    hooks.roomFor = (n, each) => this.env.roomFor(n, each);
    hooks.peach = (f, x) => {
      const host = this.env.host;
      // secondary threads: the items in turn, each as on a thread (no global changes); one item runs as on
      // the main thread, as in kdb+
      if (this.env.secondaries > 0 && x.t >= 0 && x.t < 98 && count(x) > 1) {
        this.env.inSecondary++;
        try { return apply(derive("'", f), [x]); } finally { this.env.inSecondary--; }
      }
      if (this.env.secondaries >= 0 || !host.scatter || x.t < 0 || x.t >= 98) return null;
      const zpd = lookup('.z.pd');
      if (zpd === undefined) return null;
      const pd = zpd.t >= 100 ? apply1(zpd, NIL) : zpd;
      if (pd.t !== T.Int && pd.t !== -T.Int) throw new QError('type');
      const hs = pd.t < 0 ? [(pd as Atom).v as number] : Array.from((pd as Vec).d as Int32Array);
      if (!hs.length) return null;
      return fromItems(host.scatter(hs, f, items(x)));
    };
    hooks.namespaceKeys = namespaceKeys;
    hooks.system = cmd => this.sys(cmd);
    hooks.loadDir = (dir, cd, scripts) => this.loadDir(dir, cd, scripts);
    hooks.globalValues = () => this.env.globals.values();
    hooks.changes = () => writes;
    hooks.http = () => this.env.host.http?.bind(this.env.host) ?? null;
    hooks.rawHttp = () => this.env.host.rawHttp?.bind(this.env.host) ?? null;
    hooks.wsOpen = () => this.env.host.wsOpen?.bind(this.env.host) ?? null;
    // read0 0 reads the console: never for a client's query, which would hold the process until someone
    // typed a line (kdb+ allows it; wasq keeps the console to itself, as it keeps the shell)
    hooks.readLine = () => { if (this.env.remote) throw new QError('access'); return this.env.host.readLine?.bind(this.env.host) ?? null; };
    hooks.resolve = () => this.env.host.resolve?.bind(this.env.host) ?? null;
    hooks.precision = () => this.env.precision;
    hooks.files = () => this.env.host.files ?? null;
    hooks.readOnly = () => this.env.restricted > 0;
    hooks.computed = (name, f) => { this.env.globals.delete(name); this.env.computed.set(name, f); };
    hooks.reserveHandle = () => this.env.host.reserveHandle?.();
    hooks.releaseHandle = h => this.env.host.releaseHandle?.(h);
    hooks.enumerate = enumerate;
    hooks.mapTable = mapTable;
    // functional queries, parse trees and text: their names are the working namespace's too
    hooks.fselect = a => inWorkingNs(() => fselect(a));
    hooks.fupdate = a => inWorkingNs(() => fupdate(a));
    hooks.fexec = (t, i, p) => inWorkingNs(() => fexec(t, i, p));
    hooks.open = (t, ms) => { if (!this.env.host.open) throw new QError('nyi'); return this.env.host.open(t, ms); };
    hooks.close = h => { if (!this.env.host.close) throw new QError('nyi'); this.env.host.close(h); };
    hooks.socket = h => this.env.host.socket?.(h) ?? null;
    hooks.defer = () => { if (!this.env.host.defer) throw new QError('domain'); this.env.host.defer(); };
    hooks.respond = (h, e, x) => { if (!this.env.host.respond) throw new QError('domain'); this.env.host.respond(h, e, x); };
    hooks.getenv = name => this.env.host.getenv?.(name);
    hooks.setenv = (name, value) => { if (!this.env.host.setenv) throw new QError('nyi'); this.env.host.setenv(name, value); };
    hooks.exit = code => { if (this.env.restricted) throw new QError('access'); if (!this.env.host.exit) throw new QError('nyi'); this.env.host.exit(code); };
    hooks.restricted = f => { this.env.restricted++; try { return f(); } finally { this.env.restricted--; } };
    hooks.tzOffset = at => this.env.utcOffset ?? this.env.host.tzOffsetMinutes(at);
    hooks.viewParts = name => viewParts(name, src => toTree(this.parse(src)));
    hooks.viewSource = name => this.env.views.get(this.env.full(name))?.src;
    hooks.tables = ns => { const v = this.sys('a ' + (ns || '.')); return v; };
    // (a domain may be a partitioned table, which a link column of another indexes: kb/linking-columns)
    setEnumResolver(name => lookup(name) ?? this.env.computed.get(name)?.());
    hooks.mmu = (x, y) => PRIMS.mmu.d!(x, y);
  }

  /** q text with this session's keywords, or k text after k) (a k lambda's source from a peer or value),
   *  as a tree. An error of the parse leaves a frame of the text, its caret at the place: text given to
   *  value or parse shows in a backtrace as kdb+ 4.0 shows it (basics/debug). */
  parse(src: string): Node {
    const k = /^k\)/.test(src);
    try { return k ? parse(src.slice(2), KEYWORDS, true) : parse(src, KEYWORDS); } catch (e) {
      if (e instanceof QError && e.pos !== undefined && !e.bt?.length) e.bt = [topFrame(src, e.pos + (k ? 2 : 0))];
      throw e;
    }
  }

  /** Evaluate one console input and return its console display (kdb+ rules: nothing for assignments and ::). */
  evaluate(src: string): Result {
    // (a script's statement asked for the one-line form; an evaluate nested in it, none)
    const oneLine = this.oneLine;
    this.oneLine = false;
    this.activate();
    // the debugger's view is this session's (.Q.bt reads it)
    suspension.frames = this.suspended ? this.stack : null; suspension.at = this.at;
    // in the debugger, \ leaves it; a signal ('x) cuts the stack back too. With nothing suspended, \
    // toggles the console between q and k (basics/syscmds)
    if (/^\s*\\\s*$/.test(src)) {
      if (this.suspended) { this.suspended = null; this.env.failure = null; suspension.frames = null; } else this.kmode = !this.kmode;
      return { out: '', error: false };
    }
    // in the debugger, & shows the error and the frame in view (basics/debug "Where")
    if (this.suspended && /^\s*&\s*$/.test(src)) return { out: this.failedWith, error: false, trace: frameText(this.stack.length - 1 - this.at, this.stack[this.at]) };
    // in the debugger, ` moves up the stack and . down: the frame is shown and its locals are in scope
    if (this.suspended && /^\s*[`.]\s*$/.test(src)) {
      this.at = suspension.at = Math.max(0, Math.min(this.stack.length - 1, this.at + (src.trim() === '`' ? 1 : -1)));
      const fr = this.stack[this.at];
      this.suspended = fr.locals ? fr : { ...fr, locals: { names: [], values: [] } };
      return { out: '', error: false, trace: frameText(this.stack.length - 1 - this.at, fr) };
    }
    // in k, a line is read as a k) line is (system commands stay as they are)
    if (this.kmode && !/^\s*\\/.test(src)) src = 'k)' + src;
    // once shown, nothing the statement made is reachable unless it changed a global: its memory is free
    openScope();
    const w = writes;
    let done = false;
    cursor.fn = null; keepLocals.all = this.debug && !this.suspended;
    try {
      const v = this.suspended && !/^\s*\\/.test(src) ? this.inFrame(src, this.suspended) : this.run(src);
      const out = v === null ? '' : oneLine ? hooks.s1Cut(v) : this.display(v);
      done = true;
      return { out, error: false };
    } catch (e) {
      const bt = e instanceof QError ? e.bt : undefined, pos = e instanceof QError ? e.pos : undefined;
      // a parse error's frame is the line itself, the caret where the parser stopped
      // (an error signalled again with its backtrace shows all of it, as kdb+ prints '(x;y))
      const trace = bt?.length ? (e instanceof QError && e.sealed ? framesText(bt).replace(/\n$/, '') : frameText(bt.length - 1, bt[0])) : pos !== undefined && !src.startsWith('\\') ? frameText(0, topFrame(src, pos)) : undefined;
      // with the debugger on, an error in a lambda suspends there: its locals can be read at q))
      if (this.debug && !this.suspended && bt?.[0]?.locals) {
        this.suspended = bt[0]; this.stack = suspension.frames = bt; this.at = suspension.at = 0; this.failedWith = "'" + errorText(e);
        // .z.ex and .z.ey: the primitive that failed and its arguments, for the debugger session
        this.env.failure = e instanceof QError && e.ex !== undefined ? { ex: e.ex, ey: e.ey ?? [] } : null;
      } else if (this.suspended && /^\s*'/.test(src)) { this.suspended = null; this.env.failure = null; suspension.frames = null; }
      return { out: "'" + errorText(e), error: true, pos, ...(trace ? { trace } : {}) };
    } finally {
      this.env.interrupted = false; closeScope(done && writes === w);
      // the last application's arguments are not kept past the statement
      cursor.fn = null; cursor.x = cursor.y = undefined; cursor.args = null;
    }
  }

  /** The suspended error's frames (innermost first, the console line last) and the one in view. */
  private stack: BtFrame[] = [];
  private at = 0;
  /** the suspended error's line ('type) */
  private failedWith = '';

  /** Whether the console reads k (\ alone toggles it, as in kdb+, whose k prompt is two spaces). */
  kmode = false;

  /** The debugger (kdb+'s q)) prompt): on, an error inside a lambda leaves its frame suspended, and
   *  lines read its locals until \ leaves (a host turns it on for an interactive console). Suspended
   *  execution cannot be resumed: wasq keeps the frame's locals, not its place. */
  debug = false;

  /** -l: a message from a client (or to handle 0) runs through this, which logs it when it changed a
   *  global and undoes its changes when it failed part way (kb/logging); \l alone checkpoints it. */
  updateLog: { run(msg: Q, f: () => Q): Q; checkpoint(): void } | null = null;
  /** A message's work, through the update log when there is one. */
  logged(msg: Q, f: () => Q): Q { return this.updateLog ? this.updateLog.run(msg, f) : f(); }
  suspended: BtFrame | null = null;
  /** A line evaluated as if written in the suspended lambda: its locals are names it can read. */
  private inFrame(src: string, fr: BtFrame): Q | null {
    const line = src.trimEnd(), { names, values } = fr.locals!;
    if (!line.trim()) return null;
    const tree = this.parse(line), last = tree.k === 'seq' ? tree.a[tree.a.length - 1] : tree;
    const v = callLambda(makeLambda(line, names, [tree]), values as Q[]);
    return last.k === 'asg' || last.k === 'nil' || isNil(v) ? null : v;
  }

  /** Evaluate a statement of a script: the lambdas it defines remember the file and line. */
  /** A statement of a script: its result shown in one-line form, cut to the console's width, as kdb+
   *  shows what a loaded script's statements give (kb/versions: \l sp.q shows +`p`city!(…)). */
  evaluateAt(src: string, file: string | undefined, line: number): Result {
    this.oneLine = true;
    try { return at(this.fullPath(file ?? ''), line, () => this.evaluate(src)); } finally { this.oneLine = false; }
  }
  private oneLine = false;

  /** A script's path as its lambdas remember it: from the root, as kdb+ gives it (value f, backtraces:
   *  basics/debug "note the full path name"), where the host has a working directory. */
  private fullPath(file: string): string {
    const cwd = this.env.host.cwd?.();
    if (!file || file.startsWith('/') || !cwd) return file;
    const parts: string[] = [];
    for (const p of (cwd + '/' + file).split('/')) if (p === '..') parts.pop(); else if (p && p !== '.') parts.push(p);
    return '/' + parts.join('/');
  }

  /** Evaluate q text; null when the console would show nothing (assignment, ::, trailing ;). */
  run(src: string): Q | null {
    const r = this.value(src);
    return r.quiet ? null : r.v;
  }

  /** Evaluate q text to its value, and whether the console would stay quiet about it. */
  value(src: string): { v: Q; quiet: boolean } {
    this.activate();
    const line = src.trimEnd();
    if (!line) return { v: NIL, quiet: true };
    if (line.charCodeAt(0) === 92) {
      const v = this.sys(line.slice(1));
      // a shell command with no output (\mkdir d) prints nothing, though system"mkdir d" is ()
      return { v, quiet: isNil(v) || v.t === T.List && count(v) === 0 };
    }
    if (line.charCodeAt(1) === 41) {
      if (line[0] === 'q') return this.value(line.slice(2));
      // X) with .X.e defined: the rest of the line goes to that language's handler as a string (as q's s)
      // goes to .s.e; wp/query-interface's H)select …)
      const lang = /^([A-Za-z])\)/.exec(line);
      if (lang && lang[1] !== 'k') {
        const e = lookup(`.${lang[1]}.e`);
        if (e) return { v: apply(e, [str(line.slice(2))]), quiet: false };
      }
    }
    return this.evalParsed(line, this.parsed(line));
  }

  /** Parse q text once into something that evaluates it (\t:n runs one parse n times, as kdb+ does). */
  compile(src: string): () => { v: Q; quiet: boolean } {
    const line = src.trimEnd();
    if (!line.trim() || /^\\/.test(line) || /^q\)/.test(line)) return () => this.value(line);
    const p = this.parsed(line);
    return () => this.evalParsed(line, p);
  }
  private evalParsed(line: string, { tree, quiet }: Parsed): { v: Q; quiet: boolean } {
    let v: Q;
    const was = setTop(line), wasAt = cursor.at;
    cursor.at = 0;
    // :x at the top level (outside any lambda) just gives x
    try { v = ev(tree, null); if (v === RETURNED) v = returned(); } catch (e) { if (e instanceof Return) v = e.v; else { recordTop(e, line); throw e; } }
    finally { setTop(was); cursor.at = wasAt; }
    return { v, quiet: quiet || isNil(v) };
  }

  /** A text's tree, and whether its value goes unshown. Text evaluated again and again (value or get of
   *  the same string in a loop, as an interpreter written in q runs its program; a client sending the
   *  same query) is parsed once: a tree is never changed by evaluating it, as a lambda's body is run
   *  many times. A tree is kept for one place, as a lambda in the text remembers where it was parsed
   *  (file and line, locked); and it is kept while the user keywords (.q's lambdas) its parse asked about
   *  are the same. */
  private parsed(line: string): Parsed {
    // (keyed by the text alone, the place compared after: a key joined of the three was a new string to
    // hash each time, and cost more than the parse it saved for a short text)
    let p = this.parses.get(line);
    if (p && p.locked === locking.on && p.file === source.file && p.line === source.line && p.keywords.every(([n, v]) => userKeyword(n) === v)) return p;
    const was = consulted, asked = new Map<string, Q | undefined>();
    consulted = asked;
    let tree: Node;
    try { tree = this.parse(line); } finally { consulted = was; }
    const last = tree.k === 'seq' ? tree.a[tree.a.length - 1] : tree;
    p = { tree, quiet: last.k === 'asg' || last.k === 'pat' || last.k === 'nil', keywords: [...asked], locked: locking.on, file: source.file, line: source.line };
    if (line.length <= PARSED_TEXT) {
      // (a bound, not an order of use: a program that evaluates many different texts starts afresh)
      if (this.parses.size >= PARSED_TEXTS) this.parses.clear();
      this.parses.set(line, p);
    }
    return p;
  }
  private parses = new Map<string, Parsed>();

  /** The console display of a value under the current \c and \P. */
  display(v: Q): string {
    return show(v, { rows: this.env.console[0], cols: this.env.console[1], P: this.env.precision });
  }

  /** Run a system command (without the backslash). */
  sys(cmd: string): Q {
    this.activate();
    if (this.env.restricted) throw new QError('access');
    const m = /^(\S*)\s*([\s\S]*)$/.exec(cmd)!;
    const name = m[1];
    // a q command's line may end in a comment (\p // the port; \l sp.q / load it), which is not its
    // argument; what goes to the shell is the shell's (\ls /tmp)
    const qCommand = name in SYSTEM || /^(l|t|ts|cd|1|2|_|ts?:\d+)$/.test(name);
    // (a / is a comment only before a blank, another / or the end: not the rule of a view's text, the
    // parser's withoutComment, as an argument may be a path after a blank, \r /x/a /x/b; \cd / is the root)
    // (after numbers, \P 0 /full precision, any / after a blank begins one: wp/order-book)
    const arg = !qCommand ? m[2] : /^-?\d/.test(m[2]) ? m[2].replace(/\s+\/[\s\S]*$/, '') : m[2].replace(/(?:^|\s+)\/(?=[\s/])[\s\S]*$|\s+\/$/, '');
    if (qCommand && arg !== m[2]) return this.sys(name + (arg ? ' ' + arg : ''));
    // \t alone is the timer's interval; \t N sets it (0 stops it), and each tick runs .z.ts
    if (name === 't' && !arg.trim()) return long(BigInt(this.timer));
    if (name === 't' && /^\s*\d+\s*$/.test(arg)) { this.setTimer(Number(arg)); return NIL; }
    // (in k mode the expression timed is k: \ts:10 7 f/!8, egor7's 8-Queens transcript)
    const expr = this.kmode && (name === 't' || /^ts?(:\d+)?$/.test(name)) ? 'k)' + arg : arg;
    if (name === 't' || name === 'ts') {
      // \t expr: its time; \ts expr: its time and space
      // (in the working namespace, as value is, whichever lambda's code ran \t: qute's system"ts:n …")
      const [ts] = timeSpace(() => inWorkingNs(() => this.run(expr)));
      return name === 't' ? long(((ts as Vec).d as BigInt64Array)[0]) : ts;
    }
    // \t:n expr and \ts:n expr: n runs, timed together (and the most space any took)
    const rep = /^(ts?):(\d+)$/.exec(name);
    if (rep) {
      const n = Number(rep[2]), run = this.compile(expr);
      const [ts] = timeSpace(() => {
        for (let i = 0; i < n; i++) {
          settle();
          // an iteration's value is dropped: what it made is free at once unless it changed a global
          openScope();
          const w = writes;
          let done = false;
          try { inWorkingNs(run); done = true; } finally { closeScope(done && writes === w); }
        }
      });
      return rep[1] === 't' ? long(((ts as Vec).d as BigInt64Array)[0]) : ts;
    }
    // \l alone under -l checkpoints: the globals to name.qdb, the log emptied
    if (name === 'l' && !arg.trim() && this.updateLog) { this.updateLog.checkpoint(); return NIL; }
    if (name === 'l') return this.loadFile(arg.trim());
    // \cd: the current directory; \cd dir changes it (kdb+ runs no shell for either)
    if (name === 'cd' && this.env.host.chdir && this.env.host.cwd) {
      if (!arg.trim()) return str(this.env.host.cwd());
      this.env.host.chdir(arg.trim());
      return NIL;
    }
    if ((name === '1' || name === '2') && arg.trim()) {
      if (!this.env.host.redirect) throw new QError('nyi');
      this.env.host.redirect(+name as 1 | 2, arg.trim());
      return NIL;
    }
    // \_ alone: whether clients may not write (-b)
    if (name === '_' && !arg.trim()) return { t: -T.Bool, v: this.env.blocked ? 1 : 0 } as Q;
    // \_ f.q: the runtime script f.q_, its code scrambled (lock.ts); never a shell command
    if (name === '_') {
      const path = arg.trim().replace(/^:/, ''), fs = this.env.host.files;
      if (!fs) throw new QError('nyi');
      const src = fs.read(path);
      if (src === null) throw osError(path);
      fs.write(path + '_', scramble(src), false);
      return sym(path + '_');
    }
    if (name === '\\' || name === '') { this.env.host.exit?.(0); return NIL; }
    return system(cmd);
  }

  /**
   * Run a message handler (.z.pg, .z.ps, .z.ph, .z.pw, .z.po, .z.pc, .z.ws …) for a connection: the
   * user's function when the global is defined, else kdb+'s default behaviour `dflt`.
   */
  handler(name: string, args: Q[], conn: { w: number; a: number; u: string }, dflt: () => Q): Q {
    this.activate();
    const saved = this.env.conn;
    this.env.conn = conn;
    try {
      const f = lookup(name);
      return f === undefined ? dflt() : apply(f, args);
    } finally { this.env.conn = saved; this.env.interrupted = false; }
  }

  /** Is a handler defined by the user? */
  hasHandler(name: string): boolean { this.activate(); return lookup(name) !== undefined; }

  /**
   * The session's variables for an explorer: name, kdb+ type, count, and for tables their columns
   * (key columns first) — plain data that crosses a worker boundary.
   */
  list(): { name: string; type: number; count: number; cols?: string[]; keys?: number }[] {
    this.activate();
    const out: { name: string; type: number; count: number; cols?: string[]; keys?: number }[] = [];
    for (const [name, v] of this.env.globals) {
      if (name.startsWith('.')) continue;
      const e: { name: string; type: number; count: number; cols?: string[]; keys?: number } = { name, type: v.t, count: count(v) };
      if (v.t === T.Table) e.cols = (v as Table).c;
      if (isKeyed(v)) { const d = v as Dict; e.cols = [...(d.k as Table).c, ...(d.v as Table).c]; e.keys = (d.k as Table).c.length; }
      out.push(e);
    }
    return out.sort((a, b) => a.name < b.name ? -1 : 1);
  }

  /**
   * Rows [from, from+n) of the table (or keyed table, or list) held by a global or given by a q
   * expression, as display cells made by the one formatter — for a grid that fetches in slices.
   */
  slice(expr: string, from: number, n: number): { cols: string[]; keys: number; total: number; rows: string[][] } {
    this.activate();
    let v = this.value(expr).v;
    let keys = 0;
    if (isKeyed(v)) { const d = v as Dict; keys = (d.k as Table).c.length; v = { t: T.Table, c: [...(d.k as Table).c, ...(d.v as Table).c], d: [...(d.k as Table).d, ...(d.v as Table).d] } as Table; }
    if (v.t !== T.Table) v = { t: T.Table, c: ['x'], d: [v.t >= 0 && v.t < T.Table ? v : list([v])] } as Table;
    const t = v as Table, total = count(t), rows: string[][] = [];
    for (let r = from; r < Math.min(total, from + n); r++) rows.push(t.d.map(c => cellText(item(c, r), this.env.precision)));
    return { cols: t.c, keys, total, rows };
  }

  /** The timer's interval in ms (0: off). */
  private timer = 0;
  /** \t N: tick every N ms through the host, calling .z.ts with the time each tick was due (UTC). */
  setTimer(ms: number) {
    if (ms && !this.env.host.timer) throw new QError('nyi');
    this.timer = ms;
    this.env.host.timer?.(ms, () => {
      const due = { t: -T.Timestamp, v: this.env.host.now() - 946684800000000000n } as Q;
      try { this.handler('.z.ts', [due], this.env.conn, () => NIL); }
      catch (e) { this.env.host.write(2, `'${e instanceof QError ? e.q : String(e)}\n`); }
    });
  }

  /** How a database directory's scripts are run: each loaded as \l loads a script. */
  private scripts(): (path: string) => void {
    return path => { const txt = this.readText(path); if (txt != null) this.load(txt, s => this.env.host.write(1, s + '\n'), path); };
  }
  /** A script's text: through the host's own reader (the server seeks it in QHOME too), else from the
   *  host's file system (the page's store, where a dropped or written script is), then its bundled
   *  scripts; name.q as kdb+ tries. Its bytes are kept whatever their encoding (utf8.ts). */
  private readText(path: string): string | null {
    const { readFile, files, scripts } = this.env.host;
    if (readFile) return readFile(path);
    const p = path.replace(/^:/, ''), b = files ? files.read(p) ?? files.read(p + '.q') : null;
    return b ? bytesName(b) : scripts?.[p] ?? scripts?.[p + '.q'] ?? null;
  }

  /** Map a database directory; make it the current directory (where the host has one) and run its
   *  scripts when asked. */
  loadDir(dir: string, cd: boolean, scripts: boolean): void {
    if (this.env.host.files?.list(dir) == null) throw new QError(dir + ': No such file or directory');
    if (cd && this.env.host.chdir) { this.env.host.chdir(dir); loadDb('.', scripts ? this.scripts() : null); }
    else loadDb(dir, scripts ? this.scripts() : null);
  }

  /** Load a script file through the host's file system. */
  loadFile(path: string): Q {
    // a directory is a database: its files, splayed tables and partitions (disk.ts)
    // it becomes the current directory, as in kdb+ (where the host has one); \l . reloads its data only
    const fs = this.env.host.files, dir = path.replace(/^:/, '').replace(/\/+$/, '') || '.';
    // a splayed table's directory or a data file: the global named as it, and that name
    const data = fs ? loadData(dir) : null;
    if (data) return sym(data);
    if (fs && fs.list(dir) !== null) {
      const reload = dir === '.';
      this.loadDir(dir, !reload, !reload);
      return NIL;
    }
    // a runtime script (\_): its text unscrambled, its functions locked while it loads
    const locked = /_$/.test(path) && fs ? unscramble(fs.read(path.replace(/^:/, '')) ?? new Uint8Array(0)) : null;
    const txt = locked ? bytesName(locked) : this.readText(path);
    if (txt === null) throw osError(path);
    // the first error stops the load and is the caller's, as kdb+ signals it (@[system;"l f.q";h] traps it)
    // a \d in the script holds to its end: the loader's namespace comes back after (kdb+tick's u.q ends in
    // .u, and chainedtick.q goes on to define upd and its tables in the root)
    const { cwd, ns } = this.env, wasLocking = locking.on;
    // (and it runs in the working namespace, whichever lambda's code called \l: system"l f.q" in a .tt lambda)
    this.env.ns = cwd;
    try {
      // a .k script is k, as kdb+ loads its own q.k
      const k = /\.k$/.test(path), full = this.fullPath(path.replace(/^:/, ''));
      // a file of another language x (file.x) goes statement by statement to .x.e where that is defined, as
      // the x) prefix does on a line (KX ml's test.q runs its .t files through .t.e so; embedPy's .p)
      const ext = /\.([A-Za-z]\w*)$/.exec(path)?.[1], other = ext && ext !== 'q' && ext !== 'k' ? this.env.globals.get(`.${ext}.e`) : undefined;
      if (other && other.t >= 100) {
        for (const stmt of statementsAt(txt)) at(full, stmt.line, () => apply(other, [str(stmt.text)]));
        return NIL;
      }
      locking.on = !!locked;
      for (const stmt of statementsAt(txt)) {
        const v = at(full, stmt.line, () => this.run(k && !/^\s*\\/.test(stmt.text) ? 'k)' + stmt.text : stmt.text));
        if (v !== null) this.env.host.write(1, hooks.s1Cut(v) + '\n');
      }
    } finally { this.env.cwd = cwd; this.env.ns = ns; locking.on = wasLocking; }
    return NIL;
  }

  /**
   * Load a script: statements are lines, continuation lines start with white space, `/` and `\` alone
   * open and close block comments, and a lone `\` ends the script. Results that q would show are passed
   * to `echo`; the first error stops the load, as in kdb+.
   */
  load(src: string, echo: (s: string) => void, file?: string): boolean {
    for (const stmt of statementsAt(src)) {
      const r = this.evaluateAt(stmt.text, file, stmt.line);
      if (r.out) echo(r.out);
      if (r.trace) this.env.host.write(2, r.trace + '\n');
      if (r.error) return false;
    }
    return true;
  }
}

/** f run as a statement of a script at file:line: the lambdas it defines remember where they were. */
function at<V>(file: string, line: number, f: () => V): V {
  const was = { ...source };
  source.file = file; source.line = line;
  try { return f(); } finally { source.file = was.file; source.line = was.line; }
}

/** Split a script into statements by kdb+'s line rules. */
export function statements(src: string): string[] { return statementsAt(src).map(s => s.text); }
export { statementsAt };

export function errorText(e: unknown): string {
  // any other engine error (BigInt of a non-number …) is a fault of wasq's, shown as one rather than
  // passed off as 'stack
  const q = asSignal(e);
  if (q) return q.q;
  return 'internal: ' + String((e as Error)?.message ?? e);
}
export { text, str, int, list, s1, env };
export type { Atom, Host };

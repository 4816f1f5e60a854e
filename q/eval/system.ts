// System commands (\c \P \t \l …) and `system "…"`. The session registers the ones that need a host.
import { T } from '../value/types.js';
import { Q, Vec, Attr, NIL, long, list, str, vec, intVec, symVec, fromItems, int } from '../value/value.js';
import { QError } from '../value/error.js';
import { env } from './env.js';
import { seed } from '../prims/random.js';
import { tokDates } from '../prims/conv.js';
import { partedTables } from '../prims/disk.js';
import { hooks } from '../prims/hooks.js';
import { heapStats, memoryLimit, setLimit } from '../value/heap.js';
import { symCount } from '../value/sym.js';
import { builtinsIn, viewFresh } from './names.js';

export type SysCmd = (arg: string) => Q;
export const SYSTEM: Record<string, SysCmd> = Object.create(null);

/** Run a system command given without its backslash: "c 25 80", "t sum til 100". */
export function system(cmd: string): Q {
  const m = /^(\S+)\s*([\s\S]*)$/.exec(cmd.trim());
  if (!m) return NIL;
  const [, name, arg] = m;
  const f = SYSTEM[name];
  if (f) return f(arg.trim());
  // anything else is a command for the operating system's shell, as in kdb+: its output as lines. Not for
  // a client's query (kdb+ allows it unless -u 1; wasq keeps the shell to the console and scripts unless
  // started with --client-shell)
  if (!env.host.shell) throw new QError('nyi');
  if (env.remote && !env.clientShell) throw new QError('access');
  return fromItems(env.host.shell(cmd.trim()).map(l => vec(T.Char, l)));
}

const pair = (arg: string, set: (a: [number, number]) => void, get: () => [number, number]): Q => {
  if (!arg) return intVec(get());
  const p = arg.split(/\s+/).map(Number);
  if (p.length !== 2 || p.some(v => !Number.isInteger(v) || v < 0)) throw new QError('domain');
  // kdb+ clamps console sizes to its limits
  set([Math.min(Math.max(p[0], 10), 2000), Math.min(Math.max(p[1], 10), 2000)]);
  return NIL;
};
/** An int setting: shown without an argument, else set from an integer in lo..hi. */
const intSetting = (arg: string, get: () => number, set: (n: number) => void, lo: number, hi: number): Q => {
  if (!arg) return int(get());
  const n = Number(arg);
  if (!Number.isInteger(n) || n < lo || n > hi) throw new QError('domain');
  set(n);
  return NIL;
};
SYSTEM.c = arg => pair(arg, a => { env.console = a; }, () => env.console);
SYSTEM.C = arg => pair(arg, a => { env.http = a; }, () => env.http);
SYSTEM.P = arg => {
  if (!arg) return int(env.precision);
  const p = Number(arg);
  if (!Number.isInteger(p) || p < 0) throw new QError('domain');
  env.precision = Math.min(p, 17);
  return NIL;
};
// (\S 0N shows the seed, as \S does: the save-and-restore idiom x:system"S 0N", basics/syscmds)
SYSTEM.S = arg => { if (!arg || arg.trim() === '0N') return int(env.seed); const n = Number(arg); if (!Number.isInteger(n)) throw new QError('type'); env.seed = n; seed(env.seed); return NIL; };
SYSTEM.d = arg => {
  if (!arg) return { t: -T.Sym, v: env.cwd || '.' } as Q;
  if (arg !== '.' && !arg.startsWith('.')) throw new QError('domain');
  env.cwd = env.ns = arg === '.' ? '' : arg;
  return NIL;
};
/** Names of the root (or a namespace) that satisfy a test on their values. */
const names = (arg: string, test: (v: Q) => boolean): Q => symVec(nameList(arg, test));
const nameList = (arg: string, test: (v: Q) => boolean): string[] => {
  const ns = arg ? (arg === '.' ? '' : arg) : env.cwd;
  // a namespace that is not there is an error naming it, as in kdb+ (\a .n)
  if (arg && ns && !hooks.isNamespace(ns)) throw new QError(ns);
  const pre = ns ? ns + '.' : '';
  const out: string[] = [];
  for (const [k, v] of env.globals) {
    if (pre ? !k.startsWith(pre) : k.startsWith('.')) continue;
    const rest = k.slice(pre.length), dot = rest.indexOf('.');
    // a namespace inside it is one of its variables, a dictionary (\v .a lists c for .a.c.d)
    // (and at the root, a.b:1 makes a dictionary a: \v lists a)
    if (dot >= 0) { const sub = rest.slice(0, dot); if (dot > 0 && !out.includes(sub) && test({ t: T.Dict, k: { t: T.Sym } } as unknown as Q)) out.push(sub); continue; }
    if (test(v) && !out.includes(rest)) out.push(rest);
  }
  // the built-in functions kept as primitives are its functions too (\f .j)
  if (pre && test({ t: T.Lambda } as Q)) for (const k of builtinsIn(pre)) if (!out.includes(k)) out.push(k);
  return out.sort();
};
// \v marks its sorted list `s# when it has more than one name, as kdb+ shows it (`s#`sym`trade)
// (variables: not functions, which \f lists)
SYSTEM.v = arg => { const r = names(arg, v => !(v.t >= T.Lambda && v.t <= T.EachLeft)) as Vec; return r.d.length > 1 ? { ...r, a: Attr.S } as Q : r; };
SYSTEM.f = arg => names(arg, v => v.t === T.Lambda);
SYSTEM.a = arg => {
  const r = nameList(arg, v => v.t === T.Table || (v.t === T.Dict && (v as any).k.t === T.Table));
  // the partitioned tables of a database \l loaded, read only when queried, are tables too
  const ns = arg ? (arg === '.' ? '' : arg) : env.cwd;
  return symVec(ns ? r : [...new Set([...r, ...partedTables().keys()])].sort());
};
/** The views of namespace arg (the current one when empty), by their names within it, sorted; only
 *  those `keep` takes. */
function viewsIn(arg: string, keep: (v: Parameters<typeof viewFresh>[0]) => boolean = () => true): string[] {
  const ns = arg ? (arg === '.' ? '' : arg) : env.cwd, pre = ns ? ns + '.' : '';
  const mine = (k: string) => pre ? k.startsWith(pre) && !k.slice(pre.length).includes('.') : !k.startsWith('.');
  return [...env.views.entries()].filter(([k, v]) => mine(k) && keep(v)).map(([k]) => k.slice(pre.length)).sort();
}
/** \b: the views of a namespace, sorted (kdb+ marks the list `s# as \v does: views[] with none is
 *  `symbol$(), ref/eval). */
SYSTEM.b = arg => { const vs = viewsIn(arg); return ({ ...symVec(vs), a: vs.length > 1 ? Attr.S : Attr.None }) as Q; };
/** \B: the views of a namespace not read since a global last changed (or never read): kdb+'s pending
 *  views, where wasq counts any change of a global as a change of a view's referents. */
SYSTEM.B = arg => symVec(viewsIn(arg, v => !viewFresh(v)));
/** \E: the TLS mode of the port (0i without TLS). */
SYSTEM.E = () => int(env.host.tlsMode?.() ?? 0);
/** \u: the -u password file read again (nothing without one). */
SYSTEM.u = () => { env.host.reloadUsers?.(); return NIL; };
/** \x .z.pg: expunge a handler (or any global), restoring kdb+'s default. */
SYSTEM.x = arg => { const n = env.full(arg.trim()); env.globals.delete(n); env.views.delete(n); return NIL; };
/** \p: the listening port; \p n listens on n, \p 0 stops. */
SYSTEM.p = arg => {
  const listen = env.host.listen;
  if (!listen) throw new QError('nyi');
  if (!arg) return int(listen(null));
  // 0W asks for any free port (-1 to the host); 0 stops listening
  const n = arg === '0W' ? -1 : Number(arg);
  if (!Number.isInteger(n) || n < -1) throw new QError('domain');
  listen(n);
  return NIL;
};
/** \w: memory as six longs (in use, heap, peak, -w limit, mapped, physical); \w 0 or 1: the interned
 *  symbols and their bytes. wasq has no -w, so \w n says so, as kdb+ does without it. */
let peak = 0;
SYSTEM.w = arg => {
  if (arg === '0' || arg === '1') { const n = symCount(); return fromItems([long(n.count), long(n.bytes)]); }
  // \w n (MB) changes a limit the command line set (-w); without one kdb+ refuses
  if (arg) {
    const n = Number(arg);
    if (!memoryLimit()) throw new QError('-w init via cmd line');
    if (!Number.isInteger(n) || n < 0) throw new QError('domain');
    setLimit(n * 2 ** 20);
    return NIL;
  }
  const h = heapStats(), m = env.host.memory?.(), used = h.used + (m?.used ?? 0), heap = h.heap + (m?.heap ?? 0);
  peak = Math.max(peak, heap);
  return fromItems([used, heap, peak, memoryLimit(), 0, m?.physical ?? 0].map(v => long(v)));
};
/** \g: the garbage-collection mode, kept for what reads it back (the engine collects as it will). */
let gcMode = 0;
SYSTEM.g = arg => intSetting(arg, () => gcMode, n => { gcMode = n; }, 0, 1);
/** \s: secondary threads (up to -s N; \s 0N names that limit), or with -N secondary processes, which peach
 *  reaches through the handles .z.pd gives (basics/peach). JavaScript has no threads over one heap, so
 *  wasq runs a peach's items in turn, but as on secondary threads: an item cannot change a global. */
SYSTEM.s = arg => {
  if (!arg) return int(env.secondaries);
  if (arg.trim() === '0N') return int(env.secondaryMax);
  const n = Number(arg);
  if (!Number.isInteger(n)) throw new QError('domain');
  if (n > env.secondaryMax) throw new QError('limit');
  env.secondaries = n;
  return NIL;
};
/** \T: the limit in seconds on a client's query (-T), 0 for none. */
SYSTEM.T = arg => {
  if (!arg) return int(env.timeout);
  const n = Number(arg);
  if (!Number.isInteger(n) || n < 0) throw new QError('domain');
  env.timeout = n;
  return NIL;
};
/** \r src dst: rename a file. */
SYSTEM.r = arg => {
  const p = arg.split(/\s+/);
  if (p.length !== 2 || !p[0]) throw new QError('nyi');   // \r alone is replication, not built
  const f = env.host.files;
  if (!f) throw new QError('nyi');
  if (f.rename && (f.size(p[0]) !== null || f.list(p[0]) !== null)) { f.rename(p[0], p[1]); return NIL; }
  const b = f.read(p[0]);
  if (b === null) throw new QError(p[0]);
  f.write(p[1], b, false); f.remove(p[0]);
  return NIL;
};
/** \o: the local time's offset from UTC, in hours, or minutes when abs n > 23; 0N is the host's own. */
SYSTEM.o = arg => {
  if (!arg) return int(env.utcOffset === null ? -2147483648 : Number.isInteger(env.utcOffset / 60) ? env.utcOffset / 60 : env.utcOffset);
  if (arg === '0N') { env.utcOffset = null; return NIL; }
  return intSetting(arg, () => 0, n => { env.utcOffset = Math.abs(n) > 23 ? n : n * 60; }, -1440, 1440);
};
/** \z: "D"$ reads mm/dd/yyyy (0) or dd/mm/yyyy (1). */
SYSTEM.z = arg => intSetting(arg, () => tokDates.dmy ? 1 : 0, n => { tokDates.dmy = n === 1; }, 0, 1);
/** \W: the start of the week (0 Saturday … 6 Friday). */
SYSTEM.W = arg => intSetting(arg, () => env.weekStart, n => { env.weekStart = n; }, 0, 6);
/** \e: the error-trap mode kdb+ uses for clients' errors (0 none, 1 suspend, 2 dump); wasq never
 *  suspends a client's query, so it is kept and shown only. */
SYSTEM.e = arg => intSetting(arg, () => env.errorTrap, n => { env.errorTrap = n; }, 0, 2);
export { long, list, str, fromItems };

// Services the evaluator and session lend to primitives (which sit below them): printing a value,
// evaluating text, looking up a global. Set once at start-up by the session.
import type { Q } from '../value/value.js';
import { QError } from '../value/error.js';

const unset = (): never => { throw new QError('nyi'); };
export const hooks = {
  /** the console display of x under the session's \c and \P */
  display: unset as (x: Q) => string,
  /** the one-line form (-3!) */
  s1: unset as (x: Q) => string,
  /** -3! and .Q.s1: the one-line form cut to the console's width, as kdb+ cuts it (basics/funsql). */
  s1Cut: unset as (x: Q) => string,
  /** write text to the console (fd 1) or error (2) */
  write: unset as (fd: number, s: string) => void,
  /** evaluate q text as `value "…"` does */
  evalText: unset as (s: string) => Q,
  /** evaluate a parse tree as `eval` does */
  evalTree: unset as (x: Q) => Q,
  /** the parse tree of q text */
  parse: unset as (s: string) => Q,
  /** the value of a global by name */
  getGlobal: unset as (name: string) => Q,
  /** f peach x over secondary processes (-s -N and .z.pd), or null to run it here */
  peach: (() => null) as (f: Q, x: Q) => Q | null,
  /** Between iterations of a loop that calls no lambda (converge, n-times, while): 'stop when asked,
   *  'wsfull when the engine's heap is nearly full */
  check: (() => {}) as () => void,
  /** 'wsfull when the engine's heap has no room for a general list of n items, each taking `each` bytes
   *  of it (16: the pointer alone; roomForRows for items that are new small vectors) */
  roomFor: (() => {}) as (n: number, each?: number) => void,
  /** whether a dotted name is a namespace (members under it) rather than a variable */
  isNamespace: unset as (name: string) => boolean,
  setGlobal: unset as (name: string, v: Q) => void,
  /** @[`g;i;f;y] and .[`g;i;f;y] on a global: changed where it stands when the global alone holds its
   *  value, as g[i]:y is, else by whole() (whose result the global then holds alone); the name */
  amendGlobal: ((_n: string, _i: Q[], _f: Q, _y: Q, whole: () => Q) => whole()) as (name: string, idx: Q[], f: Q, y: Q, whole: () => Q) => Q,
  /** whether the global's value is its alone (made by its last change, not read whole since), and how to
   *  mark a value the change makes as its alone (eval.ts: x,:y and x[i]:y in place) */
  ownGlobal: (() => ({ mine: false, mark: () => {} })) as (name: string) => { mine: boolean; mark: (v: Q) => void },
  /** x uj y (joins.ts, which imports the iterators) */
  uj: unset as (x: Q, y: Q) => Q,
  /** t lj kt (joins.ts): a row joined with a keyed table looks itself up in it */
  lj: unset as (x: Q, y: Q) => Q,
  /** member m of namespace ns deleted, the namespace kept */
  deleteMember: unset as (ns: string, m: string) => void,
  /** the session's \P precision, for `string` of floats */
  precision: (() => 7) as () => number,
  /** `dom$x: enumerate x against the domain named dom (the tables code registers it) */
  enumerate: unset as (dom: string, x: Q) => Q,
  /** x$y with float matrices: matrix multiply (the maths code registers it) */
  mmu: unset as (x: Q, y: Q) => Q,
  /** ?[t;c;b;a] and ![t;c;b;a]: the functional query forms (the evaluator registers them) */
  fselect: unset as (a: Q[]) => Q,
  fupdate: unset as (a: Q[]) => Q,
  fexec: unset as (t: Q, i: Q, p: Q) => Q,
  /** the host's file system, when it has one */
  files: (() => null) as () => import('../eval/env.js').Host['files'] | null,
  /** define a global computed when read (a partitioned table), replacing any value of that name */
  computed: unset as (name: string, f: () => Q) => void,
  /** the type number of an enumeration over domain dom (20h for every domain, as in kdb+ 3.6+);
   *  noting the domain as used, for -10! */
  enumType: ((_dom: string) => 20) as (dom: string) => number,
  /** whether enumeration type number t (20-76) is unused (-10!) */
  enumTypeFree: ((_t: number) => true) as (t: number) => boolean,
  /** run a message as the process would run one from handle 0 (.z.ps, else value): log replay */
  ps: unset as (x: Q) => Q,
  /** handle numbers shared with the host's sockets, so a file handle never takes a socket's number */
  reserveHandle: (() => undefined) as () => number | undefined,
  releaseHandle: (() => {}) as (h: number) => void,
  /** hopen / hclose through the host */
  open: unset as (target: string, timeoutMs: number) => number,
  close: unset as (h: number) => void,
  /** run f as reval does: globals, files, system commands and exit are refused meanwhile */
  restricted: unset as <R>(f: () => R) => R,
  /** whether reval's restriction is on now */
  readOnly: (() => false) as () => boolean,
  /** a socket's protocol, compression and bytes waiting, or null when h is no socket (-38!, -25!) */
  socket: (() => null) as (h: number) => { p: 'q' | 'w'; f?: 't' | 'u'; z: boolean; m: number } | null,
  /** -30!: defer the answer to the sync request running now; answer a deferred one later */
  defer: unset as () => void,
  respond: unset as (h: number, isError: boolean, x: Q) => void,
  /** the process's environment variables (getenv, setenv) */
  getenv: unset as (name: string) => string | undefined,
  setenv: unset as (name: string, value: string) => void,
  /** end the process (exit) */
  exit: unset as (code: number) => void,
  /** the local time zone's offset from UTC in minutes at an instant (ms since 1970) */
  tzOffset: unset as (atMs: number) => number,
  /** value of a view taken as a value (`. `v): last value, parse tree, names it reads, text */
  viewParts: unset as (name: string) => Q,
  /** the text defining the view of that name, or undefined when there is none */
  viewSource: unset as (name: string) => string | undefined,
  /** the names of the tables in a namespace ('' for the root) */
  tables: unset as (ns: string) => Q,
  /** system "cmd": a system command without its backslash */
  system: unset as (cmd: string) => Q,
  /** The host's name resolution (.Q.addr, .Q.host), or null */
  resolve: (() => null) as () => import('../eval/env.js').Host['resolve'] | null,
  /** The host's HTTP requests (.Q.hg, .Q.hp), or null */
  /** read0 0: a line of the console's input, when the host has a console */
  readLine: (() => null) as () => (() => string) | null,
  /** flip of column names!`:dir/ or !`name: the splayed or partitioned table it names, or (when there is
   *  none) the same marked as flipped; strict: signal instead, as a query of it does (disk.ts registers it) */
  mapTable: unset as (d: import('../value/value.js').Dict, strict: boolean) => Q,
  http: (() => null) as () => import('../eval/env.js').Host['http'] | null,
  rawHttp: (() => null) as () => import('../eval/env.js').Host['rawHttp'] | null,
  wsOpen: (() => null) as () => import('../eval/env.js').Host['wsOpen'] | null,
  /** A count that moves with every change to the globals (env.ts's writes) */
  changes: (() => 0) as () => number,
  /** Every global's value, in every namespace (-16! counts the names bound to one value) */
  globalValues: (() => []) as () => Iterable<Q>,
  /** .Q.lo: load a database directory, making it the current directory (cd) and running its scripts
   *  (scripts) only when asked */
  loadDir: unset as (dir: string, cd: boolean, scripts: boolean) => void,
  /** key `ns: the names in a namespace (` for the root's namespaces) */
  namespaceKeys: unset as (ns: string) => Q,
};

/** What a new small vector takes of the engine's heap: its object and typed array (152–156 bytes a row
 *  measured on V8 for 0N 2#, cut, string, flip and enlist each). A primitive making millions of them asks
 *  roomFor first: past the heap's limit the engine ends the process, where q answers 'wsfull (a
 *  converge of 0N 2# over 35 million booleans). */
const ROW_BYTES = 160;

/** Ask for room for n new small vectors, when there are enough of them to be worth asking (a check
 *  costs a heap statistics call). */
export function roomForRows(n: number): void {
  if (n > 1 << 16) hooks.roomFor(n, ROW_BYTES);
}

// The global state one q process evaluates against: its variables by full name, the current namespace,
// and the host's services. The session owns one; the evaluator reads it through `env`.
import type { Q } from '../value/value.js';
import { settle } from '../value/heap.js';
import { QError } from '../value/error.js';
import { addNamespaces } from '../prims/registry.js';
class StopSignal extends QError { constructor() { super('stop'); } }

export interface Host {
  /** Wall clock in nanoseconds since 1970 (UTC), and the local offset in minutes (now, or at an instant
   *  given in ms since 1970, for ltime and gtime). */
  now(): bigint;
  tzOffsetMinutes(atMs?: number): number;
  /** Whether the engine's own heap (not vector memory) is nearly full, or would be with `more` bytes
   *  besides: loops then stop with 'wsfull, and so does a general list too big for what is left. */
  heapNearlyFull?(more?: number): boolean;
  /** The sockets open now: protocol (q IPC or w WebSocket), whether messages are compressed, bytes
   *  waiting (-38!, -25!); null for a number that is no socket. */
  socket?(h: number): { p: 'q' | 'w'; f?: 't' | 'u'; z: boolean; m: number } | null;
  /** Call tick every ms milliseconds (\t), replacing any earlier timer; 0 stops it. */
  timer?(ms: number, tick: () => void): void;
  /** Make dir the current directory (\l of a directory does); without it paths stay as they are. */
  chdir?(dir: string): void;
  /** .Q.hg and .Q.hp: an HTTP request (GET without a body, POST with one) and the body of its answer. */
  http?(url: string, body: { type: string; data: Uint8Array } | null): Uint8Array;
  /** `:http://host:port "request": the request's bytes sent as they are, the whole response back (kb/http). */
  rawHttp?(url: string, request: Uint8Array): Uint8Array;
  /** `:ws://host:port "GET …": a WebSocket opened with that request; its handle (null when the server
   *  refused the upgrade) and the response's header */
  wsOpen?(url: string, request: Uint8Array): { h: number | null; response: Uint8Array };
  /** .Q.addr and .Q.host: a name's IPv4 address (dotted) and an address's name. */
  resolve?(q: { name: string } | { ip: string }): string;
  /** .z.e: the TLS cipher and protocol of connection h, or null when it is not TLS. */
  tlsInfo?(h: number): { cipher: string; protocol: string } | null;
  /** -26!: the TLS library's name and version. */
  tlsVersion?: string;
  /** The machine's name (.z.h); without it, localhost. */
  hostname?: string;
  /** Who runs the process (.z.u at the console and in .z.pc); without it, the empty symbol. */
  user?: string;
  /** The current directory (\cd). */
  cwd?(): string;
  /** Run a command in the operating system's shell: its output lines as bytes, as q strings hold them
   *  (a command may print any bytes: \cat of a binary file); 'os when it fails. */
  shell?(cmd: string): Uint8Array[];
  /** -30!: defer the answer to the sync request being run (an error when none is), and answer one later. */
  defer?(): void;
  respond?(h: number, isError: boolean, x: Q): void;
  /** Memory beyond the wasm heap (the engine's own), and the machine's, for \w. */
  memory?(): { used: number; heap: number; physical: number };
  /** The process's environment variables (getenv, setenv); without them getenv sees none. */
  getenv?(name: string): string | undefined;
  setenv?(name: string, value: string): void;
  /** \1 and \2: append what is written to standard output (1) or error (2) to a file from now on. */
  redirect?(fd: 1 | 2, path: string): void;
  /** read0 0: the next line of the console's input (empty at its end); without it, 'nyi. */
  readLine?(): string;
  /** Write text to standard output (`-1`) or error (`-2`). */
  write(fd: number, s: string): void;
  /** Read a text file (for \l), or null when the host has no files. */
  readFile?(path: string): string | null;
  /** Without readFile: scripts sought last by a relative \l after the host's files, by name (the page's
   *  copy of wasq's examples, as the server seeks its examples folder last) */
  scripts?: Record<string, string>;
  /** Send x on handle h (a socket or file the host opened); sync waits for and returns the answer. */
  handle?(h: number, x: Q, sync: boolean): Q;
  /** peach over secondary processes: (f;item) sent to the handles as each comes free, the answers in order */
  scatter?(hs: number[], f: Q, items: Q[]): Q[];
  /** Open a handle to `:host:port[:user:pass] (hopen), with a timeout in ms (0: none). */
  open?(target: string, timeoutMs: number): number;
  close?(h: number): void;
  /** \E: the port's TLS mode (0 plain, 1 plain and TLS, 2 TLS only). */
  tlsMode?(): number;
  /** \u: read the -u password file again. */
  reloadUsers?(): void;
  /** Listen on a port (\p), 0 to stop, -1 for any free port; null asks; returns the port now listened on (0 for none). */
  listen?(port: number | null): number;
  /** The host's files (Node's file system; in the page, an in-memory or browser store). Paths have no leading ':'. */
  files?: {
    read(path: string): Uint8Array | null;
    write(path: string, data: Uint8Array, append: boolean): void;
    list(path: string): string[] | null;
    remove(path: string): boolean;
    size(path: string): number | null;
    /** rename a file or directory (\r); without it a file is copied and removed */
    rename?(from: string, to: string): void;
    /** up to length bytes from an offset, without reading the rest (read1 chunks, a compressed file's
     *  trailer, a CSV load's chunks), into `into` when given (then the answer is a view of it); without
     *  it the whole file is read */
    readAt?(path: string, offset: number, length: number, into?: Uint8Array): Uint8Array | null;
    /** a file or named pipe opened to read from its start, as `` hopen `:fifo://path `` does: an id for
     *  readNext; each readNext blocks until it has bytes (at most length; none at the end) */
    openRead?(path: string): number;
    readNext?(id: number, length: number): Uint8Array;
    closeRead?(id: number): void;
  };
  /** a handle number from the same pool as sockets, for a file opened with hopen */
  reserveHandle?(): number;
  releaseHandle?(h: number): void;
  /** End the process (\\ and exit). */
  exit?(code: number): void;
}

/** Changes to the global state so far: a statement that made none left nothing it made reachable but its
 *  result (vectors are never changed in place), which lets a host give its memory back at once (heap.ts). */
export let writes = 0;
/** A change to state outside the maps (a view's value kept): what it made must outlive the statement. */
export function touched(): void { writes++; }
/** Whether any view has been defined: from then on each change is stamped with its name, so that a view
 *  is computed again only when a name it reads has changed (before, no view can have read anything). */
let stamping = false;
class Counted<K, V> extends Map<K, V> {
  /** what refuses a change (reval's restriction), if anything */
  guard: (() => void) | null = null;
  /** when each key last changed (the count of writes then), and when the whole map was last cleared */
  private stamps = new Map<K, number>();
  private cleared = 0;
  /** The count of writes when k last changed (0: before any view was defined). */
  stamp(k: K): number { return Math.max(this.stamps.get(k) ?? 0, this.cleared); }
  set(k: K, v: V) { this.guard?.(); writes++; if (stamping) this.stamps.set(k, writes); return super.set(k, v); }
  delete(k: K) { this.guard?.(); writes++; if (stamping) this.stamps.set(k, writes); return super.delete(k); }
  clear() { this.guard?.(); writes++; this.cleared = writes; this.stamps.clear(); super.clear(); }
}
/** The views' map: defining one turns stamping on. */
class Views<K, V> extends Counted<K, V> {
  set(k: K, v: V) { stamping = true; return super.set(k, v); }
}

/** A vector an amend of a global made (its copy) is that global's alone until something reads it: it is
 *  marked with the global's full name, and the next x[i]:y changes it where it stands (a loop of them at
 *  the top level, or a lambda's loop over a global, was quadratic). Every read from here may keep the
 *  vector (get, and any walk of the map: a snapshot, value`.), so reads clear the mark; peek is the
 *  amend's own read, which does not. */
export type Held = Q & { own?: unknown };
export class Globals extends Counted<string, Q> {
  /** the namespaces the names are in (addNamespaces), or null until asked for; one whose last name was
   *  deleted stays, which is harmless: it only sends a lookup on to walk the names */
  private spaces: Set<string> | null = null;
  /** Whether some name is in namespace pre (with its dot): if not, an undefined name's lookup looks no
   *  further (@[value;`x;0] on an undefined x walked every global, 25 µs) */
  inNamespace(pre: string): boolean {
    if (!this.spaces) { this.spaces = new Set(); for (const k of super.keys()) addNamespaces(this.spaces, k); }
    return this.spaces.has(pre);
  }
  set(k: string, v: Q) { if (this.spaces && k.indexOf('.', 1) > 0) addNamespaces(this.spaces, k); return super.set(k, v); }
  clear() { this.spaces = null; super.clear(); }
  get(k: string) { return release(super.get(k)); }
  peek(k: string) { return super.get(k); }
  *entries(): MapIterator<[string, Q]> { for (const e of super.entries()) { release(e[1]); yield e; } }
  *values(): MapIterator<Q> { for (const v of super.values()) yield release(v)!; }
  [Symbol.iterator]() { return this.entries(); }
  forEach(f: (v: Q, k: string, m: Map<string, Q>) => void, self?: unknown) { for (const [k, v] of this.entries()) f.call(self, v, k, this); }
}
/** v, no longer marked as any variable's own: whoever reads it may keep it. */
export function release(v: Q | undefined): Q | undefined {
  if (v !== undefined && (v as Held).own !== undefined) (v as Held).own = undefined;
  return v;
}

export class Env {
  globals: Globals = new Globals();
  /** values computed when read (the clock: .z.p, .z.t …) */
  computed: Map<string, () => Q> = new Counted();
  /** views (name::expr at the top level): recomputed from their expression when read */
  views: Views<string, { node: import('../parse/ast.js').Node; src?: string; last?: Q; at?: number; deps?: string[] }> = new Views();
  /** the namespace names in running code are resolved in: the running lambda's own (where it was
   *  defined), or at the top level the working one; '' is the root, otherwise '.foo' */
  ns = '';
  /** the current working namespace (\d): where a name given as data at run time is looked for (a
   *  symbol to value, set, insert, upsert, get; a name in a query's phrases; text to value), whatever
   *  namespace the running lambda was defined in (basics/qsql: "not necessarily the space in which the
   *  function was defined") */
  cwd = '';
  console: [number, number] = [25, 80];   // \c rows cols
  http: [number, number] = [36, 2000];    // \C
  precision = 7;           // \P
  /** \o: the local time's offset from UTC in minutes, or null for the host's own */
  utcOffset: number | null = null;
  /** \W: the start of the week, 0 for Saturday (kdb+'s default 2, Monday); \e: the error-trap mode */
  weekStart = 2;
  errorTrap = 0;
  seed = -314159;          // \S
  interrupted = false;
  /** a host's interrupt flag (the page's Stop button), polled now and then by long loops */
  poll: (() => boolean) | null = null;
  private ticks = 0;
  private heapAt = 0;
  /** iterations until the clock is read again: 1 while they are slow, up to 64 while many run in one ms */
  private heapEvery = 1;
  private heapTicks = 0;
  /** Signal 'stop when the host asked for an interrupt; cheap enough to call in inner loops. Loops call it
   *  each iteration, so it is also where memory dropped by earlier iterations is collected (settle). */
  check() {
    settle();
    if (this.interrupted || (this.poll && (++this.ticks & 1023) === 0 && this.poll())) { this.interrupted = false; throw new StopSignal(); }
    // a loop that only grows (a converge that never settles) ends in 'wsfull, not in the engine's own
    // out-of-memory, which would end the process
    // (asked at most once a millisecond: memory grows no faster than the engine can fill it; and the clock
    // itself, ~25 ns, is read less often while iterations are quick: it was a tenth of do[n;a+:1])
    if (this.host.heapNearlyFull && ++this.heapTicks >= this.heapEvery) {
      this.heapTicks = 0;
      const now = Date.now();
      if (now === this.heapAt) { this.heapEvery = Math.min(64, 2 * this.heapEvery); return; }
      this.heapAt = now; this.heapEvery = 1;
      if (this.host.heapNearlyFull()) throw new QError('wsfull');
    }
  }
  /** 'wsfull before a general list of n items is made when the engine's heap has no room for it (its
   *  items are pointers on that heap, not vector memory: a list doubling in a converge would otherwise
   *  end the process between two of the loop's checks) */
  roomFor(n: number, each = 16) {
    if (this.host.heapNearlyFull?.(each * n)) throw new QError('wsfull');
  }
  /** the connection a handler runs for: .z.w (handle), .z.a (IPv4 as int), .z.u (user) */
  /** Who a request comes from (.z.w .z.a .z.u); at the console, and in .z.pc and .z.wc once the peer is
   *  gone (ref/dotz), the local values: handle 0, the loopback address where there is a network, the user. */
  conn = { w: 0, a: 0, u: '' };
  /** reval's depth: while above 0, globals and views cannot change ('noupdate), nor files or the process */
  restricted = 0;
  /** namespaces that stay though their last member was deleted (delete c from `.a.b leaves .a.b empty) */
  emptyNs = new Set<string>();
  /** whether a client's query is running (its handlers may not reach the shell) */
  remote = false;
  /** --client-shell: a client's query may reach the operating system's shell, as kdb+ allows by default */
  clientShell = false;
  /** -s N: the most secondary threads \s may ask for */
  secondaryMax = 0;
  /** while above 0, a peach item runs as on a secondary thread: globals and views cannot change ('noupdate) */
  inSecondary = 0;
  /** while above 0, an update or delete of a global by name computes its new value: no global may change
   *  meanwhile ('noamend, basics/errors: "cannot change global state from within an amend") */
  amending = 0;
  /** \s: 0, N secondary threads (at most -s N), or -N for N secondary processes (kdb+'s -s -N), which peach
   *  reaches through .z.pd */
  secondaries = 0;
  /** in a debugger session, the primitive that failed and its arguments (.z.ex, .z.ey) */
  failure: { ex: string | Q; ey: (Q | undefined)[] } | null = null;
  /** the domains enumerated against so far (-10!20h is 0b once there is one) */
  enumDomains = new Set<string>();
  /** .h.ka x during an HTTP request: keep its connection open for the next, idle at most x ms (0: close) */
  keepAlive = 0;
  /** \T: the seconds a client's query may run (-T), 0 for no limit */
  timeout = 0;
  /** whether a host refuses clients' changes now (-b while a client's query runs) */
  blocked = false;
  constructor(public host: Host) {
    // (ref/dotz's .z.pc shows the console's .z.a as 127.0.0.1)
    this.conn = { w: 0, a: host.hostname ? 0x7f000001 : 0, u: host.user ?? '' };
    const guard = () => {
      if (this.restricted || this.inSecondary) throw new QError('noupdate');
      if (this.amending) throw new QError('noamend');
    };
    (this.globals as Counted<string, Q>).guard = guard;
    (this.views as Counted<string, unknown>).guard = guard;
  }

  /** The full name of a name written in namespace ns. */
  full(name: string): string {
    // `..name is the root's name, from any namespace (ref/key: key`..a under \d .foo; TorQ's `..currlog)
    if (name[0] === '.' && name[1] === '.' && name.length > 2 && name[2] !== '.') return name.slice(2);
    if (name[0] === '.' || !this.ns) return name;
    return this.ns + '.' + name;
  }
}

export let env: Env;
export function setEnv(e: Env) { env = e; }

// The wasq command: `wasq [script.q] [-p port] [-c rows cols] …`, mirroring q's command line.
// On a terminal it shows the q) prompt; otherwise it evaluates standard input line by line, prints
// each result as the q console does, and exits at the end of input unless a port is open.
import { availableParallelism, totalmem, hostname, tmpdir, userInfo } from 'node:os';
import { spawnSync } from 'node:child_process';
import { getHeapStatistics } from 'node:v8';
import './kernels.js';
import { readFileSync, existsSync, writeFileSync, appendFileSync, mkdirSync, mkdtempSync, readdirSync, statSync, rmSync, rmdirSync, openSync, readSync, closeSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pkg from '../package.json' with { type: 'json' };
import { createSecureContext, SecureContext } from 'node:tls';
import { createInterface } from 'node:readline';
import { isIP } from 'node:net';
import { lookup } from 'node:dns/promises';
import { Session, errorText, statementsAt } from '../q/session.js';
import { UpdateLog } from './updatelog.js';
import { shouldYield, setLimit, collectNow } from '../q/value/heap.js';
import { clockNs } from '../q/value/time.js';
import { Port, readUsers } from './port.js';
import { Client } from './client.js';
import { Handles } from './handles.js';
import { ConsoleInput } from './console-input.js';
import { ConsoleInterrupt } from './interrupt.js';
import { loadZstd } from './zstd.js';
import { installWsEval } from '../q/eval/handlers.js';
import { T } from '../q/value/types.js';
import { QError, osError } from '../q/value/error.js';
import { Q, Attr, list, str, dict, intVec, longVec, text, isNil, NIL } from '../q/value/value.js';
import type { Host } from '../q/eval/env.js';
import { bytesName, nameBytes } from '../q/value/utf8.js';

/** wasq's examples folder (trade.q, sp.q), above this file or its bundle. */
const examples = (() => {
  for (let d = dirname(fileURLToPath(import.meta.url)); ; d = dirname(d)) {
    if (existsSync(join(d, 'examples', 'sp.q'))) return join(d, 'examples');
    if (dirname(d) === d) return undefined;
  }
})();

export interface Options { /** system commands the options stand for (-P 10 is \P 10) */ sys: string[]; memory?: number; tls?: number; script?: string; port?: number; console?: [number, number]; http?: [number, number]; users?: string; blockWrites?: boolean; timeout?: number; secondaries?: number; wsEval: boolean; clientShell?: boolean; host?: string; args: string[]; quiet?: boolean; timer?: number;
  /** -l (async) or -L (sync): log updates to the script's .log */ log?: 'async' | 'sync' }

export function parseArgs(argv: string[]): Options {
  const o: Options = { sys: [], args: [], wsEval: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = () => { const v = Number(argv[++i]); if (!Number.isFinite(v)) throw new Error(`wasq: ${a} needs a number`); return v; };
    switch (a) {
      case '-p': {
        // -p port or -p host:port; 0W picks a free port, 0 does not listen; a negative port (kdb+'s
        // multithreaded input) is served like a positive one
        const v = argv[++i] ?? '';
        const m = /^(?:(.*):)?(-?\d+|0W)$/.exec(v);
        if (!m) throw new Error(`wasq: -p needs a port`);
        o.host = m[1] || undefined;
        o.port = m[2] === '0W' ? 0 : Math.abs(Number(m[2])) || undefined;
        break;
      }
      case '-u': case '-U': o.users = argv[++i]; break;
      case '-b': o.blockWrites = true; break;
      // -l logs updates to script.log (-L forces each to disk), replayed at the next start
      case '-l': case '-L': o.log = a === '-L' ? 'sync' : 'async'; break;
      case '-T': o.timeout = num(); break;
      // -E 1: TLS and plain connections on the port; -E 2: TLS only
      case '-E': { const n = num(); if (n !== 0 && n !== 1 && n !== 2) throw new Error('wasq: -E takes 0, 1 or 2'); o.tls = n; break; }
      case '--no-ws-eval': o.wsEval = false; break;
      case '--client-shell': o.clientShell = true; break;
      case '-c': o.console = [num(), num()]; break;
      case '-C': o.http = [num(), num()]; break;
      // -q is quiet mode, a flag: no banner (.z.q is 1b)
      case '-q': o.quiet = true; break;
      case '-t': o.timer = num(); break;
      // options that are system commands: applied as \P 10 would be, once the session is made
      // -w MB: the most vector memory ('wsfull past it); \w n changes it later
      case '-w': o.memory = num(); break;
      // -s N: at most N secondary threads (\s N may change it up to N); -s -N: processes
      case '-s': o.secondaries = num(); o.sys.push('s ' + o.secondaries); break;
      case '-P': case '-e': case '-g': case '-o': case '-z': case '-W': case '-S': o.sys.push(a.slice(1) + ' ' + (argv[++i] ?? '')); break;
      default:
        // the script comes before any option that is not q's own: in q -param1 -param2 as asd, as is
        // a value of -param2 (.Q.opt makes it ("as";"asd")), not a script
        if (!o.script && !a.startsWith('-') && o.args.length === 0) o.script = a; else o.args.push(a);
    }
  }
  return o;
}

/** A file system error as kdb+ words it: the path, then what the OS reports. */
const STRERROR: Record<string, string> = {
  ENOENT: 'No such file or directory', EISDIR: 'Is a directory', ENOTDIR: 'Not a directory', EACCES: 'Permission denied',
  EPERM: 'Operation not permitted', EEXIST: 'File exists', ENOSPC: 'No space left on device', EROFS: 'Read-only file system',
  ENOTEMPTY: 'Directory not empty', EMFILE: 'Too many open files',
};
function reportOs(path: string, e: unknown): never {
  const code = (e as { code?: string }).code ?? '';
  throw osError(path, STRERROR[code] ?? (e as Error).message);
}
const reporting = <A extends unknown[], R>(f: (p: string, ...a: A) => R) => (p: string, ...a: A): R => { try { return f(p, ...a); } catch (e) { return reportOs(p, e); } };

export function nodeHost(out: (fd: number, s: string) => void): Host {
  // \1 and \2: standard output or error appended to a file instead
  const to: (string | undefined)[] = [];
  return {
    redirect: (fd, path) => {
      try { mkdirSync(dirname(path) || '.', { recursive: true }); appendFileSync(path, ''); } catch (e) { reportOs(path, e); }
      to[fd] = path;
    },
    now: clockNs,
    tzOffsetMinutes: (at?: number) => -new Date(at ?? Date.now()).getTimezoneOffset(),
    // four fifths of V8's limit, counted after a collection: the heap's use includes garbage, and a map
    // over ten million strings stopped at 'wsfull with room to spare (adotsch's AoC 2015 day 4)
    // (after the collection, seven tenths: what is left is live, and a list growing by doubling needs room
    // for a copy of its pointers at once). So each collection here either ends in 'wsfull or frees at
    // least a tenth of the limit: it cannot repeat at every check for nothing.
    heapNearlyFull: (more = 0) => {
      const over = (part: number) => { const h = getHeapStatistics(); return h.used_heap_size + more > part * h.heap_size_limit; };
      if (!over(0.8)) return false;
      collectNow();
      return over(0.7);
    },
    memory: () => { const m = process.memoryUsage(); return { used: m.heapUsed, heap: m.heapTotal, physical: totalmem() }; },
    shell: cmd => {
      // what was written before it is out before the command runs (-1 "a"; system"sleep 3" shows a first)
      flush();
      // the command's errors reach the console as they do under kdb+ (ls of a missing file says why).
      // Its output goes to a file, not a pipe: the shell's end is the command's end, and a job it leaves
      // running (gunzip -c t.gz > fifo &, for .Q.fps to read) does not hold the call open
      const tmp = mkdtempSync(join(tmpdir(), 'wasq-sh-')), file = join(tmp, 'out'), fd = openSync(file, 'w+');
      let status: number | null, out: Buffer;
      try {
        status = spawnSync('/bin/sh', ['-c', cmd], { stdio: ['ignore', fd, 'inherit'] }).status;
        out = readFileSync(file);
      } finally { closeSync(fd); rmSync(tmp, { recursive: true, force: true }); }
      if (status !== 0) throw new QError('os');
      const lines: Uint8Array[] = [];
      const end = out.length && out[out.length - 1] === 10 ? out.length - 1 : out.length;
      if (!end) return lines;
      for (let a = 0, b = out.indexOf(10); ; b = out.indexOf(10, a)) {
        if (b < 0 || b > end) b = end;
        lines.push(Uint8Array.prototype.slice.call(out, a, b));
        if (b >= end) return lines;
        a = b + 1;
      }
    },
    timer: (() => {
      let t: ReturnType<typeof setInterval> | null = null;
      return (ms: number, tick: () => void) => {
        if (t) clearInterval(t);
        t = ms ? setInterval(() => { tick(); flush(); }, ms) : null;
        // the timer alone keeps no process alive (kdb+ exits at the end of its input too)
        t?.unref();
      };
    })(),
    // \cd makes the directory when it is not there (basics/syscmds)
    chdir: dir => { try { if (!existsSync(dir)) mkdirSync(dir, { recursive: true }); process.chdir(dir); } catch (e) { reportOs(dir, e); } },
    cwd: () => process.cwd(),
    hostname: hostname(),
    user: (() => { try { return userInfo().username; } catch { return ''; } })(),
    getenv: name => process.env[name],
    setenv: (name, value) => { process.env[name] = value; },
    write: (fd, text) => { const f = to[fd]; if (f) appendFileSync(f, text); else out(fd, text); },
    readFile: (p: string) => {
      const path = p.startsWith(':') ? p.slice(1) : p;
      // a relative path is sought in the current directory, then QHOME, then QLIC (basics/files)
      // (and last in wasq's examples, whose sp.q the tutorials load as kdb+'s QHOME holds one)
      const dirs = path.startsWith('/') ? [''] : ['', process.env.QHOME, process.env.QLIC, examples].filter((d): d is string => d !== undefined);
      for (const d of dirs) for (const f of [path, path + '.q']) { const g = d ? join(d, f) : f; if (existsSync(g) && !statSync(g).isDirectory()) return bytesName(readFileSync(g)); }
      return null;
    },
    exit: (code: number) => { flush(); process.exit(code); },
    files: {
      read: p => { try { const b = readFileSync(p); return new Uint8Array(b.buffer, b.byteOffset, b.length); } catch { return null; } },
      write: reporting((p, data: Uint8Array, append: boolean) => { mkdirSync(dirname(p) || '.', { recursive: true }); (append ? appendFileSync : writeFileSync)(p, data); }),
      list: p => { try { return statSync(p).isDirectory() ? readdirSync(p) : null; } catch { return null; } },
      // a directory only when empty (ref/hdel: dbmaint deletes a table's files, then its directory)
      remove: p => {
        try { rmSync(p); return true; } catch (e) {
          const code = (e as { code?: string }).code;
          if (code !== 'ERR_FS_EISDIR' && code !== 'EISDIR') return false;
          // worded as hdel's own error (ref/hdel: 'test.txt: No such file or directory)
          try { rmdirSync(p); return true; } catch (e2) { const c = (e2 as { code?: string }).code ?? ''; throw new QError(`${p}: ${STRERROR[c] ?? (e2 as Error).message}`); }
        }
      },
      size: p => { try { return statSync(p).size; } catch { return null; } },
      readAt: (p, offset, length, into) => {
        let fd: number;
        try { fd = openSync(p, 'r'); } catch (e) { if ((e as { code?: string }).code === 'ENOENT') return null; return reportOs(p, e); }
        try {
          const b = into ? into.subarray(0, Math.max(0, length)) : new Uint8Array(Math.max(0, length));
          let k = 0, r: number;
          while (k < b.length && (r = readSync(fd, b, k, b.length - k, offset + k)) > 0) k += r;
          return b.subarray(0, k);
        } catch (e) { return reportOs(p, e); } finally { closeSync(fd); }
      },
      rename: reporting((from, to: string) => { mkdirSync(dirname(to) || '.', { recursive: true }); renameSync(from, to); }),
      openRead: p => { try { return openSync(p, 'r'); } catch (e) { return reportOs(p, e); } },
      readNext: (fd, length) => {
        const b = new Uint8Array(Math.max(0, length));
        for (;;) {
          try { return b.subarray(0, readSync(fd, b, 0, b.length, null)); }
          catch (e) { if ((e as { code?: string }).code !== 'EAGAIN') return reportOs('fifo', e); }
          // a descriptor someone made non-blocking has nothing yet: wait a millisecond, not spin
          Atomics.wait(NAP, 0, 0, 1);
        }
      },
      closeRead: fd => { try { closeSync(fd); } catch { /* closed already */ } },
    },
  };
}

/** What readNext sleeps on between tries of a non-blocking descriptor. */
const NAP = new Int32Array(new SharedArrayBuffer(4));

/** The console size without -c, as kdb+ 4.1 takes it: LINES and COLUMNS when set, else the terminal's own
 *  size; with neither (output to a pipe or a file) q's 25 80 stays. */
function consoleSize(): [number, number] | null {
  const env = (k: string) => { const v = Number(process.env[k]); return Number.isInteger(v) && v > 0 ? v : undefined; };
  const tty = process.stdout.isTTY;
  const rows = env('LINES') ?? (tty ? process.stdout.rows : undefined), cols = env('COLUMNS') ?? (tty ? process.stdout.columns : undefined);
  return rows || cols ? [rows ?? 25, cols ?? 80] : null;
}

let pending = '', scheduled = false, flushed = 0;
/** What goes out as it is: text, but a byte a name kept (q/value/utf8.ts) as that byte, as kdb+ writes it. */
const raw = (s: string): string | Uint8Array => /[\udc80-\udcff]/.test(s) ? nameBytes(s) : s;
function write(fd: number, s: string) {
  if (fd === 2) { flush(); process.stderr.write(raw(s)); return; }
  pending += s;
  // (and at once when nothing went out for a while: -1"start";while[…] shows start before its loop, as
  // kdb+ does, where a burst of lines still goes out together)
  if (pending.length > 1 << 16 || Date.now() - flushed > 50) flush();
  // written once the running work is done: what a client's query or a timer printed reaches a log file at
  // once, not when the process ends (a server killed before then lost it)
  else if (!scheduled) { scheduled = true; setImmediate(() => { scheduled = false; flush(); }); }
}
function flush() { if (pending) { if (!outClosed) process.stdout.write(raw(pending)); pending = ''; } flushed = Date.now(); }
/** Whether standard output's reader has gone (wasq script.q | head): what follows is dropped. */
let outClosed = false;

export async function main(argv: string[]) {
  let o: Options;
  try { o = parseArgs(argv); } catch (e) { process.stderr.write(String((e as Error).message) + '\n'); process.exit(1); }
  // -p localhost:5001 binds the loopback address; other names are resolved once, at start
  if (o.host === 'localhost') o.host = '127.0.0.1';
  if (o.host && !isIP(o.host)) {
    try { o.host = (await lookup(o.host)).address; }
    catch { process.stderr.write(`'${o.host}: Name or service not known\n`); process.exit(1); }
  }
  // zstd's encoder loads (asynchronously) before any q runs, so that a script can write zstd files
  await loadZstd();
  const host = nodeHost(write);
  const session = new Session(host);
  // .z.exit runs with the exit code (a long, as ref/dotz prints it) just before the process ends (it cannot stop it)
  const quit = host.exit!;
  // (an exit inside .z.exit ends the process with its code: TorQ's .lg.e exits from there)
  let exiting = false;
  host.exit = code => {
    if (exiting) quit(code);
    exiting = true;
    try { session.handler('.z.exit', [{ t: -T.Long, v: BigInt(code) } as Q], session.env.conn, () => NIL); }
    catch (e) { write(2, `.z.exit: '${errorText(e)}\n`); }
    quit(code);
  };
  const log = (s: string) => write(2, s);
  const handles = new Handles();
  const port = new Port(session, { handles, users: o.users ? readUsers(o.users) : undefined, blockWrites: o.blockWrites, timeout: o.timeout, host: o.host, webRoot: webRoot(), log, tls: o.tls ? tlsOptions(o.tls as 1 | 2) : undefined });
  const client = new Client(session, workerUrl(), handles, log);
  // standard output closed by its reader: a process serving no port ends quietly, as q does when SIGPIPE
  // stops it, and one serving a port goes on serving (it failed with an unhandled 'error' event)
  process.stdout.on('error', e => {
    if ((e as NodeJS.ErrnoException).code !== 'EPIPE') throw e;
    outClosed = true;
    if (!port.listening) process.exit(0);
  });
  host.reserveHandle = () => handles.alloc();
  host.releaseHandle = h => handles.free(h);
  host.handle = (h, x, sync) => port.conns.has(h) ? port.send(h, x, sync) : client.send(h, x, sync);
  host.scatter = (hs, f, items) => client.scatter(hs, f, items);
  host.open = (target, ms) => client.open(target, ms);
  host.http = (url, body) => client.http(url, body);
  host.rawHttp = (url, request) => client.raw(url, request);
  host.wsOpen = (url, request) => client.wsOpen(url, request);
  host.resolve = q => client.dns(q);
  host.tlsInfo = h => port.tlsInfo(h);
  host.tlsVersion = 'OpenSSL ' + process.versions.openssl;
  host.tlsMode = () => o.tls ?? 0;
  // \u: the password file read again, so users can change while the server runs
  host.reloadUsers = () => { if (o.users) port.setUsers(readUsers(o.users)); };
  host.socket = h => port.socket(h) ?? client.socket(h);
  host.defer = () => port.defer();
  host.respond = (h, e, x) => port.respond(h, e, x);
  host.close = h => port.conns.has(h) ? port.hclose(h) : client.close(h);
  const announce = (n: number) => {
    const where = `${o.host ?? '127.0.0.1'}:${n}`, web = `http://${o.host ?? 'localhost'}:${n}`;
    if (!o.quiet) write(2, `wasq: listening on ${where} (q IPC, HTTP, WebSocket)${port.hasPage ? `; the workbench is at ${web}/wasq/` : ''}\n`);
  };
  // \p n listens (0W: a free port), \p 0 stops, \p alone names the port
  // Binding completes a moment later (Node listens asynchronously), so until it does \p names the port
  // asked for, as kdb+'s \p 5001;\p shows 5001; a bind that fails reports it and \p falls back.
  let pending: number | null = null;
  host.listen = p => {
    if (p === null) return pending ?? port.port;
    if (p === 0) { pending = null; port.close(); return 0; }
    const asked = pending = p < 0 ? null : p;
    port.listen(p < 0 ? 0 : p).then(announce, e => log(`'${errorText(e)}\n`)).finally(() => { if (pending === asked) pending = null; });
    return p < 0 ? 0 : p;
  };
  // the open sockets (.z.H, sorted) and the bytes waiting on each (.z.W; a handle this process opened sends
  // from its worker at once, so nothing waits on it here)
  const sockets = (): [number, number][] => [...port.queues(), ...client.openHandles().map(h => [h, 0] as [number, number])].sort((a, b) => a[0] - b[0]);
  session.env.computed.set('.z.H', () => ({ ...intVec(sockets().map(s => s[0])), a: Attr.S }) as Q);
  session.env.computed.set('.z.W', () => { const s = sockets(); return dict(intVec(s.map(x => x[0])), longVec(s.map(x => x[1]))); });
  // the script and its arguments, as q sets .z.f and .z.x
  if (o.script) session.env.globals.set('.z.f', { t: -T.Sym, v: o.script } as Q);
  session.env.globals.set('.z.x', list(o.args.map(a => str(a))));
  // the raw command line (.z.X), the process id (.z.i), the cores (.z.c) and quiet mode (.z.q)
  session.env.globals.set('.z.X', list(['wasq', ...argv].map(a => str(a))));
  session.env.globals.set('.z.i', { t: -T.Int, v: process.pid } as Q);
  session.env.globals.set('.z.c', { t: -T.Int, v: availableParallelism() } as Q);
  session.env.globals.set('.z.q', { t: -T.Bool, v: o.quiet ? 1 : 0 } as Q);
  if (o.wsEval) installWsEval(session);
  session.env.clientShell = !!o.clientShell;
  if (o.timeout) session.env.timeout = o.timeout;
  const size = o.console ?? consoleSize();
  if (size) session.sys(`c ${size[0]} ${size[1]}`);
  if (o.memory) setLimit(o.memory * 2 ** 20);
  // one that wasq cannot honour (-s 4: one thread) is said, not silently dropped; the process goes on
  session.env.secondaryMax = Math.max(0, o.secondaries ?? 0);
  for (const cmd of o.sys) { try { session.sys(cmd); } catch (e) { write(2, `wasq: -${cmd}: '${errorText(e)}\n`); } }
  if (o.http) session.sys(`C ${o.http[0]} ${o.http[1]}`);
  // -t N is set before the script, which may read it (tick.q picks batch mode by system"t") or change it;
  // ticks come only when the event loop is free: after the script, or where loading it lets the loop turn
  if (o.timer) session.setTimer(o.timer);
  if (o.port !== undefined) {
    try { announce(await port.listen(o.port)); }
    catch (e) { process.stderr.write(`'${errorText(e)}\n`); process.exit(1); }
  }
  // the console's input, there for read0 0 while the script loads too (rl:{1">> ";read0 0} in a script)
  const tty = process.stdin.isTTY;
  const rl = createInterface({ input: process.stdin, output: tty ? process.stdout : undefined, terminal: !!tty, prompt: 'q)' });
  const input = new ConsoleInput(rl, !!tty);
  host.readLine = () => { flush(); return input.readLine(); };
  // QINIT names a script loaded before any other (default: q.q in QHOME, when there is one), as kdb+
  // loads it (ref: environment variables; finos' test runner sets it)
  const qinit = process.env.QINIT || (process.env.QHOME ? join(process.env.QHOME, 'q.q') : '');
  if (qinit && existsSync(qinit) && !statSync(qinit).isDirectory()) await loadScript(session, readFileSync(qinit, 'utf8'), qinit);
  // q db: a database directory is loaded as \l db would
  if (o.script && host.files!.list(o.script) !== null) {
    const r = session.evaluate('\\l ' + o.script);
    if (r.error) process.stderr.write(r.out + '\n');
  } else if (o.script) {
    const src = host.readFile!(o.script);
    if (src === null) { process.stderr.write(`'${o.script}\n`); }
    else { port.script = { name: basename(o.script), text: src }; await loadScript(session, src, o.script); }
  }
  // -l/-L: the checkpoint and the log of the updates since, on top of what the script made
  if (o.log) {
    if (!o.script) { process.stderr.write(`wasq: -l needs a script name (its log is name.log)\n`); process.exit(1); }
    const log = new UpdateLog(session, o.script.replace(/\.q$/, ''), o.log === 'sync');
    try { log.restore(); } catch (e) { process.stderr.write(`'${errorText(e)}\n`); process.exit(1); }
    session.updateLog = log;
  }
  flush();
  // at a terminal an error inside a lambda suspends it (q)), as kdb+'s debugger); piped input runs on
  session.debug = !!tty;
  // at a terminal, a banner as q prints one (-q leaves it out): what this is and how to leave
  if (tty && !o.quiet) write(1, `wasq ${pkg.version}: q in TypeScript and WebAssembly (kdb+ 4.1's language). \\\\ quits.\n`);
  flush();
  if (tty) rl.prompt();
  // at a terminal, Ctrl-C stops the running line ('stop), as in q; at the prompt it abandons the line typed
  const stop = tty ? new ConsoleInterrupt() : null;
  if (tty) rl.on('SIGINT', () => { rl.write(null, { ctrl: true, name: 'u' }); write(1, '\n'); flush(); rl.prompt(); });
  for (let line; (line = await input.next()) !== null;) {
    let r: ReturnType<typeof consoleLine>;
    if (stop) {
      const saved = session.env.poll;
      session.env.poll = () => stop.stopped() || !!saved?.();
      try { r = stop.run(() => consoleLine(session, line!)); } finally { session.env.poll = saved; }
    } else r = consoleLine(session, line);
    if (r.out) host.write(1, r.out + '\n');
    // under an error, the frame it happened in with a caret, as kdb+ prints it: on standard error, so
    // that standard output keeps one line for each error
    if (r.trace) host.write(2, r.trace + '\n');
    await turn();
    // flush per line, so a later runaway line cannot hold back what was already shown
    flush();
    // the prompt names the working namespace, as q's does (q.foo) after \d .foo)
    if (tty) { rl.setPrompt(session.suspended ? 'q))' : session.kmode ? '  ' : `q${session.env.cwd})`); rl.prompt(); }
    // what was typed while the line ran is readline's input now, as if typed at this prompt
    const typed = stop?.typed();
    if (typed) rl.write(typed);
  }
  flush();
  // with a port open the process keeps serving after its console input ends, as q does
  if (!port.listening) host.exit!(0);
}

/** -E: the port's certificate and key, from kdb+'s variables SSL_CERT_FILE and SSL_KEY_FILE (by default
 *  $QHOME/ssl/server-crt.pem and server-key.pem); the process stops when they cannot be read, as q does. */
function tlsOptions(mode: 1 | 2): { mode: 1 | 2; context: SecureContext } {
  const home = process.env.QHOME ?? join(process.env.HOME ?? '.', 'q');
  const certFile = process.env.SSL_CERT_FILE ?? join(home, 'ssl', 'server-crt.pem'), keyFile = process.env.SSL_KEY_FILE ?? join(home, 'ssl', 'server-key.pem');
  try { return { mode, context: createSecureContext({ cert: readFileSync(certFile), key: readFileSync(keyFile) }) }; }
  catch (e) { process.stderr.write(`'Could not initialize ssl: ${(e as Error).message}\n`); process.exit(1); }
}

/** A console line: through .z.pi when it is defined (its string result is written as it is, nothing
 *  for ::), else evaluated and shown. System commands go straight through, so \x .z.pi undoes it. */
function consoleLine(session: Session, line: string): { out: string; trace?: string } {
  if (line.startsWith('\\') || !session.hasHandler('.z.pi')) return session.evaluate(line);
  try {
    const v = session.handler('.z.pi', [str(line)], session.env.conn, () => NIL);
    if (v.t === T.Char || v.t === -T.Char) { session.env.host.write(1, text(v)); return { out: '' }; }
    return { out: isNil(v) ? '' : session.display(v) };
  } catch (e) { return { out: "'" + errorText(e) }; }
}

/** Let the event loop turn when vector memory has grown, so that blocks the last statements dropped are
 *  handed back (a collection's callbacks run only in a later task) and the next ones reuse them. */
const turn = () => shouldYield() ? new Promise<void>(r => setImmediate(r)) : undefined;
/** Run a script's statements as q loads a script (the first error stops it), turning the event loop as
 *  memory grows. */
async function loadScript(session: Session, src: string, file: string) {
  // a .k script is k, as kdb+ loads its own q.k
  const k = /\.k$/.test(file);
  for (const stmt of statementsAt(src)) {
    const r = session.evaluateAt(k && !/^\s*\\/.test(stmt.text) ? 'k)' + stmt.text : stmt.text, file, stmt.line);
    if (r.out) session.env.host.write(1, r.out + '\n');
    if (r.trace) session.env.host.write(2, r.trace + '\n');
    if (r.error) return;
    await turn();
  }
}

/** The client's socket thread, built beside this bundle under its name (wasq.mjs → wasq.client-worker.mjs). */
function workerUrl(): URL {
  return new URL(import.meta.url.replace(/\.mjs$/, '') + '.client-worker.mjs');
}

/** The built page (dist/web) next to this bundle, when it exists. */
function webRoot(): string | undefined {
  const here = new URL('.', import.meta.url).pathname;
  for (const p of [here + 'web', here + '../dist/web']) if (existsSync(p + '/index.html')) return p;
  return undefined;
}

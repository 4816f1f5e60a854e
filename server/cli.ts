// The wasq command: `wasq [script.q] [-p port] [-c rows cols] …`, mirroring q's command line.
// On a terminal it shows the q) prompt; otherwise it evaluates standard input line by line, prints
// each result as the q console does, and exits at the end of input unless a port is open.
import { readFileSync, existsSync, writeFileSync, appendFileSync, mkdirSync, readdirSync, statSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { Session } from '../q/session.js';
import { Port, readUsers } from './port.js';
import { Client } from './client.js';
import type { Host } from '../q/eval/env.js';

export interface Options { script?: string; port?: number; console?: [number, number]; http?: [number, number]; users?: string; blockWrites?: boolean; timeout?: number; wsEval: boolean; host?: string; args: string[] }

export function parseArgs(argv: string[]): Options {
  const o: Options = { args: [], wsEval: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = () => { const v = Number(argv[++i]); if (!Number.isFinite(v)) throw new Error(`wasq: ${a} needs a number`); return v; };
    switch (a) {
      case '-p': {
        // -p port or -p host:port (0W picks a free port)
        const v = argv[++i] ?? '';
        const m = /^(?:(.*):)?(\d+|0W)$/.exec(v);
        if (!m) throw new Error(`wasq: -p needs a port`);
        o.host = m[1] || undefined; o.port = m[2] === '0W' ? 0 : Number(m[2]);
        break;
      }
      case '-u': case '-U': o.users = argv[++i]; break;
      case '-b': o.blockWrites = true; break;
      case '-T': o.timeout = num(); break;
      case '--no-ws-eval': o.wsEval = false; break;
      case '-c': o.console = [num(), num()]; break;
      case '-C': o.http = [num(), num()]; break;
      case '-w': case '-s': case '-t': case '-P': case '-e': case '-g': case '-o': case '-q': i++; break;
      default:
        if (!o.script && !a.startsWith('-')) o.script = a; else o.args.push(a);
    }
  }
  return o;
}

export function nodeHost(out: (fd: number, s: string) => void): Host {
  return {
    now: () => BigInt(Date.now()) * 1000000n,
    tzOffsetMinutes: () => -new Date().getTimezoneOffset(),
    write: out,
    readFile: (p: string) => {
      const path = p.startsWith(':') ? p.slice(1) : p;
      for (const f of [path, path + '.q']) if (existsSync(f)) return readFileSync(f, 'utf8');
      return null;
    },
    exit: (code: number) => { flush(); process.exit(code); },
    files: {
      read: p => { try { return new Uint8Array(readFileSync(p)); } catch { return null; } },
      write: (p, data, append) => { mkdirSync(dirname(p) || '.', { recursive: true }); (append ? appendFileSync : writeFileSync)(p, data); },
      list: p => { try { return statSync(p).isDirectory() ? readdirSync(p) : null; } catch { return null; } },
      remove: p => { try { rmSync(p); return true; } catch { return false; } },
      size: p => { try { return statSync(p).size; } catch { return null; } },
    },
  };
}

let pending = '';
function write(fd: number, s: string) {
  if (fd === 2) { flush(); process.stderr.write(s); return; }
  pending += s;
  if (pending.length > 1 << 16) flush();
}
function flush() { if (pending) { process.stdout.write(pending); pending = ''; } }

export async function main(argv: string[]) {
  const o = parseArgs(argv);
  const host = nodeHost(write);
  const session = new Session(host);
  const port = new Port(session, { users: o.users ? readUsers(o.users) : undefined, blockWrites: o.blockWrites, timeout: o.timeout, wsEval: o.wsEval, host: o.host, webRoot: webRoot() });
  const client = new Client(session, new URL('./client-worker.mjs', import.meta.url));
  host.handle = (h, x, sync) => port.conns.has(h) ? port.send(h, x, sync) : client.send(h, x, sync);
  host.open = (target, ms) => client.open(target, ms);
  host.close = h => port.conns.has(h) ? port.conns.get(h)!.close() : client.close(h);
  let listening = false;
  host.listen = p => {
    if (p === null) return port.port;
    if (p === 0) { void port.close(); listening = false; return 0; }
    // \p at run time: listen, and keep the process alive for clients
    void port.close().then(() => port.listen(p)).then(n => { listening = true; write(2, `wasq: listening on ${o.host ?? '127.0.0.1'}:${n}\n`); });
    return p;
  };
  if (o.port !== undefined) {
    const n = await port.listen(o.port);
    listening = true;
    process.stderr.write(`wasq: listening on ${o.host ?? '127.0.0.1'}:${n} (q IPC, HTTP, WebSocket; the workbench at http://${o.host ?? 'localhost'}:${n}/wasq/)\n`);
  }
  if (o.console) session.sys(`c ${o.console[0]} ${o.console[1]}`);
  if (o.http) session.sys(`C ${o.http[0]} ${o.http[1]}`);
  if (o.script) {
    const src = nodeHost(write).readFile!(o.script);
    if (src === null) { process.stderr.write(`'${o.script}\n`); }
    else session.load(src, s => write(1, s + '\n'));
  }
  const tty = process.stdin.isTTY;
  const rl = createInterface({ input: process.stdin, output: tty ? process.stdout : undefined, terminal: !!tty, prompt: 'q)' });
  if (tty) { flush(); rl.prompt(); }
  for await (const line of rl) {
    const r = session.evaluate(line);
    if (r.out) write(1, r.out + '\n');
    // flush per line, so a later runaway line cannot hold back what was already shown
    flush();
    if (tty) rl.prompt();
  }
  flush();
  // with a port open the process keeps serving after its console input ends, as q does
  if (!listening) process.exit(0);
}

/** The built page (dist/web) next to this bundle, when it exists. */
function webRoot(): string | undefined {
  const here = new URL('.', import.meta.url).pathname;
  for (const p of [here + 'web', here + '../dist/web']) if (existsSync(p + '/index.html')) return p;
  return undefined;
}

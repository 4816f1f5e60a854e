// The wasq command: `wasq [script.q] [-p port] [-c rows cols] …`, mirroring q's command line.
// On a terminal it shows the q) prompt; otherwise it evaluates standard input line by line, prints
// each result as the q console does, and exits at the end of input unless a port is open.
import { readFileSync, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Session } from '../q/session.js';
import type { Host } from '../q/eval/env.js';

export interface Options { script?: string; port?: number; console?: [number, number]; http?: [number, number]; args: string[] }

export function parseArgs(argv: string[]): Options {
  const o: Options = { args: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = () => { const v = Number(argv[++i]); if (!Number.isFinite(v)) throw new Error(`wasq: ${a} needs a number`); return v; };
    switch (a) {
      case '-p': o.port = num(); break;
      case '-c': o.console = [num(), num()]; break;
      case '-C': o.http = [num(), num()]; break;
      case '-u': case '-U': case '-T': case '-w': case '-s': case '-t': case '-P': case '-e': case '-g': case '-o': case '-q': i++; break;
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
  const session = new Session(nodeHost(write));
  if (o.console) session.sys(`c ${o.console[0]} ${o.console[1]}`);
  if (o.http) session.sys(`C ${o.http[0]} ${o.http[1]}`);
  if (o.script) {
    const src = nodeHost(write).readFile!(o.script);
    if (src === null) { process.stderr.write(`'${o.script}\n`); }
    else session.load(src, s => write(1, s + '\n'));
  }
  const tty = process.stdin.isTTY;
  const rl = createInterface({ input: process.stdin, terminal: !!tty, prompt: 'q)' });
  if (tty) { flush(); rl.prompt(); }
  for await (const line of rl) {
    const r = session.evaluate(line);
    if (r.out) write(1, r.out + '\n');
    // flush per line, so a later runaway line cannot hold back what was already shown
    flush();
    if (tty) rl.prompt();
  }
  flush();
  if (o.port === undefined) process.exit(0);
}

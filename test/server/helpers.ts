// Running `wasq` as its own process on loopback, for the port's tests: a free port, the console on its
// standard input, node-q as the independent kdb+ client, raw sockets for bytes nothing else would send.
import assert from 'node:assert/strict';
import { spawn, ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer, connect, Socket } from 'node:net';

export const nodeq = createRequire(import.meta.url)('node-q');

/** A port nothing listens on right now (bound to 0 and released). */
export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => res(p)); });
  });
}

const until = async (ok: () => boolean, what: string, ms = 10000) => {
  for (let t = 0; t < ms && !ok(); t += 20) await new Promise(r => setTimeout(r, 20));
  assert.ok(ok(), what);
};
export const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

export interface Wasq {
  child: ChildProcess;
  port: number;
  /** everything the process wrote to stdout / stderr so far */
  out(): string;
  err(): string;
  /** Type a line on the server's console and wait until it has been evaluated; what it printed. */
  line(src: string): Promise<string>;
  stop(): Promise<void>;
}

/** Start `node bin/wasq.mjs ...args -p <free port>` and wait until it listens. */
export async function startWasq(args: string[], opts: { listen?: boolean; env?: Record<string, string> } = {}): Promise<Wasq> {
  const port = await freePort();
  const argv = ['bin/wasq.mjs', ...args, ...(opts.listen === false ? [] : ['-p', String(port)])];
  const child = spawn('node', argv, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...opts.env } });
  let out = '', err = '';
  child.stdout!.on('data', d => { out += d; });
  child.stderr!.on('data', d => { err += d; });
  let exited = false;
  child.on('exit', () => { exited = true; });
  if (opts.listen !== false) await until(() => /listening on/.test(err) || exited, 'wasq started listening');
  assert.ok(!exited, `wasq exited: ${err}`);
  const w: Wasq = {
    child, port, out: () => out, err: () => err,
    async line(src: string) {
      const mark = `@@${Math.random().toString(36).slice(2)}@@`;
      const from = out.length;
      child.stdin!.write(`${src}\n-1"${mark}";\n`);
      await until(() => out.includes(mark, from), `server evaluated ${src}`);
      return out.slice(from, out.indexOf(mark, from));
    },
    async stop() {
      if (exited) return;
      const gone = new Promise(r => child.once('exit', r));
      child.kill();
      await gone;
    },
  };
  return w;
}

/** A node-q connection. */
export const qconnect = (port: number, opts: object = {}): Promise<any> =>
  new Promise((res, rej) => nodeq.connect({ host: '127.0.0.1', port, ...opts }, (e: Error, c: any) => e ? rej(e) : res(c)));
/** A synchronous query on a node-q connection. */
export const qcall = (con: any, q: string, ...args: unknown[]): Promise<any> =>
  new Promise((res, rej) => con.k(q, ...args, (e: Error, r: any) => e ? rej(e) : res(r)));

/** A raw socket that has done the kdb+ handshake; its capability byte. */
export async function rawIpc(port: number, hello: Uint8Array = Uint8Array.from([...Buffer.from('test:'), 3, 0])): Promise<{ s: Socket; cap: number; read(n?: number): Promise<Buffer>; closed: Promise<void> }> {
  const s = connect(port, '127.0.0.1');
  let buf = Buffer.alloc(0);
  const waiters: (() => void)[] = [];
  s.on('data', (d: Buffer) => { buf = Buffer.concat([buf, d]); waiters.splice(0).forEach(f => f()); });
  const closed = new Promise<void>(r => s.on('close', () => { r(); waiters.splice(0).forEach(f => f()); }));
  s.on('error', () => {});
  await new Promise(r => s.on('connect', r));
  s.write(hello);
  const take = async (n: number): Promise<Buffer> => {
    for (let i = 0; i < 500 && buf.length < n && !s.destroyed; i++) await new Promise<void>(r => { waiters.push(r); setTimeout(r, 20); });
    const r = buf.subarray(0, n); buf = buf.subarray(n); return r;
  };
  const cap = (await take(1))[0];
  /** one whole message (its header says how long) */
  const read = async () => { const h = await take(8); if (h.length < 8) return h; return Buffer.concat([h, await take(h.readUInt32LE(4) - 8)]); };
  return { s, cap, read, closed };
}

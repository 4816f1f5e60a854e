// wasq as a kdb+ client: hopen, h"…" (sync, blocking the evaluator as q does), neg h (async), hclose.
// Node sockets are asynchronous, so they live in a worker thread (client-worker.ts); a synchronous call
// posts the message there and blocks this thread in Atomics.wait on a shared flag until the worker has
// put the answer on a message port, which this thread then reads synchronously (receiveMessageOnPort).
import { Worker, MessageChannel, MessagePort, receiveMessageOnPort } from 'node:worker_threads';
import { T } from '../q/value/types.js';
import { Q, NIL, list, isNil } from '../q/value/value.js';
import { QError } from '../q/value/error.js';
import { readMessage } from '../q/ipc/deserialize.js';
import { encodeMessage, encodeError } from '../q/ipc/serialize.js';
import { maybeCompress } from '../q/ipc/compress.js';
import { MsgType } from '../q/ipc/header.js';
import { serializeOptions, deserializeOptions } from '../q/prims/ipc-prims.js';
import type { Session } from '../q/session.js';
import { errorText } from '../q/session.js';
import { PRIMS } from '../q/prims/registry.js';
import { DEFAULT_ZWS } from '../q/eval/handlers.js';
import type { Handles } from './handles.js';

interface Peer { local: boolean; cap: number; uds?: boolean; /** the server's IPv4 address as .z.a gives it */ addr?: number;
  /** a WebSocket (kb/websockets): what is sent goes as frames, what comes reaches .z.ws */ ws?: boolean }
/** What the worker posts back: the answer to request id (bytes, a list, or an error), or a server's
 *  message to serve meanwhile (call, on handle h). */
interface Answer { id?: number; error?: string; bytes?: Uint8Array; list?: Uint8Array[]; hs?: number[]; call?: Uint8Array; h?: number;
  /** a WebSocket's messages among list: 1 text, 2 binary, 0 a kdb+ message */ ws?: number[]; /** whether a WebSocket opened */ ok?: boolean }
/** A dotted IPv4 address as an int (.z.a's form); 0 for a name or an IPv6 address. */
const ipInt = (a: string): number => { const p = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(a); return p ? ((+p[1] << 24) | (+p[2] << 16) | (+p[3] << 8) | +p[4]) : 0; };

export class Client {
  private worker: Worker | null = null;
  /** how many items the worker has posted on `answers` that this thread has not taken yet */
  private ctl = new Int32Array(new SharedArrayBuffer(4));
  private answers: MessagePort | null = null;
  private peers = new Map<number, Peer>();
  /** each request this thread waits on has an id, and its answer the same: one asked while serving a
   *  server's message (a handler's .Q.host, or h"…") is answered apart from the one waited on around it */
  private nextId = 1;
  /** answers that came while a nested wait was taking its own: each taken by its waiter */
  private early = new Map<number, Answer>();
  /** how deep this thread is in serving servers' messages: what it asks there cannot wait for its reply */
  private serving = 0;
  constructor(private session: Session, private workerUrl: URL, private handles: Handles, private log: (s: string) => void = () => {}) {}

  has(h: number) { return this.peers.has(h); }

  private start(): Worker {
    if (this.worker) return this.worker;
    const { port1, port2 } = new MessageChannel();
    this.answers = port1;
    const w = new Worker(this.workerUrl, { workerData: { ctl: this.ctl.buffer, answers: port2 }, transferList: [port2] });
    // the thread alone does not keep the process alive; open sockets are ref'd in the worker
    w.unref();
    w.on('message', (m: { op: string; h: number; bytes?: Uint8Array }) => {
      if (m.op === 'closed') {
        // the server went away: the handle is gone and .z.pc runs (.z.wc for a WebSocket), as in kdb+
        const p = this.peers.get(m.h);
        if (!p) return;
        this.peers.delete(m.h);
        this.handles.free(m.h);
        const zc = p.ws ? '.z.wc' : '.z.pc';
        this.notify(() => this.session.handler(zc, [{ t: -T.Int, v: m.h } as Q], { ...this.session.env.conn, w: 0 }, () => NIL), zc);
      } else if (m.op === 'inbox') {
        // messages from servers wait in the worker: taken one at a time (each one's handler may call out)
        for (;;) {
          let a: { bytes?: Uint8Array; h?: number; list?: Uint8Array[]; hs?: number[]; ws?: number[] };
          try { a = this.answer(this.ask({ op: 'drain' })); } catch (e) { this.log(`'${errorText(e)}\n`); return; }
          if (a.list) { a.list.forEach((b, i) => a.ws?.[i] ? this.wsMessage(a.hs![i], b, a.ws[i]) : this.serve(a.hs![i], b)); continue; }
          if (!a.bytes!.length) return;
          this.serve(a.h!, a.bytes!);
        }
      }
    });
    w.on('error', (e: Error) => this.log(`wasq: client thread: ${e.message}\n`));
    this.worker = w;
    return w;
  }
  private notify(f: () => void, what: string) { try { f(); } catch (e) { this.log(`${what}: '${errorText(e)}\n`); } }

  /** Post a request the worker answers, marked with its id (and whether it is asked while serving). */
  private ask(m: Record<string, unknown>): number {
    const id = this.nextId++;
    this.start().postMessage({ ...m, id, now: this.serving > 0 });
    return id;
  }
  /** Block until the worker answers request id: its bytes, or a q error. */
  private wait(id: number): Uint8Array { return this.answer(id).bytes!; }
  private answer(id: number): Answer {
    for (;;) {
      let a = this.early.get(id);
      if (a) this.early.delete(id);
      else {
        while (Atomics.load(this.ctl, 0) === 0) Atomics.wait(this.ctl, 0, 0);
        Atomics.sub(this.ctl, 0, 1);
        a = receiveMessageOnPort(this.answers!)!.message as Answer;
        // a server's message to serve while this thread waits (TorQ's discovery registers a client so)
        if (a.call) { this.serve(a.h!, a.call); continue; }
        // another wait's answer (an outer one, while this thread served a message inside it)
        if (a.id !== id) { this.early.set(a.id!, a); continue; }
      }
      if (a.error !== undefined) throw new QError(a.error);
      return a;
    }
  }
  /** A WebSocket's message on h: text as a string, binary as bytes, to .z.ws with .z.w h (kb/websockets).
   *  Only a .z.ws the user defined hears it: wasq's default one evaluates what a browser sends, and a
   *  server this process reached out to is not to run code here. */
  private wsMessage(h: number, b: Uint8Array, kind: number) {
    const zws = this.session.env.globals.get('.z.ws') as { src?: string } | undefined;
    if (!zws || zws.src === DEFAULT_ZWS) return;
    const x = { t: kind === 1 ? T.Char : T.Byte, d: b, a: 0 } as Q, who = { w: h, a: this.peers.get(h)?.addr ?? 0, u: '' };
    this.serving++;
    try { this.notify(() => this.session.handler('.z.ws', [x], who, () => NIL), '.z.ws'); } finally { this.serving--; }
  }

  /** `:ws://[user:password@]host[:port] "GET …": the request, with the upgrade's headers added, on a new
   *  connection. A 101 answer gives the handle and the response's header; any other, no handle and the
   *  response (kb/websockets). */
  wsOpen(url: string, request: Uint8Array): { h: number | null; response: Uint8Array } {
    const m = /^(wss?):\/\/(?:([^:@/]*)(?::([^@/]*))?@)?([^:/]*)(?::(\d+))?/.exec(url);
    if (!m) throw new QError('hop');
    const tls = m[1] === 'wss', host = m[4] || '127.0.0.1', port = m[5] ? Number(m[5]) : tls ? 443 : 80;
    const h = this.handles.alloc();
    let a: Answer;
    try { a = this.answer(this.ask({ op: 'wsopen', h, host, port, tls, bytes: request, user: m[2], pass: m[3] })); }
    catch (e) { this.handles.free(h); throw e; }
    if (!a.ok) { this.handles.free(h); return { h: null, response: a.bytes! }; }
    this.peers.set(h, { local: /^(localhost|127\.\d+\.\d+\.\d+|::1)$/.test(host), cap: 0, ws: true, addr: host === 'localhost' ? 0x7f000001 : ipInt(host) });
    return { h, response: a.bytes! };
  }

  /** A server's sync request on handle h: run through .z.pg (.z.w is h), answered with its value or error;
   *  an async message through .z.ps. */
  private serve(h: number, bytes: Uint8Array) {
    this.serving++;
    try { this.serveOne(h, bytes); } finally { this.serving--; }
  }
  private serveOne(h: number, bytes: Uint8Array) {
    // .z.a is the server's address (ref/dotz: in a callback, the peer's)
    const who = { w: h, a: this.peers.get(h)?.addr ?? 0, u: '' };
    if (bytes[1] !== MsgType.Sync) {
      this.notify(() => {
        const msg = readMessage(bytes, deserializeOptions());
        if (msg.value !== undefined) this.session.handler('.z.ps', [msg.value], who, () => PRIMS.value.m!(msg.value!));
      }, '.z.ps');
      return;
    }
    let reply: Uint8Array;
    try {
      const msg = readMessage(bytes, deserializeOptions());
      if (msg.error !== undefined) throw new QError(msg.error);
      const v = this.session.handler('.z.pg', [msg.value!], who, () => PRIMS.value.m!(msg.value!));
      reply = encodeMessage(v, MsgType.Response, { ...serializeOptions(), cap: this.peers.get(h)?.cap ?? 3 });
    } catch (e) { reply = encodeError(errorText(e)); }
    this.worker!.postMessage({ op: 'reply', h, bytes: reply });
  }

  /**
   * f peach items over secondary processes (basics/peach): each item goes as (f;item) to the first of the
   * handles that is free, as kdb+ hands them out, and the answers come back in the items' order. The
   * first error an item gives is the error of the whole.
   */
  scatter(hs: number[], f: Q, items: Q[]): Q[] {
    for (const h of hs) if (!this.peers.has(h)) throw new QError(`Cannot write to handle ${h}. OS reports: Bad file descriptor`);
    const cap = Math.min(...hs.map(h => this.peers.get(h)!.cap));
    const jobs = items.map(x => encodeMessage(list([f, x]), MsgType.Sync, { ...serializeOptions(), cap }));
    return this.answer(this.ask({ op: 'scatter', hs, jobs })).list!.map(b => {
      const msg = readMessage(b, deserializeOptions());
      if (msg.error !== undefined) throw new QError(msg.error);
      return msg.value!;
    });
  }

  /** A host name's IPv4 address (dotted), or an address's name ('' when it has none). */
  dns(q: { name: string } | { ip: string }): string {
    return new TextDecoder().decode(this.wait(this.ask({ op: 'dns', ...q })));
  }

  /** `:http://host:port "request": the request sent as it is, the whole response (chunks joined). */
  raw(url: string, request: Uint8Array): Uint8Array {
    const m = /^(https?):\/\/([^:/]*)(?::(\d+))?/.exec(url);
    if (!m) throw new QError('hop');
    const tls = m[1] === 'https';
    return this.wait(this.ask({ op: 'raw', host: m[2] || '127.0.0.1', port: m[3] ? Number(m[3]) : tls ? 443 : 80, tls, bytes: request }));
  }

  /** An HTTP GET (no body) or POST: the answer's body. */
  http(url: string, body: { type: string; data: Uint8Array } | null): Uint8Array {
    return this.wait(this.ask({ op: 'http', url, type: body?.type, body: body?.data }));
  }

  /** hopen `:host:port[:user[:password]] (host empty: this machine), with a connect timeout in ms (0: none). */
  open(target: string, timeoutMs: number): number {
    if (/^:(unixs|fifo):\/\//.test(target)) throw new QError('nyi');
    // `:unix://port: the Unix domain socket of a server on this machine (kdb+'s /tmp/kx.port)
    const unix = /^:unix:\/\/(\d+)(?::([^:]*)(?::(.*))?)?$/.exec(target);
    // `:tcps://host:port: TLS
    const tls = /^:tcps:\/\//.test(target);
    if (tls) target = ':' + target.slice(8);
    const m = unix ? [target, '', unix[1], unix[2], unix[3]] : /^:([^:]*):(\d+)(?::([^:]*)(?::(.*))?)?$/.exec(target);
    if (!m) throw new QError('hop');
    const [, host, port, user, pass] = m;
    // kdb+ would take the port's low 16 bits and reach some other port: say what is wrong instead
    if (!(Number(port) > 0 && Number(port) < 65536)) throw new QError(`hop. port ${port} is outside 1-65535`);
    const h = this.handles.alloc();
    const addr = host || '127.0.0.1';
    const where = unix ? { path: udsPath(Number(port)) } : { host: addr, port: Number(port), tls };
    if (unix && !where.path) { this.handles.free(h); throw new QError('hop. no Unix domain sockets (QUDSPATH is empty)'); }
    const id = this.ask({ op: 'open', h, ...where, user: user ?? process.env.USER ?? this.session.env.host.user ?? '', pass: pass ?? null, timeout: timeoutMs });
    let cap: number;
    try { cap = this.wait(id)[0]; } catch (e) { this.handles.free(h); throw e; }
    this.peers.set(h, { local: !!unix || /^(localhost|127\.\d+\.\d+\.\d+|::1)$/.test(addr), cap, uds: !!unix, addr: unix ? 0 : addr === 'localhost' ? 0x7f000001 : ipInt(addr) });
    return h;
  }

  /** h x (sync: wait for the answer) or neg h x (async). Large messages to other machines are compressed, as kdb+ does. */
  send(h: number, x: Q, sync: boolean): Q {
    const p = this.peers.get(h);
    if (!p) throw new QError(`Cannot write to handle ${h}. OS reports: Bad file descriptor`);
    // neg[h][] or neg[h](::) is a flush, not a message: it waits until what went on h is written (basics/ipc,
    // kb/websockets); the server sees nothing
    if (!sync && isNil(x)) { this.wait(this.ask({ op: 'flush', h })); return NIL; }
    // a WebSocket's messages are all asynchronous: a string goes as text, bytes as binary
    if (p.ws) {
      if (sync) throw new QError('nyi');
      // (a char atom is a one-character text, as the port's side sends it)
      if (x.t !== T.Char && x.t !== -T.Char && x.t !== T.Byte) throw new QError('type');
      this.worker!.postMessage({ op: 'wssend', h, text: x.t !== T.Byte, bytes: x.t === -T.Char ? Uint8Array.of((x as { v: number }).v) : (x as { d: Uint8Array }).d.slice() });
      return NIL;
    }
    // h[] reads the next message that comes on h (basics/ipc's deferred synchronous client): its value
    if (sync && isNil(x)) {
      const msg = readMessage(this.wait(this.ask({ op: 'receive', h })), deserializeOptions());
      if (msg.error !== undefined) throw new QError(msg.error);
      return msg.value!;
    }
    let bytes = encodeMessage(x, sync ? MsgType.Sync : MsgType.Async, { ...serializeOptions(), cap: p.cap });
    if (!p.local && p.cap >= 1) bytes = maybeCompress(bytes);
    if (!sync) { this.worker!.postMessage({ op: 'send', h, bytes, sync }); return NIL; }
    const msg = readMessage(this.wait(this.ask({ op: 'send', h, bytes, sync })), deserializeOptions());
    if (msg.error !== undefined) throw new QError(msg.error);
    return msg.value!;
  }

  /** A handle this process opened, as -38! describes it, or null. */
  socket(h: number): { p: 'q' | 'w'; f: 't' | 'u'; z: boolean; m: number } | null {
    const p = this.peers.get(h);
    return p ? { p: p.ws ? 'w' : 'q', f: p.uds ? 'u' : 't', z: !p.local && p.cap >= 1, m: 0 } : null;
  }
  /** The handles this process opened to servers. */
  openHandles(): number[] { return [...this.peers.keys()]; }

  /** hclose: the connection ends; .z.pc does not run for our own close, as in kdb+. */
  close(h: number) {
    if (!this.peers.delete(h)) throw new QError(': Bad file descriptor');
    this.handles.free(h);
    this.worker?.postMessage({ op: 'close', h });
  }
}

/** Where kdb+ puts the Unix domain socket of a port: QUDSPATH (default /tmp) /kx.port, in Linux's
 *  abstract namespace (kdb+ 3.5 and later), a file elsewhere; null when QUDSPATH is set empty. */
export function udsPath(port: number): string | null {
  const dir = process.env.QUDSPATH ?? '/tmp';
  if (dir === '') return null;
  return (process.platform === 'linux' ? '\0' : '') + dir + '/kx.' + port;
}

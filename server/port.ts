// One listening port, three protocols, as kdb+: the first bytes of a connection tell a kdb+ IPC handshake
// from an HTTP request (a WebSocket upgrade is an HTTP GET). IPC is handled here on the raw socket; HTTP
// requests are parsed by node:http and answered with the bytes the q handlers make; WebSocket framing is `ws`.
import { createServer as netServer, Server as NetServer, Socket } from 'node:net';
import { createServer as httpServer, IncomingMessage, ServerResponse } from 'node:http';
import { readFileSync, existsSync, statSync, readSync, writeSync } from 'node:fs';
import { join, normalize, extname } from 'node:path';
import { createHash } from 'node:crypto';
import { TLSSocket, SecureContext } from 'node:tls';
import { Duplex } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { WebSocketServer } from 'ws';
import type { Session } from '../q/session.js';
import { T } from '../q/value/types.js';
import { Q, Atom, Vec, NIL, str, sym, vec, text, isNil } from '../q/value/value.js';
import { QError } from '../q/value/error.js';
import { sniffProtocol, parseHandshake, capabilityReply, FrameReader } from '../q/ipc/frame.js';
import { readMessage } from '../q/ipc/deserialize.js';
import { encodeMessage, encodeError } from '../q/ipc/serialize.js';
import { maybeCompress } from '../q/ipc/compress.js';
import { MsgType } from '../q/ipc/header.js';
import { serializeOptions, deserializeOptions } from '../q/prims/ipc-prims.js';
import { PRIMS } from '../q/prims/registry.js';
import { errorText } from '../q/session.js';
import { httpRespond, httpAuth, HttpRequest, Caller } from '../q/eval/handlers.js';
import { Handles } from './handles.js';
import { udsPath } from './client.js';

export interface PortOptions {
  /** connection handles, shared with the client side */
  handles: Handles;
  /** users from -u/-U: name → password (plain, MD5 or SHA-1 hex) */
  users?: Map<string, string>;
  /** -b: clients may not change globals ('noupdate) */
  blockWrites?: boolean;
  /** -T: seconds a client query may run before 'stop */
  timeout?: number;
  /** folder of the built page, served under /wasq/ */
  webRoot?: string;
  /** the script the server started on, which the page opens with (/wasq/script.q) */
  script?: { name: string; text: string };
  /** bind address; wasq listens on loopback unless told otherwise */
  host?: string;
  /** -E: TLS on the port (1: TLS and plain connections, 2: TLS only), with its certificate and key */
  tls?: { mode: 1 | 2; context: SecureContext };
  /** where to report what the port does on its own (a refused bind at run time) */
  log?: (s: string) => void;
}

interface Conn { w: number; kind: 'ipc' | 'ws'; user: string; addr: number; cap: number; local: boolean; /** a Unix domain socket */ uds?: boolean; /** the TLS socket, when the connection is one */ tls?: TLSSocket; send(b: Uint8Array | string): void; close(): void; closing?: boolean; /** neg[h][] was asked: what went before it is not dropped at a close */ flushed?: boolean; queued(): number; awaiting?: number; /** a sync request to the client: its answer's bytes (plain sockets only) */ call?(req: Uint8Array): Uint8Array; /** h[]: the client's next message */ next?(): Uint8Array }

const ipv4 = (a: string | undefined) => {
  const m = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(a ?? '');
  return m ? ((+m[1] << 24) | (+m[2] << 16) | (+m[3] << 8) | +m[4]) : 0;
};
/** kdb+ does not compress to peers on this machine. */
const isLocal = (a: string | undefined) => !a || a === '::1' || /(^|:)127\.\d+\.\d+\.\d+$/.test(a);
const int = (v: number): Q => ({ t: -T.Int, v }) as Q;
const wouldBlock = (e: unknown) => { const c = (e as { code?: string }).code; return c === 'EAGAIN' || c === 'EWOULDBLOCK'; };
/** A millisecond's sleep, for a blocking read or write on a non-blocking socket. */
const NAP = new Int32Array(new SharedArrayBuffer(4));
const nap = () => { Atomics.wait(NAP, 0, 0, 1); };
/** An HTTP request body larger than this is refused (kdb+ has a similar bound). */
const MAX_BODY = 256 * 1024 * 1024;
/** The handlers that run a client's query: -b and -T apply to them. */
const QUERY_HANDLERS = new Set(['.z.pg', '.z.ps', '.z.ph', '.z.pp', '.z.pm', '.z.ws']);

/** The listening port of one session. */
export class Port {
  private net: NetServer | null = null;
  private http = httpServer({ maxHeaderSize: 64 * 1024 }, (req, res) => this.onHttp(req, res));
  // permessage-deflate when the client asks, as kdb+'s server does (kb/websockets): a message under 1 KiB
  // goes as it is, where deflating costs more than it saves
  private wss = new WebSocketServer({ noServer: true, maxPayload: MAX_BODY, perMessageDeflate: { threshold: 1024 } });
  readonly conns = new Map<number, Conn>();
  private guarding = false;
  port = 0;

  /** \u: new users from the password file read again. */
  setUsers(users: Map<string, string>): void { this.opts.users = users; }
  constructor(private session: Session, private opts: PortOptions) {
    this.http.on('upgrade', (req, socket, head) => this.onUpgrade(req, socket as Socket, head));
    this.http.on('clientError', (_e, socket) => { if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n'); else socket.destroy(); });
    if (opts.blockWrites) this.guardWrites();
  }

  /**
   * Listen on a port (0 picks a free one); resolves to its number, or rejects with kdb+'s error text
   * (Node binds asynchronously, so `\p 5001` at run time reports a taken port a moment later).
   */
  listen(port: number): Promise<number> {
    const host = this.opts.host ?? '127.0.0.1';
    // no Nagle delay: a reply goes out as soon as it is written, as kdb+'s do
    const srv = netServer({ noDelay: true }, sock => this.onConnection(sock));
    return new Promise((resolve, reject) => {
      // a refused bind leaves the current port as it was
      srv.once('error', (e: NodeJS.ErrnoException) => {
        reject(new QError(`${port}: ${e.code === 'EADDRINUSE' ? 'Address already in use' : e.code === 'EACCES' ? 'Permission denied' : e.message}`));
      });
      srv.listen({ port, host, exclusive: true }, () => {
        this.close();
        this.net = srv;
        const a = srv.address();
        this.port = a && typeof a !== 'string' ? a.port : port;
        this.listenUds(this.port);
        resolve(this.port);
      });
    });
  }
  /** As kdb+ does, a port also listens on a Unix domain socket (QUDSPATH/kx.port, abstract on Linux;
   *  none when QUDSPATH is empty). One that cannot be made is reported and the TCP port serves alone. */
  private listenUds(port: number) {
    const path = udsPath(port);
    if (!path) return;
    const srv = netServer(sock => this.onConnection(sock));
    srv.once('error', (e: Error) => this.opts.log?.(`wasq: cannot listen on uds ${path.replace('\0', '@')}. ${e.message}\n`));
    srv.listen({ path, exclusive: true }, () => { this.uds = srv; });
  }
  private uds: NetServer | null = null;
  /** Stop listening (\p 0); connections already made stay open, as in kdb+. */
  close() {
    if (this.net) { this.net.close(); this.net = null; }
    if (this.uds) { this.uds.close(); this.uds = null; }
    this.port = 0;
  }
  get listening() { return this.net !== null; }
  /** Is the workbench page built, to be served under /wasq/? */
  get hasPage() { return !!this.opts.webRoot; }
  /** The script the server started on, for the page to open with. */
  set script(sc: { name: string; text: string }) { this.opts.script = sc; }

  // ---- protocol sniffing -----------------------------------------------------------------------------
  private onConnection(sock: Socket, secure = false) {
    let buf = new Uint8Array(0);
    sock.on('error', () => sock.destroy());
    const first = (chunk: Buffer) => {
      const b = new Uint8Array(buf.length + chunk.length); b.set(buf); b.set(chunk, buf.length); buf = b;
      // a TLS handshake (a record of type 22): the connection is decrypted, then sniffed again; with -E 2
      // nothing else is let in
      const tls = this.opts.tls;
      if (!secure && tls && buf[0] === 0x16) { sock.off('data', first); this.secure(sock, buf, tls.context); return; }
      if (!secure && tls?.mode === 2) { sock.destroy(); return; }
      const kind = sniffProtocol(buf);
      if (kind === 'more') return;
      sock.off('data', first);
      sock.pause();
      if (kind === 'http') { sock.unshift(Buffer.from(buf)); this.http.emit('connection', sock); sock.resume(); }
      else this.ipc(sock, buf);
    };
    sock.on('data', first);
  }

  /** A TLS connection over the socket, the bytes already read first; what it decrypts is sniffed as a
   *  plain connection would be. The peer's address is the socket's (authentication reads it). */
  private secure(sock: Socket, head: Uint8Array, context: SecureContext) {
    const inner = new Duplex({
      read() { sock.resume(); },
      write(chunk, _enc, cb) { sock.write(chunk, cb); },
      final(cb) { sock.end(); cb(); },
    });
    inner.push(Buffer.from(head));
    sock.on('data', d => { if (!inner.push(d)) sock.pause(); });
    sock.on('end', () => inner.push(null));
    sock.on('close', () => inner.destroy());
    const t = new TLSSocket(inner as unknown as Socket, { isServer: true, secureContext: context });
    Object.defineProperty(t, 'remoteAddress', { value: sock.remoteAddress });
    t.on('error', () => { t.destroy(); sock.destroy(); });
    this.onConnection(t, true);
  }

  // ---- kdb+ IPC ------------------------------------------------------------------------------------
  private ipc(sock: Socket, initial: Uint8Array) {
    let pending = initial;
    let conn: Conn | null = null;
    const reader = new FrameReader(2 ** 31 - 1);
    const onData = (chunk: Uint8Array) => {
      if (!conn) {
        let hs;
        try {
          const b = new Uint8Array(pending.length + chunk.length); b.set(pending); b.set(chunk, pending.length); pending = b;
          hs = parseHandshake(pending);
        } catch { sock.destroy(); return; }
        if (!hs) return;
        // a refused client gets nothing back: it reports 'access
        if (!this.allowed(hs.user, hs.password, sock.remoteAddress)) { sock.destroy(); return; }
        const w = this.opts.handles.alloc();
        const c: Conn = conn = {
          w, kind: 'ipc', user: hs.user, addr: ipv4(sock.remoteAddress), cap: capabilityReply(hs.cap), local: isLocal(sock.remoteAddress), uds: sock.remoteAddress === undefined && !(sock instanceof TLSSocket),
          ...(sock instanceof TLSSocket ? { tls: sock } : {}),
          send: b => { if (!sock.destroyed) sock.write(b as Uint8Array); },
          // (hclose drops what is unsent, as kdb+ 3.6+ does, unless neg[h][] flushed it: then it goes first)
          close: () => { c.closing = true; if (c.flushed && sock.writableLength) sock.end(() => sock.destroy()); else sock.destroy(); },
          queued: () => sock.writableLength, call, next,
        };
        this.conns.set(w, c);
        // the one capability byte goes out alone, before anything else (node-q needs it in its own read)
        sock.write(Uint8Array.of(c.cap));
        this.quiet(c, '.z.po', [int(w)]);
        const rest = pending.subarray(hs.length);
        pending = new Uint8Array(0);
        if (rest.length) onData(rest);
        return;
      }
      let msgs: Uint8Array[];
      // a header that cannot be right (or a length past 2 GB) closes this connection; the server goes on
      try { msgs = reader.push(chunk); } catch { sock.destroy(); return; }
      held.push(...msgs);
      drain();
    };
    // messages run in the order they came, those a sync call to the client read past its answer too
    const held: Uint8Array[] = [];
    let draining = false;
    const drain = () => {
      if (draining) return;
      draining = true;
      try { while (held.length && conn) if (!this.onMessage(conn, held.shift()!)) { held.length = 0; sock.destroy(); } }
      finally { draining = false; }
    };
    /** h"x" to this client, from a handler: the request written and the answer read on the socket itself,
     *  blocking, as kdb+ blocks; what the client sends meanwhile (async messages, sync requests of its
     *  own) is served while it waits, as kdb+ serves it; what comes after the answer waits its turn. The
     *  socket's descriptor is read directly: the event loop is not turning while a handler runs. */
    const fdOf = (): number => {
      const fd = (sock as unknown as { _handle?: { fd?: number } })._handle?.fd;
      // (bytes already queued to it or read from it, or a TLS layer between, would interleave)
      if (fd === undefined || fd < 0 || sock instanceof TLSSocket || sock.writableLength || sock.readableLength) throw new QError('nyi');
      return fd;
    };
    /** The messages the next bytes on the socket complete (blocking until some come). */
    const buf = Buffer.allocUnsafe(1 << 16);
    const readMsgs = (fd: number): Uint8Array[] => {
      for (;;) {
        let n: number;
        try { n = readSync(fd, buf, 0, buf.length, null); }
        catch (e) { if (wouldBlock(e)) { nap(); continue; } n = 0; }
        if (!n) { sock.destroy(); throw new QError('close'); }
        const msgs = reader.push(Uint8Array.prototype.slice.call(buf, 0, n));
        if (msgs.length) return msgs;
      }
    };
    const call = (req: Uint8Array): Uint8Array => {
      const fd = fdOf();
      for (let at = 0; at < req.length;) {
        try { at += writeSync(fd, req, at, req.length - at); }
        catch (e) { if (!wouldBlock(e)) throw new QError(`Cannot write to handle ${conn!.w}. OS reports: ${(e as Error).message}`); nap(); }
      }
      for (;;) {
        let answer: Uint8Array | null = null;
        for (const msg of readMsgs(fd)) {
          if (answer) held.push(msg);
          else if (msg[1] === MsgType.Response) answer = msg;
          else if (!this.onMessage(conn!, msg)) { sock.destroy(); throw new QError('close'); }
        }
        if (answer) { if (held.length) setImmediate(drain); return answer; }
      }
    };
    /** h[] on this client's handle: the next message it sends, held or read now (kb/server-calling-client). */
    const next = (): Uint8Array => {
      if (held.length) return held.shift()!;
      const [first, ...rest] = readMsgs(fdOf());
      if (rest.length) { held.push(...rest); setImmediate(drain); }
      return first;
    };
    sock.on('data', (c: Buffer) => onData(new Uint8Array(c.buffer, c.byteOffset, c.length)));
    sock.on('close', () => {
      if (!conn) return;
      this.conns.delete(conn.w);
      this.opts.handles.free(conn.w);
      // .z.pc runs when the peer goes, not after the server's own hclose
      if (!conn.closing) this.quiet(this.gone(), '.z.pc', [int(conn.w)]);
    });
    sock.resume();
    if (initial.length) { const i = initial; pending = new Uint8Array(0); onData(i); }
  }

  /** Evaluate one message and answer a sync one; false when the message is malformed (close the connection). */
  private onMessage(c: Conn, msg: Uint8Array): boolean {
    let m;
    try { m = readMessage(msg, deserializeOptions()); }
    catch {
      // kdb+: .z.bm gets (handle;bytes), then the handle is closed
      this.quiet(c, '.z.bm', [{ t: T.List, d: [int(c.w), vec(T.Byte, msg.slice())], a: 0 } as Q]);
      return false;
    }
    // a response with no request of ours waiting: dropped
    if (m.msgType === MsgType.Response) return true;
    const sync = m.msgType === MsgType.Sync;
    let reply: Uint8Array;
    const outer = this.answering;
    this.answering = sync ? { c, deferred: false } : null;
    try {
      if (m.error !== undefined) throw new QError(m.error);
      const v = this.session.logged(m.value!, () => this.run(c, sync ? '.z.pg' : '.z.ps', [m.value!], () => this.value(m.value!)));
      if (!sync) return true;
      // -30!(::) in the handler: the answer comes later, from -30!(h;isError;x) (in this handler or after)
      if (this.answering!.deferred) return true;
      reply = encodeMessage(v, MsgType.Response, { ...serializeOptions(), cap: c.cap });
    } catch (e) {
      if (!sync) return true;
      // a deferred request's answer is -30!'s to give, even when the handler then fails
      if (this.answering!.deferred) return true;
      reply = encodeError(errorText(e));
    } finally { this.answering = outer; }
    c.send(this.wire(c, reply));
    return true;
  }

  /** The sync request being answered now, if any, and whether -30!(::) deferred its answer. */
  private answering: { c: Conn; deferred: boolean } | null = null;
  /** -30!(::): the sync request running now is answered later. */
  defer() {
    if (!this.answering) throw new QError('domain');
    // counted now, so the handler itself may answer it (TorQ's gateway answers an error at once)
    if (!this.answering.deferred) { const c = this.answering.c; c.awaiting = (c.awaiting ?? 0) + 1; }
    this.answering.deferred = true;
  }
  /** -30!(h;isError;x): answer the oldest deferred request of client h. */
  respond(h: number, isError: boolean, x: Q) {
    const c = this.conns.get(h);
    if (!c || c.kind !== 'ipc') throw new QError('domain');
    if (!c.awaiting) throw new QError(`Handle ${h} was not expecting a response msg`);
    c.awaiting--;
    const reply = isError ? encodeError(text(x.t === -T.Sym ? str((x as Atom).v) : x)) : encodeMessage(x, MsgType.Response, { ...serializeOptions(), cap: c.cap });
    c.send(this.wire(c, reply));
  }

  /** kdb+ compresses large messages, but not to peers on this machine nor to peers that cannot read them. */
  private wire(c: Conn, b: Uint8Array): Uint8Array { return c.local || c.cap < 1 ? b : maybeCompress(b); }

  /** kdb+'s default .z.pg/.z.ps: value the message (a string is evaluated, a list applied). */
  private value(x: Q): Q { return PRIMS.value.m!(x); }

  /**
   * Run a handler for a connection, in the root namespace as kdb+ does. Queries (.z.pg .z.ps .z.ph .z.pp
   * .z.pm .z.ws) are read-only under -b and stopped with 'stop after -T seconds.
   */
  private run(c: { w: number; addr: number; user: string }, handler: string, args: Q[], dflt: () => Q): Q {
    const caller: Caller = { w: c.w, a: c.addr, u: c.user };
    const f = () => this.session.handler(handler, args, caller, dflt);
    return QUERY_HANDLERS.has(handler) ? this.asQuery(f) : this.inRoot(f);
  }

  /** f in the root namespace, whatever the console's \d. */
  private inRoot<R>(f: () => R): R {
    const env = this.session.env, ns = env.ns, cwd = env.cwd;
    env.ns = env.cwd = '';
    try { return f(); } finally { env.ns = ns; env.cwd = cwd; }
  }

  /** f as a client's query: in the root, under -b (no writes) and -T (a deadline the evaluator polls). */
  private asQuery<R>(f: () => R): R {
    const env = this.session.env, saved = env.poll, limit = env.timeout || this.opts.timeout;
    if (limit) { const deadline = Date.now() + limit * 1000; env.poll = () => Date.now() > deadline || !!saved?.(); }
    const guarding = this.guarding, remote = env.remote;
    this.guarding = env.blocked = !!this.opts.blockWrites;
    env.remote = true;
    try { return this.inRoot(f); }
    finally { env.poll = saved; this.guarding = env.blocked = guarding; env.remote = remote; }
  }

  /** Run a notification handler (.z.po .z.pc .z.wo .z.wc .z.bm): its errors are the handler's own business. */
  /** Who .z.pc and .z.wc run as: the peer is gone, so .z.w .z.a .z.u are the local values (ref/dotz). */
  private gone() { const l = this.session.env.conn; return { w: 0, addr: l.a, user: l.u }; }
  private quiet(c: { w: number; addr: number; user: string }, handler: string, args: Q[]) {
    try { this.run(c, handler, args, () => NIL); }
    catch (e) { this.opts.log?.(`${handler}: '${errorText(e)}\n`); }
  }

  /** -b: any change to a global while a client query runs is refused (the web console's .h.R aside). */
  private guardWrites() {
    const env = this.session.env, g = env.globals, set = g.set.bind(g), del = g.delete.bind(g);
    const views = env.views, vset = views.set.bind(views);
    g.set = (k, v) => { if (this.guarding && k !== '.h.R') throw new QError('noupdate'); return set(k, v); };
    g.delete = k => { if (this.guarding) throw new QError('noupdate'); return del(k); };
    views.set = (k, v) => { if (this.guarding) throw new QError('noupdate'); return vset(k, v); };
  }

  /** Credentials: the -u/-U file first, then .z.pw (default: everyone). */
  private allowed(user: string, password: string, addr: string | undefined): boolean {
    const users = this.opts.users;
    if (users) {
      const want = users.get(user)?.toLowerCase();
      if (want === undefined) return false;
      const ok = users.get(user) === password || want === createHash('md5').update(password).digest('hex')
        || want === createHash('sha1').update(password).digest('hex');
      if (!ok) return false;
    }
    try {
      const r = this.session.handler('.z.pw', [sym(user), str(password)], { w: 0, a: ipv4(addr), u: user }, () => ({ t: -T.Bool, v: 1 }) as Q);
      return r.t === -T.Bool && !!(r as Atom).v;
    } catch { return false; }
  }

  /**
   * h x on a handle this port holds: to an IPC client, neg h sends an async message and h a sync request
   * whose answer it waits for (call); to a WebSocket a string goes as a text frame, bytes as a binary frame.
   */
  send(h: number, x: Q, sync: boolean): Q {
    const c = this.conns.get(h);
    if (!c) throw new QError(`Cannot write to handle ${h}. OS reports: Bad file descriptor`);
    if (sync) {
      if (c.kind !== 'ipc' || !c.call || !c.next) throw new QError('nyi');
      // h[]: block for the client's next message, as a server simulating a get does (kb/server-calling-client)
      const m = readMessage(isNil(x) ? c.next() : c.call(this.wire(c, encodeMessage(x, MsgType.Sync, { ...serializeOptions(), cap: c.cap }))), deserializeOptions());
      if (m.error !== undefined) throw new QError(m.error);
      return m.value!;
    }
    // neg[h][] flushes and sends nothing: the port writes as soon as the main thread is free, and what went
    // before it is kept through an hclose
    if (isNil(x)) { c.flushed = true; return NIL; }
    if (c.kind === 'ws') {
      if (x.t === T.Char || x.t === -T.Char) {
        const b = x.t === T.Char ? (x as Vec).d as Uint8Array : Uint8Array.of((x as Atom).v);
        try { c.send(new TextDecoder('utf-8', { fatal: true }).decode(b)); } catch { throw new QError('utf8'); }
      } else if (x.t === T.Byte) c.send(((x as Vec).d as Uint8Array).slice());
      else throw new QError('type');
      return NIL;
    }
    c.send(this.wire(c, encodeMessage(x, MsgType.Async, { ...serializeOptions(), cap: c.cap })));
    return NIL;
  }

  /** hclose on a handle this port holds: the connection ends without .z.pc/.z.wc, as kdb+. */
  /** A client's socket as -38! describes it, or null. */
  /** .z.e: the cipher and protocol of a client's TLS connection, or null when it is not one. */
  tlsInfo(h: number): { cipher: string; protocol: string } | null {
    const t = this.conns.get(h)?.tls;
    return t ? { cipher: t.getCipher()?.name ?? '', protocol: t.getProtocol() ?? '' } : null;
  }
  socket(h: number): { p: 'q' | 'w'; f: 't' | 'u'; z: boolean; m: number } | null {
    const c = this.conns.get(h);
    return c ? { p: c.kind === 'ipc' ? 'q' : 'w', f: c.uds ? 'u' : 't', z: c.kind === 'ipc' && !c.local && c.cap >= 1, m: c.queued() } : null;
  }
  /** The handles of this port's clients and the bytes waiting to go to each (.z.W). */
  queues(): [number, number][] { return [...this.conns.values()].map(c => [c.w, c.queued()]); }
  hclose(h: number) { const c = this.conns.get(h); if (!c) throw new QError(': Bad file descriptor'); c.closing = true; c.close(); }

  // ---- HTTP ---------------------------------------------------------------------------------------
  private request(req: IncomingMessage, body: Uint8Array): HttpRequest {
    const headers: [string, string][] = [];
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.push([req.rawHeaders[i], req.rawHeaders[i + 1]]);
    return { method: req.method ?? 'GET', target: (req.url ?? '/').replace(/^\//, ''), headers, body };
  }

  /** Who an HTTP request (or WebSocket upgrade) is from: a user, a response to send instead, or null (401). */
  private authenticate(req: IncomingMessage, r: HttpRequest, w: number) {
    const addr = req.socket.remoteAddress;
    // with no password file and no .z.pw, kdb+ asks for no credentials
    const needed = !!this.opts.users || this.session.hasHandler('.z.pw');
    return httpAuth(this.session, r, { w, a: ipv4(addr), u: '' }, (u, p) => !needed || this.allowed(u, p, addr));
  }

  private onHttp(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (d: Buffer) => { size += d.length; if (size > MAX_BODY) { req.socket.destroy(); return; } chunks.push(d); });
    req.on('end', () => {
      const r = this.request(req, new Uint8Array(Buffer.concat(chunks)));
      const w = this.opts.handles.alloc();
      try {
        const who = this.authenticate(req, r, w);
        if (!who) return this.raw(req, UNAUTHORIZED);
        if ('response' in who) return this.raw(req, who.response);
        if (/^wasq(\/|$|\?)/.test(r.target)) return this.serveStatic(r.target, res);
        const env = this.session.env;
        env.keepAlive = 0;
        let out = this.asQuery(() => httpRespond(this.session, r, { w, a: ipv4(req.socket.remoteAddress), u: who.user }));
        // kdb+ 4 gzips the answer to a query (?…) of 2000 bytes or more when the client accepts gzip
        if (r.target.includes('?') && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) out = gzipped(out);
        if (req.method === 'HEAD') out = headOnly(out);
        // .h.ka in the handler: the connection stays for the client's next request
        if (env.keepAlive && this.keep(req, res, out, env.keepAlive)) return;
        this.raw(req, out);
      } finally { this.opts.handles.free(w); }
    });
  }

  /** A response the handler made with .h.ka, sent through the HTTP server so the connection serves the
   *  next request, idle for at most ms; false when the text is not a response it can send as it is. */
  private keep(req: IncomingMessage, res: ServerResponse, out: Uint8Array, ms: number): boolean {
    const b = Buffer.from(out.buffer, out.byteOffset, out.length), end = b.indexOf('\r\n\r\n');
    if (end < 0) return false;
    const [status, ...lines] = b.subarray(0, end).toString('latin1').split('\r\n');
    const m = /^HTTP\/1\.[01] (\d{3}) ?(.*)$/.exec(status);
    if (!m) return false;
    const headers: string[] = [];
    for (const l of lines) {
      const i = l.indexOf(':');
      if (i <= 0) return false;
      headers.push(l.slice(0, i).trim(), l.slice(i + 1).trim());
    }
    try {
      res.sendDate = false;
      this.http.keepAliveTimeout = ms;
      res.writeHead(Number(m[1]), m[2], headers);
      res.end(b.subarray(end + 4));
    } catch { return false; }
    return true;
  }

  /** Send a whole response the q handler made and close, as kdb+ does (Connection: close). */
  private raw(req: IncomingMessage, bytes: Uint8Array) { req.socket.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)); }

  /** The workbench's built files under /wasq/ (a prefix no q query starts with). */
  private serveStatic(target: string, res: ServerResponse) {
    const root = this.opts.webRoot;
    const path = target.split('?')[0];
    // relative asset paths need the trailing slash
    if (path === 'wasq') { res.writeHead(301, { Location: '/wasq/' }); res.end(); return; }
    // the script the server started on: the page, opened here for the first time, starts on it too
    if (path === 'wasq/script.q') {
      const sc = this.opts.script;
      if (!sc) { res.writeHead(404, { 'Content-Type': 'text/plain' }); res.end('no script\n'); return; }
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Wasq-Script': encodeURIComponent(sc.name), 'Cross-Origin-Resource-Policy': 'same-origin' });
      res.end(sc.text);
      return;
    }
    let rel: string;
    try { rel = normalize(decodeURIComponent(path.slice(5)) || 'index.html'); } catch { rel = '..'; }
    const file = root && !rel.startsWith('..') ? join(root, rel) : '';
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end(root ? 'not found\n' : 'the workbench is not built: npm run build:web\n');
      return;
    }
    const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon' };
    // cross-origin isolation lets the page's worker share memory with it (the Stop button)
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' });
    res.end(readFileSync(file));
  }

  // ---- WebSocket ----------------------------------------------------------------------------------
  private onUpgrade(req: IncomingMessage, socket: Socket, head: Buffer) {
    const r = this.request(req, new Uint8Array(0));
    const who = this.authenticate(req, r, 0);
    if (!who) { socket.end(Buffer.from(UNAUTHORIZED)); return; }
    if ('response' in who) { socket.end(Buffer.from(who.response)); return; }
    // kdb+ (since 3.6) refuses the upgrade while .z.ws is undefined
    if (!this.session.hasHandler('.z.ws')) { socket.end('HTTP/1.1 501 Not Implemented\r\nConnection: close\r\nContent-Length: 0\r\n\r\n'); return; }
    this.wss.handleUpgrade(req, socket, head, ws => {
      const w = this.opts.handles.alloc();
      const c: Conn = { w, kind: 'ws', user: who.user, addr: ipv4(req.socket.remoteAddress), cap: 3, local: isLocal(req.socket.remoteAddress), send: b => ws.send(b), close: () => ws.close(), queued: () => ws.bufferedAmount };
      this.conns.set(w, c);
      this.quiet(c, '.z.wo', [int(w)]);
      ws.on('message', (data: Buffer, binary: boolean) => this.onWs(c, data, binary));
      ws.on('error', () => ws.terminate());
      ws.on('close', () => {
        this.conns.delete(w);
        this.opts.handles.free(w);
        if (!c.closing) this.quiet(this.gone(), '.z.wc', [int(w)]);
      });
    });
  }

  /** A frame reaches .z.ws: text as a string, binary as bytes. The handler answers (or not) with neg .z.w. */
  private onWs(c: Conn, data: Buffer, binary: boolean) {
    const x: Q = binary ? vec(T.Byte, new Uint8Array(data)) : str(data.toString());
    try { this.run(c, '.z.ws', [x], () => NIL); }
    catch (e) { this.opts.log?.(`.z.ws: '${errorText(e)}\n`); }
  }
}

const UNAUTHORIZED = new TextEncoder().encode('HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm="q"\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');

/** A HEAD request gets the status line and headers only. */
/** An HTTP response with its body gzipped (Content-Encoding and Content-Length set), when the body is
 *  2000 bytes or more and not already encoded; else as it is. */
export function gzipped(b: Uint8Array): Uint8Array {
  const head = headOnly(b);
  if (head.length === b.length || b.length - head.length < 2000) return b;
  const text = new TextDecoder().decode(head);
  if (/^content-encoding:/im.test(text)) return b;
  const body = gzipSync(b.subarray(head.length));
  const lines = text.replace(/\r\n\r\n$/, '').split('\r\n').filter(l => !/^content-length:/i.test(l));
  const h = new TextEncoder().encode([...lines, 'Content-Encoding: gzip', `Content-Length: ${body.length}`].join('\r\n') + '\r\n\r\n');
  const out = new Uint8Array(h.length + body.length);
  out.set(h); out.set(body, h.length);
  return out;
}

function headOnly(b: Uint8Array): Uint8Array {
  for (let i = 0; i + 3 < b.length; i++) if (b[i] === 13 && b[i + 1] === 10 && b[i + 2] === 13 && b[i + 3] === 10) return b.subarray(0, i + 4);
  return b;
}

/** Read a -u/-U password file: one user:password per line. */
export function readUsers(path: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) { const i = line.indexOf(':'); if (i > 0) m.set(line.slice(0, i), line.slice(i + 1)); }
  return m;
}

// One listening port, three protocols, as kdb+: the first bytes of a connection tell a kdb+ IPC handshake
// from an HTTP request (a WebSocket upgrade is an HTTP GET). IPC is handled here on the raw socket; HTTP and
// WebSocket go to node:http and `ws`.
import { createServer as netServer, Server as NetServer, Socket } from 'node:net';
import { createServer as httpServer, IncomingMessage, ServerResponse } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, normalize, extname } from 'node:path';
import { createHash } from 'node:crypto';
import { WebSocketServer, WebSocket } from 'ws';
import type { Session } from '../q/session.js';
import { T } from '../q/value/types.js';
import { Q, Atom, NIL, str, sym, list, text, isNil, vec } from '../q/value/value.js';
import { QError } from '../q/value/error.js';
import { sniffProtocol, parseHandshake, capabilityReply, FrameReader } from '../q/ipc/frame.js';
import { readMessage } from '../q/ipc/deserialize.js';
import { encodeMessage, encodeError } from '../q/ipc/serialize.js';
import { maybeCompress } from '../q/ipc/compress.js';
import { MsgType } from '../q/ipc/header.js';
import { serializeOptions, deserializeOptions } from '../q/prims/ipc-prims.js';
import { PRIMS } from '../q/prims/registry.js';
import { toHtml, toCsv, toJson, esc } from '../q/format/html.js';
import { symName } from '../q/value/sym.js';
import { errorText } from '../q/session.js';

export interface PortOptions {
  /** users from -u/-U: name → password (plain, MD5 or SHA-1 hex) */
  users?: Map<string, string>;
  /** -b: clients may not change globals */
  blockWrites?: boolean;
  /** -T: seconds a client query may run (checked between evaluation steps) */
  timeout?: number;
  /** the workbench's remote mode: a default .z.ws that evaluates a serialized query (wasq's extension) */
  wsEval?: boolean;
  /** folder of the built page, served under /wasq/ */
  webRoot?: string;
  /** bind address; wasq listens on loopback unless told otherwise */
  host?: string;
}

interface Conn { w: number; kind: 'ipc' | 'ws'; user: string; addr: number; cap: number; local: boolean; send(b: Uint8Array | string): void; close(): void }

const ipv4 = (a: string | undefined) => {
  const m = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(a ?? '');
  return m ? ((+m[1] << 24) | (+m[2] << 16) | (+m[3] << 8) | +m[4]) : 0;
};
const isLocal = (a: string | undefined) => !a || a === '::1' || /127\.\d+\.\d+\.\d+$/.test(a);

/** The listening port of one session. */
export class Port {
  private net: NetServer | null = null;
  private http = httpServer((req, res) => this.onHttp(req, res));
  private wss = new WebSocketServer({ noServer: true });
  readonly conns = new Map<number, Conn>();
  private nextHandle = 4;
  port = 0;

  constructor(private session: Session, private opts: PortOptions = {}) {
    this.http.on('upgrade', (req, socket, head) => this.onUpgrade(req, socket as Socket, head));
  }

  /** Listen on port (0W or 0 picks a free one); resolves to the port number. */
  listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const srv = netServer(sock => this.onConnection(sock));
      srv.on('error', reject);
      srv.listen(port, this.opts.host ?? '127.0.0.1', () => {
        this.net = srv;
        this.port = (srv.address() as { port: number }).port;
        resolve(this.port);
      });
    });
  }
  close(): Promise<void> {
    for (const c of this.conns.values()) c.close();
    return new Promise(r => { if (!this.net) return r(); this.net.close(() => r()); this.net = null; this.port = 0; });
  }

  // ---- protocol sniffing -----------------------------------------------------------------------------
  private onConnection(sock: Socket) {
    let buf = new Uint8Array(0);
    const first = (chunk: Buffer) => {
      const b = new Uint8Array(buf.length + chunk.length); b.set(buf); b.set(chunk, buf.length); buf = b;
      const kind = sniffProtocol(buf);
      if (kind === 'more') return;
      sock.off('data', first);
      sock.pause();
      if (kind === 'http') { sock.unshift(Buffer.from(buf)); this.http.emit('connection', sock); sock.resume(); }
      else this.ipc(sock, buf);
    };
    sock.on('data', first);
    sock.on('error', () => sock.destroy());
  }

  // ---- kdb+ IPC ------------------------------------------------------------------------------------
  private ipc(sock: Socket, initial: Uint8Array) {
    let pending = initial;
    let conn: Conn | null = null;
    const reader = new FrameReader(2 ** 31 - 1);
    const onData = (chunk: Uint8Array) => {
      try {
        if (!conn) {
          const b = new Uint8Array(pending.length + chunk.length); b.set(pending); b.set(chunk, pending.length); pending = b;
          const hs = parseHandshake(pending);
          if (!hs) return;
          if (!this.allowed(hs.user, hs.password, sock.remoteAddress)) { sock.destroy(); return; }
          const w = this.nextHandle++;
          conn = {
            w, kind: 'ipc', user: hs.user, addr: ipv4(sock.remoteAddress), cap: capabilityReply(hs.cap), local: isLocal(sock.remoteAddress),
            send: b => { if (!sock.destroyed) sock.write(b as Uint8Array); }, close: () => sock.destroy(),
          };
          this.conns.set(w, conn);
          // the one capability byte goes out alone, before anything else
          sock.write(Uint8Array.of(conn.cap));
          this.run(conn, '.z.po', [{ t: -T.Int, v: w } as Q], () => NIL);
          const rest = pending.subarray(hs.length);
          pending = new Uint8Array(0);
          if (rest.length) onData(rest);
          return;
        }
        for (const msg of reader.push(chunk)) this.onMessage(conn, msg);
      } catch (e) {
        // a malformed header or handshake: this connection ends, the server goes on
        sock.destroy();
      }
    };
    sock.on('data', (c: Buffer) => onData(new Uint8Array(c.buffer, c.byteOffset, c.length)));
    sock.on('close', () => { if (conn) { this.conns.delete(conn.w); this.run(conn, '.z.pc', [{ t: -T.Int, v: conn.w } as Q], () => NIL); } });
    sock.resume();
    if (initial.length) { const i = initial; pending = new Uint8Array(0); onData(i); }
  }

  private onMessage(c: Conn, msg: Uint8Array) {
    const m = readMessage(msg, deserializeOptions());
    if (m.msgType === MsgType.Response) return; // answers to the server's own sync calls are not used yet
    const sync = m.msgType === MsgType.Sync;
    let reply: Uint8Array;
    try {
      if (m.error !== undefined) throw new QError(m.error);
      const v = this.run(c, sync ? '.z.pg' : '.z.ps', [m.value!], () => this.value(m.value!));
      if (!sync) return;
      reply = encodeMessage(v, MsgType.Response, { ...serializeOptions(), cap: c.cap } as any);
    } catch (e) {
      if (!sync) return;
      reply = encodeError(errorText(e));
    }
    // kdb+ compresses large messages, but not to peers on this machine
    c.send(c.local ? reply : maybeCompress(reply));
  }

  /** kdb+'s default .z.pg/.z.ps: value the message (a string is evaluated, a list applied). */
  private value(x: Q): Q {
    if (this.opts.blockWrites) return this.readOnly(() => PRIMS.value.m!(x));
    return PRIMS.value.m!(x);
  }
  /** -b: evaluate without letting the client change globals. */
  private readOnly(f: () => Q): Q {
    const g = this.session.env.globals, before = new Map(g);
    try {
      const r = f();
      if (g.size !== before.size || [...g].some(([k, v]) => before.get(k) !== v)) { g.clear(); for (const [k, v] of before) g.set(k, v); throw new QError('noupdate'); }
      return r;
    } catch (e) { g.clear(); for (const [k, v] of before) g.set(k, v); throw e; }
  }

  private run(c: Conn, handler: string, args: Q[], dflt: () => Q): Q {
    // -T: a client's query that runs past the limit is stopped with 'stop, as kdb+ does
    const limit = this.opts.timeout;
    if (!limit || (handler !== '.z.pg' && handler !== '.z.ps' && handler !== '.z.ph' && handler !== '.z.pp')) return this.session.handler(handler, args, { w: c.w, a: c.addr, u: c.user }, dflt);
    const env = this.session.env, saved = env.poll, deadline = Date.now() + limit * 1000;
    env.poll = () => Date.now() > deadline || !!saved?.();
    try { return this.session.handler(handler, args, { w: c.w, a: c.addr, u: c.user }, dflt); }
    finally { env.poll = saved; }
  }

  /** Credentials: the -u/-U file first, then .z.pw. */
  private allowed(user: string, password: string, addr: string | undefined): boolean {
    const users = this.opts.users;
    if (users) {
      const want = users.get(user);
      if (want === undefined) return false;
      const ok = want === password || want.toLowerCase() === createHash('md5').update(password).digest('hex')
        || want.toLowerCase() === createHash('sha1').update(password).digest('hex');
      if (!ok) return false;
    }
    const r = this.session.handler('.z.pw', [sym(user), str(password)], { w: 0, a: ipv4(addr), u: user }, () => ({ t: -T.Bool, v: 1 } as Q));
    return r.t === -T.Bool && !!(r as Atom).v;
  }

  /** neg h x / h x on a handle this port holds: send async (sync calls to clients are not supported). */
  send(h: number, x: Q, sync: boolean): Q {
    const c = this.conns.get(h);
    if (!c) throw new QError('nyi');
    if (sync) throw new QError('nyi');
    if (c.kind === 'ws') { c.send(x.t === T.Char || x.t === -T.Char ? text(x) : x.t === T.Byte ? ((x as any).d as Uint8Array) : encodeMessage(x, MsgType.Async, serializeOptions())); return NIL; }
    c.send(encodeMessage(x, MsgType.Async, serializeOptions()));
    return NIL;
  }

  // ---- HTTP ---------------------------------------------------------------------------------------
  private basicAuth(req: IncomingMessage): string | null {
    const needed = this.opts.users || this.session.hasHandler('.z.pw');
    const hdr = req.headers.authorization;
    const [user, pass] = hdr?.startsWith('Basic ') ? Buffer.from(hdr.slice(6), 'base64').toString().split(/:(.*)/s) : ['', ''];
    if (!needed) return user ?? '';
    return this.allowed(user ?? '', pass ?? '', req.socket.remoteAddress) ? user ?? '' : null;
  }

  private onHttp(req: IncomingMessage, res: ServerResponse) {
    const user = this.basicAuth(req);
    if (user === null) { res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="wasq"' }); res.end(); return; }
    const url = req.url ?? '/';
    if (url.startsWith('/wasq/') || url === '/wasq') return this.serveStatic(url, res);
    const conn: Conn = { w: 0, kind: 'ipc', user, addr: ipv4(req.socket.remoteAddress), cap: 3, local: true, send: () => {}, close: () => {} };
    let body = '';
    req.on('data', d => { body += d; });
    req.on('end', () => {
      const raw = decodeURIComponent(url.slice(1));
      const respond = (status: number, type: string, out: string) => { res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-cache' }); res.end(out); };
      try {
        if (req.method === 'POST') {
          const v = this.run(conn, '.z.pp', [list([str(body), NIL])], () => this.value(str(body)));
          return respond(200, 'text/plain', v.t === T.Char ? text(v) : this.session.display(v));
        }
        const q = raw.startsWith('?') ? raw.slice(1) : raw.replace(/^\.(csv|txt|json)\?/, '');
        const fmt = /^\.(csv|txt|json)\?/.exec(raw)?.[1];
        if (fmt) {
          const v = this.value(str(q));
          const P = this.session.env.precision;
          if (fmt === 'csv') return respond(200, 'text/csv', toCsv(v, P));
          if (fmt === 'json') return respond(200, 'application/json', toJson(v, P));
          return respond(200, 'text/plain', this.session.display(v) + '\n');
        }
        // .z.ph gets (request text; headers), as kdb+ passes it
        const v = this.run(conn, '.z.ph', [list([str(raw), NIL])], () => str(raw === '' ? this.explorer() : this.page(q)));
        respond(200, 'text/html; charset=utf-8', v.t === T.Char || v.t === -T.Char ? text(v) : this.session.display(v));
      } catch (e) {
        respond(400, 'text/plain', "'" + errorText(e));
      }
    });
  }

  /** kdb+'s answer to GET /?expr: the value as an HTML table (or console text), in pages of \C rows. */
  private page(q: string): string {
    const m = /^(.*?)(?:&start=(\d+))?$/s.exec(q)!;
    const expr = m[1], start = Number(m[2] ?? 0);
    const v = this.value(str(expr));
    const rows = this.session.env.http[0];
    const display = this.session.display(v);
    const P = this.session.env.precision;
    const n = (v.t === T.Table || v.t === T.Dict) ? Number((PRIMS.count.m!(v) as Atom).v) : 0;
    const nav = n > rows ? `<p>${start > 0 ? `<a href="?${esc(expr)}&start=${Math.max(0, start - rows)}">&lt;&lt; previous</a> ` : ''}rows ${start}–${Math.min(n, start + rows) - 1} of ${n}${start + rows < n ? ` <a href="?${esc(expr)}&start=${start + rows}">next &gt;&gt;</a>` : ''}</p>` : '';
    return html(esc(expr), `<form><input name="" size="80" value="${esc(expr)}"></form>${nav}${toHtml(v, display, P, start, rows)}`);
  }

  /** GET /: the tables of the root, each a link to browse it. */
  private explorer(): string {
    const tabs = this.session.run('tables[]');
    const names = tabs && tabs.t === T.Sym ? Array.from((tabs as any).d as Int32Array, symName) : [];
    const links = names.map(s => `<li><a href="?${esc(s)}">${esc(s)}</a></li>`).join('');
    return html('wasq', `<form><input name="" size="80" placeholder="q expression"></form><h3>tables</h3><ul>${links}</ul><p><a href="/wasq/">workbench</a></p>`);
  }

  private serveStatic(url: string, res: ServerResponse) {
    const root = this.opts.webRoot;
    const rel = normalize(decodeURIComponent(url.replace(/^\/wasq\/?/, '').split('?')[0]) || 'index.html');
    if (!root || rel.startsWith('..')) { res.writeHead(404); res.end(); return; }
    const path = join(root, rel);
    if (!existsSync(path) || !statSync(path).isFile()) { res.writeHead(404); res.end(); return; }
    const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml' };
    // cross-origin isolation lets the page's worker share memory with it (the Stop button)
    res.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream', 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' });
    res.end(readFileSync(path));
  }

  // ---- WebSocket ----------------------------------------------------------------------------------
  private onUpgrade(req: IncomingMessage, socket: Socket, head: Buffer) {
    const user = this.basicAuth(req);
    // kdb+ refuses the upgrade while .z.ws is undefined; wasq's remote mode supplies one unless turned off
    if (user === null || (!this.session.hasHandler('.z.ws') && !this.opts.wsEval)) { socket.write('HTTP/1.1 403 Forbidden\r\n\r\n'); socket.destroy(); return; }
    this.wss.handleUpgrade(req, socket, head, ws => {
      const w = this.nextHandle++;
      const conn: Conn = { w, kind: 'ws', user, addr: ipv4(req.socket.remoteAddress), cap: 3, local: isLocal(req.socket.remoteAddress), send: b => ws.send(b), close: () => ws.close() };
      this.conns.set(w, conn);
      this.run(conn, '.z.wo', [{ t: -T.Int, v: w } as Q], () => NIL);
      ws.on('message', (data: Buffer, isBinary: boolean) => this.onWs(conn, ws, data, isBinary));
      ws.on('close', () => { this.conns.delete(w); this.run(conn, '.z.wc', [{ t: -T.Int, v: w } as Q], () => NIL); });
    });
  }

  private onWs(c: Conn, ws: WebSocket, data: Buffer, binary: boolean) {
    const x: Q = binary ? vec(T.Byte, new Uint8Array(data)) : str(data.toString());
    try {
      const r = this.run(c, '.z.ws', [x], () => {
        // wasq's default: a serialized query in, the serialized result out (as c.js clients expect)
        if (!binary) return this.value(x);
        const m = readMessage(new Uint8Array(data), deserializeOptions());
        let out: Uint8Array;
        try { out = encodeMessage(this.value(m.value!), MsgType.Response, serializeOptions()); }
        catch (e) { out = encodeError(errorText(e)); }
        ws.send(out);
        return NIL;
      });
      if (!binary && !isNil(r) && !this.session.hasHandler('.z.ws')) ws.send(this.session.display(r));
    } catch (e) {
      ws.send(binary ? encodeError(errorText(e)) : "'" + errorText(e));
    }
  }
}

const html = (title: string, body: string) => `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:14px system-ui,sans-serif;margin:1em}table{border-collapse:collapse;font:13px ui-monospace,monospace}th,td{border:1px solid #ccc;padding:2px 6px;text-align:left}th{background:#f3f3f3}pre{font:13px ui-monospace,monospace}</style>
</head><body>${body}</body></html>`;

/** Read a -u/-U password file: one user:password per line. */
export function readUsers(path: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) { const i = line.indexOf(':'); if (i > 0) m.set(line.slice(0, i), line.slice(i + 1)); }
  return m;
}
export { sym };

// The socket side of wasq as a kdb+ client. It runs in a worker thread so that the q evaluator on the
// main thread can block on a synchronous `h "query"` (Atomics.wait) while this thread does the I/O.
// Answers go back on a message port, then the shared flag wakes the main thread.
import { parentPort, workerData, MessagePort } from 'node:worker_threads';
import { connect, Socket } from 'node:net';
import { lookup, reverse } from 'node:dns';
import { randomBytes } from 'node:crypto';
import { handshakeBytes, FrameReader } from '../q/ipc/frame.js';
import { readHeader, MsgType } from '../q/ipc/header.js';
import { dial, raw, request, OS } from './http-client.js';

const ctl = new Int32Array(workerData.ctl as SharedArrayBuffer);
const answers = workerData.answers as MessagePort;
interface Sock { s: Socket; reader: FrameReader; waiting: boolean; closing: boolean;
  /** the ids of the main thread's sync request and h[] on this socket, which their answers carry */
  waitId?: number; receiveId?: number;
  /** the main thread waits in h[] for the next message on this socket */
  receiving?: boolean;
  /** during a peach over processes: what to do with this socket's next answer */
  job?: (msg: Uint8Array | null) => void;
  /** a WebSocket this process opened (kb/websockets): its frames, not kdb+ messages */
  ws?: WsFrames }
const socks = new Map<number, Sock>();

/** The requests the main thread waits on (open, a sync send, http, dns, scatter; more than one when it
 *  asked again while serving a server's message inside a wait): while any, it is blocked */
const pending = new Set<number>();
const blocked = () => pending.size > 0;
/** Hand the blocked main thread its answer: the bytes of a message, or the text of a q error; or a sync
 *  request a server sent while the main thread waits (call), which it serves and goes on waiting. Each
 *  item posted counts one up in ctl[0]; the main thread counts it down as it takes it. */
function answer(a: { bytes: Uint8Array; h?: number; ok?: boolean } | { error: string } | { list: Uint8Array[]; hs?: number[]; ws?: number[] } | { call: Uint8Array; h: number }, id?: number) {
  // a message in a buffer of its own moves to the main thread instead of being copied
  const b = 'bytes' in a ? a.bytes : null;
  const own = b && b.byteLength > 4096 && b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer;
  if (id !== undefined) pending.delete(id);
  answers.postMessage(id === undefined ? a : { ...a, id }, own ? [b!.buffer as ArrayBuffer] : []);
  Atomics.add(ctl, 0, 1);
  Atomics.notify(ctl, 0);
}


/** Messages servers sent (async ones, and sync requests that came while the main thread was not
 *  waiting), not yet handed to it: it takes them one at a time when it is free ('drain', after the
 *  'inbox' nudge), h[] takes the next of its handle ('receive'). Held here, not posted, so that h[] finds
 *  a message that came before it was called. */
const inbox: Held[] = [];
/** a message held for the main thread: a kdb+ message, or a WebSocket's text (ws 1) or binary (ws 2) one */
interface Held { h: number; msg: Uint8Array; ws?: number }
let nudged = false;
const isSync = (x: Held) => !x.ws && readHeader(x.msg).msgType === MsgType.Sync;
/** Replies the main thread owes to requests handed to it; what it asks meanwhile waits in `later`, so
 *  that a request it makes goes out after the replies to those it was handed before it. */
let owed = 0;
const later: any[] = [];
const hand = (c: Held) => { owed++; answer({ call: c.msg, h: c.h }); };
parentPort!.on('message', (m: any) => {
  if (m.op === 'reply') {
    socks.get(m.h)?.s.write(m.bytes as Uint8Array);
    if (--owed === 0) while (later.length && !owed) handle(later.shift());
    return;
  }
  // (what it asks while serving a server's message goes at once: that message's reply waits on it)
  if (owed && !m.now) later.push(m); else handle(m);
});
function handle(m: any) {
  const reply = (a: Parameters<typeof answer>[0]) => answer(a, m.id);
  if (m.op === 'open' || m.op === 'wsopen' || m.op === 'http' || m.op === 'raw' || m.op === 'dns' || m.op === 'scatter' || m.op === 'drain' || m.op === 'receive' || m.op === 'flush' || m.op === 'send' && m.sync) {
    pending.add(m.id);
    // the main thread waits now: it serves the sync requests held for it first, and this goes after their
    // replies (a server waiting on one of them would otherwise take this for its answer); and a sync send
    // on h first serves what came on h before it, in order, as q reads h's messages while it waits
    const calls = m.op === 'drain' || m.op === 'receive' || m.op === 'flush' ? [] : inbox.filter(x => isSync(x) || m.op === 'send' && x.h === m.h && !x.ws);
    if (calls.length) {
      for (const c of calls) inbox.splice(inbox.indexOf(c), 1);
      for (const c of calls) if (isSync(c)) hand(c); else answer({ call: c.msg, h: c.h });
      if (calls.some(isSync)) { later.unshift(m); return; }
    }
  }
  switch (m.op) {
    // the main thread is free: the next message held for it, or none (empty)
    case 'drain': {
      if (!inbox.length) { nudged = false; reply({ bytes: new Uint8Array(0) }); break; }
      // a sync request alone (it is replied to, and what the main thread asks next goes after the reply);
      // else the async messages up to the next sync request, together: one wake for many updates
      if (isSync(inbox[0])) { const it = inbox.shift()!; owed++; reply({ bytes: it.msg, h: it.h }); break; }
      let n = 1;
      while (n < inbox.length && !isSync(inbox[n])) n++;
      const its = inbox.splice(0, n);
      reply({ list: its.map(x => x.msg), hs: its.map(x => x.h), ws: its.map(x => x.ws ?? 0) });
      break;
    }
    // h[]: the next message on h, held or still to come
    case 'receive': {
      const c = socks.get(m.h), i = inbox.findIndex(x => x.h === m.h);
      if (i >= 0) reply({ bytes: inbox.splice(i, 1)[0].msg });
      else if (!c) reply({ error: 'close' });
      else { c.receiving = true; c.receiveId = m.id; }
      break;
    }
    case 'open': {
      const h: number = m.h;
      let s: Socket;
      // a connect that throws at once must still wake the main thread, which waits for an answer
      try {
        s = m.path ? connect({ path: m.path }) : dial(m.host, m.port, m.tls);
      } catch (e) { reply({ error: 'hop. ' + (e as Error).message }); break; }
      const c: Sock = { s, reader: new FrameReader(), waiting: false, closing: false };
      let opened = false;
      const fail = (error: string) => { if (opened) return; opened = true; if (timer) clearTimeout(timer); s.destroy(); reply({ error }); };
      // the timeout covers the connection and the handshake, not later use
      const timer = m.timeout > 0 ? setTimeout(() => fail('timeout'), m.timeout) : null;
      s.once(m.tls ? 'secureConnect' : 'connect', () => s.write(handshakeBytes(m.user, m.pass)));
      s.once('data', (b: Buffer) => {
        if (opened) return;
        opened = true;
        if (timer) clearTimeout(timer);
        socks.set(h, c);
        s.on('data', (d: Buffer) => onData(h, new Uint8Array(d)));
        const rest = b.subarray(1);
        reply({ bytes: Uint8Array.of(b[0]) });
        if (rest.length) onData(h, new Uint8Array(rest));
      });
      s.on('error', (e: NodeJS.ErrnoException) => fail('hop. OS reports: ' + (OS[e.code ?? ''] ?? e.message)));
      s.on('close', () => {
        // a server that refuses the credentials closes without a byte: 'access
        if (!opened) { fail('access'); return; }
        socks.delete(h);
        if (c.waiting) { c.waiting = false; answer({ error: 'close' }, c.waitId); }
        if (c.receiving) { c.receiving = false; answer({ error: 'close' }, c.receiveId); }
        if (c.job) { const j = c.job; c.job = undefined; j(null); }
        if (!c.closing) parentPort!.postMessage({ op: 'closed', h });
      });
      break;
    }
    case 'send': {
      const c = socks.get(m.h);
      if (!c) { if (m.sync) reply({ error: 'close' }); break; }
      if (m.sync) { c.waiting = true; c.waitId = m.id; }
      c.s.write(m.bytes as Uint8Array);
      break;
    }
    case 'raw':
      // a raw HTTP exchange (kb/http): the request written as it is, the whole response
      raw(m.host, m.port, m.tls, m.bytes as Uint8Array, reply);
      break;
    case 'http':
      // .Q.hg/.Q.hp: the body of the answer, whatever its status (kdb+ returns it too)
      request(m.url, m.body ? { type: m.type, data: m.body as Uint8Array } : null, reply);
      break;
    case 'dns': {
      // .Q.addr (name to IPv4) and .Q.host (IPv4 to name)
      const done = (v: string) => reply({ bytes: new TextEncoder().encode(v) }), fail = () => reply({ error: m.name ?? m.ip });
      if (m.name !== undefined) lookup(m.name, { family: 4 }, (e, a) => e ? fail() : done(a));
      else reverse(m.ip, (e, names) => e || !names.length ? done(m.ip === '127.0.0.1' ? 'localhost' : '') : done(names[0]));
      break;
    }
    case 'scatter': {
      // peach over secondary processes: each handle takes the next item as soon as it has answered the
      // last; the answers, in the items' order, go back together (a closed handle fails the whole)
      const hs: number[] = m.hs, jobs: Uint8Array[] = m.jobs, out: Uint8Array[] = new Array(jobs.length);
      let next = 0, left = jobs.length, over = false;
      const finish = (a: { list: Uint8Array[] } | { error: string }) => { if (!over) { over = true; reply(a); } };
      const give = (h: number) => {
        if (over || next >= jobs.length) return;
        const c = socks.get(h);
        if (!c) { finish({ error: 'close' }); return; }
        const i = next++;
        c.job = msg => {
          if (!msg) { finish({ error: 'close' }); return; }
          out[i] = msg;
          if (--left === 0) finish({ list: out }); else give(h);
        };
        c.s.write(jobs[i]);
      };
      if (!jobs.length) finish({ list: [] });
      for (const h of hs) give(h);
      break;
    }
    case 'flush': {
      // what earlier sends wrote is in the socket's buffer: done when it has drained (or the socket is gone)
      const c = socks.get(m.h);
      let done = false;
      const ok = () => { if (!done) { done = true; reply({ bytes: new Uint8Array(0) }); } };
      if (!c || c.s.writableLength === 0) { ok(); break; }
      c.s.once('drain', ok); c.s.once('close', ok);
      break;
    }
    case 'close': {
      const c = socks.get(m.h);
      if (!c) break;
      c.closing = true; socks.delete(m.h);
      // a WebSocket says goodbye with a close frame first
      if (c.ws) c.s.end(wsFrame(8, new Uint8Array(0))); else c.s.destroy();
      break;
    }
    case 'wsopen': {
      // the request as given, the upgrade's headers added before its blank line (and Basic credentials from
      // the URL); a 101 answer makes the socket a WebSocket, any other ends it (kb/websockets)
      const h: number = m.h, key = randomBytes(16).toString('base64');
      const given = Buffer.from(m.bytes as Uint8Array).toString('latin1'), end = given.indexOf('\r\n\r\n');
      const lines = [(end >= 0 ? given.slice(0, end) : given.replace(/(\r\n)+$/, '')), 'Upgrade: websocket', 'Connection: Upgrade', `Sec-WebSocket-Key: ${key}`, 'Sec-WebSocket-Version: 13'];
      if (m.user !== undefined && !/\r\nauthorization:/i.test(given)) lines.push('Authorization: Basic ' + Buffer.from(`${m.user}:${m.pass ?? ''}`).toString('base64'));
      let s: Socket;
      try {
        s = dial(m.host, m.port, m.tls);
      } catch (e) { reply({ error: 'hop. ' + (e as Error).message }); break; }
      let got = Buffer.alloc(0), settled = false;
      const settle = (a: Parameters<typeof answer>[0]) => { if (!settled) { settled = true; reply(a); } };
      s.once(m.tls ? 'secureConnect' : 'connect', () => s.write(Buffer.from(lines.join('\r\n') + '\r\n\r\n', 'latin1')));
      const head = (d: Buffer) => {
        got = Buffer.concat([got, d]);
        const he = got.indexOf('\r\n\r\n');
        if (he < 0) return;
        s.off('data', head);
        const response = new Uint8Array(got.subarray(0, he + 4)), rest = got.subarray(he + 4);
        if (!/^HTTP\/1\.[01] 101/.test(got.subarray(0, 12).toString('latin1'))) { s.destroy(); settle({ bytes: new Uint8Array(got), ok: false }); return; }
        const c: Sock = { s, reader: new FrameReader(), waiting: false, closing: false, ws: new WsFrames() };
        socks.set(h, c);
        s.on('data', (b: Buffer) => onWs(h, b));
        settle({ bytes: response, ok: true });
        if (rest.length) onWs(h, rest);
      };
      s.on('data', head);
      s.on('error', (e: NodeJS.ErrnoException) => settle({ error: 'hop. OS reports: ' + (OS[e.code ?? ''] ?? e.message) }));
      s.on('close', () => {
        if (!settled) { settle(got.length ? { bytes: new Uint8Array(got), ok: false } : { error: 'hop. OS reports: Connection reset by peer' }); return; }
        const c = socks.get(h);
        if (!c || c.s !== s) return;
        socks.delete(h);
        if (!c.closing) parentPort!.postMessage({ op: 'closed', h });
      });
      break;
    }
    case 'wssend': {
      // text from a string, binary from bytes; a client's frames are masked (RFC 6455)
      const c = socks.get(m.h);
      if (c?.ws) c.s.write(wsFrame(m.text ? 1 : 2, m.bytes as Uint8Array));
      break;
    }
  }
}

function onData(h: number, chunk: Uint8Array) {
  const c = socks.get(h);
  if (!c) return;
  let msgs: Uint8Array[];
  try { msgs = c.reader.push(chunk); } catch { c.s.destroy(); return; }
  for (const msg of msgs) {
    const response = readHeader(msg).msgType === MsgType.Response;
    if (response && c.job) { const j = c.job; c.job = undefined; j(msg); }
    else if (response && c.waiting) { c.waiting = false; answer({ bytes: msg }, c.waitId); }
    else if (c.receiving) { c.receiving = false; answer({ bytes: msg }, c.receiveId); }
    // a server calling back while the main thread waits (on it or on anything): served at once; anything
    // else is held for the main thread (it comes for it when it is free, or serves the sync requests first
    // when it next waits)
    else if (blocked() && isSync({ h, msg })) hand({ h, msg });
    // an async message on the handle the main thread waits on is run while it waits, as q runs it (a
    // server simulating a get answers with neg .z.w and waits on h[]: kb/server-calling-client)
    else if (blocked() && c.waiting) answer({ call: msg, h });
    else { inbox.push({ h, msg }); if (!nudged) { nudged = true; parentPort!.postMessage({ op: 'inbox' }); } }
  }
}

/** A client's WebSocket frame: FIN, the opcode, the length, a fresh mask and the masked payload. */
function wsFrame(op: number, payload: Uint8Array): Buffer {
  const n = payload.length, at = n < 126 ? 2 : n < 65536 ? 4 : 10, f = Buffer.alloc(at + 4 + n), mask = randomBytes(4);
  f[0] = 0x80 | op;
  if (n < 126) f[1] = 0x80 | n;
  else if (n < 65536) { f[1] = 0x80 | 126; f.writeUInt16BE(n, 2); }
  else { f[1] = 0x80 | 127; f.writeBigUInt64BE(BigInt(n), 2); }
  mask.copy(f, at);
  for (let i = 0; i < n; i++) f[at + 4 + i] = payload[i] ^ mask[i & 3];
  return f;
}
/** A server's WebSocket frames as they come in pieces: whole messages (fragments joined), and the control
 *  frames a client answers (ping) or ends on (close). */
class WsFrames {
  private buf: Buffer = Buffer.alloc(0);
  private parts: Buffer[] = [];
  private op = 0;
  push(d: Buffer): { op: number; data: Buffer }[] {
    this.buf = this.buf.length ? Buffer.concat([this.buf, d]) : d;
    const out: { op: number; data: Buffer }[] = [];
    for (;;) {
      const b = this.buf;
      if (b.length < 2) break;
      const fin = (b[0] & 0x80) !== 0, op = b[0] & 0x0f, masked = (b[1] & 0x80) !== 0;
      let n = b[1] & 0x7f, at = 2;
      if (n === 126) { if (b.length < 4) break; n = b.readUInt16BE(2); at = 4; }
      else if (n === 127) { if (b.length < 10) break; n = Number(b.readBigUInt64BE(2)); at = 10; }
      const key = masked ? at : -1;
      if (masked) at += 4;
      if (b.length < at + n) break;
      const data = Buffer.from(b.subarray(at, at + n));
      if (masked) for (let i = 0; i < n; i++) data[i] ^= b[key + (i & 3)];
      this.buf = b.subarray(at + n);
      if (op >= 8) { out.push({ op, data }); continue; }
      if (op !== 0) { this.op = op; this.parts = []; }
      this.parts.push(data);
      if (fin) { out.push({ op: this.op, data: Buffer.concat(this.parts) }); this.parts = []; }
    }
    return out;
  }
}
/** What a WebSocket this process opened brings: messages held for .z.ws, pings answered, a close ended. */
function onWs(h: number, d: Buffer) {
  const c = socks.get(h);
  if (!c?.ws) return;
  for (const f of c.ws.push(d)) {
    if (f.op === 9) { c.s.write(wsFrame(10, f.data)); continue; }
    if (f.op === 8) { c.s.end(wsFrame(8, new Uint8Array(0))); continue; }
    if (f.op !== 1 && f.op !== 2) continue;
    inbox.push({ h, msg: new Uint8Array(f.data), ws: f.op });
    if (!nudged) { nudged = true; parentPort!.postMessage({ op: 'inbox' }); }
  }
}

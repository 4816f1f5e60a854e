// The socket side of wasq as a kdb+ client. It runs in a worker thread so that the q evaluator on the
// main thread can block on a synchronous `h "query"` (Atomics.wait) while this thread does the I/O.
import { parentPort, workerData } from 'node:worker_threads';
import { connect, Socket } from 'node:net';
import { handshakeBytes, FrameReader } from '../q/ipc/frame.js';
import { readHeader, MsgType } from '../q/ipc/header.js';

const ctl = new Int32Array(workerData.ctl as SharedArrayBuffer);     // [state, length, handle/status]
const data = new Uint8Array(workerData.data as SharedArrayBuffer);
const socks = new Map<number, { s: Socket; reader: FrameReader; waiting: boolean }>();
let next = 1000;

/** Hand a result to the blocked main thread: status 0 ok (bytes in data), 1 an error text. */
function answer(status: number, bytes: Uint8Array) {
  if (bytes.length > data.length) { status = 1; bytes = new TextEncoder().encode('limit'); }
  data.set(bytes);
  ctl[1] = bytes.length; ctl[2] = status;
  Atomics.store(ctl, 0, 1);
  Atomics.notify(ctl, 0);
}
const err = (s: string) => answer(1, new TextEncoder().encode(s));

parentPort!.on('message', (m: any) => {
  switch (m.op) {
    case 'open': {
      const s = connect({ host: m.host, port: m.port });
      const h = next++;
      let opened = false;
      const timer = m.timeout > 0 ? setTimeout(() => { if (!opened) { s.destroy(); err('timeout'); } }, m.timeout) : null;
      const reader = new FrameReader();
      s.once('connect', () => s.write(handshakeBytes(m.user, m.pass)));
      s.once('data', (b: Buffer) => {
        if (timer) clearTimeout(timer);
        opened = true;
        socks.set(h, { s, reader, waiting: false });
        const rest = b.subarray(1);
        s.on('data', (c: Buffer) => onData(h, new Uint8Array(c)));
        if (rest.length) onData(h, new Uint8Array(rest));
        answer(0, new Uint8Array(Int32Array.of(h).buffer));
      });
      // kdb+ reports a connection that cannot be made as 'hop
      s.on('error', () => { if (!opened) { if (timer) clearTimeout(timer); opened = true; err('hop'); } });
      s.on('close', () => {
        // kdb+ closes a refused handshake without a byte: the client reports 'access
        if (!opened) { if (timer) clearTimeout(timer); opened = true; err('access'); return; }
        const c = socks.get(h);
        socks.delete(h);
        if (c?.waiting) err('close');
        parentPort!.postMessage({ op: 'closed', h });
      });
      break;
    }
    case 'send': {
      const c = socks.get(m.h);
      if (!c) { if (m.sync) err('close'); break; }
      c.s.write(m.bytes as Uint8Array);
      if (m.sync) c.waiting = true;
      break;
    }
    case 'close': { const c = socks.get(m.h); if (c) { socks.delete(m.h); c.s.destroy(); } break; }
  }
});

function onData(h: number, chunk: Uint8Array) {
  const c = socks.get(h);
  if (!c) return;
  for (const msg of c.reader.push(chunk)) {
    const hd = readHeader(msg);
    if (hd.msgType === MsgType.Response && c.waiting) { c.waiting = false; answer(0, msg); }
    else parentPort!.postMessage({ op: 'message', h, bytes: msg });
  }
}

// wasq as a kdb+ client: hopen, h"…" (sync, blocking the evaluator as q does), neg h (async), hclose.
// The sockets live in a worker thread (client-worker.ts); the main thread waits on shared memory.
import { Worker } from 'node:worker_threads';
import { T } from '../q/value/types.js';
import { Q, NIL, vec } from '../q/value/value.js';
import { QError } from '../q/value/error.js';
import { readMessage } from '../q/ipc/deserialize.js';
import { encodeMessage } from '../q/ipc/serialize.js';
import { MsgType } from '../q/ipc/header.js';
import { serializeOptions, deserializeOptions } from '../q/prims/ipc-prims.js';
import type { Session } from '../q/session.js';
import { PRIMS } from '../q/prims/registry.js';

const CAPACITY = 256 * 1024 * 1024;

export class Client {
  private worker: Worker | null = null;
  private ctl = new Int32Array(new SharedArrayBuffer(12));
  private data = new Uint8Array(new SharedArrayBuffer(CAPACITY));
  readonly handles = new Set<number>();
  constructor(private session: Session, private workerUrl: URL) {}

  private start(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(this.workerUrl, { workerData: { ctl: this.ctl.buffer, data: this.data.buffer } });
    w.unref();
    w.on('message', (m: any) => {
      if (m.op === 'closed') {
        this.handles.delete(m.h);
        this.session.handler('.z.pc', [{ t: -T.Int, v: m.h } as Q], { w: m.h, a: 0, u: '' }, () => NIL);
      } else if (m.op === 'message') {
        // a server's async message to us runs through .z.ps
        const msg = readMessage(m.bytes, deserializeOptions());
        if (msg.value !== undefined) this.session.handler('.z.ps', [msg.value], { w: m.h, a: 0, u: '' }, () => PRIMS.value.m!(msg.value!));
      }
    });
    this.worker = w;
    return w;
  }

  /** Block until the worker answers; its bytes, or a q error. */
  private wait(timeoutMs = 0): Uint8Array {
    const r = Atomics.wait(this.ctl, 0, 0, timeoutMs > 0 ? timeoutMs : undefined);
    if (r === 'timed-out') throw new QError('timeout');
    Atomics.store(this.ctl, 0, 0);
    const n = this.ctl[1], status = this.ctl[2];
    const bytes = this.data.slice(0, n);
    if (status) throw new QError(new TextDecoder().decode(bytes));
    return bytes;
  }

  /** hopen `:host:port[:user[:pass]] (or a port), with an optional timeout in ms. */
  open(target: string, timeoutMs: number): number {
    const m = /^:([^:]*):(\d+)(?::([^:]*)(?::(.*))?)?$/.exec(target);
    if (!m) throw new QError('hop');
    const [, host, port, user, pass] = m;
    this.start().postMessage({ op: 'open', host: host || '127.0.0.1', port: Number(port), user: user ?? process.env.USER ?? '', pass: pass ?? null, timeout: timeoutMs });
    const b = this.wait();
    const h = new Int32Array(b.buffer, b.byteOffset, 1)[0];
    this.handles.add(h);
    return h;
  }

  /** h x (sync: wait for the answer) or neg h x (async). */
  send(h: number, x: Q, sync: boolean): Q {
    if (!this.handles.has(h)) throw new QError('nyi');
    const bytes = encodeMessage(x, sync ? MsgType.Sync : MsgType.Async, serializeOptions());
    this.worker!.postMessage({ op: 'send', h, bytes, sync });
    if (!sync) return NIL;
    const msg = readMessage(this.wait(), deserializeOptions());
    if (msg.error !== undefined) throw new QError(msg.error);
    return msg.value!;
  }

  close(h: number) {
    if (!this.handles.delete(h)) throw new QError('nyi');
    this.worker?.postMessage({ op: 'close', h });
  }
}

export { vec };

// Ctrl-C at the terminal while a line runs: q answers 'stop and the session keeps its data. At a
// terminal readline keeps the line discipline raw, so Ctrl-C is a byte (3) on standard input, not a
// signal; and while a line runs the main thread reads nothing. So a small worker reads standard input
// then, and only then: a 3 raises the flag the evaluator polls (env.poll, the page's Stop button's
// path), and any other byte is handed back to readline as typed-ahead input once the line is done.
// (Stopping where the evaluator polls, between iterations and calls, never half-way through an update
// of memory, as terminating the script on SIGINT would.)
import { Worker } from 'node:worker_threads';

// control words: [0] a line is running (1) or not (0); [1] Ctrl-C was seen; [2] bytes held back;
// [3] the worker is reading (a lock: the main thread returns to readline only once it is free)
const RUNNING = 0, STOP = 1, HELD = 2, READING = 3, ROOM = 4096;

// CommonJS, evaluated as the worker's source: it takes the lock, reads standard input (non-blocking at
// a terminal, as Node leaves it) while the line runs, and lets go
const READER = `
const { workerData } = require('node:worker_threads');
const { readSync } = require('node:fs');
const ctl = new Int32Array(workerData, 0, 4), held = new Uint8Array(workerData, 16), buf = Buffer.alloc(256);
for (;;) {
  Atomics.wait(ctl, ${RUNNING}, 0);
  if (Atomics.compareExchange(ctl, ${READING}, 0, 1) !== 0) continue;
  let n = Atomics.load(ctl, ${HELD}), eof = false;
  while (Atomics.load(ctl, ${RUNNING}) === 1) {
    let got = 0;
    if (!eof) try { got = readSync(0, buf, 0, buf.length, null); if (!got) eof = true; } catch (e) { if (e.code !== 'EAGAIN') eof = true; }
    for (let i = 0; i < got; i++) { if (buf[i] === 3) Atomics.store(ctl, ${STOP}, 1); else if (n < held.length) held[n++] = buf[i]; }
    if (!got) Atomics.wait(ctl, ${RUNNING}, 1, 30);
  }
  Atomics.store(ctl, ${HELD}, n);
  Atomics.store(ctl, ${READING}, 0);
  Atomics.notify(ctl, ${READING});
}`;

export class ConsoleInterrupt {
  private readonly ctl: Int32Array;
  private readonly held: Uint8Array;
  private readonly worker: Worker;

  constructor() {
    const sab = new SharedArrayBuffer(16 + ROOM);
    this.ctl = new Int32Array(sab, 0, 4);
    this.held = new Uint8Array(sab, 16);
    this.worker = new Worker(READER, { eval: true, workerData: sab });
    // the worker never keeps the process alive
    this.worker.unref();
  }

  /** Whether Ctrl-C was pressed since the line began (reading clears it: one 'stop a press). */
  readonly stopped = (): boolean => Atomics.exchange(this.ctl, STOP, 0) !== 0;

  /** Run a console line with the reader on (typed() then has what was typed meanwhile). */
  run<T>(f: () => T): T {
    Atomics.store(this.ctl, STOP, 0);
    Atomics.store(this.ctl, RUNNING, 1);
    Atomics.notify(this.ctl, RUNNING);
    try {
      return f();
    } finally {
      Atomics.store(this.ctl, RUNNING, 0);
      Atomics.notify(this.ctl, RUNNING);
      // standard input is readline's again only once the worker has stopped reading it
      while (Atomics.load(this.ctl, READING) === 1) Atomics.wait(this.ctl, READING, 1, 50);
    }
  }

  /** The bytes typed while the last line ran (held back from readline), once. */
  typed(): string {
    const n = Atomics.exchange(this.ctl, HELD, 0);
    return n ? Buffer.from(this.held.subarray(0, n)).toString('utf8') : '';
  }
}

// The console's input: the lines readline delivers, in order, and the line `read0 0` takes in the middle
// of a statement (q reads it from standard input there and then, as `rl:{1">> ";read0 0}` does).
import type { Interface } from 'node:readline';
import { readSync } from 'node:fs';

export class ConsoleInput {
  private lines: string[] = [];
  private ended = false;
  private wake: (() => void) | null = null;
  /** bytes read past a line's end by a synchronous read, before the stream sees any more */
  private rest = '';

  constructor(rl: Interface, private tty: boolean) {
    rl.on('line', l => { this.lines.push(l); this.wake?.(); });
    rl.on('close', () => { this.ended = true; this.wake?.(); });
  }

  /** The next console line, or null at the end of input. */
  async next(): Promise<string | null> {
    while (!this.lines.length && !this.ended) await new Promise<void>(r => { this.wake = r; });
    this.wake = null;
    return this.lines.shift() ?? null;
  }

  /** read0 0: a line now. One readline already has comes first; else standard input is read until a
   *  newline (at a terminal in cooked mode, so that it echoes and edits as q's does). Empty at the end. */
  readLine(): string {
    const queued = this.lines.shift();
    if (queued !== undefined) return queued;
    if (this.ended) return '';
    const stdin = process.stdin as typeof process.stdin & { setRawMode?(on: boolean): void };
    if (this.tty) stdin.setRawMode?.(false);
    try {
      const buf = Buffer.alloc(4096), nap = new Int32Array(new SharedArrayBuffer(4));
      for (;;) {
        const nl = this.rest.indexOf('\n');
        if (nl >= 0) {
          const line = this.rest.slice(0, nl).replace(/\r$/, '');
          // what follows the line is the next console lines
          const more = this.rest.slice(nl + 1).split('\n');
          this.rest = more.pop()!;
          this.lines.push(...more.map(l => l.replace(/\r$/, '')));
          return line;
        }
        let n: number;
        try { n = readSync(0, buf, 0, buf.length, null); }
        catch (e) {
          // standard input is non-blocking under Node: wait for it
          if ((e as NodeJS.ErrnoException).code === 'EAGAIN') { Atomics.wait(nap, 0, 0, 10); continue; }
          throw e;
        }
        if (!n) { const line = this.rest; this.rest = ''; this.ended = true; return line; }
        this.rest += buf.toString('utf8', 0, n);
      }
    } finally { if (this.tty) stdin.setRawMode?.(true); }
  }
}

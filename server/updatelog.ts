// -l and -L: kdb+'s automatic update log (kb/logging). A message from a client, or one sent to handle 0,
// that changes a global is appended to name.log in the layout -11! replays; a message that fails after
// changing globals has its changes undone. At start the checkpoint name.qdb (the root's globals, as \l
// with no argument writes it) is read and the log replayed; \l then checkpoints and empties the log.
import { closeSync, existsSync, fsyncSync, openSync } from 'node:fs';
import type { Session } from '../q/session.js';
import { writes } from '../q/eval/env.js';
import { T } from '../q/value/types.js';
import { list, type Q } from '../q/value/value.js';
import { apply } from '../q/prims/apply.js';

export class UpdateLog {
  private handle = 0;
  /** base: the script's path without .q; sync: -L, each entry forced to disk before the answer */
  constructor(private session: Session, private base: string, private sync: boolean) {}

  private q(src: string): Q { return this.session.value(src).v; }
  /** a file symbol for path, whatever characters it holds (q's string escapes are JSON's for these) */
  private file(ext: string): string { return `(hsym\`$${JSON.stringify(this.base + ext)})`; }
  private get log() { return this.base + '.log'; }

  /** The checkpoint read, then the log replayed through .z.ps (kdb+ values each entry), then opened. */
  restore(): void {
    const qdb = this.base + '.qdb';
    if (existsSync(qdb)) this.q(`{(key x) set' value x} get ${this.file('.qdb')}`);
    if (existsSync(this.log)) this.q(`-11!${this.file('.log')}`);
    else this.q(`${this.file('.log')} set ()`);
    this.open();
  }

  run(msg: Q, f: () => Q): Q {
    const before = writes, globals = new Map(this.session.env.globals);
    let r: Q;
    try { r = f(); }
    catch (e) {
      // a failed message leaves the globals as they were before it (kb/logging: rollback). The snapshot is
      // of the map, not the values: it holds because an amend copies a value rather than changing it in
      // place; an in-place amend would need the snapshot to copy what it changes
      if (writes !== before) { const g = this.session.env.globals; g.clear(); for (const [k, v] of globals) g.set(k, v); }
      throw e;
    }
    if (writes !== before) this.append(msg);
    return r;
  }

  private append(msg: Q): void {
    apply({ t: -T.Int, v: this.handle } as Q, [list([msg])]);
    if (this.sync) { const fd = openSync(this.log, 'r+'); try { fsyncSync(fd); } finally { closeSync(fd); } }
  }

  /** \l with no argument: the root's globals checkpointed to name.qdb, and the log emptied. */
  checkpoint(): void {
    this.q(`hclose ${this.handle}`);
    this.q(`${this.file('.qdb')} set value \`.`);
    this.q(`${this.file('.log')} set ()`);
    this.open();
  }
  private open(): void { this.handle = Number((this.q(`hopen ${this.file('.log')}`) as { v: number }).v); }
}

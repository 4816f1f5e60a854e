// The interpreter in a Web Worker behind Comlink: the same q core as the server, so the page never blocks.
import * as Comlink from 'comlink';
import { Session, statements } from '../q/session.js';

let printed = '';
const session = new Session({
  now: () => BigInt(Date.now()) * 1000000n,
  tzOffsetMinutes: () => -new Date().getTimezoneOffset(),
  write: (_fd, s) => { printed += s; },
});

export interface Output { text: string; error: boolean }

const api = {
  /** Run q text as a script (continuation lines, comments) and return each statement's console output. */
  run(src: string): Output[] {
    const out: Output[] = [];
    for (const stmt of statements(src)) {
      printed = '';
      const r = session.evaluate(stmt);
      if (printed) out.push({ text: printed.replace(/\n$/, ''), error: false });
      if (r.out) out.push({ text: r.out, error: r.error });
      if (r.error) break;
    }
    return out;
  },
};
export type Api = typeof api;
Comlink.expose(api);

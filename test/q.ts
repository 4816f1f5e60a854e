// Test helper: a fresh session and a function that returns what the q console would print for a line.
import '../server/kernels.js';
import { Session } from '../q/session.js';

export function makeSession() {
  let out = '';
  const s = new Session({
    now: () => BigInt(Date.now()) * 1000000n,
    tzOffsetMinutes: () => 0,
    write: (_fd, t) => { out += t; },
  });
  /** The console text for one input: its display, or `'err` for a signal; -1 writes come first. */
  const q = (src: string): string => {
    out = '';
    const r = s.evaluate(src);
    return out + r.out;
  };
  return { session: s, q };
}

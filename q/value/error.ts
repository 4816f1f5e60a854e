/** A q signal: kdb+'s error text (`type`, `length`, a name for an undefined variable …). */
export class QError {
  readonly q: string;
  pos?: number;
  /** the frames the signal passed through, innermost first (eval/backtrace.ts) */
  bt?: import('../eval/backtrace.js').Frame[];
  /** the primitive (its name, or a function value) that failed, and its arguments: .z.ex and .z.ey */
  ex?: string | import('./value.js').Q;
  ey?: (import('./value.js').Q | undefined)[];
  /** a signal of (message;backtrace), as .Q.trp's handler may give: its frames are the backtrace's, and
   *  the frames it passes on its way out add none */
  sealed?: boolean;
  // a signal is q's control flow (protected evaluation catches thousands a second), not a JavaScript
  // fault: it is no Error, whose construction (a stack to capture, even when none is kept) cost more than
  // the rest of a trapped signal; message and name stand in for code that reads errors generically
  constructor(q: string, pos?: number) { this.q = q; this.pos = pos; }
  get message(): string { return this.q; }
  get name(): string { return 'QError'; }
  toString(): string { return "'" + this.q; }
}
/** The q signal a JavaScript engine error stands for, or null for a fault of wasq's: a RangeError from
 *  a deep recursion is kdb+'s 'stack, one from an allocation that failed 'wsfull. Protected evaluation
 *  traps these as it traps any signal. */
export function asSignal(e: unknown): QError | null {
  if (e instanceof QError) return e;
  // (a string past the engine's longest, about 2^29 characters, as .j.j of 600 million characters would
  // make: a RangeError from the engine, an Error from Node's text decoder)
  if (e instanceof Error && /Cannot create a string longer/.test(e.message)) return new QError('wsfull');
  if (e instanceof RangeError) {
    if (/Invalid (array|typed array|string) length|Array buffer allocation|wsfull/.test(e.message)) return new QError('wsfull');
    if (/call stack/.test(e.message)) return new QError('stack');
  }
  return null;
}
export const qerr = (s: string, pos?: number) => new QError(s, pos);
/** Signals `'nyi` for a feature wasq has not built yet; the detail helps the user, the text stays kdb+'s. */
export const nyi = (what?: string): never => { throw new QError('nyi', undefined); };
/** An operating-system error on a file, as kdb+ 4 words it (`'path. OS reports: No such file or
 *  directory`): kept to 255 characters by cutting the path on the left (`..`), which keeps the tail
 *  that tells most (releases/ChangesIn4.0). */
export function osError(path: string, reason = 'No such file or directory'): QError {
  const s = `${path}. OS reports: ${reason}`;
  return new QError(s.length > 255 ? '..' + s.slice(s.length - 253) : s);
}

/** A q signal: kdb+'s error text (`type`, `length`, a name for an undefined variable …). */
export class QError extends Error {
  constructor(public readonly q: string, public pos?: number) { super(q); }
}
export const qerr = (s: string, pos?: number) => new QError(s, pos);
/** Signals `'nyi` for a feature wasq has not built yet; the detail helps the user, the text stays kdb+'s. */
export const nyi = (what?: string): never => { throw new QError('nyi', undefined); };

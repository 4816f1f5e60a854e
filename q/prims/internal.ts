// Internal functions n!x (negative n, and 0N!x): kdb+'s numbered built-ins. Families register theirs.
import { T } from '../value/types.js';
import { Q, Atom, str } from '../value/value.js';
import { QError } from '../value/error.js';
import { hooks } from './hooks.js';
import { PRIMS } from './registry.js';

export const INTERNAL: Record<string, (x: Q) => Q> = Object.create(null);

/** 0N!x writes x's one-line form to the console and returns x (a debugging tap). */
// (cut to the console's width, as kb/loading-from-large-files records .Q.fs[0N!] lines ending ..)
INTERNAL['0N'] = x => { hooks.write(1, hooks.s1Cut(x) + '\n'); return x; };
/** -3!x is the one-line form as a string. */
INTERNAL['-3'] = x => str(hooks.s1Cut(x));
/** -16!x, the reference count: wasq's values are the engine's, which keeps no count, so this counts the
 *  global names bound to x itself (a:b:c:1 2 3 binds three), at least 1 for the reference x is. */
INTERNAL['-16'] = x => { let n = 0; for (const v of hooks.globalValues()) if (v === x) n++; return { t: -T.Long, v: BigInt(Math.max(1, n)) } as Q; };
/** -11! replays a log file (disk.ts registers it). */

/** Is x (the left of !) an internal-function number? */
export function isInternal(x: Q): boolean {
  if (x.t !== -T.Long && x.t !== -T.Int) return false;
  const v = (x as Atom).v;
  return x.t === -T.Long ? v < 0n || v === -(2n ** 63n) : v < 0;
}
/** Numbers that stand for a keyword (basics/internal's table): n!x is that keyword applied to x. */
const KEYWORD: Record<string, string> = {
  '-1': 'hsym', '-2': 'attr', '-6': 'eval', '-7': 'hcount', '-15': 'md5', '-20': '.Q.gc', '-24': 'reval',
  '-29': '.j.k', '-32': '.Q.btoa', '-35': '.Q.gz',
};
export function internal(x: Q, y: Q): Q {
  const v = (x as Atom).v;
  const key = x.t === -T.Long && v === -(2n ** 63n) || x.t === -T.Int && v === -2147483648 ? '0N' : String(v);
  const f = INTERNAL[key] ?? PRIMS[KEYWORD[key]]?.m;
  if (!f) throw new QError('nyi');
  return f(y);
}

// @ and . as primitives: apply, index, amend and trap (protected evaluation), by rank.
import { T } from '../value/types.js';
import { Q, Atom, items, isNil, str, text } from '../value/value.js';
import { QError } from '../value/error.js';
import { apply, apply1 } from './apply.js';
import { amendAt, amendDot } from './amend.js';

/** Run f, and on a q signal call the handler with the error text (a function) or return it. */
function trap(run: () => Q, h: Q): Q {
  try { return run(); }
  catch (e) {
    if (!(e instanceof QError)) throw e;
    const msg = str(e.q);
    return h.t >= T.Lambda && h.t <= T.EachLeft ? apply1(h, msg) : h;
  }
}

/** @[f;x] @[f;x;h] (trap) @[x;i;f] @[x;i;f;y] (amend); x@y applies or indexes at one level. */
export function at(a: Q[]): Q {
  if (a.length === 2) return apply(a[0], [a[1]]);
  if (a.length === 3) {
    const [x, i, f] = a;
    // with a function on the left and a non-function third argument, or a lambda handler, it's trap
    // a function (or a handle, which applies like one) on the left traps; data on the left is amended
    if ((x.t >= T.Lambda && x.t <= T.EachLeft) || x.t === -T.Int || x.t === -T.Long) return trap(() => apply(x, [i]), f);
    return amendAt(x, i, f, undefined);
  }
  if (a.length === 4) return amendAt(a[0], a[1], a[2], a[3]);
  throw new QError('rank');
}

/** .[f;args] .[f;args;h] .[x;i;f] .[x;i;f;y]; x . y applies f to a list of arguments or indexes at depth. */
export function dot(a: Q[]): Q {
  if (a.length === 2) {
    const [f, x] = a;
    const args = x.t < 0 || isNil(x) ? [x] : items(x);
    if (f.t >= T.Lambda && f.t <= T.EachLeft) return apply(f, args.length ? args : [x]);
    return args.length ? apply(f, args) : f;
  }
  if (a.length === 3) {
    const [x, i, f] = a;
    if (x.t >= T.Lambda && x.t <= T.EachLeft) return trap(() => dot([x, i]), f);
    return amendDot(x, i, f, undefined);
  }
  if (a.length === 4) return amendDot(a[0], a[1], a[2], a[3]);
  throw new QError('rank');
}
export type { Atom };
export { text };

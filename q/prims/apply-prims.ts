// @ and . as primitives: apply, index, amend and trap (protected evaluation), by rank.
import { hooks } from './hooks.js';
import { T } from '../value/types.js';
import { Q, Atom, items, isNil, str, text, count, sym } from '../value/value.js';
import { QError, asSignal } from '../value/error.js';
import { apply, apply1, rankOf } from './apply.js';
import { amendAt, amendDot } from './amend.js';
import { appendItems, isLogFile, named, filesIn, fileAtDepth } from './disk.js';
import { upsert, exists } from './tables.js';

/** Run f, and on a q signal call the handler with the error text (a function) or return it. */
function trap(run: () => Q, h: Q): Q {
  try { return run(); }
  catch (x) {
    const e = asSignal(x);
    if (!e) throw x;
    const msg = str(e.q);
    return h.t >= T.Lambda && h.t <= T.EachLeft ? apply1(h, msg) : h;
  }
}

/** @[f;x] @[f;x;h] (trap) @[x;i;f] @[x;i;f;y] (amend); x@y applies or indexes at one level. */
/** A symbol naming a connection, applied as a one-shot request: `:host:port, `::port, `:unix://, `:tcps://,
 *  `:http(s)://, and `:: (its form with a timeout) — not a file or a global to amend. */
const isConnection = (x: Q): boolean => x.t === -T.Sym && /^:(:|[^:/]*:\d+|unix:\/\/|tcps:\/\/|https?:\/\/|:$)/.test((x as Atom).v as string);
export function at(a: Q[]): Q {
  if (a.length === 2) return apply(a[0], [a[1]]);
  if (a.length === 3) {
    const [x, i, f] = a;
    // with a function on the left and a non-function third argument, or a lambda handler, it's trap
    // a function (or a handle, which applies like one) on the left traps; data on the left is amended
    if ((x.t >= T.Lambda && x.t <= T.EachLeft) || x.t === -T.Int || x.t === -T.Long) return trap(() => apply(x, [i]), f);
    // an atom of data with data for a handler is a trap too (it is no amend: an atom has no items to
    // change): TorQ's @[1b;`.access.enabled;0b] is 0b
    if (x.t < 0 && x.t !== -T.Sym && f.t < T.Lambda && !isNil(f)) return trap(() => apply(x, [i]), f);
    // a connection named (`:host:port, `:http://…) applies as a function does: kdb-common traps one-shots so
    if (isConnection(x)) return trap(() => apply(x, [i]), f);
    return inFiles(x, i, f, undefined) ?? byName(x, v => amendAt(v, i, f, undefined));
  }
  if (a.length === 4) {
    const [x, i, f, y] = a;
    // @[`t;();:;v] assigns the whole value, as .[`t;();:;v] does: the name need not exist yet
    if (x.t === -T.Sym && i.t >= 0 && count(i) === 0 && (f as { name?: string }).name === ':') return named(x, true).put(y);
    if (isGlobalName(x)) return hooks.amendGlobal((x as Atom).v as string, [i], f, y, () => byName(x, v => amendAt(v, i, f, y)));
    return inFiles(x, i, f, y) ?? byName(x, v => amendAt(v, i, f, y));
  }
  throw new QError('rank');
}

/** @[`:dir;`name;f;y]: the file dir/name (a column of a splayed table, its .d) amended whole, on its own:
 *  the table is never read. Null when x names no directory. */
function inFiles(x: Q, i: Q, f: Q, y: Q | undefined): Q | null {
  const paths = filesIn(x, i);
  if (!paths) return null;
  // names in a list pair with y's items, as amend pairs a selection with them (ref/amend; qtips'
  // .util.splay writes .d and each column so)
  const many = i.t >= 0, ys = many && y !== undefined && y.t >= 0 ? items(y) : null;
  if (many && y !== undefined && y.t >= 0 && ys!.length !== paths.length) throw new QError('length');
  paths.forEach((p, k) => {
    const yk = ys ? ys[k] : y;
    byName(sym(':' + p), v => yk === undefined ? apply1(f, v) : apply(f, [v, yk]));
  });
  return x;
}

/** Does x name a global, not a file? (A namespace, which holds no value of its own, amends as before.) */
const isGlobalName = (x: Q): boolean => x.t === -T.Sym && /^[^:]/.test((x as Atom).v as string) && (x as Atom).v !== '.';
/**
 * Amend by name: `x amends the global x, `:path the file (read, amended, written back, created when not
 * there); the name is the result. Anything else is amended as a value.
 */
function byName(x: Q, amend: (v: Q) => Q): Q {
  const r = named(x, true);
  return r.put(amend(r.v));
}

/** .[f;args] .[f;args;h] .[x;i;f] .[x;i;f;y]; x . y applies f to a list of arguments or indexes at depth. */
export function dot(a: Q[]): Q {
  if (a.length === 2) {
    const [f, x] = a;
    const args = x.t < 0 || isNil(x) ? [x] : items(x);
    if (f.t >= T.Lambda && f.t <= T.EachLeft) return apply(f, args.length ? args : [x]);
    // .[`:db;`t`] reads the file that path names in the directory: the splayed table db/t/
    const file = fileAtDepth(f, x);
    if (file) return named(file).v;
    return args.length ? apply(f, args) : f;
  }
  if (a.length === 3) {
    const [x, i, f] = a;
    if (x.t >= T.Lambda && x.t <= T.EachLeft || isConnection(x)) return trap(() => dot([x, i]), f);
    return byName(x, v => amendDot(v, i, f, undefined));
  }
  if (a.length === 4) {
    const [x, i, f, y] = a;
    // .[`:log;();,;items] appends to a log file in place, as a tickerplant does
    if (x.t === -T.Sym && ((x as Atom).v as string).startsWith(':') && count(i) === 0 && i.t >= 0 && (f as { name?: string }).name === ',' && isLogFile(((x as Atom).v as string).slice(1))) {
      appendItems(((x as Atom).v as string).slice(1), items(y));
      return x;
    }
    // .[`t;();:;v] assigns the whole value, so the name need not exist yet (a subscriber's
    // (.[;();:;].)each h(`.u.sub;`;`) makes its tables that way)
    if (x.t === -T.Sym && i.t >= 0 && count(i) === 0 && ((f as { name?: string }).name === ':')) return named(x, true).put(y);
    // .[`t;();f;v] on a name not yet defined starts from f's identity element, as t f:v does (ref/assign),
    // and f[identity;v] is v: a subscriber's .[`t;();,;x] and .[`.u.t;();,'';x] (kdb+'s tick/c.q) make t so
    // (f still takes its two arguments: a unary f is 'rank, as it is once the name is defined)
    if (x.t === -T.Sym && i.t >= 0 && count(i) === 0 && !((x as Atom).v as string).startsWith(':') && !exists((x as Atom).v as string)) {
      if (f.t >= T.Lambda && f.t < T.Over && rankOf(f) < 2) throw new QError('rank');
      return named(x, true).put(y);
    }
    // (a global changed where it stands when it alone holds its value, as g[i;j]:y is)
    if (isGlobalName(x) && count(i) > 0) return hooks.amendGlobal((x as Atom).v as string, i.t < 0 ? [i] : items(i), f, y, () => byName(x, v => amendDot(v, i, f, y)));
    // .[`:db;`t`;:;t] amends the file the path names in the directory: .Q.chk's empty tables
    const file = fileAtDepth(x, i);
    if (file) { byName(file, v => apply(f, [v, y])); return x; }
    // .[x;();,;y] is upsert (ref/upsert), a splayed table's directory appended to as `:dir upsert y does
    if (x.t === -T.Sym && i.t >= 0 && count(i) === 0 && (f as { name?: string }).name === ',' && f.t === T.Op) return upsert(x, y);
    return byName(x, v => amendDot(v, i, f, y));
  }
  throw new QError('rank');
}
export type { Atom };
export { text };

// Enumerations store int indices into a domain named by a global: a symbol list (`sym$`a`b), a keyed
// table whose key column is the domain (a foreign key, `stock$…), or a plain table whose rows the
// indices pick (a link column, `t!0 1 1). Resolving a domain needs the session's globals, which the
// session lends through setEnumResolver.
import { T } from './types.js';
import { fresh, gather } from './storage.js';
import type { Q, Vec, Atom, Dict, Table, List } from './value.js';
import { QError } from './error.js';
import { symName as symNameOf } from './sym.js';
import { count, item, nullItem, fromItems } from './value.js';

let resolve: (name: string) => Q | undefined = () => undefined;
export function setEnumResolver(f: (name: string) => Q | undefined) { resolve = f; }

const EMPTY = new Int32Array(0);
/** The vector the indices point into: the symbol list, or a keyed table's (first) key column; null for
 * a link into a plain table, whose indices stand for themselves. */
export function domainValues(dom: string): Q | null {
  const d = resolve(dom);
  if (!d) throw new QError(dom);
  if (d.t === T.Sym) return d;
  // an empty general list is an empty symbol list (sym:() before the first `sym?)
  if (d.t === T.List && !(d as List).d.length) return { t: T.Sym, d: EMPTY, a: 0 } as Vec;
  // a keyed table of one key column is enumerated by its values; of several, by rows (as a link is)
  if (d.t === T.Dict && (d as Dict).k.t === T.Table) { const k = (d as Dict).k as Table; return k.c.length === 1 ? k.d[0] : null; }
  if (d.t === T.Table) return null;
  throw new QError('type');
}
/** The domain's symbol ids (Int32Array), from a symbol list or a keyed table's first key column. */
export function domainIds(dom: string): Int32Array {
  const v = domainValues(dom);
  if (v && v.t === T.Sym) return (v as Vec).d as Int32Array;
  throw new QError('type');
}
/** Is the domain a table (a foreign key into a keyed table, or a link into a plain one)? */
export function isForeignKey(dom: string): boolean {
  const d = resolve(dom);
  return !!d && (d.t === T.Table || d.t === T.Dict && (d as Dict).k.t === T.Table);
}
/** The keyed table (or plain table) behind a foreign key or link column. */
export const domainValue = (dom: string) => resolve(dom);

/** The values an enumeration stands for: symbols, a foreign key's key values, or a link's indices. */
export function deenum(x: Q): Q {
  if (x.t !== T.Enum && x.t !== -T.Enum) return x;
  const dom = (x as Vec).dom!, vals = domainValues(dom);
  if (x.t === -T.Enum) {
    const i = (x as Atom).v;
    if (!vals) return { t: -T.Int, v: i } as Atom;
    if (vals.t === T.Sym) { const ids = (vals as Vec).d as Int32Array; return { t: -T.Sym, v: symNameOf(i >= 0 && i < ids.length ? ids[i] : 0) } as Atom; }
    return pick(vals, Int32Array.of(i), true);
  }
  const v = x as Vec, src = v.d as Int32Array, n = src.length;
  if (!vals) return { t: T.Int, d: src, a: v.a } as Vec;
  if (vals.t === T.Sym) {
    const ids = (vals as Vec).d as Int32Array, r = fresh(Int32Array, n);
    for (let i = 0; i < n; i++) { const k = src[i]; r[i] = k >= 0 && k < ids.length ? ids[k] : 0; }
    return { t: T.Sym, d: r, a: v.a } as Vec;
  }
  return pick(vals, src, false);
}
/** Items of a key column at the given indices (an index out of range gives the type's null). */
function pick(vals: Q, idx: Int32Array, one: boolean): Q {
  const n = count(vals), out = new Array<Q>(idx.length);
  // a typed key column's items gathered as they are (none: an empty list of its type, as meta reads it)
  if (!one && vals.t > 0 && vals.t < T.Enum && idx.every(i => i >= 0 && i < n)) return { t: vals.t, d: gather(vals.t, (vals as Vec).d, idx), a: 0 } as Vec;
  for (let i = 0; i < idx.length; i++) out[i] = idx[i] >= 0 && idx[i] < n ? item(vals, idx[i]) : nullItem(vals);
  return one ? out[0] : fromItems(out);
}

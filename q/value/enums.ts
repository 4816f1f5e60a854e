// Enumerations store int indices into a domain named by a global: a symbol list (`sym$`a`b), or a keyed
// table whose key column is the domain (a foreign key, `stock$…). Resolving a domain needs the session's
// globals, which the session lends through setEnumResolver.
import { T } from './types.js';
import type { Q, Vec, Atom, Dict, Table } from './value.js';
import { QError } from './error.js';

let resolve: (name: string) => Q | undefined = () => undefined;
export function setEnumResolver(f: (name: string) => Q | undefined) { resolve = f; }

/** The domain's symbol ids (Int32Array), from a symbol list or a keyed table's first key column. */
export function domainIds(dom: string): Int32Array {
  const d = resolve(dom);
  if (!d) throw new QError(dom);
  if (d.t === T.Sym) return (d as Vec).d as Int32Array;
  if (d.t === T.Dict && (d as Dict).k.t === T.Table) {
    const k = ((d as Dict).k as Table).d[0];
    if (k.t === T.Sym) return (k as Vec).d as Int32Array;
  }
  throw new QError('type');
}
/** Is the domain a keyed table (a foreign key)? */
export function isForeignKey(dom: string): boolean {
  const d = resolve(dom);
  return !!d && d.t === T.Dict && (d as Dict).k.t === T.Table;
}
/** The keyed table behind a foreign key. */
export const domainValue = (dom: string) => resolve(dom);

/** The symbols an enumeration stands for. */
export function deenum(x: Q): Q {
  if (x.t === -T.Enum) {
    const ids = domainIds((x as Atom).dom!), i = (x as Atom).v;
    return { t: -T.Sym, v: symNameOf(i >= 0 && i < ids.length ? ids[i] : 0) } as Atom;
  }
  if (x.t === T.Enum) {
    const v = x as Vec, ids = domainIds(v.dom!), src = v.d as Int32Array, n = src.length, r = new Int32Array(n);
    for (let i = 0; i < n; i++) { const k = src[i]; r[i] = k >= 0 && k < ids.length ? ids[k] : 0; }
    return { t: T.Sym, d: r, a: v.a } as Vec;
  }
  return x;
}
import { symName as symNameOf } from './sym.js';

// Enumerate (`dom$syms), enum extend (`dom?syms), and the ! form (`dom!indices).
import { T } from '../value/types.js';
import { fresh } from '../value/storage.js';
import { Q, Vec, Atom, List, Dict, Table, count, vec, items, item, list, fromItems, sym, empty } from '../value/value.js';
import { QError } from '../value/error.js';
import { intern } from '../value/sym.js';
import { domainValues, deenum, isForeignKey, domainValue } from '../value/enums.js';
import { index } from './index.js';
import { unkey, find } from './list.js';
import { findMany } from './find.js';
import { hooks } from './hooks.js';
import { appendJoin } from './join.js';

/** Index of each item of x in domain dom (a symbol list, or a keyed table's key column); an item
 * missing from the domain is a 'cast error, as kdb+ signals it. */
export function enumerate(dom: string, x: Q): Q {
  const vals = domainValues(dom);
  if (!vals) return enumerateRecords(dom, x);
  // the domain's type number is given in the order domains are first enumerated
  hooks.enumType(dom);
  if (x.t === T.Enum || x.t === -T.Enum) {
    if ((x as Vec).dom === dom) return x;
    x = deenum(x);
  }
  // an empty general list enumerates to an empty enumeration
  if (x.t === T.List && !count(x)) return { t: T.Enum, d: new Int32Array(0), a: 0, dom } as Vec;
  if (x.t === T.List) return fromItems((x as List).d.map(e => enumerate(dom, e)));
  const atom = x.t < 0;
  if (atom && x.t !== -vals.t || !atom && x.t !== vals.t) {
    // a symbol domain takes only symbols; a keyed table's domain takes its key type
    if (x.t >= T.Table || x.t === T.Dict) throw new QError('type');
    throw new QError(vals.t === T.Sym ? 'type' : 'cast');
  }
  const xs = atom ? fromItems([x]) : x;
  const p = findMany(vals, xs), n = count(vals), r = fresh(Int32Array, p.length);
  for (let i = 0; i < p.length; i++) { if (p[i] >= n) throw new QError('cast'); r[i] = p[i]; }
  return atom ? { t: -T.Enum, v: r[0], dom } as Atom : { t: T.Enum, d: r, a: 0, dom } as Vec;
}

/** `t$x for a keyed table of several key columns: the row of each key record (a list of atoms, one per
 *  key column), of a list of them, or of a table of keys; a key not in t is a 'cast error. */
function enumerateRecords(dom: string, x: Q): Q {
  const d = domainValue(dom)!;
  if (d.t !== T.Dict) throw new QError('type');
  const keys = (d as Dict).k as Table, n = count(keys);
  const rowOf = (r: Q): number => { const p = Number((find(keys, r.t === T.Dict ? r : list(items(r))) as Atom).v); if (p >= n) throw new QError('cast'); return p; };
  if (x.t === T.Enum || x.t === -T.Enum) { if ((x as Vec).dom === dom) return x; throw new QError('type'); }
  if (x.t === T.Table) { const m = count(x); return { t: T.Enum, d: Int32Array.from({ length: m }, (_, i) => rowOf(item(x, i))), a: 0, dom } as Vec; }
  if (x.t === T.Dict) return { t: -T.Enum, v: rowOf(x), dom } as Atom;
  if (x.t < 0 || x.t > 0 && x.t < T.Enum && count(x) !== keys.c.length) throw new QError('type');
  const xs = items(x);
  if (xs.length === keys.c.length && xs.every(e => e.t < 0)) return { t: -T.Enum, v: rowOf(x), dom } as Atom;
  return { t: T.Enum, d: Int32Array.from(xs, rowOf), a: 0, dom } as Vec;
}

/** `dom?syms: enumerate, first appending missing symbols to the global symbol list dom. */
export function enumExtend(dom: string, x: Q): Q {
  hooks.enumType(dom);
  let cur: Q, fresh = false;
  try { cur = hooks.getGlobal(dom); } catch { cur = empty(T.Sym); fresh = true; }
  if (cur.t === T.List && !count(cur)) { cur = empty(T.Sym); fresh = true; }
  if (cur.t !== T.Sym) throw new QError('type');
  if (x.t === T.Enum || x.t === -T.Enum) x = deenum(x);
  const have = new Set((cur as Vec).d as Int32Array), add: number[] = [];
  const want = x.t === -T.Sym ? [intern((x as Atom).v)] : x.t === T.Sym ? Array.from((x as Vec).d as Int32Array) : (() => { throw new QError('type'); })();
  for (const id of want) if (!have.has(id)) { have.add(id); add.push(id); }
  // the domain grows as x,:y does: in place, keeping u# (and s# while in order)
  if (add.length || fresh) hooks.setGlobal(dom, appendJoin(cur, vec(T.Sym, Int32Array.from(add))));
  // ? keeps the attribute of its right argument, where $ does not (ref/enum-extend): .Q.en keeps p#sym
  const r = enumerate(dom, x);
  if (x.t === T.Sym && (x as Vec).a) (r as Vec).a = (x as Vec).a;
  return r;
}
/** fk.col: the column col of the table a foreign key or link column points at, row by row; null when
 * x is not such an enumeration. A column the table lacks is an error naming it. */
export function followKey(x: Q, part: string): Q | null {
  if ((x.t !== T.Enum && x.t !== -T.Enum) || !isForeignKey((x as Vec).dom!)) return null;
  const d = domainValue((x as Vec).dom!)!;
  const target = d.t === T.Table ? d as Table : unkey(d as Dict);
  const j = target.c.indexOf(part);
  if (j < 0) throw new QError(part);
  const idx = x.t === T.Enum ? { t: T.Int, d: (x as Vec).d, a: 0 } as Q : { t: -T.Int, v: (x as Atom).v } as Q;
  return index(target.d[j], idx);
}
export { sym, items };
export type { Dict };

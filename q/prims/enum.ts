// Enumerate (`dom$syms), enum extend (`dom?syms), and the ! form (`dom!indices).
import { T } from '../value/types.js';
import { Q, Vec, Atom, List, count, vec, items, fromItems, sym } from '../value/value.js';
import { QError } from '../value/error.js';
import { intern } from '../value/sym.js';
import { domainIds } from '../value/enums.js';
import { hooks } from './hooks.js';

/** Index of each symbol of x in domain dom; a symbol missing from the domain is a 'cast error. */
export function enumerate(dom: string, x: Q): Q {
  const ids = domainIds(dom);
  const pos = new Map<number, number>();
  for (let i = ids.length - 1; i >= 0; i--) pos.set(ids[i], i);
  const at = (id: number) => { const p = pos.get(id); if (p === undefined) throw new QError('cast'); return p; };
  if (x.t === -T.Sym) return { t: -T.Enum, v: at(intern((x as Atom).v)), dom } as Atom;
  if (x.t === T.Sym) { const src = (x as Vec).d as Int32Array; const r = new Int32Array(src.length); for (let i = 0; i < src.length; i++) r[i] = at(src[i]); return { t: T.Enum, d: r, a: 0, dom } as Vec; }
  if (x.t === T.Enum || x.t === -T.Enum) return x;
  if (x.t === T.List) return fromItems((x as List).d.map(e => enumerate(dom, e)));
  throw new QError('type');
}

/** `dom?syms: enumerate, first appending missing symbols to the global symbol list dom. */
export function enumExtend(dom: string, x: Q): Q {
  let cur: Q;
  try { cur = hooks.getGlobal(dom); } catch { cur = { t: T.Sym, d: new Int32Array(0), a: 0 } as Vec; }
  if (cur.t !== T.Sym) throw new QError('type');
  const have = new Set((cur as Vec).d as Int32Array), add: number[] = [];
  const want = x.t === -T.Sym ? [intern((x as Atom).v)] : x.t === T.Sym ? Array.from((x as Vec).d as Int32Array) : (() => { throw new QError('type'); })();
  for (const id of want) if (!have.has(id)) { have.add(id); add.push(id); }
  if (add.length) {
    const d = new Int32Array(count(cur) + add.length);
    d.set((cur as Vec).d as Int32Array); d.set(add, count(cur));
    hooks.setGlobal(dom, vec(T.Sym, d));
  }
  return enumerate(dom, x);
}
export { sym, items };

// Atomic extension, written once: a primitive defined on atoms and simple vectors reaches through
// general lists, dictionaries and tables item by item, with kdb+'s length rules.
import { T } from '../value/types.js';
import { Q, Dict, Table, List, count, item, items, fromItems, dict, table, list, isFn } from '../value/value.js';
import { QError } from '../value/error.js';

/** A kernel on atoms or simple vectors (either side may be an atom). */
export type Kernel2 = (x: Q, y: Q) => Q;
export type Kernel1 = (x: Q) => Q;

const simple = (x: Q) => (x.t < 0 && x.t >= -T.Enum) || (x.t > 0 && x.t <= T.Enum);

export function atomic2(k: Kernel2): Kernel2 {
  const go = (x: Q, y: Q): Q => {
    if (simple(x) && simple(y)) {
      if (x.t > 0 && y.t > 0 && count(x) !== count(y)) throw new QError('length');
      return k(x, y);
    }
    if (x.t === T.Table || y.t === T.Table) {
      if (x.t === T.Table && y.t === T.Table) {
        const a = x as Table, b = y as Table;
        if (count(a) !== count(b)) throw new QError('length');
        return table(a.c, a.c.map((c, i) => { const j = b.c.indexOf(c); return j < 0 ? a.d[i] : go(a.d[i], b.d[j]); }));
      }
      if (x.t === T.Table) { const a = x as Table; return table(a.c, a.d.map(c => go(c, y))); }
      const b = y as Table; return table(b.c, b.d.map(c => go(x, c)));
    }
    if (x.t === T.Dict || y.t === T.Dict) {
      if (x.t === T.Dict && y.t === T.Dict) return dictPair(x as Dict, y as Dict, go);
      if (x.t === T.Dict) { const d = x as Dict; return dict(d.k, go(d.v, y)); }
      const d = y as Dict; return dict(d.k, go(x, d.v));
    }
    if (isFn(x) || isFn(y)) throw new QError('type');
    // general lists: pair items, or extend an atom
    const xl = x.t >= 0, yl = y.t >= 0;
    if (xl && yl) {
      const n = count(x);
      if (n !== count(y)) throw new QError('length');
      const r = new Array<Q>(n);
      for (let i = 0; i < n; i++) r[i] = go(item(x, i), item(y, i));
      return fromItems(r);
    }
    if (xl) { const n = count(x), r = new Array<Q>(n); for (let i = 0; i < n; i++) r[i] = go(item(x, i), y); return fromItems(r); }
    const n = count(y), r = new Array<Q>(n); for (let i = 0; i < n; i++) r[i] = go(x, item(y, i)); return fromItems(r);
  };
  return go;
}

/** Two dictionaries combine on the union of their keys; a key in one only keeps its value. */
function dictPair(a: Dict, b: Dict, go: Kernel2): Q {
  const ak = items(a.k), bk = items(b.k);
  const { match } = matchMod;
  const keys = [...ak], vals = items(a.v).slice();
  const bv = items(b.v);
  for (let j = 0; j < bk.length; j++) {
    const i = keys.findIndex(k => match(k, bk[j]));
    if (i >= 0) vals[i] = go(vals[i], bv[j]); else { keys.push(bk[j]); vals.push(bv[j]); }
  }
  return dict(fromItems(keys), fromItems(vals));
}
import * as matchMod from './match.js';

export function atomic1(k: Kernel1): Kernel1 {
  const go = (x: Q): Q => {
    if (simple(x)) return k(x);
    if (x.t === T.List) return fromItems((x as List).d.map(go));
    if (x.t === T.Dict) { const d = x as Dict; return dict(d.k, go(d.v)); }
    if (x.t === T.Table) { const t = x as Table; return table(t.c, t.d.map(go)); }
    throw new QError('type');
  };
  return go;
}
export { list };

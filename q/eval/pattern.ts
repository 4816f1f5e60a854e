// Matching a value against a pattern (kdb+ 4.1). Bindings are collected first and made only when the
// whole match succeeds: a failed match changes no variable.
import type { Node, Pat } from '../parse/ast.js';
import { T, TYPE_CHARS } from '../value/types.js';
import { Q, Atom, Dict, Table, Vec, count, item, items, fromItems, sym, symVec } from '../value/value.js';
import { QError } from '../value/error.js';
import { match } from '../prims/match.js';
import { index } from '../prims/index.js';
import { find1 } from '../prims/find.js';
import { apply1 } from '../prims/apply.js';
import { flip } from '../prims/list.js';

export type Frame = (Q | undefined)[] | null;
export interface Binding { p: Extract<Pat, { k: 'name' }>; v: Q }

/** Match v to p, pushing bindings; returns the matched value (after any filter functions). */
export function matchPat(p: Pat, v: Q, fr: Frame, ev: (n: Node, fr: Frame) => Q, out: Binding[]): Q {
  switch (p.k) {
    case 'null': return v;
    case 'const': if (!match(p.v, v)) throw new QError('match'); return v;
    case 'name': out.push({ p, v }); return v;
    case 'list': {
      if (v.t < 0 || v.t >= T.Lambda || v.t === T.Dict) throw new QError('type');
      if (count(v) !== p.ps.length) throw new QError('length');
      const r = p.ps.map((q, i) => matchPat(q, item(v, i), fr, ev, out));
      return v.t === T.Table ? v : fromItems(r);
    }
    case 'dict': {
      if (v.t !== T.Dict) throw new QError('type');
      const d = v as Dict, ks = items(p.keys);
      ks.forEach((k, i) => {
        if (find1(d.k, k) >= count(d.k)) throw new QError('match');
        matchPat(p.ps[i] ?? { k: 'null' }, index(d, k), fr, ev, out);
      });
      return v;
    }
    case 'cols': {
      // bracket dictionaries and tables: each name picks a key or a column
      const src = v.t === T.Dict && (v as Dict).k.t === T.Table ? unkeyed(v as Dict) : v;
      if (src.t !== T.Dict && src.t !== T.Table) throw new QError('type');
      // a filter that changes an entry (:x+ amends at depth) changes it in the pattern's value too
      let changed: Q = v;
      p.names.forEach((nm, i) => {
        const has = src.t === T.Table ? (src as Table).c.includes(nm) : find1((src as Dict).k, sym(nm)) < count((src as Dict).k);
        if (!has) throw new QError('match');
        const was = index(src, sym(nm)), now = matchPat(p.ps[i], was, fr, ev, out);
        if (now !== was && !match(now, was)) changed = replaceEntry(changed, nm, now);
      });
      return changed;
    }
    case 'bang': {
      if (v.t !== T.Dict) throw new QError('type');
      if (p.kp) matchPat(p.kp, (v as Dict).k, fr, ev, out);
      if (p.vp) matchPat(p.vp, (v as Dict).v, fr, ev, out);
      return v;
    }
    case 'flip': {
      if (v.t !== T.Table) throw new QError('type');
      matchPat(p.p, flip(v), fr, ev, out);
      return v;
    }
    case 'type': {
      const c = p.c, t = TYPE_CHARS.indexOf(c.toLowerCase());
      const ok = c === '*' ? v.t === T.List : c === c.toLowerCase() ? v.t === -t : v.t === t;
      if (!ok) throw new QError('type');
      return matchPat(p.p, v, fr, ev, out);
    }
    case 'filter': return matchPat(p.p, apply1(ev(p.f, fr), v), fr, ev, out);
  }
}

/** v with the entry (key of a dictionary, column of a table or keyed table) named nm set to x. */
function replaceEntry(v: Q, nm: string, x: Q): Q {
  if (v.t === T.Table) { const t = v as Table, j = t.c.indexOf(nm), d = t.d.slice(); d[j] = x; return { ...t, d } as Table; }
  const d = v as Dict;
  if (d.k.t === T.Table) {
    const k = d.k as Table;
    return k.c.includes(nm) ? { ...d, k: replaceEntry(k, nm, x) } as Dict : { ...d, v: replaceEntry(d.v, nm, x) } as Dict;
  }
  const i = find1(d.k, sym(nm)), vs = items(d.v).slice();
  vs[i] = x;
  return { ...d, v: fromItems(vs) } as Dict;
}

function unkeyed(d: Dict): Q {
  const k = d.k as Table, v = d.v as Table;
  return { t: T.Table, c: [...k.c, ...v.c], d: [...k.d, ...v.d] } as Table;
}
export { symVec };
export type { Atom, Vec };

// .j.j and .j.k: q values to JSON text and back.
import { T } from '../value/types.js';
import { Q, str, text, sym, symVec, dict, list, fromItems, floatVec, table, Dict } from '../value/value.js';
import { QError } from '../value/error.js';
import { toJson } from '../format/html.js';
import { hooks } from './hooks.js';

export const jj = (x: Q): Q => str(toJson(x, hooks.precision()));

/** .j.k: numbers become floats, strings char vectors, objects dictionaries, arrays of like objects tables. */
export function jk(x: Q): Q {
  if (x.t !== T.Char && x.t !== -T.Char) throw new QError('type');
  let v: unknown;
  try { v = JSON.parse(text(x)); } catch { throw new QError('badjson'); }
  return fromJs(v);
}
function fromJs(v: unknown): Q {
  if (v === null) return { t: -T.Float, v: NaN } as Q;
  if (typeof v === 'number') return { t: -T.Float, v } as Q;
  if (typeof v === 'boolean') return { t: -T.Bool, v: v ? 1 : 0 } as Q;
  if (typeof v === 'string') return str(v);
  if (Array.isArray(v)) {
    if (v.length && v.every(e => typeof e === 'number' || e === null)) return floatVec(v.map(e => e === null ? NaN : e as number));
    const items = v.map(fromJs);
    if (items.length && items.every(e => e.t === T.Dict)) return fromItems(items);
    return items.length && items.every(e => e.t === -T.Bool) ? fromItems(items) : list(items);
  }
  const o = v as Record<string, unknown>, ks = Object.keys(o);
  const vals = ks.map(k => fromJs(o[k]));
  const allAtoms = vals.every(e => e.t < 0 && e.t === vals[0].t);
  return dict(symVec(ks), allAtoms && vals.length ? fromItems(vals) : list(vals));
}
export { sym, table };
export type { Dict };

// JSON text of q values and q values of JSON text, as kdb+'s .j.j and .j.k (ref/dotj.md).
import { T } from '../value/types.js';
import { Q, Atom, Vec, Dict, Table, count, item, items, isKeyed, text, str, symVec, dict, list, table, fromItems, floatVec, charText } from '../value/value.js';
import { QError } from '../value/error.js';
import { deenum } from '../value/enums.js';
import { itemText } from './text.js';
import { s1, numbersText } from './console.js';

export interface JsonOpts { /** \P: floats are written as `string` writes them */ P: number; /** .j.jd's null0w: infinities as null */ null0w?: boolean }

/** A table with its key columns joined on (keyed tables are written as their rows, as .h.tx does). */
export function unkeyed(x: Q): Table | null {
  if (x.t === T.Table) return x as Table;
  if (isKeyed(x)) { const d = x as Dict, k = d.k as Table, v = d.v as Table; return { t: T.Table, c: [...k.c, ...v.c], d: [...k.d, ...v.d] }; }
  return null;
}

/** An ISO-8601 form of a temporal: kdb+'s dots in the date part become dashes, D becomes T. */
const iso = (s: string) => s.replace(/^(-?\d{4})\.(\d\d)(?:\.(\d\d))?/, (_m, y, mo, d) => d ? `${y}-${mo}-${d}` : `${y}-${mo}`).replace(/^(\d{4}-\d\d-\d\d)D/, '$1T');

/** A JSON string: as JSON.stringify writes it, but a byte a name kept (q/value/utf8.ts) stays that byte,
 *  as kdb+ writes a string's bytes as they are (JSON.stringify would write a lone surrogate as \udcXX). */
function jstr(s: string): string {
  const j = JSON.stringify(s);
  return j.includes('\\udc') ? j.replace(/(\\+)udc([89a-f][0-9a-f])/g, (m, bs: string, h: string) => bs.length % 2 ? bs.slice(1) + String.fromCharCode(0xdc00 + parseInt(h, 16)) : m) : j;
}

/** A null's or an infinity's text as JSON: nulls are null; infinities inf/-inf, or null under .j.jd's
 *  null0w; any other text as it is. */
const special = (s: string, o: JsonOpts): string => s === '0n' || s === '0N' ? 'null' : /^-?0[wW]$/.test(s) ? (o.null0w ? 'null' : s[0] === '-' ? '-inf' : 'inf') : s;

/** One item of basic type t (abs) with payload v. */
function itemJson(t: number, v: any, o: JsonOpts): string {
  switch (t) {
    case T.Bool: return v ? 'true' : 'false';
    case T.Char: return jstr(charText(v));
    case T.Sym: return jstr(v);
  }
  const s = special(itemText(t, v, o.P), o);
  if (s === 'null' || s === 'inf' || s === '-inf') return s;
  if (t === T.Short || t === T.Int || t === T.Long || t === T.Real || t === T.Float) return s;
  if (t === T.Timestamp || t === T.Month || t === T.Date || t === T.Datetime) return JSON.stringify(iso(s));
  return JSON.stringify(s);
}

/** .j.j: dictionaries are objects, tables arrays of row objects, lists arrays, :: null. */
export function toJson(x: Q, o: JsonOpts): string {
  if (x.t === -T.Enum || x.t === T.Enum) x = deenum(x);
  if (x.t < 0 && x.t > -20) return itemJson(-x.t, (x as Atom).v, o);
  if (x.t === T.Char) return jstr(text(x));
  if (x.t > 0 && x.t < 20) {
    const n = count(x);
    // many numbers: written as bytes, as the console writes them (a million floats took 290 ms)
    if (n > 256 && (x.t === T.Long || x.t === T.Int || x.t === T.Short || x.t === T.Float)) return '[' + numbersText(x as Vec, o.P, true, 44, s => special(s, o)) + ']';
    const out = new Array<string>(n);
    for (let i = 0; i < n; i++) out[i] = itemJson(x.t, (item(x, i) as Atom).v, o);
    return '[' + out.join(',') + ']';
  }
  if (x.t === T.List) return '[' + items(x).map(e => toJson(e, o)).join(',') + ']';
  const t = unkeyed(x);
  if (t) {
    const rows = new Array<string>(count(t)), keys = t.c.map(c => jstr(c) + ':');
    for (let r = 0; r < rows.length; r++) rows[r] = '{' + t.d.map((c, k) => keys[k] + toJson(item(c, r), o)).join(',') + '}';
    return '[' + rows.join(',') + ']';
  }
  if (x.t === T.Dict) {
    const d = x as Dict, ks = items(d.k);
    return '{' + ks.map((k, i) => jstr(keyText(k, o)) + ':' + toJson(item(d.v, i), o)).join(',') + '}';
  }
  // :: is null; a function is written as its text
  if (x.t === T.Unary && (x as any).name === '::') return 'null';
  return JSON.stringify(s1(x, o.P));
}
const keyText = (k: Q, o: JsonOpts): string => {
  if (k.t === -T.Enum) k = deenum(k);
  if (k.t === -T.Sym) return (k as Atom).v;
  if (k.t === T.Char || k.t === -T.Char) return text(k);
  return k.t < 0 && k.t > -20 ? itemText(-k.t, (k as Atom).v, o.P) : s1(k, o.P);
};

/**
 * .j.k: numbers become floats, strings char vectors, true/false booleans, null a float null, objects
 * dictionaries with symbol keys, arrays of numbers float vectors, arrays of like objects tables.
 */
export function fromJson(src: string): Q {
  let v: unknown;
  try { v = JSON.parse(infinities(src)); } catch { throw new QError('badjson'); }
  return fromJs(v);
}
/** src with the bare inf and -inf that .j.j writes for infinities (ref/dotj) as numbers JSON.parse reads as
 *  them (1e999); what is inside a string is left as it is. */
function infinities(src: string): string {
  if (!src.includes('inf')) return src;
  return src.replace(/"(?:[^"\\]|\\.)*"|(-?)\binf\b/g, (m, sign: string | undefined) => m[0] === '"' ? m : sign + '1e999');
}
/** Objects of the same keys as a table, its columns made of their values as they are: a column of
 *  objects stays a list of dictionaries (kdb+'s .j.k: TorQ-Bikes' cities, bike_types a 0h column). */
function rows(xs: Dict[]): Q | null {
  const k0 = xs[0].k;
  if (k0.t !== T.Sym || !xs.every(x => x.k.t === T.Sym && count(x.k) === count(k0) && items(x.k).every((k, i) => (k as Atom).v === (item(k0, i) as Atom).v))) return null;
  const names = items(k0).map(k => (k as Atom).v as string);
  if (!names.length) return null;
  return table(names, names.map((_, j) => { const cells = xs.map(x => item(x.v, j)); return cells.some(c => c.t === T.Dict) ? list(cells) : fromItems(cells); }));
}
function fromJs(v: unknown): Q {
  if (v === null) return { t: -T.Float, v: NaN } as Q;
  if (typeof v === 'number') return { t: -T.Float, v } as Q;
  if (typeof v === 'boolean') return { t: -T.Bool, v: v ? 1 : 0 } as Q;
  if (typeof v === 'string') return str(v);
  if (Array.isArray(v)) {
    if (v.length && v.every(e => typeof e === 'number' || e === null)) return floatVec(v.map(e => e === null ? NaN : e as number));
    const xs = v.map(fromJs);
    // a list of objects with the same keys is a table; of booleans a boolean vector
    if (xs.length && xs.every(e => e.t === T.Dict)) return rows(xs as Dict[]) ?? list(xs);
    if (xs.length && xs.every(e => e.t === -T.Bool)) return fromItems(xs);
    return list(xs);
  }
  const o = v as Record<string, unknown>, ks = Object.keys(o);
  const vals = ks.map(k => fromJs(o[k]));
  const uniform = vals.length > 0 && vals.every(e => e.t < 0 && e.t === vals[0].t);
  // (and objects of the same keys a table, as a list of conforming dictionaries is)
  return dict(symVec(ks), uniform || vals.length > 0 && vals.every(e => e.t === T.Dict) ? fromItems(vals) : list(vals));
}

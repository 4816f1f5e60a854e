// Atomic extension, written once: a primitive defined on atoms and simple vectors reaches through
// general lists, dictionaries and tables item by item, with kdb+'s length rules.
import { T } from '../value/types.js';
import { Q, Dict, Table, List, count, item, items, fromItems, dict, table, list, isFn, isKeyed, nullItem } from '../value/value.js';
import { QError } from '../value/error.js';
import { findMany } from './find.js';

/** A kernel on atoms or simple vectors (either side may be an atom). */
export type Kernel2 = (x: Q, y: Q) => Q;
export type Kernel1 = (x: Q) => Q;

const simple = (x: Q) => (x.t < 0 && x.t >= -T.Enum) || (x.t > 0 && x.t <= T.Enum);

/** yOnly: what a value of y becomes under a key x lacks (the value itself unless given: Subtract negates
 *  it, as kdb+'s "upsert semantics" show: d-`c!1 2 is `c!-1 -2 for a d without c). vsNull: a key on one
 *  side only meets the other side's null instead (comparisons: (`a`b!1 2)=`b`c!2 3 is a|0 b|1 c|0, as
 *  q4m records). */
export function atomic2(k: Kernel2, yOnly?: Kernel1, vsNull = false): Kernel2 {
  const go = (x: Q, y: Q): Q => {
    if (simple(x) && simple(y)) {
      if (x.t > 0 && y.t > 0 && count(x) !== count(y)) throw new QError('length');
      return k(x, y);
    }
    // (a dictionary with a table is a dictionary with a list, the table's rows: its values meet the table,
    // d*t is d's keys over d's values times t's rows, kt+t kt's keys over its value table plus t; a column
    // came out a dictionary)
    if ((x.t === T.Table || y.t === T.Table) && x.t !== T.Dict && y.t !== T.Dict) {
      if (x.t === T.Table && y.t === T.Table) {
        const a = x as Table, b = y as Table;
        if (count(a) !== count(b)) throw new QError('length');
        // columns as a dictionary's keys: those in both combine, the rest are kept (y's as a y alone gives:
        // x pj y is x+0^y[cols#x], which brings y's other columns in)
        const cs = [...a.c, ...b.c.filter(c => !a.c.includes(c))];
        return table(cs, cs.map((c, i) => { const j = b.c.indexOf(c); return i >= a.c.length ? (yOnly ? yOnly(b.d[j]) : b.d[j]) : j < 0 ? a.d[i] : go(a.d[i], b.d[j]); }));
      }
      if (x.t === T.Table) { const a = x as Table; return table(a.c, a.d.map(c => go(c, y))); }
      const b = y as Table; return table(b.c, b.d.map(c => go(x, c)));
    }
    if (x.t === T.Dict || y.t === T.Dict) {
      if (isKeyed(x) && isKeyed(y)) return keyedPair(x as Dict, y as Dict, go, yOnly);
      if (x.t === T.Dict && y.t === T.Dict) return dictPair(x as Dict, y as Dict, go, yOnly, vsNull);
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
function dictPair(a: Dict, b: Dict, go: Kernel2, yOnly?: Kernel1, vsNull = false): Q {
  const ak = items(a.k), bk = items(b.k);
  const { match } = matchMod;
  const keys = [...ak], vals = items(a.v).slice();
  const bv = items(b.v), met = new Uint8Array(ak.length);
  // (the null of the other side's values, or of the value's own type where those are a general list)
  const nullFor = (other: Q, own: Q) => other.t > 0 && other.t < T.Table ? nullItem(other) : nullItem(fromItems([own]));
  const slots = keySlots(a.k, b.k);
  for (let j = 0; j < bk.length; j++) {
    const i = slots ? slots[j] : keys.findIndex(k => match(k, bk[j]));
    if (i >= 0) { vals[i] = go(vals[i], bv[j]); met[i] = 1; }
    else { keys.push(bk[j]); vals.push(vsNull ? go(nullFor(a.v, bv[j]), bv[j]) : yOnly ? yOnly(bv[j]) : bv[j]); }
  }
  if (vsNull) for (let i = 0; i < ak.length; i++) if (!met[i]) vals[i] = go(vals[i], nullFor(b.v, vals[i]));
  return dict(fromItems(keys), fromItems(vals));
}
import * as matchMod from './match.js';
/** Where each of b's keys is among a's keys and then b's new ones, in the order they are added (-1: the
 *  first of a new key, added there), found by hash when the two are keys of one type; null if not. (A
 *  scan of the keys for each key was quadratic: a search that |: a dictionary of thousands of states
 *  each step, AoC 2022 day 16.) */
function keySlots(a: Q, b: Q): Int32Array | null {
  if (a.t !== b.t) return null;
  const inA = findMany(a, b), n = count(a), m = count(b), r = new Int32Array(m), added = new Map<number, number>();
  let inB: Int32Array | number[] | null = null, next = n;
  for (let j = 0; j < m; j++) {
    if (inA[j] < n) { r[j] = inA[j]; continue; }
    inB ??= findMany(b, b);
    // (a key b has twice, not in a: its later ones meet the one added)
    const f = inB[j];
    if (f === j) { r[j] = -1; added.set(j, next++); } else r[j] = added.get(f)!;
  }
  return r;
}

/**
 * Two keyed tables combine row by key, as two dictionaries do (ref/add "upsert semantics"): a key in both
 * combines the value columns they share; a key only in y is appended with y's values.
 */
function keyedPair(a: Dict, b: Dict, go: Kernel2, yOnly?: Kernel1): Q {
  const ka = a.k as Table, kb = b.k as Table, va = a.v as Table, vb = b.v as Table;
  // rows pair by key: the two must have the same key columns
  if (ka.c.length !== kb.c.length || ka.c.some(c => !kb.c.includes(c))) throw new QError('mismatch');
  const na = count(ka), nb = count(kb);
  const rowKey = (t: Table, i: number) => t.d.map(c => item(c, i));
  const aKeys = Array.from({ length: na }, (_, i) => rowKey(ka, i));
  const same = (p: Q[], q: Q[]) => p.length === q.length && p.every((v, k) => matchMod.match(v, q[k]));
  const extra: number[] = [];
  const hit = new Map<number, number>();
  for (let j = 0; j < nb; j++) {
    const kj = kb.c.map(c => { const i = ka.c.indexOf(c); return i; });
    const row = rowKey(kb, j), ordered = ka.c.map((_, i) => row[kj.indexOf(i)]);
    const i = aKeys.findIndex(r => same(r, ordered));
    if (i >= 0) hit.set(i, j); else extra.push(j);
  }
  const keyCols = ka.c.map((c, i) => fromItems([...items(ka.d[i]), ...extra.map(j => item(kb.d[kb.c.indexOf(c)], j))]));
  const cols = va.c.slice();
  for (const c of vb.c) if (!cols.includes(c)) cols.push(c);
  const valCols = cols.map(c => {
    const ia = va.c.indexOf(c), ib = vb.c.indexOf(c);
    const out: Q[] = [];
    for (let i = 0; i < na; i++) {
      const j = hit.get(i);
      const av = ia >= 0 ? item(va.d[ia], i) : undefined, bv = j !== undefined && ib >= 0 ? item(vb.d[ib], j) : undefined;
      out.push(av && bv ? go(av, bv) : av ?? (bv && yOnly ? yOnly(bv) : bv) ?? nullItem(vb.d[ib]));
    }
    for (const j of extra) out.push(ib >= 0 ? (yOnly ? yOnly(item(vb.d[ib], j)) : item(vb.d[ib], j)) : nullItem(va.d[ia]));
    return fromItems(out);
  });
  return dict(table(ka.c, keyCols), table(cols, valCols));
}

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

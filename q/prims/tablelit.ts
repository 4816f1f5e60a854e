// Table literals ([] a:..; b:..) and ([k:..] v:..): atoms extend to the common length.
import { T } from '../value/types.js';
import { Q, Vec, List, count, fromItems, table, dict, items, list, sliceQ } from '../value/value.js';
import { symName } from '../value/sym.js';
import { QError } from '../value/error.js';

export function tableLiteral(a: Q[]): Q {
  const [kn, kv, vn, vv] = a;
  const names = (x: Q) => Array.from((x as Vec).d as Int32Array, symName);
  const knames = names(kn), vnames = names(vn);
  const kcols = items(kv), vcols = items(vv);
  // kdb+ 4.1: ([a:1;b:2]) with no value columns is a dictionary literal
  if (knames.length && !vnames.length) return dict(kn, fromItems(kcols));
  let n = -1;
  for (const c of [...kcols, ...vcols]) if (c.t >= 0 && c.t < T.Table) { const m = count(c); if (n >= 0 && m !== n) throw new QError('length'); n = m; }
  // (atoms extend to the lists' length: with no list there is none, 'rank, as kdb+ 4 signals for
  // ([]sym:`JPM;size:100;price:3.45), a KX course notebook)
  if (n < 0) throw new QError('rank');
  // (none of an atom is its type's empty list, as 0#`x is: ([]a:`float$();c:`x) has a symbol column c)
  const fix = (c: Q): Q => c.t >= 0 ? c : n ? fromItems(new Array(n).fill(c)) : sliceQ(fromItems([c]), 0, 0);
  const vals = table(vnames, vcols.map(fix));
  if (!knames.length) return vals;
  return dict(table(knames, kcols.map(fix)), vals);
}
/** The literal with some values missing, as a projection: names of the keys and columns, then every value. */
export function tableProjection(a: Q[]): Q {
  const nk = count(a[0]);
  return tableLiteral([a[0], list(a.slice(2, 2 + nk)), a[1], list(a.slice(2 + nk))]);
}
export type { List };

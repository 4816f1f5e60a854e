// Joins: lj ljf ij ijf uj ujf pj ej aj aj0 asof, and fby. Rows are matched on their key values (hashed
// through keyText); a missing match gives nulls, as kdb+ does.
import { T } from '../value/types.js';
import { Q, Atom, Vec, Prim, List, Dict, Table, vec, count, item, items, fromItems, list, dict, table, longVec, nullItem, isKeyed, isNullV, symVec, sliceQ } from '../value/value.js';
import { QError } from '../value/error.js';
import { index, stepRows } from './index.js';
import { join } from './join.js';
import { unkey, keyText, take } from './list.js';
import { compareQ } from './order.js';
import { add } from './arith.js';
import { fill } from './shifts.js';
import { xkey } from './tables.js';
import { apply1, apply } from './apply.js';
import { deenum } from '../value/enums.js';
import { hooks } from './hooks.js';
import { groupRows, groupIds, firstMatches } from './groupby.js';
import { alloc, allocRaw, fresh, ints } from '../value/storage.js';
import { findMany } from './find.js';
import * as kernels from '../kernels/index.js';

const col = (t: Table, c: string) => { const j = t.c.indexOf(c); if (j < 0) throw new QError(c); return t.d[j]; };
/** A hashable text of row r over the given columns (enumerations compare by their symbols). */
const rowKey = (cs: Q[], r: number) => cs.length === 1 ? keyText(item(cs[0], r)) : cs.map(c => keyText(item(c, r))).join('\u0001');
const plainCols = (cs: Q[]) => cs.map(c => c.t === T.Enum ? deenum(c) : c);
/** Row keys for matching rows of two tables: one typed column of the same type on both sides keys by
 * its raw items (symbol ids, ints, longs), with no text per row; otherwise by the rows' text. */
function keyers(a: Q[], b: Q[]): [(r: number) => unknown, (r: number) => unknown] {
  if (a.length === 1 && a[0].t === b[0].t && a[0].t > 0 && a[0].t < 20 && a[0].t !== T.Guid && a[0].t !== T.Float && a[0].t !== T.Real) {
    const da = (a[0] as Vec).d as ArrayLike<unknown>, db = (b[0] as Vec).d as ArrayLike<unknown>;
    return [r => da[r], r => db[r]];
  }
  return [r => rowKey(a, r), r => rowKey(b, r)];
}

export function lookupKeyed(t: Table, kt: Dict): { rows: ArrayLike<number>; vt: Table } {
  const kk = kt.k as Table, vt = kt.v as Table;
  // a keyed table marked sorted is a step function: each row takes the last key at or below its own
  // (kb/temporal-data: x lj ph with ph `s#, a phone number in force from its date on)
  // (t must have every key column: col signals the name it lacks)
  if (kt.a === 1) { kk.c.forEach(c => col(t, c)); return { rows: stepRows(kk, t), vt }; }
  const kcols = plainCols(kk.d), tcols = plainCols(kk.c.map(c => col(t, c)));
  // keys of different types never match: kdb+ signals a type error
  kcols.forEach((k, j) => { const c = tcols[j]; if (k.t !== c.t && k.t > 0 && c.t > 0 && k.t < 20 && c.t < 20) throw new QError('type'); });
  // one key column of one simple type: Find's hash (in wasm), the first match of each key as kdb+ takes it
  if (kcols.length === 1 && kcols[0].t === tcols[0].t && kcols[0].t > 0 && kcols[0].t < 20) {
    const p = findMany(kcols[0], tcols[0]), n = count(kcols[0]), rows = allocRaw(T.Int, p.length) as Int32Array;
    for (let r = 0; r < p.length; r++) rows[r] = p[r] < n ? p[r] : -1;
    return { rows, vt };
  }
  // several key columns: the key rows and t's rows grouped together (the group kernels, by the columns'
  // items; floats, which match as their text does, take the general way), then each of t's rows takes
  // the first key row of its group
  const nk = count(kk), nt = count(t), found = firstMatches(kcols, tcols, -1);
  if (found) return { rows: found, vt };
  const [kk1, tk1] = keyers(kcols, tcols);
  const pos = new Map<unknown, number>();
  for (let r = nk - 1; r >= 0; r--) pos.set(kk1(r), r);
  const rows = new Array<number>(nt);
  for (let r = 0; r < rows.length; r++) rows[r] = pos.get(tk1(r)) ?? -1;
  return { rows, vt };
}

/** t's columns with kt's value columns (vt) laid over them at each row's match in kt (rows; -1 for none):
 *  the work of lj, and of ij once it has kept the matched rows (fill: kt's nulls do not overwrite). */
function overlay(t: Table, rows: ArrayLike<number>, vt: Table, fill: boolean): { c: string[]; d: Q[] } {
  const c = [...t.c], d = [...t.d];
  const at = vec(T.Int, ints(rows));   // -1 is out of range: a null
  vt.c.forEach((name, j) => {
    const src = vt.d[j];
    const picked = index(src, at);
    const k = c.indexOf(name);
    if (k < 0) { c.push(name); d.push(picked); return; }
    // matched rows take kt's value; unmatched keep t's (item by item only for fills and mixed types)
    const old = d[k];
    if (!fill && old.t === picked.t && old.t > 0 && old.t < 20 && old.t !== T.Guid) {
      const o = (old as Vec).d.slice() as any, pd = (picked as Vec).d as any;
      for (let r = 0; r < rows.length; r++) if (rows[r] >= 0) o[r] = pd[r];
      d[k] = vec(old.t, o);
      return;
    }
    const out = new Array<Q>(rows.length);
    for (let r = 0; r < rows.length; r++) {
      const v = item(picked, r);
      out[r] = rows[r] < 0 || (fill && v.t < 0 && isNullV(-v.t, (v as Atom).v)) ? item(old, r) : v;
    }
    d[k] = fromItems(out);
  });
  return { c, d };
}
/** A keyed x's result keyed by x's own key columns again. */
function keyedLike(x: Q, c: string[], d: Q[]): Q {
  if (!isKeyed(x)) return table(c, d);
  const n = (((x as Dict).k) as Table).c.length;
  return dict(table(c.slice(0, n), d.slice(0, n)), table(c.slice(n), d.slice(n)));
}

/** t lj kt: t with kt's value columns for the matching key (ljf: kt's nulls do not overwrite). */
function leftJoin(fill: boolean) {
  return (x: Q, y: Q): Q => {
    // (nothing to join is x itself: kdb+'s lj takes () as its y, as its definition in q.k shows)
    if (isEmptyList(y) && (x.t === T.Table || isKeyed(x))) return x;
    if (!isKeyed(y)) throw new QError('type');
    const t = isKeyed(x) ? unkey(x as Dict) : x as Table;
    if (t.t !== T.Table) throw new QError('type');
    const { rows, vt } = lookupKeyed(t, y as Dict);
    const { c, d } = overlay(t, rows, vt, fill);
    return isKeyed(x) ? dict((x as Dict).k, table(c.slice((((x as Dict).k) as Table).c.length), d.slice((((x as Dict).k) as Table).c.length))) : table(c, d);
  };
}
/** A join whose x may be a table's name (ref/lj, ref/pj: since 4.1t 2023.08.04 the table is updated in
 *  place), answering with the name as aj does. */
const inPlace = (f: (x: Q, y: Q) => Q) => (x: Q, y: Q): Q => {
  if (x.t !== -T.Sym) return f(x, y);
  const name = (x as Atom).v as string;
  hooks.setGlobal(name, f(hooks.getGlobal(name), y));
  return x;
};
export const lj = inPlace(leftJoin(false));
export const ljf = inPlace(leftJoin(true));

/** t ij kt: only the rows of t whose key kt has, with kt's columns; a keyed t stays keyed. */
function innerJoin(fill: boolean) {
  return (x: Q, y: Q): Q => {
    if (!isKeyed(y)) throw new QError('type');
    const t = isKeyed(x) ? unkey(x as Dict) : x as Table;
    if (t.t !== T.Table) throw new QError('type');
    const { rows, vt } = lookupKeyed(t, y as Dict);
    // the rows with a match, counted and then written (in vector memory, which the gathers read), and
    // each one's match: the keys are looked up once
    let m = 0;
    for (let i = 0; i < rows.length; i++) if (rows[i] >= 0) m++;
    const keep = allocRaw(T.Int, m) as Int32Array, hit = allocRaw(T.Int, m) as Int32Array;
    for (let i = 0, j = 0; i < rows.length; i++) if (rows[i] >= 0) { keep[j] = i; hit[j++] = rows[i]; }
    const { c, d } = overlay(index(t, vec(T.Int, keep)) as Table, hit, vt, fill);
    return keyedLike(x, c, d);
  };
}
export const ij = innerJoin(false);
/** ijf: as ij before V3.0, a null in y leaves x's value. */
export const ijf = innerJoin(true);

/** ujf: as uj, but on keyed tables a null in y leaves x's value. */
export function ujf(x: Q, y: Q): Q {
  if (isEmptyList(x)) return y;
  if (isEmptyList(y)) return x;
  if (!isKeyed(x) || !isKeyed(y)) return uj(x, y);
  const kx = x as Dict, ky = y as Dict;
  const b = unkey(ky);
  // x widened with y's new columns, y's matched rows laid over it, then y's new keys appended
  const rowsOf = (d: Dict, r: number[]) => dict(index(d.k, longVec(r)), index(d.v, longVec(r)));
  const wide = uj(kx, rowsOf(ky, []));
  const hit = lookupKeyed(b, kx).rows;
  const fresh = Array.from(hit).map((r, i) => r < 0 ? i : -1).filter(i => i >= 0);
  return uj(ljf(wide, ky), rowsOf(ky, fresh));
}

/** t1 uj t2: all rows and all columns; keyed tables merge by key. */
export function uj(x: Q, y: Q): Q {
  // () on either side gives the other (kdb+'s uj begins $[()~x;y;()~y;x;..], as its q.k shows; a
  // config reader unions a list of tables starting from ())
  if (isEmptyList(x)) return y;
  if (isEmptyList(y)) return x;
  if (isKeyed(x) && isKeyed(y)) {
    // x's keys once each, at their first row: kdb+ takes (distinct keys of x, then y's) # x, then lj y
    const kx = distinctKeys(x as Dict), ky = y as Dict;
    const a = unkey(kx), b = unkey(ky);
    const allCols = [...a.c, ...b.c.filter(c => !a.c.includes(c))];
    const widen = (t: Table) => table(allCols, allCols.map(c => t.c.includes(c) ? col(t, c) : fromItems(new Array(count(t)).fill(nullOfCol(c, a, b)))));
    const ka = (kx.k as Table).c;
    // y's rows replace only the columns y has: a matched row keeps x's values elsewhere
    return join(keyBy(ka, widen(a)), ky);
  }
  const a = x as Table, b = y as Table;
  if (a.t !== T.Table || b.t !== T.Table) throw new QError('type');
  const allCols = [...a.c, ...b.c.filter(c => !a.c.includes(c))];
  return table(allCols, allCols.map(c => {
    const ca = a.c.includes(c) ? col(a, c) : fromItems(new Array(count(a)).fill(nullOfCol(c, a, b)));
    const cb = b.c.includes(c) ? col(b, c) : fromItems(new Array(count(b)).fill(nullOfCol(c, a, b)));
    return count(ca) ? (count(cb) ? join(ca, cb) : ca) : cb;
  }));
}
const isEmptyList = (x: Q): boolean => x.t === T.List && !count(x);
/** A keyed table with each key at its first row only. */
function distinctKeys(x: Dict): Dict {
  const k = x.k as Table, n = count(k), p = findMany(k, k);
  let dup = false;
  for (let i = 0; i < n && !dup; i++) dup = p[i] !== i;
  if (!dup) return x;
  const keep: number[] = [];
  for (let i = 0; i < n; i++) if (p[i] === i) keep.push(i);
  const r = longVec(keep);
  return dict(index(k, r), index(x.v, r)) as Dict;
}
function nullOfCol(c: string, a: Table, b: Table): Q {
  const src = a.c.includes(c) ? col(a, c) : col(b, c);
  return nullItem(src);
}
function keyBy(ks: string[], t: Table): Q {
  const rest = t.c.filter(c => !ks.includes(c));
  return dict(table(ks, ks.map(k => col(t, k))), table(rest, rest.map(c => col(t, c))));
}

/** t pj kt: kt's values added to t's matching rows (a missing match adds nothing). */
export const pj = inPlace(plusJoin);
function plusJoin(x: Q, y: Q): Q {
  if (!isKeyed(y)) throw new QError('type');
  // kdb+ defines it as x+0i^y(cols key y)#x: a keyed x keeps its key, and nulls in y add nothing
  if (isKeyed(x)) return xkey(symVec(((x as Dict).k as Table).c), plusJoin(unkey(x as Dict), y));
  if (x.t !== T.Table) throw new QError('type');
  const t = x as Table;
  const { rows, vt } = lookupKeyed(t, y as Dict);
  // -1 (no match) is out of range: a null
  const at = vec(T.Int, ints(rows));
  const c = [...t.c], d = [...t.d];
  vt.c.forEach((name, j) => {
    // a row with no match is all nulls (index out of range), and 0 fills every null
    const picked = fill({ t: -T.Int, v: 0 } as Atom, index(vt.d[j], at));
    const k = c.indexOf(name);
    if (k < 0) { c.push(name); d.push(picked); } else d[k] = add(d[k], picked);
  });
  return table(c, d);
}

/** Every pair of rows (one of a's, one of b's) whose keys agree, in a's order, then b's. */
function matchingRows(a: Q[], b: Q[]): [Int32Array, Int32Array] {
  const n1 = count(a[0]), n2 = count(b[0]);
  // each a row's first match in b; then b's rows of one key chained, so a row walks all its matches
  let first: ArrayLike<number>, next: Int32Array;
  if (a.length === 1 && a[0].t === b[0].t && a[0].t > 0 && a[0].t < 20 && a[0].t !== T.Guid && a[0].t !== T.Float && a[0].t !== T.Real) {
    // one simple key column: the wasm hash finds them
    first = findMany(b[0], a[0]);
    const own = findMany(b[0], b[0]), last = fresh(Int32Array, n2).fill(-1);
    next = fresh(Int32Array, n2);
    for (let r = n2 - 1; r >= 0; r--) { const f = own[r]; next[r] = last[f]; last[f] = r; }
  } else {
    const [kb, ka] = keyers(b, a), pos = new Map<unknown, number>(), f = fresh(Int32Array, n1);
    next = fresh(Int32Array, n2);
    for (let r = n2 - 1; r >= 0; r--) { const k = kb(r); next[r] = pos.get(k) ?? -1; pos.set(k, r); }
    for (let r = 0; r < n1; r++) f[r] = pos.get(ka(r)) ?? -1;
    first = f;
  }
  let m = 0;
  for (let r = 0; r < n1; r++) for (let j = first[r]; j >= 0 && j < n2; j = next[j]) m++;
  const left = allocRaw(T.Int, m) as Int32Array, right = allocRaw(T.Int, m) as Int32Array;
  m = 0;
  for (let r = 0; r < n1; r++) for (let j = first[r]; j >= 0 && j < n2; j = next[j]) { left[m] = r; right[m++] = j; }
  return [left, right];
}

/** ej[c;t1;t2]: every pair of rows of t1 and t2 that agree on the columns c. */
export function ej(a: Q[]): Q {
  const [cs, x, y] = a;
  const names = cs.t === -T.Sym ? [(cs as Atom).v as string] : items(cs).map(s => (s as Atom).v as string);
  // (tables by name or keyed are joined as their plain tables; anything else is no table)
  const plainOf = (v: Q): Table => { if (v.t === -T.Sym) v = hooks.getGlobal((v as Atom).v as string); const t = isKeyed(v) ? unkey(v as Dict) : v; if (t.t !== T.Table) throw new QError('type'); return t as Table; };
  const t1 = plainOf(x), t2 = plainOf(y);
  const k1 = plainCols(names.map(c => col(t1, c))), k2 = plainCols(names.map(c => col(t2, c)));
  const [left, right] = matchingRows(k1, k2);
  const lt = index(t1, vec(T.Int, left)) as Table, rt = index(t2, vec(T.Int, right)) as Table;
  const extra = rt.c.filter(c => !lt.c.includes(c));
  return table([...lt.c, ...extra], [...lt.d.map((d, i) => rt.c.includes(lt.c[i]) && !names.includes(lt.c[i]) ? col(rt, lt.c[i]) : d), ...extra.map(c => col(rt, c))]);
}

/** aj[c;t1;t2]: each row of t1 with the values of t2's last row at or before it, matching on the other
 * columns of c (aj0: t2's time too; ajf ajf0: t1's value where t2's is null). t1 may be given by name. */
function asofJoin(ownTime: boolean, fill: boolean) {
  return (a: Q[]): Q => {
    const [cs, x, y] = a;
    const names = cs.t === -T.Sym ? [(cs as Atom).v as string] : items(cs).map(s => (s as Atom).v as string);
    const byName = x.t === -T.Sym ? (x as Atom).v as string : null;
    const xv = byName ? hooks.getGlobal(byName) : x;
    const t1 = isKeyed(xv) ? unkey(xv as Dict) : xv as Table, t2 = isKeyed(y) ? unkey(y as Dict) : y as Table;
    if (t1.t !== T.Table || t2.t !== T.Table) throw new QError('type');
    const eqNames = names.slice(0, -1), tn = names[names.length - 1];
    const e1 = plainCols(eqNames.map(c => col(t1, c))), e2 = plainCols(eqNames.map(c => col(t2, c)));
    const time1 = col(t1, tn), time2 = col(t2, tn);
    const { rows, from, to } = candidates(e1, e2, count(t1), count(t2));
    // compare times by their raw items when both columns share a type
    const same = time1.t === time2.t && time1.t > 0 && time1.t < 20 && time1.t !== T.Sym && time1.t !== T.Guid;
    const d1 = same ? (time1 as Vec).d as ArrayLike<number | bigint> : null, d2 = same ? (time2 as Vec).d as ArrayLike<number | bigint> : null;
    const le = same ? (j: number, i: number) => d2![j] <= d1![i] : (j: number, i: number) => compareQ(item(time2, j), item(time1, i), false) <= 0;
    const n1 = count(t1), match = fresh(Int32Array, n1);
    if (same && (d1 instanceof Int32Array || d1 instanceof Int16Array)) {
      // times of one integer type (time, second, minute, date): compared in place, the hot loop; an int
      // null is the least value, as q orders it
      const a1 = d1 as ArrayLike<number>, a2 = d2 as ArrayLike<number>;
      for (let r = 0; r < n1; r++) {
        const tr = a1[r];
        let lo = from[r], hi = to[r];
        while (lo < hi) { const mid = (lo + hi) >> 1; if (a2[rows[mid]] <= tr) lo = mid + 1; else hi = mid; }
        match[r] = lo > from[r] ? rows[lo - 1] : -1;
      }
    } else for (let r = 0; r < n1; r++) {
      // the last of t2's rows of this key whose time is not after row r's
      let lo = from[r], hi = to[r];
      while (lo < hi) { const mid = (lo + hi) >> 1; if (le(rows[mid], r)) lo = mid + 1; else hi = mid; }
      match[r] = lo > from[r] ? rows[lo - 1] : -1;
    }
    const n2 = count(t2), at = fresh(Int32Array, n1);
    for (let r = 0; r < n1; r++) at[r] = match[r] < 0 ? n2 : match[r];
    const c = [...t1.c], d = [...t1.d];
    t2.c.forEach((name, j) => {
      if (eqNames.includes(name) || (name === tn && ownTime)) return;
      const picked = index(t2.d[j], { t: T.Int, d: at, a: 0 } as Q);
      const k = c.indexOf(name);
      if (k < 0) { c.push(name); d.push(picked); return; }
      // since 3.6 aj takes t2's value even when null; ajf keeps t1's where t2 has none or a null; aj0's time
      // is t2's where a row matched, t1's where none did (q4m's notebook, kdb+ 3.6: 10:01:04 ge 150)
      const keepOwn = name === tn && !fill;
      if (!fill && !keepOwn) { d[k] = picked; return; }
      const out = new Array<Q>(n1);
      for (let r = 0; r < n1; r++) {
        const v = item(picked, r);
        out[r] = match[r] < 0 || !keepOwn && v.t < 0 && isNullV(-v.t, (v as Atom).v) ? item(d[k], r) : v;
      }
      d[k] = fromItems(out);
    });
    const r = table(c, d);
    if (byName) { hooks.setGlobal(byName, r); return x; }
    return r;
  };
}
/**
 * For aj and wj: t2's rows of each key, in order, laid end to end (rows), and for each row of t1 the run of
 * its key's rows [from, to) (empty when t2 lacks the key). One key column of t1's type is grouped by the
 * group kernels and its runs made by a counting sort; other keys go through a Map of their text.
 */
function candidates(e1: Q[], e2: Q[], n1: number, n2: number): { rows: Int32Array; from: Int32Array; to: Int32Array } {
  const rows = fresh(Int32Array, n2), from = fresh(Int32Array, n1), to = fresh(Int32Array, n1);
  if (!e1.length) { for (let i = 0; i < n2; i++) rows[i] = i; to.fill(n2); return { rows, from, to }; }
  const a = e1[0], b = e2[0];
  if (e1.length === 1 && a.t === b.t && a.t > 0 && a.t < 20 && a.t !== T.Guid && a.t !== T.Float && a.t !== T.Real) {
    // t2's rows grouped by key (the group kernels), laid end to end by a counting sort on the group ids;
    // each t1 row's key found among the distinct keys only
    const g = groupIds([b], n2), ng = g.ng, gid = g.gid, start = fresh(Int32Array, ng + 1);
    for (let j = 0; j < n2; j++) start[gid[j] + 1]++;
    for (let k = 0; k < ng; k++) start[k + 1] += start[k];
    const at = start.slice(0, ng);
    for (let j = 0; j < n2; j++) rows[at[gid[j]]++] = j;
    const keys = index(b, { t: T.Int, d: Int32Array.from(g.firsts), a: 0 } as Vec), p = findMany(keys, a);
    for (let r = 0; r < n1; r++) { const k = p[r]; if (k < ng) { from[r] = start[k]; to[r] = start[k + 1]; } }
    return { rows, from, to };
  }
  const [k2, k1] = keyers(e2, e1), byKey = new Map<unknown, number[]>();
  for (let r = 0; r < n2; r++) { const k = k2(r); const l = byKey.get(k); if (l) l.push(r); else byKey.set(k, [r]); }
  const runs = new Map<unknown, [number, number]>();
  let o = 0;
  for (const [k, l] of byKey) { runs.set(k, [o, o + l.length]); for (const j of l) rows[o++] = j; }
  for (let r = 0; r < n1; r++) { const run = runs.get(k1(r)); if (run) { from[r] = run[0]; to[r] = run[1]; } }
  return { rows, from, to };
}

export const aj = asofJoin(true, false);
export const aj0 = asofJoin(false, false);
export const ajf = asofJoin(true, true);
export const ajf0 = asofJoin(false, true);

/** (f;x) fby g: f applied to x within each group of g, spread back over the rows. g may be a table
 * (several grouping columns). */
/** (f;x) fby g for the aggregates the group kernels compute over floats (max min sum avg) and count:
 *  one pass for the groups, one for the aggregate, and each row takes its group's value; else null. */
function byKernels(f: Q, x: Q, keys: Q[], n: number): Q | null {
  const name = f.t === T.Unary || f.t === T.Op ? (f as Prim).name : '';
  if (!['max', 'min', 'sum', 'avg', 'count'].includes(name) || n < kernels.SMALL || (name !== 'count' && x.t !== T.Float)) return null;
  if (keys.some(k => k.t <= 0 || k.t > T.Enum || count(k) !== n)) return null;
  const { gid, ng } = groupIds(keys, n);
  let per: Vec | null = null;
  if (name === 'count') { const c = kernels.gcount(gid, ng); per = c && longVec(c); }
  else if (name === 'max' || name === 'min') { const r = kernels.gminmax((x as Vec).d as Float64Array, gid, ng); per = r && vec(T.Float, name === 'max' ? r.max : r.min); }
  else { const r = kernels.gsumcount((x as Vec).d as Float64Array, gid, ng); per = r && vec(T.Float, name === 'sum' ? r.sum : r.sum.map((s, k) => s / r.cnt[k])); }
  const d = per && kernels.gather(per.t, per.d, gid);
  return d ? vec(per!.t, d) : null;
}
export function fby(fx: Q, g: Q): Q {
  if (fx.t !== T.List || count(fx) !== 2) throw new QError('type');
  const [f, x] = (fx as List).d;
  const n = count(g);
  if (count(x) !== n) throw new QError('length');
  const keys = g.t === T.Table ? (g as Table).d : [g];
  // no rows: none of the aggregate of nothing, so of its type (kdb+'s fby takes (count y)# of it)
  if (!n) { const v = apply1(f, x); return v.t < 0 ? take({ t: -T.Long, v: 0n } as Atom, v) : sliceQ(v, 0, 0); }
  const fast = byKernels(f, x, keys, n);
  if (fast) return fast;
  const gr = groupRows(keys, n);
  const vals = gr.members.map(m => apply1(f, index(x, { t: T.Int, d: m, a: 0 } as Q)));
  // one atom per group spreads over the group's rows; a uniform result lays its items back
  const t0 = vals.length ? vals[0].t : 0;
  if (t0 < 0 && t0 > -20 && t0 !== -T.Sym && t0 !== -T.Guid && vals.every(v => v.t === t0)) {
    const d = alloc(-t0, n) as any, gid = gr.gid;
    const per = vals.map(v => (v as Atom).v);
    for (let r = 0; r < n; r++) d[r] = per[gid[r]];
    return vec(-t0, d);
  }
  const out = new Array<Q>(n);
  gr.members.forEach((rows, k) => { const v = vals[k]; for (let i = 0; i < rows.length; i++) out[rows[i]] = v.t < 0 ? v : item(v, i); });
  return fromItems(out);
}
export { symVec, list };
export type { Vec };

/** wj[w;c;t;(q;(f0;c0);…)]: for each row of t, aggregates of q's rows in its window (wj1: without the
 * quote prevailing on entry to the window). */
function windowJoin(prevailing: boolean) {
  return (a: Q[]): Q => {
    const [w, cs, tq, spec] = a;
    // (t by name is joined in place since 4.1t 2023.08.04, ref/wj; a keyed t as its plain table)
    if (tq.t === -T.Sym) { const name = (tq as Atom).v as string; hooks.setGlobal(name, windowJoin(prevailing)([w, cs, hooks.getGlobal(name), spec])); return tq; }
    const names = items(cs).map(s => (s as Atom).v as string);
    const t = (isKeyed(tq) ? unkey(tq as Dict) : tq) as Table;
    if (t.t !== T.Table) throw new QError('type');
    const parts = items(spec), q = parts[0] as Table, aggs = parts.slice(1).map(p => items(p));
    const eq = names.slice(0, -1), tn = names[names.length - 1];
    const ek = plainCols(eq.map(c => col(q, c))), tk = plainCols(eq.map(c => col(t, c)));
    const qt = col(q, tn), n = count(t);
    // q's rows of each row's key, in row order (so their times ascend), as aj finds them
    const { rows: byKey, from, to } = candidates(tk, ek, n, count(q));
    const [begins, ends] = items(w);
    const results = aggs.map(() => new Array<Q>(n));
    // times of one fixed-width type on both sides compare raw; anything else as q compares them
    const raw = qt.t > 0 && qt.t < 20 && qt.t !== T.Guid && qt.t !== T.Sym && begins.t === qt.t && ends.t === qt.t;
    const qd = (qt as Vec).d as ArrayLike<number | bigint>, bd = (begins as Vec).d as ArrayLike<number | bigint>, ed = (ends as Vec).d as ArrayLike<number | bigint>;
    // the first of cand's rows whose time is not before v (or, after, is after v)
    const search = (cand: Int32Array, r: number, ofEnd: boolean): number => {
      let lo = 0, hi = cand.length;
      if (raw) { const v = (ofEnd ? ed : bd)[r]; while (lo < hi) { const m = (lo + hi) >> 1; if (ofEnd ? qd[cand[m]] <= v : qd[cand[m]] < v) lo = m + 1; else hi = m; } return lo; }
      const v = item(ofEnd ? ends : begins, r);
      while (lo < hi) { const m = (lo + hi) >> 1, c = compareQ(item(qt, cand[m]), v, false); if (ofEnd ? c <= 0 : c < 0) lo = m + 1; else hi = m; }
      return lo;
    };
    for (let r = 0; r < n; r++) {
      const cand = byKey.subarray(from[r], to[r]);
      // first quote at or after the window's start, and one before it when it prevails on entry
      let start = search(cand, r, false);
      // the prevailing quote is the one in force at the start: unless a quote arrives exactly then
      if (prevailing && start > 0 && !(start < cand.length && (raw ? qd[cand[start]] === bd[r] : compareQ(item(qt, cand[start]), item(begins, r), false) === 0))) start--;
      const end = Math.max(start, search(cand, r, true));
      const rows = { t: T.Int, d: cand.subarray(start, end), a: 0 } as Vec;
      aggs.forEach((ag, k) => {
        const f = ag[0], args = ag.slice(1).map(c => index(col(q, (c as Atom).v), rows));
        results[k][r] = apply(f, args);
      });
    }
    const extra = aggs.map(ag => (ag[ag.length - 1] as Atom).v as string);
    const c = [...t.c], d = [...t.d];
    // (the results join t as t,'flip names!results does: a name of t's replaces its column, and two
    // aggregations of one column are two columns of that name, as wp/transaction-cost's min and max price)
    extra.forEach((nm, k) => { const j = t.c.indexOf(nm); const v = fromItems(results[k]); if (j < 0) { c.push(nm); d.push(v); } else d[j] = v; });
    return table(c, d);
  };
}
export const wj = windowJoin(true);
export const wj1 = windowJoin(false);

/** t asof d: the values of t's other columns at the last row matching d's keys (the last being a time). */
export function asof(x: Q, y: Q): Q {
  // t a table, keyed or not; d a dictionary of named values or a table of them
  if (!(x.t === T.Table || isKeyed(x)) || !(y.t === T.Table || y.t === T.Dict && (y as Dict).k.t === T.Sym)) throw new QError('type');
  const t = isKeyed(x) ? unkey(x as Dict) : x as Table;
  const one = y.t === T.Dict;
  const yt = one ? table(items((y as Dict).k).map(k => (k as Atom).v), items((y as Dict).v).map(v => fromItems([v]))) : y as Table;
  const r = aj([symVec(yt.c), yt, table(t.c, t.d)]) as Table;
  const keep = r.c.map((c, i) => [c, i] as const).filter(([c]) => !yt.c.includes(c));
  const out = table(keep.map(([c]) => c), keep.map(([, i]) => r.d[i]));
  return one ? item(out, 0) : out;
}

// the iterators reach uj through the hooks (kt,'kt is uj: iter.ts)
hooks.uj = uj;
hooks.lj = lj;

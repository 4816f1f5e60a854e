// The iterators: each ('), over (/), scan (\), each-prior (':), each-right (/:), each-left (\:).
// Unary values converge, repeat or loop while; binary values fold; higher ranks fold over several lists.
import { T } from '../value/types.js';
import { infOf } from '../value/value.js';
import { Q, Vec, IterFn, Prim, Proj, Dict, Table, Atom, count, item, items, fromItems, dict, table, list, nullItem, isAtom, symVec, empty, isKeyed, sliceQ } from '../value/value.js';
import { QError } from '../value/error.js';
import * as kernels from '../kernels/index.js';
import { halves, nullHalves, from, rowsOf, words, WIDTH } from '../value/storage.js';
import { Collector } from '../value/collect.js';
import { apply, apply1, apply2, rankOf, project } from './apply.js';
import { match } from './match.js';
import { raze, flip } from './list.js';
import { hooks, roomForRows } from './hooks.js';
import { sv, vs } from './strings.js';
import { findMany } from './find.js';
import { index } from './index.js';
import { join } from './join.js';
import { PRIMS } from './registry.js';
import { intern } from '../value/sym.js';
import { drawState } from './random.js';

const ADV_T: Record<string, number> = { "'": T.Each, '/': T.Over, '\\': T.Scan, "':": T.Prior, '/:': T.EachRight, '\\:': T.EachLeft };
export const derive = (adv: string, f: Q): IterFn => ({ t: ADV_T[adv], adv, f });

/** Items of x for iteration; an atom is one item. Tables iterate by rows, dicts by values. */
const isListy = (x: Q) => (x.t >= 0 && x.t <= T.Enum) || x.t === T.Table || x.t === T.Dict;

/** Collect results into a vector when uniform; keep dict keys when iterating a dict. */
function collect(src: Q, rs: Q[]): Q {
  if (src.t === T.Dict) return dict((src as Dict).k, fromItems(rs));
  return fromItems(rs);
}
const gathered = (src: Q, c: Collector): Q => src.t === T.Dict ? dict((src as Dict).k, c.done()) : c.done();

/** An int vector with each picks, item by item, from the argument its value names: 0 1 0'[x;y]. */
function caseOf(f: Q, args: Q[]): Q {
  const sel = items(f), n = sel.length;
  for (const a of args) if (isListy(a) && count(a) !== n) throw new QError('length');
  // dictionaries stand in for lists when all have the same keys in the same order (ref/maps)
  const dicts = args.filter(a => a.t === T.Dict) as Dict[];
  if (dicts.some(d => !match(d.k, dicts[0].k))) throw new QError('domain');
  const r = new Array<Q>(n);
  for (let i = 0; i < n; i++) {
    const k = Number((sel[i] as Atom).v);
    if (k < 0 || k >= args.length) throw new QError('index');
    const a = args[k];
    r[i] = isListy(a) ? item(a.t === T.Dict ? (a as Dict).v : a, i) : a;
  }
  return fromItems(r);
}

function each(f: Q, args: Q[]): Q {
  if (f.t === T.Long || f.t === T.Int || f.t === T.Short) return caseOf(f, args);
  // keyed tables joined row by row by key: the keys of both, each row of x joined with y's of its key,
  // the columns one lacks null (what uj makes: gyorokpeter's AoC 2024 day 21, p,'np)
  if (f.t === T.Op && (f as Prim).name === ',' && args.length === 2 && isKeyed(args[0]) && isKeyed(args[1])) return hooks.uj(args[0], args[1]);
  if (args.length === 1) {
    const x = args[0];
    if (!isListy(x)) return apply1(f, x);
    // count each of a general list (of strings, most often): the counts, with no atom made for each
    // (an empty list gives () as every map does, ref/maps: "without an evaluation")
    if (x.t === T.List && count(x) && (f.t === T.Unary || f.t === T.Op) && ((f as Prim).name === 'count' || (f as Prim).name === '#:')) {
      const d = (x as { d: Q[] }).d, r = new Int32Array(2 * d.length);
      for (let i = 0; i < d.length; i++) r[2 * i] = count(d[i]);
      return { t: T.Long, d: new BigInt64Array(r.buffer), a: 0 } as Vec;
    }
    // an atomic unary (and string, but of chars) over a simple vector is the same applied to the whole,
    // with no atom made for each item: string each of a million longs took 0.8 s
    // (an empty one stays a map's generic empty list: ref/maps)
    if (x.t > 0 && x.t < T.Enum && count(x) && f.t === T.Unary) {
      const name = (f as Prim).name;
      if (PRIMS[name]?.atomic && PRIMS[name].m || name === 'string' && x.t !== T.Char) return apply1(f, x);
    }
    const n = count(x), r = new Array<Q>(n);
    // (each polls as the folds do: a map over millions of items that fills the engine's heap is 'wsfull,
    // where the engine ended the process)
    if (x.t === T.Dict) { const v = (x as Dict).v; for (let i = 0; i < n; i++) { poll(i); r[i] = apply1(f, item(v, i)); } return collect(x, r); }
    const c = new Collector(n);
    for (let i = 0; i < n; i++) { poll(i); c.push(apply1(f, item(x, i))); }
    return c.done();
  }
  // t,'u joins row dictionaries, which for two tables is the union of their columns, u's winning:
  // done column-wise, since row by row costs a dictionary per row
  if (args.length === 2 && f.t === T.Op && (f as Prim).name === ',' && args[0].t === T.Table && args[1].t === T.Table) {
    const [x, y] = args as [Table, Table];
    if (count(x) !== count(y)) throw new QError('length');
    const c = x.c.slice(), d = x.d.slice();
    y.c.forEach((name, j) => { const i = c.indexOf(name); if (i < 0) { c.push(name); d.push(y.d[j]); } else d[i] = y.d[j]; });
    return table(c, d);
  }
  // two dictionaries (or keyed tables) with different keys pair by key, as x+y pairs them: a key in one
  // only keeps its value (kdb+'s tick/c.q gathers rows by sym with .u.t,''select … by sym from x)
  if (args.length === 2 && args[0].t === T.Dict && args[1].t === T.Dict && !match((args[0] as Dict).k, (args[1] as Dict).k)) {
    const [x, y] = args as [Dict, Dict], nx = count(x.k), at = findMany(x.k, y.k);
    const vals = Array.from({ length: nx }, (_, i) => item(x.v, i)), extra: number[] = [];
    for (let j = 0; j < at.length; j++) {
      const i = at[j];
      if (i < nx) vals[i] = apply2(f, vals[i], item(y.v, j)); else { extra.push(j); vals.push(item(y.v, j)); }
    }
    const more = extra.length ? index(y.k, { t: T.Int, d: from(T.Int, extra), a: 0 } as Vec) : null;
    return dict(more ? join(x.k, more) : x.k, fromItems(vals));
  }
  // x,'y of two vectors of one fixed-width type and count: the pairs are the flip of the two, made with
  // no join of two atoms each (100 pairs 21 → 4 µs)
  if (args.length === 2 && f.t === T.Op && (f as Prim).name === ',' && args[0].t === args[1].t && args[0].t > 0 && args[0].t < T.Enum && args[0].t !== T.Guid && count(args[0]) && count(args[0]) === count(args[1])) return flip(list(args));
  // several arguments: atoms extend, lists must agree in length
  let n = -1, dictSrc: Q | null = null;
  for (const a of args) if (isListy(a)) { const c = count(a); if (n >= 0 && c !== n) throw new QError('length'); n = c; if (a.t === T.Dict) dictSrc = a; }
  if (n < 0) return apply(f, args);
  const r = new Collector(n);
  if (args.length === 2) {
    // two arguments (x,'y, x f' y) go straight to the dyadic form, without an argument list per item
    const [x, y] = args, xv = x.t === T.Dict ? (x as Dict).v : x, yv = y.t === T.Dict ? (y as Dict).v : y;
    const lx = isListy(x), ly = isListy(y);
    for (let i = 0; i < n; i++) { poll(i); r.push(apply2(f, lx ? item(xv, i) : x, ly ? item(yv, i) : y)); }
  } else for (let i = 0; i < n; i++) { poll(i); r.push(apply(f, args.map(a => isListy(a) ? item(a.t === T.Dict ? (a as Dict).v : a, i) : a))); }
  return dictSrc ? gathered(dictSrc, r) : r.done();
}

/** kdb+'s identity elements for folds of the operators. */
export function identity(f: Q): Q | null {
  if (f.t !== T.Op) return null;
  switch ((f as Prim).name) {
    case '+': case '-': return { t: -T.Long, v: 0n };
    case '*': case '%': return { t: -T.Long, v: 1n };
    case ',': return list([]);
  }
  return null;
}

/** |/ &/ of a long or int vector at once, as the fold gives it: a null is the least value. Null for other
 *  operators (+/ is sum, above). */
function foldInts(op: string, x: Vec): Q | null {
  if (op !== '|' && op !== '&') return null;
  const long = x.t === T.Long, n = count(x);
  // a short vector folds item by item as well (and its storage is not read as halves: see halves)
  if (n < 64) return null;
  // longs read as their 32-bit halves: no BigInt an item
  const w = long ? halves(x.d as BigInt64Array) : x.d as Int32Array;
  // | and &: the greatest or least, compared as signed 64-bit (high half, then the low half unsigned)
  let b = 0;
  const before = (i: number, j: number) => long ? w[2 * i + 1] < w[2 * j + 1] || (w[2 * i + 1] === w[2 * j + 1] && (w[2 * i] >>> 0) < (w[2 * j] >>> 0)) : w[i] < w[j];
  for (let i = 1; i < n; i++) if (op === '|' ? before(b, i) : before(i, b)) b = i;
  return item(x, b);
}

/** Folds, repeats and whiles poll as while and do do: 0W f/ x ends in 'stop (Ctrl-C) or 'wsfull. Once in 64
 *  steps: a poll costs more than a step of a primitive, and 64 steps do not outgrow the heap guard. */
function poll(i: number) { if (!(i & 63)) hooks.check(); }

function over(f: Q, args: Q[], scan: boolean): Q {
  // +/ is sum and +\ sums (ref/sum: "equivalent to +/"): over a vector, nulls count as zeros (sum 2 3 0N 7
  // is 12), and a seed is added to it (1+\0N 0N 1 0N is 1 1 2 2: gyorokpeter's AoC 2020 day 12)
  // (a list seed scans item by item: 1000 1001+\2 3 4 is a row for each item, weihong15's Iterators notebook)
  if (f.t === T.Op && (f as Prim).name === '+' && (args.length === 1 || args.length === 2 && (!scan || args[0].t < 0))) {
    const y = args[args.length - 1];
    if (y.t > 0 && y.t < 20 && y.t !== T.Sym && y.t !== T.Char && y.t !== T.Guid && count(y)) {
      const s = (scan ? PRIMS.sums.m : PRIMS.sum.m)!(y);
      return args.length === 1 ? s : apply2(f, args[0], s);
    }
  }
  // a float vector b scanned from a with c, a b\c, is {z+x*y}\[a;b;c] built in (ref/accumulators, since 3.1)
  // (a float atom b extends over c: 0 (.9)\.1*til 5 is an exponential moving sum, qtips' ewma)
  if ((f.t === T.Float || f.t === -T.Float) && args.length === 2) return linear(f.t < 0 ? fromItems(new Array(isListy(args[1]) ? count(args[1]) : 1).fill(f)) as Vec : f as Vec, args[0], args[1], scan);
  const r = rankOf(f);
  // (a dictionary given one argument maps it, converging, whatever its values: p\[3 3] of p:(…)!(…;…) walks
  // parents, ref/accumulators; gyorokpeter's AoC 2019 day 20)
  // (and given a count first, it is applied that many times: 1 play\ strategy of a dictionary of strings,
  // qbists' Advent of q 2022 day 2)
  const count1 = args.length === 2 && (args[0].t === -T.Long || args[0].t === -T.Int || args[0].t === -T.Short);
  // (an each-prior given a count repeats too: 2 &':/x is (&':) twice, agilmer1989's kx/bar notes record
  // 2 &':/3 1 4 5 2 0N 7 6 8 as 3 1 1 1 2 0N 0N 0N 6)
  if (r === 1 || (args.length === 2 && r === 1) || (f.t === T.Dict || f.t === T.Prior) && (args.length === 1 && f.t === T.Dict || count1)) return unaryOver(f, args, scan);
  if (args.length === 1) {
    const x = args[0];
    if (!isListy(x)) return x;
    let n = count(x);
    const src = x.t === T.Dict ? (x as Dict).v : x;
    if (n === 0) {
      // the scan of a primitive keeps the list (sums 0#0 is `long$()); of any other value, which is not
      // evaluated, the generic empty list (ref/accumulators: {x*y}\[0#0] is 0h)
      if (scan) return f.t === T.Op || x.t === T.Dict ? x : list([]);
      const id = identity(f);
      if (id) return id;
      // | and & over an empty vector give the type's smallest and largest values; other folds give ()
      // (and and or are & and | themselves, eval.ts primValue: ref/and, (and/)0#0 is 0W as (&/)0#0 is)
      const op = f.t === T.Op ? (f as Prim).name : undefined;
      if (x.t > 0 && x.t < 20 && (op === '|' || op === '&')) {
        const inf = infOf(x.t);
        if (inf !== undefined) return { t: -x.t, v: op === '&' ? inf : typeof inf === 'bigint' ? -inf : -inf } as Atom;
      }
      return list([]);
    }
    if (!scan && f.t === T.Op && (x.t === T.Long || x.t === T.Int)) { const r = foldInts((f as Prim).name, x as Vec); if (r) return r; }
    // ,/ is raze: one concatenation, where joining item by item copies the growing result each time
    if (!scan && f.t === T.Op && (f as Prim).name === ',') return raze(x);
    let acc = item(src, 0);
    // join starts from the empty list, so a first atom is enlisted: (,\)2 3 4 begins ,2
    if (f.t === T.Op && (f as Prim).name === ',' && acc.t < 0) acc = fromItems([acc]);
    if (!scan) { for (let i = 1; i < n; i++) { poll(i); acc = apply2(f, acc, item(src, i)); } return acc; }
    const out = new Collector(n); out.push(acc);
    for (let i = 1; i < n; i++) { poll(i); out.push(acc = apply2(f, acc, item(src, i))); }
    return gathered(x, out);
  }
  // seeded: x f/ y, or f/[x;y;z] folding several lists together
  let acc = args[0];
  const rest = args.slice(1);
  let n = -1;
  for (const a of rest) if (isListy(a)) { const c = count(a); if (n >= 0 && c !== n) throw new QError('length'); n = c; }
  if (n < 0) { const v = apply(f, [acc, ...rest]); return scan ? v : v; }
  const out = new Collector(n);
  for (let i = 0; i < n; i++) {
    poll(i);
    acc = apply(f, [acc, ...rest.map(a => isListy(a) ? item(a.t === T.Dict ? (a as Dict).v : a, i) : a)]);
    if (scan) out.push(acc);
  }
  if (!scan) return acc;
  const d = rest.find(a => a.t === T.Dict);
  return d ? gathered(d, out) : out.done();
}

const PLUS = { t: T.Op, name: '+' } as Prim, TIMES = { t: T.Op, name: '*' } as Prim;
/** b\[a;c] and b/[a;c] for a float vector b: from a, each step c[i]+r*b[i]. */
function linear(b: Vec, a: Q, c: Q, scan: boolean): Q {
  const n = count(b);
  if (isListy(c) && count(c) !== n) throw new QError('length');
  let acc = a;
  const out = new Array<Q>(n);
  for (let i = 0; i < n; i++) { poll(i); out[i] = acc = apply2(PLUS, isListy(c) ? item(c, i) : c, apply2(TIMES, acc, item(b, i))); }
  return scan ? fromItems(out) : acc;
}

/** What a function's results can depend on besides its argument: the globals and the random generator. */
const effects = (): string => hooks.changes() + ';' + drawState();

/** A unary value with over/scan: converge, repeat n times, or while a condition holds. */
function unaryOver(f: Q, args: Q[], scan: boolean): Q {
  const out = new Collector();
  if (args.length === 1) {
    let x = args[0];
    const first = x;
    if (scan) out.push(x);
    // kdb+ stops when a result matches the previous one or the first. A value that cycles without
    // either would run forever in kdb+ ((not/)42); wasq finds the cycle (Brent's method) and signals.
    // A value coming back is a cycle only when nothing else f sees has changed since: a function that
    // sets globals (an interpreter loop whose program counter is a global: adotsch's AoC 2015 day 23) or
    // draws random numbers goes on, as in kdb+
    let saved = first, power = 1, lam = 0, state = effects();
    for (;;) {
      hooks.check();
      const y = apply1(f, x);
      if (match(y, x) || match(y, first)) break;
      if (match(y, saved)) {
        if (effects() === state) throw new QError('cycle');
        saved = y; power = 1; lam = 0; state = effects();
      }
      if (++lam === power) { saved = y; power *= 2; lam = 0; state = effects(); }
      if (scan) out.push(y);
      x = y;
    }
    return scan ? out.done() : x;
  }
  const [c, x0] = args;
  let x = x0;
  if (c.t === -T.Long || c.t === -T.Int || c.t === -T.Short) {
    // a count below zero applies f no times (KX ml's combs[n;0] is (0-1) f/x, and its tests expect x)
    const n = Math.max(0, Number((c as Atom).v));
    if (!scan) { for (let i = 0; i < n; i++) { poll(i); x = apply1(f, x); } return x; }
    const col = new Collector(Math.min(n, 1 << 20) + 1);
    col.push(x);
    for (let i = 0; i < n; i++) { poll(i); x = apply1(f, x); col.push(x); }
    return col.done();
  }
  if (scan) out.push(x);
  {
    for (let i = 0; ; i++) {
      poll(i);
      const ok = apply1(c, x);
      if (!truthy(ok)) break;
      x = apply1(f, x);
      if (scan) out.push(x);
    }
  }
  return scan ? out.done() : x;
}

export function truthy(x: Q): boolean {
  // conditions are numeric or temporal atoms: zero is false; symbols, guids and lists are 'type
  if (!isAtom(x) || x.t === -T.Sym || x.t === -T.Guid) throw new QError('type');
  const v = (x as Atom).v;
  return typeof v === 'bigint' ? v !== 0n : typeof v === 'number' ? v !== 0 : !!v;
}

function prior(f: Q, args: Q[]): Q {
  // a unary's ': is each-parallel (peach is {x':y}): on secondary processes or threads where there are
  // some, else each
  if (args.length === 1 && rankOf(f) === 1) return hooks.peach(f, args[0]) ?? each(f, args);
  let seed: Q | undefined, x: Q;
  if (args.length === 2) { seed = args[0]; x = args[1]; } else x = args[0];
  const src = x.t === T.Dict ? (x as Dict).v : x;
  const n = count(src);
  if (!isListy(x)) return seed ? apply2(f, x, seed) : x;
  const out = new Array<Q>(n);
  // an atomic operator between neighbours of a simple vector is one vector operation after the first
  // item, f[1_x;-1_x] ((<>)':[r] over a 23000-character string took 40 ms item by item, differ 1)
  const op = f.t === T.Op ? PRIMS[(f as Prim).name] : undefined;
  const whole = op?.atomic && op.d && x.t > 0 && x.t < T.Enum && n > 1 ? op.d(sliceQ(x, 1, n), sliceQ(x, 0, n - 1)) : null;
  for (let i = 0; i < (whole ? 1 : n); i++) {
    const cur = item(src, i);
    if (i === 0) {
      if (seed) out[0] = apply2(f, cur, seed);
      // (less or plus its zero, times or divided by its one: the first item takes the others' type, as
      // deltas 1101b is 1 0 -1 1i and ratios 1 2 4 is 1 2 2f — ref/maps: the identity is the seed)
      // (& and | keep the first item, as their identities, the greatest and least values, would: (&':)3 1 4
      // is 3 1 1, as agilmer1989's notes record it)
      else if (identity(f) || f.t === T.Op && ((f as Prim).name === '&' || (f as Prim).name === '|')) {
        const nm = f.t === T.Op ? (f as Prim).name : '', one = nm === '*' || nm === '%' ? 1 : nm === '+' || nm === '-' ? 0 : -1;
        out[0] = one >= 0 && (cur.t === -T.Bool || cur.t <= -T.Byte && cur.t >= -T.Float) ? apply2(f, cur, { t: cur.t, v: typeof (cur as Atom).v === 'bigint' ? BigInt(one) : one } as Atom) : cur;
      }
      // (the seed is a null of the argument's type; between the rows of a matrix, the null of their items,
      // which compares with the whole first row: not(=':)maxs m over a character grid, AoC 2022 day 8)
      else out[0] = apply2(f, cur, src.t === T.List && cur.t > 0 && cur.t < T.Enum ? nullItem(cur) : nullItem(src));
    } else out[i] = apply2(f, cur, item(src, i - 1));
  }
  if (whole) {
    if (whole.t > 0 && whole.t === -out[0].t) return join(out[0], whole);
    for (let i = 1; i < n; i++) out[i] = item(whole, i - 1);
  }
  return collect(x, out);
}

export function iterApply(g: IterFn, args: Q[]): Q {
  const f = g.f;
  // the derived function has its value's rank (ref/maps): given fewer arguments than a value of rank 3
  // or more takes, it is projected (jbetz34's end of day: .[csave[…;;…]'[t];(17;2;6)])
  // (a lambda's rank, or a projection's of one: a primitive's, as @'s, depends on how it is applied)
  // (and a composition's, its last function's: (h')[x] of h:'[;] over (%[;2];3*;+) is a projection,
  // weihong15's Iterators notebook)
  if ((g.t === T.Each || g.t === T.Over || g.t === T.Scan) && args.length && (f.t === T.Lambda || f.t === T.Comp || f.t === T.Proj && (f as Proj).f.t === T.Lambda)) {
    const r = rankOf(f);
    // (each of a binary one too: f:{[a;b]…}each; f 0b waits for its second argument, where over and scan
    // given one argument reduce)
    if ((r >= 3 || r === 2 && g.t === T.Each) && args.length < r) return project(g, args);
  }
  // (an operator's each is binary too: .'[<>] waits for its pairs, d-frost's Project Euler 9; its unary
  // forms are other values, -:' or neg')
  if (g.t === T.Each && args.length === 1 && (f.t === T.Op || f.t === T.Unary) && /^[^a-z:]+$/.test((f as Prim).name) && !(f as Prim).name.endsWith(':')) return project(g, [args[0], undefined]);
  switch (g.t) {
    case T.Each: return each(f, args);
    case T.Over: return over(f, args, false);
    case T.Scan: return over(f, args, true);
    case T.Prior: return prior(f, args);
    case T.EachRight: case T.EachLeft: {
      // data before /: or \: is sv or vs, applied to one argument: (", "/:)("a";"b"), (0x0\:)3.14 (ref/maps)
      if (args.length === 1 && f.t < T.Lambda && f.t !== T.List) return g.t === T.EachRight ? sv(f, args[0]) : vs(f, args[0]);
      // a function's each left or right is binary: one argument projects it (funq's pf:pdt\:/:; pf[m] x)
      if (args.length === 1) return project(g, [args[0], undefined]);
      if (args.length !== 2) throw new QError('rank');
      // /: walks the right argument, \: the left; the other side stays whole
      const right = g.t === T.EachRight, [x, y] = args, walk = right ? y : x;
      if (!isListy(walk)) return apply2(f, x, y);
      if (f.t === T.Op && (f as Prim).name === ',') { const rows = joinRows(right ? x : y, walk, right); if (rows) return rows; }
      const src = walk.t === T.Dict ? (walk as Dict).v : walk;
      const n = count(src), r = new Array<Q>(n);
      for (let i = 0; i < n; i++) { poll(i); r[i] = right ? apply2(f, x, item(src, i)) : apply2(f, item(src, i), y); }
      return collect(walk, r);
    }
  }
  throw new QError('nyi');
}
/**
 * x,/:y (right) or x,\:y of a vector walked and, on the other side, a vector or atom of its fixed-width
 * type: the rows made together, as views of one block filled a word at a time, where a join an item went
 * through atoms (x,/:y of 20 longs: 3.9 → 2.3 µs). Null when the arguments are of another kind.
 */
function joinRows(whole: Q, walk: Q, right: boolean): Q | null {
  const t = walk.t;
  if (t <= 0 || t >= T.Enum || (whole.t !== t && whole.t !== -t) || !count(walk)) return null;
  const w = WIDTH[t], unit = w >= 4 ? 4 : w, k = w / unit;
  // (an atom as a vector of one: a symbol by its id, a guid by its bytes)
  const v = (whole as Atom).v, one = whole.t > 0 ? (whole as Vec).d : from(t, t === T.Sym ? [intern(v)] : t === T.Guid ? v : [v]);
  const vw = words((walk as Vec).d, unit) as Int32Array, ww = words(one, unit) as Int32Array;
  const n = vw.length / k, nw = ww.length / k, len = (nw + 1) * k;
  // (millions of rows past the engine's heap: 'wsfull before they are made, not the engine's end)
  roomForRows(n);
  const { all, rows } = rowsOf(t, n, nw + 1);
  const aw = words(all, unit) as Int32Array, out = new Array<Q>(n);
  for (let i = 0, base = 0; i < n; i++, base += len) {
    // the whole side's words (set() pays for itself past a few), then the item's (\: the item's first)
    const wAt = right ? base : base + k, iAt = right ? base + nw * k : base;
    if (nw * k > 16) aw.set(ww, wAt); else for (let j = 0; j < nw * k; j++) aw[wAt + j] = ww[j];
    for (let j = 0; j < k; j++) aw[iAt + j] = vw[i * k + j];
    out[i] = { t, d: rows[i], a: 0 } as Vec;
  }
  return list(out);
}
export { symVec, table, items, empty };

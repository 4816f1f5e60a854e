// The primitives table: every q glyph and keyword, with its monadic and dyadic forms and rank.
// A reader answers "what does # do" here and follows one name. Sections are grouped by family;
// entries point into the family modules.
import { PRIMS, PrimDef } from './registry.js';
import { T } from '../value/types.js';
import { Q, NIL, bool, long, isNil, fromItems } from '../value/value.js';
import { QError } from '../value/error.js';
import * as A from './arith.js';
import * as C from './compare.js';
import * as L from './list.js';
import * as E from './evaluation.js';
import { match } from './match.js';
import { join } from './join.js';
import { at, dot } from './apply-prims.js';
import { apply, apply1 } from './apply.js';
import { derive } from './iter.js';
import { tableLiteral } from './tablelit.js';

const nyi = (): never => { throw new QError('nyi'); };
const ident = (x: Q) => x;

const table: Record<string, PrimDef> = {
  // ---- operators (glyphs) ----------------------------------------------------------------------------
  '+': { m: L.flip, d: A.add, rank: 2, atomic: true },
  '-': { m: A.neg, d: A.subtract, rank: 2, atomic: true },
  '*': { m: L.first, d: A.multiply, rank: 2, atomic: true },
  '%': { m: A.floatFn(v => 1 / v), d: A.divide, rank: 2, atomic: true },
  '&': { m: L.where, d: C.lesser, rank: 2, atomic: true },
  '|': { m: L.reverse, d: C.greater, rank: 2, atomic: true },
  '=': { m: L.group, d: C.eq, rank: 2, atomic: true },
  '<': { d: C.lt, rank: 2, atomic: true },
  '>': { d: C.gt, rank: 2, atomic: true },
  '<=': { d: C.le, rank: 2, atomic: true },
  '>=': { d: C.ge, rank: 2, atomic: true },
  '<>': { d: C.ne, rank: 2, atomic: true },
  '~': { m: (x) => nyi(), d: (x, y) => bool(match(x, y)), rank: 2 },
  ',': { m: L.enlist, d: join, rank: 2 },
  '#': { m: L.qcount, d: L.take, rank: 2 },
  '_': { m: nyi, d: L.drop, rank: 2 },
  '!': { m: L.key, d: L.bang, rank: 2 },
  '^': { m: L.qnull, d: nyi, rank: 2 },
  '?': { m: L.distinct, d: L.find, n: nyi, rank: 4 },
  '$': { m: nyi, d: nyi, rank: 2 },
  '@': { m: (x) => { throw new QError('nyi'); }, d: (x, y) => apply(x, [y]), n: at, rank: 4, minRank: 2 },
  '.': { m: nyi, d: (x, y) => dot([x, y]), n: dot, rank: 4, minRank: 2 },
  ':': { d: (_x, y) => y, rank: 2 },
  '::': { m: ident, rank: 1 },
  // the k monadic forms, x op: with a glued colon
  '+:': { m: L.flip, rank: 1 }, '-:': { m: A.neg, rank: 1 }, '*:': { m: L.first, rank: 1 }, '%:': { m: A.floatFn(v => 1 / v), rank: 1 },
  '&:': { m: L.where, rank: 1 }, '|:': { m: L.reverse, rank: 1 }, '=:': { m: L.group, rank: 1 }, ',:': { m: L.enlist, rank: 1 },
  '#:': { m: L.qcount, rank: 1 }, '!:': { m: L.key, rank: 1 }, '^:': { m: L.qnull, rank: 1 }, '?:': { m: L.distinct, rank: 1 },

  // ---- table literals (parser-internal) ---------------------------------------------------------
  '.table': { n: tableLiteral, rank: 4 },

  // ---- list ---------------------------------------------------------------------------------------
  til: { m: L.til, rank: 1 },
  count: { m: L.qcount, rank: 1 },
  first: { m: L.first, rank: 1 },
  last: { m: L.last, rank: 1 },
  reverse: { m: L.reverse, rank: 1 },
  enlist: { m: L.enlist, n: (a) => fromItems(a), rank: 8 },
  raze: { m: L.raze, rank: 1 },
  where: { m: L.where, rank: 1 },
  key: { m: L.key, rank: 1 },
  type: { m: L.qtype, rank: 1 },
  null: { m: L.qnull, rank: 1 },
  flip: { m: L.flip, rank: 1 },
  distinct: { m: L.distinct, rank: 1 },
  group: { m: L.group, rank: 1 },
  neg: { m: A.neg, rank: 1 },
  abs: { m: A.abs, rank: 1 },
  div: { d: A.div, rank: 2 },
  mod: { d: A.mod, rank: 2 },
  sqrt: { m: A.floatFn(Math.sqrt), rank: 1 },
  exp: { m: A.floatFn(Math.exp), rank: 1 },
  log: { m: A.floatFn(Math.log), rank: 1 },
  reciprocal: { m: A.floatFn(v => 1 / v), rank: 1 },

  // ---- list and set functions (list.ts, sort.ts, sets.ts) ---------------------------------------

  // ---- strings, casts and tok (string.ts, cast.ts) -------------------------------------------------

  // ---- maths, aggregates and statistics (math.ts, agg.ts, stats.ts) -----------------------------

  // ---- tables and qSQL (tables.ts, joins.ts) ------------------------------------------------------

  // ---- evaluation and introspection (value get parse eval show, .Q .z) ----------------------------
  value: { m: E.value, rank: 1 },
  get: { m: E.get, rank: 1 },
  parse: { m: E.parse, rank: 1 },
  eval: { m: E.evalQ, rank: 1 },
  show: { m: E.show, rank: 1 },
  "'": { d: (f, g) => ({ t: T.Comp, fs: [f, g] } as Q), n: (a) => ({ t: T.Comp, fs: a } as Q), rank: 8 },

  // ---- iterators as keywords ------------------------------------------------------------------------
  each: { d: (f, x) => apply(derive("'", f), [x]), rank: 2 },
  over: { d: (f, x) => apply(derive('/', f), [x]), rank: 2 },
  scan: { d: (f, x) => apply(derive('\\', f), [x]), rank: 2 },
  prior: { d: (f, x) => apply(derive("':", f), [x]), rank: 2 },
  peach: { d: (f, x) => apply(derive("'", f), [x]), rank: 2 },
};

Object.assign(PRIMS, table);
export { PRIMS, NIL, long, isNil, apply1, T };

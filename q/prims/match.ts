// Match (~): same type, shape and items. Floats match within kdb+'s comparison tolerance; Find and the
// other searches that compare whole items match them exactly (basics/precision: ? is not tolerant).
import { primKey } from '../value/kforms.js';
import { T } from '../value/types.js';
import { Q, Atom, Vec, List, Dict, Table, Lambda, Prim, Proj, Comp, IterFn, IterPrim, count } from '../value/value.js';

/** kdb+ compares floats with a relative tolerance of 2^-43. */
export const TOL = 2 ** -43;
export function feq(a: number, b: number): boolean {
  if (a === b) return true;
  if (a !== a) return b !== b;
  if (b !== b) return false;
  if (!isFinite(a) || !isFinite(b)) return false;
  return Math.abs(a - b) <= TOL * Math.max(Math.abs(a), Math.abs(b));
}

/** Floats equal exactly, as Find compares them: a null equals a null, -0 equals 0. */
const same = (a: number, b: number): boolean => a === b || (a !== a && b !== b);

/** a~b; with `tolerant` false, floats compare exactly (Find on a general list). */
export function match(a: Q, b: Q, tolerant = true): boolean {
  if (a === b) return true;
  if (a.t !== b.t) return false;
  const t = a.t;
  if (t < 0) {
    const x = (a as Atom).v, y = (b as Atom).v;
    if (t === -T.Guid) return (x as Uint8Array).every((v, i) => v === (y as Uint8Array)[i]);
    if (t === -T.Float || t === -T.Real || t === -T.Datetime) return tolerant ? feq(x, y) : same(x, y);
    if (t === -T.Enum) return x === y && (a as Atom).dom === (b as Atom).dom;
    return x === y;
  }
  if (t > 0 && t <= T.Enum) {
    const x = (a as Vec).d, y = (b as Vec).d;
    if (x.length !== y.length) return false;
    // attributes do not take part (ref/match: "Match ignores attributes on lists")
    if (t === T.Float || t === T.Real || t === T.Datetime) { const eq = tolerant ? feq : same; for (let i = 0; i < x.length; i++) if (!eq(x[i] as number, y[i] as number)) return false; return true; }
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
    return true;
  }
  switch (t) {
    case T.List: { const x = (a as List).d, y = (b as List).d; if (x.length !== y.length) return false; for (let i = 0; i < x.length; i++) if (!match(x[i], y[i], tolerant)) return false; return true; }
    case T.Dict: return match((a as Dict).k, (b as Dict).k, tolerant) && match((a as Dict).v, (b as Dict).v, tolerant);
    case T.Table: { const x = a as Table, y = b as Table; return x.c.length === y.c.length && x.c.every((c, i) => c === y.c[i]) && x.d.every((c, i) => match(c, y.d[i], tolerant)); }
    case T.Lambda: return (a as Lambda).src === (b as Lambda).src;
    case T.Unary: case T.Op: return primKey((a as Prim).name) === primKey((b as Prim).name);
    case T.Iter: return (a as IterPrim).adv === (b as IterPrim).adv;
    case T.Proj: { const x = a as Proj, y = b as Proj; return match(x.f, y.f, tolerant) && x.args.length === y.args.length && x.args.every((v, i) => v === undefined ? y.args[i] === undefined : y.args[i] !== undefined && match(v, y.args[i]!, tolerant)); }
    case T.Comp: { const x = a as Comp, y = b as Comp; return x.fs.length === y.fs.length && x.fs.every((f, i) => match(f, y.fs[i], tolerant)); }
  }
  if (t >= T.Each && t <= T.EachLeft) return match((a as IterFn).f, (b as IterFn).f, tolerant);
  return count(a) === count(b) && false;
}

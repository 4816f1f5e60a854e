// The q value model: atoms, vectors, general lists, dictionaries, tables and functions.
// Every value carries its kdb+ type number in `t` (negative for atoms).
import { T, isWide } from './types.js';
import { alloc, allocRaw, from, Items, fresh, slice, halves, putLong } from './storage.js';
import { intern, symName } from './sym.js';
import { bytesName, nameBytes } from './utf8.js';
import type { Node } from '../parse/ast.js';

/** kdb+ attributes: none, sorted, unique, parted, grouped. */
export const enum Attr { None = 0, S = 1, U = 2, P = 3, G = 4 }
export const ATTR_CHARS = ' supg';

/** An atom. `v` is a number, except: long/timestamp/timespan bigint, symbol string, guid Uint8Array(16). */
export interface Atom { t: number; v: any; dom?: string }
/** A vector of a basic type (t 1..19), or an enumeration (t 20, `dom` the domain's name). */
export interface Vec { t: number; d: Items; a: Attr; dom?: string }
/** A general list. `mt` is the type kdb+ reports for one mapped from a file (77 an anymap, 77+t a
 *  nested column of type-t vectors): `type` shows it, and anything made from the list is an ordinary 0h. */
export interface List { t: T.List; d: Q[]; a: Attr; mt?: number }
/** A dictionary; x!y of column names and a symbol atom is kdb+'s form of a table on disk before it is
 *  flipped (ref/flip-splayed): v is then that atom, and flipped marks one whose table was not found. */
export interface Dict { t: T.Dict; k: Q; v: Q; a?: Attr; flipped?: boolean }
/** A table; ref names where \\l (or flip of a column list!`:dir/ or !`name) mapped it from, which its
 *  one-line form shows: `:./t/ for a splayed table, the name of a partitioned one. */
export interface Table { t: T.Table; c: string[]; d: Q[]; a?: Attr; ref?: string }
export interface Lambda { t: T.Lambda; src: string; params: string[]; locals: string[]; body: Node; ns: string; rank: number; pats?: (import('../parse/ast.js').Pat | null)[]; view?: string;
  /** where src starts in the text it was parsed from (positions in the body are in that text), and the
   *  global name it was defined under (f@ for a lambda inside f): for backtraces */
  at?: number; name?: string; /** the script file and line it was defined on */ file?: string; line?: number;
  /** defined by a runtime script (\_): its code is not shown or serialized */ locked?: boolean }
/** A primitive: an operator glyph (102) or keyword/unary form (101), found by name in the primitives table. */
export interface Prim { t: T.Unary | T.Op; name: string }
export interface IterFn { t: number; adv: string; f: Q }         // 106..111: f' f/ f\ f': f/: f\:
export interface Proj { t: T.Proj; f: Q; args: (Q | undefined)[] } // missing args are undefined
export interface Comp { t: T.Comp; fs: Q[] }                      // f g h ... applied right to left
export interface IterPrim { t: T.Iter; adv: string }               // an iterator on its own, e.g. (/)
export type Fn = Lambda | Prim | IterFn | Proj | Comp | IterPrim;
export type Q = Atom | Vec | List | Dict | Table | Fn;

// ---- nulls and infinities ---------------------------------------------------------------------------
export const NJ = -(2n ** 63n), WJ = 2n ** 63n - 1n;
export const NI = -2147483648, WI = 2147483647, NH = -32768, WH = 32767;

/** The null of atom type t (negative or positive code accepted). */
export function nullOf(t: number): any {
  switch (t < 0 ? -t : t) {
    case T.Bool: case T.Byte: return 0;
    case T.Guid: return new Uint8Array(16);
    case T.Short: return NH;
    case T.Int: case T.Month: case T.Date: case T.Minute: case T.Second: case T.Time: return NI;
    case T.Long: case T.Timestamp: case T.Timespan: return NJ;
    case T.Real: case T.Float: case T.Datetime: return NaN;
    case T.Char: return 32;
    case T.Sym: return '';
  }
  return NI;
}
export function infOf(t: number): any {
  switch (t < 0 ? -t : t) {
    case T.Short: return WH;
    case T.Int: case T.Month: case T.Date: case T.Minute: case T.Second: case T.Time: return WI;
    case T.Long: case T.Timestamp: case T.Timespan: return WJ;
    case T.Real: case T.Float: case T.Datetime: return Infinity;
  }
  return undefined;
}
/** Is atom payload v (of abs type t) the null of its type? */
export function isNullV(t: number, v: any): boolean {
  switch (t < 0 ? -t : t) {
    case T.Short: return v === NH;
    case T.Int: case T.Month: case T.Date: case T.Minute: case T.Second: case T.Time: case T.Enum: return v === NI;
    case T.Long: case T.Timestamp: case T.Timespan: return v === NJ;
    case T.Real: case T.Float: case T.Datetime: return v !== v;
    case T.Char: return v === 32;
    case T.Sym: return v === '';
    case T.Guid: return (v as Uint8Array).every(b => b === 0);
  }
  return false;
}

// ---- constructors -----------------------------------------------------------------------------------
export const atom = (t: number, v: any): Atom => ({ t: t > 0 ? -t : t, v });
export const bool = (b: boolean | number): Atom => ({ t: -T.Bool, v: b ? 1 : 0 });
export const long = (v: bigint | number): Atom => ({ t: -T.Long, v: typeof v === 'bigint' ? v : BigInt(v) });
export const int = (v: number): Atom => ({ t: -T.Int, v });
export const float = (v: number): Atom => ({ t: -T.Float, v });
export const sym = (s: string): Atom => ({ t: -T.Sym, v: s });
export const char = (c: number): Atom => ({ t: -T.Char, v: c });
export const vec = (t: number, d: Items, a: Attr = Attr.None): Vec => ({ t, d, a });
export const list = (d: Q[]): List => ({ t: T.List, d, a: Attr.None });
export const dict = (k: Q, v: Q): Dict => ({ t: T.Dict, k, v });
export const table = (c: string[], d: Q[]): Table => ({ t: T.Table, c, d });
/** The generic null `::`. */
export const NIL: Prim = { t: T.Unary, name: '::' };
export const isNil = (x: Q) => x.t === T.Unary && (x as Prim).name === '::';
/** An argument left out of an application in a parse tree (parse "f[;1]"): eval makes a projection there.
 *  It shows as ::, and is 101h with the byte 0xff on the wire, as a projection's missing argument is. */
export const ELIDED: Prim = { t: T.Unary, name: '' };

/** A char vector from JS text, as UTF-8 bytes (q strings are bytes; a byte a name escaped is itself). */
export const str = (s: string): Vec => ({ t: T.Char, d: (s.length <= 64 && ascii(s)) || nameBytes(s), a: Attr.None });
/** The bytes of a short ASCII string, or null (TextEncoder costs more per call than a short string's loop). */
function ascii(s: string): Uint8Array | null {
  const b = fresh(Uint8Array, s.length);
  for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); if (c > 127) return null; b[i] = c; }
  return b;
}
/** The JS text of a char vector or char atom. */
export const text = (x: Q): string => x.t === -T.Char ? charText((x as Atom).v as number) : bytesText((x as Vec).d as Uint8Array);
/** A char's text: a byte past ASCII alone is no UTF-8, and stays itself (utf8.ts). */
export const charText = (c: number): string => c < 128 ? String.fromCharCode(c) : bytesName(Uint8Array.of(c));
/** The text of bytes, UTF-8 where they are, any other byte kept (utf8.ts). */
export const bytesText = (b: Uint8Array): string => {
  // a short ASCII text (a symbol's, a CSV field's) is made directly: a decoder call costs more than it
  if (b.length <= 64) {
    let s = '';
    for (let i = 0; i < b.length; i++) { const c = b[i]; if (c > 127) return bytesName(b); s += String.fromCharCode(c); }
    return s;
  }
  return bytesName(b);
};
export const symVec = (ss: string[]): Vec => { const d = fresh(Int32Array, ss.length); for (let i = 0; i < ss.length; i++) d[i] = intern(ss[i]); return vec(T.Sym, d); };
/** Longs from safe integers, written as two 32-bit halves (a BigInt per item would cost ten times more). */
export const longVec = (xs: ArrayLike<number>): Vec => {
  const d = allocRaw(T.Long, xs.length) as BigInt64Array;
  // a few items are written as BigInts: a second view over them would cost more than the conversions
  if (xs.length <= 8) { for (let i = 0; i < xs.length; i++) d[i] = BigInt(xs[i]); return vec(T.Long, d); }
  const w = halves(d);
  for (let i = 0; i < xs.length; i++) putLong(w, i, xs[i]);
  return vec(T.Long, d);
};
export const boolVec = (xs: ArrayLike<number | boolean>): Vec => { const d = fresh(Uint8Array, xs.length); for (let i = 0; i < xs.length; i++) d[i] = xs[i] ? 1 : 0; return vec(T.Bool, d); };
export const floatVec = (xs: ArrayLike<number>): Vec => vec(T.Float, from(T.Float, xs as ArrayLike<number>));
export const intVec = (xs: ArrayLike<number>): Vec => vec(T.Int, from(T.Int, xs as ArrayLike<number>));

// ---- shape ------------------------------------------------------------------------------------------
export const isAtom = (x: Q): x is Atom => x.t < 0 && x.t > -20 || x.t === -T.Enum;
export const isVec = (x: Q): x is Vec => x.t > 0 && x.t <= T.Enum;
export const isList = (x: Q): x is List => x.t === T.List;
export const isDict = (x: Q): x is Dict => x.t === T.Dict;
export const isTable = (x: Q): x is Table => x.t === T.Table;
export const isKeyed = (x: Q): x is Dict => x.t === T.Dict && (x as Dict).k.t === T.Table && (x as Dict).v.t === T.Table;
export const isFn = (x: Q): x is Fn => x.t >= T.Lambda && x.t <= T.EachLeft;

/** Number of items: 1 for atoms and functions, rows for tables, keys for dicts. */
export function count(x: Q): number {
  if (x.t > 0 && x.t <= T.Enum) return x.t === T.Guid ? (x as Vec).d.length / 16 : (x as Vec).d.length;
  switch (x.t) {
    case T.List: return (x as List).d.length;
    case T.Table: { const t = x as Table; return t.d.length ? count(t.d[0]) : 0; }
    case T.Dict: return count((x as Dict).k);
  }
  return 1;
}

/** Item i of a vector as an atom (no bounds check). */
export function vecItem(x: Vec, i: number): Atom {
  const t = x.t;
  if (t === T.Sym) return { t: -T.Sym, v: symName((x.d as Int32Array)[i]) };
  if (t === T.Guid) return { t: -T.Guid, v: (x.d as Uint8Array).slice(16 * i, 16 * i + 16) };
  if (t === T.Enum) return { t: -T.Enum, v: (x.d as Int32Array)[i], dom: x.dom };
  return { t: -t, v: (x.d as any)[i] };
}

/** Item i of any list-like value (vector or general list); tables give a dict row. */
export function item(x: Q, i: number): Q {
  // past either end, the null of the list's items (as indexing gives)
  if (x.t === T.List) return (x as List).d[i] ?? nullItem(x);
  if (x.t > 0 && x.t <= T.Enum) return i >= 0 && i < count(x) ? vecItem(x as Vec, i) : nullItem(x);
  if (x.t === T.Table) { const t = x as Table; return dict(symVec(t.c), fromItems(t.d.map(c => item(c, i)))); }
  if (x.t === T.Dict) return item((x as Dict).v, i);
  return x;
}

/** The null atom of the same type as vector x's items (for out-of-range indexing). */
/** The prototype of a general list: its atoms nulls, its vectors empty, its lists the same again — what an
 *  index past the end of a list whose first item is it gives ((0N;0N;" ") of ((1;5;"0");…), gyorokpeter's
 *  AoC 2019 day 18). */
function prototype(x: List): Q {
  return list(x.d.map(e => e.t < 0 && e.t > -20 ? { t: e.t, v: nullOf(e.t) } as Q : e.t > 0 && e.t < 20 ? { t: e.t, d: alloc(e.t, 0), a: 0 } as Vec : e.t === T.List ? prototype(e as List) : e));
}
export function nullItem(x: Q): Q {
  if (x.t > 0 && x.t < T.Enum) return { t: -x.t, v: nullOf(x.t) };
  if (x.t === T.Enum) return { t: -T.Enum, v: NI, dom: (x as Vec).dom };
  if (x.t === T.List) {
    // kdb+ gives the null of the first item's type for an out-of-range index into a general list, () for an empty one (.z.x 0, ChangesIn2.5)
    const l = x as List;
    if (l.d.length) { const f = l.d[0]; if (f.t < 0 && f.t > -20) return { t: f.t, v: nullOf(f.t) }; if (f.t > 0 && f.t < 20) return { t: f.t, d: alloc(f.t, 0), a: 0 } as Vec; if (f.t === T.List) return prototype(f as List); }
    // a table (or keyed table) first: an empty one of its columns (kb/alternative-in-memory-layouts: the prototype)
    const f = l.d[0];
    if (f && (f.t === T.Table || f.t === T.Dict && (f as Dict).k.t === T.Table)) return sliceQ(f, 0, 0);
    return l.d.length ? NIL : list([]);
  }
  if (x.t === T.Table) { const t = x as Table; return dict(symVec(t.c), fromItems(t.d.map(c => nullItem(c)))); }
  return NIL;
}

/** Items a to b of x: of a vector (its domain kept), a general list, a table's rows, a dictionary's entries. */
export function sliceQ(x: Q, a: number, b: number): Q {
  if (x.t === T.List) return list((x as List).d.slice(a, b));
  if (x.t === T.Table) { const t = x as Table; return table(t.c, t.d.map(c => sliceQ(c, a, b))); }
  if (x.t === T.Dict) { const d = x as Dict; return dict(sliceQ(d.k, a, b), sliceQ(d.v, a, b)); }
  const v = x as Vec;
  const r = vec(v.t, slice(v.t, v.d, a, b));
  if (v.dom) r.dom = v.dom;
  return r;
}

/** Collapse a JS array of values into a vector when all are atoms of one basic type, else a general list. */
export function fromItems(xs: Q[]): Q {
  const n = xs.length;
  if (!n) return list([]);
  const t = xs[0].t;
  if (t === T.Dict) return dictsToTable(xs) ?? list(xs);
  if (!(t < 0 && t >= -T.Enum)) return list(xs);
  for (let i = 1; i < n; i++) if (xs[i].t !== t) return list(xs);
  if (t === -T.Enum) { const dom = (xs[0] as Atom).dom; for (let i = 1; i < n; i++) if ((xs[i] as Atom).dom !== dom) return list(xs); }
  return atomsToVec(-t, xs as Atom[]);
}

/** A vector of type t from atoms of type -t. */
export function atomsToVec(t: number, xs: Atom[]): Vec {
  const n = xs.length;
  if (t === T.Sym) { const d = fresh(Int32Array, n); for (let i = 0; i < n; i++) d[i] = intern(xs[i].v); return vec(t, d); }
  if (t === T.Guid) { const d = fresh(Uint8Array, 16 * n); for (let i = 0; i < n; i++) d.set(xs[i].v, 16 * i); return vec(t, d); }
  const d = alloc(t, n) as any;
  for (let i = 0; i < n; i++) d[i] = xs[i].v;
  const r = vec(t, d);
  if (t === T.Enum) r.dom = xs[0]?.dom;
  return r;
}

/** An empty vector of type t (0 gives an empty general list). */
export const empty = (t: number): Q => t === 0 ? list([]) : vec(t, alloc(t, 0));

/** Every item as a JS array of values (atoms for vectors). */
export function items(x: Q): Q[] {
  if (x.t === T.List) return (x as List).d;
  const n = count(x), r = new Array<Q>(n);
  for (let i = 0; i < n; i++) r[i] = item(x, i);
  return r;
}

/** A long atom's payload as a JS number (exact below 2^53). */
export const num = (a: Atom): number => typeof a.v === 'bigint' ? Number(a.v) : a.v;
export { isWide };

/** A list of dictionaries with the same symbol keys is a table (kdb+ collapses it so). */
function dictsToTable(xs: Q[]): Q | null {
  const k0 = (xs[0] as Dict).k;
  if (k0.t !== T.Sym) return null;
  const kd = (k0 as Vec).d as Int32Array;
  // dictionaries with no keys are no rows: a table of no columns would have no count to keep them by
  if (!kd.length) return null;
  for (const x of xs) {
    if (x.t !== T.Dict) return null;
    const k = (x as Dict).k;
    if (k.t !== T.Sym) return null;
    const d = (k as Vec).d as Int32Array;
    if (d.length !== kd.length) return null;
    for (let i = 0; i < d.length; i++) if (d[i] !== kd[i]) return null;
    if ((x as Dict).v.t === T.Table || (x as Dict).v.t === T.Dict) return null;
  }
  const cols = Array.from(kd, symName);
  const vals = xs.map(x => items((x as Dict).v));
  return table(cols, cols.map((_, j) => fromItems(vals.map(v => v[j]))));
}

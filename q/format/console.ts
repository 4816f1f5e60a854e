// Console display, byte for byte as kdb+ prints it: atoms and vectors on one line, general lists one
// item a line, dictionaries as `key| value`, tables with a header and a rule, all cut to \c with `..`.
import { T } from '../value/types.js';
import { Q, Atom, Vec, List, Dict, Table, Lambda, Prim, Proj, Comp, IterFn, count, item, items, isNil, vecItem } from '../value/value.js';
import { symName } from '../value/sym.js';
import { ATTR_CHARS, symVec, sliceQ, fromItems } from '../value/value.js';
import { K_UNARY, K_COVERS } from '../value/kforms.js';
import { itemText, isSpecial, SUFFIX, writeFloat } from './text.js';
import { Bytes } from './bytes.js';
import { halves, longAt } from '../value/storage.js';
import { isNullV, bytesText, ELIDED } from '../value/value.js';
import { deenum, domainValues } from '../value/enums.js';
// (an enumeration over a name not defined shows its indices too: `x!42 is built before x is, q4m's
// Dictionaries notebook shows it so)
const isLink = (x: Q) => { try { return domainValues((x as Vec).dom!) === null; } catch { return true; } };
/** An enumeration as its cells show it: its values, or its indices when it links a table or its domain is
 *  not defined (kb/splayed-tables: a table read without its sym list shows bare enumerations, 0 1). */
const enumShown = (x: Q): Q => !isLink(x) ? deenum(x) : x.t < 0 ? { t: -T.Int, v: (x as Atom).v } as Atom : { t: T.Int, d: (x as Vec).d, a: 0 } as Vec;
import { TYPE_NAMES } from '../value/types.js';
import { byteLength, fitBytes } from '../value/utf8.js';

export interface Opts { rows: number; cols: number; P: number }

/** Display text of an atom with its type marker (1i, 2f, `a, "c", 0x01 …). */
export function atomText(x: Atom, P: number): string {
  const t = -x.t, v = x.v;
  if (t === T.Enum) return '`' + x.dom + (isLink(x) ? '!' + itemText(T.Int, x.v, P) : '$' + atomText(deenum(x) as Atom, P));
  const s = itemText(t, v, P);
  switch (t) {
    case T.Bool: return s + 'b';
    case T.Byte: return '0x' + s;
    case T.Char: return '"' + escChar(v) + '"';
    case T.Sym: return '`' + s;
    case T.Float: return /[.en]|w/.test(s) ? s : s + 'f';
    case T.Real: return isSpecial(t, v) ? (s === '0n' ? '0Ne' : s === '0w' ? '0we' : '-0we') : s + 'e';
    case T.Month: return isSpecial(t, v) ? s + 'm' : s + 'm';
    case T.Short: return s + 'h';
    case T.Int: return s + 'i';
    case T.Long: return s;
  }
  if (isSpecial(t, v)) return s + 'pmdznuvt'[[T.Timestamp, T.Month, T.Date, T.Datetime, T.Timespan, T.Minute, T.Second, T.Time].indexOf(t)];
  return s;
}
const isNullGuid = (v: Uint8Array) => v.every(b => b === 0);
function escChar(c: number): string {
  if (c === 34) return '\\"';
  if (c === 92) return '\\\\';
  if (c === 10) return '\\n';
  if (c === 13) return '\\r';
  if (c === 9) return '\\t';
  // control bytes and bytes past ASCII (UTF-8 sequences too) as octal escapes, as kdb+'s console shows them
  if (c < 32 || c >= 127) return '\\' + c.toString(8).padStart(3, '0');
  return String.fromCharCode(c);
}
const bytesToStr = (d: Uint8Array) => Buffer_from(d);
function Buffer_from(d: Uint8Array): string { let s = ''; for (let i = 0; i < d.length; i++) s += escChar(d[i]); return s; }
/** Raw text of a char vector: q writes the bytes as they are (UTF-8 passes through). */
export function rawText(d: Uint8Array): string { return bytesText(d); }
function quoteStr(d: Uint8Array): string {
  let s = '';
  for (let i = 0; i < d.length; i++) s += escChar(d[i]);
  return '"' + s + '"';
}

/** One-line text of a vector, as kdb+ shows it (`1 2 3`, `1 2 3i`, `,1`, `` `long$() ``); bare: without the
 *  type letter after the items, as a table's cell shows a vector (1 0n, not 1 0 for 1 0n without its n). */
export function vecText(x: Vec, P: number, bare = false): string {
  const t = x.t, n = count(x);
  const attr = x.a ? '`' + ATTR_CHARS[x.a] + '#' : '';
  if (n === 0) {
    if (t === T.Char) return attr + '""';
    if (t === T.Enum) return attr + '`' + x.dom + '$()';
    return attr + '`' + TYPE_NAMES[t] + '$()';
  }
  const pre = attr + (n === 1 ? ',' : '');
  if (t === T.Char) return pre + quoteStr(x.d as Uint8Array);
  if (t === T.Sym) { let s = ''; const d = x.d as Int32Array; for (let i = 0; i < n; i++) s += '`' + symName(d[i]); return pre + s; }
  if (t === T.Bool) { let s = ''; for (let i = 0; i < n; i++) s += (x.d as Uint8Array)[i] ? '1' : '0'; return pre + s + 'b'; }
  if (t === T.Byte) { let s = '0x'; for (let i = 0; i < n; i++) s += (x.d as Uint8Array)[i].toString(16).padStart(2, '0'); return pre + s; }
  // a link column (indices into a plain table) shows its indices: `t!0 1 (one: `t!,0, as any vector of one)
  if (t === T.Enum) return attr + '`' + x.dom + (isLink(x) ? '!' + (n === 1 ? ',' : '') + Array.from(x.d as Int32Array, v => itemText(T.Int, v, P)).join(' ') : '$' + vecText(deenum(x) as Vec, P));
  if (t === T.Guid) { const parts: string[] = []; for (let i = 0; i < n; i++) { const v = (x.d as Uint8Array).subarray(16 * i, 16 * i + 16); parts.push(itemText(t, v, P)); } return pre + parts.join(' '); }
  if (n > 256 && (t === T.Long || t === T.Int || t === T.Short || t === T.Float)) return pre + numbersText(x, P, bare);
  const parts = new Array<string>(n);
  const d = x.d as any;
  let special = false, plain = true;
  for (let i = 0; i < n; i++) {
    const s = itemText(t, d[i], P);
    parts[i] = s;
    if (isSpecial(t, d[i])) special = true; else if (t === T.Float && plain && /[.e]/.test(s)) plain = false;
  }
  let s = parts.join(' ');
  if (bare) return pre + s;
  if (t === T.Float) { if (plain && !special) s += 'f'; }
  else if (SUFFIX[t]) s += SUFFIX[t];
  else if (special && parts.every((p, i) => isSpecial(t, d[i])) && t >= T.Timestamp) s += 'pmdznuvt'[t - T.Timestamp];
  return pre + s;
}

/** A long vector of longs, ints, shorts or floats as vecText gives it (after any attribute and comma),
 *  its digits written as bytes and made a string once: a string an item, and for longs a BigInt, kept
 *  the collector busy (-3! of 5 million longs took 1.4 s, of 50 million 30 s). sep and special: another
 *  separator, and texts for nulls and infinities (.j.j writes 1,null,inf). */
export function numbersText(x: Vec, P: number, bare: boolean, sep = 32, special = (s: string) => s): string {
  const t = x.t, n = count(x), out = new Bytes(8 * n + 4);
  let nulls = false;
  if (t === T.Float) {
    const d = x.d as Float64Array;
    for (let i = 0; i < n; i++) {
      if (i) out.byte(sep);
      const v = d[i];
      if (v - v === 0) writeFloat(out, v, P);
      else { nulls = true; out.ascii(special(v !== v ? '0n' : v > 0 ? '0w' : '-0w')); }
    }
    // (whole numbers without a null or an infinity among them show their type: 1 2f)
    let plain = !nulls;
    for (let i = 0; plain && i < out.n; i++) if (out.b[i] === 46 || out.b[i] === 101) plain = false;
    if (plain && !bare) out.byte(102);
    return bytesText(out.b.subarray(0, out.n));
  }
  const wide = t === T.Long, w = wide ? halves(x.d as BigInt64Array) : x.d as Int32Array | Int16Array;
  const nul = t === T.Int ? -2147483648 : -32768;
  for (let i = 0; i < n; i++) {
    if (i) out.byte(sep);
    if (wide) {
      // (past 2^53 in size, 0N and the infinities by their text)
      const v = longAt(w[2 * i + 1], w[2 * i]);
      if (v === v) out.signed(v); else out.ascii(special(itemText(T.Long, (x.d as BigInt64Array)[i], P)));
    } else {
      const v = w[i];
      if (v === nul || v === -nul - 1 || v === nul + 1) out.ascii(special(itemText(t, v, P))); else out.signed(v);
    }
  }
  if (SUFFIX[t] && !bare) out.ascii(SUFFIX[t]);
  return bytesText(out.b.subarray(0, out.n));
}

// q's <= >= <> are k's "not greater", "not less" and "not equal", and kdb+ shows them so
const K_FORM: Record<string, string> = { '<=': '~>', '>=': '~<', '<>': '~=' };

/** The one-line form of any value (what -3! and .Q.s1 give). With most, lists show at most that many
 *  items (and a vector then no type letter): for a line to be cut to most-1 characters (-3!, .Q.s1 and
 *  0N! keep to \c's width), whose text is the same, where all of -3! til 50000000 took 30 s to make. */
export function s1(x: Q, P: number, most = Infinity): string {
  if (x.t < 0 && x.t >= -T.Enum) return atomText(x as Atom, P);
  if (x.t > 0 && x.t <= T.Enum) {
    // (each item shows as a character or more, and a space or semicolon between: most of them are longer)
    if (count(x) > most && most >= 2) return vecText(firstItems(x, most) as Vec, P);
    return vecText(x as Vec, P);
  }
  switch (x.t) {
    case T.List: {
      const d = (x as List).d.length > most && most >= 2 ? (x as List).d.slice(0, most) : (x as List).d;
      if (d.length === 0) return '()';
      // a chain of one-item lists (n enlist/ x) is a run of commas, made without a call per level
      if (d.length === 1) { let k = 0, e: Q = x; while (e.t === T.List && (e as List).d.length === 1) { e = (e as List).d[0]; k++; } return ','.repeat(k) + s1(e, P, most); }
      return '(' + d.map(e => s1(e, P, most)).join(';') + ')';
    }
    case T.Dict: {
      const dd = x as Dict;
      if (dd.flipped) return '+' + s1({ t: T.Dict, k: dd.k, v: dd.v } as Dict, P, most);
      // (a sorted keyed table's s# is its key table's: (`s#+(,`color)!,`s#`blue`green`red)!…, basics/qsql)
      // (and a step dictionary's is its own, before its keys': `s#`s#0n 5 50 100!…, psaris' notes)
      const k = ((dd as { a?: number }).a === 1 ? '`s#' : '') + s1(dd.k, P, most), v = s1(dd.v, P, most);
      const wrap = (s: string, q: Q) => q.t === T.Dict || (q.t === T.Table) || (q.t < 0 && false) ? '(' + s + ')' : s;
      // a key that starts with , (one item), is a cast's form (`symbol$(), `sym$`a: the $ would take the
      // rest) or is itself keyed is parenthesised
      return (dd.k.t === T.Table || k[0] === ',' || /^`\w*\$/.test(k) ? '(' + k + ')' : wrap(k, dd.k)) + '!' + v;
    }
    case T.Table: {
      const t = x as Table;
      // a table mapped from disk shows where from, as kdb+'s does: +(,`a)!`:./t/; a partitioned one names
      // its columns on disk (not the partition column, first)
      if (t.ref) return '+' + s1({ t: T.Dict, k: symVec(t.ref.startsWith(':') ? t.c : t.c.slice(1)), v: { t: -T.Sym, v: t.ref } as Atom } as Dict, P);
      const keys = t.c.length === 1 ? '(,`' + t.c[0] + ')' : t.c.map(c => '`' + c).join('');
      const vals = t.c.length === 1 ? ',' + s1(t.d[0], P, most) : '(' + t.d.map(c => s1(c, P, most)).join(';') + ')';
      return '+' + keys + '!' + vals;
    }
    case T.Lambda: return (x as Lambda).locked ? 'locked' : (x as Lambda).src;
    case T.Unary: case T.Op: {
      const p = x as Prim & { named?: boolean };
      return isNil(x) || x === ELIDED ? '::' : K_FORM[p.name] ?? K_UNARY[p.name] ?? (p.named ? undefined : K_COVERS[p.name]) ?? p.name;
    }
    case T.Proj: {
      const p = x as Proj;
      return s1(p.f, P, most) + '[' + p.args.map(a => a === undefined ? '' : s1(a, P, most)).join(';') + ']';
    }
    case T.Comp: return (x as Comp).fs.map(f => s1(f, P, most)).join('');
    case T.Iter: return (x as any).adv;
  }
  if (x.t >= T.Each && x.t <= T.EachLeft) { const g = x as IterFn; const f = s1(g.f, P, most); return (g.f.t === T.Proj ? '(' + f + ')' : f) + g.adv; }
  return '?';
}

// ---- multi-line display ---------------------------------------------------------------------------

/** Text of one cell in a table column or a dictionary's value column: symbols bare, strings raw. */
function cell(x: Q, P: number, most = Infinity): string {
  if (x.t < 0) {
    const a = x as Atom;
    if (x.t === -T.Sym) return a.v;
    if (x.t === -T.Char) return String.fromCharCode(a.v);
    if (x.t === -T.Enum) return cell(enumShown(x), P);
    const s = atomText(a, P);
    // inside a column the type marker is dropped: 1i shows as 1, 2f as 2
    // (and an infinite temporal's: a timestamp column shows 0W, weihong15's CEP notebook)
    return x.t === -T.Bool ? String(a.v) : x.t === -T.Byte ? '0x' + itemText(T.Byte, a.v, P) : x.t === -T.Guid ? s : itemText(-x.t, a.v, P);
  }
  return s1(x, P, most);
}
/** A table cell: as a column cell, but a null shows as blank, as kdb+ prints tables; a numeric or
 * temporal vector in a cell shows its items without the type letter. */
/** A numeric or temporal vector: its items show bare, side by side, in a table cell and a grid row. */
const numericVec = (x: Q) => x.t > 0 && x.t < 20 && x.t !== T.Char && x.t !== T.Sym && x.t !== T.Bool && x.t !== T.Byte && x.t !== T.Guid;
function tcell(x: Q, P: number, most = Infinity): string {
  // an empty general list is a blank cell (weihong15's CEP notebook: a job with no function)
  if (x.t === T.List && !count(x)) return '';
  if (numericVec(x) && count(x) > 1) {
    return vecText((count(x) > most && most >= 2 ? firstItems(x, most) : x) as Vec, P, true);
  }
  if (x.t < 0 && x.t !== -T.Sym && x.t !== -T.Char && x.t !== -T.Bool && x.t !== -T.Byte && x.t !== -T.Guid && x.t !== -T.Enum && isNullV(-x.t, (x as Atom).v)) return '';
  // a symbol in a column of mixed items keeps its backtick (ref/dotq's .Q.ty example); a symbol column's are bare
  if (x.t === -T.Sym) return '`' + (x as Atom).v;
  if (x.t === -T.Enum) { const v = enumShown(x); return v.t === -T.Sym ? '`' + (v as Atom).v : cell(v, P); }
  return cell(x, P, most);
}

/** Cells of a column (vector or list); most: as s1's, for cells of a line that is cut to that width (a cell
 *  that long makes every line of its column longer: their cut is the same). */
function colCells(c: Q, P: number, f: (x: Q, P: number, most?: number) => string = cell, most = Infinity): string[] {
  if (c.t > 0 && c.t <= T.Enum) {
    const v = c as Vec, n = count(v), r = new Array<string>(n);
    if (v.t === T.Enum) return colCells(enumShown(v), P, f);
    if (v.t === T.Sym) { const d = v.d as Int32Array; for (let i = 0; i < n; i++) r[i] = symName(d[i]); return r; }
    for (let i = 0; i < n; i++) r[i] = f(vecItem(v, i), P);
    return r;
  }
  // a table's column of numeric vectors all of one type and one count is a matrix: one item or none is
  // bare too (,41i shows as 41 and `date$() as nothing, as wp/machine-learning and wp/hdb-analysis
  // record), where a column of counts that differ shows ,3
  if (f === tcell && c.t === T.List && count(c) && count((c as List).d[0]) <= 1) {
    const d = (c as List).d, t = d[0].t, k = count(d[0]);
    if (numericVec(d[0]) && d.every(e => e.t === t && count(e) === k)) return d.map(e => k ? tcell(vecItem(e as Vec, 0), P) : '');
  }
  // numeric vectors of one count (of any numeric types) line up item under item, as a matrix does: a
  // column of pairs shows 80   80 under 69   44.56 (learn/python/examples/dict's grades.q)
  if (f === tcell && c.t === T.List && count(c) > 1 && count((c as List).d[0]) > 1) {
    const d = (c as List).d, k = count(d[0]);
    if (d.every(e => numericVec(e) && count(e) === k)) {
      const rows = d.map(e => tcell(e, P).split(' '));
      const w = Array.from({ length: k }, (_, j) => Math.max(...rows.map(r => r[j].length)));
      return rows.map(r => r.map((x, j) => j < k - 1 ? x.padEnd(w[j]) : x).join(' '));
    }
  }
  // an atom in a column of mixed items keeps its type's mark, where a vector column's drop theirs: a char
  // is quoted (ref/trim), a float is 2f beside longs (KX Academy's joins notebook, a uj of long and float
  // columns); a null stays blank
  return items(c).map(e => f === tcell && e.t < 0 && e.t !== -T.Sym && e.t !== -T.Enum && tcell(e, P) !== '' ? s1(e, P) : f(e, P, most));
}

// a cell's width is the bytes of its text, as kdb+ counts them: a UTF-8 name is as wide as its bytes
// (kb/unicode: 蘋果 and 香蕉 take six columns, 橙 three)
const pad = (s: string, w: number): string => s + ' '.repeat(Math.max(0, w - byteLength(s)));
/** kdb+ keeps a line within \c's width less one, in bytes, ending a cut line with `..` (a character that
 *  would straddle the cut is left out whole, where kdb+ writes its first bytes). */
export function cut(line: string, cols: number): string {
  // (a line longer in characters than the width is longer in bytes: its bytes need no count, which for the
  // one line of -3! of a big table was a pass over megabytes)
  return line.length <= cols - 1 && byteLength(line) <= cols - 1 ? line : line.slice(0, fitBytes(line, cols - 3)) + '..';
}
/** At most \c's height less two lines; when more, the last shown is `..`. */
function clip(lines: string[], rows: number): string[] {
  return lines.length > rows - 2 ? [...lines.slice(0, Math.max(0, rows - 3)), '..'] : lines;
}

/** Lines of a table: header, rule, rows. Key columns (when keyed) sit left of a `|`. */
function tableLines(t: Table, kt: Table | null, o: Opts): string[] {
  // (the keys count the rows: a keyed table may have no value columns, 1!([]a:1 2))
  const n = kt ? count(kt) : count(t);
  // header and rule take two of the console's lines
  const shown = n + 2 > o.rows - 2 ? Math.max(0, o.rows - 5) : n;
  const colsOf = (tb: Table) => tb.c.map((name, j) => {
    const src = tb.d[j];
    const part = shown < n ? firstItems(src, shown) : src;
    const cells = colCells(part, o.P, tcell, o.cols);
    const w = Math.max(byteLength(name), ...cells.map(byteLength));
    return { name, cells, w };
  });
  const kc = kt ? colsOf(kt) : [], vc = colsOf(t);
  const row = (f: (c: { name: string; cells: string[]; w: number }) => string) => {
    const k = kc.map(c => pad(f(c), c.w)).join(' ');
    const v = vc.map(c => pad(f(c), c.w)).join(' ');
    return kt ? k + '| ' + v : v;
  };
  const lines = [row(c => c.name)];
  if (kt) lines.push('-'.repeat(kc.reduce((a, c) => a + c.w + 1, 0) - 1) + '| ' + '-'.repeat(Math.max(0, vc.reduce((a, c) => a + c.w + 1, 0) - 1)));
  else lines.push('-'.repeat(Math.max(0, vc.reduce((a, c) => a + c.w + 1, 0) - 1)));
  for (let i = 0; i < shown; i++) lines.push(row(c => c.cells[i]));
  if (shown < n) lines.push('..');
  return lines.map(l => cut(l, o.cols));
}
/** The first n items of a list as the console shows them: its attribute kept (`s#0 1 2..). */
function firstItems(x: Q, n: number): Q {
  return x.t > 0 && x.t <= T.Enum || x.t === T.List ? { ...sliceQ(x, 0, n), a: (x as Vec).a } as Q : x;
}

/** A list of equal-length simple vectors shows as a grid (kdb+'s matrix display). */
function isGrid(xs: Q[]): boolean {
  if (xs.length === 0) return false;
  const n = count(xs[0]);
  // simple vectors of one length, or general lists of one length (their items become the cells)
  // booleans keep their own form (01b); a list of strings alone shows each string quoted
  // lists of one length: vectors (not booleans, and not strings alone) and general lists mixed
  // (booleans and bytes join a grid only beside a general list: (011b;(1b;10b;0b)) shows 0 1 1 over 1b 10b 0b)
  // (and booleans beside a numeric vector: (i; i in primes) shows its booleans under i's numbers, qbists'
  // findingprimes essay)
  const mixed = xs.some(e => e.t === T.List);
  const beside = mixed || xs.some(e => numericVec(e));
  const same = xs.every(e => ((e.t > 0 && e.t <= T.Enum && ((e.t !== T.Bool && e.t !== T.Byte) || mixed || e.t === T.Bool && beside)) || e.t === T.List) && count(e) === n);
  // (vectors all empty are a grid of no columns, each row a blank line: 2 0N#0#0, ref/take since 3.3)
  if (!same || n === 0 && xs.some(e => e.t === T.List)) return false;
  if (xs.every(e => e.t === T.Char)) return false;
  // rows of one item each are a grid too: ("ich";4 1 2)1:"arthur!" shows 1752461921 over u over 8562,
  // and ("**";4 4)1:"abcd\"ef\"" (general lists of one string) "abcd" over "\"ef\"" (ref/file-binary)
  return true;
}
// (a numeric vector inside a row of a general list shows its items side by side, without the type
// letter: the rows of lsq's one-row matrices show as -33 37.6, not ,-33 37.6f)
// (and a general list of atoms its atoms side by side: .u.w's enlist(7i;`) shows as 7i ` — ref's rdc
// page; one that holds lists or functions keeps its parentheses: ref/trim's ("jumps ";"over   "))
const inRow = (x: Q, P: number): string => numericVec(x) ? colCells(x, P).join(' ')
  : x.t === T.List && count(x) && (x as List).d.every(e => e.t < 0) ? (x as List).d.map(e => inRow(e, P)).join(' ') : s1(x, P);
/** A general list's row of a grid: its items in one-line form; a row of numeric vectors of one count is a
 *  matrix, each of its columns as wide as its widest item (q4m's Lists notebook: (1 2 3;(10 20;100
 *  200;1000 2000)) shows 10   20   100  200  1000 2000 under 1         2         3) */
function listRow(e: List, P: number): string[] {
  // (only a row that is a matrix, numeric vectors of one count: (2;3 4)+… shows 7 8 9 10 11 over 13  15 16,
  // basics/atomic)
  const k = count(e.d[0]);
  if (!(k > 1 && e.d.every(x => numericVec(x) && count(x) === k))) return e.d.map(x => inRow(x, P));
  // (its columns line up: a one-row matrix, lsq's ,-33 37.6, keeps its items as they are)
  const leaves = e.d.map(x => colCells(x, P)), w = Array.from({ length: k }, (_, j) => Math.max(...leaves.map(l => l[j].length)));
  return leaves.map(l => l.map((c, j) => c.padEnd(w[j])).join(' '));
}
function gridLines(xs: Q[], o: Opts): string[] {
  // rows of a general list show their items in one-line form; rows of a simple vector show bare cells,
  // nulls blank as in a table (prev\[2;x] shows its shifted rows indented)
  const cells = xs.map(e => e.t === T.List ? listRow(e as List, o.P) : colCells(e, o.P, tcell));
  const n = cells[0].length;
  const w = Array.from({ length: n }, (_, j) => Math.max(...cells.map(r => byteLength(r[j]))));
  // every column padded to its width, the last too (psaris/matching's README keeps kdb+'s trailing blanks)
  return cells.map(r => r.map((c, j) => pad(c, w[j])).join(' '));
}

function dictLines(d: Dict, o: Opts): string[] {
  if (d.k.t === T.Table && d.v.t === T.Table) return tableLines(d.v as Table, d.k as Table, o);
  // a dictionary of table rows shows as a keyed table whose key column has no name, whatever list its keys
  // are (exec c:f by s from t, where s may be a column of strings: ref/exec's list!table)
  if (d.v.t === T.Table && d.k.t >= 0 && d.k.t <= T.Enum) return tableLines(d.v as Table, { t: T.Table, c: [''], d: [d.k] } as Table, o);
  // a table of keys over plain values keeps the key table's header, with a rule under both sides
  const head = d.k.t === T.Table ? tableRowsAsText(d.k as Table, o, true) : null;
  // keys and values that are vectors show their nulls blank, as a table's columns do (q4m's
  // `a1`a2`a3#`a1`a3!1 3 shows a2|, psaris' notes 0n 5 50 100!… a blank key); a general list's items
  // keep their own forms (kb/faq: trade 30000 shows price| 0n)
  // (keys that are a general list show as values do, kdb+ formats both sides alike: each atom in its own
  // form, `c1 beside 2 (Q for Mortals' (`c1;2)!.. in idlegene's notebooks), symbol vectors of one count as
  // a grid, a b c (Aaron Davies' eachc))
  // (values all empty general lists are blank, a grid of no columns as 2 0N#0#0 is: .Q.pn before .Q.cn
  // shows t|; beside others each keeps its form, .Q.opt shows param1| () above param2| ("as";"asd"), ref/dotq)
  const side = (x: Q): string[] => x.t === T.List && isGrid((x as List).d) ? gridLines((x as List).d, o) : x.t > 0 && x.t <= T.Enum ? colCells(x, o.P, tcell)
    : x.t === T.List && (x as List).d.every(v => v.t === T.List && !count(v)) ? (x as List).d.map(() => '') : items(x).map(v => s1(v, o.P, o.cols));
  const keys = head ? head.slice(1) : side(d.k);
  const vals = d.v.t === T.Table ? tableRowsAsText(d.v as Table, o) : side(d.v);
  const w = Math.max(0, ...keys.map(byteLength));
  const n = keys.length;
  const lines: string[] = [];
  const kw = head ? Math.max(w, byteLength(head[0])) : w;
  if (head) lines.push(pad(head[0], kw) + '|', '-'.repeat(kw) + '| ' + '-'.repeat(Math.max(0, ...vals.map(byteLength))));
  const shown = n > o.rows - 2 ? Math.max(0, o.rows - 3) : n;
  for (let i = 0; i < shown; i++) lines.push(pad(keys[i], kw) + '| ' + (vals[i] ?? ''));
  if (shown < n) lines.push('..');
  return lines.map(l => cut(l, o.cols));
}
function tableRowsAsText(t: Table, o: Opts, header = false): string[] {
  const n = count(t), cols = t.d.map(c => colCells(c, o.P, c.t > 0 ? tcell : cell, o.cols));
  const w = cols.map((c, j) => Math.max(header ? byteLength(t.c[j]) : 0, ...c.map(byteLength)));
  const rows = Array.from({ length: n }, (_, i) => cols.map((c, j) => pad(c[i], w[j])).join(' '));
  return header ? [t.c.map((c, j) => pad(c, w[j])).join(' '), ...rows] : rows;
}

/** The console display of a value, as lines joined by newlines (no trailing newline). */
export function show(x: Q, o: Opts): string {
  if (x.t === T.Table) return tableLines(x as Table, null, o).join('\n');
  // a column list!`ref before (or without) its table shows in one line
  if (x.t === T.Dict && (x as Dict).v.t < 0) return cut(s1(x, o.P, o.cols), o.cols);
  if (x.t === T.Dict) return dictLines(x as Dict, o).join('\n');
  if (x.t === T.List) {
    const d = (x as List).d;
    if (d.length === 0) return '()';
    let lines: string[];
    // only the lines that show are made: a longer list keeps rows-3 and adds '..' (as clip does), and a
    // grid's columns are as wide as the rows shown need (qbists' findingprimes essay)
    const shown = d.length > o.rows - 2 ? d.slice(0, Math.max(0, o.rows - 3)) : d;
    // dictionaries of like keys in the part shown are a table there, though a later one's keys differ
    // (qbists' allthatjazz essay: a 0h list of track dictionaries shows as a table, cut with ..)
    if (shown.length < d.length && shown[0].t === T.Dict) {
      const t = fromItems(shown);
      if (t.t === T.Table) return tableLines(t as Table, null, o).join('\n');
    }
    if (isGrid(d)) lines = gridLines(shown, o);
    // other items in one-line form: lists of pairs of unequal counts show as (0 0;0 1;0 2), as qbists'
    // AoC 2022 day 17 records its rocks
    else lines = shown.map(e => s1(e, o.P, o.cols));
    if (shown.length < d.length) lines.push('..');
    // a list of one item shows that item's line, with no comma: system "pwd" shows "/home/q", enlist
    // (::) shows :: (the one-line form, -3!, keeps the comma)
    return lines.map(l => cut(l, o.cols)).join('\n');
  }
  // a long vector: its first cols items already make a line longer than the console, whose cut is the
  // same as the whole vector's; formatting ten million items to show eighty characters would take seconds
  if (x.t > 0 && x.t <= T.Enum && count(x) > o.cols + 1) return cut(s1(firstItems(x, o.cols + 1), o.P), o.cols);
  return cut(s1(x, o.P, o.cols), o.cols);
}
export { bytesToStr };

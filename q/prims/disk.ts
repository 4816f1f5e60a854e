// Data on disk: set and get of kdb+ data files, splayed tables (a directory of column files and .d),
// .Q.en and the sym file, date-partitioned databases (.Q.dpft, \l db, .Q.par/.Q.PV/.Q.pf/.Q.pt),
// save/load/rsave/rload, file handles (hopen on a file, h x, neg[h] x, hclose) and -11! log replay.
// The host lends the file system (hooks.files); paths here never carry the leading ':'.
import { T } from '../value/types.js';
import { concat, allocRaw } from '../value/storage.js';
import { join as joinQ } from './join.js';
import { Q, Atom, Vec, List, Table, Dict, Attr, count, item, items, list, vec, table, sym, symVec, text, long, dict, isKeyed, NIL, NI, isNil, fromItems as fromItemsOf } from '../value/value.js';
import { QError, osError } from '../value/error.js';
import { symName } from '../value/sym.js';
import { hooks } from './hooks.js';
import { encodeFile, decodeFile, encodeAnymap, zipFile, unzipped, isZipped, zipInfo, logCount, logChunks, logReplay, fileHead, ENUM_HEADER, unzipRange, unzippedLength, width } from './kfile.js';
import { serializeOptions, deserializeOptions } from './ipc-prims.js';
import { enumExtend } from './enum.js';
import { iasc } from './order.js';
import { index } from './index.js';
import { setAttr } from './list.js';
import { qstring } from './strings.js';
import { pathOf, hsym, files, readPart, filePath } from './files.js';
import { INTERNAL } from './internal.js';
import { nameBytes } from '../value/utf8.js';

const trim = (p: string) => p.replace(/\/+$/, '');
const join = (dir: string, name: string) => (dir === '' || dir === '.' ? '' : trim(dir) + '/') + name;
const isDir = (p: string) => files().list(trim(p) || '.') !== null;
/** Is there a file or a directory (a splayed table) at the path? False where the host has no files. */
export function fileExists(p: string): boolean {
  const f = hooks.files(), path = trim(p) || '.';
  return !!f && (f.size(path) !== null || f.list(path) !== null);
}

// ---- one file -----------------------------------------------------------------------------------

/** Compression for the files a write makes: logical block size (a power of 2), algorithm, level; from
 *  set's left argument `(`:f;17;2;6)`, else .z.zd for files with no extension; null: none. */
export type Zip = [number, number, number] | null;
/** .z.zd's compression for the file at path: none for a name with a '.' in it (ref/dotz), `.d` included
 *  (kdb+'s tables splayed under .z.zd keep .d uncompressed, as the kdb+-written samples show). */
function zipDefault(path: string): Zip {
  const base = path.split('/').pop() ?? '';
  if (base.includes('.')) return null;
  let z: Q;
  try { z = hooks.getGlobal('.z.zd'); } catch { return null; }
  return zipPlan(z)(base) ?? null;
}
/** The compression z gives each file (or column) name: z three integers, or a dictionary of them by
 *  column name, the null symbol for the columns it does not name (ref/get, ref/dotz); a column's
 *  companions (col#, col##) go with it. undefined when a dictionary has neither; alg 0 is none. z is
 *  checked whole here: a malformed one is a type error before anything is written. */
export function zipPlan(z: Q): (name: string) => Zip | undefined {
  const one = (e: Q): Zip => { const v = zipArgs(e); if (!v) throw new QError('type'); return v[1] ? v : null; };
  if (z.t !== T.Dict) { const v = one(z); return () => v; }
  const d = z as Dict;
  if (d.k.t !== T.Sym || d.v.t !== T.List && d.v.t !== T.Int && d.v.t !== T.Long) throw new QError('type');
  const keys = Array.from((d.k as Vec).d as Int32Array, symName), zips = keys.map((_, i) => one(item(d.v, i)));
  return name => {
    const col = name.replace(/#+$/, ''), i = keys.indexOf(col) >= 0 ? keys.indexOf(col) : keys.indexOf('');
    return i < 0 ? undefined : zips[i];
  };
}
/** Three integers (an int or long vector, or a list of them) as compression parameters, or null. */
export function zipArgs(z: Q): Zip {
  const v = z.t === T.Int || z.t === T.Long ? Array.from((z as Vec).d as ArrayLike<number | bigint>, Number)
    : z.t === T.List ? (z as List).d.map(e => e.t === -T.Int || e.t === -T.Long ? Number((e as Atom).v) : NaN) : [];
  return v.length === 3 && v.every(Number.isInteger) ? v as [number, number, number] : null;
}
/** Write bytes to a file (compressed when zip is given), as 1: writes raw bytes. */
export const writeBytes = (path: string, b: Uint8Array, zip: Zip) => put(path, b, zip);
function put(path: string, b: Uint8Array, zip: Zip) { files().write(path, zip ? zipFile(b, zip[0], zip[1], zip[2], path) : b, false); }
export function writeFile(path: string, x: Q, zip: Zip = zipDefault(path)): void {
  // a list of lists (a nested column, a list of tables ...) as an anymap: col, col# and col## (kfile.ts)
  const any = x.t === T.List && count(x) ? encodeAnymap(x as List) : null;
  if (!any) { put(path, encodeFile(x, serializeOptions()), zip); return; }
  putAnymap(path, any, zip);
}
/** x 1: y of a general list: an anymap whatever it holds, an empty one too ('nyi when an item has none). */
export function writeAnymap(path: string, x: List, zip: Zip): void {
  const any = encodeAnymap(x);
  if (!any) throw new QError('nyi: 1: of a list holding a function or an enumeration (use set)');
  putAnymap(path, any, zip);
}
function putAnymap(path: string, any: NonNullable<ReturnType<typeof encodeAnymap>>, zip: Zip): void {
  // (the companions compressed with the file, and written before it: a reader never sees col without them)
  if (any.syms) put(path + '##', any.syms, zip); else if (files().size(path + '##') !== null) files().remove(path + '##');
  put(path + '#', any.hash, zip);
  put(path, any.col, zip);
}
export function readFile(path: string): Q {
  const size = files().size(path);
  if (size !== null && size >= DIRECT) { const v = readPlain([path]); if (v) return v; }
  const b = files().read(path);
  if (!b) throw osError(path);
  // a nested column's items are in its companion files, col# and col##
  return decodeFile(b, path, deserializeOptions(), suffix => files().read(path + suffix));
}

/** Files from this size are read as kdb+ maps them, straight into the vector's memory (readPlain); a
 *  smaller one is read whole, in one call, and decoded. */
const DIRECT = 1 << 16;
/** The items of the vector files at paths, one after the other, read straight into one vector's memory
 *  (in Node, from the page cache into the wasm heap): no buffer per file, no copy from it, no join. The
 *  files must all be laid out plainly (fileHead's off: not compressed, not nested) with one type and
 *  domain, and hold the counts given (a partition's rows), else it is null and the caller decodes.
 *  What kdb+ does with mmap, this does with one read per file into memory that is mostly reused. */
function readPlain(paths: string[], counts?: number[]): Vec | null {
  const f = files();
  if (!f.readAt) return null;
  const heads = paths.map(headOf);
  const h0 = heads[0];
  if (!h0 || h0.off === undefined || heads.some((h, i) => !h || h.off === undefined || h.t !== h0.t || h.dom !== h0.dom || (counts && h.n !== counts[i]))) return null;
  const w = width(h0.t), total = heads.reduce((k, h) => k + h!.n, 0);
  const d = allocRaw(h0.t, total), bytes = new Uint8Array(d.buffer, d.byteOffset, total * w);
  // kdb+ 4 keeps an enumeration's indices as longs: each file's are read into one scratch buffer and
  // narrowed (an index is under 2^31; the long null, and anything out of range, is the null index)
  const wide = heads.some(h => h!.long) ? new Int32Array(2 * Math.max(...heads.map(h => h!.n))) : null;
  let o = 0;
  heads.forEach((h, i) => {
    const n = h!.n, want = n * (h!.long ? 8 : w);
    const into = h!.long ? new Uint8Array(wide!.buffer, 0, want) : bytes.subarray(o, o + want), got = f.readAt!(paths[i], h!.off!, want, into);
    if (!got || got.length !== want) throw new QError(paths[i] + ': truncated kdb+ data file');
    // a host may read into a buffer of its own instead
    if (got.buffer !== into.buffer || got.byteOffset !== into.byteOffset) into.set(got);
    if (h!.long) {
      const r = d as Int32Array, k = o / 4;
      for (let j = 0; j < n; j++) { const lo = wide![2 * j], hi = wide![2 * j + 1]; r[k + j] = hi === 0 && lo >= 0 ? lo : NI; }
    }
    o += n * w;
  });
  const v = { t: h0.t, d, a: counts ? 0 : h0.a } as Vec;   // a partitioned column has no attribute
  if (h0.dom) v.dom = h0.dom;
  return v;
}

// ---- splayed tables -----------------------------------------------------------------------------

/** `:dir/t/ set t: one file per column and .d with the column names; symbols must be enumerated. */
/** The compression of the file at path, when it is compressed: what an append keeps. */
function keptZip(path: string): Zip {
  const size = files().size(path);
  const z = size === null ? null : zipInfo((off, len) => readPart(path, off, len), size);
  return z ? [z.lbs, z.alg, z.lvl] : null;
}
/** A table splayed to dir. keep: each column written back compressed as it was (an append keeps what
 *  compression each file had, as kdb+ does), else as zip or .z.zd says. */
export function splay(dir: string, x: Q, zip?: Zip | ((column: string) => Zip | undefined), keep = false): void {
  if (x.t !== T.Table) throw new QError('type');
  const t = x as Table;
  // kdb+ will not splay a symbol column that is not enumerated (.Q.en does that)
  t.d.forEach(c => { if (c.t === T.Sym) throw new QError('type'); });
  // a column's compression: set's (a dictionary's by column, else .z.zd's), or what the file had (keep)
  const zipOf = (c: string, p: string): Zip => typeof zip === 'function' ? zip(c) ?? zipDefault(p)
    : zip !== undefined ? zip : (keep ? keptZip(p) : null) ?? zipDefault(p);
  t.c.forEach((c, j) => {
    // (a column of strings, or any list of lists, is an anymap: col, col# and col##)
    const p = join(dir, c);
    writeFile(p, t.d[j], zipOf(c, p));
  });
  // .d last: a reader never sees the names of columns not yet written
  writeFile(join(dir, '.d'), symVec(t.c), zip === undefined || typeof zip === 'function' ? zipDefault(join(dir, '.d')) : zip);
}
export function readSplayed(dir: string, only: string[] | null = null): Table {
  const d = readFile(join(dir, '.d'));
  if (d.t !== T.Sym) throw new QError(join(dir, '.d') + ': not a column list');
  const all = Array.from((d as Vec).d as Int32Array, symName);
  const names = only ? all.filter(c => only.includes(c)) : all;
  const cols = names.map(c => readFile(join(dir, c)));
  const n = cols.length ? count(cols[0]) : 0;
  cols.forEach((c, j) => { if (count(c) !== n) throw new QError(join(dir, names[j]) + ': length'); });
  return table(names, cols);
}

// ---- set get save load ---------------------------------------------------------------------------

/** `:path set x — a file, or a splayed table when the path ends in '/'. */
export function setFile(p: string, x: Q, zip?: Zip | ((column: string) => Zip | undefined), keep = false): Q {
  if (p.endsWith('/')) { splay(trim(p), x, zip, keep); return sym(':' + p); }
  if (typeof zip === 'function') throw new QError('type');   // a dictionary of compressions is for a table splayed
  writeFile(p, x, zip !== undefined ? zip : (keep ? keptZip(p) : null) ?? zipDefault(p));
  return sym(':' + p);
}
/** get `:path — a file's object, a splayed table's directory, or a directory of files as a dictionary. */
export function getFile(p: string): Q {
  const path = trim(p) || '.';
  const ls = files().list(path);
  if (ls === null) return readFile(path);
  // mapped from its directory, as \l maps one: .Q.qp of it is 0b (kdb-common's .type.isSplayedTable)
  if (ls.includes('.d')) return mappedFrom(readSplayed(path), ':' + path.replace(/\/+$/, '') + '/');
  // a folder of files is their values by name, as load makes it (ref/get: "a file or folder")
  return loadPath(path);
}
/** load `:dir/name — the global named like the file (a directory of files: a dictionary of them). */
export function load(x: Q): Q {
  if (x.t === T.Sym) return fromItemsOf(items(x).map(load));
  const p = x.t === -T.Sym && !((x as Atom).v as string).startsWith(':') ? (x as Atom).v as string : pathOf(hsym(x));
  const name = trim(p).split('/').pop()!;
  hooks.setGlobal(name, loadPath(trim(p)));
  return sym(name);
}
function loadPath(path: string): Q {
  const ls = files().list(path);
  if (ls === null) return readFile(path);
  if (ls.includes('.d')) return readSplayed(path);
  const names = ls.filter(n => !n.startsWith('.')).sort();
  return { t: T.Dict, k: symVec(names), v: list(names.map(n => loadPath(join(path, n)))) } as Dict;
}
/** save `:dir/t (binary; .csv/.txt are text, in files.ts) and rsave `t (splayed). */
export function saveBinary(p: string, name: string): Q {
  return setFile(p, hooks.getGlobal(name));
}
export const rsave = (x: Q): Q => { const n = symArg(x); return setFile(n + '/', hooks.getGlobal(n.split('/').pop()!)); };
export const rload = (x: Q): Q => { const n = symArg(x); hooks.setGlobal(n.split('/').pop()!, readSplayed(n)); return sym(n.split('/').pop()!); };
const symArg = (x: Q): string => { if (x.t !== -T.Sym) throw new QError('type'); const s = (x as Atom).v as string; return s.startsWith(':') ? s.slice(1) : s; };

// ---- values given by name ----------------------------------------------------------------------------

/**
 * A value given as itself or by name, to read and replace: `name (a global) or `:path (a file or splayed
 * table: read, changed, written back). A file that is not there reads as an empty list when `create`
 * (amending creates it), else it is an error naming it.
 */
/** The files a directory and symbol index name (@[`:db/t;`price;…] or `.d): each amended on its own,
 *  or null when x is not a directory or i not symbols. */
/** The directory a file symbol names, or null when it is not one: a path that is not there yet is a
 *  directory to make (dbmaint's addtable: @[`:db/d/t;`;:;0#t]); a file that is there is its value. */
function dirOf(x: Q): string | null {
  if (x.t !== -T.Sym || !((x as Atom).v as string).startsWith(':')) return null;
  const dir = ((x as Atom).v as string).slice(1);
  return !isDir(dir) && fileExists(dir) ? null : dir;
}
export function filesIn(x: Q, i: Q): string[] | null {
  const dir = i.t === -T.Sym || i.t === T.Sym ? dirOf(x) : null;
  if (dir === null) return null;
  return (i.t === -T.Sym ? [i] : items(i)).map(s => join(dir, (s as Atom).v as string));
}

/** The file a directory and a path of symbols name at depth, .[`:db;`t`;…] as .Q.chk writes a table
 *  (`:db/t/, a trailing ` making it a directory: a splayed table); null when x is not a directory (one
 *  not there yet is made) or i not a symbol vector. */
export function fileAtDepth(x: Q, i: Q): Q | null {
  const dir = i.t === T.Sym && count(i) ? dirOf(x) : null;
  if (dir === null) return null;
  const names = Array.from((i as Vec).d as Int32Array, symName);
  if (names.slice(0, -1).some(n => !n)) return null;
  return sym(':' + join(dir, names.join('/')));
}

export function named(x: Q, create = false): { readonly v: Q; put: (r: Q) => Q } {
  if (x.t !== -T.Sym) return { v: x, put: r => r };
  const name = (x as Atom).v as string;
  if (name.startsWith(':')) {
    const p = name.slice(1);
    // (a splayed table named without its trailing slash is written back splayed)
    return { get v() { return create && !fileExists(p) ? list([]) : getFile(p); }, put: r => { setFile(!p.endsWith('/') && r.t === T.Table && isDir(p) ? p + '/' : p, r, undefined, true); return x; } };
  }
  // a namespace (`. or `.ns) amended by name (@[`.;`t;0#]): the members that changed are set
  if (name === '.' || (name[0] === '.' && hooks.isNamespace(name))) {
    const was = hooks.getGlobal(name) as Dict;
    return { v: was, put: r => {
      if (r.t !== T.Dict || (r as Dict).k.t !== T.Sym) throw new QError('type');
      const pre = name === '.' ? '' : name + '.', old = new Map(items(was.k).map((k, i) => [(k as Atom).v as string, item(was.v, i)]));
      items((r as Dict).k).forEach((k, i) => { const m = (k as Atom).v as string, v = item((r as Dict).v, i); if (m && old.get(m) !== v) hooks.setGlobal(pre + m, v); });
      // and the members it no longer has are gone (.[`.foo;();_;`baz]: qspec's mock restore)
      const kept = new Set(items((r as Dict).k).map(k => (k as Atom).v as string));
      if (name !== '.') for (const m of old.keys()) if (m && !kept.has(m)) hooks.deleteMember(name, m);
      return x;
    } };
  }
  // a partitioned table stays on disk: amending it by name (insert, upsert, xasc, @) is kdb+'s 'par
  return { get v() { return hooks.getGlobal(name); }, put: r => { if (partedTables().has(name) && isParted(hooks.getGlobal(name))) throw new QError('par'); hooks.setGlobal(name, r); return x; } };
}
/** Is x a splayed table as \l maps it (its ref the directory, `:dir/t/)? */
export const isSplayed = (x: Q): boolean => x.t === T.Table && !!(x as Table).ref && (x as Table).ref!.startsWith(':') && (x as Table).ref!.endsWith('/');
/** Is x a partitioned table as \l mapped it (not a copy of its rows made by a query)? */
export const isParted = (x: Q): boolean => x.t === T.Table && !!(x as Table).ref && !(x as Table).ref!.startsWith(':') && partedTables().has((x as Table).ref!);

// ---- .Q.en .Q.dpft .Q.par -----------------------------------------------------------------------

/** .Q.en[`:dir;t]: symbol columns enumerated against `sym, kept in dir/sym (read first if it exists). */
export const qen = (d: Q, x: Q): Q => qens([d, x, sym('sym')]);
/** .Q.ens[`:dir;t;name]: as .Q.en, against the domain name, kept in dir/name. */
export function qens(a: Q[]): Q {
  const [d, x, n] = a;
  if (x.t !== T.Table || n.t !== -T.Sym) throw new QError('type');
  const dom = (n as Atom).v as string, t = x as Table;
  // symbol columns, and columns of symbol lists (nested, since 3.4: kb/splayed-tables)
  const nested = (c: Q) => c.t === T.List && count(c) > 0 && (c as List).d.every(e => e.t === T.Sym);
  if (!t.d.some(c => c.t === T.Sym || nested(c))) return t;
  const enumerated = () => table(t.c, t.d.map(c => c.t === T.Sym ? enumExtend(dom, c) : nested(c) ? list((c as List).d.map(e => enumExtend(dom, e))) : c));
  // .Q.en[::;t]: against the global alone, no file kept (ref/dotq, since 4.1 2025.01.17)
  if (isNil(d)) {
    try { hooks.getGlobal(dom); } catch { hooks.setGlobal(dom, symVec([])); }
    return enumerated();
  }
  // without a file yet, the domain starts from the global as it is
  return withSymFile(join(pathOf(d), dom), dom, false, enumerated);
}

/** The symbol list in file p as the global dom (read again: another process may have added to it), f run
 *  against it, and the file written when the list grew or was not there. A missing file starts the
 *  global empty when `fresh`, else as it is. The file is kept uncompressed whatever .z.zd says: kdb+
 *  extends a domain file in place (its samples written under .z.zd keep sym plain). */
function withSymFile<R>(p: string, dom: string, fresh: boolean, f: () => R): R {
  const had = files().size(p) !== null;
  if (had || fresh) {
    const cur = had ? readFile(p) : symVec([]);
    if (cur.t !== T.Sym) throw new QError(p + ': not a kdb+ symbol file');
    hooks.setGlobal(dom, cur);
  }
  const before = had ? count(hooks.getGlobal(dom)) : -1, r = f(), now = hooks.getGlobal(dom);
  if (count(now) !== before) {
    // a compressed domain file is read but never extended (wp/symfiles): the domain stays as the file has it
    if (had && isZipped(readPart(p, 0, 8))) { hooks.setGlobal(dom, readFile(p)); throw new QError('no append to zipped enums: ' + p); }
    writeFile(p, now, null);
  }
  return r;
}

/** `:f?syms (ref/enum-extend): the symbol list in file f (none when there is no file) becomes the global
 *  named as f's last part, the syms are enumerated against it, extending it, and f is written with the
 *  symbols added. The enumeration's domain is that global. */
export function fileEnumExtend(f: string, x: Q): Q {
  const p = f.slice(1), dom = p.slice(p.lastIndexOf('/') + 1);
  if (!dom) throw new QError('type');
  return withSymFile(p, dom, true, () => enumExtend(dom, x));
}

/** .Q.dpft[d;p;f;t]: the global table t enumerated, sorted by f with `p#, f first, splayed to d/p/t/. */
export const dpft = (a: Q[]): Q => savePart(a[0], a[1], a[2], a[3], 'sym');
/** .Q.dpfts[d;p;f;t;s]: as .Q.dpft, its symbols enumerated against the domain s. */
export const dpfts = (a: Q[]): Q => savePart(a[0], a[1], a[2], a[3], domName(a[4]));
/** .Q.dpt[d;p;t] and .Q.dpts[d;p;t;s]: the table splayed as it is, unsorted, with no attribute. */
export const dpt = (a: Q[]): Q => savePart(a[0], a[1], null, a[2], 'sym');
export const dpts = (a: Q[]): Q => savePart(a[0], a[1], null, a[2], domName(a[3]));
function domName(s: Q): string {
  if (s.t !== -T.Sym) throw new QError('type');
  return (s as Atom).v as string;
}
function savePart(d: Q, p: Q, f: Q | null, tn: Q, dom: string): Q {
  if (tn.t !== -T.Sym || (f && f.t !== -T.Sym)) throw new QError('type');
  const name = (tn as Atom).v as string, fld = f ? (f as Atom).v as string : '';
  let t = hooks.getGlobal(name);
  if (isKeyed(t)) throw new QError('type');
  t = qens([d, t, sym(dom)]);
  let tb = t as Table;
  if (fld) {
    const j = tb.c.indexOf(fld);
    if (j < 0) throw new QError(fld);
    const g = iasc(tb.d[j]);
    const cols = tb.d.map(c => index(c, g));
    cols[j] = { ...(cols[j] as Vec), a: Attr.P };
    const order = [j, ...tb.c.map((_, k) => k).filter(k => k !== j)];
    tb = table(order.map(k => tb.c[k]), order.map(k => cols[k]));
  }
  splay(join(pathOf(d), join(partDir(p), name)), tb);
  return sym(name);
}
const partDir = (p: Q): string => text(qstring(p));

/** x dsave y: the global tables named in y enumerated against x's sym file and splayed under x (a root, or
 *  a root then a path within it such as a partition), each with `p# on its first column. */
export function dsave(x: Q, y: Q): Q {
  const at = x.t === -T.Sym ? [x] : x.t === T.Sym ? items(x) : null;
  const names = y.t === -T.Sym ? [(y as Atom).v as string] : y.t === T.Sym ? items(y).map(n => (n as Atom).v as string) : null;
  if (!at || !at.length || !names) throw new QError('type');
  const root = at[0], dir = at.slice(1).reduce((d: string, p) => join(d, partDir(p)), pathOf(root));
  for (const name of names) {
    const v = hooks.getGlobal(name);
    if (v.t !== T.Table) throw new QError('type');
    const t = qen(root, v) as Table;
    splay(join(dir, name), t.c.length ? table(t.c, [setAttr('p', t.d[0]), ...t.d.slice(1)]) : t);
  }
  return y;
}
/** .Q.par[dir;part;table]: where a partition's table lives. In a segmented database (dir/par.txt) the
 *  segment is picked round-robin by the partition's value, as kdb+ documents; no segment is looked into. */
export function qpar(a: Q[]): Q {
  const dir = pathOf(a[0]), segs = segments(dir), v = Number((a[1] as Atom).v);
  const at = segs.length ? segs[((v % segs.length) + segs.length) % segs.length] : dir;
  // (the current directory stays in the path: .Q.par[`:.;d;`t] is `:./d/t, as wp/hdb-analysis records)
  const part = at === '.' ? './' + partDir(a[1]) : join(at, partDir(a[1]));
  return sym(':' + join(part, (a[2] as Atom).v as string));
}
/** The segments a database's par.txt lists (relative to the database, unless absolute); none without it. */
function segments(root: string): string[] {
  const p = join(root, 'par.txt');
  if (!fileExists(p)) return [];
  const txt = new TextDecoder().decode(files().read(p) ?? new Uint8Array(0));
  return txt.split(/\r?\n/).map(l => l.trim()).filter(Boolean).map(l => l.startsWith('/') ? trim(l) : join(root, l));
}

// ---- partitioned databases ------------------------------------------------------------------------

/** A table spread over partition directories (each partition's directory in paths, its value in vals,
 *  ascending): read only when a query asks for partitions. */
export interface Parted { name: string; pf: string; type: number; paths: string[]; vals: number[]; cols: string[]; home?: string; fill?: boolean }
/** What a session has mapped: its partitioned tables, and the partitions of the database \l mapped last
 *  (the directory of each and its value). Kept per session, by the file system its host lends. */
interface Mapped { tables: Map<string, Parted>; db: DbParts | null }
/** The partitions in view (paths, vals), and all that \l found, each with its segment (.Q.view picks). */
interface DbParts { pf: string; type: number; paths: string[]; vals: number[]; all: { path: string; seg: string; v: number }[]; root: string; segs: string[] }
const mappedBy = new WeakMap<object, Mapped>(), noFiles: Mapped = { tables: new Map(), db: null };
function mapped(): Mapped {
  const f = hooks.files();
  if (!f) return noFiles;
  let m = mappedBy.get(f);
  if (!m) mappedBy.set(f, m = { tables: new Map(), db: null });
  return m;
}
/** The session's partitioned tables, by name. */
export const partedTables = () => mapped().tables;

const PARTS: [RegExp, string, number, (s: string) => number][] = [
  [/^\d{4}\.\d\d\.\d\d$/, 'date', T.Date, s => { const [y, m, d] = s.split('.').map(Number); return (Date.UTC(y, m - 1, d) - Date.UTC(2000, 0, 1)) / 86400000; }],
  [/^\d{4}\.\d\d$/, 'month', T.Month, s => { const [y, m] = s.split('.').map(Number); return (y - 2000) * 12 + m - 1; }],
  // four digits are a year (its partition column an int named year), unless other partitions are longer
  // or shorter numbers: then all are ints (.Q.pf is one of `date`month`year`int, ref/dotq)
  [/^\d{4}$/, 'year', T.Int, Number],
  [/^\d+$/, 'int', T.Int, Number],
];
/** The kind of partition among directory names, or none. */
function partKind(names: string[]): typeof PARTS[number] | undefined {
  const k = PARTS.find(([re]) => names.some(n => re.test(n)));
  return k?.[1] === 'year' && names.some(n => /^\d+$/.test(n) && n.length !== 4) ? PARTS[PARTS.length - 1] : k;
}

/** A table as \l maps it: its one-line form names the directory (`:./t/) or the partitioned table. */
function mappedFrom(t: Table, ref: string): Table { t.ref = ref; return t; }

/** \l of a splayed table's directory or of a data file (basics/syscmds): the table mapped, or the object
 *  read, as the global named as its last part, and that name; null for anything else (a script, a
 *  database directory). */
export function loadData(path: string): string | null {
  const p = trim(path) || '.', name = p.slice(p.lastIndexOf('/') + 1), ls = files().list(p);
  if (ls !== null) {
    if (!ls.includes('.d') || !name || name === '.' || name === '..') return null;
    hooks.setGlobal(name, mappedFrom(readSplayed(p), ':' + p + '/'));
    return name;
  }
  const size = files().size(p);
  if (size === null || size < 2 || /\.[qks]$/.test(p)) return null;
  // a kdb+ data file by its first bytes: ff 01 (serialized), fe 20 / fd 20 (mapped), fe and a 3.x
  // enumeration's domain, kxzipped (compressed); a script is text (a truncated data file is still data,
  // and its error names it)
  const b = readPart(p, 0, Math.min(8, size));
  if (!(b[0] === 0xff && b[1] === 1 || (b[0] === 0xfe || b[0] === 0xfd) && b[1] === 0x20 || b[0] === 0xfe && b[1] > 0x20 || isZipped(b))) return null;
  hooks.setGlobal(name, readFile(p));
  return name;
}

/** flip of cols!`:dir/ or cols!`name (ref/flip-splayed): the splayed table's columns read from dir, or the
 *  partitioned table's (with its partition column); when there is none, the same flipped and unresolved,
 *  or under strict (a query of it) kdb+'s error: the first column's file, or the name. */
export function mapTable(d: Dict, strict: boolean): Q {
  const cols = items(d.k).map(c => (c as Atom).v as string), ref = (d.v as Atom).v as string;
  if (ref.startsWith(':')) {
    const dir = trim(ref.slice(1)) || '.', ls = files().list(dir);
    const missing = ls === null ? cols[0] : cols.find(c => !ls.includes(c));
    if (missing === undefined) return mappedFrom(table(cols, cols.map(c => readFile(join(dir, c)))), ref);
    if (strict) throw osError(ref.slice(1).replace(/\/?$/, '/') + missing);
  } else {
    const pt = partedTables().get(ref);
    if (pt && cols.every(c => pt.cols.includes(c))) return mappedFrom(partTable(pt, null, cols), ref);
    if (strict) throw new QError(ref);
  }
  return { t: T.Dict, k: d.k, v: d.v, flipped: true } as Dict;
}

/** \l dir: its data files become globals, its splayed tables are read, and partitions are mapped; in a
 *  segmented database (par.txt) the partitions are those of every segment it lists. */
/** \l of a directory: its data files, splayed tables and partitions mapped; its scripts run (after the
 *  data) when a runner is given. A name ending in $ is passed over, as kdb+ does. */
export function loadDb(root: string, runScript: ((path: string) => void) | null = null): void {
  root = trim(root) || '.';
  const dirsOf = (d: string) => (files().list(d || '.') ?? []).filter(n => !n.startsWith('.') && !n.endsWith('$') && isDir(join(d, n))).sort();
  const ls = (files().list(root) ?? []).filter(n => !n.startsWith('.') && !n.endsWith('$')).sort();
  const scripts: string[] = [];
  const segs = segments(root);
  for (const s of segs) if (!isDir(s)) throw new QError(s + ': missing segment');
  // (segment or root, partition directory) pairs
  const cands: [string, string][] = segs.length ? segs.flatMap(s => dirsOf(s).map(n => [s, n] as [string, string])) : ls.filter(n => isDir(join(root, n))).map(n => [root, n]);
  const kind = partKind(cands.map(([, n]) => n));
  for (const n of ls) {
    const p = join(root, n);
    // (an anymap's companions, x# and x##, are read with x)
    if (!isDir(p)) { if (n.endsWith('.q')) scripts.push(p); else if (!n.endsWith('.txt') && !n.endsWith('.csv') && !n.endsWith('#')) hooks.setGlobal(n, readFile(p)); continue; }
    if (kind && kind[0].test(n)) continue;
    if ((files().list(p) ?? []).includes('.d')) hooks.setGlobal(n, mappedFrom(readSplayed(p), ':' + (root === '.' ? '.' : root) + '/' + n + '/'));
  }
  if (kind) mapParts(root, cands, kind, segs);
  if (runScript) for (const p of scripts) runScript(p);
}
function mapParts(root: string, cands: [string, string][], kind: typeof PARTS[number], segs: string[]): void {
  const [re, pf, type, parse] = kind;
  // one partitioned database at a time, as a q process maps one: the tables of an earlier \l go
  const parted = partedTables();
  parted.clear();
  const parts = cands.filter(([, n]) => re.test(n)).map(([s, n]) => ({ seg: s, path: join(s, n), v: parse(n) }));
  parts.sort((a, b) => a.v - b.v);
  // the tables are those of the last partition, as kdb+ reads them
  const last = parts[parts.length - 1].path;
  const names = (files().list(last) ?? []).filter(n => (files().list(join(last, n)) ?? []).includes('.d')).sort();
  for (const name of names) {
    const d = readFile(join(join(last, name), '.d'));
    const cols = Array.from((d as Vec).d as Int32Array, symName);
    const pt: Parted = { name, pf, type, paths: parts.map(p => p.path), vals: parts.map(p => p.v), cols };
    parted.set(name, pt);
    hooks.computed(name, () => mappedFrom(partTable(pt, null), name));
  }
  mapped().db = { pf, type, paths: parts.map(p => p.path), vals: parts.map(p => p.v), all: parts, root, segs };
  hooks.setGlobal('.Q.pf', sym(pf));
  hooks.setGlobal('.Q.PV', vec(type, Int32Array.from(parts, p => p.v)));
  hooks.setGlobal('.Q.pt', symVec(names));
  inView(parts);
  // .Q.u: each partition is found in one segment only (always, without segments)
  hooks.setGlobal('.Q.u', { t: -T.Bool, v: new Set(parts.map(p => p.v)).size === parts.length ? 1 : 0 } as Q);
  hooks.setGlobal('.Q.vp', dict(symVec([]), list([])));
  hooks.setGlobal('.Q.PD', symVec(parts.map(p => ':' + p.seg)));
  if (segs.length) {
    // the segments, and the partitions in each (conformant to .Q.P)
    hooks.setGlobal('.Q.P', symVec(segs.map(s => ':' + s)));
    hooks.setGlobal('.Q.D', list(segs.map(s => vec(type, Int32Array.from(parts.filter(p => p.seg === s), p => p.v)))));
  }
}

/** The partitions every query of a partitioned table reads: the view's globals (the partition field,
 *  .Q.pv, .Q.pd) follow it, and the counts .Q.cn kept are cleared, as kdb+ clears them. */
function inView(parts: { path: string; seg: string; v: number }[]): void {
  const db = mapped().db!, paths = parts.map(p => p.path), vals = parts.map(p => p.v);
  db.paths = paths; db.vals = vals;
  for (const pt of partedTables().values()) { pt.paths = paths; pt.vals = vals; }
  const pv = vec(db.type, Int32Array.from(vals));
  hooks.setGlobal(db.pf, pv);
  hooks.setGlobal('.Q.pv', pv);
  hooks.setGlobal('.Q.pd', symVec(parts.map(p => ':' + p.seg)));
  const names = [...partedTables().keys()].sort();
  hooks.setGlobal('.Q.pn', dict(symVec(names), list(names.map(() => list([])))));
}
/** The partition values an atom or vector of the partitions' type names ('type for another type). */
function partValues(x: Q, type: number): Set<number> {
  if (Math.abs(x.t) !== type) throw new QError('type');
  return new Set<number>(x.t < 0 ? [Number((x as Atom).v)] : Array.from((x as Vec).d as Int32Array));
}
/** .Q.view x: queries of the partitioned tables read only the partitions whose values x lists;
 *  .Q.view[] (or ::) every partition again. A filter that matches none is an error (kdb+ 4.1). */
export function qview(x: Q): Q {
  const db = mapped().db;
  if (!db) throw new QError('.Q.view: no partitioned database loaded');
  if (isNil(x)) { inView(db.all); return NIL; }
  const want = partValues(x, db.type);
  const kept = db.all.filter(p => want.has(p.v));
  if (!kept.length) throw new QError('invalid partition filter');
  inView(kept);
  return NIL;
}

/** .Q.li x: the partitions x lists that are on disk but not yet mapped join the database (and the view);
 *  the others are passed over. */
export function qli(x: Q): Q {
  const db = mapped().db;
  if (!db) throw new QError('.Q.li: no partitioned database loaded');
  const want = partValues(x, db.type);
  const [re, , , parse] = PARTS.find(k => k[2] === db.type && k[1] === db.pf) ?? PARTS.find(k => k[2] === db.type)!;
  const have = new Set(db.all.map(p => p.path)), found: { path: string; seg: string; v: number }[] = [];
  for (const seg of db.segs.length ? db.segs : [db.root]) {
    for (const n of files().list(seg) ?? []) {
      const path = join(seg, n);
      if (re.test(n) && want.has(parse(n)) && !have.has(path) && isDir(path)) found.push({ path, seg, v: parse(n) });
    }
  }
  if (!found.length) return NIL;
  const byV = (a: { v: number }, b: { v: number }) => a.v - b.v;
  db.all = [...db.all, ...found].sort(byV);
  const shown = new Set(db.paths);
  inView([...db.all.filter(p => shown.has(p.path)), ...found].sort(byV));
  hooks.setGlobal('.Q.PV', vec(db.type, Int32Array.from(db.all, p => p.v)));
  hooks.setGlobal('.Q.PD', symVec(db.all.map(p => ':' + p.seg)));
  return NIL;
}

/** The rows of the partitions the mask keeps (null: all), with the partition column first; only the
 *  columns listed, when a list is given (at least one is read, for the partitions' row counts). */
/** The partition column: each partition's value repeated over its rows. */
function partColumn(rows: number[], vals: number[]): Int32Array {
  // in vector memory, where a kernel grouping by it reads it without a copy
  const d = allocRaw(T.Int, rows.reduce((a, b) => a + b, 0)) as Int32Array;
  let o = 0;
  rows.forEach((k, i) => { d.fill(vals[i], o, o + k); o += k; });
  return d;
}
export function partTable(pt: Parted, keep: Uint8Array | null, only: string[] | null = null): Table {
  if (!only && pt.cols.length && (!keep || keep.some(k => k))) return lazyPartTable(pt, keep);
  // a query that reads no column (select count i by date) needs each partition's count alone, which a
  // column file's head gives: no column is read (it read one column of every partition)
  if (only && !only.length && pt.cols.length && keep?.some(k => k) !== false) {
    const rows: number[] = [], pvals: number[] = [];
    pt.paths.forEach((dir, i) => {
      if (keep && !keep[i]) return;
      const path = join(dir, pt.name);
      if (files().list(path) === null) { if (pt.fill) return; throw new QError(path + ': missing partition'); }
      rows.push(rowCount(join(path, pt.cols[0]))); pvals.push(pt.vals[i]);
    });
    if (rows.length) {
      return table([pt.pf], [vec(pt.type, partColumn(rows, pvals))]);
    }
  }
  const want = only ? (only.length ? only : pt.cols.slice(0, 1)) : pt.cols;
  const kept: { path: string; v: number }[] = [];
  pt.paths.forEach((dir, i) => {
    if (keep && !keep[i]) return;
    const path = join(dir, pt.name);
    // kdb+ fills a partition that lacks the table only when asked to (.Q.bv); else it is an error naming it
    if (files().list(path) === null) { if (pt.fill) return; throw new QError(path + ': missing partition'); }
    const d = readFile(join(path, '.d'));
    if (d.t !== T.Sym) throw new QError(join(path, '.d') + ': not a column list');
    const has = new Set(Array.from((d as Vec).d as Int32Array, symName)), missing = want.find(c => !has.has(c));
    if (missing) throw new QError(path + ': no column ' + missing);
    kept.push({ path, v: pt.vals[i] });
  });
  // no partition kept: the last one's columns with no rows, so the result keeps its types
  if (!kept.length) {
    const t = readSplayed(pt.home ?? join(pt.paths[pt.paths.length - 1], pt.name), only && want), none = vec(T.Int, new Int32Array(0));
    return table([pt.pf, ...want], [vec(pt.type, new Int32Array(0)), ...want.map(c => index(t.d[t.c.indexOf(c)], none))]);
  }
  const rows = kept.map(p => rowCount(join(p.path, want[0]))), linked = linker();
  const cols = want.map(c => {
    // a link column's indices move per partition (linker); any other plain column is read in place
    const h = headOf(join(kept[0].path, c)), plain = !(h?.dom && partedTables().get(h.dom)?.cols.length) && readPlain(kept.map(p => join(p.path, c)), rows);
    if (plain) return plain;
    const cs = kept.map(p => linked(readFile(join(p.path, c)), p.path));
    cs.forEach((x, k) => { if (count(x) !== rows[k]) throw new QError(join(kept[k].path, c) + ': length'); });
    return joinCols(cs);
  });
  // the partition column is made only if the query reads it: its partitions' starts come from rows
  const pcol = lazyVec(pt.type, undefined, () => vec(pt.type, partColumn(rows, kept.map(p => p.v))));
  const t = table([pt.pf, ...want], [pcol, ...cols]);
  partCounts.set(t, { name: pt.name, rows: () => rows, parts: kept });
  return t;
}
/** A reader of link columns across partitions: a link (`t1!indices` into a partitioned t1) indexes its
 *  own partition's rows of t1, as links do not span partitions (kb/linking-columns), so each partition's
 *  indices move past t1's rows in the partitions before it. t1's rows per partition are counted once a
 *  reader, not once a partition. Any other column passes as it is. */
function linker(): (c: Q, tablePath: string) => Q {
  const starts = new Map<string, Map<string, number>>();
  const startsOf = (dom: string, pd: Parted) => {
    let m = starts.get(dom);
    if (!m) {
      m = new Map();
      let o = 0;
      for (const p of pd.paths) { m.set(p, o); const f = join(join(p, dom), pd.cols[0]); if (files().size(f) !== null) o += rowCount(f); }
      starts.set(dom, m);
    }
    return m;
  };
  return (c, tablePath) => {
    const dom = c.t === T.Enum ? (c as Vec).dom : undefined, pd = dom ? partedTables().get(dom) : undefined;
    if (!pd || !pd.cols.length) return c;
    const offset = startsOf(dom!, pd).get(tablePath.slice(0, Math.max(0, tablePath.lastIndexOf('/')))) ?? 0;
    if (!offset) return c;
    const d = (c as Vec).d as Int32Array, r = new Int32Array(d.length);
    for (let i = 0; i < d.length; i++) r[i] = d[i] === NI ? NI : d[i] + offset;
    return { ...(c as Vec), d: r } as Vec;
  };
}
/** What a column file's first 4096 bytes tell (kfile's fileHead); null when they do not, or no file. A
 *  compressed file's are those it holds: only its trailer and first block are read. */
function headOf(path: string): ReturnType<typeof fileHead> {
  const size = files().size(path);
  if (size === null) return null;
  const head = readPart(path, 0, Math.min(size, ENUM_HEADER));
  if (!isZipped(head)) return fileHead(head, size);
  const part = (o: number, n: number) => readPart(path, o, n), ulen = unzippedLength(part, size, path);
  const h = fileHead(unzipRange(part, size, path, 0, ENUM_HEADER), ulen);
  // its items are not in the file as they are: it is read and unzipped whole
  return h && { ...h, off: undefined };
}
/** The count of a column file from its head alone, else from reading it. */
const rowCount = (path: string) => headOf(path)?.n ?? count(readFile(path));
/** A vector whose items are read the first time they are asked for. */
function lazyVec(t: number, dom: string | undefined, load: () => Q): Vec {
  let d: Vec['d'] | null = null;
  const v = { t, a: 0 } as Vec;
  if (dom) v.dom = dom;
  Object.defineProperty(v, 'd', {
    enumerable: true, configurable: true,
    get() { return d ??= (load() as Vec).d; },
    set(x: Vec['d']) { d = x; },
  });
  return v;
}
/** Per-partition row counts of the partitioned tables that name this table value made (.Q.cn). */
const partCounts = new WeakMap<Table, { name: string; rows: () => number[]; parts: { path: string; v: number }[] }>();
/** A partitioned table as kdb+ maps it: the partitions' directories are checked now, but a column is
 *  read only when its items are first used, so `count t` reads the heads of one column's files and
 *  `meta t` the heads of each column's files in the last partition. A column whose head says nothing
 *  without reading (a compressed file, a serialized list) is read now. */
function lazyPartTable(pt: Parted, keep: Uint8Array | null): Table {
  let kept = pt.paths.flatMap((dir, i) => keep && !keep[i] ? [] : [{ path: join(dir, pt.name), v: pt.vals[i] }]);
  // after .Q.bv a partition that lacks the table has no rows of it
  if (pt.fill) kept = kept.filter(p => files().list(p.path) !== null);
  if (!kept.length) return partTable(pt, new Uint8Array(pt.paths.length), pt.cols);
  for (const { path } of kept) {
    const ls = files().list(path);
    // kdb+ fills a partition that lacks the table only when asked to (.Q.bv); else it is an error naming it
    if (ls === null) throw new QError(path + ': missing partition');
    const missing = pt.cols.find(c => !ls.includes(c));
    if (missing) throw new QError(path + ': no column ' + missing);
  }
  let counts: number[] | null = null;
  const rows = () => counts ??= kept.map(p => rowCount(join(p.path, pt.cols[0])));
  const pcol = lazyVec(pt.type, undefined, () => vec(pt.type, partColumn(rows(), kept.map(p => p.v))));
  const last = kept[kept.length - 1].path;
  const cols = pt.cols.map(c => {
    const load = () => {
      // a link column's indices move per partition (linker); any other plain column is read in place
      const h = headOf(join(last, c)), plain = !(h?.dom && partedTables().get(h.dom)?.cols.length) && readPlain(kept.map(p => join(p.path, c)), rows());
      if (plain) return plain;
      const linked = linker(), cs = kept.map(p => linked(readFile(join(p.path, c)), p.path));
      cs.forEach((x, i) => { if (count(x) !== rows()[i]) throw new QError(join(kept[i].path, c) + ': length'); });
      return joinCols(cs);
    };
    const h = headOf(join(last, c));
    if (!(h && h.t !== T.List)) return load();
    const v = lazyVec(h.t, h.dom, load);
    // meta shows the last partition's attribute, as kdb+ reads it; the joined column has none
    if (h.a) shownAttr.set(v, h.a);
    return v;
  });
  const t = table([pt.pf, ...pt.cols], [pcol, ...cols]);
  partCounts.set(t, { name: pt.name, rows, parts: kept });
  return t;
}
/** The first row of each partition that has rows, from the partitions' counts (no column is read);
 *  undefined for a table lazyPartTable did not make. */
export function partStarts(t: Table): Int32Array | null | undefined {
  const p = partCounts.get(t);
  if (!p) return undefined;
  const out: number[] = [];
  p.rows().reduce((o, k) => { if (k) out.push(o); return o + k; }, 0);
  return out.length > 1 ? Int32Array.from(out) : null;
}
/** The attribute meta shows for a column of a partitioned table: its file's in the last partition. */
export const shownAttr = new WeakMap<object, number>();

/** .Q.ind[t;i]: rows i (longs, counted across the partitions in order) of a partitioned table, read
 *  from the partitions that hold them only. */
export function qind(x: Q, y: Q): Q {
  const p = x.t === T.Table ? partCounts.get(x as Table) : undefined;
  if (!p) throw new QError('type');
  if (y.t !== T.Long && y.t !== -T.Long) throw new QError('type');
  const want = y.t < 0 ? [Number((y as Atom).v)] : Array.from((y as Vec).d as BigInt64Array, Number);
  const rows = p.rows(), starts: number[] = [];
  rows.reduce((o, k) => { starts.push(o); return o + k; }, 0);
  const total = rows.reduce((a, b) => a + b, 0);
  // each wanted row: its partition and its row there; the partitions read once each
  const at = want.map(r => {
    if (!(r >= 0 && r < total)) throw new QError('index');
    let k = starts.length - 1;
    while (starts[k] > r) k--;
    return [k, r - starts[k]] as const;
  });
  const t = x as Table, cols = t.c.slice(1), read = new Map<number, Table>();
  const part = (k: number) => read.get(k) ?? (read.set(k, readSplayed(p.parts[k].path, cols)), read.get(k)!);
  const pieces = at.map(([k, r]) => index(part(k), longOf([r])) as Table);
  const pcol = vec((t.d[0] as Vec).t, Int32Array.from(at, ([k]) => p.parts[k].v));
  const base = pieces.length ? pieces : [index(part(p.parts.length - 1), longOf([])) as Table];
  const body = cols.map((_, j) => joinCols(base.map(q => q.d[j])));
  return table(t.c, [pcol, ...body]);
}
const longOf = (xs: number[]) => vec(T.Long, BigInt64Array.from(xs, BigInt));

/** .Q.chk[root]: every partition gets the tables it lacks, empty, made from the most recent partition
 *  that has each; for each partition (newest first) the directory it fixed, or an empty list. */
export function qchk(x: Q): Q {
  const root = pathOf(x), ls = (files().list(root) ?? []).filter(n => isDir(join(root, n)));
  const kind = partKind(ls);
  if (!kind) return list([]);
  const parts = ls.filter(n => kind[0].test(n)).sort((a, b) => kind[3](b) - kind[3](a)).map(n => join(root, n));
  const tablesIn = (d: string) => (files().list(d) ?? []).filter(n => (files().list(join(d, n)) ?? []).includes('.d'));
  const template = new Map<string, string>();
  for (const d of parts) for (const n of tablesIn(d)) if (!template.has(n)) template.set(n, join(d, n));
  return list(parts.map(d => {
    const have = new Set(tablesIn(d)), missing = [...template.keys()].filter(n => !have.has(n));
    for (const n of missing) {
      const src = template.get(n)!, t = readSplayed(src), none = vec(T.Long, new BigInt64Array(0));
      splay(join(d, n), table(t.c, t.d.map(c => index(c, none))));
    }
    return missing.length ? symVec([':' + d]) : list([]);
  }));
}
/** .Q.lo[db;cd;scripts]: \l of a database, changing directory and running its scripts only as asked. */
export function qlo(a: Q[]): Q {
  const flag = (x: Q) => { if (x.t >= 0 || x.t === -T.Sym) throw new QError('type'); return Number((x as Atom).v) !== 0; };
  // the database as a file symbol or a plain one (ref/dotq: .Q.l`db)
  hooks.loadDir(filePath(a[0]) || '.', flag(a[1]), flag(a[2]));
  return NIL;
}

/** .Q.bv[]: the tables of every partition, not only the last, become partitioned tables, and a partition
 *  that lacks one has no rows of it (kdb+ fills those from .Q.vp, which this sets to each such table's
 *  empty schema). */
export function qbv(_x: Q): Q {
  const db = mapped().db, parted = partedTables();
  if (!db) throw new QError('.Q.bv: no partitioned database loaded');
  const { pf, type, paths, vals } = db, homes = new Map<string, string>(), everywhere = new Map<string, number>();
  for (const dir of paths) {
    for (const n of (files().list(dir) ?? []).sort()) {
      if (!(files().list(join(dir, n)) ?? []).includes('.d')) continue;
      homes.set(n, join(dir, n));
      everywhere.set(n, (everywhere.get(n) ?? 0) + 1);
    }
  }
  const vpNames: string[] = [], vpTables: Q[] = [];
  for (const [name, home] of homes) {
    const d = readFile(join(home, '.d'));
    const cols = Array.from((d as Vec).d as Int32Array, symName);
    const pt: Parted = parted.get(name) ?? { name, pf, type, paths, vals, cols };
    pt.home = home; pt.fill = true;
    if (!parted.has(name)) { parted.set(name, pt); hooks.computed(name, () => mappedFrom(partTable(pt, null), name)); }
    if (everywhere.get(name)! < paths.length) {
      const t = readSplayed(home), none = vec(T.Int, new Int32Array(0));
      vpNames.push(name); vpTables.push(table([pf, ...t.c], [vec(type, new Int32Array(0)), ...t.d.map(c => index(c, none))]));
    }
  }
  hooks.setGlobal('.Q.pt', symVec([...parted.keys()].sort()));
  hooks.setGlobal('.Q.vp', vpNames.length ? dict(symVec(vpNames), list(vpTables)) : dict(symVec([]), list([])));
  return NIL;
}
/** .Q.cn t: the rows in each partition of a partitioned table, from the heads of its first column's
 *  files; kept in .Q.pn under the table's name. */
export function qcn(x: Q): Q {
  const p = x.t === T.Table ? partCounts.get(x as Table) : undefined;
  if (!p) throw new QError('type');
  const r = vec(T.Long, BigInt64Array.from(p.rows(), BigInt));
  let pn: Q;
  try { pn = hooks.getGlobal('.Q.pn'); } catch { pn = NIL; }
  const keys = pn.t === T.Dict ? Array.from(((pn as Dict).k as Vec).d as Int32Array, symName) : [];
  const vals = pn.t === T.Dict ? items((pn as Dict).v) : [];
  const i = keys.indexOf(p.name);
  if (i < 0) { keys.push(p.name); vals.push(r); } else vals[i] = r;
  hooks.setGlobal('.Q.pn', dict(symVec(keys), list(vals)));
  return r;
}
function joinCols(cs: Q[]): Q {
  const t = cs[0].t;
  if (t > 0 && t <= T.Enum && cs.every(c => c.t === t && (c as Vec).dom === (cs[0] as Vec).dom)) {
    const r = { t, d: concat(t, cs.map(c => (c as Vec).d)), a: 0 } as Vec;
    if ((cs[0] as Vec).dom) r.dom = (cs[0] as Vec).dom;
    return r;
  }
  return list(cs.flatMap(c => items(c)));
}

// ---- file handles ----------------------------------------------------------------------------------

const handles = new Map<number, string>();
let nextLocal = 1000;
/** hopen `:path: a handle that appends to the file, created (with its directories) if missing. */
export function openFile(path: string): number {
  if (files().size(path) === null) files().write(path, new Uint8Array(0), true);
  const h = hooks.reserveHandle() ?? nextLocal++;
  handles.set(h, path);
  return h;
}
export const isFileHandle = (h: number) => handles.has(h);
/** hopen `:fifo://path: a handle that reads a named pipe (or any file) from its start, a read at a time. */
const readers = new Map<number, number>();
export function openReader(path: string): number {
  const f = files();
  if (!f.openRead) throw new QError('nyi');
  const id = f.openRead(path), h = hooks.reserveHandle() ?? nextLocal++;
  readers.set(h, id);
  return h;
}
/** read1 h, read1 (h;n): the next bytes of a reading handle, at most n (65536 when not given: kdb+'s
 *  buffer); none at its end. Null when h is not one. */
export function readHandle(h: number, n = 65536): Uint8Array | null {
  const id = readers.get(h);
  if (id === undefined) return null;
  if (!(n >= 0)) throw new QError('domain');
  return files().readNext!(id, n);
}
export function closeFile(h: number): boolean {
  const id = readers.get(h);
  if (id !== undefined) { readers.delete(h); files().closeRead?.(id); hooks.releaseHandle(h); return true; }
  if (!handles.delete(h)) return false;
  hooks.releaseHandle(h);
  return true;
}
/** h x (neg: lines): text or bytes are appended as they are; other objects are appended as log items. */
export function writeHandle(h: number, x: Q, lines: boolean): void {
  const path = handles.get(h)!, f = files();
  if (x.t === T.Char || x.t === -T.Char) { f.write(path, nameBytes(text(x) + (lines ? '\n' : '')), true); return; }
  if (x.t === T.Byte) { f.write(path, (x as Vec).d as Uint8Array, true); return; }
  if (x.t === -T.Byte) { f.write(path, Uint8Array.of((x as Atom).v), true); return; }
  if (lines && x.t === T.List && (x as List).d.every(e => e.t === T.Char || e.t === -T.Char)) {
    f.write(path, nameBytes((x as List).d.map(e => text(e) + '\n').join('')), true); return;
  }
  if (lines) throw new QError('type');
  appendItems(path, items(x));
}
/** Is the file a general list in kdb+'s file form (a log that items can be appended to)? */
export function isLogFile(path: string): boolean {
  if (isDir(path)) return false;
  const b = head8(path);
  return !!b && logCount(b) !== null;
}
/** A file's first 8 bytes, read alone where the host can (a log's header: appending must not read it all). */
function head8(path: string): Uint8Array | null {
  return files().size(path) === null ? null : readPart(path, 0, 8);
}
/** Append items to a general-list file (a log): their serializations after the file's end, its count left
 *  as it was, as kdb+ leaves it (kfile.ts). */
export function appendItems(path: string, xs: Q[]): void {
  const f = files(), b = head8(path) ?? new Uint8Array(0);
  if (b.length === 0) f.write(path, Uint8Array.of(0xff, 1, 0, 0, 0, 0, 0, 0), false);
  else if (logCount(b) === null) {
    // a list set as an anymap (col, col#, col##) is written again with the items after its own
    const v = readFile(path);
    // a vector file takes items of its own type (nano appends through a handle to a file set as 0#v)
    if (v.t > 0 && v.t < T.Table) {
      let r: Q = v;
      for (const x of xs) { r = joinQ(r, x); if (r.t !== v.t) throw new QError('type'); }
      return writeFile(path, r, keptZip(path));
    }
    if (v.t !== T.List) throw new QError(path + ': not a kdb+ list file');
    return writeFile(path, list([...(v as List).d, ...xs]), keptZip(path));
  }
  f.write(path, logChunks(xs, serializeOptions()), true);
}

/** -11!x, -11!(-1;x), -11!(-2;x), -11!(n;x): replay a log's chunks through .z.ps (or value). */
export function replay(x: Q): Q {
  let n = -1, target = x;
  if (x.t === T.List && count(x) === 2) { const [a, b] = (x as List).d; n = Number((a as Atom).v); target = b; }
  const path = pathOf(target), b = files().read(path);
  if (!b) throw osError(path);
  if (logCount(b) === null) throw new QError('badtail');
  // -2 counts: a valid log gives its chunk count, a corrupt one the valid chunks and where they end (a
  // general list of the two, which kdb+ shows a line each: kb/logging)
  if (n === -2) { const r = logReplay(b, Infinity, () => {}, deserializeOptions()); return r.bad ? list([long(r.chunks), long(r.end)]) : long(r.chunks); }
  const r = logReplay(b, n < 0 ? Infinity : n, c => { hooks.ps(c); }, deserializeOptions());
  if (r.bad && n < 0) throw new QError('badtail');
  return long(r.chunks);
}


INTERNAL['-11'] = replay;
/** -23!x: make x resident (basics/internal). wasq's values are in memory already (a mapped table's columns
 *  are read by the query that needs them), so x comes back as it is. */
INTERNAL['-23'] = x => x;
/** -120!x: x's memory domain. wasq has one (no -m filesystem-backed domain): 0. */
INTERNAL['-120'] = () => long(0n);
/** -19!(src;tgt;lbs;alg;lvl): src's bytes (uncompressed first, when it is compressed) written to tgt
 *  compressed, a nested column's companions with it; tgt a directory takes src's name. The result is what
 *  kdb+ shows (basics/internal): the percentage of the bytes saved. */
INTERNAL['-19'] = x => {
  if (x.t !== T.List || count(x) !== 5) throw new QError('type');
  const [s, t, ...z] = (x as List).d, zip = zipArgs(list(z));
  if (!zip) throw new QError('type');
  const src = pathOf(s);
  let tgt = pathOf(t);
  if (tgt.endsWith('/') || isDir(tgt)) tgt = join(trim(tgt), src.split('/').pop()!);
  const [before, after] = zipCopy(src, tgt, zip[1] ? zip : null);
  return { t: -T.Float, v: before ? 100 * (1 - after / before) : 0 } as Atom;
};
/** File src's bytes (uncompressed first, when it is compressed) written to tgt compressed as zip says, a
 *  nested column's companions (src#, src##) with it; tgt may be src itself (each file is read whole before
 *  it is written). The bytes before and after. -19! and (tgt;lbs;alg;lvl) set `:src (wp/compress:
 *  "converting saved data to compressed format"). */
export function zipCopy(src: string, tgt: string, zip: Zip): [number, number] {
  let before = 0, after = 0;
  for (const suffix of ['', '#', '##']) {
    const b = files().read(src + suffix);
    if (!b) { if (suffix) continue; throw osError(src); }
    const u = unzipped(b, src + suffix), out = zip ? zipFile(u, zip[0], zip[1], zip[2], tgt + suffix) : u;
    files().write(tgt + suffix, out, false);
    before += u.length; after += out.length;
  }
  return [before, after];
}
/** -21!`:f: a compressed file's statistics (an empty dictionary for a file not compressed). */
INTERNAL['-21'] = x => {
  const p = pathOf(x), size = files().size(p);
  if (size === null) throw osError(p);
  const z = zipInfo((off, len) => readPart(p, off, len), size);
  if (!z) return dict(symVec([]), list([]));
  return dict(symVec(['compressedLength', 'uncompressedLength', 'algorithm', 'logicalBlockSize', 'zipLevel']),
    list([long(BigInt(z.clen)), long(BigInt(z.ulen)), { t: -T.Int, v: z.alg } as Atom, { t: -T.Int, v: z.lbs } as Atom, { t: -T.Int, v: z.lvl } as Atom]));
};

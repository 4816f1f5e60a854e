// Text and files: 0: (prepare, save, load CSV, load fixed, key-value pairs), read0 read1 hsym hcount
// hdel, key on a directory, save and load with .csv/.txt. The host lends the file system (hooks.files).
import { T } from '../value/types.js';
import { Q, Atom, Vec, List, Dict, Table, count, item, items, fromItems, list, vec, table, str, sym, symVec, text, long, isKeyed, atomsToVec, nullOf } from '../value/value.js';
import { QError } from '../value/error.js';
import { symName } from '../value/sym.js';
import { hooks } from './hooks.js';
import { tok } from './conv.js';
import { itemText } from '../format/text.js';
import { unkey } from './list.js';
import { deenum } from '../value/enums.js';

const files = () => { const f = hooks.files(); if (!f) throw new QError('nyi'); return f; };
/** The path of a file symbol `:dir/file (or a string). */
export function pathOf(x: Q): string {
  const s = x.t === -T.Sym ? (x as Atom).v as string : x.t === T.Char ? text(x) : (() => { throw new QError('type'); })();
  if (!s.startsWith(':')) throw new QError('type');
  return s.slice(1);
}
const enc = new TextEncoder(), dec = new TextDecoder();

export const hsym = (x: Q): Q => {
  if (x.t === -T.Sym) { const s = (x as Atom).v as string; return sym(s.startsWith(':') ? s : ':' + s); }
  if (x.t === T.Sym) return symVec(Array.from((x as Vec).d as Int32Array, id => { const s = symName(id); return s.startsWith(':') ? s : ':' + s; }));
  if (x.t === T.Char) return sym(':' + text(x));
  throw new QError('type');
};

function readBytes(x: Q): Uint8Array {
  const p = pathOf(x), b = files().read(p);
  if (!b) throw new QError(p);
  return b;
}
/** Lines of text (a trailing newline ends the last line; \r\n is one line end). */
const lines = (b: Uint8Array): string[] => { const s = dec.decode(b); const l = s.split(/\r?\n/); if (l.length && l[l.length - 1] === '') l.pop(); return l; };

export const read0 = (x: Q): Q => list(lines(readBytes(x)).map(l => str(l)));
export const read1 = (x: Q): Q => vec(T.Byte, readBytes(x).slice());
export const hcount = (x: Q): Q => { const n = files().size(pathOf(x)); if (n === null) throw new QError(pathOf(x)); return long(n); };
export const hdel = (x: Q): Q => { if (!files().remove(pathOf(x))) throw new QError(pathOf(x)); return x; };
/** key `:dir — the entries of a directory, sorted. */
export function dirKey(path: string): Q {
  const l = files().list(path);
  if (l === null) { const b = files().size(path); return b === null ? list([]) : sym(':' + path); }
  return symVec(l.sort());
}

// ---- 0: -------------------------------------------------------------------------------------------

/** The text of one cell for prepare text; temporals in ISO 8601 form, as kdb+ writes them. */
function cellOut(x: Q, delim: string): string {
  if (x.t === -T.Enum) x = deenum(x);
  let s: string;
  if (x.t === T.Char || x.t === -T.Char) s = text(x);
  else if (x.t === -T.Sym) s = (x as Atom).v;
  else if (x.t < 0) {
    const t = -x.t, v = (x as Atom).v;
    s = itemText(t, v, 17);
    if (t === T.Date || t === T.Timestamp || t === T.Datetime || t === T.Month) s = s.replace(/^(\d{4})\.(\d\d)(?:\.(\d\d))?/, (_m, y, mo, d) => d ? `${y}-${mo}-${d}` : `${y}-${mo}`);
    if (/^0[Nn]/.test(s)) s = '';
  } else throw new QError('type');
  return s.includes(delim) || s.includes('"') || s.includes('\n') ? '"' + s.replace(/"/g, '""') + '"' : s;
}

/** delimiter 0: t — a table (or a list of columns with names first) as delimited lines. */
function prepare(delim: string, x: Q): Q {
  let t: Table;
  if (x.t === T.Table) t = x as Table;
  else if (isKeyed(x)) t = unkey(x as Dict);
  else if (x.t === T.List) { const cols = (x as List).d; return list(items(cols[0]).map((_, r) => str(cols.map(c => cellOut(item(c, r), delim)).join(delim)))); }
  else throw new QError('type');
  const out = [str(t.c.join(delim))];
  for (let r = 0; r < count(t); r++) out.push(str(t.d.map(c => cellOut(item(c, r), delim)).join(delim)));
  return list(out);
}

/** Split one delimited line, honouring "quoted" fields with doubled quotes. */
function splitLine(line: string, d: string): string[] {
  if (!line.includes('"')) return line.split(d);
  const out: string[] = [];
  let cur = '', q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (q) { if (c === '"') { if (line[i + 1] === '"') { cur += '"'; i++; } else q = false; } else cur += c; }
    else if (c === '"') q = true;
    else if (c === d) { out.push(cur); cur = ''; }
    else cur += c;
  }
  out.push(cur);
  return out;
}

/** Columns of text fields parsed by type chars (" " skips a column, "*" keeps strings). */
function parseColumns(types: string, fields: string[][], ncol: number): Q[] {
  const out: Q[] = [];
  for (let j = 0; j < types.length && j < ncol; j++) {
    const tc = types[j];
    if (tc === ' ') continue;
    const col = fields.map(f => f[j] ?? '');
    if (tc === '*') { out.push(list(col.map(s => str(s)))); continue; }
    const t = 'BGXHIJEFCSPMDZNUVT'.indexOf(tc.toUpperCase());
    if (t < 0) throw new QError(tc);
    const code = [1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19][t];
    if (code === T.Char) { out.push(vec(T.Char, Uint8Array.from(col, s => s.charCodeAt(0) || 32))); continue; }
    if (code === T.Sym) { out.push(symVec(col)); continue; }
    out.push(atomsToVec(code, col.map(s => s === '' ? { t: -code, v: nullOf(code) } : tok(code, str(s)) as Atom)));
  }
  return out;
}

/** (types;delim) 0: text, or (types;enlist delim) with a header line giving column names. */
function loadCsv(spec: List, src: Q): Q {
  const [tq, dq] = spec.d;
  const types = text(tq);
  const header = dq.t === T.Char && count(dq) === 1;
  const d = header ? String.fromCharCode(((dq as Vec).d as Uint8Array)[0]) : dq.t === -T.Char ? String.fromCharCode((dq as Atom).v) : null;
  let ls: string[] = src.t === -T.Sym ? lines(readBytes(src)) : src.t === T.Char ? [text(src)] : items(src).map(l => text(l));
  if (d === null) return loadFixed(types, items(dq).map(w => Number((w as Atom).v)), ls);
  let names: string[] = [];
  if (header) { names = splitLine(ls[0] ?? '', d); ls = ls.slice(1); }
  const fields = ls.map((l, i) => { try { return splitLine(l, d); } catch { throw new QError(`line ${i + 1}`); } });
  const cols = parseColumns(types, fields, types.length);
  if (!header) return list(cols);
  return table(names.filter((_, j) => types[j] !== ' ' && j < types.length).map(n => n.trim()), cols);
}

/** (types;widths) 0: lines — fixed-width fields. */
function loadFixed(types: string, widths: number[], ls: string[]): Q {
  const fields = ls.map(l => { let o = 0; return widths.map(w => { const s = l.slice(o, o + w).trim(); o += w; return s; }); });
  return list(parseColumns(types, fields, widths.length));
}

/** "S=;" 0: "a=1;b=2" — key-value pairs: keys as symbols (type S), values as strings. */
function keyValues(spec: string, src: Q): Q {
  const [, kv, pair] = spec;
  const pairs = text(src).split(pair).filter(Boolean).map(p => { const i = p.indexOf(kv); return i < 0 ? [p, ''] : [p.slice(0, i), p.slice(i + 1)]; });
  return list([symVec(pairs.map(p => p[0])), list(pairs.map(p => str(p[1])))]);
}

/** The 0: operator. */
export function fileText(x: Q, y: Q): Q {
  if (x.t === -T.Sym) {
    // save text: each string a line
    const ls = items(y).map(l => { if (l.t !== T.Char && l.t !== -T.Char) throw new QError('type'); return text(l); });
    files().write(pathOf(x), enc.encode(ls.map(l => l + '\n').join('')), false);
    return x;
  }
  if (x.t === -T.Char) return prepare(String.fromCharCode((x as Atom).v), y);
  if (x.t === T.Char && count(x) === 3 && y.t === T.Char) return keyValues(text(x), y);
  if (x.t === T.List && count(x) === 2) return loadCsv(x as List, y);
  throw new QError('type');
}

/** save `:t.csv (or .txt) writes the global t as text; other suffixes are kdb+ binary files ('nyi). */
export function save(x: Q): Q {
  const p = pathOf(hsym(x)), m = /([^/]+?)(\.(csv|txt))?$/.exec(p)!;
  const name = m[1];
  if (!m[3]) throw new QError('nyi');
  const t = hooks.getGlobal(name);
  files().write(p, enc.encode((items(prepare(m[3] === 'csv' ? ',' : '\t', t)).map(l => text(l) + '\n')).join('')), false);
  return hsym(x);
}
export { fromItems };

// .Q utilities that are easier to get right in TypeScript than in q (ref/dotq): number formatting,
// name sanitizing, base64, foreign keys, garbage collection.
import { T } from '../value/types.js';
import { Q, Atom, Vec, Dict, Table, List, count, list, items, dict, table, str, sym, symVec, text, long, vec, isKeyed } from '../value/value.js';
import { QError } from '../value/error.js';
import { isForeignKey } from '../value/enums.js';
import { collectNow } from '../value/heap.js';
import { PRIMS } from './registry.js';
import { INTERNAL } from './internal.js';
import { f1 } from './numeric.js';
import { hooks } from './hooks.js';
import { tok } from './conv.js';
import { halfEven } from '../format/text.js';
import { gzipSync, gunzipSync, unzlibSync } from 'fflate';

const numberOf = (x: Q): number => {
  if (x.t >= 0 || x.t < -T.Float || x.t === -T.Guid || x.t === -T.Char) throw new QError('type');
  return f1(x.t, (x as Atom).v);
};

/** .Q.f[x;y]: y to x decimal places, as kdb+ computes it: y times ten x times, rounded to a whole number,
 *  whose last x digits are the decimals (so .Q.f[2;.045] is "0.05", where -27! gives the exact "0.04");
 *  a number below 1 goes through 10+y, and past 9e15 the result is y's own string. */
export function qf(x: Q, y: Q): Q {
  const d = Number(numberOf(x)), v = numberOf(y);
  if (!Number.isInteger(d) || d < 0 || d > 100) throw new QError('domain');
  const f = (v: number): string => {
    if (v !== v) return '';
    if (v < 0 || Object.is(v, -0)) return '-' + f(-v);
    if (v < 1) return f(10 + v).slice(1);
    let m = v;
    for (let i = 0; i < d; i++) m *= 10;
    const j = Math.round(m);
    // (v, not y: the sign of a negative y is already written)
    if (!(j < 9e15)) return text(PRIMS.string.m!({ t: -T.Float, v } as Atom));
    const a = String(j);
    return d ? a.slice(0, a.length - d) + '.' + a.slice(a.length - d) : a;
  };
  return str(f(v));
}
/** -27!(x;y): y (atomic) to x decimal places, rounded from its exact binary value. */
INTERNAL['-27'] = (a: Q): Q => {
  if (a.t !== T.List || count(a) !== 2) throw new QError('type');
  const [x, y] = (a as List).d, d = Number(numberOf(x));
  if (!Number.isInteger(d) || d < 0 || d > 100) throw new QError('domain');
  const one = (v: number) => str(v !== v ? '0n' : !Number.isFinite(v) ? (v > 0 ? '0w' : '-0w') : fixedEven(v, d));
  // atomic: through lists at any depth, and a dictionary's values
  const go = (y: Q): Q => y.t < 0 ? one(numberOf(y)) : y.t === T.Dict ? dict((y as Dict).k, go((y as Dict).v)) : list(items(y).map(go));
  return go(y);
};
/** v to d decimal places as printf writes it: IEEE754's rounding, so an exact tie goes to the even digit
 *  (2.5 is "2", 1.125 is "1.12"), where toFixed rounds it away from zero. */
const fixedEven = (v: number, d: number): string => halfEven(v.toFixed(d), Math.abs(v), d);
/** .Q.fmt[x;y;z]: z to y decimal places, right-aligned in x characters; stars when it does not fit. */
export function qfmt(a: Q[]): Q {
  const w = Number(numberOf(a[0])), s = text(qf(a[1], a[2]));
  return str(s.length > w ? '*'.repeat(w) : s.padStart(w));
}

/** .Q.fk x: the table a foreign-key column points to, else the null symbol. */
export function qfk(x: Q): Q {
  return sym(x.t === T.Enum && isForeignKey((x as Vec).dom!) ? (x as Vec).dom! : '');
}

/** .Q.qp x: 1b for a partitioned table as \l maps it, 0b for a splayed one, 0 for anything else (a query's
 *  result included: it is a table in memory). */
export function qp(x: Q): Q {
  const ref = x.t === T.Table ? (x as Table).ref : undefined;
  return ref === undefined ? long(0) : { t: -T.Bool, v: ref.startsWith(':') ? 0 : 1 } as Atom;
}

/** The control words and keywords q reserves, which .Q.id keeps a column name from being. */
export const RES = ['abs', 'acos', 'asin', 'atan', 'avg', 'bin', 'binr', 'cor', 'cos', 'cov', 'delete', 'dev', 'div', 'do',
  'enlist', 'exec', 'exit', 'exp', 'getenv', 'hopen', 'if', 'in', 'insert', 'last', 'like', 'log', 'max', 'min', 'prd',
  'select', 'setenv', 'sin', 'sqrt', 'ss', 'sum', 'tan', 'update', 'var', 'wavg', 'while', 'within', 'wsum', 'xexp'];

/** One name made a valid q name: only letters, digits and _ kept, a leading digit or _ prefixed with a. */
function sanitize(s: string): string {
  let r = s.replace(/[^A-Za-z0-9_]/g, '');
  if (!r && s) r = 'a';
  if (/^[0-9_]/.test(r)) r = 'a' + r;
  return r;
}
/** A column name sanitized, and suffixed 1 when it clashes with a reserved word or a .q keyword. */
const column = (s: string): string => { const r = sanitize(s); return RES.includes(r) || (!!PRIMS[r] && /^[a-z]/.test(r)) ? r + '1' : r; };
/** Column names sanitized and then made distinct (since 4.1): a repeat gets 1, the next 2 … (a a1 a2). */
function columns(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map(n => { const c = column(n), k = seen.get(c) ?? 0; seen.set(c, k + 1); return k ? c + k : c; });
}

/** .Q.id x: a symbol made a valid name; a table's (or a dictionary's) column names made usable in qSQL. */
export function qid(x: Q): Q {
  if (x.t === -T.Sym) return sym(sanitize((x as Atom).v));
  if (x.t === T.Sym) return symVec(items(x).map(e => sanitize((e as Atom).v)));
  if (x.t === T.Table) return table(columns((x as Table).c), (x as Table).d);
  if (isKeyed(x)) { const d = x as Dict; return dict(qid(d.k), qid(d.v)); }
  if (x.t === T.Dict && (x as Dict).k.t === T.Sym) return dict(symVec(columns(items((x as Dict).k).map(e => (e as Atom).v))), (x as Dict).v);
  throw new QError('type');
}

/** The bytes of a string or byte vector. */
function bytesOf(x: Q): Uint8Array {
  if (x.t === T.Char || x.t === T.Byte) return (x as Vec).d as Uint8Array;
  if (x.t === -T.Char || x.t === -T.Byte) return Uint8Array.of((x as Atom).v);
  throw new QError('type');
}
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** .Q.btoa x: base64 of a string's bytes. */
export function btoa(x: Q): Q {
  const b = bytesOf(x);
  let s = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i] << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    s += B64[n >> 18] + B64[(n >> 12) & 63] + (i + 1 < b.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < b.length ? B64[n & 63] : '=');
  }
  return str(s);
}
/** .Q.atob x: the bytes base64 text stands for; 'domain when it is not padded to whole quads. */
export function atob(x: Q): Q {
  const s = new TextDecoder().decode(bytesOf(x));
  if (s.length % 4 || !/^[A-Za-z0-9+/]*={0,2}$/.test(s)) throw new QError('domain');
  const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0, out = new Uint8Array(s.length / 4 * 3 - pad);
  for (let i = 0, j = 0; i < s.length; i += 4) {
    const n = (B64.indexOf(s[i]) << 18) | (B64.indexOf(s[i + 1]) << 12) | ((B64.indexOf(s[i + 2]) & 63) << 6) | (B64.indexOf(s[i + 3]) & 63);
    for (const v of [n >> 16, (n >> 8) & 255, n & 255]) if (j < out.length) out[j++] = v & 255;
  }
  return vec(T.Byte, out);
}

/** .Q.gc[]: collect, and say what went back to the system: nothing, as a wasm memory never shrinks. */
export function qgc(_: Q): Q {
  collectNow();
  return long(0);
}

/** .Q.hg url: the body of an HTTP GET, as text; .Q.hp[url;mime type;body] posts. The URL is a symbol
 *  (`:http://…) or a string. */
export const qhg = (x: Q): Q => httpText(x, null);
export const qhp = (a: Q[]): Q => httpText(a[0], { type: text(a[1]), data: (a[2].t === T.Char || a[2].t === T.Byte ? a[2] as Vec : str(text(a[2]))).d as Uint8Array });
function httpText(x: Q, body: { type: string; data: Uint8Array } | null): Q {
  const http = hooks.http();
  if (!http) throw new QError('nyi');
  const url = (x.t === -T.Sym ? (x as Atom).v as string : text(x)).replace(/^:/, '');
  if (!/^https?:\/\//.test(url)) throw new QError('hop. ' + url + ': not an http or https URL');
  return vec(T.Char, http(url, body));
}

/** .Q.addr `name: its IPv4 address as an int (a dotted address is read without a look-up). */
export function qaddr(x: Q): Q {
  if (x.t !== -T.Sym) throw new QError('type');
  const name = String((x as Atom).v);
  let ip = /^\d{1,3}(\.\d{1,3}){3}$/.test(name) ? name : null;
  if (!ip) { const r = hooks.resolve(); if (!r) throw new QError('nyi'); ip = r({ name }); }
  // the address as "I"$ reads one
  return tok(T.Int, str(ip));
}
/** .Q.host ip: the name of an IPv4 address (an int), ` when it has none. */
export function qhost(x: Q): Q {
  if (x.t !== -T.Int) throw new QError('type');
  const v = (x as Atom).v as number, ip = [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.');
  const r = hooks.resolve();
  if (!r) throw new QError('nyi');
  return sym(r({ ip }));
}

/** .Q.gz: (level;data) gzips, data alone gunzips (gzip or zlib streams), [::] says zlib is there. The
 *  result has the argument's type: chars give chars, bytes give bytes. */
export function qgz(x: Q): Q {
  if (x.t === T.Unary || x.t === T.Op || (x.t === T.List && !(x as List).d.length)) return { t: -T.Bool, v: 1 } as Q;
  const bytesOf = (v: Q): Uint8Array => {
    if (v.t === T.Char || v.t === T.Byte) return (v as Vec).d as Uint8Array;
    throw new QError('type');
  };
  if (x.t === T.List && (x as List).d.length === 2) {
    const [lv, data] = (x as List).d;
    if (lv.t !== -T.Long && lv.t !== -T.Int) throw new QError('type');
    const level = Number((lv as Atom).v);
    if (!(level >= 0 && level <= 9)) throw new QError('domain');
    return vec(data.t, gzipSync(bytesOf(data), { level: level as 0 }));
  }
  const b = bytesOf(x);
  try { return vec(x.t, b[0] === 0x1f && b[1] === 0x8b ? gunzipSync(b) : unzlibSync(b)); }
  catch { throw new QError('domain'); }
}

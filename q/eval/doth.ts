// The .h members kdb+ implements natively (ref/doth.md): HTTP responses (.h.hn .h.hy .h.hp .h.he), the
// web console's paging (.h.jx) and frames (.h.fram), URI unescape, CSV/TSV/XML of tables. The text is
// made in q/format/html.ts; here q values go in and out. The q-defined members are in handlers.ts.
import { T } from '../value/types.js';
import { Q, Atom, Vec, Dict, Table, str, list, vec, text, items, count, long, isKeyed } from '../value/value.js';
import { QError } from '../value/error.js';
import { def, PRIMS } from '../prims/registry.js';
import { apply } from '../prims/apply.js';
import { show } from '../format/console.js';
import { httpResponse, prePage, htmlDoc, pagerLine, framePage, xmlRows, workbook, unescapeUri, iso8601, escLt, cellText } from '../format/html.js';
import { unkeyed } from '../format/json.js';
import { env } from './env.js';
import { lookup } from './names.js';
import { nameBytes } from '../value/utf8.js';

const isStr = (x: Q) => x.t === T.Char || x.t === -T.Char;
const strOf = (x: Q): string => { if (!isStr(x)) throw new QError('type'); return text(x); };
/** The bytes of a string (or of a byte vector, accepted as a body since kdb+ 4.1). */
function bytesOf(x: Q): Uint8Array {
  if (x.t === T.Char || x.t === T.Byte) return (x as Vec).d as Uint8Array;
  if (x.t === -T.Char || x.t === -T.Byte) return Uint8Array.of((x as Atom).v);
  throw new QError('type');
}
/** A list of strings (lines); a string alone is one line. */
const linesOf = (x: Q): string[] => x.t === T.Char ? [text(x)] : items(x).map(strOf);
const lines = (ls: string[]): Q => list(ls.map(str));
const chars = (b: Uint8Array): Q => vec(T.Char, b);

/** .h.ty: the MIME type of a file-type symbol; unknown types are application/octet-stream. */
function mimeOf(x: Q): string {
  if (x.t !== -T.Sym) throw new QError('type');
  const ty = lookup('.h.ty');
  if (ty && ty.t === T.Dict) {
    const ks = (ty as Dict).k;
    const i = ks.t === T.Sym ? items(ks).findIndex(k => (k as Atom).v === (x as Atom).v) : -1;
    if (i >= 0) return strOf(items((ty as Dict).v)[i]);
  }
  return 'application/octet-stream';
}

export const hn = (a: Q[]): Q => chars(httpResponse(strOf(a[0]), mimeOf(a[1]), bytesOf(a[2])));
export const hy = (x: Q, y: Q): Q => chars(httpResponse('200 OK', mimeOf(x), bytesOf(y)));
export const hp = (x: Q): Q => chars(httpResponse('200 OK', 'text/html', nameBytes(prePage(linesOf(x)))));
/** .h.he: 400 Bad Request, the message with `<` escaped and a leading quote, as a q error shows. */
export const he = (x: Q): Q => chars(httpResponse('400 Bad Request', 'text/plain', nameBytes("'" + escLt(strOf(x)))));

/** .h.val, the evaluator the web console uses (value unless the user replaced it). */
const val = (x: Q): Q => { const f = lookup('.h.val'); return f ? apply(f, [x]) : PRIMS.value.m!(x); };
const isTable = (x: Q) => x.t === T.Table || isKeyed(x);

/**
 * .h.jx[j;x]: the value of x as the web console shows it from row j: for a table longer than a page
 * (\C rows less 4) a line of paging links and a blank line first, then the console text in \C's size,
 * `<` escaped.
 */
export function jx(j: Q, x: Q): Q {
  if (j.t !== -T.Long && j.t !== -T.Int) throw new QError('type');
  let from = Number((j as Atom).v);
  if (!Number.isFinite(from) || from < 0) from = 0;
  const v = val(x);
  const [rows, cols] = env.http, N = rows - 4;
  const out: string[] = [];
  let shown = v;
  if (isTable(v)) {
    const n = count(v);
    if (n > N) { out.push(pagerLine(from, n, N), ''); }
    if (from > 0) shown = PRIMS._.d!(long(from), v);
  }
  for (const l of show(shown, { rows, cols, P: env.precision }).split('\n')) out.push(escLt(l));
  return lines(out);
}

export function fram(a: Q[]): Q {
  const lr = items(a[2]);
  if (lr.length !== 2) throw new QError('length');
  return str(framePage(strOf(a[0]), a[1].t === T.Char ? [text(a[1])] : items(a[1]).map(e => isStr(e) ? text(e) : cellText(e, env.precision)), strOf(lr[0]), strOf(lr[1])));
}

/** .h.cd and .h.td: rows as delimited lines (as 0: prepares them), nested columns joined by .h.d. */
function delimited(delim: string, x: Q): Q {
  const t = unkeyed(x);
  if (t) {
    const d = lookup('.h.d');
    const sep = d && isStr(d) ? text(d) : ' ';
    x = { t: T.Table, c: t.c, d: t.d.map(c => c.t === T.List && !items(c).every(e => e.t === T.Char) ? list(items(c).map(e => str(e.t >= 0 && e.t < 20 ? items(e).map(i => cellText(i, env.precision)).join(sep) : cellText(e, env.precision)))) : c) } as Table;
  }
  return PRIMS['0:'].d!({ t: -T.Char, v: delim.charCodeAt(0) } as Q, x);
}

export const xd = (x: Q): Q => { const t = unkeyed(x); if (!t) throw new QError('type'); return lines(xmlRows(t, env.precision)); };

/** .h.ed t: a table as an Excel workbook of one sheet; .h.edsn names!tables, a sheet each. */
export const ed = (x: Q): Q => { const t = unkeyed(x); if (!t) throw new QError('type'); return lines(workbook([['Sheet1', t]], env.precision, 'ed')); };
function edsn(x: Q): Q {
  if (x.t !== T.Dict || (x as Dict).k.t !== T.Sym) throw new QError('type');
  const names = items((x as Dict).k).map(k => String((k as Atom).v)), ts = items((x as Dict).v).map(unkeyed);
  if (ts.some(t => !t)) throw new QError('type');
  return lines(workbook(names.map((n, i) => [n, ts[i]!]), env.precision, 'edsn'));
}

/** .h.http: bare http:// addresses in text become links. */
const http = (x: Q): Q => str(strOf(x).replace(/http:\/\/[^\s"<>]+/g, u => `<a href="${u}">${u}</a>`));

/** .h.ka x: the request being answered keeps its connection open, idle for at most x ms (0: it closes);
 *  the value names the header's value. */
const ka = (x: Q): Q => {
  if (x.t !== -T.Int && x.t !== -T.Long) throw new QError('type');
  const ms = Math.max(0, Number((x as Atom).v));
  env.keepAlive = ms;
  return str(ms ? 'keep-alive' : 'close');
};

const iso = (x: Q): Q => { if (x.t !== -T.Long && x.t !== -T.Int && x.t !== -T.Timestamp) throw new QError('type'); return str(iso8601(BigInt((x as Atom).v))); };

def('.h.hn', { n: hn, rank: 3 });
def('.h.hy', { d: hy, rank: 2 });
def('.h.hp', { m: hp, rank: 1 });
def('.h.he', { m: he, rank: 1 });
def('.h.jx', { d: jx, rank: 2 });
def('.h.fram', { n: fram, rank: 3 });
def('.h.uh', { m: x => chars(unescapeUri(bytesOf(x))), rank: 1 });
def('.h.html', { m: x => str(htmlDoc(strOf(x))), rank: 1 });
def('.h.cd', { m: x => delimited(',', x), rank: 1 });
def('.h.td', { m: x => delimited('\t', x), rank: 1 });
def('.h.xd', { m: xd, rank: 1 });
def('.h.ed', { m: ed, rank: 1 });
def('.h.edsn', { m: edsn, rank: 1 });
def('.h.http', { m: http, rank: 1 });
def('.h.ka', { m: ka, rank: 1 });
def('.h.iso8601', { m: iso, rank: 1 });

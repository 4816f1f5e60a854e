// The text kdb+'s .h namespace makes (ref/doth.md): cells of a table as text, HTTP responses, the web
// console's pages (.h.hp, .h.jx's paging links, .h.fram), and XML rows. Bytes in, bytes out where a
// response may carry any payload.
import { T } from '../value/types.js';
import { Q, Atom, Table, count, item, items, text, isNullV } from '../value/value.js';
import { deenum } from '../value/enums.js';
import { itemText, isSpecial } from './text.js';

/** .h.hc: only `<` is escaped, as kdb+ does for the web console's preformatted text. */
export const escLt = (s: string) => s.replace(/</g, '&lt;');
/** .h.xs: XML escape of &, < and >. */
export const escXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Text of one cell: symbols bare, strings raw, numbers through the one formatter, nulls blank. */
export function cellText(x: Q, P: number): string {
  if (x.t === -T.Enum || x.t === T.Enum) x = deenum(x);
  if (x.t === -T.Sym) return (x as Atom).v;
  if (x.t === -T.Char || x.t === T.Char) return text(x);
  if (x.t < 0 && x.t > -20) return isSpecial(-x.t, (x as Atom).v) && x.t !== -T.Float && x.t !== -T.Real ? '' : itemText(-x.t, (x as Atom).v, P);
  if (x.t > 0 && x.t < 20) return items(x).map(e => cellText(e, P)).join(' ');
  return items(x).map(e => cellText(e, P)).join(';');
}

const utf8 = new TextEncoder();

/**
 * .h.hn: a whole HTTP response with kdb+'s headers (status line, Content-Type, Connection: close,
 * Content-Length) and the body bytes.
 */
export function httpResponse(status: string, mime: string, body: Uint8Array): Uint8Array {
  const head = utf8.encode(`HTTP/1.1 ${status}\r\nContent-Type: ${mime}\r\nConnection: close\r\nContent-Length: ${body.length}\r\n\r\n`);
  const r = new Uint8Array(head.length + body.length);
  r.set(head); r.set(body, head.length);
  return r;
}

/** .h.sb, the web console's body style. */
export const BODY_STYLE = 'body{font:10pt verdana;text-align:justify}';
/** .h.sa, the web console's link style (colours .h.c0 and .h.c1). */
export const ANCHOR_STYLE = 'a{text-decoration:none}a:link{color:024C7E}a:visited{color:024C7E}a:active{color:958600}';

/** The page .h.hp sends: the lines, one per line, in a pre element. */
export const prePage = (lines: string[]) =>
  `<html><head><style>${BODY_STYLE}</style></head><body><pre>${lines.map(l => l + '\n').join('')}</pre></body></html>`;

/** .h.html: a body in a document with the web console's styles. */
export const htmlDoc = (body: string) => `<html><head><style>${ANCHOR_STYLE}${BODY_STYLE}</style></head><body>${body}</body></html>`;

/**
 * .h.jx's first line for a table of n rows shown from row j, N rows a page: links to the first, previous,
 * next and last pages (requests `?[row`), then `n[j]`.
 */
export function pagerLine(j: number, n: number, N: number): string {
  const to = [0, Math.max(0, j - N), Math.min(j + N, n - N), n - N];
  return ['home', 'up', 'down', 'end'].map((w, i) => `<a href="?[${to[i]}">${w}</a>`).join(' ') + ` ${n}[${j}]`;
}

/** .h.fram: a two-frame page, the left frame wide enough for the lines s. */
export function framePage(title: string, s: string[], left: string, right: string): string {
  const w = 26 + 10 * Math.max(0, ...s.map(l => l.length));
  return `<html><head><title>${title}</title><frameset cols="${w},*"><frame src="${left}"><frame name=v src="${right}"></frameset></head></html>`;
}

/** .h.xd: a table as XML, one <r> element a row, one element a column. */
export function xmlRows(t: Table, P: number): string[] {
  const out = ['<R>'];
  for (let r = 0; r < count(t); r++) out.push('<r>' + t.c.map((c, k) => `<${c}>${escXml(cellText(item(t.d[k], r), P))}</${c}>`).join('') + '</r>');
  out.push('</R>');
  return out;
}

/** .h.uh: %xx escapes back to their bytes (the rest, `+` included, is kept). */
export function unescapeUri(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(b.length);
  let n = 0;
  const hex = (c: number) => c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1;
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 37 && i + 2 < b.length && hex(b[i + 1]) >= 0 && hex(b[i + 2]) >= 0) { out[n++] = hex(b[i + 1]) * 16 + hex(b[i + 2]); i += 2; }
    else out[n++] = b[i];
  }
  return out.slice(0, n);
}

/** .h.iso8601: nanoseconds since 2000.01.01 as an ISO-8601 timestamp. */
export function iso8601(ns: bigint): string {
  return itemText(T.Timestamp, ns, 7).replace(/^(\d{4})\.(\d\d)\.(\d\d)D/, '$1-$2-$3T');
}

/** .h.ed and .h.edsn: tables as an Excel 2003 (SpreadsheetML) workbook, one worksheet a table, the header
 *  row the column names; numbers are Number cells, everything else String. Two lines, as kdb+ gives:
 *  the XML declaration, then the workbook. */
export function workbook(sheets: [string, Table][], P: number, ns: 'ed' | 'edsn'): string[] {
  const NS = 'urn:schemas-microsoft-com:office:';
  // kdb+'s two forms name the spreadsheet namespaces in different orders
  const attrs = ns === 'ed'
    ? `xmlns="${NS}spreadsheet" xmlns:o="${NS}office" xmlns:x="${NS}excel" xmlns:ss="${NS}spreadsheet" xmlns:html="http://www.w3.org/TR/REC-html40"`
    : `xmlns="${NS}spreadsheet" xmlns:ss="${NS}spreadsheet" xmlns:o="${NS}office" xmlns:x="${NS}excel" xmlns:html="http://www.w3.org/TR/REC-html40"`;
  const cell = (type: string, v: string) => `<Cell><Data ss:Type="${type}">${escXml(v)}</Data></Cell>`;
  const numeric = (t: number) => t >= T.Short && t <= T.Float;
  const sheet = ([name, t]: [string, Table]) => {
    const rows = [`<Row>${t.c.map(c => cell('String', c)).join('')}</Row>`];
    for (let r = 0; r < count(t); r++) {
      rows.push('<Row>' + t.d.map(col => {
        const x = item(col, r), nul = x.t < 0 && x.t !== -T.Char && isNullV(-x.t, (x as Atom).v);
        // a null is an empty cell; a number's text is its shortest exact one (a real's as the console shows it)
        if (nul) return cell('String', '');
        return numeric(-x.t) ? cell('Number', x.t === -T.Real ? cellText(x, 7) : String((x as Atom).v)) : cell('String', cellText(x, P));
      }).join('') + '</Row>');
    }
    return `<Worksheet ss:Name="${escXml(name)}"><Table>${rows.join('')}</Table></Worksheet>`;
  };
  return ['<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?>', `<Workbook ${attrs}>${sheets.map(sheet).join('')}</Workbook>`];
}

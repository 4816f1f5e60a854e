// HTML, CSV, text and JSON renderings of q values, as kdb+'s .h and .j give them (the HTTP port uses them).
import { T } from '../value/types.js';
import { Q, Atom, Vec, List, Dict, Table, count, item, items, isKeyed, text } from '../value/value.js';
import { symName } from '../value/sym.js';
import { deenum } from '../value/enums.js';
import { itemText, isSpecial } from './text.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Text of one cell: symbols bare, strings raw, numbers through the one formatter. */
export function cellText(x: Q, P: number): string {
  if (x.t === -T.Enum || x.t === T.Enum) x = deenum(x);
  if (x.t === -T.Sym) return (x as Atom).v;
  if (x.t === -T.Char || x.t === T.Char) return text(x);
  if (x.t < 0 && x.t > -20) return isSpecial(-x.t, (x as Atom).v) && x.t !== -T.Float && x.t !== -T.Real ? '' : itemText(-x.t, (x as Atom).v, P);
  if (x.t > 0 && x.t < 20) return items(x).map(e => cellText(e, P)).join(' ');
  return items(x).map(e => cellText(e, P)).join(';');
}

const plainTable = (x: Q): Table | null => {
  if (x.t === T.Table) return x as Table;
  if (isKeyed(x)) { const d = x as Dict, k = d.k as Table, v = d.v as Table; return { t: T.Table, c: [...k.c, ...v.c], d: [...k.d, ...v.d] }; }
  return null;
};

/** An HTML table for a table or keyed table (rows [from, from+n)); other values as preformatted console text. */
export function toHtml(x: Q, console: string, P: number, from = 0, n = Infinity): string {
  const t = plainTable(x);
  if (!t) return `<pre>${esc(console)}</pre>`;
  const rows = Math.min(count(t), from + n);
  let h = '<table><thead><tr>' + t.c.map(c => `<th>${esc(c)}</th>`).join('') + '</tr></thead><tbody>';
  for (let r = from; r < rows; r++) h += '<tr>' + t.d.map(c => `<td>${esc(cellText(item(c, r), P))}</td>`).join('') + '</tr>';
  return h + '</tbody></table>';
}

/** CSV: a header row, then one line per row; fields with a comma or quote are quoted. */
export function toCsv(x: Q, P: number, sep = ','): string {
  const t = plainTable(x);
  if (!t) return cellText(x, P) + '\n';
  const q = (s: string) => /[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  const lines = [t.c.join(sep)];
  for (let r = 0; r < count(t); r++) lines.push(t.d.map(c => q(cellText(item(c, r), P))).join(sep));
  return lines.join('\n') + '\n';
}

/** JSON as .j.j writes it: tables are arrays of objects, dictionaries objects, nulls null. */
export function toJson(x: Q, P: number): string {
  const j = (v: Q): string => {
    if (v.t === -T.Enum || v.t === T.Enum) v = deenum(v);
    if (v.t < 0 && v.t > -20) {
      const a = v as Atom, t = -v.t;
      if (t === T.Bool) return a.v ? 'true' : 'false';
      if (t === T.Sym) return JSON.stringify(a.v);
      if (t === T.Char) return JSON.stringify(String.fromCharCode(a.v));
      if (isSpecial(t, a.v)) return t === T.Float || t === T.Real ? (a.v !== a.v ? 'null' : a.v > 0 ? 'Infinity' : '-Infinity').replace(/Infinity/, 'null') : 'null';
      if (t >= 4 && t <= 9) return itemText(t, a.v, 17);
      return JSON.stringify(itemText(t, a.v, P));
    }
    if (v.t === T.Char) return JSON.stringify(text(v));
    if (v.t > 0 && v.t < 20 || v.t === T.List) return '[' + items(v).map(j).join(',') + ']';
    if (v.t === T.Dict && !isKeyed(v)) { const d = v as Dict; return '{' + items(d.k).map((k, i) => JSON.stringify(cellText(k, P)) + ':' + j(item(d.v, i))).join(',') + '}'; }
    const t = plainTable(v);
    if (t) return '[' + Array.from({ length: count(t) }, (_, r) => '{' + t.c.map((c, k) => JSON.stringify(c) + ':' + j(item(t.d[k], r))).join(',') + '}').join(',') + ']';
    return JSON.stringify(String(v.t));
  };
  return j(x);
}
export type { Vec, List };
export { symName, esc };

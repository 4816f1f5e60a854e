// q text → tokens. Whitespace before a token is recorded because q's meaning depends on it:
// `x -1` indexes x at -1 while `x-1` subtracts, and `/` after a space starts a comment.
import { QError } from '../value/error.js';
import { bytesName, nameBytes } from '../value/utf8.js';

export type TokKind = 'num' | 'str' | 'sym' | 'name' | 'op' | 'adv' | 'punct' | 'bool' | 'byte' | 'nl';
export interface Tok { k: TokKind; s: string; pos: number; sp: boolean; words?: string[]; syms?: string[]; colon?: boolean; global?: boolean }

const OPS = '+-*%!&|^=<>~,#_$?@.:';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isAlpha = (c: string | undefined) => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
const isIdent = (c: string | undefined) => isAlpha(c) || isDigit(c) || c === '_';
// a no-break space (pasted from a web page) separates tokens as a space does
const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\u00a0';
// A literal word ends at whitespace or punctuation; inside it q allows digits, letters, '.', ':' and '-' (as a sign)
const WORD = /^-?(?:0x[0-9a-fA-F]*|[01]+b(?![\w.:])|(?:\d[\d.]*|\.\d[\d.]*)(?:[eE][+-]?\d+)?[\d.:DTa-zA-Z]*)/;

/** Private-use code points standing for raw bytes 128-255 written as octal escapes ("\351"). */
const RAW = 0xf700;
/** The bytes of a string token: its text as UTF-8, but an escaped byte as itself (and a byte that text
 *  from q bytes kept, utf8.ts, too). */
export function strBytes(s: string): Uint8Array {
  return nameBytes(/[\uf780-\uf7ff]/.test(s) ? s.replace(/[\uf780-\uf7ff]/g, c => bytesName(Uint8Array.of(c.charCodeAt(0) - RAW))) : s);
}

/** Tokenize q text. Comments are dropped; newlines are kept as 'nl' tokens only where statements end. */
export function lex(src: string, k = false): Tok[] {
  const kMode = k;   // (k is a loop index below)
  const out: Tok[] = [];
  let i = 0, braces = 0;
  const n = src.length;
  const prevNoun = () => {
    const p = out[out.length - 1];
    if (!p) return false;
    if (p.k === 'num' || p.k === 'str' || p.k === 'sym' || p.k === 'name' || p.k === 'bool' || p.k === 'byte') return true;
    return p.k === 'punct' && (p.s === ')' || p.s === ']' || p.s === '}');
  };
  // (a name, or a name's brackets: id+::1, a[i],::x)
  const prevName = () => { const p = out[out.length - 1]; return !!p && (p.k === 'name' || (p.k === 'punct' && p.s === ']')); };
  while (i < n) {
    const c = src[i];
    const start = i;
    let sp = i === 0 || isSpace(src[i - 1]);
    // in k a line break inside a lambda ends a statement (kdb-taq's tq.q writes its lambdas so)
    if (k && c === '\n' && braces > 0) { const p = out[out.length - 1]; if (p && !(p.k === 'punct' && (p.s === ';' || p.s === '{' || p.s === '['))) out.push({ k: 'punct', s: ';', pos: start, sp }); i++; continue; }
    if (isSpace(c)) { i++; continue; }
    // comments: '/' at the start or after white space runs to the end of the line
    if (c === '/' && sp) { while (i < n && src[i] !== '\n') i++; continue; }
    if (c === '"') {
      let j = i + 1, s = '';
      while (j < n && src[j] !== '"') {
        if (src[j] === '\\') {
          const e = src[j + 1];
          if (e === 'n') s += '\n'; else if (e === 't') s += '\t'; else if (e === 'r') s += '\r';
          else if (e === '\\') s += '\\'; else if (e === '"') s += '"';
          else if (isDigit(e) && isDigit(src[j + 2]) && isDigit(src[j + 3])) {
            // an octal escape is one byte: past ASCII it is marked (RAW + byte) so strBytes keeps it a byte
            const b = parseInt(src.slice(j + 1, j + 4), 8) & 255;
            s += String.fromCharCode(b < 128 ? b : RAW + b); j += 2;
          }
          else s += e ?? '';
          j += 2;
        } else s += src[j++];
      }
      if (j >= n) throw new QError('"', start);
      out.push({ k: 'str', s, pos: start, sp });
      i = j + 1;
      continue;
    }
    if (c === '`') {
      const syms: string[] = [];
      while (src[i] === '`') {
        let j = i + 1;
        // a symbol does not begin with '_', as no name does: `_d is ` _ d, the null key dropped (dotfiles' os.q)
        if (src[j] === '_') { syms.push(''); i = j; break; }
        // symbols take letters, digits, '.', '_'; after a ':' (handles, URLs) also ':' '/' and '-'
        let file = src[j] === ':';
        // (and '/' between name characters, a path without the colon: 0:`../data/day2.txt, as
        // craigjperry2's AoC 2021 reads its inputs; `a/:x stays each-right)
        while (j < n && (isIdent(src[j]) || src[j] === '.' || (file && (src[j] === ':' || src[j] === '/' || src[j] === '-')) || (src[j] === ':' && j > i + 1 && (isIdent(src[j + 1]) || src[j + 1] === '/')) || (src[j] === '/' && j > i + 1 && (isIdent(src[j + 1]) || src[j + 1] === '.')))) {
          if (src[j] === ':') file = true;
          j++;
        }
        syms.push(src.slice(i + 1, j));
        i = j;
      }
      out.push({ k: 'sym', s: src.slice(start, i), pos: start, sp, syms });
      continue;
    }
    // 0: 1: 2: are the file verbs, not numbers
    // (a byte literal may follow at once: (enlist"i";enlist 4)1:0x01000000)
    // (and glued to a noun before, numbers: (`:f;17;2;9)1:100#0x0, ","0:10 10#til 100 (ref/file-text))
    // (and before one digit, which no minute has: "x" 0:3 4, `:f 1:3 4)
    const glued = !sp && prevNoun() && isDigit(src[i + 2] ?? '');
    const oneDigit = isDigit(src[i + 2] ?? '') && !isDigit(src[i + 3] ?? '') && src[i + 3] !== '.' && src[i + 3] !== ':';
    // 0:: and 1:: are read0 and read1 (basics/exposed-infrastructure), where no number ends in a colon
    if ((c === '0' || c === '1') && src[i + 1] === ':' && src[i + 2] === ':' && !isDigit(src[i - 1] ?? '') && src[i - 1] !== '.') {
      out.push({ k: 'name', s: c === '0' ? 'read0' : 'read1', pos: start, sp }); i += 3; continue;
    }
    if ((c === '0' || c === '1' || c === '2') && src[i + 1] === ':' && (!isDigit(src[i + 2]) || src.startsWith('0x', i + 2) || glued || oneDigit) && src[i + 2] !== ':') {
      out.push({ k: 'op', s: c + ':', pos: start, sp }); i += 2; continue;
    }
    // numbers, including a leading '-' where it cannot be subtraction (after space or a verb or bracket)
    if (isDigit(c) || (c === '.' && isDigit(src[i + 1])) || (c === '-' && (isDigit(src[i + 1]) || (src[i + 1] === '.' && isDigit(src[i + 2]))) && (sp || !prevNoun()))) {
      const words: string[] = [];
      let j = i, kind: TokKind = 'num';
      for (;;) {
        const m = WORD.exec(src.slice(j));
        if (!m) break;
        const w = m[0];
        if (/^-?0x/.test(w)) { if (words.length) break; kind = 'byte'; words.push(w); j += w.length; break; }
        if (/^[01]+b$/.test(w)) { if (words.length) break; kind = 'bool'; words.push(w); j += w.length; break; }
        words.push(w); j += w.length;
        // a vector continues over single spaces to another literal word
        let k = j;
        while (src[k] === ' ' || src[k] === '\t' || src[k] === '\u00a0') k++;
        // (and over a line break, where the break is a space: an indented continuation line of a script,
        // stat.q's coefficient lists, or a string given to value, whose lines a script has not split:
        // get"2832\n2108" is 2832 2108, as psaris' AoC 2022 day 1 sums it; not in k, where a break in a
        // lambda ends a statement)
        if (!kMode && (src[k] === '\n' || src[k] === '\r' && src[k + 1] === '\n')) {
          let e = k + (src[k] === '\r' ? 2 : 1);
          while (src[e] === ' ' || src[e] === '\t') e++;
          k = e;
        }
        if (k === j || k >= n) break;
        const next = src[k];
        if (!(isDigit(next) || (next === '-' && (isDigit(src[k + 1]) || src[k + 1] === '.')) || (next === '.' && isDigit(src[k + 1])))) break;
        const m2 = WORD.exec(src.slice(k));
        // 1 0 1b: single bits then a b-suffixed word make one boolean vector
        if (m2 && /^[01]+b$/.test(m2[0]) && words.every(w => /^[01]$/.test(w))) { words.push(m2[0]); j = k + m2[0].length; kind = 'bool'; words.splice(0, words.length, words.join('').replace(/b/g, '') + 'b'); break; }
        if (!m2 || /^-?0x|^[01]+b$/.test(m2[0])) break;
        j = k;
      }
      if (!words.length) throw new QError(c, start);
      out.push({ k: kind, s: src.slice(i, j), pos: start, sp, words });
      i = j;
      continue;
    }
    // a dot starts a namespaced name (.z.p) unless it follows a noun: (!).flip x is (!) . flip x; but
    // after brackets it is a name again: del[x].z.w applies del[x] to .z.w (kdb+tick's u.q), and so is a
    // name of two parts or more: ("OFF";"ON").tut.gc indexes by .tut.gc (the cookbook's tutorial.q)
    if (isAlpha(c) || (c === '.' && isAlpha(src[i + 1]) && !(prevNoun() && !sp && out[out.length - 1].s !== ']' && !/^\.[A-Za-z][A-Za-z0-9_]*\.[A-Za-z]/.test(src.slice(i, i + 200))))) {
      let j = i + 1;
      // (a part after a dot may begin with a digit: .colors.256ToRgb, q1.1 (ianlester7's AoC 2020 names
      // each part so), as basics/syntax allows any character of a name after its first)
      while (j < n && (isIdent(src[j]) || (src[j] === '.' && (isAlpha(src[j + 1]) || /[0-9]/.test(src[j + 1] ?? ''))))) j++;
      out.push({ k: 'name', s: src.slice(i, j), pos: start, sp });
      i = j;
      continue;
    }
    if (c === '(' || c === ')' || c === '[' || c === ']' || c === '{' || c === '}' || c === ';') {
      if (c === '{') braces++; else if (c === '}') braces = Math.max(0, braces - 1);
      out.push({ k: 'punct', s: c, pos: start, sp }); i++; continue;
    }
    // a backslash after a blank and before a letter, with something before it on its line, is a system
    // command out of place: kdb+'s parse error '\ (ref/system: count \a). (After a blank and before a
    // blank it is still scan: p:(1#`:) {…} \ i, Györök's AoC 2022 day 7.)
    if (c === '\\' && i > 0 && isSpace(src[i - 1]) && /[A-Za-z]/.test(src[i + 1] ?? '') && /\S/.test(src.slice(src.lastIndexOf('\n', i - 1) + 1, i))) throw new QError('\\', start);
    if (c === '\\' || c === '/' || c === "'") {
      const two = src.slice(i, i + 2);
      if (two === "':" || two === '/:' || two === '\\:') { out.push({ k: 'adv', s: two, pos: start, sp }); i += 2; continue; }
      out.push({ k: 'adv', s: c, pos: start, sp }); i++; continue;
    }
    if (OPS.includes(c)) {
      if (c === ':' && src[i + 1] === ':') { out.push({ k: 'op', s: '::', pos: start, sp }); i += 2; continue; }
      const two = src.slice(i, i + 2);
      if (two === '<=' || two === '>=' || two === '<>') {
        const colon = src[i + 2] === ':';
        out.push({ k: 'op', s: two, pos: start, sp, colon }); i += colon ? 3 : 2; continue;
      }
      if (c !== ':' && src[i + 1] === ':' && src[i + 2] !== ':') { out.push({ k: 'op', s: c, pos: start, sp, colon: true }); i += 2; continue; }
      // x op::y amends the global x in a lambda, as x::y assigns it (id+::1)
      if (c !== ':' && src[i + 1] === ':' && src[i + 2] === ':' && prevName()) { out.push({ k: 'op', s: c, pos: start, sp, colon: true, global: true }); i += 3; continue; }
      out.push({ k: 'op', s: c, pos: start, sp }); i++; continue;
    }
    // a control character or one past ASCII outside a string is no token: 'char, as kdb+ says
    throw new QError(c < ' ' || c > '~' ? 'char' : c, start);
  }
  return out;
}

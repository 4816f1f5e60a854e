// q for CodeMirror 6: a StreamLanguage tokenizer (comments incl. / blocks and trailing /, strings,
// symbols, numbers with type suffixes, temporal literals, keywords, system commands).
import { StreamLanguage, StringStream } from '@codemirror/language';
import { KEYWORDS } from './keywords.js';

interface State { block: boolean; bol: boolean }

const TEMPORAL = /^\d{4}\.\d\d(\.\d\d)?([DT][\d:.]*)?[mdpz]?|^\d+D[\d:.]*|^\d\d:\d\d(:\d\d(\.\d+)?)?[tuvn]?/;
const NUMBER = /^-?(0x[0-9a-fA-F]*|[01]+b|0[NnWw][a-z]?|(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?[bhijefcspmdznuvt]?)/;

export const qLanguage = StreamLanguage.define<State>({
  name: 'q',
  startState: () => ({ block: false, bol: true }),
  token(s: StringStream, st: State): string | null {
    if (s.sol()) {
      // a lone / opens a block comment, a lone \ closes it
      if (st.block) { if (/^\\\s*$/.test(s.string)) st.block = false; s.skipToEnd(); return 'comment'; }
      if (/^\/\s*$/.test(s.string)) { st.block = true; s.skipToEnd(); return 'comment'; }
      if (s.peek() === '/') { s.skipToEnd(); return 'comment'; }
      if (s.peek() === '\\') { s.skipToEnd(); return 'meta'; }
    }
    if (st.block) { s.skipToEnd(); return 'comment'; }
    if (s.eatSpace()) { if (s.peek() === '/') { s.skipToEnd(); return 'comment'; } return null; }
    const c = s.peek()!;
    if (c === '"') { s.next(); let esc = false; for (let ch; (ch = s.next()) != null;) { if (ch === '"' && !esc) break; esc = !esc && ch === '\\'; } return 'string'; }
    if (c === '`') { s.next(); s.match(/^[\w.:\/]*/); return 'atom'; }
    if (s.match(TEMPORAL) || s.match(NUMBER)) return 'number';
    const w = s.match(/^\.?[a-zA-Z][\w.]*/) as RegExpMatchArray | null;
    if (w) return KEYWORDS.has(w[0]) ? 'keyword' : w[0].startsWith('.') ? 'variableName.special' : 'variableName';
    s.next();
    return /[+\-*%!&|^=<>~,#_$?@.:'\/\\]/.test(c) ? 'operator' : /[()\[\]{};]/.test(c) ? 'bracket' : null;
  },
  languageData: { commentTokens: { line: '/' } },
});

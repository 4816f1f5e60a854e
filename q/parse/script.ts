// A script's lines grouped into statements by kdb+'s rules (\l, and .Q.ld which exposes them).

/** Statements with the line (from 1) each starts on: a line that starts with white space continues the
 *  one before; `/` alone opens a block comment that `\` alone closes, and `\` alone otherwise ends the
 *  script; blank lines are passed over. Comment lines are kept as statements of their own when asked
 *  (.Q.ld shows them; \l has nothing to run in them). */
export function statementsAt(src: string | string[], keepComments = false): { text: string; line: number }[] {
  const lines = typeof src === 'string' ? src.split(/\r?\n/) : src;
  const out: { text: string; line: number }[] = [];
  let inBlock = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trimEnd();
    if (inBlock) { if (line === '\\') inBlock = false; continue; }
    if (line === '/') { inBlock = true; continue; }
    if (line === '\\') break;
    if (!line.trim()) continue;
    if (/^\//.test(line) && !keepComments) continue;
    if (/^\s/.test(line) && out.length) { out[out.length - 1].text += '\n' + line; continue; }
    out.push({ text: line, line: i + 1 });
  }
  return out;
}

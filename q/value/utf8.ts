// q text is bytes; JavaScript text is UTF-16. Where q bytes become JavaScript text (a symbol's name, a
// string read as text) and back, the way must lose nothing: kdb+'s symbols and strings are any bytes (a
// Latin-1 CSV's names, `$"\351"), and two different byte strings must stay two different names.
// Bytes that are UTF-8 decode as UTF-8; a byte that is not part of valid UTF-8 becomes a lone low
// surrogate, U+DC80..U+DCFF (Python's "surrogateescape"), which valid UTF-8 never decodes to, and which
// encodes back to that byte.

// (a leading byte order mark is kept: it is three bytes of the text)
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }), encoder = new TextEncoder();
const ESC = 0xdc00;

/** The text of bytes b[s..e). (TextDecoder refuses views of shared memory: those are copied.) */
export function bytesName(b: Uint8Array, s = 0, e = b.length): string {
  const part = s === 0 && e === b.length && !(b.buffer instanceof SharedArrayBuffer) ? b : b.slice(s, e);
  // (only bytes that are not UTF-8 are escaped: text too long for the engine stays that error, 'wsfull)
  try { return strict.decode(part); } catch (err) { if (!(err instanceof TypeError)) throw err; return escaped(part); }
}
/** Text of bytes that are not all UTF-8: each valid sequence decoded, each other byte escaped. Made a
 *  block of UTF-16 units at a time: a string grown a character at a time is a rope of a node each, and
 *  600 million bytes of it filled the engine's heap. */
function escaped(b: Uint8Array): string {
  const parts: string[] = [], u = new Uint16Array(Math.min(b.length, 8192));
  let k = 0, i = 0;
  const put = (c: number) => { u[k++] = c; if (k === u.length) { parts.push(String.fromCharCode.apply(null, u as unknown as number[])); k = 0; } };
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) { put(c); i++; continue; }
    const n = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (n && i + n <= b.length) {
      try { const s = strict.decode(b.subarray(i, i + n)); for (let j = 0; j < s.length; j++) put(s.charCodeAt(j)); i += n; continue; } catch { /* not a sequence: the byte alone */ }
    }
    put(ESC + c); i++;
  }
  if (k) parts.push(String.fromCharCode.apply(null, u.subarray(0, k) as unknown as number[]));
  return parts.length === 1 ? parts[0] : parts.join('');
}
/** Two names in the order of their bytes, as kdb+ orders symbols (<0, 0, >0). JavaScript's own order is
 *  UTF-16's, which is the bytes' order for ASCII but not, say, between U+FF01 and U+1F600, nor for a kept
 *  byte beside a character of several bytes; those compare by their bytes from the first difference. */
export function nameCmp(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return a.length - b.length;
  const x = a.charCodeAt(i), y = b.charCodeAt(i);
  // an ASCII byte is below every byte of anything else
  if (x < 0x80 || y < 0x80) return x - y;
  // (from the start of a character: a pair that differs in its low half is compared whole)
  if (i > 0 && (a.charCodeAt(i - 1) & 0xfc00) === 0xd800) i--;
  const p = nameBytes(a.slice(i)), q = nameBytes(b.slice(i)), m = Math.min(p.length, q.length);
  for (let k = 0; k < m; k++) if (p[k] !== q[k]) return p[k] - q[k];
  return p.length - q.length;
}
/** The bytes of a character from code unit i of t (a pair's high half), and the code units it takes. */
function charAt(t: string, i: number): [bytes: number, units: number] {
  const c = t.charCodeAt(i);
  if (c < 0x80 || (c >= ESC + 0x80 && c <= ESC + 0xff)) return [1, 1];
  if (c < 0x800) return [2, 1];
  if (c >= 0xd800 && c < 0xdc00 && (t.charCodeAt(i + 1) & 0xfc00) === 0xdc00) return [4, 2];
  // (any other lone surrogate is written as U+FFFD, three bytes)
  return [3, 1];
}
/** How many bytes text is, as nameBytes writes it. */
export function byteLength(t: string): number {
  // (a code unit of ASCII is a byte: only the others are looked at, as most text has none)
  let n = t.length;
  for (let i = 0; i < t.length; i++) { if (t.charCodeAt(i) < 0x80) continue; const [b, u] = charAt(t, i); n += b - u; i += u - 1; }
  return n;
}
/** How many code units of t make at most max bytes, whole characters only. */
export function fitBytes(t: string, max: number): number {
  let n = 0, i = 0;
  while (i < t.length) { const [b, u] = charAt(t, i); if (n + b > max) break; n += b; i += u; }
  return i;
}
const LONE = /[\udc80-\udcff]/;
/** The bytes of text: UTF-8, an escaped byte as itself. */
export function nameBytes(t: string): Uint8Array {
  if (!LONE.test(t)) return encoder.encode(t);
  const out: number[] = [];
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    // (a pair's low half is taken with its high half below, so a low surrogate met here is alone)
    if (c >= ESC + 0x80 && c <= ESC + 0xff) { out.push(c - ESC); continue; }
    const hi = c >= 0xd800 && c <= 0xdbff && i + 1 < t.length && (t.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    for (const x of encoder.encode(hi ? t.slice(i, i + 2) : t[i])) out.push(x);
    if (hi) i++;
  }
  return Uint8Array.from(out);
}

/** s without the blanks (spaces) at its ends: a loop, where /^ +| +$/ tries the end from every blank of a
 *  run inside the text (quadratic: `$ of a name with 30,000 blanks inside took half a second). */
export function trimBlanks(s: string): string {
  let a = 0, b = s.length;
  while (a < b && s.charCodeAt(a) === 32) a++;
  while (b > a && s.charCodeAt(b - 1) === 32) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}
/** Each item of w as one UTF-16 code unit: a cheap key for bytes or 16-bit words, not text to show.
 *  (Built 8192 at a time: one call with a whole long vector spread would overflow the stack.) */
export function codeUnits(w: Uint8Array | Uint16Array | Int16Array): string {
  let s = '';
  for (let i = 0; i < w.length; i += 8192) s += String.fromCharCode.apply(null, w.subarray(i, i + 8192) as unknown as number[]);
  return s;
}

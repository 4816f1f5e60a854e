// Runtime scripts (\_ f.q writes f.q_): the script's bytes scrambled, so that reading the file shows no
// code, and its functions once loaded show `locked` and refuse to be serialized. As in kdb+ this hides
// code from a casual reader; it is not encryption, and the README says so.

const MAGIC = [0x77, 0x71, 0x5f, 0x01];   // "wq_" and a format version

/** A keystream from a fixed xorshift: the same on every machine, so a runtime script travels. */
function keystream(n: number): Uint8Array {
  const k = new Uint8Array(n);
  let s = 0x9e3779b9 | 0;
  for (let i = 0; i < n; i++) { s ^= s << 13; s ^= s >>> 17; s ^= s << 5; k[i] = s & 255; }
  return k;
}

export function scramble(text: Uint8Array): Uint8Array {
  const k = keystream(text.length), r = new Uint8Array(MAGIC.length + text.length);
  r.set(MAGIC);
  for (let i = 0; i < text.length; i++) r[MAGIC.length + i] = text[i] ^ k[i];
  return r;
}

/** The script's text, or null when the bytes are not a runtime script of this format. */
export function unscramble(b: Uint8Array): Uint8Array | null {
  if (b.length < MAGIC.length || MAGIC.some((m, i) => b[i] !== m)) return null;
  const n = b.length - MAGIC.length, k = keystream(n), r = new Uint8Array(n);
  for (let i = 0; i < n; i++) r[i] = b[MAGIC.length + i] ^ k[i];
  return r;
}

/** While a runtime script loads, the lambdas parsed are locked. */
export const locking = { on: false };

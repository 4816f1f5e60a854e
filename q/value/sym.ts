// The symbol pool: symbol vectors hold int ids into it, as kdb+ interns every symbol once.
// Ids are never freed (kdb+ keeps its sym pool for the life of the process too).
const names: string[] = [''];
const ids = new Map<string, number>([['', 0]]);

export function intern(s: string): number {
  let i = ids.get(s);
  if (i === undefined) { i = names.length; names.push(s); ids.set(s, i); bytes += s.length; }
  return i;
}
export const symName = (id: number): string => names[id];
/** Each symbol's UTF-8 bytes, made the first time they are asked for (IPC and files write names as
 *  bytes); kept with the pool, which never frees a name either. Grown densely so it stays an array. */
const bytesOf: (Uint8Array | undefined)[] = [];
const utf8out = new TextEncoder();
export function symBytes(id: number): Uint8Array {
  let b = bytesOf[id];
  if (b) return b;
  while (bytesOf.length <= id) bytesOf.push(undefined);
  return bytesOf[id] = utf8out.encode(names[id]);
}
const utf8 = new TextDecoder();

// A second index of the pool, by the bytes of ASCII names: `$ of strings and IPC symbol vectors look a
// name up without making its text first (a million 4-byte names: 150 to 50 ms). It holds only names
// looked up this way; a miss interns the text as usual and records it.
let cap = 1 << 12, byBytes = new Int32Array(cap).fill(-1), held = 0;
const hashOf = (h: number, c: number) => Math.imul(h ^ c, 16777619);
/** The id of the symbol spelled by bytes b[s..e), interned if new. */
export function internBytes(b: Uint8Array, s = 0, e = b.length): number {
  let h = 2166136261 | 0;
  for (let i = s; i < e; i++) { const c = b[i]; if (c > 127) return intern(utf8.decode(b.slice(s, e))); h = hashOf(h, c); }
  const n = e - s;
  let j = h & (cap - 1);
  for (let id = byBytes[j]; id >= 0; j = (j + 1) & (cap - 1), id = byBytes[j]) {
    const name = names[id];
    if (name.length !== n) continue;
    let k = 0;
    while (k < n && name.charCodeAt(k) === b[s + k]) k++;
    if (k === n) return id;
  }
  let t = '';
  for (let i = s; i < e; i++) t += String.fromCharCode(b[i]);
  const id = intern(t);
  byBytes[j] = id;
  if (++held * 2 > cap) grow();
  return id;
}
function grow(): void {
  const old = byBytes;
  cap *= 2; byBytes = new Int32Array(cap).fill(-1);
  for (const id of old) {
    if (id < 0) continue;
    const name = names[id];
    let h = 2166136261 | 0;
    for (let i = 0; i < name.length; i++) h = hashOf(h, name.charCodeAt(i));
    let j = h & (cap - 1);
    while (byBytes[j] >= 0) j = (j + 1) & (cap - 1);
    byBytes[j] = id;
  }
}
/** f of a symbol, made once a distinct symbol (a column of a million holds a few): like, string, csv. */
export function perSymbol<V>(f: (id: number) => V): (id: number) => V {
  const seen = new Map<number, V>();
  return id => { let v = seen.get(id); if (v === undefined) seen.set(id, v = f(id)); return v; };
}
/** How many symbols are interned, and their bytes (UTF-16 in the engine; kdb+ counts its own), for \w 0. */
let bytes = 0;
export const symCount = () => ({ count: names.length - 1, bytes: bytes + 8 * (names.length - 1) });

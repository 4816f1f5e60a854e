// The symbol pool: symbol vectors hold int ids into it, as kdb+ interns every symbol once.
// Ids are never freed (kdb+ keeps its sym pool for the life of the process too).
import { bytesName, nameBytes } from './utf8.js';
const names: string[] = [];
let bytes = 0;

// One index of the pool: an open-addressing table of ids, hashed (FNV-1a) over a name's UTF-16 code units.
// An ASCII name's bytes are its code units, so `$ of strings and IPC symbol vectors look a name up by its
// bytes without making its text first, and strings by their text, in the same table. (A Map of a million
// new names costs three times as much: 1000000?`5 and `$ of a million strings were bound by it.)
// Slots are pairs (id, hash): a probe compares hashes before it reads a name, so looking up a name
// that is new touches the table alone.
let cap = 1 << 12, table = new Int32Array(2 * cap).fill(-1);
const hashOf = (h: number, c: number) => Math.imul(h ^ c, 16777619);
const BASIS = 2166136261 | 0;
/** (the last text hashed had a character past ASCII: its bits, or'ed together, are 128 or more) */
let bits = 0;
function hashText(s: string): number {
  let h = BASIS, b = 0;
  for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); h = hashOf(h, c); b |= c; }
  bits = b;
  return h;
}
/** The ids of names with a character past ASCII: JavaScript's order of names is their bytes' order (kdb+'s)
 *  unless some are among these (utf8.ts' nameCmp), so sorts and comparisons of the rest keep the engine's. */
const wide = new Set<number>();
/** Whether none of these symbols has a character past ASCII. */
export function plainNames(ids: ArrayLike<number>): boolean {
  if (!wide.size) return true;
  for (let i = 0; i < ids.length; i++) if (wide.has(ids[i])) return false;
  return true;
}
function add(s: string, j: number, h: number, plain = bits < 128): number {
  const id = names.length;
  if (!plain) wide.add(id);
  names.push(s); table[2 * j] = id; table[2 * j + 1] = h; bytes += s.length;
  if (names.length * 2 > cap) grow();
  return id;
}
add('', hashText('') & (cap - 1), hashText(''));

export function intern(s: string): number {
  const h = hashText(s);
  let j = h & (cap - 1);
  for (let id = table[2 * j]; id >= 0; j = (j + 1) & (cap - 1), id = table[2 * j]) if (table[2 * j + 1] === h && names[id] === s) return id;
  return add(s, j, h);
}
export const symName = (id: number): string => names[id];
/** Each symbol's UTF-8 bytes, made the first time they are asked for (IPC and files write names as
 *  bytes); kept with the pool, which never frees a name either. Grown densely so it stays an array. */
const bytesOf: (Uint8Array | undefined)[] = [];
export function symBytes(id: number): Uint8Array {
  let b = bytesOf[id];
  if (b) return b;
  while (bytesOf.length <= id) bytesOf.push(undefined);
  return bytesOf[id] = nameBytes(names[id]);
}

/** A symbol's UTF-8 bytes to read at once, not kept: an ASCII name's (most) written into a scratch array
 *  that the next call overwrites, others the kept bytes. (A pass over a million distinct symbols that
 *  kept each one's bytes made a million arrays: like over 1000000?`5 took 1.3 s the first time, 0.15 s
 *  after.) */
export function symBytesNow(id: number): Uint8Array {
  const s = names[id], n = s.length;
  if (wide.has(id) || n > scratch.length) return symBytes(id);
  for (let i = 0; i < n; i++) scratch[i] = s.charCodeAt(i);
  return scratch.subarray(0, n);
}
const scratch = new Uint8Array(256);

/** The id of the symbol spelled by bytes b[s..e), interned if new. */
export function internBytes(b: Uint8Array, s = 0, e = b.length): number {
  let h = BASIS;
  for (let i = s; i < e; i++) { const c = b[i]; if (c > 127) return intern(bytesName(b, s, e)); h = hashOf(h, c); }
  const n = e - s;
  let j = h & (cap - 1);
  for (let id = table[2 * j]; id >= 0; j = (j + 1) & (cap - 1), id = table[2 * j]) {
    if (table[2 * j + 1] !== h) continue;
    const name = names[id];
    if (name.length !== n) continue;
    let k = 0;
    while (k < n && name.charCodeAt(k) === b[s + k]) k++;
    if (k === n) return id;
  }
  return add(n <= 16 ? ascii(b, s, e) : latin1.decode(b.subarray(s, e)), j, h, true);
}
const latin1 = new TextDecoder('latin1');
function ascii(b: Uint8Array, s: number, e: number): string {
  let t = '';
  for (let i = s; i < e; i++) t += String.fromCharCode(b[i]);
  return t;
}
function grow(): void {
  const old = table;
  cap *= 2; table = new Int32Array(2 * cap).fill(-1);
  for (let k = 0; k < old.length; k += 2) {
    const id = old[k], h = old[k + 1];
    if (id < 0) continue;
    let j = h & (cap - 1);
    while (table[2 * j] >= 0) j = (j + 1) & (cap - 1);
    table[2 * j] = id; table[2 * j + 1] = h;
  }
}
/** f of a symbol, made once a distinct symbol (a column of a million holds a few): like, string, csv. For
 *  a vector of n ids: kept in an array by id when the symbols interned are not many more than n (a Map's
 *  lookup was most of upper over a million), else in a Map. */
export function perSymbol<V>(f: (id: number) => V, n = 0): (id: number) => V {
  if (names.length <= 8 * n + 4096) {
    // (past a hundred thousand or so ids, an array of that many holes goes to V8's dictionary elements,
    // as slow as the Map: there a slot an id into a packed array of results)
    if (names.length > 100000) {
      const slot = new Int32Array(names.length).fill(-1), vals: V[] = [];
      return id => { const k = slot[id]; if (k >= 0) return vals[k]; const v = f(id); slot[id] = vals.length; vals.push(v); return v; };
    }
    const seen = new Array<V | undefined>(names.length);
    return id => { let v = seen[id]; if (v === undefined) seen[id] = v = f(id); return v; };
  }
  const seen = new Map<number, V>();
  return id => { let v = seen.get(id); if (v === undefined) seen.set(id, v = f(id)); return v; };
}
/** How many symbols are interned, and their bytes (UTF-16 in the engine; kdb+ counts its own), for \w 0. */
export const symCount = () => ({ count: names.length - 1, bytes: bytes + 8 * (names.length - 1) });

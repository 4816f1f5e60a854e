// Lists of strings (char vectors) hashed by their bytes: find, group, distinct and sort of a string
// column without making a JavaScript string an item (a million short strings: the collector, not the
// comparisons, was the cost). Open addressing on an FNV-1a hash; equal hashes are checked byte by byte.
import { fresh } from '../value/storage.js';

type Bytes = Uint8Array;

function hash(b: Bytes): number {
  let h = 2166136261 | 0;
  for (let i = 0; i < b.length; i++) h = Math.imul(h ^ b[i], 16777619);
  return h ^ (h >>> 15);
}
function same(a: Bytes, b: Bytes): boolean {
  const n = a.length;
  if (n !== b.length) return false;
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}
/** kdb+'s order of strings: byte by byte, a prefix before what it begins. */
export function compareBytes(a: Bytes, b: Bytes): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** A table of distinct strings, each numbered in order of first appearance. */
class Table {
  private cap: number;
  private slot: Int32Array;
  /** the first string of each number */
  readonly firsts: Bytes[] = [];
  readonly firstAt: number[] = [];
  constructor(n: number) {
    this.cap = 16;
    while (this.cap < 2 * n) this.cap *= 2;
    this.slot = fresh(Int32Array, this.cap).fill(-1);
  }
  /** The number of b, added when new (at position i) unless only looking. */
  id(b: Bytes, i: number, add: boolean): number {
    const mask = this.cap - 1;
    let j = hash(b) & mask;
    for (let g = this.slot[j]; g >= 0; j = (j + 1) & mask, g = this.slot[j]) if (same(this.firsts[g], b)) return g;
    if (!add) return -1;
    const g = this.firsts.length;
    this.slot[j] = g; this.firsts.push(b); this.firstAt.push(i);
    return g;
  }
}

/** Each string's group (numbered by first appearance) and the position of each group's first string. */
export function stringGroups(xs: Bytes[]): { gid: Int32Array; firsts: number[] } {
  const n = xs.length, t = new Table(n), gid = fresh(Int32Array, n);
  for (let i = 0; i < n; i++) gid[i] = t.id(xs[i], i, true);
  return { gid, firsts: t.firstAt };
}

/** The position of each of ys in xs (the first, as Find gives it), xs.length when absent. */
export function stringFind(xs: Bytes[], ys: Bytes[]): Int32Array {
  const t = new Table(xs.length);
  for (let i = 0; i < xs.length; i++) t.id(xs[i], i, true);
  const r = fresh(Int32Array, ys.length), at = t.firstAt, n = xs.length;
  for (let i = 0; i < ys.length; i++) { const g = t.id(ys[i], -1, false); r[i] = g < 0 ? n : at[g]; }
  return r;
}

/** Each string's rank among the distinct strings in kdb+'s order: only the distinct ones are compared. */
export function stringRanks(xs: Bytes[]): Int32Array {
  const { gid, firsts } = stringGroups(xs), ng = firsts.length;
  // each string's first six bytes as one number (missing ones as 0, below any byte, as a prefix sorts
  // before what it begins): most comparisons are of those, the bytes compared only on a tie
  const key = new Float64Array(ng);
  for (let g = 0; g < ng; g++) {
    const b = xs[firsts[g]];
    let k = 0;
    for (let i = 0; i < 6; i++) k = k * 256 + (i < b.length ? b[i] : 0);
    key[g] = k;
  }
  const order = Array.from({ length: ng }, (_, g) => g).sort((a, b) => key[a] - key[b] || compareBytes(xs[firsts[a]], xs[firsts[b]]));
  const rank = fresh(Int32Array, ng);
  for (let k = 0; k < ng; k++) rank[order[k]] = k;
  const r = fresh(Int32Array, xs.length);
  for (let i = 0; i < xs.length; i++) r[i] = rank[gid[i]];
  return r;
}

// Random values for ? (roll, deal, shuffle). kdb+'s own generator cannot be reproduced; wasq uses a
// seedable xoshiro128**, reset by \S, so a session with the same seed gives the same numbers.
import { T } from '../value/types.js';
import { Q, Vec, Atom, count, item, vec, fromItems, list, NJ, atomsToVec } from '../value/value.js';
import { alloc, allocRaw, halves, WIDTH, words } from '../value/storage.js';
import type { Items } from '../value/storage.js';
import { QError } from '../value/error.js';
import { index } from './index.js';
import { longVec } from '../value/value.js';
import { intern, internBytes } from '../value/sym.js';

// xoshiro128** (Blackman and Vigna): four 32-bit words of state, period 2^128 - 1. (The two-word
// generator that was here before repeated after a few thousand draws.)
// (the state is four int32 variables, not a typed array: V8 keeps them in registers, and a draw costs a
// few nanoseconds, which ten million draws notice)
let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
/** Reset the generator from a seed (\S n): splitmix32 spreads the seed over the state. */
export function seed(n: number) {
  let z = n | 0;
  const w: number[] = [];
  for (let i = 0; i < 4; i++) {
    z = (z + 0x9e3779b9) | 0;
    let x = z;
    x = Math.imul(x ^ (x >>> 16), 0x85ebca6b); x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
    w.push((x ^ (x >>> 16)) | 0);
  }
  [s0, s1, s2, s3] = w;
  if (!(s0 | s1 | s2 | s3)) s0 = 1;
}
/** Whether the generator has drawn since a state this gave: a converge of a function that draws does
 *  not cycle for a value coming back (iter.ts). */
export function drawState(): string { return `${s0},${s1},${s2},${s3}`; }
function next32(): number {
  const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0, t = s1 << 9;
  s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3;
  s2 ^= t; s3 = rotl(s3, 11);
  return r;
}
const rotl = (x: number, k: number) => (x << k) | (x >>> (32 - k));
/** A float in [0,1) with 53 random bits. */
const unit = () => (next32() * 2 ** 21 + (next32() >>> 11)) / 2 ** 53;
seed(-314159);

/** rand x: one pick, as first 1?x. */
export const rand = (x: Q): Q => item(roll({ t: -T.Long, v: 1n } as Atom, x), 0);

/** n?y roll (with repeats), -n?y deal (distinct), 0N?y shuffle. */
export function roll(n: Q, y: Q): Q {
  const k0 = n.t === -T.Long ? (n as Atom).v : n.t === -T.Int || n.t === -T.Short ? BigInt((n as Atom).v) : null;
  if (k0 === null) throw new QError('type');
  if (k0 === NJ || k0 === -2147483648n) return shuffle(y);
  const k = Number(k0);
  if (k < 0) return deal(-k, y);
  if (k > 2 ** 31) throw new QError('limit');
  if (y.t >= 0) { // items of a list
    // (an empty list's items are its nulls, as it indexed out of range gives: rand each t$\:() is the
    // nulls of the types t, as dotfiles' rand.q builds them)
    const c = count(y);
    if (!c) return index(y, { t: T.Int, d: new Int32Array(k), a: 0 } as Vec);
    const idx = allocRaw(T.Int, k) as Int32Array;
    for (let i = 0; i < k; i++) idx[i] = Math.floor(unit() * c);
    return index(y, { t: T.Int, d: idx, a: 0 } as Vec);
  }
  const t = -y.t, v = (y as Atom).v;
  // every item is written below: the storage need not be zeroed first
  const d = allocRaw(t, k) as any;
  switch (t) {
    case T.Float: case T.Real: case T.Datetime: { const m = v; for (let i = 0; i < k; i++) d[i] = unit() * m; break; }
    case T.Long: case T.Timestamp: case T.Timespan: {
      // n?0 rolls any longs (ref/deal); n?0D0 timespans within a day (learn/brief-introduction)
      if (t === T.Long && v === 0n) { const w = halves(d); for (let i = 0; i < k; i++) { w[2 * i] = next32(); w[2 * i + 1] = next32(); } break; }
      const m = t === T.Timespan && v === 0n ? 86400e9 : Number(v); if (m <= 0) throw new QError('domain');
      // many longs are written as their two 32-bit halves (a BigInt an item costs more than the draw)
      if (k < 1024) { for (let i = 0; i < k; i++) d[i] = BigInt(Math.floor(unit() * m)); break; }
      const w = halves(d);
      for (let i = 0; i < k; i++) { const r = Math.floor(unit() * m); w[2 * i] = r % 4294967296; w[2 * i + 1] = Math.floor(r / 4294967296); }
      break;
    }
    case T.Int: case T.Short: case T.Byte: case T.Month: case T.Date: case T.Minute: case T.Second: case T.Time: {
      // a zero time of day rolls within a day, as n?0D does (weihong15's notes: max 10000000?00:00 is 23:59,
      // ?00:00:00 23:59:59, ?00:00:00.000 23:59:59.994), a zero date within 2000 to 2003 (max 10000000?
      // 2000.01.01 is 2003.12.31)
      const span = v !== 0 ? 0 : t === T.Minute ? 1440 : t === T.Second ? 86400 : t === T.Time ? 86400000 : t === T.Date ? 1461 : 0;
      if (span) { for (let i = 0; i < k; i++) d[i] = Math.floor(unit() * span); break; }
      // n?0i rolls any ints (ref/deal), and so does a zero month (qspec's fuzz picks them so)
      if (v === 0 && t !== T.Short && t !== T.Byte) { for (let i = 0; i < k; i++) d[i] = next32() | 0; break; }
      // n?0x0 any bytes (ref/deal), n?0h any shorts (csvguess's createtest.q)
      if (t === T.Byte && v === 0) { for (let i = 0; i < k; i++) d[i] = next32() & 255; break; }
      if (t === T.Short && v === 0) { for (let i = 0; i < k; i++) d[i] = (next32() << 16) >> 16; break; }
      if (v <= 0) throw new QError('domain'); for (let i = 0; i < k; i++) d[i] = Math.floor(unit() * v); break; }
    case T.Bool: { for (let i = 0; i < k; i++) d[i] = next32() & 1; break; }
    case T.Char: { for (let i = 0; i < k; i++) d[i] = 97 + Math.floor(unit() * 26); break; }
    case T.Sym: {
      // each name's letters as bytes, looked up in the pool by them: a repeated name makes no string
      const w = symWidth(v), b = new Uint8Array(w);
      for (let i = 0; i < k; i++) { for (let j = 0; j < w; j++) b[j] = 97 + Math.floor(unit() * 16); d[i] = internBytes(b); }
      break;
    }
    // n?0Ng: random guids (only the null guid may be the right argument)
    case T.Guid: {
      if ((v as Uint8Array).some(b => b !== 0)) throw new QError('type');
      // 32 random bits at a time into many guids' bytes
      if (k >= 64 && !(d.byteOffset & 3)) { const w = new Int32Array(d.buffer, d.byteOffset, 4 * k); for (let i = 0; i < 4 * k; i++) w[i] = next32(); }
      else for (let i = 0; i < 16 * k; i++) d[i] = next32() & 255;
      break;
    }
    default: throw new QError('type');
  }
  return vec(t, d);
}

/** n?`4: symbols of 4 letters drawn from a to p, as kdb+ makes them. */
function symWidth(v: string): number { const w = Number(v); if (!(w >= 1 && w <= 8 && Number.isInteger(w))) throw new QError('type'); return w; }
function randomName(w: number): string { let s = ''; for (let j = 0; j < w; j++) s += String.fromCharCode(97 + Math.floor(unit() * 16)); return s; }

function deal(k: number, y: Q): Q {
  // -n?0Ng: distinct guids; 128 random bits do not repeat in practice
  if (y.t === -T.Guid) return roll({ t: -T.Long, v: BigInt(k) } as Atom, y);
  if (y.t === -T.Sym) {
    const w = symWidth((y as Atom).v), seen = new Set<string>(), d = new Int32Array(k);
    if (k > 16 ** w) throw new QError('length');
    for (let i = 0; i < k; i++) { let s: string; do s = randomName(w); while (seen.has(s)); seen.add(s); d[i] = intern(s); }
    return vec(T.Sym, d);
  }
  if (y.t >= 0) { const c = count(y); if (k > c) throw new QError('length'); return index(y, positionsOf(sample(k, c))); }
  const m = Number((y as Atom).v);
  if (!(y.t === -T.Long || y.t === -T.Int || y.t === -T.Short)) throw new QError('type');
  // -n?0: distinct longs of any value (ref/deal), drawn until n differ
  if (y.t === -T.Long && m === 0) {
    const seen = new Set<bigint>();
    while (seen.size < k) for (const v of (roll({ t: -T.Long, v: BigInt(k - seen.size) } as Atom, y) as Vec).d as BigInt64Array) seen.add(v);
    return vec(T.Long, BigInt64Array.from(seen));
  }
  if (k > m) throw new QError('length');
  const r = sample(k, m);
  return y.t === -T.Long ? longVec(r) : vec(-y.t, Int32Array.from(r));
}
/** k distinct numbers from 0..m-1 in random order (partial Fisher–Yates, sparse for large m). */
function sample(k: number, m: number): Int32Array | number[] {
  // a dense Fisher–Yates when most of 0..m-1 is drawn (a shuffle of millions of items)
  if (k * 4 >= m) {
    const a = new Int32Array(m);
    for (let i = 0; i < m; i++) a[i] = i;
    for (let i = 0; i < k; i++) { const j = i + Math.floor(unit() * (m - i)); const t = a[i]; a[i] = a[j]; a[j] = t; }
    return a.subarray(0, k);
  }
  const swap = new Map<number, number>(), out = new Array<number>(k);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(unit() * (m - i));
    const vi = swap.get(i) ?? i, vj = swap.get(j) ?? j;
    out[i] = vj; swap.set(j, vi);
  }
  return out;
}
function shuffle(y: Q): Q {
  if (y.t < 0) { const m = Number((y as Atom).v); return longVec(sample(m, m)); }
  const c = count(y);
  return index(y, positionsOf(sample(c, c)));
}
/** Positions as an index: an int vector as it is (no long per item), else longs. */
const positionsOf = (p: Int32Array | number[]): Q => p instanceof Int32Array ? vec(T.Int, p) : longVec(p);
export { item, fromItems, list };
export type { Vec };

/** ?[c;a;b]: items of a where c is true, else of b (vector conditional). */
/** ?[c;a;b] for a boolean vector c and branches of type t, a word (4, 2 or 1 bytes) at a time so that no
 *  long becomes a BigInt; an atom branch is read as one item over and over. */
function pickTyped(t: number, c: Uint8Array, a: Q, b: Q): Q {
  const n = c.length, w = t === T.Guid ? 16 : WIDTH[t], unit = Math.min(w, 4), per = w / unit;
  const items = (x: Q) => x.t > 0 ? (x as Vec).d : atomsToVec(t, [x as Atom]).d;
  const r = allocRaw(t, n), o = words(r, unit), A = words(items(a), unit), B = words(items(b), unit), sa = a.t > 0 ? per : 0, sb = b.t > 0 ? per : 0;
  if (per === 1) for (let i = 0; i < n; i++) o[i] = c[i] ? A[sa * i] : B[sb * i];
  else for (let i = 0; i < n; i++) {
    const s = c[i] ? A : B, at = c[i] ? sa * i : sb * i;
    for (let k = 0; k < per; k++) o[per * i + k] = s[at + k];
  }
  return vec(t, r);
}
export function vcond(c: Q, a: Q, b: Q): Q {
  // () is no conditions, as each over no rows gives it (gyorokpeter's AoC 2018 day 24: ?[x in/:y;0;1]
  // in a select whose where keeps no rows)
  if (c.t === T.List && !count(c)) c = { t: T.Bool, d: new Uint8Array(0), a: 0 } as Vec;
  if (c.t !== T.Bool && c.t !== -T.Bool) throw new QError('type');
  // an atom condition with atom branches picks one of them
  if (c.t === -T.Bool && a.t < 0 && b.t < 0) return (c as Atom).v ? a : b;
  // and with list branches of different lengths, one of them whole (TorQ discovery's getservices)
  if (c.t === -T.Bool && a.t >= 0 && b.t >= 0 && count(a) !== count(b)) return (c as Atom).v ? a : b;
  // an atom is repeated to the lists' length, the condition too (ref/vector-conditional: ?[1b;1 2 3;4])
  const n = c.t >= 0 ? count(c) : a.t >= 0 ? count(a) : count(b);
  if ((a.t >= 0 && count(a) !== n) || (b.t >= 0 && count(b) !== n)) throw new QError('length');
  const cd = c.t === T.Bool ? (c as Vec).d : null;
  // branches of one basic type (vectors or atoms): the items picked straight into a vector of that type;
  // of two basic types, a type error (ref/vector-conditional: "lists of the same type")
  const t = Math.abs(a.t);
  if (t > 0 && t < T.Enum && Math.abs(b.t) > 0 && Math.abs(b.t) < T.Enum && t !== Math.abs(b.t)) throw new QError('type');
  if (cd && t === Math.abs(b.t) && t > 0 && t < T.Enum) return pickTyped(t, cd as Uint8Array, a, b);
  const out = new Array<Q>(n);
  for (let i = 0; i < n; i++) {
    const pick = cd ? cd[i] : (c as Atom).v;
    const src = pick ? a : b;
    out[i] = src.t < 0 ? src : item(src, i);
  }
  return fromItems(out);
}

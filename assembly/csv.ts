// Load CSV: records of delimited text parsed straight into columns, row after row, for the common cell
// types (booleans, chars, shorts, ints, longs, reals, floats, dates, symbols). A cell that is anything
// but plain (a quote, 0n, a float of many digits, a date that is not one, a short record) is not
// guessed at: the kernel stops at the start of its record and the caller parses that record with q's own
// rules, then resumes the kernel at the next. The caller hands over the text a chunk at a time, whole
// records only, so a big file never sits in memory whole. Symbols are hashed by their bytes into a
// table of their own, which keeps a copy of each distinct one's bytes (they outlive the chunk); the
// caller turns each into a q symbol once.
//
// Cell types, one i32 code per field: 0 skip, 1 bool, 2 char, 3 short, 4 int, 5 long, 6 real, 7 float,
// 8 date, 9 symbol, 10 timestamp, 11 timespan, 12 time, 13 minute, 14 second. outs holds one column pointer per field (0 for skipped fields).
// state (i32): [0] row, [1] byte position of the row's start, [2] symbols in the table, [3] bytes of
// their text in the store.

const NL: u8 = 10, CR: u8 = 13, QUOTE: u8 = 34;
const DONE = 0, ODD = 1, FULL = 2;

// set by a cell parser when the cell is not plain
let odd = false;

// @ts-ignore: decorator
@inline function digit(b: usize, i: usize): i32 { return <i32>load<u8>(b + i) - 48; }

// 10^k for 0 <= k <= 22, all exact doubles. A jump table, not an array: kernels keep no static data,
// since vector memory (q/value/heap.ts) begins just above the first kilobyte.
function pow10(k: i32): f64 {
  switch (k) {
    case 0: return 1e0;
    case 1: return 1e1;
    case 2: return 1e2;
    case 3: return 1e3;
    case 4: return 1e4;
    case 5: return 1e5;
    case 6: return 1e6;
    case 7: return 1e7;
    case 8: return 1e8;
    case 9: return 1e9;
    case 10: return 1e10;
    case 11: return 1e11;
    case 12: return 1e12;
    case 13: return 1e13;
    case 14: return 1e14;
    case 15: return 1e15;
    case 16: return 1e16;
    case 17: return 1e17;
    case 18: return 1e18;
    case 19: return 1e19;
    case 20: return 1e20;
    case 21: return 1e21;
    case 22: return 1e22;
  }
  return NaN;
}

/** A decimal float of up to 19 significant digits with a power of ten within ±22. Up to 15 digits the
 *  quotient or product of two exact doubles is correctly rounded (Clinger's fast path); up to 19 the
 *  digits are split into two doubles that hold them exactly and scaled in double-double arithmetic,
 *  which decides the rounding except within 2^-90 of a tie. Anything else (and those near-ties) is odd. */
function float(b: usize, s: usize, e: usize): f64 {
  if (s == e) return NaN;
  let i = s, neg = false;
  const c0 = load<u8>(b + i);
  if (c0 == 45) { neg = true; i++; } else if (c0 == 43) i++;
  let a: u64 = 0, sig = 0, digits = 0, scale = 0, c = 0;
  while (i < e && <u32>(c = digit(b, i)) <= 9) {
    digits++; i++;
    if (sig == 0 && c == 0) continue;
    if (sig < 19) a = a * 10 + <u64>c;
    sig++;
  }
  if (i < e && load<u8>(b + i) == 46) {
    i++;
    while (i < e && <u32>(c = digit(b, i)) <= 9) {
      digits++; i++; scale--;
      if (sig == 0 && c == 0) continue;
      if (sig < 19) a = a * 10 + <u64>c;
      sig++;
    }
  }
  if (digits > 0 && i < e && (load<u8>(b + i) | 32) == 101) {
    i++;
    let eneg = false, x = 0, xd = 0;
    if (i < e) { const ch = load<u8>(b + i); if (ch == 45) { eneg = true; i++; } else if (ch == 43) i++; }
    while (i < e && <u32>(c = digit(b, i)) <= 9) { if (x < 1000) x = x * 10 + c; xd++; i++; }
    if (xd == 0) { odd = true; return 0; }
    scale += eneg ? -x : x;
  }
  if (i != e || digits == 0 || sig > 19 || scale < -22 || scale > 22) { odd = true; return 0; }
  let v: f64;
  if (sig <= 15) v = scale < 0 ? <f64>a / pow10(-scale) : <f64>a * pow10(scale);
  else {
    // a as hi + lw exactly: hi is a rounded, and a - hi is small enough to be exact
    const hi = <f64>a, lw = <f64><i64>(a - <u64>hi);
    v = exact(hi, lw, scale);
    if (isNaN(v)) { odd = true; return 0; }
  }
  return neg ? -v : v;
}

// Dekker's exact products, written out: x·y = p + its error, with x and y split into 26-bit halves
const SPLIT: f64 = 134217729; // 2^27 + 1
/** (hi + lw)·10^scale correctly rounded, or NaN when too close to a tie to tell. */
function exact(hi: f64, lw: f64, scale: i32): f64 {
  const d = pow10(scale < 0 ? -scale : scale);
  let t = SPLIT * d; const dh = t - (t - d), dl = d - dh;
  let q: f64, rest: f64;
  if (scale < 0) {
    const q1 = hi / d;
    t = SPLIT * q1; const qh = t - (t - q1), ql = q1 - qh;
    const m = q1 * d, me = ((qh * dh - m) + qh * dl + ql * dh) + ql * dl;
    const q2 = (((hi - m) - me) + lw) / d;
    q = q1 + q2; rest = q2 - (q - q1);
  } else {
    t = SPLIT * hi; const hh = t - (t - hi), hl = hi - hh;
    const m = hi * d, l = (((hh * dh - m) + hh * dl + hl * dh) + hl * dl) + lw * d;
    q = m + l; rest = l - (q - m);
  }
  // q is right unless the rest lies within the error bound of half an ulp of q
  const bits = reinterpret<u64>(q), ex = <i32>(bits >> 52) & 0x7ff;
  if (ex <= 54 || ex == 0x7ff || (bits & 0xfffffffffffff) == 0) return NaN;
  const half = reinterpret<f64>(<u64>(ex - 53) << 52), gap = abs(rest) - half;
  return gap < -half * 1.5e-11 || gap > half * 1.5e-11 ? q : NaN;
}

/** An integer of up to 18 digits with an optional minus (empty: null); within ±lim, else odd. */
function integer(b: usize, s: usize, e: usize, lim: i64, nul: i64): i64 {
  if (s == e) return nul;
  let i = s, neg = false;
  if (load<u8>(b + i) == 45) { neg = true; i++; }
  if (i == e || e - i > 18) { odd = true; return 0; }
  let v: i64 = 0;
  for (; i < e; i++) { const c = digit(b, i); if (<u32>c > 9) { odd = true; return 0; } v = v * 10 + c; }
  if (v > lim) { odd = true; return 0; }
  return neg ? -v : v;
}

// @ts-ignore: decorator
@inline function floorDiv(a: i32, b: i32): i32 { return (a >= 0 ? a : a - b + 1) / b; }
/** A date (days since 2000.01.01) from yyyy.mm.dd, yyyy-mm-dd, yyyy/mm/dd or yyyymmdd (empty: null);
 *  any other form, or a day the calendar lacks, is odd. */
function date(b: usize, s: usize, e: usize): i32 {
  const n = e - s;
  if (n == 0) return i32.MIN_VALUE;
  let y = 0, m = 0, d = 0;
  if (n == 10) {
    const sep = load<u8>(b + s + 4);
    if ((sep != 46 && sep != 45 && sep != 47) || load<u8>(b + s + 7) != sep) { odd = true; return 0; }
    y = digit(b, s) * 1000 + digit(b, s + 1) * 100 + digit(b, s + 2) * 10 + digit(b, s + 3);
    m = digit(b, s + 5) * 10 + digit(b, s + 6); d = digit(b, s + 8) * 10 + digit(b, s + 9);
    if (<u32>digit(b, s) > 9 || <u32>digit(b, s + 1) > 9 || <u32>digit(b, s + 2) > 9 || <u32>digit(b, s + 3) > 9 ||
        <u32>digit(b, s + 5) > 9 || <u32>digit(b, s + 6) > 9 || <u32>digit(b, s + 8) > 9 || <u32>digit(b, s + 9) > 9) { odd = true; return 0; }
  } else if (n == 8) {
    for (let i: usize = 0; i < 8; i++) if (<u32>digit(b, s + i) > 9) { odd = true; return 0; }
    y = digit(b, s) * 1000 + digit(b, s + 1) * 100 + digit(b, s + 2) * 10 + digit(b, s + 3);
    m = digit(b, s + 4) * 10 + digit(b, s + 5); d = digit(b, s + 6) * 10 + digit(b, s + 7);
  } else { odd = true; return 0; }
  const leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
  if (y == 0 || m < 1 || m > 12 || d < 1 || d > (m == 2 ? (leap ? 29 : 28) : 30 + ((m + (m >> 3)) & 1))) { odd = true; return 0; }
  const yy = m <= 2 ? y - 1 : y, era = floorDiv(yy, 400), yoe = yy - era * 400;
  const doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 730425;
}

/** hh:mm:ss with up to `most` fraction digits after a point, as nanoseconds past midnight (hours below
 *  24); any other form is odd. */
function clock(b: usize, s: usize, e: usize, most: i32): i64 {
  const n = <i32>(e - s);
  if (n < 8 || load<u8>(b + s + 2) != 58 || load<u8>(b + s + 5) != 58) { odd = true; return 0; }
  const d0 = digit(b, s), d1 = digit(b, s + 1), d3 = digit(b, s + 3), d4 = digit(b, s + 4), d6 = digit(b, s + 6), d7 = digit(b, s + 7);
  if (<u32>d0 > 9 || <u32>d1 > 9 || <u32>d3 > 5 || <u32>d4 > 9 || <u32>d6 > 5 || <u32>d7 > 9 || d0 * 10 + d1 > 23) { odd = true; return 0; }
  let ns = <i64>(((d0 * 10 + d1) * 60 + d3 * 10 + d4) * 60 + d6 * 10 + d7) * 1000000000;
  if (n > 8) {
    if (load<u8>(b + s + 8) != 46 || n == 9 || n - 9 > most) { odd = true; return 0; }
    let f: i64 = 0;
    for (let i = s + 9; i < e; i++) { const c = digit(b, i); if (<u32>c > 9) { odd = true; return 0; } f = f * 10 + c; }
    for (let k = n - 9; k < 9; k++) f *= 10;
    ns += f;
  }
  return ns;
}
/** A temporal cell (code 10 timestamp, 11 timespan, 12 time, 13 minute, 14 second) in its type's units, in
 *  the plain forms only: yyyy.mm.ddDhh:mm:ss.fffffffff (a T or - . / date separators too), hh:mm:ss with
 *  the type's fraction, hh:mm; empty is null; anything else is odd. */
function temporal(code: i32, b: usize, s: usize, e: usize): i64 {
  if (s == e) return code <= 11 ? i64.MIN_VALUE : <i64>i32.MIN_VALUE;
  const n = e - s;
  switch (code) {
    case 10: {
      const sep = n > 10 ? load<u8>(b + s + 10) : 0;
      if (sep != 68 && sep != 84) { odd = true; return 0; }
      const d = date(b, s, s + 10);
      return <i64>d * 86400000000000 + clock(b, s + 11, e, 9);
    }
    case 11: return clock(b, s, e, 9);
    case 12: return clock(b, s, e, 3) / 1000000;
    case 13: {
      const d0 = digit(b, s), d1 = digit(b, s + 1), d3 = digit(b, s + 3), d4 = digit(b, s + 4);
      if (n != 5 || load<u8>(b + s + 2) != 58 || <u32>d0 > 9 || <u32>d1 > 9 || <u32>d3 > 5 || <u32>d4 > 9 || d0 * 10 + d1 > 23) { odd = true; return 0; }
      return (d0 * 10 + d1) * 60 + d3 * 10 + d4;
    }
    default: return n == 8 ? clock(b, s, e, 0) / 1000000000 : (odd = true, 0);
  }
}

// ---- symbols: open addressing over the distinct byte strings ------------------------------------------
// tab: 2^bits i32 slots, each 0 or 1 + an entry's index; ents: 3 i32 per entry (hash, start in the
// store, length); store: the entries' bytes, one after another.

// where the symbol table lives and how much room it has (globals: a kernel allocates nothing)
let symTab: usize = 0, symBits: i32 = 0, symEnts: usize = 0, symCap: i32 = 0, symStore: usize = 0, symRoom: i32 = 0;

// @ts-ignore: decorator
@inline function hashOf(b: usize, s: usize, e: usize): u32 {
  let h: u32 = 2166136261;
  for (let i = s; i < e; i++) h = (h ^ <u32>load<u8>(b + i)) * 16777619;
  return h;
}
function sameBytes(x: usize, y: usize, n: usize): bool {
  for (let i: usize = 0; i < n; i++) if (load<u8>(x + i) != load<u8>(y + i)) return false;
  return true;
}
/** The entry of bytes [s,e), added when new; -1 when the table has no room for one more. */
function symbol(b: usize, s: usize, e: usize, state: usize): i32 {
  const h = hashOf(b, s, e), bits = symBits, mask = (1 << bits) - 1, n = <i32>(e - s);
  let k = <i32>((h * 0x9E3779B1) >> (32 - bits));
  while (true) {
    const slot = load<i32>(symTab + (<usize>k << 2));
    if (slot == 0) break;
    const en = symEnts + <usize>(slot - 1) * 12;
    if (load<u32>(en) == h && load<i32>(en, 8) == n && sameBytes(symStore + <usize>load<i32>(en, 4), b + s, n)) return slot - 1;
    k = (k + 1) & mask;
  }
  const used = load<i32>(state, 8), at = load<i32>(state, 12);
  if (used == symCap || used * 2 >= 1 << bits || at + n > symRoom) return -1;
  memory.copy(symStore + <usize>at, b + s, <usize>n);
  const en = symEnts + <usize>used * 12;
  store<u32>(en, h); store<i32>(en, at, 4); store<i32>(en, n, 8);
  store<i32>(symTab + (<usize>k << 2), used + 1);
  store<i32>(state, used + 1, 8); store<i32>(state, at + n, 12);
  return used;
}

/** Put the first `used` entries into a fresh table of 2^bits slots (after the caller made room). */
function rehash(tab: usize, bits: i32, ents: usize, used: i32): void {
  memory.fill(tab, 0, <usize>4 << bits);
  const mask = (1 << bits) - 1;
  for (let j = 0; j < used; j++) {
    let k = <i32>((load<u32>(ents + <usize>j * 12) * 0x9E3779B1) >> (32 - bits));
    while (load<i32>(tab + (<usize>k << 2)) != 0) k = (k + 1) & mask;
    store<i32>(tab + (<usize>k << 2), j + 1);
  }
}

/** Use this symbol table from now on: 2^bits slots at tab, room for cap entries at ents and for `room`
 *  bytes at store; the first `used` entries (of the table before, copied here by the caller) are kept. */
export function csv_symbols(tab: usize, bits: i32, ents: usize, cap: i32, store: usize, room: i32, used: i32): void {
  symTab = tab; symBits = bits; symEnts = ents; symCap = cap; symStore = store; symRoom = room;
  rehash(tab, bits, ents, used);
}

/** Parse records of b[0,len) into rows state[0].. (at most n rows) from state[1], m fields each.
 *  Returns DONE at the end of the bytes or of n rows, ODD when the record at state[1] (row state[0])
 *  needs the caller, FULL when the symbol table needs more room (the record at state[1] is left whole). */
export function csv_rows(b: usize, len: i32, delim: i32, codes: usize, m: i32, outs: usize, n: i32, state: usize): i32 {
  let r = load<i32>(state), p = <usize>load<i32>(state, 4);
  const end = <usize>len, dl = <u8>delim;
  odd = false;
  while (r < n && p < end) {
    const start = p;
    let eol = false;
    for (let j = 0; j < m; j++) {
      if (eol || (p < end && load<u8>(b + p) == QUOTE)) { store<i32>(state, r); store<i32>(state, <i32>start, 4); return ODD; }
      let q = p;
      while (q < end) { const c = load<u8>(b + q); if (c == dl || c == NL) break; q++; }
      let e = q;
      if (q == end || load<u8>(b + q) == NL) { eol = true; if (e > p && load<u8>(b + e - 1) == CR) e--; }
      const code = load<i32>(codes + (<usize>j << 2)), o = <usize>load<u32>(outs + (<usize>j << 2));
      switch (code) {
        case 1: { const ch = p < e ? load<u8>(b + p) | 32 : 0; store<u8>(o + <usize>r, ch == 49 || ch == 116 || ch == 121 ? 1 : 0); break; }
        case 2: store<u8>(o + <usize>r, p < e ? load<u8>(b + p) : 32); break;
        case 3: store<i16>(o + (<usize>r << 1), <i16>integer(b, p, e, 32767, -32768)); break;
        case 4: store<i32>(o + (<usize>r << 2), <i32>integer(b, p, e, 2147483647, -2147483648)); break;
        case 5: store<i64>(o + (<usize>r << 3), integer(b, p, e, i64.MAX_VALUE, i64.MIN_VALUE)); break;
        case 6: store<f32>(o + (<usize>r << 2), <f32>float(b, p, e)); break;
        case 7: store<f64>(o + (<usize>r << 3), float(b, p, e)); break;
        case 8: store<i32>(o + (<usize>r << 2), date(b, p, e)); break;
        case 10: case 11: store<i64>(o + (<usize>r << 3), temporal(code, b, p, e)); break;
        case 12: case 13: case 14: store<i32>(o + (<usize>r << 2), <i32>temporal(code, b, p, e)); break;
        case 9: {
          const id = symbol(b, p, e, state);
          if (id < 0) { store<i32>(state, r); store<i32>(state, <i32>start, 4); return FULL; }
          store<i32>(o + (<usize>r << 2), id); break;
        }
      }
      if (odd) { store<i32>(state, r); store<i32>(state, <i32>start, 4); return ODD; }
      p = q + 1;
    }
    // fields past the types' count are ignored, as q does
    if (!eol) { while (p < end && load<u8>(b + p) != NL) p++; p++; }
    r++;
  }
  store<i32>(state, r); store<i32>(state, <i32>min(p, end), 4);
  return DONE;
}

/** The number of newline bytes in b[0,len), sixteen at a time. */
export function csv_lines(b: usize, len: i32): i32 {
  const nl = i8x16.splat(10);
  let n = 0, i = 0;
  for (; i + 16 <= len; i += 16) n += <i32>popcnt(i8x16.bitmask(i8x16.eq(v128.load(b + <usize>i), nl)));
  for (; i < len; i++) if (load<u8>(b + <usize>i) == NL) n++;
  return n;
}

// Hash tables over integer items (bool to long, symbols by id, enumerations by index) and guids: find (?),
// in, distinct and grouping. Open addressing with linear probing; the table holds item positions (-1 empty) in a
// block the caller provides, 2^bits i32. The table may be smaller than the items: when it fills past half,
// the call gives up (-1) and the caller tries again with a bigger one, so that few distinct values (the
// usual case) touch little memory.

// Fibonacci hashing: the top bits of the product spread consecutive keys over the table
@inline function slot(v: i64, bits: i32): i32 { return <i32>((<u64>v * 0x9E3779B97F4A7C15) >> (64 - bits)); }
// Items by position: integers of T's width, or guids (T = v128: two 64-bit halves, mixed for the hash)
@inline function hashAt<T>(x: usize, i: i32, bits: i32): i32 {
  if (sizeof<T>() == 16) { const p = x + (<usize>i << 4); return slot(load<i64>(p) ^ (load<i64>(p, 8) * 0xC2B2AE3D27D4EB4F), bits); }
  return slot(<i64>load<T>(x + <usize>i * sizeof<T>()), bits);
}
@inline function same<T>(x: usize, i: i32, y: usize, j: i32): bool {
  if (sizeof<T>() == 16) { const a = x + (<usize>i << 4), b = y + (<usize>j << 4); return load<u64>(a) == load<u64>(b) && load<u64>(a, 8) == load<u64>(b, 8); }
  return load<T>(x + <usize>i * sizeof<T>()) == load<T>(y + <usize>j * sizeof<T>());
}

/** Put the first position of each distinct item of x in the table; with out, also list those positions
 *  in order of first appearance there; the count of distinct items, or -1 when the table is too small. */
function build<T>(x: usize, n: i32, tab: usize, bits: i32, out: usize): i32 {
  const mask = (1 << bits) - 1, limit = 1 << (bits - 1);
  memory.fill(tab, 0xff, <usize>4 << bits);
  let k = 0;
  for (let i = 0; i < n; i++) {
    let h = hashAt<T>(x, i, bits);
    while (true) {
      const p = load<i32>(tab + (<usize>h << 2));
      if (p < 0) {
        if (k == limit) return -1;
        store<i32>(tab + (<usize>h << 2), i); if (out) store<i32>(out + (<usize>k << 2), i); k++; break;
      }
      if (same<T>(x, p, x, i)) break;
      h = (h + 1) & mask;
    }
  }
  return k;
}
/** The position in x (as built into tab) of item j of y, or n when absent. */
@inline function probe<T>(x: usize, n: i32, tab: usize, bits: i32, y: usize, j: i32): i32 {
  const mask = (1 << bits) - 1;
  let h = hashAt<T>(y, j, bits);
  while (true) {
    const p = load<i32>(tab + (<usize>h << 2));
    if (p < 0) return n;
    if (same<T>(x, p, y, j)) return p;
    h = (h + 1) & mask;
  }
}
/** dst[j] = first position of y[j] in x, or n (i32); -1 when the table is too small, else 0. */
function find<T>(x: usize, n: i32, tab: usize, bits: i32, y: usize, m: i32, dst: usize): i32 {
  if (build<T>(x, n, tab, bits, 0) < 0) return -1;
  for (let j = 0; j < m; j++) store<i32>(dst + (<usize>j << 2), probe<T>(x, n, tab, bits, y, j));
  return 0;
}
/** dst[j] = 1 when y[j] is an item of x (u8). */
function isin<T>(x: usize, n: i32, tab: usize, bits: i32, y: usize, m: i32, dst: usize): i32 {
  if (build<T>(x, n, tab, bits, 0) < 0) return -1;
  for (let j = 0; j < m; j++) store<u8>(dst + <usize>j, probe<T>(x, n, tab, bits, y, j) < n ? 1 : 0);
  return 0;
}
/** dst[p] = 1 (u8, n of them, zeroed here) for each position p of x whose item y has: for a few items
 *  looked for among very many, the table is of the few, and nothing of y's size is written. */
function met<T>(x: usize, n: i32, tab: usize, bits: i32, y: usize, m: i32, dst: usize): i32 {
  if (build<T>(x, n, tab, bits, 0) < 0) return -1;
  memory.fill(dst, 0, <usize>n);
  for (let j = 0; j < m; j++) { const p = probe<T>(x, n, tab, bits, y, j); if (p < n) store<u8>(dst + <usize>p, 1); }
  return 0;
}

export function find_i8(x: usize, n: i32, tab: usize, bits: i32, y: usize, m: i32, dst: usize): i32 { return find<i8>(x, n, tab, bits, y, m, dst); }
export function find_i16(x: usize, n: i32, tab: usize, bits: i32, y: usize, m: i32, dst: usize): i32 { return find<i16>(x, n, tab, bits, y, m, dst); }
export function find_i32(x: usize, n: i32, tab: usize, bits: i32, y: usize, m: i32, dst: usize): i32 { return find<i32>(x, n, tab, bits, y, m, dst); }
export function find_i64(x: usize, n: i32, tab: usize, bits: i32, y: usize, m: i32, dst: usize): i32 { return find<i64>(x, n, tab, bits, y, m, dst); }
export function in_i8(x: usize, n: i32, tab: usize, bits: i32, y: usize, m: i32, dst: usize): i32 { return isin<i8>(x, n, tab, bits, y, m, dst); }
export function in_i16(x: usize, n: i32, tab: usize, bits: i32, y: usize, m: i32, dst: usize): i32 { return isin<i16>(x, n, tab, bits, y, m, dst); }
export function in_i32(x: usize, n: i32, tab: usize, bits: i32, y: usize, m: i32, dst: usize): i32 { return isin<i32>(x, n, tab, bits, y, m, dst); }
export function in_i64(x: usize, n: i32, tab: usize, bits: i32, y: usize, m: i32, dst: usize): i32 { return isin<i64>(x, n, tab, bits, y, m, dst); }
/** The positions of first appearances of x's items, in order, into out; their count. */
export function distinct_i8(x: usize, n: i32, tab: usize, bits: i32, out: usize): i32 { return build<i8>(x, n, tab, bits, out); }
export function distinct_i16(x: usize, n: i32, tab: usize, bits: i32, out: usize): i32 { return build<i16>(x, n, tab, bits, out); }
export function distinct_i32(x: usize, n: i32, tab: usize, bits: i32, out: usize): i32 { return build<i32>(x, n, tab, bits, out); }
export function distinct_i64(x: usize, n: i32, tab: usize, bits: i32, out: usize): i32 { return build<i64>(x, n, tab, bits, out); }

// ---- floats as keys --------------------------------------------------------------------------------------
// find, in, distinct and group compare floats exactly (kdb+ applies comparison tolerance only to = < > ~
// and their kin), with every null one value and -0 the same as 0: each float becomes the integer of its
// bits with those two rules applied, and the integer kernels do the rest.

/** dst[i] (i64) = the bits of src[i] (f64), 0 for -0 and one pattern for every NaN. */
export function canon_f64(src: usize, n: i32, dst: usize): void {
  for (let i = 0; i < n; i++) {
    const v = load<f64>(src + (<usize>i << 3));
    store<i64>(dst + (<usize>i << 3), v != v ? 0x7ff8000000000000 : v == 0 ? 0 : reinterpret<i64>(v));
  }
}
/** dst[i] (i32) = the bits of src[i] (f32), by the same rules. */
export function canon_f32(src: usize, n: i32, dst: usize): void {
  for (let i = 0; i < n; i++) {
    const v = load<f32>(src + (<usize>i << 2));
    store<i32>(dst + (<usize>i << 2), v != v ? 0x7fc00000 : v == 0 ? 0 : reinterpret<i32>(v));
  }
}

/** Group ids of n items at x (in order of first appearance) by hashing, for keys whose range is too wide
 *  to address directly; the table (2^bits i32) holds group ids, first[g] the first row of group g. The
 *  count of groups, or -1 when the table is too small. */
function groupHash<T>(x: usize, n: i32, tab: usize, bits: i32, gid: usize, first: usize): i32 {
  const mask = (1 << bits) - 1, limit = 1 << (bits - 1);
  memory.fill(tab, 0xff, <usize>4 << bits);
  let ng = 0;
  for (let i = 0; i < n; i++) {
    let h = hashAt<T>(x, i, bits), g: i32;
    while (true) {
      g = load<i32>(tab + (<usize>h << 2));
      if (g < 0) {
        if (ng == limit) return -1;
        g = ng++;
        store<i32>(tab + (<usize>h << 2), g); store<i32>(first + (<usize>g << 2), i);
        break;
      }
      if (same<T>(x, load<i32>(first + (<usize>g << 2)), x, i)) break;
      h = (h + 1) & mask;
    }
    store<i32>(gid + (<usize>i << 2), g);
  }
  return ng;
}
export function groupHash_i32(x: usize, n: i32, tab: usize, bits: i32, gid: usize, first: usize): i32 { return groupHash<i32>(x, n, tab, bits, gid, first); }
export function groupHash_i64(x: usize, n: i32, tab: usize, bits: i32, gid: usize, first: usize): i32 { return groupHash<i64>(x, n, tab, bits, gid, first); }

// ---- guids: the same tables over 16-byte items (T = v128), compared as two 64-bit halves ---------------
export function find_g16(x: usize, n: i32, tab: usize, bits: i32, y: usize, m: i32, dst: usize): i32 { return find<v128>(x, n, tab, bits, y, m, dst); }
export function met_i8(x: usize, n: i32, tab: usize, bits: i32, y: usize, m: i32, dst: usize): i32 { return met<i8>(x, n, tab, bits, y, m, dst); }
export function met_i16(x: usize, n: i32, tab: usize, bits: i32, y: usize, m: i32, dst: usize): i32 { return met<i16>(x, n, tab, bits, y, m, dst); }
export function met_i32(x: usize, n: i32, tab: usize, bits: i32, y: usize, m: i32, dst: usize): i32 { return met<i32>(x, n, tab, bits, y, m, dst); }
export function met_i64(x: usize, n: i32, tab: usize, bits: i32, y: usize, m: i32, dst: usize): i32 { return met<i64>(x, n, tab, bits, y, m, dst); }
export function met_g16(x: usize, n: i32, tab: usize, bits: i32, y: usize, m: i32, dst: usize): i32 { return met<v128>(x, n, tab, bits, y, m, dst); }
export function in_g16(x: usize, n: i32, tab: usize, bits: i32, y: usize, m: i32, dst: usize): i32 { return isin<v128>(x, n, tab, bits, y, m, dst); }
export function distinct_g16(x: usize, n: i32, tab: usize, bits: i32, out: usize): i32 { return build<v128>(x, n, tab, bits, out); }
export function groupHash_g16(x: usize, n: i32, tab: usize, bits: i32, gid: usize, first: usize): i32 { return groupHash<v128>(x, n, tab, bits, gid, first); }

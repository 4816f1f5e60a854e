// Grouping and grouped-aggregate kernels against plain TypeScript references, on seeded random data
// with nulls, infinities, ties, and empty, one-item and large vectors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { k, alloc, put, view, reset } from './harness.js';

const NJ = -(2n ** 63n);
let seed = 12345;
const rnd = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed / 2 ** 32; };
const SIZES = [0, 1, 2, 7, 100, 2048, 100_003];

/** Reference grouping: ids in order of first appearance. */
function refGroup(keys: ArrayLike<number>) {
  const m = new Map<number, number>(), gid = new Int32Array(keys.length), first: number[] = [];
  for (let i = 0; i < keys.length; i++) { let g = m.get(keys[i]); if (g === undefined) { g = first.length; m.set(keys[i], g); first.push(i); } gid[i] = g; }
  return { gid, first, ng: first.length };
}
const floats = (n: number) => Float64Array.from({ length: n }, () => { const r = rnd(); return r < .1 ? NaN : r < .12 ? Infinity : r < .14 ? -Infinity : r < .16 ? 0 : (rnd() - .5) * 1e3; });
const longs = (n: number) => BigInt64Array.from({ length: n }, () => { const r = rnd(); return r < .1 ? NJ : r < .12 ? 2n ** 63n - 1n : BigInt(Math.floor((rnd() - .5) * 1e6)); });

test('groupRange_i32 numbers groups by first appearance, minmax_i32 finds the range', () => {
  for (const n of SIZES) for (const span of [1, 6, 449, 5000]) {
    reset();
    const keys = Int32Array.from({ length: n }, () => -50 + Math.floor(rnd() * span));
    const p = put(keys), mm = alloc(8);
    if (n) {
      k.minmax_i32(p, n, mm);
      const [lo, hi] = view(Int32Array, mm, 2);
      assert.deepEqual([lo, hi], [Math.min(...keys), Math.max(...keys)]);
    }
    const gid = alloc(4 * n), first = alloc(4 * n), slot = alloc(4 * span), cnt = alloc(4 * span);
    const ng = k.groupRange_i32(p, n, -50, span, gid, first, slot, cnt), r = refGroup(keys);
    assert.equal(ng, r.ng);
    assert.deepEqual(view(Int32Array, gid, n), r.gid);
    assert.deepEqual(Array.from(view(Int32Array, first, ng)), r.first);
    assert.deepEqual(Array.from(view(Int32Array, cnt, ng)), refCounts(r.gid, ng));
    // and without counting (cnt 0)
    assert.equal(k.groupRange_i32(p, n, -50, span, gid, first, slot, 0), r.ng);
  }
});

const refCounts = (gid: ArrayLike<number>, ng: number) => { const c = new Array(ng).fill(0); for (let i = 0; i < gid.length; i++) c[gid[i]]++; return c; };

test('groupRange2_i32 groups rows by a pair of int keys in one pass, counting each group', () => {
  for (const n of SIZES) {
    reset();
    const a = Int32Array.from({ length: n }, () => 3 + Math.floor(rnd() * 6)), b = Int32Array.from({ length: n }, () => -7 + Math.floor(rnd() * 40));
    const gid = alloc(4 * n), first = alloc(4 * n), slot = alloc(4 * 6 * 40), cnt = alloc(4 * 6 * 40);
    const ng = k.groupRange2_i32(put(a), 3, put(b), -7, 6, 40, n, gid, first, slot, cnt);
    const r = refGroup(Array.from(a, (x, i) => x * 1000 + b[i]));
    assert.equal(ng, r.ng);
    assert.deepEqual(view(Int32Array, gid, n), r.gid);
    assert.deepEqual(Array.from(view(Int32Array, first, ng)), r.first);
    assert.deepEqual(Array.from(view(Int32Array, cnt, ng)), refCounts(r.gid, ng));
  }
});

test('groupPair groups the pairs of two groupings', () => {
  for (const n of SIZES) {
    reset();
    const a = Int32Array.from({ length: n }, () => Math.floor(rnd() * 6)), b = Int32Array.from({ length: n }, () => Math.floor(rnd() * 30));
    const ga = refGroup(a), gb = refGroup(b), r = refGroup(Array.from({ length: n }, (_, i) => a[i] * 1000 + b[i]));
    const gid = alloc(4 * n), first = alloc(4 * n), slot = alloc(4 * Math.max(1, ga.ng * gb.ng));
    const ng = k.groupPair(put(ga.gid), ga.ng, put(gb.gid), gb.ng, n, gid, first, slot);
    assert.equal(ng, r.ng);
    assert.deepEqual(view(Int32Array, gid, n), r.gid);
    assert.deepEqual(Array.from(view(Int32Array, first, ng)), r.first);
  }
});

test('grouped aggregates: sum, count, avg, min, max, wavg, last — nulls skipped as q skips them', () => {
  for (const n of SIZES) for (const ng of [1, 6, 50]) {
    reset();
    const gid = Int32Array.from({ length: n }, () => Math.floor(rnd() * ng));
    const f = floats(n), w = floats(n), j = longs(n);
    const G = put(gid), F = put(f), W = put(w), J = put(j);
    const o1 = alloc(8 * ng), o2 = alloc(8 * ng), o3 = alloc(8 * ng);
    // reference sums in row order within each group, as q's sum of each group would run
    const sum = new Float64Array(ng), cnt = new Float64Array(ng), rows = new Float64Array(ng), mn = new Float64Array(ng).fill(Infinity), mx = new Float64Array(ng).fill(-Infinity);
    const lsum = new BigInt64Array(ng), num = new Float64Array(ng), den = new Float64Array(ng), nj = new Float64Array(ng), dj = new Float64Array(ng), last = new Int32Array(ng);
    for (let i = 0; i < n; i++) {
      const g = gid[i], v = f[i];
      rows[g]++; last[g] = i;
      if (v === v) { sum[g] += v; cnt[g]++; if (v < mn[g]) mn[g] = v; if (v > mx[g]) mx[g] = v; }
      if (j[i] !== NJ) lsum[g] = BigInt.asIntN(64, lsum[g] + j[i]);
      if (v === v && w[i] === w[i]) { num[g] += w[i] * v; den[g] += w[i]; }
      if (v === v && j[i] !== NJ) { nj[g] += Number(j[i]) * v; dj[g] += Number(j[i]); }
    }
    k.gsumcount_f64(F, G, n, ng, o1, o2, 0);
    assert.deepEqual(view(Float64Array, o1, ng), sum); assert.deepEqual(view(Float64Array, o2, ng), cnt);
    k.gsumcount_f64(F, G, n, ng, o1, o2, o3);   // and the rows, in the same pass
    assert.deepEqual(view(Float64Array, o1, ng), sum); assert.deepEqual(view(Float64Array, o2, ng), cnt);
    assert.deepEqual(view(Float64Array, o3, ng), rows);
    k.gcount(G, n, ng, o1);
    assert.deepEqual(view(Float64Array, o1, ng), rows);
    k.gminmax_f64(F, G, n, ng, o1, o2);
    assert.deepEqual(view(Float64Array, o1, ng), mn); assert.deepEqual(view(Float64Array, o2, ng), mx);
    k.gsum_i64(J, G, n, ng, o1);
    assert.deepEqual(view(BigInt64Array, o1, ng), lsum);
    k.gwavg_f64_f64(W, F, G, n, ng, o1, o2);
    assert.deepEqual(view(Float64Array, o1, ng), num); assert.deepEqual(view(Float64Array, o2, ng), den);
    k.gwavg_i64_f64(J, F, G, n, ng, o1, o2);
    assert.deepEqual(view(Float64Array, o1, ng), nj); assert.deepEqual(view(Float64Array, o2, ng), dj);
    const o4 = alloc(4 * ng);
    view(Int32Array, o4, ng).set(last);
    if (n >= ng) { k.glast(G, n, ng, o4); assert.deepEqual(view(Int32Array, o4, ng), last); }
  }
});

test('gsqdev sums squared distances from each group\'s mean, nulls skipped, in row order', () => {
  for (const n of SIZES) {
    reset();
    const keys = Int32Array.from({ length: n }, () => Math.floor(rnd() * 5)), { gid, ng } = refGroup(keys);
    const f = floats(n).map(v => Number.isFinite(v) || v !== v ? v : 1), mean = new Float64Array(ng), cnt = new Float64Array(ng);
    f.forEach((v, i) => { if (v === v) { mean[gid[i]] += v; cnt[gid[i]]++; } });
    mean.forEach((s, g) => { mean[g] = s / cnt[g]; });
    const want = new Float64Array(ng);
    f.forEach((v, i) => { if (v === v) want[gid[i]] += (v - mean[gid[i]]) ** 2; });
    const out = alloc(8 * ng);
    k.gsqdev_f64(put(f), put(gid), n, ng, put(mean), out);
    assert.deepEqual(view(Float64Array, out, ng), want);
  }
});

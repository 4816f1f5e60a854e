// The CSV kernel (assembly/csv.ts) called directly, on texts of no records, one record, and random
// records with nulls (empty cells), infinities and odd cells, against the TypeScript parser of
// q/prims/csv.ts: each record the kernel parses must give the cells the parser gives; each it leaves
// must be one the parser finds odd or wrong.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { k, alloc, put, view, reset } from './harness.js';
import { loadDelimited, memorySource } from '../../q/prims/csv.js';
import type { Vec } from '../../q/value/value.js';

let seed = 99;
const rnd = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed / 2 ** 32; };
const pick = <T,>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
// types J F D T and their kernel codes, item widths and typed arrays
const TYPES = 'JFDT', CODES = [5, 7, 8, 12], WIDTHS = [8, 8, 4, 4];
const CELLS = [
  () => pick(['', '0', '-7', '123456789012345678', String(Math.floor((rnd() - .5) * 1e12)), '0W', '1.5']),
  () => pick(['', '0w', '-0w', '0n', '2.5', String(rnd() * 1e3), '1e-300', '.5', '-0']),
  () => pick(['', '2000.01.01', '1999-12-31', '20240229', '2023.02.29', '0Wd']),
  () => pick(['', '00:00:00.000', '23:59:59.999', '12:34:56', '12:34:56.7', '24:00:00.000', '0Wt']),
];

test('csv_rows parses what the TypeScript parser parses, record by record, and leaves the odd ones', () => {
  for (const n of [0, 1, 2, 50, 3000]) {
    reset();
    const text = Array.from({ length: n }, () => CELLS.map(c => c()).join(',')).join('\n') + (n && rnd() < .5 ? '\n' : '');
    const b = new TextEncoder().encode(text), pb = put(b), m = CODES.length;
    const codes = put(Int32Array.from(CODES)), cols = CODES.map((_, j) => alloc(WIDTHS[j] * Math.max(1, n)));
    const outs = put(Uint32Array.from(cols)), state = put(Int32Array.of(0, 0, 0, 0));
    k.csv_symbols(alloc(4 << 10), 10, alloc(12 * 512), 512, alloc(1 << 12), 1 << 12, 0);
    // the kernel, resumed after each record it leaves (as q/kernels/csv.ts does)
    const odd = new Set<number>();
    for (;;) {
      const rc = k.csv_rows(pb, b.length, 44, codes, m, outs, n, state);
      if (rc === 0) break;
      assert.equal(rc, 1);
      const st = view(Int32Array, state, 4), s = st[1], nl = b.indexOf(10, s);
      odd.add(st[0]); st[0]++; st[1] = nl < 0 ? b.length : nl + 1;
    }
    assert.equal(view(Int32Array, state, 1)[0], n, 'every record seen');
    const want = loadDelimited(TYPES, 44, false, false, memorySource(b, '')).cols as Vec[];
    for (let j = 0; j < m; j++) {
      const got = new Uint8Array(view(Uint8Array, cols[j], WIDTHS[j] * n)), ref = new Uint8Array(want[j].d.buffer, want[j].d.byteOffset, WIDTHS[j] * n);
      for (let r = 0; r < n; r++) {
        if (odd.has(r)) continue;
        assert.deepEqual(got.subarray(WIDTHS[j] * r, WIDTHS[j] * (r + 1)), ref.subarray(WIDTHS[j] * r, WIDTHS[j] * (r + 1)), `${n} records: record ${r} ${TYPES[j]} ${text.split('\n')[r]}`);
      }
    }
    // the kernel leaves a record only for a cell that is not plain: never one made of these
    const PLAIN = [['', '0', '-7'], ['', '2.5', '.5', '-0'], ['', '2000.01.01', '1999-12-31', '20240229'], ['', '00:00:00.000', '23:59:59.999', '12:34:56']];
    text.split('\n').slice(0, n).forEach((l, r) => { if (l.split(',').every((c, j) => PLAIN[j].includes(c))) assert.ok(!odd.has(r), `record ${r} (${l}) is plain`); });
    if (n === 3000) assert.ok(odd.size > 0 && odd.size < n, `${odd.size} records left`);
  }
});

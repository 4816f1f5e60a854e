// x bin y and x binr y of two vectors of one fixed-width type search the typed arrays (order.ts typedBin)
// where the kernels do not (fewer than 2048 items sought; shorts, bytes, chars, booleans and reals at any
// count). Checked against each item sought as an atom (a binary search comparing atoms), and past the
// kernels' threshold against the kernels: for every such type, with nulls, infinities, repeats, items
// below and above all of x, and x of none, one and many items.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../../server/kernels.js';
import { makeSession } from '../q.js';

test('bin and binr of vectors agree with each item sought as an atom and with the kernels', () => {
  const { q } = makeSession();
  const pools = ['0N 0W -0W 0 1 -5 7 4294967296 -4294967297', '`int$0N 0W -0W 1 2 -3', '`short$0N 0W -0W 3 -4', '0n 0w -0w -0.0 0.0 1.5 -2.5',
    '`real$0n 0w -0w 1 -1', '"ab z"', '01b', '0x00ff10', '2000.01.01 0Nd 1999.12.31', '2000.01 2001.03m', '0Np 2000.01.01D01 1999.01.01D',
    '0D01 0Nn -0D02', '12:00 0Nt 00:00:00.001', '12:00:01 0Nv', '12:00 0Nu 00:01', '2000.01.01T12 0Nz 1999.01.01T00'];
  for (let seed = 1; seed <= 3; seed++) {
    q(`\\S ${seed}`);
    for (const p of pools) for (const n of [0, 1, 2, 9, 100]) {
      q(`P:${p};x:asc P@${n}?count P;y:P@50?count P`);
      for (const f of ['bin', 'binr']) {
        assert.equal(q(`(x ${f} y)~x ${f}/: y`), '1b', `${p}, ${n} items: x ${f} y`);
        // past the kernels' threshold, where they take the type
        assert.equal(q(`(x ${f} y)~50#x ${f} 3000#y`), '1b', `${p}, ${n} items: x ${f} 3000#y`);
      }
    }
  }
});

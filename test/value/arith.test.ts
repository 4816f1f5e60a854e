// + - * & | over vectors too short for the wasm loop (arith.ts: directF, directI, directJ; compare.ts:
// pickJ; longs in their 32-bit halves) against the same op item by item (+' works on atoms) and against
// the wasm loop (the same items repeated past its threshold): nulls, infinities, wrapping, products past
// 2^53, one side an atom.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../../server/kernels.js';
import { makeSession } from '../q.js';

test('+ - * & | of short long, int and float vectors agree with the op item by item and with the wasm loop', () => {
  const { q } = makeSession();
  // (longs: small, near 2^26 where a product leaves a double, near 2^32 where the halves carry, near
  // 2^62, and the nulls and infinities; ints and floats likewise)
  q('L:0N 0W -0W 0 1 -1 67108863 -67108863 67108864 201326593 -134217729 4294967295 4294967296 -4294967296 2147483648 4611686018427387904 -4611686018427387904 123456789012');
  q('I:0Ni 0Wi -0Wi 0 1 -1 65535 65536 -65536 2147483 1073741824i');
  q('F:0n 0w -0w 0 1 -1 0.5 1e300 -1e300 3.25 1e-300');
  q('r:{[v;n] v@n?count v}');
  for (let seed = 0; seed < 6; seed++) {
    q(`\\S ${seed + 1}`);
    for (const [v, n] of [['L', 300], ['I', 300], ['F', 300]] as const) {
      q(`a:r[${v};${n}]; b:r[${v};${n}]; s:first r[${v};1]`);
      for (const op of ['+', '-', '*', '&', '|']) {
        for (const [x, y] of [['a', 'b'], ['a', 's'], ['s', 'b']]) {
          const e = `${x}${op}${y}`;
          assert.equal(q(`(${e})~${x}${op}'${y}`), '1b', `${v}: ${e} item by item`);
          // (3000 items take the wasm loop; the first 300 are a and b again)
          const big = (z: string) => z === 's' ? 's' : `3000#${z}`;
          assert.equal(q(`(${e})~${n}#(${big(x)})${op}${big(y)}`), '1b', `${v}: ${e} as the wasm loop`);
        }
      }
    }
  }
  assert.equal(q('0W 4294967295 -4294967296 67108864+1 1 -1 67108864'), '0N 4294967296 -4294967297 134217728');
  assert.equal(q('4611686018427387904 67108864 3 -67108865*2 67108864 5 67108865'), '0N 4503599627370496 15 -4503599761588225');
});

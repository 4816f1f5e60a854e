// Floats and reals cast to longs and ints, and longs to floats, in vectors too short for the wasm loop go
// by the longs' 32-bit halves (conv.ts: roundFloats, longFloats). Checked against the cast of each item
// as an atom (the path that makes a BigInt of each), and past the loop's threshold against the loop:
// halves rounded away from zero, nulls, infinities, values past 2^53, past an int's and a long's range.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../../server/kernels.js';
import { makeSession } from '../q.js';

test('casts between floats and longs or ints agree with each item cast as an atom and with the wasm loop', () => {
  const { q } = makeSession();
  q('F:0n 0w -0w 2.5 -2.5 0.5 -0.5 1.5 -1.5 1e300 -1e300 9007199254740991 9007199254740993 -9007199254740993 9.2e18 9.3e18 -9.3e18 -0.0 4294967295.5 -4294967296.5 2147483647.5 -2147483648.5 2147483646.5 -2147483647.5 1e-300');
  q('L:0N 0W -0W 0 1 -1 9007199254740993 -9007199254740993 4611686018427387905 -4611686018427387905 4294967296 -4294967297 123456789');
  for (let seed = 1; seed <= 4; seed++) {
    q(`\\S ${seed}`);
    q('f:F@100?count F;r:`real$f;l:L@100?count L;g:(100?1e6)-5e5');
    for (const [c, x] of [['long', 'f'], ['int', 'f'], ['long', 'r'], ['int', 'r'], ['float', 'l'], ['long', 'g'], ['int', 'g']]) {
      assert.equal(q(`(\`${c}$${x})~\`${c}$/:${x}`), '1b', `\`${c}$${x} item by item`);
      // (but for a float that rounds to -2147483648, the int null's pattern: an atom, as these vectors,
      // gives 0Ni, the wasm loop -0Wi; what kdb+ gives is not documented)
      assert.equal(q(`{(\`${c}$x)~(count x)#\`${c}$3000#x} {x where not (\`float$x) in -2147483647.5 -2147483648.5} ${x}`), '1b', `\`${c}$${x} as the wasm loop`);
    }
    for (const fn of ['floor', 'ceiling']) for (const x of ['f', 'r', 'g'])
      assert.equal(q(`(${fn} ${x})~${fn} each ${x}`), '1b', `${fn} ${x}`);
  }
});

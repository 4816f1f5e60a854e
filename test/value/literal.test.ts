// Plain whole numbers in source (1 2 3, a script's data) are read without the general literal patterns;
// what they give is checked against the general reading of the same words with a type char (1 2 3j),
// and against "J"$, which parses text by another path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../../server/kernels.js';
import { makeSession } from '../q.js';

test('plain whole numbers read as the same longs as with a j suffix and as "J"$ reads them', () => {
  const { q } = makeSession();
  let x = 11;
  const r = (k: number) => { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; return (x >>> 0) % k; };
  // magnitudes from one digit to fifteen, both signs, and the edges of 32-bit halves
  const edges = ['0', '-0', '007', '4294967295', '4294967296', '-4294967296', '-4294967297', '2147483648', '-2147483649',
    '999999999999999', '-999999999999999', '9007199254740'];
  for (let k = 0; k < 60; k++) {
    const words = Array.from({ length: 1 + r(6) }, () => r(4) ? (r(2) ? '-' : '') + String(r(10 ** (1 + r(9))) * 10 ** r(7)).slice(0, 15) : edges[r(edges.length)]);
    const s = words.join(' ');
    assert.equal(q(`(value "${s}")~value "${s}j"`), '1b', s);
    assert.equal(q(`(value "${s}")~"J"$" " vs "${s}"`), words.length > 1 ? '1b' : '0b', s);
    assert.equal(q(`type value "${s}"`), words.length > 1 ? '7h' : '-7h', s);
  }
  // (sixteen digits and more, and numbers past a long, still take the general path)
  assert.equal(q('1234567890123456 -9223372036854775806 1'), '1234567890123456 -9223372036854775806 1');
  assert.equal(q('9223372036854775807 1'), '0W 1');
  assert.equal(q('99999999999999999999'), '1e+20');
  assert.equal(q('1 2 3.5'), '1 2 3.5');
  assert.equal(q('-5 + 1'), '-4');
});

test('-0 in a vector of floats is the float -0, as -0 1f and "F"$"-0" read it; among longs it is 0', () => {
  const { q } = makeSession();
  for (const [src, shown] of [['-0 1.5', '-0 1.5'], ['1.5 -0', '1.5 -0'], ['1 -0 2.5', '1 -0 2.5'], ['-0 0n', '-0 0n'], ['-00 1.5', '-0 1.5']]) {
    assert.equal(q(src), shown, src);
    // (-0 is told from 0 by its reciprocal)
    assert.equal(q(`-0w~first 1%(${src}) where 0=${src}`), '1b', src);
  }
  assert.equal(q('(-0 1.5)~-0 1.5f'), '1b');
  assert.equal(q('(1.5 -0)~"F"$("1.5";"-0")'), '1b');
  assert.equal(q('-0 1'), '0 1');
  assert.equal(q('-0'), '0');
});

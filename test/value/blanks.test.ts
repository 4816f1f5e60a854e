// Text with long runs of blanks, and rotation of every vector type: each checked against what the
// items themselves give (a name's blanks trimmed by hand, a rotation as indexing).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../../server/kernels.js';
import { makeSession } from '../q.js';

test('text with many blanks inside evaluates, casts to a symbol and loads from CSV with only the blanks at its ends dropped', () => {
  const { q } = makeSession();
  // (a trailing-blanks pattern tried the end from every blank of a run: 30,000 blanks took a second)
  assert.equal(q('value (30000#" "),"579"'), '579');
  assert.equal(q('value "1+2",(30000#" "),"/ a comment"'), '3');
  assert.equal(q('count string `$(3#" "),"a",(30000#" "),"b",2#" "'), '30002');
  assert.equal(q('`$"  a  b  "'), '`a  b');
  assert.equal(q('`$"   "'), '`');
  assert.equal(q('count each string first ("SJ";",") 0: ("  a b  ,1";"x,2")'), '3 1');
  assert.equal(q('first first ("S";",") 0: enlist "a",(30000#" "),"b  "'), q('`$"a",(30000#" "),"b"'));
});

test('n rotate x of every vector type is x indexed at (n+til count x) mod count x, and keeps an enumeration\'s domain', () => {
  const { q } = makeSession();
  q('u:`a`b`c; e:`u$`c`a`b`a; g:3?0Ng');
  for (const x of ['0101b', '0x0102ff', '1 2 3h', '1 2 3 4i', '1 2 3 4 5', '1.5 2.5 0n', '1.5 2.5e', '"abcde"', '`a`b`c', 'e', 'g',
    '2020.01.01 2020.01.02', '2020.01m + til 3', '0D01 0D02 0D03', '2020.01.01D0 2020.01.02D0', '12:00 13:00', '12:00:01 13:00:02',
    '12:00:00.001 13:00:00.002', '2020.01.01T12:00 2020.01.02T12:00', '(1;`a;"x")', '(1 2;3 4;5 6)'])
    for (const n of [0, 1, 2, -1, -7, 10])
      assert.equal(q(`(${n} rotate x)~x (${n}+til count x) mod count x:${x}`), '1b', `${n} rotate ${x}`);
  assert.equal(q('1 rotate e'), '`u$`a`b`a`c');
  assert.equal(q('attr 1 rotate `s#1 2 3'), '`');
  assert.equal(q('1 rotate `long$()'), '`long$()');
});

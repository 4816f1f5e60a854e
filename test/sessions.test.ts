// Two sessions in one process (the tests' own, a host with more than one) take turns: each evaluation,
// and each value of text inside one, runs against that session's globals, settings and console.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeSession } from './q.js';

test('sessions taking turns each see their own globals, precision and output', () => {
  const one = makeSession(), two = makeSession();
  one.q('a:1'); one.q('\\P 3'); two.q('a:2');
  for (let k = 0; k < 3; k++) {
    assert.equal(one.q('value "a"'), '1');
    assert.equal(two.q('value "a"'), '2');
    assert.equal(one.q('string 1%3'), '"0.333"');
    assert.equal(two.q('string 1%3'), '"0.3333333"');
    // (text a function values, and output written by -1, go to the session running it)
    assert.equal(two.q('{value x} "a+10"'), '12');
    assert.equal(one.q('-1 "one"; value "a"'), 'one\n1');
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeSession } from './q.js';

// In k, verbs juxtaposed with no noun at the end compose (a train): each verb before the last has nothing
// to its left, so is monadic, and the composition has the rank of the last (ref/compose "Implicit
// composition"; q.k defines union:?,)
test('k: a glyph before a derived verb with no argument composes with it', () => {
  const { q } = makeSession();
  assert.equal(q('k)(|+\\)1 2 3'), '6 3 1');
  assert.equal(q('k)(-+/)1 2 3'), '-6');
  assert.equal(q('k)(|last\\)1 2 3'), '3\n1 2 3', 'the leading | is not dropped: last\\ alone gives 1 2 3 then 3');
  assert.equal(q('k)(|-+\\)1 2 3'), '-6 -3 -1', 'a longer chain composes right to left');
});

test('k: a train ending in a dyadic verb takes two arguments', () => {
  const { q } = makeSession();
  assert.equal(q('k)(|-)[1 2;3]'), '-1 -2');
  assert.equal(q('k)(~=)[1;2]'), '1b');
  assert.equal(q('k)(2+*)[3;4]'), '14', 'a projection before the train composes as before');
  q('k)u:?,');
  assert.equal(q('k)u[1 2;2 3]'), '1 2 3');
});

test('k: a train ending in a unary glyph', () => {
  const { q } = makeSession();
  assert.equal(q('k)(&|:)1 0 0'), ',2');
  assert.equal(q('k)(*|:)1 2 3'), '3');
  q('k)f:|+\\');
  assert.equal(q('k)f 1 2 3'), '6 3 1', 'a train at the end of an expression, unparenthesized');
});

test('k: a train inside a larger expression (cheduo AoC 2017 day 1)', () => {
  const { q } = makeSession();
  assert.equal(q('k)+/0\'@/1(&(=\':).|last \\)[1;]\\"91212129"'), '9');
});

test('k: what is not a train keeps its meaning', () => {
  const { q } = makeSession();
  assert.equal(q('k)|+\\1 2 3'), '6 3 1');
  assert.equal(q('k)(+/)1 2 3'), '6');
  q('k)h:&1 0 1=');
  assert.equal(q('k)h 1'), '0 2');
  // q reads (|+\) otherwise: | there is not the monadic reverse
  assert.equal(q('(|+\\)1 2 3'), '1 3 6');
});

test('k: in k mode \\t and \\ts time a k expression (egor7\'s 8-Queens transcript: \\ts:10 7 f/!8)', () => {
  const { q } = makeSession();
  q('\\');
  assert.match(q('\\t:10 +/!1000'), /^\d+$/);
  assert.match(q('\\ts:2 +/!8'), /^\d+ \d+$/);
  assert.match(q('\\t +/!8'), /^\d+$/);
  q('\\');
  assert.match(q('\\t:10 sum til 1000'), /^\d+$/);
});

// A session keeps the trees of the texts it evaluates (session.ts: parsed), so that value or get of the
// same string in a loop parses it once. Kept trees must give what a fresh parse gives: values made from
// a text's literals are new each time, a lambda remembers the script and line it was made at, and a
// user keyword (a lambda in .q) redefined between two evaluations changes how the text parses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { scratch } from './scratch.js';
import '../server/kernels.js';
import { Session } from '../q/session.js';
import { nodeHost } from '../server/cli.js';
import { makeSession } from './q.js';

test('a text evaluated again gives values as new as its first time, whatever was done to the values before', () => {
  const { q } = makeSession();
  const cases: [string, string][] = [
    ['1 2 3', 'a[0]:9'], ['1 2 3', 'a,:4'], ['1 2 3', 'a+:1'], ['1 2 3', '@[`a;0;:;7]'],
    ['"abc"', 'a[0]:"z"'], ['`x`y!1 2', 'a[`z]:3'], ['`x`y!1 2', 'a[`x]+:5'], ['(1 2;3 4)', 'a[0;0]:9'],
    ['()', 'a,:1'], ['([]c:1 2)', '`a insert 3'], ['([k:1 2]v:3 4)', 'a[1]:enlist[`v]!enlist 9'], ['0x0102', 'a[1]:0xff'],
  ];
  for (const [lit, change] of cases) {
    const text = JSON.stringify(`a:${lit}`);
    q(`value ${text}`);
    const first = q('-3!a');
    q(change);
    assert.notEqual(q('-3!a'), first, `${change} changes a`);
    q(`value ${text}`);
    assert.equal(q('-3!a'), first, `value ${text} after ${change}`);
    // and in a loop, where each round changes what the last made
    q(`do[3; value ${text}; ${change}]`);
    q(`b:a; value ${text}`);
    assert.equal(q('-3!a'), first, `value ${text} in a loop with ${change}`);
  }
  // a lambda's locals are new at each call, as is what a text inside it makes
  q('f:{value "c:1 2 3"; c[0]+:1; c}');
  assert.equal(q('f[]'), '2 2 3');
  assert.equal(q('f[]'), '2 2 3');
});

test('a text parses again when a user keyword it names is defined, redefined with another rank, or deleted', () => {
  const { q } = makeSession();
  q('s:"2 foo 3"');
  assert.equal(q('@[value;s;{`$x}]'), '`foo');
  q('.q.foo:{x+y}');
  assert.equal(q('value s'), '5');
  q('.q.foo:{x*y}');
  assert.equal(q('value s'), '6');
  q('.q.foo:{x-y}');
  assert.equal(q('value s'), '-1');
  q('.q.foo:{neg x}');
  const unary = q('@[value;s;{`$x}]');
  assert.notEqual(unary, '-1');
  q('.q.foo:{x-y}');
  assert.equal(q('value s'), '-1');
  q('delete foo from `.q');
  assert.equal(q('@[value;s;{`$x}]'), '`foo');
  // a keyword defined after a text was first parsed
  assert.equal(q('@[value;"bar 5";{`$x}]'), '`bar');
  q('.q.bar:{x*2}');
  assert.equal(q('value "bar 5"'), '10');
});

test('a lambda made by value of the same text in two scripts remembers each script and line', () => {
  const dir = scratch('wasq-parsed-');
  try {
    writeFileSync(join(dir, 's1.q'), 'a:1\nf:value "{x+1}"\n');
    writeFileSync(join(dir, 's2.q'), 'b:2\nc:3\ng:value "{x+1}"\n');
    const s = new Session(nodeHost(() => {}));
    s.evaluate('\\l ' + join(dir, 's1.q'));
    s.evaluate('\\l ' + join(dir, 's2.q'));
    const h = s.evaluate('h:value "{x+1}"');
    assert.equal(h.out, '');
    assert.equal(s.evaluate('2#-3#value f').out, `${JSON.stringify(join(dir, 's1.q'))}\n2`);
    assert.equal(s.evaluate('2#-3#value g').out, `${JSON.stringify(join(dir, 's2.q'))}\n3`);
    assert.equal(s.evaluate('2#-3#value h').out, '""\n-1');
    assert.equal(s.evaluate('g 1').out, '2');
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

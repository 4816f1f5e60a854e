// Thousands of random (deterministic) expressions mixing values, operators, iterators and keywords
// (over and scan are left out: a list used as the function of a converge can nest without end, in
// kdb+ too):
// each must answer a value or a q signal — never a JavaScript exception — and the session must survive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeSession } from './q.js';

const VALUES = ['1', '2.5', '`a', '"x"', '"abc"', '1 2 3', '0N', '0w', '2020.01.01', '12:00', '1b', '0x01', '()', 't', 'd', 'kt',
  's', 'e', '(1;`a)', '{x}', '+', 'til 3', '`a`b', '1 2 3f', '0#0', '`$()', '-1', '0Wj', '00:00:01.000', '`s#1 2'];
const VERBS = ['+', '-', '*', '%', '&', '|', '^', '=', '<', '>', '~', ',', '#', '_', '!', '?', '$', '@', '.', 'in', 'within',
  'like', 'xbar', 'mod', 'div', 'except', 'inter', 'union', 'cross', 'bin', 'sublist', 'rotate', 'xprev', 'vs', 'sv', 'ss',
  'lj', 'xasc', 'xkey', 'cut', 'each', "'", '/:', '\\:', 'and', 'or', 'xexp', 'wavg'];
const MONADS = ['count', 'first', 'last', 'reverse', 'distinct', 'asc', 'desc', 'iasc', 'where', 'group', 'key', 'value', 'flip',
  'raze', 'enlist', 'string', 'sum', 'avg', 'max', 'min', 'neg', 'not', 'null', 'type', 'til', 'cols', 'meta', 'fills',
  'deltas', 'sums', 'upper', 'trim', 'parse', 'floor', 'abs', 'sqrt', 'differ', 'prev', 'med', 'var', 'rank', 'get', 'hsym'];

test('random expressions answer values or q signals, never JavaScript errors', { timeout: 120_000 }, () => {
  const { q } = makeSession();
  q('t:([]a:1 2 3;b:`x`y`z;c:1.5 2.5 3.5); d:`a`b!1 2; kt:([k:`a`b]v:1 2); s:"abc"; u:`a`b`c; e:`u$`a`b');
  let seed = 0x9e3779b9;
  const r = (n: number) => { seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5; return (seed >>> 0) % n; };
  const pick = <T>(a: T[]) => a[r(a.length)];
  const bad: string[] = [];
  for (let i = 0; i < 6000; i++) {
    const shape = r(4);
    const src = shape === 0 ? `${pick(MONADS)} ${pick(VALUES)}`
      : shape === 1 ? `${pick(VALUES)} ${pick(VERBS)} ${pick(VALUES)}`
      : shape === 2 ? `${pick(MONADS)} ${pick(VALUES)} ${pick(VERBS)} ${pick(VALUES)}`
      : `(${pick(VALUES)};${pick(VALUES)}) ${pick(VERBS)} ${pick(MONADS)} ${pick(VALUES)}`;
    const out = q(src);
    if (out.includes('internal:')) bad.push(`${src} => ${out}`);
  }
  assert.deepEqual(bad.slice(0, 10), []);
  assert.equal(q('count t'), '3', 'the session kept its globals');
});

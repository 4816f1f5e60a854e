// A grade of a few items sorts them by insertion (order.ts: sortPositions), more than a few through
// Array.prototype.sort. Checked against the grade of the same items repeated 17 times, which takes the
// other path: its positions within the first copy are, in order, the grade of the items alone (a stable
// sort keeps each copy's ties after the first copy's). Both directions; every count either side of the
// threshold; types that reach a comparator (symbols with names past ASCII, floats with nulls and -0.0,
// longs too wide to pack, mixed lists) with ties.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeSession } from '../q.js';

test('iasc and idesc of a few items agree with the grade of many', () => {
  const { q } = makeSession();
  const pools: Record<string, string> = {
    symbol: '`b`a`c`ab`,(`$"\\303\\251"),`$"z\\303\\251"',
    float: '0n -0w 0w 0 -0.0 1.5 -2.5',
    long: '0N 0W -0W 0 1 -9007199254740993 4611686018427387904',
    char: '"ba c\\303"',
    timestamp: '0Np 2000.01.01D 1707.09.22D00:12:43.145224194 2292.04.10D23:47:16.854775806',
    mixed: '(1;`a;"b";2.5;1;`a;"ab";0N;(1;2))',
  };
  q('\\S 7');
  for (const [name, pool] of Object.entries(pools)) {
    q(`P:${pool}`);
    for (let n = 0; n <= 20; n++) for (let r = 0; r < 4; r++) {
      q(`x:P@${n}?count P`);
      for (const g of ['iasc', 'idesc'])
        assert.equal(q(`(${g} x)~{y where y<count x}[x] ${g} raze 17#enlist x`), '1b', `${name}, ${n} items: ${g} ${q('-3!x')}`);
    }
  }
});

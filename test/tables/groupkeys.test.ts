// Grouping by key columns below the kernels' size takes groupby.ts's slots over the columns' ranges
// (longs within the range of ints by their low halves) or a Map. Checked against the grouping of each
// key's text, which no slot or Map of numbers sees: the same groups in the same order. Longs at the
// edges of the int range and past it, nulls and infinities; one, two and three key columns; counts either
// side of the kernels' threshold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeSession } from '../q.js';

test('group and select by over longs, ints and symbols agree with grouping their text', () => {
  const { q } = makeSession();
  q('\\S 11');
  q('na:{@[0!x;cols x;{`#x}]}');
  q('L:0N 0W -0W 0 1 -1 2147483647 -2147483648 2147483648 -2147483649 5000000000');
  // (longs of a narrow range whose low halves alias: a slot each would merge them)
  q('L2:0 1 2 4294967296 4294967297 -4294967296');
  q('P:(L;L2;-3 0 1 2 7;`int$1 2 3 -1 0N;5 6 7;`a`b`c`)');
  for (const n of [0, 1, 2, 7, 100, 2047, 2049]) for (let r = 0; r < 6; r++) {
    q(`A:P ${r % 3};B:P ${r < 3 ? 3 : 4}`);
    q(`t:([]a:A@${n}?count A;b:B@${n}?count B;c:${n}?P 5;v:til ${n})`);
    for (const by of ['a', 'a,b', 'a,b,c']) {
      q('s:([]a:string t`a;b:string t`b;c:string t`c)');
      q(`k:${by.split(',').map(c => '`' + c).join('')}`);
      assert.equal(q('(value group k#t)~value group k#s'), '1b', `${n} rows by ${by}: group`);
      // (select by orders its keys: as xasc orders the groups' keys)
      q('r:count each group k#t');
      // (attributes aside: xasc marks an empty key s#, as a grouped select does not)
      assert.equal(q("na[?[t;();{x!x}k;enlist[`n]!enlist(count;`i)]]~na k xasc (key r),'([]n:`long$value r)"), '1b', `${n} rows by ${by}: select count`);
    }
    assert.equal(q('(value group t`a)~value group string t`a'), '1b', `${n} longs: group`);
    // distinct keeps what group keys by, and the items that x?x finds where they are, in the same order
    q(`f:(0n;-0.0;0.0;1.5;0w;-0w)@${n}?6`);
    for (const c of ['t`a', 't`b', 't`c', 'f']) {
      assert.equal(q(`(distinct ${c})~key group ${c}`), '1b', `${n} rows: distinct ${c} and group`);
      assert.equal(q(`(distinct ${c})~{x where (x?x)=til count x} ${c}`), '1b', `${n} rows: distinct ${c} and ?`);
    }
  }
});

// update … by with an atom a group writes each atom to its group's rows (sql.ts fillGroups); lj of the
// same select … by puts the same values on the same rows by another path.
test('update by with one atom a group agrees with lj of the grouped select', () => {
  const { q } = makeSession();
  q('\\S 9');
  q('A:0N -5 7 -4294967296 4611686018427387904 -9007199254740993 0W -0W 1');
  for (const n of [1, 5, 100, 3000]) {
    q(`t:([]a:A@${n}?count A;b:${n}?\`x\`y\`z;c:${n}?1f;d:${n}?2000.01.01;e:${n}?0x0102;f:${n}?"ab")`);
    for (const agg of ['sum a', 'max a', 'first a', 'last a', 'max c', 'first d', 'last b', 'count i', 'avg a', 'first e', 'last f', 'neg first a'])
      assert.equal(q(`(update s:${agg} by b from t)~t lj select s:${agg} by b from t`), '1b', `${n} rows: update s:${agg} by b`);
  }
});

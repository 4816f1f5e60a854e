// A grade of a few items that reach a comparator (longs and timestamps too wide to pack, mixed lists)
// sorts them by insertion (order.ts: sortPositions), more than a few through Array.prototype.sort.
// Checked against the grade of the same items repeated 17 times, which takes the other path: its
// positions within the first copy are, in order, the grade of the items alone (a stable sort keeps each
// copy's ties after the first copy's). Both directions; every count either side of the threshold; with
// ties. Floats (floatGrade) and symbols (fewSymRanks) have paths of their own at any count: the second
// test checks every type against < and = instead, which sort nothing.
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

// An oracle that sorts nothing: each neighbouring pair of the graded items in order by < and =, and
// equal ones in position order; for tables, by the first column, then the second, then position.
test('iasc, idesc, xasc and xdesc order items as < and = do, ties in position order', () => {
  const { q } = makeSession();
  q('\\S 5');
  q('asc2:{[y;p] z:y p; (p~distinct p)&(count[p]=count y)&all ((1_z)>-1_z) or ((1_z)=-1_z)&(1_p)>-1_p}');
  q('desc2:{[y;p] z:y p; (p~distinct p)&(count[p]=count y)&all ((1_z)<-1_z) or ((1_z)=-1_z)&(1_p)>-1_p}');
  // rows (a;b) in order: a first, then b, then their position i
  q('rows2:{[up;t] a:t`a;b:t`b;i:t`i; all (up[-1_a;1_a]) or ((-1_a)=1_a)&(up[-1_b;1_b] or ((-1_b)=1_b)&(-1_i)<1_i)}');
  const pools = ['`b`a`c`ab`,(`$"\\303\\251"),`$"z\\303\\251"', '0n -0w 0w 0 -0.0 1.5 -2.5 1e300', '`real$0n 1 -1 0w',
    '0N 0W -0W 0 1 -9007199254740993 4611686018427387904', '-5 0 3 7', '"ba c"', '12:00 0Nt 00:00:00.001', '2000.01.01D 0Np 2292.04.10D23:47:16.854775806'];
  for (const p of pools) for (const n of [0, 1, 2, 5, 16, 17, 100, 1000, 2100]) {
    q(`P:${p};x:P@${n}?count P;y:P@${n}?count P`);
    assert.equal(q('asc2[x;iasc x]'), '1b', `${p}, ${n}: iasc`);
    assert.equal(q('desc2[x;idesc x]'), '1b', `${p}, ${n}: idesc`);
    q('t:([]a:x;b:y;i:til count x)');
    assert.equal(q('rows2[<;`a`b xasc t]'), '1b', `${p}, ${n}: xasc`);
    assert.equal(q('rows2[>;`a`b xdesc t]'), '1b', `${p}, ${n}: xdesc`);
    assert.equal(q('(t iasc t)~`a`b xasc t'), '1b', `${p}, ${n}: iasc of a table`);
  }
});

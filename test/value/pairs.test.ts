// x cross y and x,'y of two vectors of one fixed-width type are made as a flip of two vectors (setops.ts
// cross, iter.ts each), and x,/:y and x,\:y of a vector and a vector or atom of its type as rows of one
// block (iter.ts joinRows), where other arguments join item by item. Checked against the same pairs made
// by a lambda's joins, which takes the item-by-item path: for every fixed-width type, counts from one
// up, atoms on either side, and mixed types beside them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeSession } from '../q.js';

test('cross and join each of vectors agree with joining each pair', () => {
  const { q } = makeSession();
  q('\\S 3');
  const pools = ['0N 0W -0W 0 1 -5', '`int$0N 1 2', '`short$0N 3', '0n 0w -0.0 1.5', '`real$0n 1', '`a`b`', '"ab "', '01b', '0x00ff',
    '2000.01.01 0Nd', '2000.01m', '0Np 2000.01.01D01', '0D01 0Nn', '12:00 0Nt', '12:00:01 0Nv', '12:00 0Nu'];
  for (const p of pools) for (const n of [1, 2, 5, 17]) {
    q(`P:${p};x:P@${n}?count P;y:P@${n + 1}?count P;z:P@${n}?count P`);
    assert.equal(q('(x cross y)~raze {x,/:y}[;y] each x'), '1b', `${p}, ${n}: x cross y`);
    assert.equal(q('(x cross first y)~{x,y}[;first y] each x'), '1b', `${p}, ${n}: x cross atom`);
    assert.equal(q('(x,\'z)~{x,y}\'[x;z]'), '1b', `${p}, ${n}: x,'z`);
    assert.equal(q('(x,\'1.5)~{x,y}\'[x;1.5]'), '1b', `${p}, ${n}: x,'atom`);
    assert.equal(q('(x cross 1.5 2.5)~raze {x,/:y}[;1.5 2.5] each x'), '1b', `${p}, ${n}: x cross floats`);
    assert.equal(q('.[{x,\'y};(x;y);{`$x}]'), '`length', `${p}, ${n}: x,'y of other counts`);
  }
});

test('join each right and each left of vectors agree with joining each item', () => {
  const { q } = makeSession();
  q('\\S 4');
  const pools = ['0N 0W -0W 0 1 -5', '`int$0N 1 2', '`short$0N 3', '0n 0w -0.0 1.5', '`real$0n 1', '`a`b`', '"ab "', '01b', '0x00ff',
    '2000.01.01 0Nd', '2000.01m', '0Np 2000.01.01D01', '0D01 0Nn', '12:00 0Nt', '12:00:01 0Nv', '12:00 0Nu', '"G"$("8c680a01-5a49-5aab-5a65-d4bfddb6a661";"")'];
  // (up to 14 items on the whole side: past the few copied word by word)
  for (const p of pools) for (const n of [1, 2, 5, 12]) {
    q(`P:${p};x:P@${n}?count P;y:P@${n + 2}?count P`);
    assert.equal(q('(x,/:y)~{x,y}[x;] each y'), '1b', `${p}, ${n}: x,/:y`);
    assert.equal(q('(x,\\:y)~{x,y}[;y] each x'), '1b', `${p}, ${n}: x,\\:y`);
    assert.equal(q('(first[x],/:y)~{x,y}[first x;] each y'), '1b', `${p}, ${n}: atom,/:y`);
    assert.equal(q('(x,\\:first y)~{x,y}[;first y] each x'), '1b', `${p}, ${n}: x,\\:atom`);
    assert.equal(q('(raze x,/:\\:y)~raze {x,/:y}[;y] each x'), '1b', `${p}, ${n}: x,/:\\:y`);
    // another type on the whole side: joined item by item, as before
    assert.equal(q('(1.5,/:x)~{x,y}[1.5;] each x'), '1b', `${p}, ${n}: 1.5,/:x`);
  }
});

// Vector memory that is full of freed blocks of other sizes still serves: wasm's memory stops at 4 GiB,
// and blocks are kept by size class, so once big blocks filled it and were dropped, a smaller request
// found no block of its class and no fresh pages ('wsfull with most of the memory free). A file of its
// own: it leaves this process's vector memory full.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../../server/kernels.js';
import { take, own, heapStats, MEMORY_BYTES } from '../../q/value/heap.js';
import { makeSession } from '../q.js';

test('a request the free blocks of its size cannot meet takes a bigger free block once a collection has given them back', () => {
  const BIG = 256 * 2 ** 20;
  // the memory filled with blocks of 256 MiB (never written: no page is touched), then all dropped
  let views: object[] = [];
  const fill = (bytes: number, into: object[]) => { for (;;) { const p = take(bytes); if (p < 0) break; const v = {}; own(v, p, bytes); into.push(v); } };
  fill(BIG, views);
  // what is left after them, in blocks of 1 MiB that stay
  const kept: object[] = [];
  fill(2 ** 20, kept);
  assert.ok(heapStats().heap > MEMORY_BYTES - 2 ** 20, `memory ${heapStats().heap}`);
  views = [];
  // 8 MiB and 40 MiB are classes far below 256 MiB: nothing of theirs is free and no page is left
  const small = take(8 * 2 ** 20), mid = take(40 * 2 ** 20);
  assert.ok(small >= 0 && mid >= 0, `${small} ${mid}`);
  // and q goes on: a vector of a million longs, and a kernel's temporaries
  const { q } = makeSession();
  assert.equal(q('sum til 1000000'), '499999500000');
  assert.equal(q('count (til 46) inter til 3000000'), '46');
  assert.ok(kept.length > 0);
});

// A console statement that changes no global gives its vectors' memory back as soon as its result is
// shown (heap.ts scopes), without waiting for a collection; one that changes a global keeps everything,
// so what it stored is never overwritten by the next statement's vectors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeSession } from '../q.js';
import { heapStats } from '../../q/value/heap.js';

// big enough for wasm memory, and random, so a block reused too early shows as changed items
const N = 1000000;
const scribble = `sum ${N}?1000; sum 1.5*${N}?100.0; sum ${N}?1000`;

test('a statement that changes no global gives back every block it took', () => {
  const { q } = makeSession();
  q(`a:til ${N}`);
  q(`sum (a*2)+a`);   // the kernels' own lasting buffers are taken on first use
  const before = heapStats().used;
  assert.equal(q(`sum (a*2)+a`), String(3 * (N * (N - 1) / 2)));
  assert.equal(heapStats().used, before);
  // each iteration of \t:n too
  q(`\\t:5 sum 2*a`);
  assert.equal(heapStats().used, before);
  // what it showed was read before its memory went back
  assert.equal(q(`3#a*2`), '0 2 4');
});

test('what a statement stores in a global outlives the next statements', () => {
  const { q } = makeSession();
  const kept: [string, string][] = [
    [`a:til ${N}`, `a~til ${N}`],
    [`b:{x*2} til ${N}`, `b~2*til ${N}`],
    [`c:@[{x+1};til ${N};0]`, `c~1+til ${N}`],
    [`d:til ${N}; d,:til 5000`, `d~(til ${N}),til 5000`],
    [`e:til ${N}; e[0]:7`, `(e 0 1 2)~7 1 2`],
    [`t:([]x:til ${N}); t:update y:x*3 from t`, `(t\`y)~3*til ${N}`],
    [`v::a*5`, `v~5*til ${N}`],
    [`sum {g::til ${N}; x} 0`, `g~til ${N}`],
  ];
  for (const [set, check] of kept) {
    q(set);
    q(scribble); q(scribble);
    assert.equal(q(check), '1b', set);
  }
  // a statement that fails part way keeps what it made (its state is unknown), and the session goes on
  assert.equal(q(`sum til[${N}],\`a`), `'type`);
  assert.equal(q(scribble).length > 0, true);
  for (const [, check] of kept) assert.equal(q(check), '1b', check);
});

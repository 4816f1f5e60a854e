// The .z callbacks a session calls by itself (not the port's): .z.vs on setting a global.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeSession } from './q.js';

test('.z.vs hears a global of the root when it is set, with the indices amended, each evaluated once', () => {
  const { q } = makeSession();
  q('.z.vs:{0N!(x;y;value x)}');
  assert.equal(q('m:(1 2;3 4)'), '(`m;();(1 2;3 4))\n');
  q('n:0; f:{n+:1; 1}');
  // (f's n+:1 sets a global too, heard as it happens: ref/dotz, "after a value is set globally")
  assert.equal(q('m[f[];1]:0'), '(`n;();1)\n(`m;1 1;(1 2;3 0))\n');
  assert.equal(q('n'), '1');
  // not a dotted name, nor a global of another working namespace, nor a lambda's local
  assert.equal(q('.a.b:1'), '');
  assert.equal(q('g:{[x] y:x; y}'), '(`g;();{[x] y:x; y})\n');
  assert.equal(q('g 5'), '5');
});

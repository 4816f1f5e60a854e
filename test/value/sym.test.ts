// The symbol pool: one id a name, whether the name arrives as text or as bytes, across the table's growth;
// and sorting many distinct symbols (asc over a million names compares each distinct name as text once).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { intern, internBytes, symName } from '../../q/value/sym.js';
import { makeSession } from '../q.js';

test('intern and internBytes agree on ids through growth; non-ASCII names by their UTF-8 bytes', () => {
  const enc = new TextEncoder();
  const names = Array.from({ length: 50_000 }, (_, i) => 'pool' + i.toString(36));
  const ids = names.map((s, i) => i % 2 ? intern(s) : internBytes(enc.encode(s)));
  // the pool grew many times over: every name still finds its one id, by either road
  names.forEach((s, i) => {
    assert.equal(intern(s), ids[i]);
    assert.equal(internBytes(enc.encode('xx' + s + 'yy'), 2, 2 + s.length), ids[i]);
    assert.equal(symName(ids[i]), s);
  });
  assert.equal(new Set(ids).size, names.length);
  for (const s of ['é', 'Zürich', '香蕉', '']) assert.equal(internBytes(enc.encode(s)), intern(s));
  assert.equal(intern(''), 0);
});

test('asc, iasc and desc of many distinct symbols order them as text', () => {
  const { q } = makeSession();
  q('s:20000?`4');
  const sorted = JSON.parse(q('-1 .j.j string asc s;')) as string[];
  assert.equal(sorted.length, 20000);
  assert.deepEqual(sorted, [...sorted].sort());
  assert.equal(q('(asc s)~s iasc s'), '1b');
  assert.equal(q('(desc s)~reverse asc s'), '1b');
  assert.equal(q('7#asc `b`a`c`B`aa`A,3000#`z'), '`A`B`a`aa`b`c`z');
});

// The page's file store (web/files.ts) without a browser: appends and removals, and what it hands
// its persistent store (IndexedDB in the page; a recording sink here): each changed file once per turn of
// the event loop, as its exact bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../../server/kernels.js';
import { PageFiles } from '../../web/files.js';
import { Session } from '../../q/session.js';

const turn = () => new Promise(r => setTimeout(r, 5));

test('appends build the file in place, and the store receives it once per turn, exactly', async () => {
  const saved: [string, Uint8Array | null][] = [];
  const f = new PageFiles((p, d) => saved.push([p, d]));
  f.write('log', Uint8Array.of(1, 2), false);
  const early = f.read('log')!;
  const want: number[] = [1, 2];
  for (let i = 0; i < 3000; i++) { const c = Uint8Array.of(i & 255, (i >> 8) & 255, 7); f.write('log', c, true); want.push(...c); }
  assert.deepEqual(Array.from(f.read('log')!), want);
  assert.deepEqual(Array.from(early), [1, 2], 'a view handed out before keeps its bytes');
  assert.equal(f.size('log'), want.length);
  assert.deepEqual(Array.from(f.readAt('log', 2, 3)!), [0, 0, 7]);
  assert.equal(saved.length, 0, 'nothing is stored while the evaluation runs');
  await turn();
  assert.equal(saved.length, 1);
  const [p, d] = saved[0];
  assert.equal(p, 'log');
  assert.deepEqual(Array.from(d!), want);
  assert.equal(d!.buffer.byteLength, want.length, 'the file alone, not the buffer it grows in');
  // a removal stores null
  f.remove('log');
  await turn();
  assert.deepEqual(saved.slice(1).map(([k, v]) => [k, v && v[0]]), [['log', null]]);
  assert.throws(() => f.read('../x'), /outside the workbench store/);
});

test('q writes a log through the page store with a handle and replays it', async () => {
  const saved: string[] = [];
  const files = new PageFiles(p => saved.push(p));
  let out = '';
  const s = new Session({ now: () => 0n, tzOffsetMinutes: () => 0, write: (_fd, t) => { out += t; }, files });
  const q = (src: string) => { out = ''; const r = s.evaluate(src); return out + r.out; };
  q('`:tp.log set ()');
  q('h:hopen `:tp.log');
  q('do[500; h enlist (`upd;`trade;(`a;1.5))]');
  q('hclose h');
  assert.equal(q('-11!(-2;`:tp.log)'), '500');
  q('n:0; upd:{[t;x] n+:x 1}');
  assert.equal(q('-11!`:tp.log'), '500');
  assert.equal(q('n'), '750f');
  await turn();
  assert.deepEqual([...new Set(saved)], ['tp.log']);
  assert.ok(saved.length <= 3, `stored once per statement at most, not per append (${saved.length})`);
});

test('\\l loads a script from the page store, as a dropped or written file is there (no host reader in the page)', () => {
  const files = new PageFiles();
  let out = '';
  const s = new Session({ now: () => 0n, tzOffsetMinutes: () => 0, write: (_fd, t) => { out += t; }, files });
  const q = (src: string) => { out = ''; const r = s.evaluate(src); return out + r.out; };
  files.write('f.q', new TextEncoder().encode('a:42\nf:{x*a}\n'), false);
  q('\\l f.q');
  assert.equal(q('f 2'), '84');
  q('`:g.q 0: ("b:7";"b+1")');
  // (name.q is tried after name, as the server's reader does)
  assert.equal(q('system "l g"'), '8\n');
  assert.equal(q('b'), '7');
  assert.match(q('@[system;"l none.q";{x}]'), /none\.q\. OS reports/);
});

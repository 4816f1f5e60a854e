// A publisher and its subscribers, all wasq, in the idioms kdb+tick users write: a subscriber calls
// h(`.hub.sub;`quote;`) with a list of symbols, makes the table it is sent with (.[;();:;].), and
// then hears each update as an async (`upd;`quote;rows). Real processes on loopback.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { scratch } from '../scratch.js';
import { startWasq, sleep, qconnect, qcall } from './helpers.js';

test('publish and subscribe: symbol-list calls, n#() lists, .[`t;();:;x], "n"$.z.P stamps, names in the working namespace', async () => {
  const hub = await startWasq(['test/fixtures/feedhub.q']);
  // a subscriber that is left waiting when the test fails must not keep the run alive
  const sub = spawn('node', ['bin/wasq.mjs'], { stdio: ['pipe', 'pipe', 'pipe'] });
  try {
    let out = '';
    sub.stdout!.on('data', d => { out += d; });
    sub.stdin!.write([
      'upd:{[t;x] t insert x}',
      `h:hopen ${hub.port}`,
      '(.[;();:;].)h(`.hub.sub;`quote;`b)',
      '-1 "subscribed ",string count quote;',
    ].join('\n') + '\n');
    for (let i = 0; i < 200 && !/subscribed 0/.test(out); i++) await sleep(20);
    assert.match(out, /subscribed 0/);
    // two updates from a feed: one row for each of a and b each time; the subscriber asked for b only
    const feed = spawn('node', ['bin/wasq.mjs'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let fout = '';
    feed.stdout!.on('data', d => { fout += d; });
    feed.stdin!.end([
      `f:hopen ${hub.port}`,
      'f(`.hub.upd;`quote;(`a`b;1 2f;1.5 2.5))',
      'neg[f](`.hub.upd;`quote;(`a`b;3 4f;3.5 4.5))',
      'f"count quote"',
      'f"count each .hub.subs"',
    ].join('\n') + '\n');
    await new Promise(r => feed.on('exit', r));
    assert.deepEqual(fout.trim().split('\n'), ['0', 'quote| 1'], 'the hub keeps no rows once published, and has one subscriber');
    for (let i = 0; i < 200 && !/rows 2/.test(out); i++) { sub.stdin!.write('-1 "rows ",string count quote;\n'); await sleep(30); }
    sub.stdin!.end('exec sym from quote\nexec all time within 0D00:00 0D23:59:59.999999999 from quote\nmeta quote\n');
    await new Promise(r => sub.on('exit', r));
    assert.match(out, /rows 2\n/);
    const tail = out.slice(out.lastIndexOf('rows 2\n') + 7);
    assert.match(tail, /^`g#`b`b\n1b\n/, 'b rows only, stamped with the time of day');
    assert.match(tail, /time\| n\s*\nsym \| s   g/, 'g# on sym came with the table');
  } finally { sub.kill(); await hub.stop(); }
});

test('end of day: .Q.hdpf writes a partition and has the historical process reload its database with \\l .', async () => {
  const dir = scratch('wasq-hdb-');
  const hdb = await startWasq([dir]);
  const rdb = await startWasq([], { listen: false });
  try {
    await rdb.line('trade:([]sym:`a`b`a;price:1 2 3f)');
    assert.equal(await rdb.line(`.Q.hdpf[\`::${hdb.port};hsym\`$"${dir}";2020.01.01;\`sym]`), '');
    assert.equal(await rdb.line('count trade'), '0\n', 'the in-memory table is emptied');
    const con = await qconnect(hdb.port);
    try {
      assert.deepEqual(await qcall(con, 'exec price from trade where date=2020.01.01,sym=`a'), [1, 3]);
    } finally { con.close(() => {}); }
  } finally { await rdb.stop(); await hdb.stop(); }
});

// Who may use the port and how: -u/-U password files and .z.pw over IPC, HTTP and WebSocket; -b
// (read-only clients); -T (query timeout); \p at run time; a server outliving its console input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { connect } from 'node:net';
import { scratch } from '../scratch.js';
import WebSocket from 'ws';
import { startWasq, qconnect, qcall, freePort, sleep } from './helpers.js';

const basic = (u: string, p: string) => ({ Authorization: 'Basic ' + Buffer.from(`${u}:${p}`).toString('base64') });
const wsStatus = (url: string, headers: Record<string, string> = {}) => new Promise<number>(res => {
  const ws = new WebSocket(url, { headers });
  ws.on('unexpected-response', (_q, r) => res(r.statusCode!));
  ws.on('open', () => { ws.close(); res(101); });
  ws.on('error', () => {});
});

test('-u password file (plain, MD5, SHA-1) then .z.pw decide who gets in, over IPC, HTTP and WebSocket', async () => {
  const file = join(scratch('wasq-u-'), 'users');
  writeFileSync(file, `alice:secret\nbob:${createHash('md5').update('hunter2').digest('hex')}\ncarol:${createHash('sha1').update('pw3').digest('hex').toUpperCase()}`);
  const srv = await startWasq(['-u', file]);
  try {
    const a = await qconnect(srv.port, { user: 'alice', password: 'secret' });
    assert.equal(await qcall(a, '.z.u'), 'alice');
    a.close();
    (await qconnect(srv.port, { user: 'bob', password: 'hunter2' })).close();
    (await qconnect(srv.port, { user: 'carol', password: 'pw3' })).close();
    await assert.rejects(qconnect(srv.port, { user: 'alice', password: 'wrong' }));
    await assert.rejects(qconnect(srv.port, { user: 'mallory', password: 'x' }));
    // .z.pw runs after the file: it can refuse someone the file lets in
    await srv.line('.z.pw:{[u;p] not u=`bob}');
    await assert.rejects(qconnect(srv.port, { user: 'bob', password: 'hunter2' }));
    const base = `http://127.0.0.1:${srv.port}`;
    const no = await fetch(`${base}/.txt?1+1`);
    assert.equal(no.status, 401);
    assert.match(no.headers.get('www-authenticate') ?? '', /^Basic/);
    const ok = await fetch(`${base}/.csv?([]a:1 2)`, { headers: basic('alice', 'secret') });
    assert.equal(await ok.text(), 'a\n1\n2\n');
    assert.equal((await fetch(`${base}/wasq/`)).status, 401, 'the page too');
    assert.equal(await wsStatus(`ws://127.0.0.1:${srv.port}/`), 401);
    assert.equal(await wsStatus(`ws://127.0.0.1:${srv.port}/`, basic('alice', 'secret')), 101);
    // \u reads the file again: a user added to it gets in, one taken out no longer does
    await srv.line('.z.pw:{[u;p] 1b}');
    writeFileSync(file, 'dave:pw4');
    await assert.rejects(qconnect(srv.port, { user: 'dave', password: 'pw4' }));
    await srv.line('\\u');
    (await qconnect(srv.port, { user: 'dave', password: 'pw4' })).close();
    await assert.rejects(qconnect(srv.port, { user: 'alice', password: 'secret' }));
  } finally { await srv.stop(); }
});

test('without -u, .z.pw alone decides; .z.ac can take over HTTP authentication', async () => {
  const srv = await startWasq([]);
  try {
    await srv.line('.z.pw:{[u;p] p~"open sesame"}');
    await assert.rejects(qconnect(srv.port, { user: 'x', password: 'y' }));
    (await qconnect(srv.port, { user: 'x', password: 'open sesame' })).close();
    await srv.line('.z.ac:{$[(`$"X-Token") in key x 1;(1;"tok");(0;"")]}');
    const base = `http://127.0.0.1:${srv.port}`;
    assert.equal((await fetch(`${base}/.txt?([]u:enlist .z.u)`)).status, 401);
    assert.equal(await (await fetch(`${base}/.txt?([]u:enlist .z.u)`, { headers: { 'X-Token': '1' } })).text(), 'u\ntok\n');
  } finally { await srv.stop(); }
});

test('-b refuses writes from clients (the console still writes); -T stops a long client query', async () => {
  const srv = await startWasq(['-b', '-T', '1']);
  try {
    await srv.line('x:1');
    const h = await qconnect(srv.port);
    await assert.rejects(qcall(h, 'x:2'), (e: Error) => e.message === 'noupdate');
    await assert.rejects(qcall(h, 'x+:1'), (e: Error) => e.message === 'noupdate');
    await assert.rejects(qcall(h, 'y::x+1'), (e: Error) => e.message === 'noupdate');
    assert.equal(await qcall(h, 'x'), 1);
    assert.equal(await qcall(h, '{a:x+1;a*2}x'), 4, 'locals are not globals');
    const http = await fetch(`http://127.0.0.1:${srv.port}/?x:5`);
    assert.equal(await http.text(), "'noupdate");
    const t0 = Date.now();
    await assert.rejects(qcall(h, 'do[100000000;1+1]'), (e: Error) => e.message === 'stop');
    assert.ok(Date.now() - t0 < 5000);
    assert.equal(await qcall(h, '2+2'), 4);
    assert.match(await srv.line('x:7;x'), /^7/);
    h.close();
  } finally { await srv.stop(); }
});

test('\\p at run time opens and closes the port; the server outlives its console input', async () => {
  const srv = await startWasq([], { listen: false });
  try {
    const free = await freePort();
    // \p names the port at once, in the same line as the \p n that opens it (kdb+ binds synchronously)
    assert.match(await srv.line(`system"p ${free}";system"p"`), new RegExp(`^${free}i`));
    await sleep(100);
    assert.match(await srv.line('\\p'), new RegExp(`^${free}i`));
    const h = await qconnect(free);
    assert.equal(await qcall(h, '6*7'), 42);
    await srv.line('\\p 0');
    assert.match(await srv.line('\\p'), /^0i/);
    await assert.rejects(qconnect(free), 'no longer listening');
    assert.equal(await qcall(h, '1+1'), 2, 'a connection made before stays open');
    h.close();
    await srv.line('\\p 0W');
    await sleep(100);
    const p = Number(/^(\d+)i/.exec(await srv.line('\\p'))![1]);
    assert.ok(p > 0);
    // end of console input: still serving
    srv.child.stdin!.end();
    await sleep(200);
    assert.equal(srv.child.exitCode, null);
    const h2 = await qconnect(p);
    assert.equal(await qcall(h2, '2+3'), 5);
    h2.close();
  } finally { await srv.stop(); }
});

test('-p 0 does not listen and the process ends with its input; --no-ws-eval leaves .z.ws undefined', async () => {
  const c = spawn('node', ['bin/wasq.mjs', '-p', '0'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  c.stdout!.on('data', d => { out += d; });
  c.stdin!.end('\\p\n');
  const code = await new Promise(r => c.on('exit', r));
  assert.equal(code, 0);
  assert.equal(out, '0i\n');
  const srv = await startWasq(['--no-ws-eval']);
  try {
    assert.equal(await wsStatus(`ws://127.0.0.1:${srv.port}/`), 501);
    assert.match(await srv.line('.z.ws'), /^'\.z\.ws/);
  } finally { await srv.stop(); }
  void connect;
});


test('--client-shell lets a client query reach the shell; reval still refuses it', async () => {
  const srv = await startWasq(['--client-shell']);
  try {
    const h = await qconnect(srv.port);
    assert.deepEqual(await qcall(h, 'system "echo hi"'), ['hi']);
    await assert.rejects(qcall(h, 'reval(system;"echo hi")'), /access/);
    // the console's next line stays the console's
    await assert.rejects(qcall(h, 'read0 0'), /access/);
    h.close();
  } finally { await srv.stop(); }
});

test('-t N is the timer a script sees as it loads (system"t"), and the script may change it, as tick.q does', async () => {
  const dir = scratch('wasq-t-');
  const batch = join(dir, 'batch.q'), off = join(dir, 'off.q');
  writeFileSync(batch, 'seen:system"t"\nn:0\n.z.ts:{n+:1}\n');
  writeFileSync(off, 'seen:system"t"\nsystem"t 0"\n');
  const a = await startWasq([batch, '-t', '50'], { listen: false });
  const b = await startWasq([off, '-t', '50'], { listen: false });
  try {
    assert.equal(await a.line('seen'), '50\n');
    await sleep(300);
    assert.equal(await a.line('0<n'), '1b\n', 'the timer ticks once the script is loaded');
    assert.equal(await b.line('(seen;system"t")'), '50 0\n', 'the script turned the timer off');
  } finally { await a.stop(); await b.stop(); }
});
test('-l logs the messages that change globals, undoes a failed one, and a restart replays them; \\l checkpoints', async () => {
  const dir = scratch('wasq-l-'), script = join(dir, 'trade.q');
  writeFileSync(script, 'trade:([]time:`time$();sym:`symbol$();price:`float$();size:`int$())\n');
  let srv = await startWasq([script, '-l']);
  try {
    const c = await qconnect(srv.port);
    await qcall(c, 'insert[`trade](10:30:01.000; `intel; 88.5; 1625i)');
    assert.equal(await qcall(c, '1+1'), 2);
    await assert.rejects(qcall(c, 'x:1;x+`a'));
    assert.equal(await qcall(c, '@[value;`x;`none]'), 'none', 'the failed message changed nothing');
    await new Promise<void>((res, rej) => c.ks('y:42', (e: Error) => e ? rej(e) : res()));
    assert.equal(await qcall(c, 'y'), 42);
    // an item amended in place (the global's own copy) is undone as well
    await qcall(c, 'v:3#0; v[0]:1');
    await assert.rejects(qcall(c, 'v[1]:5; v+`a'));
    assert.deepEqual([...await qcall(c, 'v')], [1, 0, 0]);
    c.close();
    // only the three messages that changed something are in the log, as -11! counts them
    assert.equal(await srv.line(`-11!(-2;\`:${dir}/trade.log)`), '3\n');
  } finally { await srv.stop(); }
  srv = await startWasq([script, '-l']);
  try {
    assert.equal(await srv.line('(count trade;y)'), '1 42\n');
    await srv.line('0 "z:7"');
    await srv.line('\\l');
    assert.equal(await srv.line(`count get \`:${dir}/trade.log`), '0\n');
  } finally { await srv.stop(); }
  // the checkpoint holds it all
  srv = await startWasq([script, '-l']);
  try { assert.equal(await srv.line('(count trade;y;z)'), '1 42 7\n'); } finally { await srv.stop(); }
});

test('what a client\'s query prints reaches standard output at once, not when the server ends', async () => {
  const srv = await startWasq([]);
  try {
    const con = await qconnect(srv.port);
    try { await qcall(con, '-1 "hello from a client"; 0N!42'); } finally { con.close(() => {}); }
    for (let i = 0; i < 100 && !srv.out().includes('42'); i++) await sleep(20);
    assert.match(srv.out(), /hello from a client\n42\n/);
  } finally { await srv.stop(); }
});

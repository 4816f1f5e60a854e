// The port as real clients see it: node-q (an independent kdb+ client), HTTP and WebSocket, against
// `wasq examples/trade.q -p 0` running as its own process on loopback.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import WebSocket from 'ws';
import { encodeMessage } from '../../q/ipc/serialize.js';
import { readMessage } from '../../q/ipc/deserialize.js';
import { MsgType } from '../../q/ipc/header.js';
import { str, text } from '../../q/value/value.js';

const nodeq = createRequire(import.meta.url)('node-q');
let child: ChildProcess, port = 0, out = '';

/** Type a line on the server's console and wait until it has been evaluated. */
async function consoleLine(line: string) {
  const mark = `@@${Math.random().toString(36).slice(2)}@@`;
  child.stdin!.write(`${line}\n-1"${mark}";\n`);
  for (let i = 0; i < 200 && !out.includes(mark); i++) await new Promise(r => setTimeout(r, 25));
  assert.ok(out.includes(mark), `server did not evaluate ${line}`);
}
const connect = (opts: object = {}): Promise<any> => new Promise((res, rej) => nodeq.connect({ host: '127.0.0.1', port, ...opts }, (e: Error, c: any) => e ? rej(e) : res(c)));
const call = (con: any, q: string): Promise<any> => new Promise((res, rej) => con.k(q, (e: Error, r: any) => e ? rej(e) : res(r)));

before(async () => {
  child = spawn('node', ['bin/wasq.mjs', 'examples/trade.q', '-p', '0'], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdout!.on('data', d => { out += d; });
  port = await new Promise<number>((res, rej) => {
    let err = '';
    child.stderr!.on('data', d => { err += d; const m = /listening on [^:]+:(\d+)/.exec(err); if (m) res(Number(m[1])); });
    child.on('exit', c => rej(new Error(`wasq exited ${c}: ${err}`)));
  });
});
after(() => { child.kill(); });

test('the seed transcript: handlers redefined from the console change what clients get', async () => {
  await consoleLine('myfunc:{x*3}');
  const h = await connect();
  await call(h, 'z:4');
  assert.equal(await call(h, 'myfunc[z]'), 12);
  await consoleLine('.z.pg:count');
  assert.equal(await call(h, 'myfunc[z]'), 9);
  await consoleLine('.z.pg:value');
  await assert.rejects(call(h, 'myfunc[silly]'), (e: Error) => /silly/.test(e.message));
  await consoleLine('.z.pg:{@[value;x;`$"Number please"]}');
  assert.equal(await call(h, 'myfunc[silly]'), 'Number please');
  await consoleLine('\\x .z.pg');
  h.close();
});

test('node-q reads tables, dictionaries and typed values from the server', async () => {
  await consoleLine('.z.pg:value');
  const h = await connect();
  assert.equal(await call(h, 'count trade'), 10000);
  const t = await call(h, '3#select stock,price from trade');
  assert.equal(t.length, 3);
  assert.ok(typeof t[0].stock === 'string' && typeof t[0].price === 'number');
  assert.deepEqual(await call(h, '`a`b!1 2'), { a: 1, b: 2 });
  assert.equal(await call(h, '"abc"'), 'abc');
  h.close();
});

test('a client error comes back as an error and the server keeps its data', async () => {
  const h = await connect();
  await assert.rejects(call(h, '1+`a'), (e: Error) => /type/.test(e.message));
  assert.equal(await call(h, 'count trade'), 10000);
  h.close();
});

test('a malformed message closes that connection only', async () => {
  const net = await import('node:net');
  const s = net.connect(port, '127.0.0.1');
  await new Promise(r => s.on('connect', r));
  s.write(Buffer.from([0x61, 3, 0]));
  await new Promise(r => s.once('data', r));
  s.write(Buffer.from([1, 1, 0, 0, 0xff, 0xff, 0xff, 0x7f, 0, 0, 0]));
  s.end();
  const h = await connect();
  assert.equal(await call(h, '1+1'), 2);
  h.close();
});

test('HTTP: GET /?expr answers an HTML table; csv, txt and json variants', async () => {
  const base = `http://127.0.0.1:${port}`;
  const page = await (await fetch(`${base}/?select%20avg%20price%20by%20stock%20from%20trade`)).text();
  assert.match(page, /<table>/);
  assert.match(page, /<th>stock<\/th><th>price<\/th>/);
  assert.equal((page.match(/<tr>/g) ?? []).length, 7);
  const tq = encodeURIComponent('([]a:1 2;b:`x`y)');
  assert.equal(await (await fetch(base + '/.csv?' + tq)).text(), 'a,b\n1,x\n2,y\n');
  assert.equal(await (await fetch(base + '/.json?' + tq)).text(), '[{"a":1,"b":"x"},{"a":2,"b":"y"}]');
  assert.equal(await (await fetch(`${base}/.txt?til 3`)).text(), '0 1 2\n');
  const home = await (await fetch(`${base}/`)).text();
  assert.match(home, /href="\?trade"/);
  assert.match(home, /href="\?stock"/);
});

test('WebSocket: the default .z.ws evaluates a serialized query and answers serialized', async () => {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/`);
  await new Promise((res, rej) => { ws.on('open', res); ws.on('error', rej); });
  ws.send(encodeMessage(str('count trade'), MsgType.Sync));
  const reply: Buffer = await new Promise(r => ws.once('message', r));
  const m = readMessage(new Uint8Array(reply));
  assert.equal(m.msgType, MsgType.Response);
  assert.equal(String((m.value as any).v), '10000');
  ws.close();
  void text;
});

test('a second wasq as the client: hopen, sync, async, one-shot, hclose, and .z.po/.z.pc on the server', async () => {
  await consoleLine('opens:0;closes:0;.z.po:{opens+:1};.z.pc:{closes+:1}');
  const { execFileSync } = await import('node:child_process');
  const lines = [
    `h:hopen \`::${port}`, 'h"count trade"', 'h(+;2;3)', '(neg h)"fromclient:42"', 'h"fromclient"', 'h"1+`a"',
    'h"opens"', 'hclose h', `\`::${port} "2*21"`, 'hopen `::1',
  ];
  const got = execFileSync('node', ['bin/wasq.mjs'], { input: lines.join('\n') + '\n', encoding: 'utf8' }).trim().split('\n');
  assert.deepEqual(got.slice(0, 5), ['10000', '5', '42', "'type", '1']);
  assert.equal(got[5], '42');
  assert.equal(got[6], "'hop");
  await consoleLine('-1 "closes=",string closes;');
  assert.match(out, /closes=2\n/, 'the server saw both connections close');
  await consoleLine('\\x .z.po');
  await consoleLine('\\x .z.pc');
});

test('-T stops a client query that runs too long, and -b refuses writes', async () => {
  const { spawn: sp } = await import('node:child_process');
  const srv = sp('node', ['bin/wasq.mjs', '-p', '0', '-T', '1', '-b'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const p = await new Promise<number>(res => { let e = ''; srv.stderr!.on('data', d => { e += d; const m = /listening on [^:]+:(\d+)/.exec(e); if (m) res(Number(m[1])); }); });
  const h = await new Promise<any>((res, rej) => nodeq.connect({ host: '127.0.0.1', port: p }, (e: Error, c: any) => e ? rej(e) : res(c)));
  await assert.rejects(call(h, 'do[1000000000;1+1]'), (e: Error) => /stop/.test(e.message));
  await assert.rejects(call(h, 'x:1'), (e: Error) => /noupdate/.test(e.message));
  assert.equal(await call(h, '2+2'), 4);
  h.close(); srv.kill();
});

test('-u password file (plain and MD5) and .z.pw decide who gets in, over IPC and HTTP', async () => {
  const { spawn: sp } = await import('node:child_process');
  const { writeFileSync, mkdtempSync } = await import('node:fs');
  const { createHash } = await import('node:crypto');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const file = join(mkdtempSync(join(tmpdir(), 'wasq-u-')), 'users');
  writeFileSync(file, `alice:secret\nbob:${createHash('md5').update('hunter2').digest('hex')}`);
  const srv = sp('node', ['bin/wasq.mjs', '-p', '0', '-u', file], { stdio: ['pipe', 'pipe', 'pipe'] });
  try {
    const p = await new Promise<number>(res => { let e = ''; srv.stderr!.on('data', d => { e += d; const m = /listening on [^:]+:(\d+)/.exec(e); if (m) res(Number(m[1])); }); });
    const open = (user: string, password: string) => new Promise<any>((res, rej) => nodeq.connect({ host: '127.0.0.1', port: p, user, password }, (e: Error, c: any) => e ? rej(e) : res(c)));
    const a = await open('alice', 'secret');
    assert.equal(await call(a, '.z.u'), 'alice');
    a.close();
    const b = await open('bob', 'hunter2');
    b.close();
    await assert.rejects(open('alice', 'wrong'));
    await assert.rejects(open('mallory', 'x'));
    assert.equal((await fetch(`http://127.0.0.1:${p}/?1+1`)).status, 401);
    const ok = await fetch(`http://127.0.0.1:${p}/.txt?1+1`, { headers: { Authorization: 'Basic ' + Buffer.from('alice:secret').toString('base64') } });
    assert.equal(await ok.text(), '2\n');
  } finally { srv.kill(); }
});

test('WebSocket: text frames reach a user .z.ws, which answers with neg .z.w; .z.wo and .z.wc fire', async () => {
  await consoleLine('wo:0;wc:0;.z.wo:{wo+:1};.z.wc:{wc+:1};.z.ws:{neg[.z.w] "echo:",x}');
  const ws = new WebSocket(`ws://127.0.0.1:${port}/`);
  await new Promise((res, rej) => { ws.on('open', res); ws.on('error', rej); });
  ws.send('hello');
  const reply = await new Promise<string>(r => ws.once('message', d => r(String(d))));
  assert.equal(reply, 'echo:hello');
  ws.close();
  await new Promise(r => setTimeout(r, 200));
  await consoleLine('-1 "ws=",string[wo],",",string wc;');
  assert.match(out, /ws=1,1\n/);
  await consoleLine('\\x .z.ws');
  await consoleLine('\\x .z.wo');
  await consoleLine('\\x .z.wc');
});

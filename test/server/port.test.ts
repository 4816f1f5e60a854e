// The port as real clients see it: `wasq examples/trade.q -p PORT` as its own process on loopback, driven
// by node-q (an independent kdb+ client), raw sockets, fetch and a WebSocket client (`ws`).
import { gunzipSync } from 'node:zlib';
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { request } from 'node:http';
import { connect } from 'node:net';
import { userInfo } from 'node:os';
import { encodeMessage } from '../../q/ipc/serialize.js';
import { readMessage } from '../../q/ipc/deserialize.js';
import { compress } from '../../q/ipc/compress.js';
import { MsgType } from '../../q/ipc/header.js';
import { str, list, long } from '../../q/value/value.js';
import { startWasq, Wasq, qconnect, qcall, rawIpc, sleep } from './helpers.js';

let srv: Wasq;
before(async () => { srv = await startWasq(['examples/trade.q']); });
after(async () => { await srv.stop(); });

const base = () => `http://127.0.0.1:${srv.port}`;
/** An HTTP request with the path exactly as given (fetch would normalize `/?` and `..`). */
const get = (path: string, init: { method?: string; body?: string } = {}): Promise<{ status: number; type: string | undefined; body: string }> =>
  new Promise((res, rej) => {
    const r = request({ host: '127.0.0.1', port: srv.port, path, method: init.method ?? 'GET' }, m => {
      let body = '';
      m.on('data', d => { body += d; });
      m.on('end', () => res({ status: m.statusCode!, type: m.headers['content-type'], body }));
    });
    r.on('error', rej);
    r.end(init.body);
  });
const wsOpen = async (): Promise<WebSocket> => { const ws = new WebSocket(`ws://127.0.0.1:${srv.port}/`); await new Promise((res, rej) => { ws.on('open', res); ws.on('error', rej); }); return ws; };
const wsNext = (ws: WebSocket): Promise<{ data: Buffer; binary: boolean }> => new Promise(r => ws.once('message', (data: Buffer, binary: boolean) => r({ data, binary })));

test('the seed transcript: a console function called by a client, then .z.pg redefined from the console', async () => {
  await srv.line('myfunc:{x*3}');
  const h = await qconnect(srv.port);
  await qcall(h, 'z:4');
  assert.equal(await qcall(h, 'myfunc[z]'), 12);
  await srv.line('.z.pg:count');
  assert.equal(await qcall(h, 'myfunc[z]'), 9, 'count of the string "myfunc[z]"');
  await srv.line('.z.pg:value');
  await assert.rejects(qcall(h, 'myfunc[silly]'), (e: Error) => e.message === 'silly');
  await srv.line('.z.pg:{@[value;x;`$"Number please"]}');
  assert.equal(await qcall(h, 'myfunc[silly]'), 'Number please');
  await srv.line('\\x .z.pg');
  assert.equal(await qcall(h, 'myfunc[z]'), 12, '\\x .z.pg restores the default');
  assert.equal(await qcall(h, 'f[stock]'), 6, 'a function the script defined');
  h.close();
});

test('handlers are not globals until set, and a client can set them too', async () => {
  assert.match(await srv.line('.z.pg'), /^'\.z\.pg/);
  const h = await qconnect(srv.port);
  await qcall(h, '.z.pg:{(`client;value x)}');
  assert.deepEqual(await qcall(h, '1+1'), ['client', 2]);
  await qcall(h, '\\x .z.pg');
  assert.equal(await qcall(h, '1+1'), 2);
  h.close();
});

test('node-q reads tables, dictionaries and typed values; h(f;args) applies; async messages run .z.ps', async () => {
  const h = await qconnect(srv.port);
  assert.equal(await qcall(h, 'count trade'), 10000);
  const t = await qcall(h, '3#select stock,price from trade');
  assert.equal(t.length, 3);
  assert.ok(typeof t[0].stock === 'string' && typeof t[0].price === 'number', 'the enumerated stock column goes out as symbols');
  assert.deepEqual(await qcall(h, '`a`b!1 2'), { a: 1, b: 2 });
  assert.equal(await qcall(h, '"abc"'), 'abc');
  assert.equal(await qcall(h, '{x+y}', 2, 3), 5);
  await new Promise<void>((res, rej) => h.ks('fromAsync:42', (e: Error) => e ? rej(e) : res()));
  assert.equal(await qcall(h, 'fromAsync'), 42, 'messages on one socket are processed in order');
  h.close();
});

test('.z.w .z.a .z.u name the caller; .z.po and .z.pc run for it', async () => {
  await sleep(150);
  await srv.line('seen:();.z.po:{seen,:enlist(`open;x;.z.w)};.z.pc:{seen,:enlist(`close;x;.z.w;.z.u~u0)}');
  // the peer is gone by .z.pc: .z.w .z.a .z.u are the local ones, the console's (ref/dotz)
  await srv.line('u0:.z.u');
  const h = await qconnect(srv.port, { user: 'alice', password: 'pw' });
  const [w, a, u] = await qcall(h, '(.z.w;.z.a;.z.u)');
  assert.equal(a, 2130706433);
  assert.equal(u, 'alice');
  h.close();
  await sleep(150);
  assert.match(await srv.line('-1 .Q.s1 seen;'), new RegExp(`\\(\\(\`open;${w}i;${w}i\\);\\(\`close;${w}i;0i;1b\\)\\)`));
  assert.equal((await srv.line('.z.u')).trim(), '`' + userInfo().username);
  await srv.line('\\x .z.po');
  await srv.line('\\x .z.pc');
});

test('-30! defers the answer to a sync request and gives it later, a value or an error', async () => {
  await srv.line('waiting:();.z.pg:{$[x~"later";[waiting,:.z.w;-30!(::)];value x]}');
  const h = await qconnect(srv.port);
  let got: unknown = 'nothing yet';
  const p = qcall(h, 'later').then(v => { got = v; }, e => { got = 'error: ' + e.message; });
  await sleep(200);
  assert.equal(got, 'nothing yet');
  assert.equal(await srv.line('-1 string count waiting;'), '1\n');
  await srv.line('-30!(first waiting;0b;42)');
  await p;
  assert.equal(got, 42);
  // a second deferred call answered with an error
  const p2 = qcall(h, 'later').then(v => { got = v; }, e => { got = 'error: ' + e.message; });
  await sleep(200);
  await srv.line('-30!(last waiting;1b;"too slow")');
  await p2;
  assert.equal(got, 'error: too slow');
  // nothing waits now: kdb+'s message; and outside a sync request -30!(::) is a domain error
  assert.match(await srv.line('-30!(last waiting;0b;1)'), /'Handle \d+ was not expecting a response msg/);
  assert.match(await srv.line('-30!(::)'), /'domain/);
  assert.equal(await qcall(h, '1+1'), 2);
  // the handler that defers may answer at once itself (TorQ's gateway answers an error so), even when it then fails
  await srv.line('.z.pg:{$[x~"now";[-30!(::);-30!(.z.w;0b;42)];x~"nowerr";[-30!(::);-30!(.z.w;1b;"boom");1+`a];value x]}');
  assert.equal(await qcall(h, 'now'), 42);
  await assert.rejects(qcall(h, 'nowerr'), /boom/);
  assert.equal(await qcall(h, '1+1'), 2);
  h.close();
  await srv.line('\\x .z.pg');
});

test('-25! broadcasts async to checked handles; -38! describes sockets', async () => {
  const { spawnSync } = await import('node:child_process');
  const lines = [`h:hopen ${srv.port}`, '-38!h', '-25!(enlist h;(`set;`got;43))', 'h"got"', '-25!(h,h+100i;"got:44")', 'h"got"', 'hclose h'];
  const r = spawnSync('node', ['bin/wasq.mjs'], { input: lines.join('\n') + '\n', encoding: 'utf8' });
  const out = r.stdout.trim().split('\n');
  assert.deepEqual(out.slice(0, 6), ['p| "q"', 'f| "t"', 'z| 0b', 'n| 0', 'm| 0', '43']);
  assert.match(out[6], /^'\d+ is not an ipc handle$/);   // nothing was sent: got is still 43
  assert.equal(out[7], '43');
});

test('the shell and the console input answer the console, not a client', async () => {
  assert.match(await srv.line('-1 .Q.s1 system "echo hi";'), /,?"hi"/);
  const h = await qconnect(srv.port);
  await assert.rejects(qcall(h, 'system "echo hi"'), /access/);
  await assert.rejects(qcall(h, '\\echo hi'), /access/);
  // read0 0 would hold the server until someone typed a line at its console
  await assert.rejects(qcall(h, 'read0 0'), /access/);
  assert.equal(await qcall(h, '1+1'), 2);
  h.close();
});

test('.z.H lists the open sockets, sorted; .z.W the bytes waiting on each', async () => {
  const h = await qconnect(srv.port);
  const w = (await qcall(h, '.z.w')) as number;
  assert.ok((await qcall(h, '.z.w in .z.H')) as boolean);
  assert.ok((await qcall(h, '(key .z.W)~.z.H')) as boolean);
  assert.equal(await qcall(h, 'type .z.W'), 99);
  assert.equal(await qcall(h, 'type value .z.W'), 7);
  assert.equal(await qcall(h, '`s=attr .z.H'), true);
  h.close();
  await sleep(150);
  assert.doesNotMatch(await srv.line(`-1 .Q.s1 ${w} in .z.H;`), /1b/);
});

test('IPC bytes: capability min(client, 3); sync answered with type 2; async not answered; errors as -128', async () => {
  for (const [cap, want] of [[6, 3], [3, 3], [1, 1]]) {
    const c = await rawIpc(srv.port, Uint8Array.from([...Buffer.from('u:p'), cap, 0]));
    assert.equal(c.cap, want, `client capability ${cap}`);
    c.s.destroy();
  }
  const c = await rawIpc(srv.port);
  c.s.write(encodeMessage(str('asyncSet:1'), MsgType.Async));
  c.s.write(encodeMessage(str('1+`a'), MsgType.Sync));
  const err = await c.read();
  assert.equal(err.toString('hex'), '010200000e000000' + '80' + Buffer.from('type').toString('hex') + '00', 'only the sync message is answered, with the error');
  c.s.write(encodeMessage(str('asyncSet+2 3'), MsgType.Sync));
  const r = readMessage(new Uint8Array(await c.read()));
  assert.equal(r.msgType, MsgType.Response);
  assert.deepEqual(Array.from((r.value as any).d as BigInt64Array, Number), [3, 4], 'the async message ran first');
  // a list is applied: (function text; args)
  c.s.write(encodeMessage(list([str('{x+y}'), long(2), long(3)]), MsgType.Sync));
  assert.equal(Number((readMessage(new Uint8Array(await c.read())).value as any).v), 5);
  c.s.destroy();
});

test('IPC: big-endian and compressed messages are read; big answers arrive whole; local peers get no compression', async () => {
  const c = await rawIpc(srv.port);
  // a big-endian sync "2+3" (as older Java clients write)
  const le = encodeMessage(str('2+3'), MsgType.Sync);
  const be = Buffer.from(le); be[0] = 0; be.writeUInt32BE(le.length, 4); be.writeUInt32BE(3, 10);
  c.s.write(be);
  assert.equal(readMessage(new Uint8Array(await c.read())).value!.t, -7);
  // a compressed sync message: a long string, then its length comes back
  const long8k = encodeMessage(str('count "' + 'ab'.repeat(4000) + '"'), MsgType.Sync);
  const z = compress(long8k)!;
  assert.ok(z && z[2] === 1, 'the message compresses');
  c.s.write(z);
  assert.equal(Number((readMessage(new Uint8Array(await c.read())).value as any).v), 8000);
  // a 4 MB answer: not compressed to a peer on this machine, in one piece
  c.s.write(encodeMessage(str('til 500000'), MsgType.Sync));
  const big = await c.read();
  assert.equal(big[2], 0, 'no compression to localhost');
  assert.equal(big.length, 8 + 6 + 8 * 500000);
  assert.equal(Number((readMessage(new Uint8Array(big)).value as any).d[499999]), 499999);
  c.s.destroy();
});

test('bad input: malformed messages, a huge length, a half-sent message and a bad handshake close only that connection', async () => {
  await srv.line('keep:42;bm:();.z.bm:{bm,:enlist x 0}');
  // a malformed body (type byte 90 has no IPC meaning): .z.bm hears of it, the connection is closed
  const a = await rawIpc(srv.port);
  a.s.write(Buffer.from([1, 1, 0, 0, 10, 0, 0, 0, 90, 0]));
  await a.closed;
  // a bad header byte
  const b = await rawIpc(srv.port);
  b.s.write(Buffer.from([7, 9, 9, 0, 20, 0, 0, 0]));
  await b.closed;
  // a length of 2^32-1 (beyond 2 GB): refused at the header, nothing allocated
  const c = await rawIpc(srv.port);
  c.s.write(Buffer.from([1, 1, 0, 0, 0xff, 0xff, 0xff, 0xff, 0]));
  await c.closed;
  // a length just under 2 GB, then the client goes away mid-message
  const d = await rawIpc(srv.port);
  d.s.write(Buffer.from([1, 1, 0, 0, 0xff, 0xff, 0xff, 0x7f, 10, 0, 1, 0, 0, 0, 0x61]));
  await sleep(50);
  d.s.destroy();
  // a compressed message that claims to inflate far beyond its size
  const e = await rawIpc(srv.port);
  e.s.write(Buffer.from([1, 1, 1, 0, 13, 0, 0, 0, 0, 0, 0, 0x40, 0]));
  await e.closed;
  // a handshake that never ends
  const f = await rawIpc(srv.port, new Uint8Array(4096).fill(65));
  await f.closed;
  // an HTTP request that does not parse gets 400 and is closed
  const g = await new Promise<string>(res => {
    const s = connect(srv.port, '127.0.0.1');
    let got = '';
    s.on('data', d => { got += d; });
    s.on('close', () => res(got));
    s.on('error', () => {});
    s.write('GET / HTTP/1.1\r\nno colon here\r\n\r\n');
  });
  assert.match(g, /^HTTP\/1.1 400 Bad Request/);
  // the server goes on, its data intact
  const h = await qconnect(srv.port);
  assert.equal(await qcall(h, 'keep'), 42);
  assert.equal(await qcall(h, 'count trade'), 10000);
  assert.equal(await qcall(h, 'count bm'), 2, '.z.bm ran for the malformed bodies (a bad header is refused before)');
  h.close();
  await srv.line('\\x .z.bm');
});

test('HTTP: GET / is the web console frameset, ? the list of variables, ?expr the value in pages of \\C rows', async () => {
  const home = await get('/');
  assert.equal(home.status, 200);
  assert.match(home.body, /^<html><head><title>examples\/trade\.q<\/title><frameset cols="\d+,\*"><frame src="\?"><frame name=v src="\?\w+">/);
  const list = await get('/?');
  assert.match(list.body, /<a target=v href="\?trade">trade<\/a>/);
  assert.match(list.body, /<a target=v href="\?stock">stock<\/a>/);
  const page = await get('/?select%20avg%20price%20by%20stock%20from%20trade');
  assert.equal(page.type, 'text/html');
  assert.match(page.body, /<pre>stock        \| price   \n-------------\| --------\nAirFrance    \| \d/);
  const trade = await get('/?trade');
  assert.match(trade.body, /<pre><a href="\?\[0">home<\/a> <a href="\?\[0">up<\/a> <a href="\?\[32">down<\/a> <a href="\?\[9968">end<\/a> 10000\[0\]\n\nstock +price/);
  const next = await get('/?[32');
  assert.match(next.body, /<a href="\?\[64">down<\/a> <a href="\?\[9968">end<\/a> 10000\[32\]/);
  const shown = next.body.split('<pre>')[1].split('</pre>')[0].split('\n');
  assert.ok(shown.length < 40 && shown[shown.length - 2] === '..', 'one \\C page of rows, cut with ..');
  const bad = await get('/?1+%60a');
  assert.equal(bad.status, 400);
  assert.equal(bad.body, "'type");
  const missing = await get('/no/such/file.txt');
  assert.equal(missing.status, 404);
  assert.equal((await get('/../../etc/passwd')).status, 404);
});

test('HTTP: a query answer of 2000 bytes or more is gzipped for a client that accepts gzip, as kdb+ 4 does', async () => {
  const raw = (path: string, headers: Record<string, string>): Promise<{ enc: string | undefined; len: number; body: Buffer }> =>
    new Promise((res, rej) => {
      const r = request({ host: '127.0.0.1', port: srv.port, path, headers }, m => {
        const parts: Buffer[] = [];
        m.on('data', d => parts.push(d));
        m.on('end', () => res({ enc: m.headers['content-encoding'], len: Number(m.headers['content-length']), body: Buffer.concat(parts) }));
      });
      r.on('error', rej);
      r.end();
    });
  const big = '/?' + encodeURIComponent('til 2000');
  const plain = await raw(big, {});
  assert.equal(plain.enc, undefined);
  assert.ok(plain.body.length >= 2000);
  const zipped = await raw(big, { 'Accept-Encoding': 'gzip, deflate' });
  assert.equal(zipped.enc, 'gzip');
  assert.equal(zipped.len, zipped.body.length);
  assert.ok(zipped.body.length < plain.body.length / 2);
  assert.equal(gunzipSync(zipped.body).toString(), plain.body.toString());
  // a small answer stays as it is
  assert.equal((await raw('/?1+1', { 'Accept-Encoding': 'gzip' })).enc, undefined);
});

test('HTTP: name.csv?, .txt?, .json? format the value; tables as rows', async () => {
  const tq = encodeURIComponent('([]a:1 2;b:`x`y)');
  const csv = await get('/x.csv?' + tq);
  assert.equal(csv.type, 'text/comma-separated-values');
  assert.equal(csv.body, 'a,b\n1,x\n2,y\n');
  assert.equal((await get('/.txt?' + tq)).body, 'a\tb\n1\tx\n2\ty\n');
  const json = await get('/.json?' + tq);
  assert.equal(json.type, 'application/json');
  assert.equal(json.body, '{"a":1,"b":"x"}\n{"a":2,"b":"y"}\n', 'JSON Lines, as .h.tx[`json]');
  assert.equal((await get('/.json?' + encodeURIComponent('`a`b!1 2'))).body, '{"a":1,"b":2}\n');
  assert.equal((await get('/.xml?' + tq)).body, '<R>\n<r><a>1</a><b>x</b></r>\n<r><a>2</a><b>y</b></r>\n</R>\n');
});

test('HTTP: .z.ph, .z.pp and .z.pm answer with the response text they make', async () => {
  await srv.line('.z.ph:{.h.hy[`txt;"got ",first x]}');
  const r = await get('/hello?x=1');
  assert.equal(r.status, 200);
  assert.equal(r.type, 'text/plain');
  assert.equal(r.body, 'got hello?x=1');
  await srv.line('.z.ph:{.h.hn["404 Not Found";`txt;"none"]}');
  assert.equal((await get('/x')).status, 404);
  await srv.line('.z.ph:{(value x[1])`Host}');
  await srv.line('\\x .z.ph');
  assert.equal((await get('/?1+1')).body.includes('<pre>2\n</pre>'), true, 'the default .z.ph is back');
  assert.equal((await get('/', { method: 'POST', body: '1+1' })).status, 501, 'no .z.pp: not implemented');
  await srv.line('.z.pp:{.h.hy[`txt;.Q.s value (1+x[0]?" ")_x 0]}');
  const p = await get('/q', { method: 'POST', body: 'til 3' });
  assert.equal(p.body, '0 1 2\n');
  await srv.line('.z.pm:{.h.hy[`txt;string x 0]}');
  assert.equal((await get('/', { method: 'DELETE' })).body, 'DELETE');
  await srv.line('\\x .z.pp');
  await srv.line('\\x .z.pm');
});

test('HTTP: a handler that calls .h.ka keeps the connection for the next request; without it each closes', async () => {
  // two requests written on one socket: the second is answered only on a connection kept alive
  const twice = (path: string) => new Promise<string>((res, rej) => {
    const s = connect(srv.port, '127.0.0.1');
    let got = '';
    s.on('data', d => { got += d; });
    s.on('error', rej);
    s.on('close', () => res(got));
    s.write(`GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`);
    setTimeout(() => { if (!s.destroyed) s.write(`GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`); }, 200);
    setTimeout(() => s.destroy(), 1500);
  });
  await srv.line('.z.ph:{"HTTP/1.1 200 OK\\r\\nConnection: ",.h.ka[2000i],"\\r\\nContent-Type: text/plain\\r\\nContent-Length: 3\\r\\n\\r\\nok\\n"}');
  const kept = await twice('/a');
  assert.equal(kept.match(/HTTP\/1\.1 200 OK/g)?.length, 2, kept);
  assert.match(kept, /Connection: keep-alive/);
  await srv.line('\\x .z.ph');
  const closed = await twice('/?1+1');
  assert.equal(closed.match(/HTTP\/1\.1 200 OK/g)?.length, 1, 'the default handler closes, as kdb+\'s does');
});

test('HTTP: the workbench is served under /wasq/, never shadowing a query', async () => {
  const r = await fetch(base() + '/wasq', { redirect: 'manual' });
  assert.equal(r.status, 301);
  assert.equal(r.headers.get('location'), '/wasq/');
  const page = await get('/wasq/');
  if (page.status === 404) { assert.match(page.body, /not built/); return; }
  assert.equal(page.status, 200);
  assert.match(page.body, /<script/);
  assert.equal((await get('/wasq/../package.json')).status, 404);
});

test('WebSocket: the default .z.ws evaluates a serialized query (c.js style) and answers serialized; text gets console text', async () => {
  const ws = await wsOpen();
  ws.send(encodeMessage(str('count trade'), MsgType.Sync));
  let m = await wsNext(ws);
  assert.ok(m.binary);
  const r = readMessage(new Uint8Array(m.data));
  assert.equal(String((r.value as any).v), '10000');
  ws.send(encodeMessage(str('1+`a'), MsgType.Sync));
  m = await wsNext(ws);
  assert.equal(readMessage(new Uint8Array(m.data)).error, 'type');
  ws.send('til 3');
  m = await wsNext(ws);
  assert.equal(m.binary, false);
  assert.equal(m.data.toString(), '0 1 2');
  // the answer is deflated when the client asked for it, as kdb+'s server does (kb/websockets)
  assert.match(ws.extensions, /permessage-deflate/);
  ws.send(encodeMessage(str('til 100000'), MsgType.Sync));
  m = await wsNext(ws);
  assert.equal((readMessage(new Uint8Array(m.data)).value as any).d.length, 100000);
  ws.close();
});

test('WebSocket: a user .z.ws gets strings and bytes and answers with neg .z.w; .z.wo/.z.wc; refused without .z.ws', async () => {
  await sleep(150);
  await srv.line('wo:0;wc:0;.z.wo:{wo+:1};.z.wc:{wc+:1};.z.ws:{neg[.z.w] $[10h=type x;"echo:",x;reverse x]}');
  const ws = await wsOpen();
  ws.send('hello');
  assert.equal((await wsNext(ws)).data.toString(), 'echo:hello');
  ws.send(Buffer.from([1, 2, 3]));
  const b = await wsNext(ws);
  assert.ok(b.binary);
  assert.deepEqual([...b.data], [3, 2, 1]);
  ws.close();
  await sleep(150);
  assert.match(await srv.line('-1 "ws=",string[wo],",",string wc;'), /ws=1,1/);
  await srv.line('\\x .z.ws');
  const refused = new WebSocket(`ws://127.0.0.1:${srv.port}/`);
  const status = await new Promise<number>(res => { refused.on('unexpected-response', (_q, r) => res(r.statusCode!)); refused.on('open', () => res(101)); refused.on('error', () => {}); });
  assert.equal(status, 501, 'kdb+ refuses the upgrade while .z.ws is undefined');
  await srv.line('\\x .z.wo');
  await srv.line('\\x .z.wc');
});

// wasq as a kdb+ client: a second `wasq` process opens handles to the first (hopen in its forms, sync and
// async messages, one-shot requests, hclose), with .z.po/.z.pc on both sides.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createServer as httpServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { scratch } from '../scratch.js';
import { startWasq, Wasq, sleep } from './helpers.js';

let srv: Wasq;
before(async () => { srv = await startWasq(['examples/trade.q']); });
after(async () => { await srv.stop(); });

/** Run a wasq console (no port) over these lines; its output lines. */
function client(lines: string[], ms = 20000): Promise<string[]> {
  return new Promise((res, rej) => {
    const c = spawn('node', ['bin/wasq.mjs'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '', err = '';
    const timer = setTimeout(() => { c.kill(); rej(new Error(`client timed out: ${out}${err}`)); }, ms);
    c.stdout!.on('data', d => { out += d; });
    c.stderr!.on('data', d => { err += d; });
    c.on('exit', () => { clearTimeout(timer); res(out.replace(/\n$/, '').split('\n')); });
    c.stdin!.end(lines.join('\n') + '\n');
  });
}

test('hopen in its forms, h"…" blocking, h(f;args), neg h async, hclose, one-shot; .z.po/.z.pc on the server', async () => {
  await srv.line('opens:0;closes:0;.z.po:{opens+:1};.z.pc:{closes+:1};add:{x+y}');
  const p = srv.port;
  const got = await client([
    `h:hopen \`::${p}`,
    '1+h"count trade"',                  // the answer is there when the line goes on: the call blocked
    'h(+;2;3)', 'h(`add;2;3)', 'h({x*y};6;7)',
    '(neg h)"fromclient:42"', 'h"fromclient"',
    'h"1+`a"',
    `h2:hopen \`:127.0.0.1:${p}`, 'h2"opens"',
    `h3:hopen (\`:localhost:${p};2000)`, 'h3"2*3"',
    `h4:hopen ${p}`, 'h4"3*3"',
    `h5:hopen ":127.0.0.1:${p}"`, 'h5"4*4"',
    'hclose each (h2;h3;h4;h5);',
    'hclose h', 'h"1+1"',
    `\`::${p} "2*21"`,
    `\`::${p}:bob:pw ".z.u"`,
  ]);
  // a closed handle is written to as kdb+ says: 'Cannot write to handle N. OS reports: Bad file descriptor
  assert.match(got[10], /^'Cannot write to handle \d+\. OS reports: Bad file descriptor$/);
  assert.deepEqual([...got.slice(0, 10), ...got.slice(11)], ['10001', '5', '5', '42', '42', "'type", '2', '6', '9', '16', '42', '`bob']);
  await sleep(200);
  assert.match(await srv.line('-1 "opens=",string[opens]," closes=",string closes;'), /opens=7 closes=7/);
  await srv.line('\\x .z.po');
  await srv.line('\\x .z.pc');
});

test('hopen fails as kdb+ does: nothing listening, a timeout, refused credentials', async () => {
  // a port that accepts connections but never answers the handshake
  const silent = createServer(() => {});
  await new Promise<void>(r => silent.listen(0, '127.0.0.1', () => r()));
  const sp = (silent.address() as { port: number }).port;
  try {
    await srv.line('.z.pw:{[u;p] not u=`mallory}');
    const got = await client([
      'hopen `::1',
      `@[hopen;(\`::${sp};300);{x}]`,
      `hopen \`::${srv.port}:mallory:x`,
      `hopen \`::${srv.port}:alice:x`,
      'hopen 99999',
      '1+1',
    ]);
    assert.match(got[0], /^'hop\. OS reports: Connection refused/);
    assert.equal(got[1], '"timeout"');
    assert.equal(got[2], "'access");
    assert.match(got[3], /^\d+i$/);
    // a port past 16 bits is refused at once, and the session goes on
    assert.equal(got[4], "'hop. port 99999 is outside 1-65535");
    assert.equal(got[5], '2');
  } finally { silent.close(); await srv.line('\\x .z.pw'); }
});

test('the client hears the server close: .z.pc runs on the client side too', async () => {
  // .z.pc runs when the client's event loop is free: check in a client that waits for it
  const c = spawn('node', ['bin/wasq.mjs'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  c.stdout!.on('data', d => { out += d; });
  c.stdin!.write(`closed:0;.z.pc:{closed+:1;-1"pc ",string x}\nh:hopen \`::${srv.port}\n(neg h)"hclose .z.w"\n`);
  for (let i = 0; i < 100 && !/pc \d+/.test(out); i++) await sleep(30);
  c.stdin!.end('h"1+1"\n');
  await new Promise(r => c.on('exit', r));
  assert.match(out, /pc \d+\n/);
  assert.match(out, /'Cannot write to handle \d+\. OS reports: Bad file descriptor/, 'the handle is gone');
});

test('neg[h][] and neg[h](::) flush what went on h and send nothing (basics/ipc): the server sees only the messages; a flush before hclose delivers a large one', async () => {
  await srv.line('n:0;big:0;.z.ps:{n+:1;value x}');
  try {
    const got = await client([`h:hopen ${srv.port}`, 'neg[h]"a:1"', 'neg[h][]', 'neg[h](::)', 'h"n"',
      'neg[h](set;`big;til 4000000)', 'neg[h][]', 'hclose h', `h:hopen ${srv.port}`,
      // (the server owes no order between two connections: the new one asks until the closed one's
      // message has been read, which a loaded machine may take a while to do)
      'r:0;i:0;while[(r<4000000)&200>i+:1;r:h"count big";if[r<4000000;system"sleep 0.05"]]', 'r']);
    assert.deepEqual(got, ['1', '4000000']);
    // the port's side too: the client's .z.ps hears one message
    const back = await client(['n:0;.z.ps:{n+:1;value x}', `h:hopen ${srv.port}`, 'h"neg[.z.w]\\"m:1\\";neg[.z.w][];neg[.z.w](::)"', 'h"1+1"', 'n', 'm']);
    assert.deepEqual(back, ['2', '1', '1']);
  } finally { await srv.line('\\x .z.ps'); }
});

test('.Q.hg and .Q.hp make HTTP requests and give the body as text; a failure is a q error', async () => {
  await srv.line(".z.pp:{.h.hy[`txt;\"posted:\",first x]}");
  try {
    const got = await client([
      `(.Q.hg "http://127.0.0.1:${srv.port}/?count trade") like "<html>*"`,
      `(.Q.hg \`$":http://127.0.0.1:${srv.port}/?count trade") like "*10000*"`,
      `.Q.hp["http://127.0.0.1:${srv.port}/";"text/plain";"2+3"]`,
      '.Q.hg "ftp://example"',
      '1+1',
    ]);
    assert.equal(got[0], '1b');
    assert.equal(got[1], '1b');
    assert.match(got[2], /^"posted:.*2\+3"$/);
    assert.equal(got[3], "'hop. ftp://example: not an http or https URL");
    assert.equal(got[4], '2');
  } finally { await srv.line('\\x .z.pp'); }
});

test('.Q.hg and .Q.hp send kdb+\'s request (kb/http): its headers, URL credentials as Basic, a gzipped body unzipped, no redirect followed, http_proxy and no_proxy', async () => {
  const seen: { url: string; head: string[] }[] = [];
  const web = httpServer((req, res) => {
    seen.push({ url: req.url!, head: req.rawHeaders });
    let body = '';
    req.on('data', d => { body += d; });
    req.on('end', () => {
      if (req.url === '/moved') { res.writeHead(302, { Location: '/elsewhere' }); res.end('moved'); return; }
      if (req.url === '/gz') { res.writeHead(200, { 'Content-Encoding': 'gzip' }); res.end(gzipSync('unzipped')); return; }
      res.end(`${req.method} ${body}`);
    });
  });
  await new Promise<void>(r => web.listen(0, '127.0.0.1', r));
  const at = `127.0.0.1:${(web.address() as AddressInfo).port}`;
  const run = (lines: string[], env: Record<string, string> = {}) => new Promise<string[]>((res, rej) => {
    const c = spawn('node', ['bin/wasq.mjs'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, http_proxy: '', HTTP_PROXY: '', ...env } });
    let out = '';
    const timer = setTimeout(() => { c.kill(); rej(new Error('client timed out: ' + out)); }, 20000);
    c.stdout!.on('data', d => { out += d; });
    c.on('exit', () => { clearTimeout(timer); res(out.replace(/\n$/, '').split('\n')); });
    c.stdin!.end(lines.join('\n') + '\n');
  });
  try {
    const got = await run([`.Q.hg "http://${at}/a?b=1"`, `.Q.hp[\`$":http://${at}/p";"text/plain";"my data"]`,
      `.Q.hg "http://us%20er:pw@${at}/c"`, `.Q.hg "http://${at}/moved"`, `.Q.hg "http://${at}/gz"`]);
    assert.deepEqual(got, ['"GET "', '"POST my data"', '"GET "', '"moved"', '"unzipped"']);
    assert.deepEqual(seen.map(s => s.url), ['/a?b=1', '/p', '/c', '/moved', '/gz']);
    assert.deepEqual(seen[0].head, ['Host', at, 'Accept-Encoding', 'gzip', 'Connection', 'close']);
    assert.deepEqual(seen[1].head.slice(6), ['Content-Type', 'text/plain', 'Content-Length', '7']);
    assert.deepEqual(seen[2].head.slice(6), ['Authorization', 'Basic ' + Buffer.from('us er:pw').toString('base64')]);
    // through a proxy (this server stands for one): the request names the whole URL; no_proxy's hosts go direct
    seen.length = 0;
    const proxied = await run(['.Q.hg "http://example.invalid:81/q"'], { http_proxy: `http://${at}` });
    assert.deepEqual([proxied, seen.map(s => s.url), seen[0].head.slice(0, 2)], [['"GET "'], ['http://example.invalid:81/q'], ['Host', 'example.invalid:81']]);
    const direct = await run(['.Q.hg "http://example.invalid:81/q"'], { http_proxy: `http://${at}`, no_proxy: 'localhost,.invalid' });
    assert.match(direct[0], /^'hop\. /);
    assert.equal(seen.length, 1);
  } finally { web.close(); }
});

test('a port also listens on kdb+\'s Unix domain socket: hopen `:unix://port, one-shot and async work over it; tcps:// connects', async () => {
  const got = await client([
    `h:hopen \`:unix://${srv.port}`,
    'h "count trade"',
    '(neg h) "uds:42"',
    'h "uds"',
    `\`:unix://${srv.port} "1+1"`,
    '(-38!h)`f',
    'hclose h',
    'hopen `:unix://1',
    'hopen `:tcps://localhost:1',
  ]);
  assert.deepEqual(got.slice(0, 4), ['10000', '42', '2', '"u"']);
  assert.equal(got[4], "'hop. OS reports: Connection refused");
  assert.equal(got[5], "'hop. OS reports: Connection refused");
});

test('.Q.addr gives a host\'s IPv4 address as an int (a dotted one without a look-up); .Q.host names an address', async () => {
  const got = await client(['.Q.addr`$"127.0.0.1"', '.Q.addr`localhost', '-11h=type .Q.host 2130706433i', '.Q.addr`no.such.host.invalid', '.Q.host 1']);
  assert.deepEqual(got.slice(0, 3), ['2130706433i', '2130706433i', '1b']);
  assert.equal(got[3], "'no.such.host.invalid");
  assert.equal(got[4], "'type");
});

test('TLS: -E 1 takes TLS and plain connections on one port, -E 2 TLS only; hopen `:tcps:// checks the certificate', async () => {
  const fixtures = join(process.cwd(), 'test', 'fixtures');
  const env = { SSL_CERT_FILE: join(fixtures, 'tls-cert.pem'), SSL_KEY_FILE: join(fixtures, 'tls-key.pem') };
  const run = (lines: string[], extra: Record<string, string>) => new Promise<string[]>((res, rej) => {
    const c = spawn('node', ['bin/wasq.mjs'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...extra } });
    let out = '';
    const timer = setTimeout(() => { c.kill(); rej(new Error('client timed out: ' + out)); }, 20000);
    c.stdout!.on('data', d => { out += d; });
    c.on('exit', () => { clearTimeout(timer); res(out.replace(/\n$/, '').split('\n')); });
    c.stdin!.end(lines.join('\n') + '\n');
  });
  for (const mode of ['1', '2']) {
    const s = await startWasq(['examples/trade.q', '-E', mode], { env });
    try {
      const trusted = { SSL_CA_CERT_FILE: env.SSL_CERT_FILE };
      const got = await run([`h:hopen \`:tcps://localhost:${s.port}`, 'h "count trade"', '(neg h) "z:7"', 'h "z"', `\`::${s.port} "count .z.e"`,
        'h "`CIPHER`PROTOCOL~key .z.e"', 'h "(-26!())`SSLEAY_VERSION"'], trusted);
      assert.deepEqual(got.slice(0, 2), ['10000', '7']);
      // a plain connection: served with -E 1 (its .z.e empty), refused with -E 2
      assert.equal(got[2], mode === '1' ? '0' : "'access");
      assert.equal(got[3], '1b');
      assert.match(got[4], /^`OpenSSL /);
      // the certificate is self-signed: without its CA the handshake fails, unless told not to verify
      assert.match((await run([`hopen \`:tcps://localhost:${s.port}`], {}))[0], /^'hop\. .*self-signed/);
      assert.deepEqual(await run([`\`:tcps://127.0.0.1:${s.port} "2+2"`], { SSL_VERIFY_SERVER: 'NO' }), ['4']);
      if (mode === '2') {
        // HTTPS from .Q.hg and the raw `:https:// request honour the same variables
        const https = [`(.Q.hg "https://localhost:${s.port}/?2%2b3") like "*<pre>5*"`,
          `{(x like "HTTP/1.1 200*")&0<count x ss "<pre>5"} \`:https://localhost:${s.port} "GET /?2%2b3 HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n"`];
        assert.deepEqual(await run(https, trusted), ['1b', '1b']);
        assert.deepEqual(await run(https, { SSL_VERIFY_SERVER: 'NO' }), ['1b', '1b']);
        const untrusted = await run(https, {});
        assert.equal(untrusted.length, 2);
        for (const e of untrusted) assert.match(e, /^'hop\. .*self-signed/);
        // through a proxy, in the tunnel it opens (CONNECT)
        const asked: string[] = [];
        const proxy = createServer(c => c.once('data', d => {
          const line = d.toString('latin1').split('\r\n')[0], [host, port] = line.split(' ')[1].split(':');
          asked.push(line);
          const up = connect({ host: host === 'localhost' ? '127.0.0.1' : host, port: Number(port) }, () => { c.write('HTTP/1.1 200 Connection established\r\n\r\n'); c.pipe(up).pipe(c); });
          up.on('error', () => c.destroy());
        // (the client's side may be reset as its process ends: an unhandled reset failed the test once,
        // ECONNRESET in a fresh-clone run)
        }).on('error', () => {}));
        await new Promise<void>(r => proxy.listen(0, '127.0.0.1', r));
        try {
          const via = await run(https.slice(0, 1), { ...trusted, http_proxy: `127.0.0.1:${(proxy.address() as AddressInfo).port}` });
          assert.deepEqual([via, asked], [['1b'], [`CONNECT localhost:${s.port} HTTP/1.1`]]);
        } finally { proxy.close(); }
      }
    } finally { await s.stop(); }
  }
});

test('peach over secondary processes (-s -N and .z.pd): items go to the handles as they come free, answers in order', async () => {
  const second = await startWasq([]);
  try {
    const p = srv.port, q2 = second.port;
    const got = await client([
      '\\s -2', '\\s',
      `.z.pd:\`u#hopen each ${p},${q2}`,
      '{x*x} peach til 10',
      // both processes took items: each answer names the process that computed it
      'count distinct last each {(x;.z.i)} peach til 20',
      '{x+`a} peach 1 2',
      // .Q.fc cuts its argument in as many pieces as there are secondary processes
      '.Q.fc[{x+0*.z.i}] til 4',
      'count distinct .Q.fc[{count[x]#.z.i}] til 4',
      // with .z.pd empty (or \\s 0) peach runs here
      '.z.pd:{`u#`int$()}', '{x*2} peach 1 2 3',
      '\\s 4',
    ]);
    assert.equal(got[4], '0 1 2 3');
    assert.deepEqual([...got.slice(0, 4), ...got.slice(5)], ['-2i', '0 1 4 9 16 25 36 49 64 81', '2', "'type", '2', '2 4 6', "'limit"]);
  } finally { await second.stop(); }
});

test('h[] blocks for the next message on a handle: the deferred synchronous client of basics/ipc, and a server simulating a get from its client (kb/server-calling-client)', async () => {
  await srv.line('add:{x+y+z};proc:{neg[.z.w](add . x)};get1:{h:.z.w;neg[h]({neg[.z.w]value x};x);h[]}');
  // the answer may come before h[] is called (the pause) or after
  const got = await client([`h:hopen ${srv.port}`, 'neg[h](`proc;1 2 3);res:h[];', 'res', 'neg[h](`proc;10 20 30);system"sleep 0.3";h[]', 'h"1+1"',
    // the server sends the client an async request and reads its async answer with h[] (the client runs it while it waits)
    'home:{"/home/jack"}', 'h"get1\\"home[]\\""']);
  assert.deepEqual(got, ['6', '60', '2', '"/home/jack"']);
});

test('a server calls its client back synchronously, from .z.po and from a query the client waits on; the client serves it whether it waits or is idle (TorQ discovery, jbetz34\'s rdb)', async () => {
  await srv.line('names:();.z.po:{names,:.z.w".cfg.name"};back:{(.z.w"2+3"),x}');
  try {
    // (the pause lets .z.po's call reach the client before its first query does the server: else the server,
    // waiting on .z.po's answer, takes that query's callback for it, as kdb+ would; the protocol has no ids)
    const busy = await client([`.cfg.name:\`busy;h:hopen ${srv.port}`, 'system"sleep 0.5";', 'h"back 10 20"', 'h"last names"', 'h"(.z.w\\"(.z.w;.cfg.name)\\") 1"']);
    assert.deepEqual(busy, ['5 10 20', '`busy', '`busy']);
    // a client that is idle (its timer not yet due) serves .z.po's call when it comes
    const dir = scratch('wasq-cb-'), script = join(dir, 'idle.q');
    writeFileSync(script, `.cfg.name:\`idle;h:hopen ${srv.port}\n.z.ts:{-1 .Q.s1 h"last names";exit 0}\n\\t 300\n`);
    // (its standard input stays open, as a terminal's would: at its end the console exits)
    const idle = spawn(process.execPath, ['bin/wasq.mjs', script], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    idle.stdout!.on('data', d => { out += d; });
    const killer = setTimeout(() => idle.kill(), 20000);
    await new Promise(r => idle.on('exit', r));
    clearTimeout(killer);
    assert.equal(out.trim(), '`idle');
    // an error in the client is the server's error
    assert.deepEqual(await client([`.cfg.name:\`e;h:hopen ${srv.port}`, 'system"sleep 0.5";', 'h"@[.z.w;\\"1+`a\\";{\\"caught \\",x}]"']), ['"caught type"']);
  } finally { await srv.line('\\x .z.po'); }
});

test('`:http://host:port "request" sends the text as it is and gives the whole response, chunks joined (kb/http)', async () => {
  const { createServer: httpServer } = await import('node:http');
  const web = httpServer((req, res) => {
    let body = '';
    req.on('data', d => { body += d; });
    req.on('end', () => {
      if (req.url === '/chunked') { res.write('hel'); res.write('lo'); res.end(); return; }
      // a large answer in many chunks and packets: 3000 chunks of 1000 bytes, chunk i all of letter i mod 26
      if (req.url === '/big') {
        let i = 0;
        const more = () => { while (i < 3000) { if (!res.write(String.fromCharCode(97 + i++ % 26).repeat(1000))) { res.once('drain', more); return; } } res.end(); };
        more(); return;
      }
      res.setHeader('Content-Length', String(body.length + req.method!.length + 1));
      res.end(req.method + ' ' + body);
    });
  });
  await new Promise<void>(r => web.listen(0, '127.0.0.1', () => r()));
  const port = (web.address() as { port: number }).port;
  try {
    const got = await client([
      `r:\`:http://127.0.0.1:${port} "DELETE /x HTTP/1.1\\r\\nHost: h\\r\\n\\r\\n"`, '(r like "HTTP/1.1 200 OK*";last "\\r\\n\\r\\n" vs r)',
      `p:"hello";r:\`:http://127.0.0.1:${port} "POST /x HTTP/1.1\\r\\nHost: h\\r\\nContent-length: ",(string count p),"\\r\\n\\r\\n",p`, 'last "\\r\\n\\r\\n" vs r',
      `r:\`:http://127.0.0.1:${port} "GET /chunked HTTP/1.1\\r\\nHost: h\\r\\n\\r\\n"`, '(last "\\r\\n\\r\\n" vs r;r like "*chunked*")',
      `b:last "\\r\\n\\r\\n" vs \`:http://127.0.0.1:${port} "GET /big HTTP/1.1\\r\\nHost: h\\r\\n\\r\\n"`, '(count b;b~raze 1000#\'3000#.Q.a)',
      '`:http://127.0.0.1:1 "GET / HTTP/1.1\\r\\n\\r\\n"']);
    assert.deepEqual(got, ['1b', '"DELETE "', '"POST hello"', '"hello"', '0b', '3000000', '1b', "'hop. OS reports: Connection refused"]);
  } finally { web.close(); }
});

test('messages a server sends back are served in order before the sync reply after them; a handler may ask again (a name, a sync call) without taking the reply waited on; .z.a is the server\'s', async () => {
  const p = srv.port;
  const got = await client([
    'f:{0N!(x;y)}', `h:hopen ${p}`,
    'neg[h]"neg[.z.w](`f;1;7)"', 'h"1"', 'neg[h]"neg[.z.w](`f;2;7)"', 'h"2"',
    // an async callback whose handler looks a name up, then the sync reply waited on
    'cb:{0N!(`cb;-11h=type .Q.host 2130706433i)}', 'neg[h]"neg[.z.w](`cb;1)"', 'h"1+1"',
    // a server's sync call whose handler itself asks (it waited for its own reply, which never came)
    'g:{.Q.host 2130706433i;10}', 'h"(.z.w)\\"g[]\\""',
    'z:{0N!.z.a}', 'neg[h]"neg[.z.w](`z;1)"', 'h"3"',
  ]);
  assert.deepEqual(got, ['1 7', '1', '2 7', '2', '(`cb;1b)', '2', '10', '2130706433i', '3']);
});

test('a one-shot request with a timeout: `::[(":host:port";ms);query] (ref/hopen, since 4.0)', async () => {
  const p = srv.port;
  const got = await client([`\`::[(":localhost:${p}";1000);"2+2"]`, `\`::[(\`:127.0.0.1:${p};1000);"count trade"]`]);
  assert.deepEqual(got, ['4', '10000']);
});

test('a one-shot request under trap: .[`::;((":host:port";ms);query);h] and @[`::port;query;h] catch a refused connection (kdb-common\'s .ipc.oneShot)', async () => {
  const p = srv.port;
  const got = await client([
    `.[\`::;((":localhost:${p}";5000);"2+3");{(\`fail;x)}]`,
    '.[`::;((":localhost:1";5000);"2+3");{`fail}]',
    `@[\`::${p};"3+4";{\`fail}]`,
    '@[`::1;"3+4";{`fail}]',
  ]);
  assert.deepEqual(got, ['5', '`fail', '7', '`fail']);
});

test('a WebSocket client (kb/websockets): (handle;response) from `:ws://…, text and bytes both ways through .z.ws, .z.wc at the close', async () => {
  const ws = await startWasq([]);
  const cl = await startWasq([], { listen: false });
  try {
    await ws.line('.z.ws:{neg[.z.w] "server replied with ",$[10=type x;x;raze string x]}');
    await cl.line('got:();.z.ws:{got,:enlist x};closed:0;.z.wc:{closed::x}');
    await cl.line(`r:(\`$":ws://127.0.0.1:${ws.port}")"GET / HTTP/1.1\\r\\nHost: 127.0.0.1:${ws.port}\\r\\n\\r\\n"`);
    assert.equal(await cl.line('type first r'), '-6h\n');
    assert.equal(await cl.line('r[1] like "HTTP/1.1 101 Switching Protocols*"'), '1b\n');
    assert.equal(await cl.line('(-38!r 0)`p'), '"w"\n');
    await cl.line('neg[r 0]"test"');
    await cl.line('neg[r 0]0x010203');
    for (let i = 0; i < 100 && (await cl.line('count got')) !== '2\n'; i++) await sleep(50);
    assert.equal(await cl.line('got'), '"server replied with test"\n"server replied with 010203"\n');
    // all its messages are asynchronous; only strings and bytes go
    assert.equal(await cl.line('(r 0)"x"'), "'nyi\n");
    assert.match(await cl.line('@[neg r 0;1 2;{x}]'), /^"type"/);
    // the server closes it: .z.wc runs with the handle
    await ws.line('hclose each key .z.W');
    for (let i = 0; i < 100 && (await cl.line('closed')) === '0\n'; i++) await sleep(50);
    assert.equal(await cl.line('closed=first r'), '1b\n');
    // a refused connection is an error as usual
    assert.match(await cl.line('@[{(`$":ws://127.0.0.1:1") x};"GET / HTTP/1.1\\r\\n\\r\\n";{x}]'), /^"hop\. OS reports: Connection refused"/);
  } finally { await cl.stop(); await ws.stop(); }
});

test('a WebSocket client hears its server only through a .z.ws of its own: wasq\'s default (which evaluates a browser\'s text) never runs a server\'s message', async () => {
  const ws = await startWasq([]);
  const cl = await startWasq([], { listen: false });
  try {
    await ws.line('.z.ws:{neg[.z.w] "pwned::1"}');
    await cl.line(`r:(\`$":ws://127.0.0.1:${ws.port}")"GET / HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n"`);
    await cl.line('neg[r 0]"hello"');
    await sleep(500);
    assert.match(await cl.line('@[value;`pwned;{"undefined"}]'), /"undefined"/);
  } finally { await cl.stop(); await ws.stop(); }
});

test('on a WebSocket handle a char atom goes as one character of text, as the port sends one; neg[h][] flushes it', async () => {
  const ws = await startWasq([]);
  const cl = await startWasq([], { listen: false });
  try {
    await ws.line('.z.ws:{neg[.z.w] "got ",x}');
    await cl.line('got:();.z.ws:{got,:enlist x}');
    await cl.line(`r:(\`$":ws://127.0.0.1:${ws.port}")"GET / HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n"`);
    assert.equal(await cl.line('neg[r 0]"z";neg[r 0][]'), '');
    for (let i = 0; i < 100 && (await cl.line('count got')) !== '1\n'; i++) await sleep(50);
    assert.equal(await cl.line('got'), '"got z"\n');
  } finally { await cl.stop(); await ws.stop(); }
});

// The workbench page in a real browser (Debian's chromium, driven by playwright-core): paste trade.q,
// run it, explore and sort the table, query, fail, interrupt, chart — as a user would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { servePage, launch } from './browser.js';

const SHOTS = 'e2e/artifacts';
let server: Server, browser: Browser, page: Page, url = '';

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ({ url, server } = await servePage());
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
});
after(async () => { await browser?.close(); server?.close(); });

const consoleText = () => page.locator('#console').innerText();
async function typeLine(q: string) {
  const before = (await page.locator('#console > div').count());
  await page.fill('#line', q);
  await page.press('#line', 'Enter');
  await page.waitForFunction(n => document.querySelectorAll('#console > div').length > n, before);
}

test('the page starts, and trade.q pasted into the editor runs as in the command line', async () => {
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForSelector('body[data-ready="1"]');
  // the worker runs the same kernels.wasm as the server, on shared memory (the page is cross-origin isolated)
  assert.equal(await page.evaluate(() => (globalThis as any).wasq.kernels()), true);
  assert.equal(await page.evaluate(() => (globalThis as any).wasq.evaluate("sum 1000000#1.5").then((o: any[]) => o[o.length - 1].text)), "1500000f");
  console.log(`navigation to ready editor and worker: ${Date.now() - t0} ms; cross-origin isolated: ${await page.evaluate(() => crossOriginIsolated)}`);
  await page.click('#editor .cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(readFileSync('examples/trade.q', 'utf8'));
  await page.click('#runall');
  await page.waitForFunction(() => document.getElementById('console')!.innerText.includes('10000'));
  const text = await consoleText();
  assert.match(text, /`trade\n[\s\S]*\n6\n[\s\S]*\n10000/);
  await page.screenshot({ path: `${SHOTS}/1-trade-loaded.png` });
});

test('the explorer lists trade, scrolls to its last row and sorts by price', async () => {
  await page.click('#vars tr[data-name="trade"]');
  await page.waitForSelector('.grid-row');
  await page.evaluate(() => (globalThis as any).wasq.grid().scrollTo(9999));
  await page.waitForSelector('.grid-row[data-row="9999"]');
  await page.screenshot({ path: `${SHOTS}/2-explorer-last-row.png` });
  await page.click('.grid-head span:text-is("price")');
  await page.waitForFunction(() => document.getElementById('viewname') && (globalThis as any).wasq.grid().total === 10000);
  await page.evaluate(() => (globalThis as any).wasq.grid().scrollTo(0));
  await page.waitForSelector('.grid-row[data-row="0"]');
  const prices = await page.$$eval('.grid-row', rows => rows.slice(0, 5).map(r => Number(r.children[1].textContent)));
  assert.deepEqual(prices, [...prices].sort((a, b) => a - b), 'rows come sorted by price');
  await page.screenshot({ path: `${SHOTS}/3-sorted-by-price.png` });
});

test('a query shows its keyed table, a bad line its q error, and globals survive', async () => {
  await typeLine('weekrollup 1998.02.28 1998.03.31');
  assert.match(await consoleText(), /stock\s+week\s+\| date\s+date1\s+price/);
  await typeLine('1+`a');
  assert.equal(await page.locator('#console > div.err').last().innerText(), "'type");
  // and under it the frame, with a caret under the primitive that failed, as kdb+ prints it
  assert.equal(await page.locator('#console > div.trace').last().innerText(), '  [0]  1+`a\n        ^');
  await typeLine('count trade');
  assert.match(await consoleText(), /\n10000$/);
  // the tutorials' \l sp.q finds wasq's own, as the server's \l does
  await typeLine('\\l sp.q');
  await typeLine('exec sum qty by s.city from sp');
  assert.match(await consoleText(), /london\| 2200\nparis \| 900$/);
  await page.screenshot({ path: `${SHOTS}/4-query-and-error.png` });
});

test('a timer (\\t N) runs .z.ts between queries and its output shows in the console', async () => {
  await typeLine('ticks:0; .z.ts:{ticks+:1; -1 "tick ",string ticks}');
  await typeLine('\\t 100');
  await page.waitForFunction(() => /tick 3/.test(document.getElementById('console')!.textContent!), undefined, { timeout: 10000 });
  await typeLine('\\t 0');
  await typeLine('\\t');
  assert.match(await consoleText(), /\n0$/);
});

test('Stop interrupts a runaway query and the session keeps working', async () => {
  await page.fill('#line', 'do[1000000000;a:1]');
  await page.press('#line', 'Enter');
  await page.waitForFunction(() => /running/.test(document.getElementById('status')!.textContent!));
  await page.click('#stop');
  await page.waitForFunction(() => !/running/.test(document.getElementById('status')!.textContent!), undefined, { timeout: 20000 });
  await typeLine('count trade');
  assert.match(await consoleText(), /\n10000$/, 'the globals survived the interrupt');
});

test('a result charts with one click', async () => {
  await page.evaluate(() => (globalThis as any).wasq.open('select sum amount by date from trade'));
  await page.click('#line-chart');
  await page.waitForSelector('#chart canvas');
  await page.screenshot({ path: `${SHOTS}/5-chart.png` });
});

test('remote mode: the page runs a query on a wasq server over WebSocket and shows its answer', async () => {
  const { spawn } = await import('node:child_process');
  const srv = spawn('node', ['bin/wasq.mjs', 'examples/trade.q', '-p', '0W'], { stdio: ['pipe', 'pipe', 'pipe'] });
  try {
    const port = await new Promise<number>(res => { let e = ''; srv.stderr!.on('data', d => { e += d; const m = /listening on [^:]+:(\d+)/.exec(e); if (m) res(Number(m[1])); }); });
    await page.fill('#remote-url', `ws://127.0.0.1:${port}/`);
    await page.click('#connect');
    await page.waitForFunction(() => document.getElementById('connect')!.textContent === 'Disconnect');
    await typeLine('count trade');
    await typeLine('select avg price by stock from trade');
    const txt = await consoleText();
    assert.match(txt, /q\)count trade\s*\n10000\s*\nq\)select avg price by stock from trade\s*\nstock\s+\| price\s*\n-+\| -+\s*\nAirFrance/);
    await page.screenshot({ path: `${SHOTS}/6-remote.png` });
    await page.click('#connect');
  } finally { srv.kill(); }
});

test('opened from the server that npm start runs, the page starts on the same trade.q', async () => {
  const { spawn } = await import('node:child_process');
  const srv = spawn('node', ['bin/wasq.mjs', 'examples/trade.q', '-p', '0W'], { stdio: ['pipe', 'pipe', 'pipe'] });
  // a fresh browser context: nothing saved from the other tests (a first visit)
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const port = await new Promise<number>(res => { let e = ''; srv.stderr!.on('data', d => { e += d; const m = /listening on [^:]+:(\d+)/.exec(e); if (m) res(Number(m[1])); }); });
    const p = await ctx.newPage();
    await p.goto(`http://127.0.0.1:${port}/wasq/`);
    await p.waitForSelector('body[data-ready="1"]');
    await p.waitForSelector('#vars tr[data-name="trade"]');
    assert.equal(await p.evaluate(() => (globalThis as any).wasq.evaluate('count trade').then((o: any[]) => o[o.length - 1].text)), '10000');
    assert.match(await p.locator('#console').innerText(), /trade\.q, the script the server started on/);
    assert.equal(await p.evaluate(() => document.querySelector('#editor .cm-content')!.textContent!.includes('weekrollup')), true);
    await p.screenshot({ path: `${SHOTS}/6b-from-server.png` });
  } finally { await ctx.close(); srv.kill(); }
});

test('an error in the editor is marked where it happened', async () => {
  await page.click('#editor .cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText('ok:1\nnot ok:(1;2\n');
  await page.click('#runall');
  await page.waitForSelector('.cm-q-error');
  assert.match(await page.locator('.cm-q-error').first().innerText(), /./);
  await page.screenshot({ path: `${SHOTS}/7-error-marked.png` });
});

test('the explorer scrolls to the last row of a ten-million-row table', async () => {
  await typeLine('big:([]a:til 10000000;b:10000000#`x`y`z)');
  await page.evaluate(() => (globalThis as any).wasq.open('big'));
  await page.waitForSelector('.grid-row');
  const t0 = Date.now();
  await page.evaluate(() => (globalThis as any).wasq.grid().scrollTo(9999999));
  await page.waitForSelector('.grid-row[data-row="9999999"]');
  console.log(`scroll to row 9,999,999: ${Date.now() - t0} ms`);
  assert.equal(await page.locator('.grid-row[data-row="9999999"] span').first().innerText(), '9999999');
  await page.screenshot({ path: `${SHOTS}/8-ten-million-rows.png` });
});

test('a CSV file chosen in the page becomes a table, is there for 0:, and survives a reload', async () => {
  await page.setInputFiles('#file', { name: 'prices.csv', mimeType: 'text/csv', buffer: Buffer.from('sym,px,qty,day\nab,1.5,10,2024-01-02\ncd,2.25,20,2024-01-03\n') });
  await page.waitForSelector('#vars tr[data-name="prices"]');
  await typeLine('meta prices');
  assert.match(await consoleText(), /sym\s*\| s\s*\npx\s*\| f\s*\nqty\s*\| j\s*\nday\s*\| d/);
  await typeLine('count read0 `:prices.csv');
  assert.match(await consoleText(), /\n3$/);
  await page.reload();
  await page.waitForSelector('body[data-ready="1"]');
  await typeLine('count read0 `:prices.csv');
  assert.match(await consoleText(), /\n3$/, 'the file is still there after a reload');
  await typeLine('read0 `:../outside');
  assert.match(await consoleText(), /'/, 'a path outside the store is an error');
});

test('kdb+ files in the page: a splayed and a partitioned database survive a reload, a table downloads as a kdb+ file and a kdb+ file dropped in loads', async () => {
  await typeLine('pg:([]sym:`a`b`a;px:1.5 2.5 3.5)');
  await typeLine('`:pdb/pg/ set .Q.en[`:pdb] pg');
  await typeLine('{pt::([]sym:`x`y;n:1 2); .Q.dpft[`:phdb;x;`sym;`pt]} each 2024.01.01 2024.01.02');
  await page.reload();
  await page.waitForSelector('body[data-ready="1"]');
  await typeLine('\\l pdb');
  await typeLine('select from pg where px>2');
  assert.match(await consoleText(), /\nb\s+2.5\s*\na\s+3.5\s*$/);
  await typeLine('\\l phdb');
  await typeLine('select from pt where date=2024.01.02');
  assert.match(await consoleText(), /\n2024.01.02 x\s+1\s*\n2024.01.02 y\s+2\s*$/);
  // the kdb+ button gives the bytes `set` writes, which get reads back
  await page.evaluate(() => (globalThis as any).wasq.open('select from pt'));
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#kdb')]);
  const bytes = readFileSync((await download.path())!);
  const { decodeFile } = await import('../q/prims/kfile.js');
  const t = decodeFile(new Uint8Array(bytes), 'download') as any;
  assert.deepEqual(t.c, ['date', 'sym', 'n']);
  // a kdb+ data file chosen in the page becomes a global
  const { encodeFile } = await import('../q/prims/kfile.js');
  const file = encodeFile({ t: 7, d: BigInt64Array.of(5n, 6n, 7n), a: 0 } as any);
  await page.setInputFiles('#file', { name: 'nums', mimeType: 'application/octet-stream', buffer: Buffer.from(file) });
  await page.waitForSelector('#vars tr[data-name="nums"]');
  await typeLine('sum nums');
  assert.match(await consoleText(), /\n18$/);
  // zstd is written in the page too (its encoder's WebAssembly loads with the worker)
  await typeLine('(`:pz;17;5;3) set til 100000');
  await typeLine('((-21!`:pz)`algorithm;get[`:pz]~til 100000)');
  assert.match(await consoleText(), /\n5i\n1b$/);
});

// Bad input answers a q error and changes nothing else: the session keeps running and keeps its globals.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeSession } from './q.js';
import { spawnSync } from 'node:child_process';

const BAD = [
  'til -1', '10000000000#0', '-10000000000#0', '1+`a', '(1;2', '{', '"abc', ')', ']', '}', '1 2+1 2 3',
  '`a+1', "'`custom", "'\"text\"", 'undefinedname', '{x}[1;2]', '{[a;b]a+b}[1;2;3]', '.[+;1 2 3]',
  '@[1;2;3;4;5]', '"a"+"b"', 'til `a', 'til 1.5', 'count[1;2]', 'x:', '1 2 3[', '`a`b!1 2 3',
  '([]a:1 2;b:1 2 3)', 'flip 1 2!3 4', 'neg`a', 'do[`a;1]',
  'while[`a;1]', 'if[1 2;3]', '1 2 3 4 5 6 7 8 9[10;11]', 'a b c d', '.z.nonexistent', '`:no/such/file 0: ()',
  '0x0g', '\\nosuchcommand', '\\c -1 -1', '\\P -3', '{a;b;c}[]',
  'parse"1+("', '`s#3 2 1', '`u#1 1', '1 2 3 rotate`a',
  // (asof of what is not a table, or by what is neither a table nor a dictionary of named values)
  '"abc" asof 0x01', '(`a`b!1 2) asof `a`b!1 2', 't asof 1', 't asof 1 2!3 4', '(asof\':)[t;enlist 1]',
];

test('every bad input gives a q error and the globals survive', () => {
  const { q } = makeSession();
  q('keep:42; t:([]a:1 2 3); f:{x*2}');
  for (const src of BAD) {
    let out = '';
    assert.doesNotThrow(() => { out = q(src); }, `input ${src} threw`);
    assert.ok(out.startsWith("'"), `input ${src} gave ${out}`);
    assert.ok(!out.includes('internal:'), `input ${src} escaped as a JavaScript error: ${out}`);
    assert.equal(q('keep'), '42', `keep changed after ${src}`);
    assert.equal(q('f 21'), '42', `f changed after ${src}`);
  }
  assert.equal(q('count t'), '3');
});

test('errors are signalled with kdb+ names', () => {
  const { q } = makeSession();
  assert.equal(q('til -1'), "'domain");
  assert.equal(q('1 2+1 2 3'), "'length");
  assert.equal(q('1+`a'), "'type");
  assert.equal(q('{x}[1;2]'), "'rank");
  assert.equal(q('nosuch'), "'nosuch");
  assert.equal(q("'`custom"), "'custom");
  assert.equal(q('{\'"err"}[]'), "'err");
});

test('a vector larger than wasm memory can hold is a \'wsfull, not a fault inside a kernel', () => {
  const { q } = makeSession();
  q('keep:42');
  // 4.8 GB of longs: past the 4 GB the kernels' 32-bit memory holds (its sizes once wrapped to small ones)
  assert.equal(q('til 600000000'), "'wsfull");
  assert.equal(q('keep'), '42');
  assert.equal(q('count til 1000000'), '1000000');
});

test('a converge that only grows ends in \'wsfull before the engine\'s own heap runs out, and the process goes on', () => {
  // (a general list doubling: its items live on the engine's heap, not in the kernels' memory)
  const r = spawnSync('node', ['--max-old-space-size=400', 'bin/wasq.mjs'], { input: 'a:1\n{x,x} scan (1;`a)\na+1\n', encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.stdout, "'wsfull\n2\n");
  assert.equal(r.status, 0);
});

test('a repeat that only grows ends in \'wsfull too, and the process goes on', () => {
  const r = spawnSync('node', ['--max-old-space-size=400', 'bin/wasq.mjs'], { input: 'a:1\nr:0W (string)\\ neg\na+1\n', encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.stdout, "'wsfull\n2\n");
  assert.equal(r.status, 0);
});

test('a while that never ends, collecting one item over and over, is \'wsfull before a JavaScript array outgrows what the engine allows (it ended the process)', () => {
  // (any (::)\x applies :: while any x: each item is the same list, so the heap holds little but the array)
  const r = spawnSync('node', ['bin/wasq.mjs'], { input: 'a:1\nany (::)\\ 1 2e\na+1\n', encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.stdout, "'wsfull\n2\n");
  assert.equal(r.status, 0);
});

test('text longer than the engine\'s longest string is \'wsfull, and the process goes on (.j.j of 600 million characters filled the heap and ended it)', () => {
  // (UTF-8 or not: bytes that are not are made text a block at a time, not a character at a time)
  const r = spawnSync('node', ['bin/wasq.mjs'], { input: 'a:1\n.j.j 600000000#"a"\n.j.j 300000000#"\\377a"\na+1\n', encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.stdout, "'wsfull\n'wsfull\n2\n");
  assert.equal(r.status, 0);
});

test('memory a lambda\'s earlier calls dropped is reused by the later ones: each over many large temporaries fits in -w', () => {
  // 100 calls of 8 MB each under a 200 MB limit (the cookbook's buildhdb.q: day each til nd ran out)
  const r = spawnSync('node', ['bin/wasq.mjs', '-w', '200'], { input: 'r:{sum x?1.0} each 100#1000000\ncount r\n', encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.stdout, '100\n');
});

test('millions of new rows past the engine\'s heap are \'wsfull, and the session goes on with its data (the engine ended the process)', () => {
  // a small heap for the engine, so that two million-row matrices do not fit: the first is made, the
  // second is refused before its rows are, and the first is still there
  const input = 'b:0N 2#til 2000000\ncount b\nc:0N 2#til 2000000\nd:2 cut til 2000000\ne:string til 1000000\nf:flip (til 1000000;til 1000000)\ncount b\nb 999999\n';
  const r = spawnSync(process.execPath, ['--max-old-space-size=300', 'bin/wasq.mjs'], { input, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr.slice(0, 300));
  assert.equal(r.stdout.replace(/\n  \[0\][^\n]*\n[^\n]*\^/g, ''), "1000000\n'wsfull\n'wsfull\n'wsfull\n'wsfull\n1000000\n1999998 1999999\n");
  // and maps over millions of items, and millions of groups (each polls as the folds do)
  const maps = ['enlist each til 3000000', '{x,x} each til 3000000', "til[3000000],'1", '1 2 3,/:til 3000000', '{(x;y)}\\:[til 3000000;1]', 'group til 3000000'];
  const r2 = spawnSync(process.execPath, ['--max-old-space-size=300', 'bin/wasq.mjs'], { input: 'k:til 10\n' + maps.map(m => `a:${m}\n`).join('') + 'sum k\n', encoding: 'utf8' });
  assert.equal(r2.status, 0, r2.stderr.slice(0, 300));
  assert.equal(r2.stdout.replace(/\n  \[0\][^\n]*\n[^\n]*\^/g, ''), "'wsfull\n".repeat(maps.length) + '45\n');
});

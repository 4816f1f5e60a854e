// q text is bytes: names and strings that are not UTF-8 keep their bytes through JavaScript text
// (q/value/utf8.ts), and two different byte strings stay two different names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bytesName, nameBytes } from '../../q/value/utf8.js';
import { makeSession } from '../q.js';

test('bytes to text and back lose nothing, UTF-8 or not', () => {
  const cases = [[0x5a, 0xfc, 0x72], [0xc3, 0xbc], [0xe9, 0xe9], [0xe6, 0xa6, 0x99], [0xf0, 0x9f, 0x98, 0x80, 0xff], [0xef, 0xbb, 0xbf, 0x61], [0xed, 0xa0, 0x80], [0xc3], []];
  for (const c of cases) assert.deepEqual(Array.from(nameBytes(bytesName(Uint8Array.from(c)))), c, `bytes ${c}`);
  // valid UTF-8 reads as its characters; a byte that is not stays apart from them
  assert.equal(bytesName(Uint8Array.of(0xc3, 0xbc)), 'ü');
  assert.notEqual(bytesName(Uint8Array.of(0xfc)), 'ü');
  assert.deepEqual(Array.from(nameBytes('香蕉')), [0xe9, 0xa6, 0x99, 0xe8, 0x95, 0x89]);
});

test('long bytes that are not all UTF-8 read as the same text in blocks: a sequence across a block\'s end, a kept byte, a pair of surrogates', () => {
  // (the text is made 8192 UTF-16 units at a time; these pieces of 1 to 5 bytes fall across each boundary)
  const pieces = [[0x61], [0xff], [0xc3, 0xa9], [0xe9, 0xa6, 0x99], [0xf0, 0x9f, 0x98, 0x80], [0xc3], [0x80, 0x62]];
  let seed = 7;
  for (const n of [8191, 8192, 8193, 20000, 100000]) {
    const bytes: number[] = [];
    while (bytes.length < n) { seed = (seed * 1103515245 + 12345) >>> 0; bytes.push(...pieces[seed % pieces.length]); }
    const b = Uint8Array.from(bytes), s = bytesName(b);
    assert.deepEqual(Array.from(nameBytes(s)), bytes, `${n} bytes round trip`);
    // no sequence holds an ASCII byte: cut there, the short parts' texts (each made in one block) joined
    // are the whole's
    let whole = '', from = 0;
    for (let i = 0; i <= b.length; i++) if (i === b.length || b[i] < 0x80) { whole += bytesName(b.subarray(from, i + 1)); from = i + 1; }
    assert.equal(s, whole, `${n} bytes as text`);
  }
});

test('a symbol is its bytes: `$ of a Latin-1 string, string of it, IPC and files keep them', () => {
  const { q } = makeSession();
  assert.equal(q('(`$"\\351")=`$"\\303\\251"'), '0b');
  assert.equal(q('string `$"\\351\\351"'), '"\\351\\351"');
  assert.equal(q('string `$"a\\351"'), '"a\\351"');
  assert.equal(q('-8!`$"\\351"'), '0x010000000b000000f5e900');
  assert.equal(q('string -9!-8!`$"a\\351"'), '"a\\351"');
  assert.equal(q('(`$"\\351")~-9!-8!`$"\\351"'), '1b');
  assert.equal(q('string first `$enlist "\\374"'), ',"\\374"');
  // (a char atom past ASCII is one byte, no UTF-8 of its own)
  assert.equal(q('string `$("\\351";"x")'), '"\\351x"');
});

test('a byte kept in a name is one column wide in the console, as kdb+ counts bytes', () => {
  const { q } = makeSession();
  assert.equal(q('([]a:`$("\\351";"bc");b:1 2)'), 'a  b\n----\n\udce9  1\nbc 2');
  assert.equal(q('(`$("\\351\\351";"x"))!1 2'), '\udce9\udce9| 1\nx | 2');
});

test('.j.j writes a string\'s or a symbol\'s bytes as they are, as kdb+ does; .j.k reads them back', () => {
  const { q } = makeSession();
  assert.equal(q('.j.j `$"\\351"'), '"\\"\\351\\""');
  assert.equal(q('.j.j `a`b!(`$"\\351";"x\\\\udce9")'), '"{\\"a\\":\\"\\351\\",\\"b\\":\\"x\\\\\\\\udce9\\"}"');
  assert.equal(q('.j.k .j.j `$"a\\351"'), '"a\\351"');
});

test('symbols order by their bytes, as kdb+ compares them: asc, iasc, <, within, s# and bin, short and long', () => {
  const { q } = makeSession();
  q('s:`$("\\377";"\\303\\277";"a";"\\357\\274\\201";"\\360\\237\\230\\200";"\\200";"Z")');
  // Z a, then the byte 0x80 alone, then ÿ (C3 BF), ！ (EF BC 81), 😀 (F0 9F 98 80), and 0xFF alone
  assert.equal(q('iasc s'), '6 2 5 1 3 4 0');
  assert.equal(q('(iasc 4998#s)~raze {x+7*til 714}each 6 2 5 1 3 4 0'), '1b');
  assert.equal(q('(`$enlist "\\200")<`$"\\303\\277"'), '1b');
  assert.equal(q('(`$"\\357\\274\\201")<`$"\\360\\237\\230\\200"'), '1b');
  assert.equal(q('s within `$(enlist "\\200";enlist "\\377")'), '1101110b');
  assert.equal(q('(`s#asc s) bin `$"\\303\\277"'), '3');
});

// The console shows a long vector or list from its first items only: what it shows must be exactly the
// first line (cut with '..') or rows of the whole value's form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeSession } from '../q.js';
import { s1 } from '../../q/format/console.js';

test('a long vector shows the cut of its whole one-line form, whatever its type', () => {
  const { q, session } = makeSession();
  for (const v of ['5000?100f', '5000#1.5 2', '5000?0b', '5000?0x0f', '5000#`ab`c', '`s#til 5000', '5000?2000.01.01', '`sym$5000#sym:`x`y', '5000#"ab"', '(4999#1f),0n']) {
    q(`v:${v}`);
    const full = s1(session.value('v').v, 7);
    const shown = q('v');
    assert.equal(shown, full.length > 79 ? full.slice(0, 77) + '..' : full, v);
  }
});

test('a long list shows its first rows as the whole list would', () => {
  const { q } = makeSession();
  q('l:5000#(1 2;3 4)');
  const lines = q('l').split('\n');
  assert.equal(lines.length, 23);
  assert.equal(lines[22], '..');
  assert.deepEqual(lines.slice(0, 22), Array.from({ length: 22 }, (_, i) => i % 2 ? '3 4' : '1 2'));
  q('m:5000#(1;`a)');
  assert.deepEqual(q('m').split('\n').slice(0, 3), ['1', '`a', '1']);
});

test('strings show bytes past ASCII as octal escapes, as kdb+\'s console does; \\ooo in a literal is one byte', () => {
  const { q } = makeSession();
  assert.equal(q('"香蕉"'), '"\\351\\246\\231\\350\\225\\211"');
  assert.equal(q('count "香蕉"'), '6');
  assert.equal(q('"\\351\\246\\231\\350\\225\\211"~"香蕉"'), '1b');
  assert.equal(q('count "\\351"'), '1');
  assert.equal(q('`$"香蕉"'), '`香蕉');
  assert.equal(q('-1 "香蕉";'), '香蕉\n');
});

test('a boolean vector beside a general list of its length shows in the grid, cells bare', () => {
  const { q } = makeSession();
  assert.equal(q('(2 3 4;(5; 6 7;8)) within 3 6'), '0  1   1 \n1b 10b 0b');
  assert.equal(q('(101b;010b)'), '101b\n010b');
});

test('an empty general list indexed out of range gives an empty list (.z.x 0 with no arguments, ChangesIn2.5)', () => {
  const { q } = makeSession();
  assert.equal(q('()0'), '()');
  assert.equal(q('`something ^ `$()0'), '`symbol$()');
  assert.equal(q('(`a;1)5'), '`');
});

test('a deep chain of one-item lists shows as a run of commas, without a call per level', () => {
  const { q } = makeSession();
  q('a:100000{enlist x}/1');
  // (-3! cuts at the console's width, 80: the chain is still made whole first)
  assert.equal(q('(-3!a)~(77#","),".."'), '1b');
  assert.equal(q('-3!3{enlist x}/1'), '",,,1"');
});

test('dates out of the range 0001.01.01 to 9999.12.31 show as 0000.00.00 (basics/datatypes)', () => {
  const { q } = makeSession();
  assert.equal(q('(0001.01.01-1;9999.12.31+1;0001.01.01;9999.12.31)'), '0000.00.00 0000.00.00 0001.01.01 9999.12.31');
  assert.equal(q('"z"$0001.01.01-1'), '0000.00.00T00:00:00.000');
});

test('-3! and .Q.s1 are cut at the console width as kdb+ cuts them (basics/funsql: .Q.s1 depends on the console size)', () => {
  const { q } = makeSession();
  assert.equal(q('count .Q.s1 til 100'), '79');
  assert.equal(q('-2#-3!til 100'), '".."');
  q('\\c 25 400');
  assert.equal(q('count -3!til 100'), '289');
  assert.equal(q('-3!til 5'), '"0 1 2 3 4"');
});

test('a long list of dictionaries shows its first ones as a table when their keys agree, though later ones differ', () => {
  // qbists' allthatjazz essay: a 0h list of track dictionaries shows as a table, cut with ..
  const { q } = makeSession();
  q('y:{$[x<29;`a`b!(x;2);`a`c!5 6]}each til 30');
  assert.equal(q('type y'), '0h');
  q('\\c 10 80');
  assert.equal(q('y'), 'a b\n---\n0 2\n1 2\n2 2\n3 2\n4 2\n..');
  // all shown: each dictionary on its line
  assert.equal(q('-2#y'), '`a`b!28 2\n`a`c!5 6');
});

test('a table column of numeric vectors of one count lines their items up, as a matrix does', () => {
  // learn/python/examples/dict's grades.q: the lab column shows 80   80 under 69   44.56
  const { q } = makeSession();
  assert.equal(q('([]n:1 2 3;lab:(78.2 77.2;80 80;69 44.56))'), 'n lab       \n------------\n1 78.2 77.2 \n2 80   80   \n3 69   44.56');
  // counts that differ keep each cell as it is
  assert.equal(q('([]a:(1 2;100 3;4 5 6))'), 'a    \n-----\n1 2  \n100 3\n4 5 6');
});

test('a dictionary shows the nulls of vector keys and values blank, as table columns do; a general list keeps 0N', () => {
  // q4m's `a1`a2`a3#`a1`a3!1 3 shows a2|; psaris' notes show 0n 5 50 100!… with a blank key; kb/faq's
  // row of a table of mixed types shows price| 0n
  const { q } = makeSession();
  assert.equal(q('`a1`a2`a3#`a1`a3!1 3'), 'a1| 1\na2| \na3| 3');
  assert.equal(q('0n 5 50 100!.001 .005 .01 .02'), '   | 0.001\n5  | 0.005\n50 | 0.01\n100| 0.02');
  assert.equal(q('`stock`price!(`;0n)'), 'stock| `\nprice| 0n');
});

test('a grid row that is a matrix (numeric vectors of one count) lines its columns up; other rows show their items as they are', () => {
  const { q } = makeSession();
  // q4m's Lists notebook (kdb+ 3.6)
  assert.equal(q('(1 2 3;(10 20;100 200;1000 2000))'), '1         2         3        \n10   20   100  200  1000 2000');
  // basics/atomic and ref/lsq: vectors of different counts, and a one-row matrix, as they are
  assert.equal(q('(2; 3 4) + ((5 6; 7 8 9); (10; 11 12))'), '7 8 9 10 11\n13  15 16  ');
  assert.equal(q('(enlist -33 37.6;enlist 7 -22.4 12)'), '-33 37.6  \n7 -22.4 12');
});

test('vectors all empty are a grid of no columns: each shows as a blank line (ref/take, since 3.3: 2 0N#0#0); among others each keeps its form', () => {
  const { q } = makeSession();
  assert.equal(q('2 0N#0#0'), '\n');
  assert.equal(q('.Q.s 2 0N#0#0'), '"\\n\\n"');
  assert.equal(q('(0#`;0#`)'), '\n');
  assert.equal(q('(10 0N)#(),10'), '`long$()\n'.repeat(9) + ',10');
  // general lists and strings keep theirs
  assert.equal(q('(();())'), '()\n()');
  assert.equal(q('("";"")'), '""\n""');
});

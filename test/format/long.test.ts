// The console shows a long vector or list from its first items only: what it shows must be exactly the
// first line (cut with '..') or rows of the whole value's form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeSession } from '../q.js';
import { s1, cut } from '../../q/format/console.js';
import type { Q } from '../../q/value/value.js';

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

test('a long vector of longs, ints, shorts or floats has the one-line form its items have one by one', () => {
  const { q, session } = makeSession();
  // (each item's text is its atom's without the type letter; the vector's letter follows the last)
  const bare = (s: string) => s.replace(/[ihf]$/, '');
  const cases: [string, string, (texts: string[]) => string][] = [
    ['((300?200000)-100000),0N 0W -0W,9007199254740991 -9007199254740991 9007199254740993 -9007199254740993 123456789012345678', '', () => ''],
    ['((300?2000000000i)-1000000000i),0N 0W -0Wi,2147483646 -2147483646i', 'i', () => 'i'],
    ['(`short$(300?20000)-10000),0N 0W -0Wh,32766 -32766h', 'h', () => 'h'],
    ['(300?1000)-500f', 'f', t => t.every(s => !/[.enw]/.test(s)) ? 'f' : ''],
    ['(-5+300?10.0),0n 0w -0w,-0 0 1e300 -1e-300 123456789.5 1e15 0.0001 5e-324', 'f', t => t.every(s => !/[.enw]/.test(s)) ? 'f' : ''],
    ['(300?1000)%8', 'f', t => t.every(s => !/[.enw]/.test(s)) ? 'f' : ''],
    // (whole numbers but for an infinity, or for one shown with an exponent: no f)
    ['((300?1000)-500f),0w', 'f', t => t.every(s => !/[.enw]/.test(s)) ? 'f' : ''],
    ['((300?1000)-500f),1e15', 'f', t => t.every(s => !/[.enw]/.test(s)) ? 'f' : ''],
  ];
  for (const P of [7, 0, 3, 12, 17]) {
    q(`\\P ${P}`);
    for (const [src, , suffix] of cases) {
      q(`v:${src}`);
      const v = session.value('v').v, n = Number(q('count v'));
      const texts = Array.from({ length: n }, (_, i) => bare(s1(session.value(`v ${i}`).v, P)));
      assert.equal(s1(v, P), texts.join(' ') + suffix(texts), `${src} at \\P ${P}`);
    }
  }
});

test('-3!, .Q.s1 and 0N! of a long list make its text from its first items only, and cut it as the whole text would be cut', () => {
  const { q, session } = makeSession();
  const values = ['til 50000000', '2000000?1.0', '(til 1000000;`a`b)', '`a`b!(til 1000000;1000000#"x")', '([]a:til 1000000;b:1000000#`x)',
    '`s#til 1000000', '1000000#(1 2;3 4)', '{x+y}[til 1000000]', '"abc"', '1 2 3f', '(til 30;1)', 'enlist til 1000000', '1000000#0N 1 2i'];
  for (const cols of [80, 12, 200]) {
    q(`\\c 25 ${cols}`);
    for (const src of values) {
      q(`v:${src}`);
      // (the whole text of til 50000000 begins as that of til 1000 does, and it is not made here either)
      const whole = s1(src === 'til 50000000' ? session.value('til 1000').v : session.value('v').v, 7);
      const want = cut(whole, cols) + '\n';
      assert.equal(q('-1 (-3!v);'), want, `-3!${src} at width ${cols}`);
      assert.equal(q('-1 .Q.s1 v;'), want, `.Q.s1 ${src} at width ${cols}`);
      assert.equal(q('0N!v;'), want, `0N!${src} at width ${cols}`);
    }
    // the console shows a general list's items one a line, each cut as its whole one-line form would be
    for (const src of ['(til 1000000;`a`b)', '(1000000?1.0;"abc";til 5)', '(`a`b!(til 1000000;1);2)']) {
      q(`v:${src}`);
      const lines = (session.value('v').v as { d: Q[] }).d.map(e => cut(s1(e, 7), cols));
      assert.equal(q('v'), lines.join('\n'), `${src} shown at width ${cols}`);
    }
  }
});

test('a table\'s cell shows a vector without its type letter but with its nulls and infinities (1 0n, 1 0w)', () => {
  const { q } = makeSession();
  assert.equal(q('([]a:(1 0n;2 3.5))'), 'a    \n-----\n1 0n \n2 3.5');
  assert.equal(q('([]a:(1 0w;2 -0w))'), 'a    \n-----\n1 0w \n2 -0w');
  assert.equal(q('([]a:(1 2f;3 4.5))'), 'a    \n-----\n1 2  \n3 4.5');
  assert.equal(q('([]a:(1 0N;2 3i))'), 'a   \n----\n1 0N\n2 3 ');
});

test('tables and dictionaries with long lists in their cells show, at one width, the cut of what a wider console shows', () => {
  const { q } = makeSession();
  const values = ['([]a:(til 1000000;1 2);b:`x`y)', '([]a:(1 0n;2 3.5);b:(til 100000;1))', '([k:(til 100000;1 2)]v:1 2)', '`a`b!(til 100000;(1;til 100000))',
    '([]a:("abc";200000#"x"))', '(til 100000;`a`b)!1 2', '([]k:(til 100000;1 2))!3 4', '([]a:(1000 0n;1 2 3f);b:(`a`b!(til 5000;2);3))'];
  for (const src of values) {
    q(`v:${src}`);
    for (const [wide, narrow] of [[2000, 80], [300, 40], [120, 20]]) {
      q(`\\c 25 ${wide}`);
      const shownWide = q('v');
      q(`\\c 25 ${narrow}`);
      assert.equal(q('v'), shownWide.split('\n').map(l => cut(l, narrow)).join('\n'), `${src} at ${wide} and ${narrow}`);
    }
  }
});

// The primitives that hand long vectors to the wasm loops (arithmetic, comparison, cast, til) must give
// what the same primitive gives item by item, where each call takes the TypeScript path: the two paths
// are compared on vectors long enough for the kernels, with nulls, infinities, ties and overflow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeSession } from '../q.js';

const N = 5000;
function setup() {
  const { q } = makeSession();
  // longs, ints and floats with nulls and infinities at random places, and values that overflow when added
  q(`j:(-50+${N}?100),0N 0W -0W 9223372036854775000 -9223372036854775000; j:j neg[${N}]?count j`);
  q(`k:(-50+${N}?100),0N 0W -0W 9223372036854775000 -9223372036854775000; k:k neg[${N}]?count k`);
  q(`i:(-50i+${N}?100i),0Ni 0Wi -0Wi 2147483000i; i:i neg[${N}]?count i`);
  q(`m:(-50i+${N}?100i),0Ni 0Wi -0Wi 2147483000i; m:m neg[${N}]?count m`);
  q(`f:(-50+${N}?100f),0n 0w -0w 2.5 -2.5 0.5 1e30 -1e30; f:f neg[${N}]?count f`);
  q(`g:(-50+${N}?100f),0n 0w -0w 2.5 -2.5 0.5 1e30 -1e30; g:g neg[${N}]?count g`);
  q(`g[til 100]:f[til 100]`); // ties
  q(`b:${N}?01b`);
  return q;
}

test('+ - * % div mod of long, int and float vectors (and with atoms) match the item-by-item results', () => {
  const q = setup();
  assert.equal(q('count j'), `${N}`);
  const pairs = ['j k', 'i m', 'f g', 'j f', 'f j', 'i f', 'f i', 'j i', 'i j', 'j 7', '7 j', 'i 7i', 'f 2.5', '2.5 f', 'j 2.5', '0N j', 'f 0n', 'i 0Ni'];
  for (const op of ['+', '-', '*', '%', ' div ', ' mod ']) for (const p of pairs) {
    const [x, y] = p.split(' ');
    assert.equal(q(`(${x}${op}${y})~${x} ${op.trim()}'${y}`), '1b', `${x}${op}${y}`);
    assert.equal(q(`type ${x}${op}${y}`), q(`type ${x} ${op.trim()}'${y}`), `${x}${op}${y} type`);
  }
  // the result is a value like any other: kept, and reused by the next expression
  assert.equal(q('r:j+k; (r-k)~(j+k)-k'), '1b');
});

test('= <> < > <= >= of vectors (and with atoms) match the item-by-item results', () => {
  const q = setup();
  const pairs = ['j k', 'i m', 'f g', 'j f', 'i j', 'j i', 'i f', 'j 0', '0 j', 'f 2.5', '2.5 f', 'f 0n', 'j 0N', 'i 0Ni'];
  for (const op of ['=', '<>', '<', '>', '<=', '>=']) for (const p of pairs) {
    const [x, y] = p.split(' ');
    assert.equal(q(`(${x}${op}${y})~${x}${op}'${y}`), '1b', `${x}${op}${y}`);
  }
});

test('casts among booleans, ints, longs and floats match the item-by-item results; til counts', () => {
  const q = setup();
  for (const x of ['b', 'i', 'j', 'f']) for (const t of ['int', 'long', 'float']) {
    assert.equal(q(`(\`${t}$${x})~\`${t}$'${x}`), '1b', `${t} of ${x}`);
    assert.equal(q(`type \`${t}$${x}`), q(`type \`${t}$'${x}`), `${t} of ${x} type`);
  }
  assert.equal(q('`long$2.5 -2.5 0.5 1e30 0w -0w 0n'), '3 -3 1 0N 0W -0W 0N');
  assert.equal(q('(til 5000)~{x,count x}/[5000;0#0]'), '1b');
  assert.equal(q('sum til 100000'), '4999950000');
});

test('group gives each distinct item (first-appearance order) and the positions where it occurs', () => {
  const { q } = makeSession();
  q('sym:`a`b`c`d');
  for (const x of ['5000?`a`b`c`d', '`sym$5000?`a`b`c`d', '(5000?100),0N 0N', '-50+5000?100', '(5000?2000000000000),0N', '5000?100i', '2000.01.01+5000?30',
    '5000?0D00:00:01', '5000?"abc"', '5000?01b', '`a`b`a', '0#0', '(3000?3),3000?100000']) {
    q(`x:${x}`);
    assert.equal(q('(group x)~(distinct x)!{where x=y}[x] each distinct x'), '1b', x);
  }
  // (a null key shows blank, as a table's column does: psaris' notes show 0n 5 50 100!… so)
  assert.equal(q('group 0N 1 0N 2'), ' | 0 2\n1| ,1\n2| ,3');
});

test('med by group in wasm gives what med gives each group', () => {
  const { q } = makeSession();
  q('t:([]k:20000?`a`b`c`d`e; g:20000?3; p:(19990?100f),10#0n)');
  q('t:update p:0n from t where k=`e');   // a group with no values: med is 0n
  assert.equal(q('(select med p by k from t)~select {med x} p by k from t'), '1b');
  assert.equal(q('(select m:med p, a:avg p by k, g from t)~select m:{med x} p, a:{avg x} p by k, g from t'), '1b');
  assert.equal(q('exec med p from select med p by k from t where k=`e'), '0n');
});

test('year, mm, dd and week of a date column match the item-by-item parts', () => {
  const { q } = makeSession();
  // centuries either side of 2000 (leap rules), dates in runs as a sorted column has them, nulls, infinities
  q('x:(-800000+5000?1600000),(2000.02.28 2000.02.29 2000.03.01 1900.02.28 1900.03.01 2100.02.28 2100.03.01 1999.12.31 2000.01.01 2000.01.03),0N 0W -0W');
  q('x:`date$asc[5000?x],x');
  for (const p of ['year', 'mm', 'dd']) {
    assert.equal(q(`(x.${p})~\`${p}$'x`), '1b', p);
    assert.equal(q(`(x.${p})~\`${p}$x`), '1b', p);   // the same vector path, named the other way
  }
  // the Monday of each date's week: a Monday, at most 6 days before
  q('w:`int$x.week; xi:`int$x; k:where (not null xi) & 2147483647>abs xi');
  assert.equal(q('all (2=(w k) mod 7), (0<=d) & 6>=d:(xi k)-w k'), '1b');
  assert.equal(q('-3#x.week'), '0N 0W -0Wd');
  assert.equal(q('-13#x.year'), '2000 2000 2000 1900 1900 2100 2100 1999 2000 2000 0N 0W -0Wi');
  q('\\c 25 200');
  assert.equal(q('y:2000.02.28 2000.02.29 2000.03.01 1900.02.28 1900.03.01 2100.02.28 2100.03.01 1999.12.31 2000.01.01 2000.01.03; y.week'), '2000.02.28 2000.02.28 2000.02.28 1900.02.26 1900.02.26 2100.02.22 2100.03.01 1999.12.27 1999.12.27 2000.01.03');
});

test('grades of booleans, bytes, chars, shorts and reals match the grades of the same values widened', () => {
  const { q } = makeSession();
  q('n:5000; b:n?01b; x:`byte$n?256; c:n?"abcXYZ \\377"; h:(`short$-300+n?600),0Nh 0Wh -0Wh; e:(`real$-50+n?100e),0Ne 0we -0we -0e 0e');
  for (const [v, wide] of [['b', '`int$b'], ['x', '`int$x'], ['c', '`int$c'], ['h', '`int$h'], ['e', '`float$e']]) {
    assert.equal(q(`(iasc ${v})~iasc ${wide}`), '1b', `iasc ${v}`);
    assert.equal(q(`(idesc ${v})~idesc ${wide}`), '1b', `idesc ${v}`);
    assert.equal(q(`(asc ${v})~\`s#${v} iasc ${wide}`), '1b', `asc ${v}`);
  }
  // nulls first, then the negative infinity, as q orders them
  assert.equal(q('2#asc h'), '0N -32767h');
  assert.equal(q('(2#asc e)~0Ne,-0we'), '1b');
  // guids in byte order, as their text sorts (a general list, graded in TypeScript); ties and the null
  // (and guids that share their first eight bytes, so that the last eight decide)
  q('u:(n?0Ng),(n?300?0Ng),0Ng,"G"$"ffffffff-ffff-ffff-ffff-ffffffffffff"; u,:"G"$\'(("00000000-0000-0000-";"12345678-0000-0000-") n?2),\'19_\'string n?0Ng; u:u neg[count u]?count u');
  assert.equal(q('(iasc u)~iasc string u'), '1b', 'iasc guid');
  assert.equal(q('(idesc u)~idesc string u'), '1b', 'idesc guid');
  assert.equal(q('(first asc u;last asc u)'), '00000000-0000-0000-0000-000000000000 ffffffff-ffff-ffff-ffff-ffffffffffff');
  // symbols (and an enumeration over them, whose indices are not in text order) as their text sorts
  q('s:(n?`IBM`MSFT`a`B`zz`),`$string n?3000; dom:reverse distinct s; en:`dom$s; t:([]s;j:(2*n)?5)');
  assert.equal(q('(iasc s)~iasc string s'), '1b', 'iasc sym');
  assert.equal(q('(idesc s)~idesc string s'), '1b', 'idesc sym');
  assert.equal(q('(iasc en)~iasc string s'), '1b', 'iasc enum');
  assert.equal(q('(`s`j xasc t)~t iasc flip (string t`s;t`j)'), '1b', 'xasc by sym and long');
  assert.equal(q('(`j`s xdesc t)~t idesc flip (t`j;string t`s)'), '1b', 'xdesc by long and sym');
});

test('find, in, distinct, except and group compare floats exactly (no comparison tolerance), long or short', () => {
  const q = setup();
  // f with ties, nulls, -0 and near neighbours that = calls equal
  q('h:f,0n -0.0 0.0 1,(1-1e-13),1+1e-13; h:h neg[count h]?count h; p:{h?x} each h');
  assert.equal(q('(h?h)~p'), '1b');
  assert.equal(q('(distinct h)~h where p=til count h'), '1b');
  assert.equal(q('(group h)~(h d)!{where p=x} each d:distinct p'), '1b');
  // (0=x-y is exact equality, as the reference on comparison tolerance says)
  assert.equal(q('(h in 1 0n 0.0)~{any (0=x-1 0n 0.0) or null[x] and null 1 0n 0.0} each h'), '1b');
  for (const n of [3, 5000]) {
    q(`a:1f; b:a-10 xexp -13; x:(${n}#a),b,0n,-0.0`);
    assert.equal(q('(x?b; x?0n; x?0.0; b in -1_x; count distinct x; count group x)'), `${n}\n${n + 1}\n${n + 2}\n1b\n4\n4`, `${n} items`);
    assert.equal(q('count x except b'), `${n + 2}`);
    assert.equal(q('a=b'), '1b'); // (= is tolerant)
  }
});

test('find, in, distinct and group of guids match item-by-item results', () => {
  const { q } = makeSession();
  q('g:(3000?50?0Ng),0Ng; h:(2000?g),100?0Ng; p:{g?x} each h');
  assert.equal(q('(g?h)~p'), '1b');
  assert.equal(q('(h in g)~p<count g'), '1b');
  assert.equal(q('(distinct g)~g where ({g?x} each g)=til count g'), '1b');
  assert.equal(q('(group g)~(g d)!{where x~/:g} each g d:distinct {g?x} each g'), '1b');
  assert.equal(q('count select count i by g from ([]g)'), q('count distinct g'));
});

test('in against a few items (a scan) agrees with in against many (a hash), for each exact type', () => {
  const { q } = makeSession();
  for (const t of ['b', 'x', 'h', 'i', 'j', 'c', 's', 'm', 'd', 'u', 'v', 't', 'p', 'n']) {
    q(`x:"${t}"$40?10; y:"${t}"$5?10; z:y,"${t}"$100#enlist 20`);
    // z holds y's items and more than a scan takes: the hash path
    assert.equal(q('(x in y)~x in z'), '1b', t);
    assert.equal(q('(x in y)~{any x=y}[;y] each x'), '1b', t);
  }
});

test('iasc and idesc of a short vector (sorted in JavaScript) agree with the kernel on a long one, nulls and ties included', () => {
  const { q } = makeSession();
  for (const t of ['b', 'x', 'h', 'i', 'j', 'e', 'f', 'c', 'm', 'd', 'u', 'v', 't', 'p', 'n', 'z']) {
    q(`x:"${t}"$(100?20),0N,-0W,0W; y:x,3000#x`);
    // a stable grade of y, kept to x's positions, is the stable grade of x
    assert.equal(q('(iasc x)~g where (g:iasc y)<count x'), '1b', t);
    assert.equal(q('(idesc x)~g where (g:idesc y)<count x'), '1b', t);
  }
  assert.equal(q('iasc 0N 9223372036854775806 -9223372036854775806 5'), '0 2 3 1');
});

test('distinct and group of a short long vector (JavaScript paths) agree with the long one (the kernels), wide values too', () => {
  const { q } = makeSession();
  q('x:(50?5),(5?0W),-9223372036854775807 9223372036854775807 0N 4294967296 -4294967296 9007199254740993 9007199254740992; y:x,3000#x');
  assert.equal(q('(distinct x)~distinct y'), '1b');
  assert.equal(q('(key group x)~key group y'), '1b');
  assert.equal(q('(value group x)~{x where x<count y}[;x] each value group y'), '1b');
  assert.equal(q('9007199254740993 9007199254740992~distinct 9007199254740993 9007199254740992 9007199254740993'), '1b');
});

test('| & sum avg reverse and drop of long vectors match their item-by-item results', () => {
  const q = setup();
  for (const p of ['j k', 'i m', 'f g', 'j 7', '7 j', 'i 7i', 'f 2.5', 'j 0N', 'f 0n', 'i 0Ni', 'j f', 'i j']) {
    const [x, y] = p.split(' ');
    for (const op of ['|', '&']) assert.equal(q(`(${x}${op}${y})~${x}${op}'${y}`), '1b', `${x}${op}${y}`);
  }
  // sum skips nulls and wraps as the fold over the rest does; avg is the floats' sum over the count of
  // what is not null (on values small enough that the order of float additions cannot matter)
  for (const v of ['j', 'i', 'f', 'b']) {
    // (ints near the extremes are left out: a running int sum can land on 0Ni itself, which + then reads as null)
    const w = v === 'i' ? 'i where (null i)|1000>abs i' : v;
    assert.equal(q(`{(sum x)~(+/)x where not null x} ${w}`), '1b', `sum ${v}`);
    assert.equal(q(`{(avg x)~(sum 0^\`float$x)%sum not null x} ${v} where (null ${v})|1000>abs ${v}`), '1b', `avg ${v}`);
  }
  assert.equal(q('(reverse j)~j (count[j]-1)-til count j'), '1b');
  assert.equal(q('(3_j)~j 3+til count[j]-3'), '1b');
  assert.equal(q('(-3_f)~f til count[f]-3'), '1b');
});

test('fill, fills, prev, next and amend at many positions of long vectors match their item-by-item results', () => {
  const q = setup();
  q('n:j; n[where 0=(til count j) mod 3]:0N');
  assert.equal(q('n~{$[0=y mod 3;0N;x]}\'[j;til count j]'), '1b');
  assert.equal(q('(0^n)~{$[null x;0;x]} each n'), '1b');
  assert.equal(q('(k^n)~{$[null y;x;y]}\'[k;n]'), '1b');
  assert.equal(q('(n^7)~count[n]#7'), '1b');
  assert.equal(q('(fills n)~{$[null y;x;y]}\\[n]'), '1b');
  assert.equal(q('(fills f)~{$[null y;x;y]}\\[f]'), '1b');
  assert.equal(q('(prev n)~n -1+til count n'), '1b');
  assert.equal(q('(next f)~f 1+til count f'), '1b');
  // a repeated position sees the change before it
  q('z:j; z[0 0 1]+:1 2 3');
  assert.equal(q('(z 0 1)~(j[0]+3;j[1]+3)'), '1b');
  assert.equal(q('z[0 1]:1.5'), "'type");
});

test('|/ &/ of long and int vectors fold as | & do item by item; +/ is sum, nulls as zeros (ref/sum), wrapping as + does', () => {
  const q = setup();
  for (const v of ['j', 'i', 'j where not null j', 'i where not null i', '1000#0N', '5#0W']) {
    for (const op of ['|', '&'])
      assert.equal(q(`{(${op}/)[x]~{y${op}x}/[first x;1_x]} ${v}`), '1b', `${op}/ ${v}`);
    assert.equal(q(`{(+/)[x]~sum x} ${v}`), '1b', `+/ ${v}`);
  }
});

test('where of a long boolean vector (positions written as longs by the kernel) matches a scan item by item', () => {
  const q = setup();
  for (const b of ['b', '5000#0b', '5000#1b', '(4999#0b),1b', '1b,4999#0b', '5003?0101b']) {
    q(`c:${b}`);
    assert.equal(q(`(where c)~raze {$[y;enlist x;0#0]}'[til count c;c]`), '1b', b);
  }
  assert.equal(q('type where b'), '7h');
});

test('a few items in, inter and except very many (the table of the few, in wasm) give what Find gives from the other side', () => {
  const { q } = makeSession();
  // each type: many items, and a few that are partly among them (duplicates, nulls, -0)
  const kinds: [string, string][] = [
    ['100000?1000', '3 0N 999 1000 3 -5 0'], ['100000?1000i', '3 0Ni 999 1000 3i'], ['100000?100h', '3 0Nh 99 100h'],
    ['100000?0x0102', '0x01ff0001'], ['100000?01b', '10b'], ['100000?`a`b`c', '`a`z`c`a`'], ['100000?100.0', '0n 0.0 -0.0 1e300'],
    ['0.0,100000?100.0', '-0.0 0.0 0n'], ['100000?2020.01.01+til 10', '2020.01.03 2021.01.01 0Nd'], ['raze 50000#enlist 2?0Ng', '0Ng'],
    ['100000?"abc"', '"azc "'], ['100000#1 0N 2', '0N 1 3 0N']];
  for (const [y, x] of kinds) {
    q(`y:${y}; x:${x}`);
    if (y.includes('0Ng')) q('x:(y 1;0Ng;y 0;y 1)');
    assert.equal(q('(x in y)~(y?x)<count y'), '1b', `${x} in ${y}`);
    assert.equal(q('(x inter y)~x where (y?x)<count y'), '1b', `${x} inter ${y}`);
    assert.equal(q('(x except y)~x where (y?x)=count y'), '1b', `${x} except ${y}`);
  }
  assert.equal(q('3 0N 7 3 in 100000#til 5'), '1001b');
  assert.equal(q('(3 7 3 1) inter 100000#til 5'), '3 3 1');
  assert.equal(q('(3 7 3 1) except 100000#til 5'), ',7');
});

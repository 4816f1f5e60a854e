// A where clause `col op literal` takes its rows straight from a selection kernel (no boolean vector);
// it must keep exactly the rows the same clause keeps when it runs as an ordinary expression (written
// here with `+0`, which makes it one), alone, after other clauses, after a sorted range, and on every
// column type the kernels serve; with nulls, infinities and floats within the comparison tolerance.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeSession } from '../q.js';

test('selection kernels keep the rows the ordinary where clause keeps', () => {
  const { q } = makeSession();
  q('n:20000; m:n+8; sym:`a`b`c');
  q('t:`d xasc ([]d:2000.01.01+m?100; s:m?`a`b`c; e:`sym$m?`a`b`c; p:(n?10f),0n 0w -0w 5 5.000000000000001 4.999999999999999 10 20; j:(n?10),0N 0W -0W 5 5 5 10 20; i:(n?10i),0Ni 0Wi -0Wi 5 5 5 10 20i; z:m?0D00:00:10)');
  assert.equal(q('count t'), '20008');
  const same = (where: string, plain: string) => assert.equal(q(`(select from t where ${where})~select from t where ${plain}`), '1b', where);
  for (const op of ['=', '<>', '<', '>', '<=', '>=']) {
    same(`p${op}5`, `p${op}5+0`); same(`p${op}5f`, `p${op}5f+0`); same(`p${op}0n`, `p${op}0n+0`); same(`p${op}0w`, `p${op}0w+0`);
    same(`j${op}5`, `j${op}5+0`); same(`j${op}0N`, `j${op}0N+0`);
    same(`i${op}5i`, `i${op}5i+0`); same(`d${op}2000.02.01`, `d${op}2000.02.01+0`);
    same(`5${op}p`, `(5+0)${op}p`); same(`5${op}j`, `(5+0)${op}j`);
  }
  for (const op of ['=', '<>']) { same(`s${op}\`b`, `s${op}first\`b`); same(`e${op}\`b`, `e${op}first\`b`); same(`e${op}\`zz`, `e${op}first\`zz`); }
  for (const r of ['2 5', '2 5f', '0n 3', '5 5', '7 2', '-0w 0w', '0n 0n']) same(`p within ${r}`, `p within ${r}+0`);
  for (const r of ['2 5', '0N 3', '5 5']) same(`j within ${r}`, `j within ${r}+0`);
  same('d within 2000.01.10 2000.01.20', 'd within 2000.01.10 2000.01.20+0');
  // clauses one after another, each on the rows the ones before kept; after a sorted range (d is `s#)
  same('p>2, j<5, i>=3i, s=`a', 'p>2+0, j<5+0, i>=3i+0, s=first`a');
  same('d within 2000.01.10 2000.01.20, p within 2 5, e<>`c', 'd within 2000.01.10 2000.01.20+0, p within 2 5+0, e<>first`c');
  assert.equal(q('attr t`d'), '`s');
  // a column that is not there, or a literal of another type, runs as before (here: errors and all)
  assert.equal(q('select from t where p=`a'), "'type");
  assert.equal(q('exec count i from t where z>0D00:00:05'), q('exec count i from t where z>0D00:00:05+0'));
  // exec and aggregates over the kept rows
  assert.equal(q('(exec sum p*j from t where p within 2 5)~exec sum p*j from t where p within 2 5+0'), '1b');
});

test('aggregates by a key whose values are the group ids give what the general path gives', () => {
  const { q } = makeSession();
  // an enumeration over a domain some of whose symbols never occur (no empty groups may appear), in an
  // order that is not alphabetical; small non-negative ints; dates after 2000; null prices
  q('sym:`z`y`q`a`m`unused; n:20000');
  q('t:([]e:`sym$n?`z`y`q`a`m; k:n?50i; d:2001.01.01+n?30; p:((n-5)?100f),5#0n)');
  q('t:update p:0n from t where e=`m');   // a group whose values are all null
  for (const by of ['e', 'k', 'd']) {
    assert.equal(q(`(select avg p, sum p, count i, n:count p, max p by ${by} from t)~select {avg x} p, {sum x} p, {count x} i, n:{count x} p, {max x} p by ${by} from t`), '1b', by);
  }
  assert.equal(q('exec e from select count i by e from t'), '`sym$`a`m`q`y`z');
  assert.equal(q('exec p from select avg p by e from t where e=`m'), ',0n');
});

test('count by a key and a sorted column counts within the sorted column\'s runs as the general path does', () => {
  const { q } = makeSession();
  q('sym:`x`y`z; n:20000');
  q('t:`d xasc ([]d:2001.01.01+n?30; k:n?`a`b`c; e:`sym$n?`z`x; i:((n-1)?7i),0Ni; j:n?5)');
  assert.equal(q('attr t`d'), '`s');
  for (const by of ['k, d', 'd, k', 'e, d', 'd, i', 'i, d', 'j, d'])
    assert.equal(q(`(select count i, m:count i by ${by} from t)~select {count x} i, m:{count x} i by ${by} from t`), '1b', by);
  assert.equal(q('exec sum x from select count i by e, d from t'), '20000');
});

test('ej pairs every row of t1 with every row of t2 that has its key, in t1\'s order then t2\'s', () => {
  const { q } = makeSession();
  q('t1:([]s:`a`b`a`c;x:1 2 3 4); t2:([]s:`a`a`b;z:10 20 30)');
  assert.equal(q('ej[`s;t1;t2]'), 's x z \n------\na 1 10\na 1 20\nb 2 30\na 3 10\na 3 20');
  // the same pairs whether the key is one simple column or several
  assert.equal(q('(`s`x`z#ej[`s`k;update k:1 from t1;update k:1 from t2])~ej[`s;t1;t2]'), '1b');
  assert.equal(q('ej[`s`x;([]s:`a`b;x:1 2);([]s:`a`b;x:1 3;z:5 6)]'), 's x z\n-----\na 1 5');
  assert.equal(q('count ej[`s;t1;([]s:`q`r;z:1 2)]'), '0');
  assert.equal(q('ej[`f;([]f:1.5 2.5);([]f:1.5 1.5;g:1 2)]'), 'f   g\n-----\n1.5 1\n1.5 2');
});

test('& and | of booleans stay boolean, a vector with an atom too', () => {
  const { q } = makeSession();
  assert.equal(q('(101b&110b;101b|010b;101b&1b;0b|101b)'), '100b\n111b\n101b\n101b');
  assert.equal(q('101b&1 2 3'), '1 0 1');
});

test('a table joined in place or upserted stays a table: what is not rows is a type error and changes nothing', () => {
  const { q } = makeSession();
  q('t:([]a:1 2)');
  assert.equal(q('`t upsert 5'), "'type");
  assert.equal(q('t,:6'), "'type");
  assert.equal(q('t'), 'a\n-\n1\n2');
  assert.equal(q('`t upsert enlist 5'), '`t');
  assert.equal(q('count t'), '3');
});

test('ij keeps the rows of t whose key kt has; a keyed t stays keyed', () => {
  const { q } = makeSession();
  q('t:([]s:`a`b`c`a;x:1 2 3 4)');
  assert.equal(q('t ij ([s:`a`c] z:10 30)'), 's x z \n------\na 1 10\nc 3 30\na 4 10');
  assert.equal(q('count t ij ([s:enlist`q] z:enlist 1)'), '0');
  assert.equal(q('([k:1 2]v:3 4) ij ([k:2 3] w:5 6)'), 'k| v w\n-| ---\n2| 4 5');
});

test('a grouped select of a few rows takes the one-pass aggregates as a long one does, with the results the general path gives (nulls, symbol order)', () => {
  const { q } = makeSession();
  q('\\S 7');
  q('T:([]k:40?`b`a`B`c,`$"a b";f:@[40?10.0;3 7 11;:;0n];l:@[40?100;2 5;:;0N];i:40?100i)');
  const fast = 'select s:sum f,mx:max f,mn:min f,a:avg f,sl:sum l,ml:max l,al:avg l,ai:avg i,c:count i,fi:first f,la:last l by k from T';
  const slow = 'select s:{sum x} f,mx:{max x} f,mn:{min x} f,a:{avg x} f,sl:{sum x} l,ml:{max x} l,al:{avg x} l,ai:{avg x} i,c:{count x} i,fi:{first x} f,la:{last x} l by k from T';
  assert.equal(q(`(${fast})~${slow}`), '1b');
  assert.equal(q(`(select max f by k from T where f>100)~select {max x} f by k from T where f>100`), '1b');
  assert.equal(q('exec k from key select count i by k from T'), '`s#`B`a`a b`b`c');
});

test('exec … by over no rows still evaluates its columns, as select … by does: a column the table lacks is an error, the parse tree\'s form included', () => {
  const { q } = makeSession();
  q('t:([]a:`int$();b:`float$())');
  assert.match(q('exec ex:sum h by a from t'), /^'h/);
  assert.match(q('eval parse "exec ex:sum h by a from t"'), /^'h/);
  assert.match(q('?[t;();`a;(enlist`ex)!enlist(sum;`h)]'), /^'h/);
  assert.equal(q('.Q.s1 value eval parse "exec ex:sum b by a from t"'), '"+(,`ex)!,`float$()"');
});

test('one key column of exec … by is s#, by whichever path the columns take (aggregates in one pass or any expression), as select … by leaves it', () => {
  const { q } = makeSession();
  q('t:([]a:3 1 3;b:1 2 3)');
  assert.equal(q('.Q.s1 exec sum b by a from t'), '"`s#1 3!2 4"');
  assert.equal(q('.Q.s1 exec b by a from t'), '"`s#1 3!(,2;1 3)"');
  assert.equal(q('.Q.s1 exec b by k:a from t'), '"(+(,`k)!,`s#1 3)!(,2;1 3)"');
  assert.equal(q('attr key exec b by a from 3000#t'), '`s');
});

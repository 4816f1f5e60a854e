// A where clause `col within (lo;hi)` on a column marked `s# is answered by binary search: the rows must
// be exactly those a pass over the unmarked column keeps, at the edges, outside the range and with nulls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeSession } from '../q.js';

test('within on a sorted column keeps the same rows as on an unsorted one', () => {
  const { q } = makeSession();
  q('t:`d xasc ([]d:2000.01.01+20000?100;p:20000?1f)');
  q('u:update `#d from t');
  assert.equal(q('attr t`d'), '`s');
  assert.equal(q('attr u`d'), '`');
  for (const r of ['2000.01.10 2000.01.20', '2000.01.01 2000.01.01', '2000.04.09 2000.04.09', '2000.02.10 2000.01.20', '1999.01.01 1999.12.31', '1999.01.01 2001.12.31', '0N 2000.01.05'])
    assert.equal(q(`(select from t where d within ${r})~select from u where d within ${r}`), '1b', r);
  q('f:`p xasc ([]p:0n 0n,5000?10f;j:til 5002)');
  for (const r of ['2 3f', '0n 3f', '0n 0n', '9.5 20f'])
    assert.equal(q(`(select j from f where p within ${r})~select j from (update \`#p from f) where p within ${r}`), '1b', r);
  assert.equal(q('(exec count i from t where d within 2000.01.10 2000.01.20, p>0.5)=exec count i from u where d within 2000.01.10 2000.01.20, p>0.5'), '1b');
});

test('rows of a sorted range share the table\'s memory safely: dropping the table does not free it under them', async () => {
  const { q } = makeSession();
  q('t:`d xasc ([]d:2000.01.01+2000000?100;p:2000000?1f)');
  q('x:select from t where d within 2000.01.10 2000.01.20');
  q('y:select from (update `#d from t) where d within 2000.01.10 2000.01.20');
  q('delete t from `.');
  // collections and task turns hand dropped blocks back; new vectors then reuse them
  // (vectors of the same sizes as t's columns, kept, so that they take t's blocks if those are freed)
  for (let i = 0; i < 16; i++) {
    q(`z${i}:2000000?1f`);
    q(`k${i}:2000000?100i`);
    await new Promise(r => setImmediate(r));
  }
  assert.equal(q('x~y'), '1b');
});

test('s# on a dictionary makes a step function and a sorted dictionary on the wire; on a table, p# on its first column', () => {
  const { q } = makeSession();
  q('d:`s#1 2 4!7 8 9');
  assert.equal(q('attr d'), '`s');
  assert.equal(q('attr key d'), '`s');
  // the value of the last key at or below the index; null below the first key
  assert.equal(q('d 3'), '8');
  assert.equal(q('d 0 1 3 4 10'), '0N 7 8 9 9');
  // (keys sorted alone are an exact lookup: the step is the dictionary's own s#, which -3! shows before
  // its keys', `s#`s#k!v in psaris' notes; anton-dovzhenko's AoC 2020 day 7 relies on it)
  assert.equal(q('((`s#`a`c)!1 2) `b'), '0N');
  assert.equal(q('-8!(`s#`a`b)!2 3i'), '0x0100000021000000630b0102000000610062000600020000000200000003000000');
  // without s# it is an exact lookup
  assert.equal(q('(1 2 4!7 8 9) 3'), '0N');
  // type 127 on the wire, its keys with attribute byte 1 (kb/serialization)
  assert.equal(q('-8!`s#`a`b!2 3i'), '0x01000000210000007f0b0102000000610062000600020000000200000003000000');
  assert.equal(q('(-9!-8!d)~d'), '1b');
  assert.equal(q('`s#`b`a!1 2'), "'s-fail");
  assert.equal(q('`u#`a`b!1 2'), "'type");
  assert.equal(q('attr `#d'), '`');
  q('t:`s#([]ti:00:00:00 00:00:01 00:00:03;v:98 98 100.)');
  assert.equal(q('exec a from meta t'), '`p`');
  assert.equal(q('`s#([]a:2 1)'), "'s-fail");
  assert.equal(q('attr `s#(1 2;1 3)'), '`s');
  assert.equal(q('`s#(1 3;1 2)'), "'s-fail");
  assert.equal(q('`u#(1 2;1 2)'), "'u-fail");
});

test('asc on a table marks its only column s#, or its first column p#; bin searches a table by its last column within its leading ones', () => {
  const { q } = makeSession();
  assert.equal(q('exec a from meta asc ([]a:3 4 1;b:`a`d`s)'), '`p`');
  assert.equal(q('exec a from meta asc ([]a:3 4 1)'), ',`s');
  assert.equal(q('exec a from meta asc ([c1:`a`b] c2:2 1; c3:01b)'), '``p`');
  assert.equal(q('exec a from meta asc ([c1:`a`b] c2:2 1)'), '``s');
  assert.equal(q('exec a from meta desc ([]a:3 4 1;b:`a`d`s)'), '``');
  // a general list sorted has s# too, which the console does not show (ref/asc)
  assert.equal(q('(attr asc ("bat";"dog";"cow");attr desc ("bat";"dog"))'), '`s`');
  assert.equal(q('asc ("bat";"dog";"cow")'), '"bat"\n"cow"\n"dog"');
  q('t:([]a:`p`p`p`q`q`q;b:0 2 4 0 2 4)');
  assert.equal(q('t bin `a`b!(`p;3)'), '1');
  assert.equal(q('t bin ([]a:`q;b:-1 1 3 5)'), '0N 3 4 5');
  assert.equal(q('t bin `a`b!(`r;2)'), '0N');
  assert.equal(q('([]a:1 3 5 7) bin ([]a:2 2 8 0)'), '0 0 3 -1');
  assert.equal(q('t bin (`p;4)'), '2');
  assert.equal(q('t binr (`p;3)'), '2');
  assert.equal(q('t bin `a`c!(`p;3)'), "'b");
  q('kt:([k:`c`d`e`f`g`h`j`l]a:`p`p`q`q`p`p`q`q;b:0 1 0 1 0 1 0 1;c:3 3 3 3 7 7 7 7)');
  assert.equal(q('(kt bin ([]a:`p`q`q`r;b:1;c:4 8 2 4))`k'), '`d`l``');
});

test('an append in memory keeps s# while in order, u# while distinct, g# always, and never p#', () => {
  const { q } = makeSession();
  q('s:`s#1 2 3'); q('s,:3 4');
  assert.equal(q('s'), '`s#1 2 3 3 4');
  q('s,:0');
  assert.equal(q('attr s'), '`');
  q('u:`u#`a`b'); q('u,:`c');
  assert.equal(q('u'), '`u#`a`b`c');
  q('v:u'); q('v,:`d`d');
  assert.equal(q('attr v'), '`');
  q('u,:`a');
  assert.equal(q('attr u'), '`');
  q('g:`g#1 2'); q('g,:1');
  assert.equal(q('g'), '`g#1 2 1');
  q('p:`p#1 1 2'); q('p,:3');
  assert.equal(q('attr p'), '`');
  // a join that is not an append makes a new list with none
  assert.equal(q('attr (`s#1 2),3'), '`');
  // tickerplant-style tables keep g# on sym through insert, and a domain extended by ? keeps its u#
  q('t:([]sym:`g#`symbol$();px:`float$())');
  q('`t insert (`a`b;1 2f)'); q('`t insert (`c;3f)');
  assert.equal(q('exec attr sym from t'), '`g');
  q('d:`u#`x`y'); q('`d?`z`x');
  assert.equal(q('d'), '`u#`x`y`z');
});

test('update … by writes each group\'s results to its rows, for every item width, as the filtered path does', () => {
  const { q } = makeSession();
  q('n:100000; u:([]s:n?`a`b`c;v:n?100;f:n?1f;g:n?0Ng;c:n?" ab";b:n?0b;h:n?10h;e:n?`x`y)');
  const cols = 'a:sums v, b2:deltas f, gg:reverse g, cc:reverse c, bb:not b, hh:h+1h, ee:reverse e, ff:0n, vv:v';
  q(`r:update ${cols} by s from u`);
  q(`w:update ${cols} by s from u where i>=0`);
  assert.equal(q('r~w'), '1b');
  assert.equal(q('r[`vv]~u`v'), '1b');
  assert.equal(q('(exec a from r where s=`b)~sums exec v from u where s=`b'), '1b');
  assert.equal(q('(exec gg from r where s=`c)~reverse exec g from u where s=`c'), '1b');
});

test('iasc and idesc of a large table (radix grades a column at a time) order rows as grading each column in turn does', () => {
  const { q } = makeSession();
  q('n:100000; u:([]a:n?3;b:n?2f;c:n?`x`y`zz;s:string n?`ab`c`d;d:2020.01.01+n?5)');
  // the stable grade by the last column, then each earlier one over it
  assert.equal(q('(iasc u)~{x iasc u[`a] x} {x iasc u[`b] x} {x iasc u[`c] x} {x iasc u[`s] x} iasc u`d'), '1b');
  assert.equal(q('(idesc u)~{x idesc u[`a] x} {x idesc u[`b] x} {x idesc u[`c] x} {x idesc u[`s] x} idesc u`d'), '1b');
  assert.equal(q('(`c`d xasc u)~u {x iasc u[`c] x} iasc u`d'), '1b');
  // groups come out in the order of their keys, whichever path made them
  q('t:([]sym:n?`$string til 1000;d:2020.01.01+n?30;v:n?10)');
  assert.equal(q('(select sum v by sym,d from t)~select sum v by sym,d from t where i>=0'), '1b');
  assert.equal(q('k:key select sum v by sym,d from t; k~`sym`d xasc k'), '1b');
});

test('exec … by with aggregates (one pass each, as select … by) gives what the general path gives', () => {
  const { q } = makeSession();
  q('n:100000; t:([]sym:n?`$string til 1000;p:n?100f;v:n?1000;d:2020.01.01+n?30); f:{sum x}; g:{max x}');
  // a lambda is not an aggregate the kernels know: it takes the general path
  assert.equal(q('(exec sum v by sym from t)~exec f v by sym from t'), '1b');
  assert.equal(q('(exec s:sum v, m:max p by sym from t)~exec s:f v, m:g p by sym from t'), '1b');
  assert.equal(q('(exec sum v by s:sym from t)~exec f v by s:sym from t'), '1b');
  assert.equal(q('(exec count i by sym,d from t)~exec {count x} i by sym,d from t'), '1b');
  assert.equal(q('(exec sum v by sym from t where p>50)~exec f v by sym from t where p>50'), '1b');
});

test('distinct and group of a table, and lj/ij on two key columns, by the group kernels: as with one string key', () => {
  const { q } = makeSession();
  q('n:100000; t:([]sym:n?`$string til 1000;p:n?100f;v:n?1000;d:2020.01.01+n?100)');
  // the same rows keyed by one string made of both columns
  q('s:(string t`sym),\'"|",\'string t`d; g:group select sym,d from t; h:group s');
  assert.equal(q('(value g)~value h'), '1b');
  assert.equal(q('(key g)~(select sym,d from t) first each value h'), '1b');
  assert.equal(q('(distinct select sym,d from t)~(select sym,d from t) first each value h'), '1b');
  q('k:`sym`d xkey select last p by sym,d from t where v<10; k0:0!k; k3:([sd:(string k0`sym),\'"|",\'string k0`d] p:k0`p)');
  assert.equal(q('((t lj k)`p)~((update sd:s from t) lj k3)`p'), '1b');
  assert.equal(q('((t ij k)`p)~((update sd:s from t) ij k3)`p'), '1b');
  // small cases, and the first of repeated keys in the keyed table
  assert.equal(q('([]a:1 1 2 3;b:`x`y`y`x) lj ([a:1 2 1;b:`x`y`y]c:10 20 30)'), 'a b c \n------\n1 x 10\n1 y 30\n2 y 20\n3 x   ');
  assert.equal(q('group ([]a:1 1 2;b:`x`x`y)'), 'a b|\n---| ---\n1 x| 0 1\n2 y| ,2');
});

test('delete … where keeps the other rows in order; ?[c;a;b] of one basic type picks items straight into a vector', () => {
  const { q } = makeSession();
  q('n:100000; t:([]sym:n?`$string til 1000;p:n?100f;v:n?1000); b:n?01b; y:n?100f; j:n?100; g:n?0Ng');
  assert.equal(q('(delete from t where v>500)~select from t where not v>500'), '1b');
  assert.equal(q('delete from ([]a:1 2 3) where a>0'), 'a\n-');
  for (const [x, z] of [['y', '0n'], ['j', '0N'], ['g', '0Ng'], ['t`sym', '`'], ['y', 'reverse y']])
    assert.equal(q(`(?[b;${x};${z}])~{$[x;y;z]}'[b;${x};${z}]`), '1b', `${x} ${z}`);
  assert.equal(q('?[101b;1 2 3h;0Nh]'), '1 0N 3h');
  // (branches of two basic types are a type error: ref/vector-conditional, "lists of the same type")
  assert.equal(q('?[101b;1 2 3;`a]'), "'type");
});

test('(f;x) fby g by the group kernels for max min sum avg count gives what a lambda aggregate gives, nulls included', () => {
  const { q } = makeSession();
  q('n:100000; t:([]sym:n?`$string til 1000;p:?[n?10<1;0n;n?100f];d:2020.01.01+n?10)');
  for (const [f, g] of [['max', '{max x}'], ['min', '{min x}'], ['sum', '{sum x}'], ['avg', '{avg x}'], ['count', '{count x}']]) {
    assert.equal(q(`(exec (${f};p) fby sym from t)~exec (${g};p) fby sym from t`), '1b', f);
    assert.equal(q(`(exec (${f};p) fby ([]sym;d) from t)~exec (${g};p) fby ([]sym;d) from t`), '1b', f);
  }
  assert.equal(q('(select from t where p=(max;p) fby sym)~select from t where p=({max x};p) fby sym'), '1b');
});

test('uj and upsert of many rows into a table keyed on two columns (grouped with the group kernels) match row-at-a-time keying', () => {
  const { q } = makeSession();
  q('n:100000; t:([]sym:n?`$string til 1000;p:n?100f;v:n?1000;d:2020.01.01+n?10)');
  q('kk:2!select last p by sym,d from t where i<50000; kk2:2!select last v, p by sym,d from t where i>=30000; c:0!kk2');
  // slices of 500 rows take the keyed index a row at a time
  assert.equal(q('(kk uj kk2)~{x uj 2!y}/[kk; 500 cut c]'), '1b');
  q('k3:2!select last p by sym,d from t where i>=20000; c3:0!k3');
  assert.equal(q('(kk upsert k3)~{x upsert 2!y}/[kk; 500 cut c3]'), '1b');
  assert.equal(q('([k:1 2 3]v:10 20 30) uj ([k:3 4 4]v:33 44 45;w:1 2 3)'), 'k| v  w\n-| ----\n1| 10  \n2| 20  \n3| 33 1\n4| 45 3');
});

test('a keyed table indexed by a table of keys, or by a vector of one key column, finds the rows together (nulls for no match)', () => {
  const { q } = makeSession();
  q('n:20000; t:([]sym:n?`$string til 2000;d:n?3;p:n?100f); k2:1!select sym, v:1+til count sym from select distinct sym from t where i<10000');
  q('kk:2!select last p by sym,d from t where i<12000');
  // the same, key by key
  assert.equal(q('(k2 (cols key k2)#t)~k2 each (cols key k2)#t'), '1b');
  assert.equal(q('(kk select sym,d from t)~kk each select sym,d from t'), '1b');
  assert.equal(q('(k2 t`sym)~k2 each t`sym'), '1b');
  assert.equal(q('(t pj k2)~{x+0i^y(cols key y)#x}[t;k2]'), '1b');
  // (table arithmetic keeps the columns only one side has, as a dictionary's does: ref/pj's x+0^y[`a`b#x])
  q('x:([]a:1 2 3;b:`x`y`z;c:10 20 30); y:([a:1 3;b:`x`z]c:1 2;d:10 20)');
  assert.equal(q('(x pj y)~x+0^y[`a`b#x]'), '1b');
  assert.equal(q('([]a:1 2)-([]a:1 1;b:3 4)'), 'a b \n----\n0 -3\n1 -4');
  assert.equal(q('([s:`a`b;d:1 2]v:3 4) ([]d:1 2 3;s:`a`b`c)'), 'v\n-\n3\n4\n ');
});

test('rows of a table found in, kept by or removed from another (?, in, inter, except) by grouping both tables\' rows', () => {
  const { q } = makeSession();
  q('n:10000; t:([]sym:n?`$string til 1000;d:n?10); u:([]sym:n?`$string til 1000;d:n?10)');
  // the same, a row (a dictionary) at a time
  assert.equal(q('(u?t)~{[u;r] u?r}[u] each t'), '1b');
  assert.equal(q('(t in u)~(u?t)<count u'), '1b');
  assert.equal(q('(t except u)~t where not t in u'), '1b');
  assert.equal(q('(t inter u)~t where t in u'), '1b');
  // float columns go by each row's text
  assert.equal(q('([]a:1 2 3f;b:`x`y`z)?([]a:2 3 9 1 1 1 1 1 1f;b:`y`z`z`x`x`x`x`x`x)'), '1 2 3 0 0 0 0 0 0');
});

test('grouping by three columns whose pairs are too many for a table of slots pairs them by hash: as the general path', () => {
  const { q } = makeSession();
  // 1000 symbols by 3 by 1000 values: the first pairing has 3000 groups, the next 3M possible pairs
  q('n:200000; t:([]sym:n?`$string til 1000;p:n?100f;v:n?1000;d:n?3); f:{last x}');
  assert.equal(q('(select last p by sym,d,v from t)~select f p by sym,d,v from t'), '1b');
  assert.equal(q('(select count i by sym,d,v from t)~select {count x} i by sym,d,v from t'), '1b');
});

test('dropping many keys from a keyed table finds them together: the rows left are those whose keys were not named', () => {
  const { q } = makeSession();
  q('n:20000; kt:([k:til n] v:til n)');
  assert.equal(q('(exec k from key ([]k:til 5000) _ kt)~5000+til 15000'), '1b');
  assert.equal(q('(exec v from value (til 5000) _ kt)~5000+til 15000'), '1b');
  assert.equal(q('count (10000+til 20000) _ kt'), '10000');
  assert.equal(q('([]a:1 9;b:`x`z) _ ([a:1 2 3;b:`x`y`z]v:10 20 30)'), 'a b| v \n---| --\n2 y| 20\n3 z| 30');
});

// Tables, keyed tables, enumerations, qSQL and joins through the session, and their errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeSession } from '../q.js';

test('qSQL: where narrows clause by clause, by groups and sorts, exec and update', () => {
  const { q } = makeSession();
  q('t:([]a:1 2 3 4;b:`x`y`x`y;c:10 20 30 40.)');
  assert.equal(q('select sum c by b from t'), 'b| c \n-| --\nx| 40\ny| 60');
  assert.equal(q('select from t where a>1, c<40'), 'a b c \n------\n2 y 20\n3 x 30');
  assert.equal(q('exec a from t where b=`y'), '2 4');
  assert.equal(q('update d:a*2 from t where a>2'), 'a b c  d\n--------\n1 x 10  \n2 y 20  \n3 x 30 6\n4 y 40 8');
  assert.equal(q('select count i by b from t'), 'b| x\n-| -\nx| 2\ny| 2');
  assert.equal(q('?[t;enlist(>;`a;2);0b;(enlist`a)!enlist`a]'), 'a\n-\n3\n4');
});

test('enumerations and foreign keys', () => {
  const { q } = makeSession();
  q('s:([name:`a`b`c] v:1 2 3); t:([]k:`s$`a`c`a; x:10 20 30)');
  assert.equal(q('meta t'), 'c| t f a\n-| -----\nk| s s  \nx| j    ');
  assert.equal(q('select k.v from t'), 'v\n-\n1\n3\n1');
  assert.equal(q('`s$`z'), "'cast");
  assert.equal(q('`e?`p`q`p'), '`e$`p`q`p');
});

test('joins, and a join on keys the tables do not share is an error that changes nothing', () => {
  const { q } = makeSession();
  q('t:([]k:`a`b`c; v:1 2 3); kt:([k:`a`c] w:10 30)');
  assert.equal(q('t lj kt'), 'k v w \n------\na 1 10\nb 2   \nc 3 30');
  assert.equal(q('t ij kt'), 'k v w \n------\na 1 10\nc 3 30');
  assert.equal(q('t lj ([z:enlist`a] w:enlist 1)'), "'z");
  assert.equal(q('count t'), '3');
  assert.equal(q('select nosuch from t'), "'nosuch");
  assert.equal(q('select from t where v>`a'), "'type");
  assert.equal(q('t'), 'k v\n---\na 1\nb 2\nc 3');
});

test('enumerations compare, search and test membership by their symbols', () => {
  const { q } = makeSession();
  q('s:`a`b`c; e:`s$`a`c`a`b');
  assert.equal(q('e=`a'), '1010b');
  assert.equal(q('e<>`c'), '1011b');
  assert.equal(q('e in `a`b'), '1011b');
  assert.equal(q('e?`b'), '3');
  assert.equal(q('e except `a'), '`s$`c`b');
  assert.equal(q('`b=e'), '0001b');
});

test('link columns: an enumeration over a plain table shows its indices and follows the link', () => {
  const { q } = makeSession();
  q('t:([] id:101 102 103 104; v:1.1 2.2 3.3 4.4)');
  assert.equal(q('update parent:`t!id?101 101 102 102 from `t'), '`t');
  assert.equal(q('t'), 'id  v   parent\n--------------\n101 1.1 0     \n102 2.2 0     \n103 3.3 1     \n104 4.4 1     ');
  assert.equal(q('select id, parentid:parent.id from t'), 'id  parentid\n------------\n101 101     \n102 101     \n103 102     \n104 102     ');
  assert.equal(q('exec t from meta t'), '"jfi"');
  assert.equal(q('exec f from meta t'), '```t');
  assert.equal(q('`t!0 1'), '`t!0 1');
  // one index is a vector of one, as any vector shows it; an atom has no comma
  assert.equal(q('`t!enlist 2'), '`t!,2');
  assert.equal(q('`t!2'), '`t!2');
});

test('enumerations: empty domains, extend, joins across domains, in-place join checks the domain', () => {
  const { q } = makeSession();
  q('sym:()');
  assert.equal(q('`sym?`c`b`a'), '`sym$`c`b`a');
  assert.equal(q('sym'), '`c`b`a');
  // an empty enumeration shows as ref/dotq's .Q.vp example shows one
  assert.equal(q('`sym$()'), '`sym$()');
  assert.equal(q('.Q.s1 `sym$()'), '"`sym$()"');
  q('s2:`x`y');
  assert.equal(q('(`sym$`a`b),`s2$`x'), '`a`b`x');
  assert.equal(q('(`sym$`a),`s2$`y'), '`sym$`a\n`s2$`y');
  q('e:`sym$`a`b');
  assert.equal(q('e,:`z'), "'cast");
  assert.equal(q('e'), '`sym$`a`b');
  q('e,:`c');
  assert.equal(q('e'), '`sym$`a`b`c');
  q('kt:([id:1 2 3] v:`a`b`c)');
  assert.equal(q('`kt$2 3'), '`kt$2 3');
  assert.equal(q('`kt$4'), "'cast");
});

test('join on tables: columns in any order, rows as lists, keyed tables upsert with nulls for missing columns', () => {
  const { q } = makeSession();
  q('t:([]a:1 2;b:3 4)');
  assert.equal(q('t,([]b:5 6;a:7 8)'), 'a b\n---\n1 3\n2 4\n7 5\n8 6');
  assert.equal(q('t,(7 8;9 10)'), 'a b \n----\n1 3 \n2 4 \n7 8 \n9 10');
  assert.equal(q('t,([]c:1 2)'), "'mismatch");
  q('k:([k:`a`b]a:1 2;b:3 4)');
  q('k,:([k:`c`a]a:10 11)');
  assert.equal(q('k'), 'k| a  b\n-| ----\na| 11 3\nb| 2  4\nc| 10  ');
  assert.equal(q('k,((`d;5;6);(`e;7;8))'), 'k| a  b\n-| ----\na| 11 3\nb| 2  4\nc| 10  \nd| 5  6\ne| 7  8');
  assert.equal(q('([a:1;b:2])'), 'a| 1\nb| 2');
  q('t2:([]a:1 2i)');
  assert.equal(q('t2,:([]a:3 4f)'), "'type");
  assert.equal(q('t2'), 'a\n-\n1\n2');
});

test('upsert fills the columns a table of rows leaves out; insert returns new row indices', () => {
  const { q } = makeSession();
  q('t:([]name:`tom`dick;age:28 29;sex:`M`M)');
  assert.equal(q('`t upsert ([]age:49 23;name:`dick`jane)'), '`t');
  assert.equal(q('t'), 'name age sex\n------------\ntom  28  M  \ndick 29  M  \ndick 49     \njane 23     ');
  assert.equal(q('`t insert (`bob;50;`M)'), ',4');
  assert.equal(q('`t insert (`bob;50.5;`M)'), "'type");
  assert.equal(q('count t'), '5');
});

test('exec forms: by one column keys by values, by a named column keys by a table, functional forms', () => {
  const { q } = makeSession();
  q('t:([] c1:`a`b`c`c`a`a; c2:10 20 30 30 40 40; c3:1.1 2.2 3.3 3.3 4.4 3.14159)');
  assert.equal(q('exec c2 by c1 from t'), 'a| 10 40 40\nb| ,20\nc| 30 30');
  assert.equal(q('exec c2 by one:c1 from t'), 'one|\n---| --------\na  | 10 40 40\nb  | ,20\nc  | 30 30');
  assert.equal(q('?[t; (); `c1; enlist[`c2]!enlist`c2]'), ' | c2      \n-| --------\na| 10 40 40\nb| ,20     \nc| 30 30   ');
  assert.equal(q('?[t; (); (); ()]'), 'c1| `a\nc2| 40\nc3| 3.14159');
  assert.equal(q('?[t; (); (); `one`two!(`c1;(sum;`c2))]'), 'one| `a`b`c`c`a`a\ntwo| 170');
  assert.equal(q('?[t; (); 0b; `c1`c2!`c1`c2; 2; (idesc;`c2)]'), 'c1 c2\n-----\na  40\na  40');
  assert.equal(q('select[2;>c2] from t'), 'c1 c2 c3     \n-------------\na  40 4.4    \na  40 3.14159');
});

test('parse gives kdb+\'s trees for qSQL', () => {
  const { q } = makeSession();
  assert.equal(q('parse"select[10;<price] from trade"'), '?\n`trade\n()\n0b\n()\n10\n,(<:;`price)');
  assert.equal(q('parse "select count i from trade where 140>(count;i) fby sym"'), '?\n`trade\n,,(>;140;(fby;(enlist;#:;`i);`sym))\n0b\n(,`x)!,(#:;`i)');
  // a column or by of its own is enlisted, so that eval parse is the query (basics/parsetrees)
  assert.equal(q('parse "exec c2 by c1 from t"'), '?\n`t\n()\n,`c1\n,`c2');
  assert.equal(q('q:([]sym:`a`b`c;v:1 2 3); (eval parse "exec sym from q";eval parse "exec -2#sym from q")'), '`a`b`c\n`b`c');
  assert.equal(q('eval parse "exec v by sym from q"'), 'a| 1\nb| 2\nc| 3');
  assert.equal(q('t:([]a:1 2 3);eval parse "select from t where a>1"'), 'a\n-\n2\n3');
});

test('update by writes each group\'s values back to its rows; signum deltas by group', () => {
  const { q } = makeSession();
  q('t:([]sym:`G`A`A`G`A`G;price:51 54 54 52 53 53)');
  assert.equal(q('select movement:signum deltas price by sym from t'), 'sym| movement\n---| --------\nA  | 1 0 -1  \nG  | 1 1 1   ');
  assert.equal(q('update d:deltas price by sym from t'), 'sym price d \n------------\nG   51    51\nA   54    54\nA   54    0 \nG   52    1 \nA   53    -1\nG   53    1 ');
  assert.equal(q('update m:max price by sym from t where price<54'), 'sym price m \n------------\nG   51    53\nA   54      \nA   54      \nG   52    53\nA   53    53\nG   53    53');
});

test('as-of and fill joins: aj takes t2 values, ajf keeps t1 where t2 is null; ijf ujf', () => {
  const { q } = makeSession();
  q('t0:([]time:2#00:00:01;sym:`a`b;p:1 1;n:`r`s)');
  q('t1:([]time:2#00:00:01;sym:`a`b;p:0 1)');
  q('t2:([]time:2#00:00:00;sym:`a`b;p:1 0N;n:`r`s)');
  assert.equal(q('t0~ajf[`sym`time;t1;t2]'), '1b');
  assert.equal(q('aj[`sym`time;t1;t2]'), 'time     sym p n\n----------------\n00:00:01 a   1 r\n00:00:01 b     s');
  q('x:([a:1 2]b:`x`y;c:10 20); y:([a:1 2 3]b:``z`w;c:1 0N 5)');
  assert.equal(q('x ujf y'), 'a| b c \n-| ----\n1| x 1 \n2| z 20\n3| w 5 ');
  assert.equal(q('(1!([]k:1 2;v:3 4)) uj 1!([]k:2 3;w:5 6)'), 'k| v w\n-| ---\n1| 3  \n2| 4 5\n3|   6');
  assert.equal(q('([]a:1 2;b:`x`y) lj ([a:1 2i] c:3 4)'), "'type");
});

test('bad input leaves tables unchanged: a foreign key missing from its domain, incompatible join keys', () => {
  const { q } = makeSession();
  q('s:([name:`a`b] v:1 2); t:([]k:`s$`a`b; x:1 2)');
  assert.equal(q('`t insert (`z;3)'), "'cast");
  assert.equal(q('update k:`s$`z from t'), "'cast");
  assert.equal(q('t lj ([k:1 2] w:3 4)'), "'type");
  assert.equal(q('select from t where nosuch>1'), "'nosuch");
  assert.equal(q('t'), 'k x\n---\na 1\nb 2');
  assert.equal(q('`t insert (`b;3)'), ',2');
  assert.equal(q('value t`k'), '`a`b`b');
  // update naming no column is t as it is, as its functional form with an empty general list is; an empty
  // symbol list deletes rows (both were taken as deletes, and update from t was 'nyi)
  assert.equal(q('update from t'), q('t'));
  assert.equal(q('update from t where x>1'), q('t'));
  assert.equal(q('![t;();0b;()]'), q('t'));
  assert.equal(q('count ![t;enlist(>;`x;1);0b;`symbol$()]'), '1');
  // xgroup by no columns: a key of no columns, which wasq cannot hold, is 'nyi (it was an internal error)
  assert.equal(q('() xgroup t'), "'nyi");
  assert.equal(q('(`$()) xgroup 0#t'), "'nyi");
});

test('a symbol vector drops columns from a table; other forms of drop on a table are type errors', () => {
  const { q } = makeSession();
  q('t:([]a:1 2 3;b:4 5 6;c:`d`e`f)');
  assert.equal(q('cols `a`b _ t'), ',`c');
  assert.equal(q('t _ `a`b'), "'type");
  assert.equal(q('`a _ t'), "'type");
  assert.equal(q('cols t'), '`a`b`c');
});

test('ungroup razes the list columns and repeats the rest; lists of unequal lengths are a length error', () => {
  const { q } = makeSession();
  q('t:([]s:`a`b`a;x:1 2 3;j:4 5 6)');
  assert.equal(q('ungroup select x,j by s from t'), 's x j\n-----\na 1 4\na 3 6\nb 2 5');
  assert.equal(q('ungroup ([]a:1 2;b:(1 2;3);c:(`x`y;`z))'), 'a b c\n-----\n1 1 x\n1 2 y\n2 3 z');
  assert.equal(q('ungroup ([]a:1 2;b:(1 2;3);c:(1;2 3))'), "'length");
  assert.equal(q('ungroup ([k:1 2]b:(1 2;3 4))'), 'k b\n---\n1 1\n1 2\n2 3\n2 4');
  assert.equal(q('(ungroup ([]a:1 2;b:("ab";"cd")))`b'), '"abcd"');
});

test('a table literal column that is the name x is called x; columns with no name are x, x1, … as select names them', () => {
  const { q } = makeSession();
  q('x:1 2f');
  q('s:`a`b');
  assert.equal(q('cols ([]s;x;j:1 2)'), '`s`x`j');
  assert.equal(q('cols ([]1 2;3 4)'), '`x`x1');
  assert.equal(q('cols ([]s;1 2)'), '`s`x');
  // numbered as select numbers them: among the names before (KX ml's preproctst.t)
  assert.equal(q('cols ([]sym:`a`b;time:1 2;3 4;5 6)'), '`sym`time`x`x1');
  assert.equal(q('cols ([]x;1 2;3 4)'), '`x`x1`x2');
});

test('xcol with a dictionary renames by name; a name the table lacks is a length error', () => {
  const { q } = makeSession();
  q('t:([]a:1 2;b:3 4)');
  assert.equal(q('cols ([a:`A]) xcol t'), '`A`b');
  assert.equal(q('([q:`r]) xcol t'), "'length");
  assert.equal(q('cols t'), '`a`b');
});

test('pj adds y\'s values by key (kdb+\'s x+0i^y(cols key y)#x): nulls and missing keys add 0, a keyed x stays keyed', () => {
  const { q } = makeSession();
  q('t:([]a:1 2 3;b:`x`y`z;c:1.5 2.5 3.5)');
  assert.equal(q('t pj ([b:`x`y] c:10 0n;d:1 2)'), q('([]a:1 2 3;b:`x`y`z;c:11.5 2.5 3.5;d:1 2 0)'));
  assert.equal(q('pj[([k:1 2]v:1 2);([k:1 3]v:10 30)]'), q('([k:1 2]v:11 2)'));
  assert.equal(q('pj[t;t]'), "'type");
});

test('an unnamed select column takes the leftmost term, a word-function its last argument (basics/qsql)', () => {
  const { q } = makeSession();
  q('t:([]c1:`a`b`c;c2:10 20 30;c3:1.1 2.2 3.3)');
  assert.equal(q('cols select c1, c1, 2*c2, c2+c3, string c3 from t'), '`c1`c11`x`c2`c3');
  assert.equal(q('cols select c2 wavg c3, count i, 5 xbar c2, `long$c3 from t'), '`c3`x`c2`c31');
  q('kt:([s:`a`b] p:1 2)');
  assert.equal(q('cols select c1, kt[([]s:c1);`p] from t where c1 in `a`b'), '`c1`x');
});

test('a table indexed at depth by rows and columns gives each row its values (kb/faq)', () => {
  const { q } = makeSession();
  q('trade:([]stock:`ibm`bac`usb;price:121.3 5.76 8.19;amt:1000 500 800)');
  assert.equal(q('trade[1 0;`stock`amt]'), '`bac 500 \n`ibm 1000');
  assert.equal(q('trade[1 0;`amt]'), '500 1000');
  assert.equal(q('trade[1;`stock`amt]'), '`bac\n500');
  q('kt:([s:`a`b`c]p:1 2 3;r:10 20 30)');
  assert.equal(q('kt[([]s:`c`a);`p`r]'), '3 30\n1 10');
  assert.equal(q('trade[0 1;`price`amt]:(1 2;3 4)'), "'type");
  q('trade[0 1;`price`amt]:((1.5;7);(2.5;8))');
  assert.equal(q('trade'), 'stock price amt\n---------------\nibm   1.5   7  \nbac   2.5   8  \nusb   8.19  800');
});

test('a table or dictionary amended at many rows or keys changes one copy, cell by cell', () => {
  const { q } = makeSession();
  q('u:([]a:1 2 3;b:4 5 6)');
  q('u[0;`b]:100'); q('u[0 2;`a]:10 30'); q('u[1;`a`b]:77 88');
  assert.equal(q('u'), 'a  b  \n------\n10 100\n77 88 \n30 6  ');
  assert.equal(q('.[u;(`b;2);:;9]`b'), '100 88 9');
  q('t:([]a:til 100000;b:0)');
  q('t[til 100000;`b]:1');
  assert.equal(q('exec sum b from t'), '100000');
  q('d:(til 100000)!100000#0');
  q('d[til 100000]+:1');
  assert.equal(q('sum d'), '100000');
  q('e:`a`b`c!1 2 3'); q('e[`a`a`c]+:10 20 30');
  assert.equal(q('e'), 'a| 31\nb| 2\nc| 33');
  q('e[`a`z]:7 8');
  assert.equal(q('e'), 'a| 7\nb| 2\nc| 33\nz| 8');
});

test('a keyed table is amended by key: a row replaced, a cell changed, a new key appended', () => {
  const { q } = makeSession();
  q('kt:([k:`a`b]v:1 2;w:10 20)');
  q('kt[`a]:(100;1000)'); q('kt[`c]:(3;30)'); q('kt[`b;`w]+:1'); q('kt[`a;`v]:7');
  assert.equal(q('kt'), 'k| v w   \n-| ------\na| 7 1000\nb| 2 21  \nc| 3 30  ');
  assert.equal(q('kt[`a]:1 2 3'), "'length");
  assert.equal(q('kt[`a;`v]:`x'), "'type");
  q('k2:([x:1 2;y:`a`b]v:1 2)');
  q('k2[(1;`a)]:enlist 9'); q('k2[`x`y!(5;`e)]:enlist 50');
  assert.equal(q('k2'), 'x y| v \n---| --\n1 a| 9 \n2 b| 2 \n5 e| 50');
});

test('qSQL of a dictionary: its keys are the columns, the answer a dictionary; by is \'type (kdb+ 4.1)', () => {
  const { q } = makeSession();
  q('d:`a`b!1 2; e:`x`y!(1 2;3 4)');
  assert.equal(q('update a:3 from d'), 'a| 3\nb| 2');
  assert.equal(q('update c:a+b from d'), 'a| 1\nb| 2\nc| 3');
  assert.equal(q('select c:a+b from d'), 'c| 3');
  assert.equal(q('exec a from d'), '1');
  assert.equal(q('exec sum x from e'), '3');
  assert.equal(q('update z:x+y from e'), 'x| 1 2\ny| 3 4\nz| 4 6');
  assert.equal(q('update a by b from d'), "'type");
  assert.equal(q('update a:10 from `d'), '`d');
  assert.equal(q('d'), 'a| 10\nb| 2');
});

test('aj agrees with a naive search (the last row of the key at or before the time) for key and time types', () => {
  const { q } = makeSession();
  q('n:3000;t1:([]sym:n?`a`b`c`d;time:n?100);t2:`time xasc ([]sym:(n?`a`b`c),`e;time:(n?100),5;v:til n+1)');
  q('naive:{[t1;t2] v:{[t2;s;tm] m:exec v from t2 where sym=s,time<=tm; $[count m;last m;0N]}[t2]\'[t1`sym;t1`time]; t1,\'([]v:v)}');
  assert.equal(q('aj[`sym`time;t1;t2]~naive[t1;t2]'), '1b');
  for (const ty of ['time', 'float', 'timestamp', 'date']) {
    assert.equal(q(`{[t1;t2] aj[\`sym\`time;t1;t2]~naive[t1;t2]}[update time:\`${ty}$time from t1;update time:\`${ty}$time from t2]`), '1b', ty);
  }
  // an int key, and two key columns (matched through their text)
  assert.equal(q('{[t1;t2] aj[`sym`time;t1;t2]~naive[t1;t2]}[update sym:`int$sym in `a`b from t1;update sym:`int$sym in `a`b from t2]'), '1b');
  assert.equal(q('(aj[`sym`k`time;update k:1 from t1;update k:1 from t2]`v)~aj[`sym`time;t1;t2]`v'), '1b');
});

test('find in a table: a record (dictionary or list) gives its row, columns of values the row of each (ref/find)', () => {
  const { q } = makeSession();
  q('t:([]a:1 2 3 4;b:`x`y`x`z;c:1.5 2.5 3.5 4.5)');
  assert.equal(q('t?(2;`y;2.5)'), '1');
  assert.equal(q('t?`c`b`a!(2.5;`y;2)'), '1');
  assert.equal(q('t?(9;`y;2.5)'), '4');
  assert.equal(q('t?(2 4;`y`z;2.5 4.5)'), '1 3');
  assert.equal(q('t?([]a:1 3;b:`x`x;c:1.5 3.5)'), '0 2');
  assert.equal(q('t?(1;`x)'), "'length");
});

test('functional exec grouped by a list of columns: the empty symbol keys the values, or a one-row table of them (basics/funsql)', () => {
  const { q } = makeSession();
  q('t:([]c1:`a`b`c`a;c2:10 20 30 40;c3:1.1 2.2 3.3 4.4;c4:`cow`sheep`dog`dog)');
  assert.equal(q('?[t; (); `c1`c2; `c3]'), '| 1.1 2.2 3.3 4.4');
  assert.equal(q('?[t; (); `c1`c2; `c3`c4!((max;`c3);(last;`c4))]'), '| c3  c4 \n| -------\n| 4.4 dog');
  assert.equal(q('key ?[t; (); `c1`c2; `c3`c4!((max;`c3);(last;`c4))]'), ',`');
});

test('drop keys from a keyed table: one key, a key record, keys as a table; d _ vector stays a type error (ref/drop)', () => {
  const { q } = makeSession();
  q('kt:([k:1 2 3]v:3 4 5);k2:([a:1 2;b:`x`y]v:3 4);d:100 200!`a`b');
  assert.equal(q('kt _ 1'), 'k| v\n-| -\n2| 4\n3| 5');
  assert.equal(q('kt _ 9'), q('kt'));
  assert.equal(q('k2 _ (2;`y)'), 'a b| v\n---| -\n1 x| 3');
  assert.equal(q('([]k:2 3) _ kt'), 'k| v\n-| -\n1| 3');
  assert.equal(q('enlist[100] _ d'), '200| b');
  assert.equal(q('enlist[1] _ d'), '100| a\n200| b');
  assert.equal(q('kt _ 1 3'), "'type");
  q('kt _: 2');
  assert.equal(q('exec k from kt'), '1 3');
});

test('a foreign key into a keyed table of several key columns enumerates key records by row (wp/foreign-keys)', () => {
  const { q } = makeSession();
  q('t1:([sym:`A`B`C;ex:`NYSE`NYSE`NDQ];shares:100 200 300);t2:([]sym:`A`B;ex:`NYSE`NYSE;price:2 4.)');
  q("update fk:`t1$(t2[`sym],'t2[`ex]) from `t2");
  assert.equal(q('t2`fk'), '`t1!0 1');
  assert.equal(q('`t1$`C`NDQ'), '`t1!2');
  assert.equal(q('`t1$([]sym:`A`C;ex:`NYSE`NDQ)'), '`t1!0 2');
  q('`t2 insert (`C;`NDQ;4.05;`t1$`C`NDQ)');
  assert.equal(q('exec price*fk.shares from t2'), '200 800 1215f');
  assert.equal(q('`t1$`C`LSE'), "'cast");
  assert.equal(q('count t2'), '3');
});

test('upsert in a loop: a keyed table keeps its index of keys, and every value made from it stays its own', () => {
  const { q } = makeSession();
  q('kt:([k:`long$()]v:`float$()); {`kt upsert (x;2.)} each til 3000; {`kt upsert (x;3.)} each 1000+til 3000');
  assert.equal(q('(count kt;sum exec v from kt)'), '4000\n11000f');
  q('a:([k:1 2]v:3 4); b:a upsert (3;5); c:a upsert (3;6); d:b upsert (3;7); e:b upsert (4;8)');
  assert.equal(q('(exec v from a;exec v from b;exec v from c;exec v from d;exec v from e)'), '3 4\n3 4 5\n3 4 6\n3 4 7\n3 4 5 8');
  assert.equal(q('e 4'), 'v| 8');
  assert.equal(q('d 4'), 'v| ');
  // a row of one type is a row (a simple list); a row takes only its columns' types (a table joined makes
  // a column of another type general, as kt,kt1 does)
  assert.equal(q('exec v from a,(1;9)'), '9 4');
  assert.equal(q('a,`a`b'), "'type");
  assert.equal(q('a,(3;5.)'), "'type");
  q('t:([]a:`long$();b:`float$()); do[3000;`t upsert (1;2.)]; u:t; `t upsert (2;3.); u:u upsert (3;4.)');
  assert.equal(q('(count t;count u;last t`a;last u`a)'), '3001 3001 2 3');
});

test('insert into a keyed table refuses a key it has, found in the kept index, also after a refused insert', () => {
  const { q } = makeSession();
  q('kt:([k:`long$()]v:`float$()); {`kt insert (x;2.)} each til 3000');
  assert.equal(q('`kt insert (5;1.)'), "'insert");
  assert.equal(q('`kt insert ([]k:7000 7000;v:1 2.)'), "'insert");
  assert.equal(q('count kt'), '3000');
  assert.equal(q('`kt insert (7000;1.)'), ',3000');
  assert.equal(q('kt 7000'), 'v| 1');
  q('sym:`a`b; e:([k:`sym$`a`b]v:1 2)');
  assert.equal(q('`e insert (`a;3)'), "'insert");
  q('`sym?`c');
  assert.equal(q('`e insert (`c;3)'), ',2');
});

test('wj and wj1 agree with a naive search of each window (wj1: quotes inside it; wj: and the one prevailing at its start)', () => {
  const { q } = makeSession();
  q('n:2000;q:`time xasc ([]sym:n?`a`b`c;time:n?1000;ask:n?100);t:([]sym:200?`a`b`c`d;time:200?1000)');
  q('w:(-30 0)+\\:t`time');
  q('in1:{[q;s;b;e] exec ask from q where sym=s, time within (b;e)}');
  q('pre:{[q;s;b;e] r:exec ask from q where sym=s, time within (b;e); p:exec ask from q where sym=s, time<b; $[count[p]&not b in exec time from q where sym=s;(last p),r;r]}');
  assert.equal(q('(exec ask from wj1[w;`sym`time;t;(q;(::;`ask))])~in1[q]\'[t`sym;w 0;w 1]'), '1b');
  assert.equal(q('(exec ask from wj[w;`sym`time;t;(q;(::;`ask))])~pre[q]\'[t`sym;w 0;w 1]'), '1b');
  assert.equal(q('(exec ask from wj[w;`sym`time;t;(q;(max;`ask))])~max each pre[q]\'[t`sym;w 0;w 1]'), '1b');
});

test('select[k;>c] and select[k;<c] (and ?[t;c;b;a;k;(idesc;`c)]) keep k rows in the order of the full sort: ties, nulls, every numeric type', () => {
  const { q } = makeSession();
  q('n:5000; t:([]f:@[n?10f;til 50;:;0n];j:@[n?20;100+til 50;:;0N];i:n?5i;d:2020.01.01+n?30;p:2000.01.01D+n?1000000000000;big:n?0W;k:til n)');
  for (const c of ['f', 'j', 'i', 'd', 'p', 'big']) for (const k of [0, 1, 7, 100, 600]) {
    assert.equal(q(`(select[${k};>${c}] from t)~${k}#\`${c} xdesc t`), '1b', `>${c} ${k}`);
    assert.equal(q(`(select[${k};<${c}] from t)~${k}#\`${c} xasc t`), '1b', `<${c} ${k}`);
    assert.equal(q(`(select[3 ${k};>${c}] from t)~${k}#3_\`${c} xdesc t`), '1b', `[3 ${k}] >${c}`);
  }
  assert.equal(q('?[t;();0b;();5;(idesc;`f)]~5#`f xdesc t'), '1b');
  assert.equal(q('(select[-4;>j] from t)~-4#`j xdesc t'), '1b');
});

test('a table row amended by position takes a dictionary of its columns (any order); anything else is a q error', () => {
  const { q } = makeSession();
  q('t:([]a:1 2 3;b:`x`y`z)');
  q('t[1]:`b`a!(`w;9)');
  assert.equal(q('t'), 'a b\n---\n1 x\n9 w\n3 z');
  assert.equal(q('t[1]:(7;`v)'), "'type");
  assert.equal(q('@[t;5;:;`a`b!(8;`v)]'), "'length");
  assert.equal(q('t[0]:`a`c!(1;`p)'), "'type");
  assert.equal(q('t'), 'a b\n---\n1 x\n9 w\n3 z');
});

test('exec by an enumeration keeps its named column (xtab), by 0b gives a table, and enumerations show as a grid row (ref/exec)', () => {
  const { q } = makeSession();
  q('s:([s:`s1`s2`s3] city:`london`paris`rome); sp:([] s:`s$`s1`s1`s2`s3`s1; qty:300 200 400 200 100)');
  assert.equal(q('exec q:sum qty by s from sp'), '  | q  \n--| ---\ns1| 600\ns2| 400\ns3| 200');
  assert.equal(q('exec qty, s by 0b from sp'), 'qty s \n------\n300 s1\n200 s1\n400 s2\n200 s3\n100 s1');
  assert.equal(q('parse "exec qty, s by 0b from sp"'), '?\n`sp\n()\n0b\n`qty`s!`qty`s');
  assert.equal(q('exec (qty;s) from sp'), '300 200 400 200 100\ns1  s1  s2  s3  s1 ');
  assert.equal(q('exec qty, s from sp'), 'qty| 300 200 400 200 100\ns  | s1  s1  s2  s3  s1 ');
});

test('a dictionary of table rows shows as a keyed table whatever list its keys are: exec c:f by a column of strings (ref/exec list!table)', () => {
  const { q } = makeSession();
  q('t:([]e:("ab";enlist "c";"ab");g:1 2 3)');
  assert.equal(q('exec gx:sum g by e from t'), '    | gx\n----| --\n"ab"| 4 \n,"c"| 2 ');
  assert.equal(q('(`a;1)!([]x:1 2)'), '  | x\n--| -\n`a| 1\n1 | 2');
});

test('a record or key of symbols finds rows whose column is an enumeration of them (ref/find, sp?(`s1;`p4;200))', () => {
  const { q } = makeSession();
  q('s:([s:`s1`s2`s3] city:`london`paris`rome); p:([p:`p1`p2] color:`red`blue)');
  q('sp:([] s:`s$`s1`s1`s2`s3; p:`p$`p1`p2`p2`p1; qty:300 200 400 200)');
  assert.equal(q('(sp?(`s2;`p2;400);sp?(`s$`s2;`p$`p2;400);sp?`s`p`qty!(`s3;`p1;200);sp?(`s9;`p1;1))'), '2 2 3 4');
  assert.equal(q('sp?([]s:`s3`s1;p:`p1`p2;qty:200 200)'), '3 1');
  q('e:`a`b; kt:([k:`e$`a`b]v:1 2); k2:([k:`e$`a`b;n:1 2]v:10 20)');
  assert.equal(q('kt`b'), 'v| 2');
  assert.equal(q('kt`c'), 'v| ');
  assert.equal(q('(k2(`b;2))`v'), '20');
  assert.equal(q('(k2`k`n!(`a;1))`v'), '10');
  assert.equal(q('kt([]k:`b`a)'), 'v\n-\n2\n1');
});

test('append (t,:) takes rows with columns missing and fills them with nulls; join does not (ref/join)', () => {
  const { q } = makeSession();
  q('t:([]a:1 2;b:3 4); t,:([a:5]); t,:([]b:6 7)');
  assert.equal(q('t'), 'a b\n---\n1 3\n2 4\n5  \n  6\n  7');
  assert.match(q('t,([]b:6 7)'), /^'mismatch/);
  assert.match(q('t,:([]z:enlist 1)'), /^'mismatch/);
  assert.equal(q('count t'), '5');
  q('u:([]a:1 2;c:("ab";"cd")); u,:([]a:3 4)');
  assert.equal(q('u`c'), '"ab"\n"cd"\n""\n""');
  assert.equal(q('exec t from meta u'), '"jC"');
});

test('meta of a foreign key shows the type of the key it stands for (ref/fkeys)', () => {
  const { q } = makeSession();
  q('f:([x:1 2 3]y:10 20 30); t:([]a:`f$2 2 2;b:0;c:`f$1 1 1)');
  assert.equal(q('meta t'), 'c| t f a\n-| -----\na| j f  \nb| j    \nc| j f  ');
  assert.equal(q('(value t`a;type value 0#t`a)'), '2 2 2\n7h');
});

test('a chain of foreign keys in a query: s.eid.currency follows s, then eid (basics/joins)', () => {
  const { q } = makeSession();
  q('emaster:([eid:1001 1002 1003] currency:`gbp`eur`usd); s:([s:`s1`s2`s3] name:`smith`jones`blake; eid:`emaster$1001 1003 1002)');
  q('sp:([] s:`s$`s1`s2`s3`s1; qty:1 2 3 4)');
  assert.equal(q('select s.name, qty, s.eid.currency from sp'), 'name  qty currency\n------------------\nsmith 1   gbp     \njones 2   usd     \nblake 3   eur     \nsmith 4   gbp     ');
  assert.equal(q('exec qty from sp where s.eid.currency=`gbp'), '1 4');
});

test('a select column named as a group is a parse error since kdb+ 4.0 (basics/qsql: dup names for cols/groups)', () => {
  const { q } = makeSession();
  q('t:([]a:1 2 2;b:3 4 4)');
  assert.match(q('parse"select b by b from t"'), /^'dup names for cols\/groups b/);
  assert.match(q('select a, sum b by b from t'), /^'dup names for cols\/groups b/);
  assert.equal(q('select sum a by b from t'), 'b| a\n-| -\n3| 1\n4| 4');
  assert.equal(q('select a,b by c:a from t'), 'c| a   b  \n-| -------\n1| ,1  ,3 \n2| 2 2 4 4');
});

test('a sorted keyed table is a step function: a key finds the row of the last key at or below it (wp/corporate-actions)', () => {
  const { q } = makeSession();
  q('tab:`s#([date:2013.01.01 2013.04.01 2013.07.01 2013.10.01 2014.01.01] q:`Q1`Q2`Q3`Q4`Q5)');
  assert.equal(q('exec q from tab([]date:2013.01.01 2013.05.05 2013.06.19 2013.08.25 2013.10.01)'), '`Q1`Q2`Q2`Q3`Q4');
  assert.equal(q('(tab 2013.05.05)`q'), '`Q2');
  assert.equal(q('(tab 2012.12.31)`q'), '`');
  q('u:([date:2013.01.01 2013.04.01] q:`Q1`Q2)');
  assert.equal(q('(u 2013.05.05)`q'), '`');
});

test('upsert into a sorted dictionary is \'step (kb/temporal-data); into a table, columns left out are nulls', () => {
  const { q } = makeSession();
  q('d:`s#`a`b!1 2');
  assert.match(q('`d upsert `c`d!3 4'), /^'step/);
  assert.equal(q('d'), 'a| 1\nb| 2');
  q('t:([]a:1 2;b:3 4); `t upsert ([]b:5 6)');
  assert.equal(q('t'), 'a b\n---\n1 3\n2 4\n  5\n  6');
});

test('a keyed table of one key column indexed by a list of another type is \'length, the list taken as one key (ref/dotq .Q.ft)', () => {
  const { q } = makeSession();
  q('s:([s:`s1`s2`s3] city:`london`paris`rome)');
  assert.match(q('s 2 3'), /^'length/);
  assert.equal(q('exec city from s `s1`s3'), '`london`rome');
  q('e:`x`y; ke:([a:`e$`x`y]b:1 2)');
  assert.equal(q('exec b from ke `y`x'), '2 1');
});

test('an int column or vector takes longs where an item is stored, and a long one ints; other types still signal type (KX forum on amend type enforcement; kdb+ replaying a log of long sizes into an int column)', () => {
  const { q } = makeSession();
  assert.equal(q('@[1 2 3i;1;:;7]'), '1 7 3i');
  assert.equal(q('@[1 2 3;1;:;7i]'), '1 7 3');
  assert.equal(q('@[1 2 3i;1;:;9223372036854775]'), '1 0W 3i');
  assert.equal(q('@[1 2 3i;0 1;+;1]'), '2 3 3i');
  q('a:1 2 3i; a[1]:5; a[0 2]:8 9');
  assert.equal(q('a'), '8 5 9i');
  q('t:([]s:`symbol$();n:`int$()); `t insert (`a;5); `t insert (`b`c;6 7); t,:([]s:enlist`d;n:enlist 8); `t upsert (`e;9)');
  assert.equal(q('exec n from t'), '5 6 7 8 9i');
  q('kt:([k:`int$()]v:`long$()); `kt upsert (1;2i); `kt upsert ([]k:1 3;v:4 5i)');
  assert.equal(q('kt'), 'k| v\n-| -\n1| 4\n3| 5');
  assert.equal(q('meta kt'), 'c| t f a\n-| -----\nk| i    \nv| j    ');
  assert.match(q('`t insert (`f;1.5)'), /^'type/);
  assert.match(q('@[1 2 3i;1;:;1.5]'), /^'type/);
  assert.match(q('a[0]:1h'), /^'type/);
  // x,:y on a vector keeps its strict rule
  assert.match(q('a,:4'), /^'type/);
  assert.equal(q('count t'), '5');
});

test('upsert into a table named takes rows of its columns\' types only, as insert does: \'type, the table unchanged (ref/upsert; k4unit\'s KUltr)', () => {
  const { q } = makeSession();
  q('t:([]a:`symbol$();b:`long$())');
  assert.match(q('`t upsert ([]a:1 2;b:`x`y)'), /^'type/);
  assert.match(q('`t upsert (1;`x)'), /^'type/);
  assert.match(q('.[`t;();,;([]a:1 2;b:`x`y)]'), /^'type/);
  assert.equal(q('meta t'), 'c| t f a\n-| -----\na| s    \nb| j    ');
  q('`t upsert ([]a:`r`s;b:3 4i)');
  q('`t upsert `a`b!(`z;9)');
  assert.equal(q('exec b from t'), '3 4 9');
  assert.equal(q('meta t'), 'c| t f a\n-| -----\na| s    \nb| j    ');
});

test('a table column of dictionaries amends at depth: t[i;`col;`key]:v (KX ml\'s execPipeline: pipeline[node;`inputs;name]:data)', () => {
  const { q } = makeSession();
  q('t:([]a:1 2;b:(`x`y!1 2;`x`y!3 4))');
  q('t[1;`b;`x]:99');
  assert.equal(q('t[1;`b]'), 'x| 99\ny| 4');
  q('t[0;`b;`z]:7');
  assert.equal(q('t[0;`b]'), 'x| 1\ny| 2\nz| 7');
  assert.equal(q('t[1;`b;`x]'), '99');
});

test('a keyed table keyed by strings or bytes finds the row of the whole key, to read and to amend; a table finds a record with a string cell (kdb-common\'s file headers)', () => {
  const { q } = makeSession();
  q('kt:([k:("ab";"cd")] v:1 2)');
  assert.equal(q('kt[enlist[`k]!enlist "zz"]'), 'v| ');
  q('kt[enlist[`k]!enlist "cd"]:enlist[`v]!enlist 99');
  assert.equal(q('exec v from kt'), '1 99');
  assert.equal(q('kt "cd"'), 'v| 99');
  assert.equal(q('kt["cd";`v]'), '99');
  assert.equal(q('([k:(0xfe20;0xfe21)] v:`a`b)[0xfe21]`v'), '`b');
  assert.equal(q('([]k:("ab";"cd"))?enlist[`k]!enlist "cd"'), '1');
  assert.equal(q('([a:1 2;b:`x`y] v:10 20)[(2;`y);`v]'), '20');
});

test('kt[key]:dict of some columns upserts them: the others keep the row\'s values, a new row\'s are nulls of their types (ref/assign; kdb-common\'s require.q)', () => {
  const { q } = makeSession();
  q('t:([k:`symbol$()] a:`long$(); b:`float$(); c:`date$())');
  q('t[`x]:`a`b!(1;2f)');
  assert.equal(q('exec t from meta t'), '"sjfd"');
  q('t[`x]:enlist[`c]!enlist 2020.01.01');
  assert.equal(q('t`x'), 'a| 1\nb| 2f\nc| 2020.01.01');
  q('t[`y]:enlist[`c]!enlist 2020.01.02');
  assert.equal(q('t`y'), 'a| 0N\nb| 0n\nc| 2020.01.02');
});

test('keyed tables joined each by key give a keyed table, as uj does (gyorokpeter\'s AoC 2024 day 21: p,\'np)', () => {
  const { q } = makeSession();
  assert.equal(q('([s:`a`b`c]x:1 2 3),\'([s:`a`c]y:10 30)'), 's| x y \n-| ----\na| 1 10\nb| 2   \nc| 3 30');
});

test('wj with two aggregations of one column keeps both, as t,\'flip names!results does (wp/transaction-cost: min and max price)', () => {
  const { q } = makeSession();
  q('q:([]sym:`a`a`a;time:1 2 3;p:1 5 3)');
  assert.equal(q('wj[(1#1;1#3);`sym`time;([]sym:1#`a;time:1#2);(q;(min;`p);(max;`p))]'), 'sym time p p\n------------\na   2    1 5');
  assert.equal(q('wj[(1#1;1#3);`sym`time;([]sym:1#`a;time:1#2;p:1#0);(q;(max;`p))]'), 'sym time p\n----------\na   2    5');
});

test('a sorted keyed table of several key columns is a step function too: each key finds the last key at or below it (wp/corporate-actions)', () => {
  const { q } = makeSession();
  q('kt2:`s#([a:1 1 3;b:1 5 1]c:`x`y`z)');
  assert.equal(q('exec c from kt2 ([]a:1 1 2 3 4;b:0 3 9 0 9)'), '``x`y`y`z');
  assert.equal(q('(kt2 (1;3))`c'), '`x');
  assert.equal(q('(kt2 `a`b!3 5)`c'), '`z');
  assert.equal(q('null (kt2 (0;9))`c'), '1b');
  q('ca:`s#`uid`date xkey ([]uid:`BB.TO`BB.TO`RY.TO;date:2010.01.01 2013.07.15 2010.01.01;sym:`RIM.TO`BB.TO`RY.TO)');
  assert.equal(q('exec sym from ca ([]uid:`BB.TO`BB.TO`RY.TO;date:2012.01.01 2014.01.01 2014.01.01)'), '`RIM.TO`BB.TO`RY.TO');
});

test('a grouped select of one key column is sorted and says so: s# on the key column and the keyed table (basics/qsql, kb/versions: (`s#+(,`color)!,`s#`blue`green`red)!…)', () => {
  const { q } = makeSession();
  q('p:([p:`p1`p2`p3]color:`red`green`blue); sp:([]p:`p$`p1`p2`p3`p1;qty:300 200 400 100)');
  assert.equal(q('-3!select sum qty by p.color from sp'), '"(`s#+(,`color)!,`s#`blue`green`red)!+(,`qty)!,400 200 400"');
  assert.equal(q('exec a from meta select sum qty by p.color from sp'), '`s`');
});

test('select[n] and select[>c] keep a keyed table keyed, and sort by any expression of the columns', () => {
  // funq's nb.q and tfidf.q sort a keyed table (select[>spam] from ([]word:v)!…), silhouette.q by a table
  const { q } = makeSession();
  q('kt:([k:1 2 3]b:3 1 2); t:([]g:`a`b`a`b;s:1 4 3 2)');
  assert.equal(q('select[>b] from kt'), 'k| b\n-| -\n1| 3\n3| 2\n2| 1');
  assert.equal(q('select[2] from kt'), 'k| b\n-| -\n1| 3\n2| 1');
  assert.equal(q('select[-1;<b] from kt'), 'k| b\n-| -\n1| 3');
  assert.equal(q('select[>b] from ([]w:`p`q`r)!([]b:1 3 2)'), 'w| b\n-| -\nq| 3\nr| 2\np| 1');
  assert.equal(q('select[<([]g;s)] from t'), 'g s\n---\na 1\na 3\nb 2\nb 4');
  assert.equal(q('select[>([](avg;s) fby g;s)] from t'), 'g s\n---\nb 4\nb 2\na 3\na 1');
  assert.equal(q('select[2;<s+10*s mod 2] from t'), 'g s\n---\nb 2\nb 4');
});

test('an enumeration indexes and amends a list at its int positions', () => {
  // funq's markov.q amends a matrix at `k?… pairs
  const { q } = makeSession();
  q('k:`cat`hat`bat; e:`k$`hat`bat; x:10 20 30');
  assert.equal(q('x e'), '20 30');
  assert.equal(q('(3 3#til 9) . (`k$`hat;`k$`bat)'), '5');
  assert.equal(q('@[x;e;+;1]'), '10 21 31');
  q('x[`k$`cat]:7');
  assert.equal(q('x'), '7 20 30');
  // a dictionary keyed by the enumeration still finds keys, not positions
  assert.equal(q('(e!1 2)`k$`bat'), '2');
  assert.equal(q('@[e!1 2;`k$`bat;+;1]'), 'hat| 1\nbat| 3');
});

test('a table literal names a computed column by its rightmost term, where select takes the leftmost', () => {
  // learn/brief-introduction's tab has columns time item amount city, and its next query reads item;
  // kb/mt-primitives reads t`x of ([]n?0f;n?0x00;n?0x00)
  const { q } = makeSession();
  q('n:6; item:`apple`banana`orange; city:`beijing`london');
  q('tab:([]time:asc n?0D0;n?item;amount:n?100;n?city)');
  assert.equal(q('cols tab'), '`time`item`amount`city');
  assert.equal(q('count select from tab where item in item'), '6');
  assert.equal(q('cols ([]n?0f;n?0x00;n?0x00)'), '`x`x1`x2');
  assert.equal(q('cols ([]n?item;n?item)'), '`item`item1');
  q('t:([]c2:1 2;c3:3 4)');
  assert.equal(q('cols select c2+c3, 2*c2 from t'), '`c2`x');
});

test('q4m and weihong15 notebooks: aj0 keeps t1\'s time where no row matched; a table shows an infinite temporal as 0W and an empty list blank', () => {
  const { q } = makeSession();
  q('t:([]ti:10:01:01 10:01:03 10:01:04;sym:`msft`ibm`ge;qty:100 200 150)');
  q('qt:([]ti:10:01:00 10:01:01 10:01:01 10:01:02;sym:`ibm`msft`msft`ibm;px:100 99 101 98)');
  assert.equal(q('aj0[`sym`ti;t;qt]'), 'ti       sym  qty px \n---------------------\n10:01:01 msft 100 101\n10:01:02 ibm  200 98 \n10:01:04 ge   150    ');
  q('job:flip `name`func`time!"s*p"$\\:()');
  q('`job upsert (`;();0Wp)');
  assert.equal(q('job'), 'name func time\n--------------\n          0W  ');
  assert.equal(q('([]a:0W 2000.01.01)'), 'a         \n----------\n0W        \n2000.01.01');
});

test('q4m\'s Tables notebook: find and keyed-table lookup take a list of records; insert enumerates a foreign key\'s values', () => {
  const { q } = makeSession();
  q('t:([]a:`x`y`z;b:1 2 3); t1:([]eid:1001 1002 1003)');
  assert.equal(q('t?((`x;1);(`z;3))'), '0 2');
  // (columns of values still find by column)
  assert.equal(q('t?(`x`z;1 3)'), '0 2');
  assert.equal(q('t1?enlist each 1001 1002'), '0 1');
  q('kt:([eid:1001 1002 1003] name:`Dent`Beeblebrox`Prefect; iq:98 42 126)');
  assert.equal(q('kt[(enlist 1001;enlist 1002)]'), 'name       iq\n-------------\nDent       98\nBeeblebrox 42');
  q('ktc:([l:`D`B`P; f:`A`Z`F] iq:98 42 126)');
  assert.equal(q('ktc (`D`A;`P`F)'), 'iq \n---\n98 \n126');
  assert.equal(q('ktc `D`A'), 'iq| 98');
  q('tdetails:([] eid:`kt$1003 1002 1001; sc:126 36 92)');
  assert.equal(q('`tdetails insert (1002;42)'), ',3');
  assert.equal(q('exec eid.name from tdetails'), '`Prefect`Beeblebrox`Dent`Beeblebrox');
  assert.equal(q('`tdetails insert (1009;42)'), "'cast");
  assert.equal(q('count tdetails'), '4');
});

test('uj of keyed tables gives a new key\'s missing string "" (nmasamba\'s kdb_commands: orange|212 "")', () => {
  const { q } = makeSession();
  q('a:([k:`a`b] s:("xx";"yy")); b:([k:enlist`c] v:enlist 1)');
  assert.equal(q('a uj b'), 'k| s    v\n-| ------\na| "xx"  \nb| "yy"  \nc| ""   1');
  assert.equal(q('(a uj b)`c'), 's| ""\nv| 1');
});

test('uj, ujf and lj take () as nothing to join (kdb+\'s q.k: $[()~x;y;()~y;x;..]); a keyed table joined with () is itself and shows its rows with no value columns; keyed uj takes x\'s keys once each (exxeleron\'s cfgRdr; KX Academy\'s joins notebook)', () => {
  const { q } = makeSession();
  q('t:([]a:1 2)');
  assert.equal(q('(() uj t)~t'), '1b');
  assert.equal(q('(t uj ())~t'), '1b');
  assert.equal(q('(() ujf t)~t'), '1b');
  assert.equal(q('() uj ()'), '()');
  assert.equal(q('(t lj ())~t'), '1b');
  assert.equal(q('((1!t),())~1!t'), '1b');
  assert.equal(q('1!t'), 'a| \n-| \n1| \n2| ');
  assert.equal(q('([k:1 1 2]v:1 2 3) uj ([k:enlist 3]v:enlist 4)'), 'k| v\n-| -\n1| 1\n2| 3\n3| 4');
  assert.equal(q('([k:1 1 2]v:1 2 3) uj ([k:3 3 1]v:4 5 6)'), 'k| v\n-| -\n1| 6\n2| 3\n3| 5');
});

test('an atom in a table column of mixed items shows its type\'s mark (a uj of long and float columns shows 2f, KX Academy\'s joins notebook); a vector column\'s items show bare', () => {
  const { q } = makeSession();
  assert.equal(q('([]size:1 2) uj ([]size:2 3f)'), 'size\n----\n1   \n2   \n2f  \n3f  ');
  assert.equal(q('([]a:(1;1i;1b;`b;"c";0N;2.5))'), 'a  \n---\n1  \n1i \n1b \n`b \n"c"\n   \n2.5');
  assert.equal(q('([]a:1 2i;b:2 3f)'), 'a b\n---\n1 2\n2 3');
});

test('delete of a column the table lacks deletes nothing (exxeleron\'s cfgRdr deletes a column its own select dropped)', () => {
  const { q } = makeSession();
  q('t:([]a:1 2;b:3 4)');
  assert.equal(q('cols delete x from t'), '`a`b');
  assert.equal(q('cols delete x,b from t'), ',`a');
  assert.equal(q('cols ![t;();0b;`x`a]'), ',`b');
});

test('a functional select whose columns are ()!() selects every column, as () does (kxcontrib\'s pnl.q: ?[t;c;0b;()!()])', () => {
  const { q } = makeSession();
  q('t:([]s:`a`b`a;v:1 2 3)');
  assert.equal(q('?[t;enlist(=;`s;enlist`a);0b;()!()]'), 's v\n---\na 1\na 3');
  assert.equal(q('?[t;();0b;()!()]~t'), '1b');
  assert.equal(q('?[t;();(enlist`s)!enlist`s;()!()]~select by s from t'), '1b');
});

test('egor7\'s notes: a row joined with a keyed table takes its key\'s values there (lj is t,\\:kt in kdb+\'s q.k); cross of dictionaries pairs keys and values', () => {
  const { q } = makeSession();
  assert.equal(q('-3!(`n`m1!1 10),([n:1 20] v1:11 21)'), '"`n`m1`v1!1 10 11"');
  assert.equal(q('-3!(`n`m1!2 20),([n:1 20] v1:11 21)'), '"`n`m1`v1!2 20 0N"');
  assert.equal(q('([]n:1 2;m1:10 20) ,\\: ([n:1 20] v1:11 21)'), 'n m1 v1\n-------\n1 10 11\n2 20   ');
  q('d1:`a`b!1 2; k2:([a:1 3;b:2 4]c:15 16;d:25 26;e:35 36)');
  assert.equal(q('(d1,k2)~`a`b`c`d`e!1 2 15 25 35'), '1b');
  q('z:(`a`b!1 2) cross `x`y!10 20');
  assert.equal(q('-3!(z[`a`x];z[`b`y];count z)'), '"(1 10;2 20;4)"');
});

test('update … by over no rows gives a column of the type its expression has there, as select … by does', () => {
  const { q } = makeSession();
  q('t:([]a:`long$();b:`$())');
  assert.equal(q('exec t from meta update c:sum a by b from t'), '"jsj"');
  assert.equal(q('exec t from meta update c:avg a by b from t'), '"jsf"');
  q('t2:([]a:1 2;b:`x`y)');
  assert.equal(q('exec t from meta update c:avg a by b from t2 where a>5'), '"jsf"');
  assert.equal(q('update c:avg a by b from t2 where a>5'), 'a b c\n-----\n1 x  \n2 y  ');
});

test('Tok of a table or dictionary goes item by item: a char column is chars, each its own name, and the table keeps its shape', () => {
  const { q } = makeSession();
  assert.equal(q('`$([]v:"xy")'), 'v\n-\nx\ny');
  assert.equal(q('`$([k:`a`b]v:"xy")'), 'k| v\n-| -\na| x\nb| y');
  assert.equal(q('`$`a`b!"xy"'), 'a| x\nb| y');
  assert.equal(q('"J"$([]v:"12")'), 'v\n-\n1\n2');
  assert.equal(q('`$([]a:("ab";"cd"))'), 'a \n--\nab\ncd');
});

test('avg, med and the variances of an integer column by a key agree with the same computed group by group (nulls left out)', () => {
  const { q } = makeSession();
  q('x:200000?100; x[til 500]:0N; t:([]a:x;b:200000?`3;c:`int$x;d:`short$x)');
  q('r1:select avg a, med a, dev a, var a, sdev a, svar a, avg c, med d by b from t');
  q('r2:select {avg x}a,{med x}a,{dev x}a,{var x}a,{sdev x}a,{svar x}a,{avg x}c,{med x}d by b from t');
  assert.equal(q('r1~r2'), '1b');
  assert.equal(q('exec distinct t from meta r1'), '"sf"');
});

test('min and max of a long column by a key agree with the same computed group by group (nulls left out, 0W and -0W for a group of nulls)', () => {
  const { q } = makeSession();
  q('x:200000?100; x[til 500]:0N; t:([]a:x,5000#0N;b:(200000?`3),5000#`nulls)');
  assert.equal(q('(select max a, min a by b from t)~select {max x}a,{min x}a by b from t'), '1b');
  assert.equal(q('first each exec (a;a1) from select max a, min a by b from t where b=`nulls'), '-0W 0W');
  assert.equal(q('exec distinct t from meta select max a, min a by b from t'), '"sj"');
});

test('a select or update column that is :: or a function stands in every row, as an atom does (select made a malformed table over no rows, update was \'length)', () => {
  const { q } = makeSession();
  q('t:([]a:1 2;f:(1 2;3 4));e0:0#t');
  assert.equal(q('select last f,til count a from e0'), 'f a\n---');
  assert.equal(q('count select last f,til count a from e0'), '0');
  assert.equal(q('select f:{x}, a from t'), 'f   a\n-----\n{x} 1\n{x} 2');
  assert.equal(q('update g:{x} from t'), 'a f   g  \n---------\n1 1 2 {x}\n2 3 4 {x}');
  assert.equal(q('count update g:first f from e0'), '0');
  // and by groups over no rows (first of an empty nested column is ::)
  assert.equal(q('count update g:first f by a from e0'), '0');
});

test('a select column that is a table must be as long as the others (it made a malformed table), and one that is a dictionary is \'type', () => {
  const { q } = makeSession();
  q('t:([]a:1 2 3 1;b:`x`y`z`x);k:([]x:1 2);d:`p`q!1 2');
  assert.equal(q('select b,k from t'), "'length");
  assert.equal(q('select b,d from t'), "'type");
  assert.equal(q('count select b,k:([]x:1 2 3 4) from t'), '4');
  assert.equal(q('t'), 'a b\n---\n1 x\n2 y\n3 z\n1 x');
});

test('rows appended to a table with a general column (t,:, insert, upsert) go onto it where it stands: whatever read the table or a column before keeps what it read, and a row of a wrong type changes nothing', () => {
  const { q } = makeSession();
  q('t:([]a:`long$();b:())');
  for (const add of ['t,:(1;"ab")', '`t insert (2;"cd")', '`t upsert (3;"ef")']) q(add);
  q('u:t; c:t`b; f:{x}[t]');
  q('t,:(4;"gh"); `t insert (5;"ij"); `t upsert (6;"kl")');
  assert.equal(q('(count u;count c;count f[];count t;t`b)'), '3\n3\n3\n6\n("ab";"cd";"ef";"gh";"ij";"kl")');
  // a wrong type, by each way in: the table is as it was, every column as long as the others
  assert.equal(q('t,:(`x;"mn")'), "'type");
  assert.equal(q('`t insert (`x;"mn")'), "'type");
  assert.equal(q('`t upsert (`x;"mn")'), "'type");
  assert.equal(q('count each value flip t'), '6 6');
  // a cell amended again and again (t[i;`c] and t[`c;i]): each change kept, what read the table keeps what it
  // read, and a wrong type or row fails with the table as it was
  q('n:([]a:1 2 3;b:("x";"yy";"z")); n[0;`a]:5; n[0;`a]:6; n0:n; n[`a;0]:7; n[1;`b]:"q"; n[1;`b]:"r"; .[`n;(`a;2);+;10]');
  assert.equal(q('-3!(n;n0)'), '"(+`a`b!(7 2 13;\\"xrz\\");+`a`b!(6 2 3;(\\"x\\";\\"yy\\";\\"z\\")))"');
  assert.equal(q('n[0;`a]:`s'), "'type");
  assert.equal(q('n[5;`a]:1'), "'length");
  assert.equal(q('n`a'), '7 2 13');
  // a keyed table's general value column likewise, by upsert and ,: (new keys appended, a key it has amended)
  q('kg:([k:1 2]v:("ab";"cd")); `kg upsert (3;"ef"); kg,:(4;"gh"); kg0:kg; vg:value kg; `kg upsert (5;"ij"); kg,:(1;"AB"); kg,:(6;"kl")');
  assert.equal(q('-3!(exec v from kg;exec v from kg0;count vg)'), '"((\\"AB\\";\\"cd\\";\\"ef\\";\\"gh\\";\\"ij\\";\\"kl\\");(\\"ab\\";\\"cd\\";\\"ef\\";\\"gh\\");4)"');
  // and values at keys it has, again and again; what read it before keeps what it read
  q('kh:([k:1 2 3]v:("a";"bb";"cc")); `kh upsert (2;"x1"); `kh upsert (2;"x2"); kh0:kh; `kh upsert (3;"y1"); kh,:(3;"y2"); `kh upsert (1;5)');
  assert.equal(q('-3!(exec v from kh;exec v from kh0)'), '"((5;\\"x2\\";\\"y2\\");(\\"a\\";\\"x2\\";\\"cc\\"))"');
  // a typed value column likewise, and a row read before, a new key, and a value of another type between
  q('kn:([k:1 2 3]v:10 20 30;w:`a`b`c); `kn upsert (1;11;`x); `kn upsert (1;12;`y); r:kn 1; kn,:(2;21;`z); `kn upsert (4;40;`d); `kn upsert (1;13;`q); kn1:kn');
  assert.equal(q('kn,:(3;2.5;`e)'), "'type");
  assert.equal(q('-3!(r;exec v from kn1;exec w from kn1)'), '"(`v`w!(12;`y);13 21 30 40;`q`z`c`d)"');
  q('`kn upsert (3;31;`e)');
  assert.equal(q('-3!(exec v from kn;exec w from kn;exec v from kn1)'), '"(13 21 31 40;`q`z`e`d;13 21 30 40)"');
  // in a lambda, on its local; and a table of a general column made by a query is copied, not pushed onto
  assert.equal(q('{s:([]a:`long$();b:()); do[3;s,:(x;"qq")]; r:s; s,:(9;"zz"); (count r;count s)} 5'), '3 4');
  q('v:select from t where a<3; `v insert (7;"op")');
  assert.equal(q('(count v;count t)'), '3 6');
});

test('insert takes as many lists as columns as columns when each could be its column, and refuses a typed column items of more than one type', () => {
  const { q } = makeSession();
  q('t:([]a:`long$();b:())');
  assert.equal(q('`t insert (6 7;("m";"no"))'), '0 1');
  assert.equal(q('t'), 'a b   \n------\n6 "m" \n7 "no"');
  assert.equal(q('`t insert (8 9;("p";`q))'), '2 3');
  assert.equal(q('`t insert ((1;`a);("r";"s"))'), "'type");
  assert.equal(q('count t'), '4');
  assert.equal(q('meta t'), 'c| t f a\n-| -----\na| j    \nb|      ');
  // upsert by name likewise, for a row given as a vector too (it made a char column general)
  q('s:([]a:1 2;b:"ab")');
  assert.equal(q('`s upsert 9 1'), "'type");
  assert.equal(q('`s upsert (9;(1;`a))'), "'type");
  assert.equal(q('`s upsert (9;"c")'), '`s');
  assert.equal(q('-3!s'), '"+`a`b!(1 2 9;\\"abc\\")"');
});

test('rows of tables are found, joined and made distinct exactly, floats too, however many (basics/precision: ? in inter except distinct are not tolerant)', () => {
  const { q } = makeSession();
  q('t:([]a:0.3 -0.0 0n 1e-20;b:1 2 3 4); u:([]a:(0.1+0.2;0.0;0n;1e-20);b:1 2 3 4)');
  assert.equal(q('t?u'), '4 1 2 3');
  assert.equal(q('u in t'), '0111b');
  assert.equal(q('count u inter t'), '3');
  // and the same a thousand rows on: the small and the large way agree
  q('T:1000#t; U:1000#u');
  assert.equal(q('(4#T?U),(count distinct T),(count U inter T),count distinct U'), '1000 1 2 3 4 750 4');
  // a table's distinct rows, a char, a float and a timespan column among them
  q('n:5000; v:([]c:n?"AB";f:n?2.0*til 3;s:n?0D00:00:01*til 4;j:n?2)');
  // (against the first row of each text, found among strings)
  assert.equal(q('(distinct v) ~ v where {x=til count x} k?k:-3!\'v'), '1b');
});

test('select distinct c by g gives each group its distinct c, directly and through its parse tree (wp/disaster-floods, kb/programming-examples)', () => {
  const { q } = makeSession();
  q('t:([]c:1 1 2 2 1;e:`a`b`a`a`a)');
  assert.equal(q('select distinct e by c from t'), 'c| e   \n-| ----\n1| `a`b\n2| ,`a ');
  assert.equal(q('(select distinct e by c from t) ~ eval parse "select distinct e by c from t"'), '1b');
  assert.equal(q('exec first e from select distinct e by c from t'), '`a`b');
});

test('raze of tables joins them as ,/ does, each column once: general columns, columns of two types, empty tables, columns in another order', () => {
  const { q } = makeSession();
  q('t:([]a:1 2;b:(01b;10b));u:([]a:3 4;b:(11b;00b));v:([]a:5.5 6.5;b:(1b;`x));e:0#t');
  const joined = (x: string) => q(`{x,y}/[${x}]`);
  for (const x of ['(t;u)', '(t;u;t;u)', '(t;v)', '(e;t)', '(t;e;u)', '(e;e)', '(t;([]b:(0b;1b);a:7 8))', '(t;u;([]b:enlist 0b;a:9))'])
    assert.equal(q(`raze ${x}`), joined(x), x);
  assert.equal(q('raze (t;u)'), 'a b  \n-----\n1 01b\n2 10b\n3 11b\n4 00b');
  assert.equal(q('meta raze (t;v)'), 'c| t f a\n-| -----\na|      \nb| B    ');
  assert.equal(q('raze (t;([]a:enlist 1))'), "'mismatch");
  // a thousand tables of a row each (each joined in turn copied all the rows before it)
  assert.equal(q('count raze {([]a:enlist x;b:enlist 01b)} each til 1000'), '1000');
  assert.equal(q('raze {([]a:enlist x;b:enlist x#1b)} each til 3'), 'a b          \n-------------\n0 `boolean$()\n1 ,1b        \n2 11b        ');
});

test('dictionaries combine on the union of their keys by hash, a key met twice where it was first added (+ | = ^ over many keys)', () => {
  const { q } = makeSession();
  assert.equal(q('(`a`b!1 2)|`b`c`c!10 20 30'), 'a| 1\nb| 10\nc| 30');
  assert.equal(q('(`a`b`b!1 2 3)+`b`d`d!10 20 30'), 'a| 1\nb| 12\nb| 3\nd| 50');
  assert.equal(q('((1 2;3)!5 6)+(3;1 2;`x)!7 8 9'), '1 2| 13\n3  | 13\n`x | 9');
  assert.equal(q('(`a`b!1 2)+(1 2!3 4)'), '`a| 1\n`b| 2\n1 | 3\n2 | 4');
  // thousands of keys of boolean vectors, each side's, as a search over states keeps its best (AoC 2022 day 16)
  q('k:{x#0b} each til 3000; d:k!til 3000; e:(1000_k,{x#1b} each til 500)!til 2500');
  assert.equal(q('count d|e'), '3499');
  assert.equal(q('(d|e)[(1000#0b;10#1b)]'), '1000 2010');
  assert.equal(q('(d|e) ~ (key[d],k2 w)!(value[d]|e key d),e (k2:key e) w:where not (key e) in key d'), '1b');
});

test('keyed tables joined by value make a column of another type general, as , of tables does (a KX course\'s kt,kt1 on kdb+ 4); by name, upsert and ,: still take the columns\' types only', () => {
  const { q } = makeSession();
  assert.equal(q('([k:1 2]v:10 20),([k:2 3]v:`a`b)'), 'k| v \n-| --\n1| 10\n2| `a\n3| `b');
  assert.equal(q('exec v from ([k:1 2]v:10 20),([k:3 4]v:1.5 2.5)'), '10\n20\n1.5\n2.5');
  q('kt:([k:1 2]v:10 20)');
  assert.match(q('`kt upsert ([k:2 3]v:`a`b)'), /^'type/);
  assert.match(q('kt,:([k:enlist 9]v:enlist `z)'), /^'type/);
  assert.equal(q('kt'), 'k| v \n-| --\n1| 10\n2| 20');
});

test('insert of rows named by column leaves the columns they lack null (a KX course\'s `trade insert `sym`size#tab on kdb+ 4); a key column they lack is an error', () => {
  const { q } = makeSession();
  q('t:([]a:1 2;b:3 4)');
  assert.equal(q('`t insert ([]a:enlist 5)'), ',2');
  assert.equal(q('(exec b from t;exec t from meta t)'), '3 4 0N\n"jj"');
  q('kt:([k:1 2]v:3 4;w:5 6)');
  assert.equal(q('`kt insert ([k:enlist 3]v:enlist 9)'), ',2');
  assert.equal(q('kt 3'), 'v| 9\nw| ');
  assert.match(q('`kt insert ([]v:enlist 9)'), /^'k/);
  assert.equal(q('count kt'), '3');
});

test('meta of a keyed table marked sorted (`s#kt, a step function) shows s on its first key column, as a KX course notebook shows it on kdb+ 4; a table marked sorted shows p there (ref/set-attribute)', () => {
  const { q } = makeSession();
  assert.equal(q('exec a from meta `s#([a:1 2 3]b:`x`y`z)'), '`s`');
  assert.equal(q('exec a from meta ([a:1 2 3]b:`x`y`z)'), '``');
  assert.equal(q('exec a from meta `s#([]a:1 2 3;b:3 2 1)'), '`p`');
});

test('rows given as a list take a table\'s column types, by value too: t upsert (`c;1) into a float column is \'type (a KX course notebook on kdb+ 4; ref/upsert "types that match"); a table joined makes the column general', () => {
  const { q } = makeSession();
  q('t:([]s:`a`b;p:1 2f)');
  assert.match(q('t upsert (`c;1)'), /^'type/);
  assert.match(q('t,(`c;1)'), /^'type/);
  assert.equal(q('exec p from t upsert (`c;3f)'), '1 2 3f');
  assert.equal(q('exec p from t,([]s:enlist`c;p:enlist 1)'), '1f\n2f\n1');
  assert.equal(q('exec a from ([]a:1 2i),enlist 3'), '1 2 3i');
});

test('a table of atoms only has no length to extend them to: ([]sym:`JPM;size:100) and flip `a`b!1 2 are \'rank, as kdb+ 4 signals (KX course notebooks); beside a list atoms extend', () => {
  const { q } = makeSession();
  assert.match(q('([]sym:`JPM;size:100;price:3.45)'), /^'rank/);
  assert.match(q('flip `a`b!1 2'), /^'rank/);
  assert.match(q('([k:1]v:2)'), /^'rank/);
  assert.equal(q('([]a:1;b:1 2)'), 'a b\n---\n1 1\n1 2');
  assert.equal(q('flip `a`b!(1;`x`y)'), 'a b\n---\n1 x\n1 y');
  assert.equal(q('count flip (`symbol$())!()'), '0');
});

test('an atom joined with a table joins its rows as items after it (`a,([]b:1 2) has three, a KX course notebook on kdb+ 4), as a list does', () => {
  const { q } = makeSession();
  assert.equal(q('count `a,([]b:1 2)'), '3');
  assert.equal(q('(`a,([]b:1 2))~(`a;(enlist`b)!enlist 1;(enlist`b)!enlist 2)'), '1b');
  assert.equal(q('count (`a;1),([]b:1 2)'), '4');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeSession } from './q.js';

test('assignments show nothing and values display as the console does', () => {
  const { q } = makeSession();
  assert.equal(q('a:1 2 3'), '');
  assert.equal(q('a'), '1 2 3');
  assert.equal(q('a+1'), '2 3 4');
  assert.equal(q('`a`b!1 2'), 'a| 1\nb| 2');
});

test('errors are signals and the session keeps its globals', () => {
  const { q } = makeSession();
  q('x:42');
  assert.equal(q('1+`a'), "'type");
  assert.equal(q('undefinedname'), "'undefinedname");
  assert.equal(q('x'), '42');
});

test('lambdas, projections and early return', () => {
  const { q } = makeSession();
  assert.equal(q('{x+y}[1;2]'), '3');
  assert.equal(q('f:{x*y};g:f[2];g 5'), '10');
  assert.equal(q('{:x+1;x+2}1'), '2');
  assert.equal(q('{[a;b]c:a+b;c*2}[1;2]'), '6');
});

test('pattern matching: destructuring, type checks, filters and the pattern conditional', () => {
  const { q } = makeSession();
  // (a!):d takes the keys alone (basics/pattern)
  assert.equal(q('(a!):1 2!3 4; a'), '1 2');
  assert.match(q('(a!):1 2'), /^'type/);
  assert.equal(q('(b;c):2 3'), '');
  assert.equal(q('b,c'), '2 3');
  assert.equal(q('(b;c):2 3 4'), "'length");
  assert.equal(q('(1):2'), "'match");
  assert.equal(q('b'), '2', 'a failed match changes nothing');
  assert.equal(q('{[(a;b);c]a+b+c}[1 2;3]'), '6');
  assert.equal(q('{[x:`j]x}1.5'), "'type");
  assert.equal(q('(a:3+):4;a'), '7');
  assert.equal(q(':[1i;r:`f;"float";r:`i;"int";"other"]'), '"int"');
  assert.equal(q('([four:d]):`one`four!1 4;d'), '4');
});

test('a keyword with no unary form before an operator is its left argument; one with a unary form applies', () => {
  const { q } = makeSession();
  assert.equal(q('ssr . ("Hello word!";"rd";"rld")'), '"Hello world!"');
  assert.equal(q('sublist . (2;til 5)'), '0 1');
  assert.equal(q('count enlist 1'), '1');
  assert.equal(q('neg -1'), '1');
  assert.equal(q('parse "sublist . x"'), '.\nsublist\n`x');
});

test('q disables an operator\'s unary form applied prefix; parenthesized or with its colon it is that form', () => {
  const { q } = makeSession();
  assert.equal(q('$42'), "'$");
  assert.equal(q('+`a`b!(1 2;3 4)'), "'+");
  assert.equal(q('x:3;-x'), "'-");
  // a keyword is a name, so the operator after it takes it as its left argument: count ,1 is ,[count;1]
  assert.equal(q('type count ,1'), '0h');
  assert.equal(q('(count ,1) 1'), '1');
  assert.equal(q('($)42'), '"42"');
  assert.equal(q('(+)`a`b!(1 2;3 4)'), 'a b\n---\n1 3\n2 4');
  assert.equal(q('(,)1'), ',1');
  assert.equal(q('(<)3 1 2'), '1 2 0');
  assert.equal(q('$:[42]'), '"42"');
  assert.equal(q('-1'), '-1');
  assert.equal(q('1-1'), '0');
  assert.equal(q('(+) scan 1 2 3'), '1 3 6');
  assert.equal(q('(-) prior 5 16 42'), '5 11 26');
  assert.equal(q('+/[1 2 3]'), '6');
  // (an error of the parse, with its place: basics/debug and releases/ChangesIn4.0 show parse "2+2;+2"
  // signalling under .Q.trp with the caret under the second +)
  assert.equal(q('parse "$42"'), "'$");
  assert.equal(q('@[parse;"2+2;+2";{x}]'), ',"+"');
  assert.equal(q('.Q.trp[parse;"2+2;+2";{.Q.sbt 1#y}]'), '"  [0]  2+2;+2\\n           ^\\n"');
  assert.equal(q('parse"select[10;<price] from trade"'), '?\n`trade\n()\n0b\n()\n10\n,(<:;`price)');
  assert.equal(q('parse "6(+)4"'), '6\n(+:;4)');
});

test('different temporal types compare as kdb+\'s matrix says: a timestamp meets a time by its time of day', () => {
  const { q } = makeSession();
  assert.equal(q('2024.10.07D20:00:00.000603286 within 13:30 20:00t'), '1b');
  assert.equal(q('20:00:00.000603286 within 13:30 20:00t'), '0b');
  assert.equal(q('2024.10.07D09:29:15 = 09:29'), '1b');
  assert.equal(q('2024.10.07D09:29:15 > 09:29 09:28'), '01b');
  assert.equal(q('2024.10.07T12:00 > 11:00'), '1b');
  assert.equal(q('2024.10m < 2024.10.07'), '1b');
  assert.equal(q('2024.10m = 2024.10.01'), '1b');
  assert.equal(q('2024.10.07D0 = 2024.10.07'), '1b');
  assert.equal(q('0D01 = 01:00:00'), '1b');
  assert.equal(q('2024.10.07 < 12:00'), "'type");
  assert.equal(q('2024.10m < 0D01'), "'type");
  assert.equal(q('count select from ([]ts:2016.09.06D09:15:37 2016.09.06D09:29:15 2016.09.06D09:30:01) where ts>09:29'), '1');
});

test('-4! tokenizes q text and -5! parses it', () => {
  const { q } = makeSession();
  assert.equal(q('-4!"a variable named aa_bb"'), ',"a"\n," "\n"variable"\n," "\n"named"\n," "\n"aa_bb"');
  assert.equal(q('-4!"f[x;\\"s t\\"]"'), ',"f"\n,"["\n,"x"\n,";"\n"\\"s t\\""\n,"]"');
  assert.equal(q('(-5!"select this from that")~parse "select this from that"'), '1b');
  assert.equal(q('-4!1'), "'type");
});

test('a parse tree of an assignment is the assignment eval runs: a op:v is (op:;`a;v) as k writes it, and a[i]:v, a[i]op:v amend; signals and returns are headed by a character', () => {
  const { q } = makeSession();
  assert.equal(q('-3!parse "a,:4"'), '"(,:;`a;4)"');
  assert.equal(q('-3!parse "d[`a]+:3"'), '"(+:;(`d;,`a);3)"');
  q('d:`a`b!1 2; a:1 2 3; m:(1 2;3 4)');
  // (each was evaluated as a plain application: d[`c]:3 gave 3 and left d as it was)
  assert.equal(q('eval parse "d[`c]:3"'), '3');
  assert.equal(q('eval parse "d[`a]+:3"'), '4');
  assert.equal(q('d'), 'a| 4\nb| 2\nc| 3');
  q('eval parse "a,:4"; eval parse "a[1]:10"; eval parse "m[;1]:0"; eval (-:;`b;1)');
  assert.equal(q('(a;m)'), '1 10 3 4\n(1 0;3 0)');
  assert.equal(q('eval parse "a[10]:1"'), "'length");
  assert.equal(q('a'), '1 10 3 4');
  // (at the top level, whatever the lambda: eval runs as value does)
  assert.equal(q('{eval parse "w:7"; w}[]'), '7');
  // a signal and a return are headed by the character, as k has them: ("'";x) and (":";x)
  assert.equal(q('-3!parse "\'`foo"'), '"(\\"\'\\";,`foo)"');
  assert.equal(q('-3!parse ":x"'), '"(\\":\\";`x)"');
  assert.equal(q('eval parse "\'`foo"'), "'foo");
  assert.equal(q('@[eval;("\'";"bar");{x}]'), '"bar"');
  assert.equal(q('eval parse ":a"'), '1 10 3 4');
  // <> is not composed with =, as k writes it; delete's columns are data, enlisted (eval applied a to b)
  assert.equal(q('-3!parse "1<>2"'), '"((\';~:;=);1;2)"');
  assert.equal(q('eval parse "1 2 3>=2"'), '011b');
  q('t:([]a:1 2;b:3 4;c:5 6)');
  assert.equal(q('-3!parse "delete a,b from t"'), '"(!;`t;();0b;,`a`b)"');
  assert.equal(q('-3!parse "delete a from t"'), '"(!;`t;();0b;,,`a)"');
  assert.equal(q('cols eval parse "delete a,b from t"'), ',`c');
  // an argument left out is a hole, not ::, so eval makes the projection (like was applied to ::); it
  // goes over the wire as a projection's does, 101h 0xff
  assert.equal(q('eval parse "like[;\\"a*\\"] \\"ab\\""'), '1b');
  assert.equal(q('(eval parse "(1;;2)") 5'), '1 5 2');
  assert.equal(q('-8!parse "f[;1]"'), '0x010000001c000000000003000000f5660065fff90100000000000000');
  assert.equal(q('(eval -9!-8!parse "{x-y}[;1]") 5'), '4');
  // a quoted symbol at the head is the symbol applied, a global indexed ((,`a;1) was `a`b's item 1, `)
  q('g:10 20');
  assert.equal(q('eval parse "(`g) 1"'), '20');
  // kdb+ 4.1's dictionary literal is ! of names and values (its tree was a keyed table's, 'length)
  assert.equal(q('-3!parse "([a:1 2;b:`x`y])"'), '"(!;,`a`b;(enlist;1 2;,`x`y))"');
  assert.equal(q('(eval parse "([a:1;b:2])")~([a:1;b:2])'), '1b');
  // exec by the virtual column i groups by i in its tree too (it named the x a result column would take)
  q('t:([]a:1 2 3)');
  assert.equal(q('-3!parse "exec a by i from t"'), '"(?;`t;();,`i;,`a)"');
  assert.equal(q('(eval parse "exec a by i from t")~exec a by i from t'), '1b');
});

test('a grid of vectors shows nulls blank, as a table does; a no-break space separates as a space', () => {
  const { q } = makeSession();
  assert.equal(q('prev\\[2;3 5 7 2]'), '3 5 7 2\n  3 5 7\n    3 5');
  assert.equal(q('(0n 1.5;2 3f)'), '  1.5\n2 3  ');
  assert.equal(q('(``a;`b`c)'), '  a\nb c');
  assert.equal(q('x:3\u00a05\u00a07;x'), '3 5 7');
  assert.equal(q('count\u00a0x'), '3');
});

test('a list of depth 2 is a binary value to over and scan: a finite-state machine steps through m[x;y]', () => {
  const { q } = makeSession();
  q('m:(1 6 4 4 2;2 7 2 0 5;7 5 6 7 0;2 1 8 1 0;7 3 3 6 8;2 3 8 9 0;1 1 9 6 9;7 8 4 3 0;4 5 8 0 4;9 8 0 3 9)');
  assert.equal(q('7 m\\4 1 3 3 1 4'), '0 6 6 6 1 5');
  // a list of functions indexed at depth: a state machine matching x*fz*0*0 (basics/regex)
  q('s:({0};{2*x="x"};{2+x="f"};{2+/1 2*x="fz"};{4+x="0"};{5+x="0"};{7-x="0"};{7-x="0"}); f:{6=1 s/x}');
  assert.equal(q('f each ("xyzfz000";"xyzfz001")'), '10b');
  // a vector or a dictionary of atoms stays unary: converge, or do n times
  assert.equal(q('1 8 5 7 0 3 6 4 2 9\\[0]'), '0 1 8 2 5 3 7 4');
  assert.equal(q('2 (`a`b`c!`b`c`a)\\`a'), '`a`b`c');
});

test('booleans, bytes, chars and shorts compare item by item against an atom or a vector of their type', () => {
  const { q } = makeSession();
  assert.equal(q('("abc"="abd";"abc"<>"b";"abc"<"b";"b">"abc";"abc"<="b";"abc">="b")'), '110b\n101b\n100b\n100b\n110b\n011b');
  assert.equal(q('(0N 1 2h<1h;0x01ff>0x02;101b=110b;"a"="a")'), '100b\n01b\n100b\n1b');
  assert.equal(q('"ab"="abc"'), "'length");
  assert.equal(q('where "a,b,,c"=","'), '1 3 4');
});

test('a query in a from phrase takes the clauses after it: the where is the inner query\'s', () => {
  const { q } = makeSession();
  q('t:([]s:`a`b`a;v:1 2 3)');
  assert.equal(q('update x:1 from select from t where s=`a'), 's v x\n-----\na 1 1\na 3 1');
  assert.equal(q('select count i by s from select from t where v>1'), 's| x\n-| -\na| 1\nb| 1');
  assert.equal(q('select from t where s in exec s from t where v=2'), 's v\n---\nb 2');
});

test('a column of mixed items shows a symbol with its backtick and a string quoted (ref/dotq, .Q.ty)', () => {
  const { q } = makeSession();
  assert.equal(q('([]a:3 4 5;c:(3;"xy";`ab))'), 'a c   \n------\n3 3   \n4 "xy"\n5 `ab ');
  assert.equal(q('([]s:`a`b)'), 's\n-\na\nb');
});

test('Subtract on dictionaries: a key only on the right is negated (upsert semantics), for keyed tables too', () => {
  const { q } = makeSession();
  q('d:`a`b!(10 -21 3;4 5 -6)');
  assert.equal(q('d-`b`c!(10 20 30;1000*1 2 3)'), 'a| 10    -21   3    \nb| -6    -15   -36  \nc| -1000 -2000 -3000');
  assert.equal(q('d+`b`c!(10 20 30;1000*1 2 3)'), 'a| 10   -21  3   \nb| 14   25   24  \nc| 1000 2000 3000');
  assert.equal(q('([k:1 2]v:3 4)-([k:2 3]v:10 20)'), 'k| v  \n-| ---\n1| 3  \n2| -6 \n3| -20');
});

test('0n and 0w take a vector\'s type char; fill gives the wider of its two types', () => {
  const { q } = makeSession();
  assert.equal(q('type 0n 2 3i'), '6h');
  assert.equal(q('0w 1 2h'), '32767 1 2h');
  assert.equal(q('0n 1 2e'), '0n 1 2e');
  assert.equal(q('type 5^0n 2 3i'), '7h');
  assert.equal(q('5^0n 2 3i'), '5 2 3');
  assert.equal(q('type 10^11.0 2.1 0n'), '9h');
  assert.equal(q('1.5^0N 2 3i'), '1.5 2 3');
});

test('in with a general list on the right: x whole when its rank is one less than the list\'s, else item by item', () => {
  const { q } = makeSession();
  assert.equal(q('1 2 in (9;(1 2;3 4))'), '00b');
  assert.equal(q('1 2 in (1 2;9)'), '1b');
  assert.equal(q('1 2 in ((1 2;3 4);9)'), '0b');
  assert.equal(q('(1 2;3 4) in ((1 2;3 4);9)'), '1b');
  assert.equal(q('"wx" in ("acdexyz";"abcd";"wx")'), '1b');
  assert.equal(q('`a`b in (`a;1)'), '10b');
  assert.equal(q('3 in (1 2;3)'), '0b');
  assert.equal(q('3 in (3;1 2)'), '1b');
});

test('find and in are type-specific: another type signals type, except an atom or one item on the right of in (ref/in, ref/find)', () => {
  const { q } = makeSession();
  assert.equal(q('2 3?2.'), "'type");
  assert.equal(q('"abc"?`a'), "'type");
  assert.equal(q('1 2 3?(1;`a)'), "'type");
  assert.equal(q('1 2. in 2'), '01b');
  assert.equal(q('1 2. in 1#2'), '01b');
  assert.equal(q('1 2 in 2.5'), '00b');
  assert.equal(q('1 2. in 0#2'), "'type");
  assert.equal(q('1 2. in 2#2'), "'type");
  assert.equal(q('`a in "abc"'), "'type");
  assert.match(q('(`a`b!1 2) 3.'), /^'type/);
});

test('Tok reads IP addresses as guids, Unix seconds as timestamps, and HHMMSS digit runs as times', () => {
  const { q } = makeSession();
  assert.equal(q('"G"$"192.0.2.1"'), '00000000-0000-0000-0000-ffffc0000201');
  assert.equal(q('"G"$"2001:0DB8:85A3::8A2E:0370:7334"'), '20010db8-85a3-0000-0000-8a2e03707334');
  assert.equal(q('"G"$"::FFFF:c000:201"'), '00000000-0000-0000-0000-ffffc0000201');
  assert.equal(q('"G"$"1::2::3"'), '00000000-0000-0000-0000-000000000000');
  assert.equal(q('"P"$"10129708800.123456789"'), '2290.12.31D00:00:00.123456789');
  assert.equal(q('"P"$"00000000000"'), '1970.01.01D00:00:00.000000000');
  assert.equal(q('"N"$"123456123987654"'), '0D12:34:56.123987654');
  assert.equal(q('"T"$"123456123987654"'), '12:34:56.123');
  assert.equal(q('"V"$"123456"'), '12:34:56');
  assert.equal(q('"U"$"1234"'), '12:34');
  assert.equal(q('(enlist"P";",") 0: enlist "1600000000"'), '2020.09.13D12:26:40.000000000');
});

test('md5, .Q.sha1 and -33! digest strings to bytes', () => {
  const { q } = makeSession();
  assert.equal(q('md5 ""'), '0xd41d8cd98f00b204e9800998ecf8427e');
  assert.equal(q('md5 "abc"'), '0x900150983cd24fb0d6963f7d28e17f72');
  assert.equal(q('.Q.sha1"Hello World!"'), '0x2ef7bde608ce5404e97d5f042f95f89f1c232871');
  assert.equal(q('raze string -33!"mypassword"'), '"91dfd9ddb4198affc5c194cd8ce6d338fde470e2"');
  assert.equal(q('md5 1'), "'type");
});

test('an expression ending in a verb with no right argument composes with what stands before it', () => {
  const { q } = makeSession();
  assert.equal(q('(1+2*)3'), '7');
  assert.equal(q('(neg 1+)2'), '-3');
  assert.equal(q('("And a", _[1] @)"A partridge"'), '"And a partridge"');
  assert.equal(q('1("And a", _[1] @)\\"A partridge"'), '"A partridge"\n"And a partridge"');
  assert.equal(q('g:1+2*;g 3'), '7');
  assert.equal(q('{x 3}(1+)'), '4');
  assert.equal(q('@[;1]\\[2;(1 2;3 4)]'), '(1 2;3 4)\n3 4\n4');
});

test('assigning past the end of a list is a length error and leaves it as it was', () => {
  const { q } = makeSession();
  q('v:1 2 3');
  assert.equal(q('v[5 1]:42 100'), "'length");
  assert.equal(q('v'), '1 2 3');
  assert.equal(q('@[1 2 3;5;:;0]'), "'length");
});

test('a view that needs itself sees its last value, and signals loop before it has one (learn/views)', () => {
  const { q } = makeSession();
  q('v::$[b;1;v+1]');
  q('b:1');
  assert.equal(q('v'), '1');
  q('b:0');
  assert.equal(q('v'), '2');
  // nothing it reads has changed: the same value, not computed again
  assert.equal(q('v'), '2');
  q('b:0');
  assert.equal(q('v'), '3');
  // defined again, it has no last value
  q('v::$[b;1;v+1]');
  assert.equal(q('v'), "'loop");
  q('b:1');
  assert.equal(q('v'), '1');
  // a view has no dot notation
  q('t:.z.p; t1::t');
  assert.equal(q('t1.date'), "'nyi");
  assert.equal(q('t.date~.z.d'), '1b');
});

test('t,\'u joins two tables column by column, and rows past the end index as nulls of each type', () => {
  const { q } = makeSession();
  q('t:([]a:1 2;b:3 4)');
  q('u:([]b:5 6;c:`x`y)');
  assert.equal(q("t,'u"), 'a b c\n-----\n1 5 x\n2 6 y');
  assert.equal(q("(t,'u)~{x,y}'[t;u]"), '1b');
  assert.equal(q("t,'1#u"), "'length");
  q('v:([]f:1.5 2.5;s:`p`q;g:2?0Ng;c:"ab";e:`u#`m`n)');
  q('w:v -1 1 5');
  assert.equal(q('w`f'), '0n 2.5 0n');
  assert.equal(q('w`s'), '``q`');
  assert.equal(q('w`c'), '" b "');
  assert.equal(q('null w`g'), '101b');
  assert.equal(q('(type each flip w)~type each flip v'), '1b');
  assert.equal(q('(2 3 4) 0 7'), '2 0N');
});

test('<= >= <> show in their k forms; a keyword before an operator is its left argument', () => {
  const { q } = makeSession();
  assert.equal(q('(<=;>=;<>)'), '~>\n~<\n~=');
  assert.equal(q('-3!(<>)'), '"~="');
  q('inc:1+');
  assert.equal(q('inc\\[105>sum@;84 20]'), '84 20\n85 21');
  assert.equal(q('neg @ 3'), '-3');
  assert.equal(q('(sum@)1 2 3'), '6');
  assert.equal(q('ssr . ("abc";"b";"x")'), '"axc"');
});

test('.[f;] is unary under an iterator, and a table\'s rows are found in another table', () => {
  const { q } = makeSession();
  assert.equal(q('2 .[{x,y};]\\1 0'), '1 0\n1 0\n1 0');
  q('t:([]a:1 1 2;b:3 3 4)');
  assert.equal(q('t in 1#t'), '110b');
  assert.equal(q('t where t in -1#t'), 'a b\n---\n2 4');
  assert.equal(q('t in ([]a:5 2;b:5 4)'), '001b');
});

test('a comment after a view is not its text (ref/view); a slash in a string is', () => {
  const { q } = makeSession();
  q('a:1');
  q('x::2*a                  / define dependency x');
  assert.equal(q('view `x'), '"2*a"');
  q('y::"s /t",string a');
  assert.equal(q('(view `y;y)'), '"\\"s /t\\",string a"\n"s /t1"');
});

test('views keep their text: view, views[], \\b; a view takes the rest of its line', () => {
  const { q } = makeSession();
  // none: an empty list without s# (ref/eval), one: ,`v; more: `s#, as \v shows them
  assert.equal(q('views[]'), '`symbol$()');
  q('v::2+a*3');
  assert.equal(q('views[]'), ',`v');
  q('a:5');
  assert.equal(q('v'), '17');
  assert.equal(q('view `v'), '"2+a*3"');
  q('w::b*10');
  assert.equal(q('views[]'), '`s#`v`w');
  assert.equal(q('\\b'), '`s#`v`w');
  q('t:([]a:1 2 3)');
  q('b:1 2');
  q('u::a;b;select from t where a in b');
  assert.equal(q('u'), 'a\n-\n1\n2');
  assert.equal(q('view `u'), '"a;b;select from t where a in b"');
  q('c::1;d::2');
  assert.equal(q('c+d'), '3');
  assert.equal(q('views[]'), '`s#`u`v`w');
  assert.equal(q('{e::1;e:1}'), "'e");
});

test('4.1 literals and patterns: a dictionary literal with missing values is a projection; :f amends at depth', () => {
  const { q } = makeSession();
  q('d:([a:101;b:])');
  assert.equal(q('d 102'), 'a| 101\nb| 102');
  assert.equal(q('(d each`AA`BB)`b'), '`AA`BB');
  assert.equal(q('([k1:;k2:])[1;"a"]'), 'k1| 1\nk2| "a"');
  assert.equal(q('([]a:;b:1 2)[3 4]'), 'a b\n---\n3 1\n4 2');
  q('addv:{([v:(;:x+;:(x*10)+)]):y}');
  assert.equal(q('addv[10;([k:`hello;v:1 2 3])]'), 'k| `hello\nv| 1 12 103');
  q('(a;b:10+;c:100+):1 2 3');
  assert.equal(q('a,b,c'), '1 12 103');
});

test('a list of one item shows the item with no comma; lists of matrices show their rows side by side', () => {
  const { q } = makeSession();
  assert.equal(q('enlist (::)'), '::');
  assert.equal(q('enlist "foo"'), '"foo"');
  assert.equal(q('-3!enlist "foo"'), '",\\"foo\\""');
  assert.equal(q('0 {(+)prior x,0}\\ "foo"'), '"foo"');
  assert.equal(q('5 enlist\\1'), '1\n,1\n,,1\n,,,1\n,,,,1\n,,,,,1');
  assert.equal(q('(enlist 1 2f;enlist 3 4 5f)'), '1 2  \n3 4 5');
  assert.equal(q('((1;`a);(2;`b))'), '1 `a\n2 `b');
});

test('a view taken from the root dictionary shows its text; value gives its last value, parse tree, names and text; .z.b', () => {
  const { q } = makeSession();
  q('d::b+a');
  assert.equal(q('`. `d'), 'b+a');
  assert.equal(q('value`. `d'), '::\n(+;`b;`a)\n`b`a\n"b+a"');
  q('b:1;a:2');
  assert.equal(q('d'), '3');
  assert.equal(q('first value`. `d'), '3');
  q('a:5');
  assert.equal(q('(::)~first value`. `d'), '1b');   // stale once a global changes
  q('t:([]a:1 2 3)');
  q('v::a;b;select from t where a in b');
  assert.equal(q('value`. `v'), '::\n(";";`a;`b;(?;`t;,,(in;`a;`b);0b;()))\n`a`b`t\n"a;b;select from t where a in b"');
  q('x::y+z');
  q('w::y+1');
  assert.equal(q('.z.b`y'), '`x`w');
  assert.equal(q('.z.b`a'), '`d`v');
  // a name in a query's phrases may be a column: only its table counts (learn/views)
  q('v2::select from t where a in b');
  assert.equal(q('(value`. `v2)2'), ',`t');
});

test("'[;] projects compose, so over a list of functions it builds their composition; a noun before an open end composes", () => {
  const { q } = makeSession();
  q('ff:{[w;x;y;z]w+x+y+z}');
  q('f:{2*x}');
  q('g:10*');
  assert.equal(q("(('[;])over (g;f;ff))[1;2;3;4]"), '200');
  assert.equal(q("'[;]/[(g;f;ff)][1;2;3;4]"), '200');
  q("ls:{raze(string 1_ deltas d,count x),'x d:where differ x}");
  q('sumsay:ls desc@');
  assert.equal(q('sumsay each string`123`321'), '"131211"\n"131211"');
  q('x:1 2 3');
  assert.equal(q('(x 1+)1'), '3');
});

test('x vs a list gives rows of digits shaped as the list; sv decodes them back', () => {
  const { q } = makeSession();
  q('a:10 vs 1995 1996 1997');
  assert.equal(q('a'), '1 1 1\n9 9 9\n9 9 9\n5 6 7');
  assert.equal(q('a[;0]'), '1 9 9 5');
  assert.equal(q('10 vs 5 123'), '0 1\n0 2\n5 3');
  assert.equal(q('24 60 60 vs 3805 7200'), '1  2\n3  0\n25 0');
  assert.equal(q('10 sv 10 vs 1995 1996'), '1995 1996');
  assert.equal(q('24 60 60 sv 24 60 60 vs 3805 7200'), '3805 7200');
});

test('case: dictionaries stand in for lists only with the same keys in the same order', () => {
  const { q } = makeSession();
  assert.equal(q('0 2 0\'[`a`b`c!"abc";"xyz";"123";`a`b`c!"789"]'), '"a2c"');
  assert.equal(q('0 2 0\'[`a`b`c!"abc";"xyz";"123";`a`b!"78"]'), "'length");
  assert.equal(q('0 2 0\'[`a`b`c!"abc";"xyz";"123";`b`a`c!"789"]'), "'domain");
});

test('take with more than two counts: a zero only last, no nulls, no negatives', () => {
  const { q } = makeSession();
  assert.equal(q('all`domain=@[;1 2;{`$x}]each(#)@\'(1 0 2;2 3 0N;0N 2 1;-1 2 3)'), '1b');
  assert.equal(q('(enlist("";""))~1 2 0#"a"'), '1b');
  assert.equal(q('(2 2 3#til 5)~((0 1 2;3 4 0);(1 2 3;4 0 1))'), '1b');
});

test('raze of lists of lists gathers their items once; shuffles and deals index by ints', () => {
  const { q } = makeSession();
  assert.equal(q('raze ((1 2;3 4);(5 6;7))'), '1 2\n3 4\n5 6\n7');
  assert.equal(q('raze ((1;2);3 4)'), '1 2 3 4');
  assert.equal(q('raze (1;(2;3))'), '1 2 3');
  assert.equal(q('(raze/) ((1 2;3 4);(5 6;7))'), '1 2 3 4 5 6 7');
  assert.equal(q('count raze 500#enlist 1560#enlist 10#1'), '780000');
  assert.equal(q('x:1000?`4;(asc x)~asc (neg count x)?x'), '1b');
  assert.equal(q('asc 0N?10'), '`s#0 1 2 3 4 5 6 7 8 9');
});

test('take cycles a vector by copying one period and doubling it, from its end for a negative count', () => {
  const { q } = makeSession();
  assert.equal(q('(10000001#1 2 3)~1+(10000001#til 3)'), '1b');
  assert.equal(q('(-10#til 3)~2 0 1 2 0 1 2 0 1 2'), '1b');
  assert.equal(q('-7#"abc"'), '"cabcabc"');
  assert.equal(q('-3#`a`b`c`d'), '`b`c`d');
  q('e:`a`b`c');
  assert.equal(q('5#`e$`a`c'), '`e$`a`c`a`c`a');
  q('g:2?0Ng');
  assert.equal(q('(3#g)~g,first g'), '1b');
});

test('string of symbols shares one string a distinct symbol, and amending one leaves the others', () => {
  const { q } = makeSession();
  q('s:1000?`a`bb`');
  assert.equal(q('(string s)~{string x} each s'), '1b');
  q('x:string `a`a');
  q('x[0],:"z"');
  assert.equal(q('x'), '"az"\n,"a"');
  assert.equal(q('string `$("é";"x")'), '"\\303\\251"\n,"x"');
});

test('string of a date or int column with few distinct values shares them; with many it does not need to', () => {
  const { q } = makeSession();
  q('d:5000?2020.01.01+til 25');
  assert.equal(q('(string d)~{string x} each d'), '1b');
  q('i:5000?100000i');
  assert.equal(q('(string i)~{string x} each i'), '1b');
  q('x:3000#0Nd,2020.01.01');
  assert.equal(q('(string x)~{string x} each x'), '1b');
});

test('string of many longs, ints, times, timespans and timestamps (written straight into one buffer) is each item\'s string, any value', () => {
  const { q } = makeSession();
  q('j:(5000?-100 100 1000000 -9007199254740991 9007199254740993 -9223372036854775807),(5000?0W),(neg 5000?0W),0N 0W -0W');
  q('i:(5000?0Wi),(neg 5000?0Wi),0N 0W -0Wi; t:(5000?0Wt),(neg 5000?0Wt),0N 0W -0Wt,23:59:59.999 00:00:00.000');
  q('n:(5000?0Wn),(neg 5000?0Wn),(5000?1D),0N 0W -0Wn; p:(5000?0Wp),(neg 5000?0Wp),2000.01.01D00+5000?1D,0N 0W -0Wp,1707.09.22D00:12:43.145224194');
  for (const v of ['j', 'i', 't', 'n', 'p']) assert.equal(q(`(string ${v})~{string x} each ${v}`), '1b', v);
});

test('0x0 sv bytes: two make a short, four an int, eight a long; vs and sv round-trip', () => {
  const { q } = makeSession();
  assert.equal(q('0x0 sv "x"$128 255'), '-32513h');
  assert.equal(q('0x0 sv "x"$0 64 128 255'), '4227327i');
  assert.equal(q('0x0 sv "x"$til 8'), '283686952306183');
  assert.equal(q('{0x0 sv 0x0 vs x}each(123h;12345i;-5)'), '123h\n12345i\n-5');
  assert.equal(q('0x0 sv 0x010203'), "'length");
});

test('xprev shifts by an atom, or each item by its own count ({y (til count y)-x})', () => {
  const { q } = makeSession();
  assert.equal(q('2 xprev 1 2 3'), '0N 0N 1');
  assert.equal(q('1 0 1 xprev 10 20 30'), '0N 20 20');
  assert.equal(q('1 2 xprev 1 2 3'), "'length");
});

test('a keyword that k defines as a primitive or an extension shows as kdb+ shows its value; parse trees keep covers by name', () => {
  const { q } = makeSession();
  assert.equal(q('deltas'), "-':");
  // (sum, prd, max and min are kdb+'s reserved words, .Q.res: qbists' Euler 6 records (sqr;sum) as {x*x} sum)
  assert.equal(q('(sum;max;sums;neg;type)'), 'sum\nmax\n+\\\n-:\n@:');
  assert.equal(q("'[;]./:1 reverse\\({x*x};sum)"), '{x*x}sum\nsum{x*x}');
  assert.equal(q('like'), 'like');
  assert.equal(q('parse "max x"'), 'max\n`x');
  assert.equal(q('parse "neg x"'), '-:\n`x');
  assert.equal(q('eval parse "deltas 1 3 6"'), '1 2 3');
  // and and or are & and | (ref/greater: synonyms): their values, types, parse trees and names in .q
  assert.equal(q('(or;and)'), '|\n&');
  assert.equal(q('type each (or;and;|;&;.q.or;not)'), '102 102 102 102 102 101h');
  // the keywords that are kdb+ operators on the wire (102h: in within like bin ss …) are operators
  assert.equal(q('type each (in;within;like;bin;ss;wavg;div;xexp;neg;avg;+:)'), '102 102 102 102 102 102 102 102 101 101 101h');
  assert.equal(q('-3!parse "a or b and c"'), '"(|;`a;(&;`b;`c))"');
  assert.equal(q('.q?(|;&;~:)'), '`or`and`not');
  assert.equal(q('-3!(1 or 0;0b and 1b;or/[000b];1 2 and 2 1;(and/)0#0)'), '"(1;0b;0b;1 1;0W)"');
});

test('a whole number past the range of longs is read as a float, as kdb+ reads it', () => {
  const { q } = makeSession();
  assert.equal(q('9223372036854775808'), '9.223372e+18');
  assert.equal(q('-1000000000000000000000'), '-1e+21');
  assert.equal(q('1 100000000000000000000'), '1 1e+20');
  assert.equal(q('9223372036854775807'), '0W');
});

test('indexing at depth applies a function it reaches to the remaining indices', () => {
  const { q } = makeSession();
  q('d:`f`g!({x+1};{x*2}); l:({x+1};{x*2})');
  assert.equal(q('d[`f;3]'), '4');
  assert.equal(q('d[`f`g;3]'), '4 6');
  assert.equal(q('l[0 1;5]'), '6 10');
  assert.equal(q('.h.tx[`csv;([]a:1 2)]'), ',"a"\n,"1"\n,"2"');
});

test('a projection keeps its arguments as given; x f with no right argument is f[x] (a section)', () => {
  const { q } = makeSession();
  assert.equal(q('{x+y}[2]'), '{x+y}[2]');
  assert.equal(q('{x+y}[2;]'), '{x+y}[2;]');
  assert.equal(q('{x*y*z}[10]'), '{x*y*z}[10]');
  assert.equal(q('{x*y*z}[10][2]'), '{x*y*z}[10;2]');
  assert.equal(q('(1+)'), '+[1]');
  assert.equal(q('-8!(1+)'), '0x010000001800000068020000006601f90100000000000000');
  assert.equal(q('{x+y}[2]~{x+y}[2;]'), '0b');
  // both forms apply the same, and a section projects whatever the verb is
  assert.equal(q('({x+y}[2] 3;{x+y}[2;] 3;(1+) 2)'), '5 5 3');
  assert.equal(q('type (2*\')til 5'), '7h');
  assert.equal(q('di:reciprocal(%).; di 2 3'), '1.5');
  assert.equal(q('{x,y}[1] each 2 3'), '1 2\n1 3');
});

test('a k) line is k: a glyph applied prefix is its unary form; a lambda written there shows as k){…}', () => {
  const { q } = makeSession();
  assert.equal(q('k)+`a`b!(1 2;3 4)'), 'a b\n---\n1 3\n2 4');
  assert.equal(q('k)(*1 2 3;#1 2 3;|1 2;!3;&1 0 1;-1;%4)'), '1\n3\n2 1\n0 1 2\n0 2\n-1\n0.25');
  q('k)f:{+x}');
  assert.equal(q('f'), 'k){+x}');
  assert.equal(q('f (1 2;3 4)'), '1 3\n2 4');
  // a q line keeps q's rule, and the k lambda crosses the wire as its k text
  assert.equal(q('+1 2'), "'+");
  assert.equal(q('(-9!-8!f)~f'), '1b');
});

test('sorting small integer vectors: a narrow range counts, a long past 2^53 keeps its exact order', () => {
  const { q } = makeSession();
  assert.equal(q('asc 9007199254740993 9007199254740992'), '`s#9007199254740992 9007199254740993');
  assert.equal(q('iasc -5000000000 3 -1 0N 0W -0W'), '3 5 0 2 1 4');
  assert.equal(q('(iasc;idesc)@\\:2 1 2 1 0N'), '4 1 3 0 2\n0 2 1 3 4');
  assert.equal(q('x:100?100; (asc x)~x iasc x'), '1b');
  assert.equal(q('asc 5i 0Ni -3i'), '`s#0N -3 5i');
});

test('\\B lists the views not read since a global last changed; \\E is the port\'s TLS mode', () => {
  const { q } = makeSession();
  q('a::x+1');
  assert.equal(q('\\B'), ',`a');
  q('x:10');
  assert.equal(q('\\B'), ',`a');
  assert.equal(q('a'), '11');
  assert.equal(q('\\B'), '`symbol$()');
  q('x:3');
  assert.equal(q('\\B'), ',`a');
  assert.equal(q('\\E'), '0i');
  // .z.b: what each name's views are
  q('c::a*x');
  assert.equal(q('.z.b'), 'x| `a`c\na| ,`c');
});

test('a keyword is a name, not a verb to compose with; a glyph\'s unary form is the keyword it is (.q maps them)', () => {
  const { q } = makeSession();
  assert.equal(q('((+:)~flip;(-:)~neg;(#:)~count;neg~(~:))'), '1110b');
  assert.equal(q('(type (+:);type (0:))'), '101 102h');
  assert.equal(q('.q?(+:)'), '`flip');
  assert.equal(q('.q`reciprocal'), '%:');
  assert.equal(q('.q[`til] 3'), '0 1 2');
  // a trailing glyph still composes: (0|+) is 0|x+y
  assert.equal(q('(0|+)[1;-5]'), '0');
});

test('floor and ceiling of a datetime are its date (ref/floor, ref/ceiling)', () => {
  const { q } = makeSession();
  assert.equal(q('floor 2009.10.03T13:08:00.222'), '2009.10.03');
  assert.equal(q('ceiling 2010.05.13T12:30:59.999'), '2010.05.14');
  assert.equal(q('ceiling 2010.05.13T00:00:00.000'), '2010.05.13');
  assert.equal(q('floor (2009.10.03T13:08:00.222;0Nz;-0.5z)'), '2009.10.03 0N 1999.12.31');
  // 0wz is datetime's infinity as basics/datatypes writes it
  assert.equal(q('(type 0wz;0wz=0Wz;floor 0wz)'), '-15h\n1b\n0Wd');
});

test('x,:y on a general list one rank deeper than y appends y as one item (ref/join)', () => {
  const { q } = makeSession();
  q('s:enlist 1 2 3');
  assert.equal(q('s,4 5 6'), '1 2 3\n4\n5\n6');
  q('s,:4 5 6');
  assert.equal(q('s'), '1 2 3\n4 5 6');
  q('l:("ab";"cd"); l,:"ef"');
  assert.equal(q('l'), '"ab"\n"cd"\n"ef"');
  q('m:(::;3;4); m,:5f');
  assert.equal(q('m'), '::\n3\n4\n5f');
  q('x:(1 2;3 4); x,:(5 6;7 8)');
  assert.equal(q('count x'), '4');
});

test('med of a table is its middle row in sort order (kdb+\'s definition applied to rows, ref/med)', () => {
  const { q } = makeSession();
  q('k:`k xkey update k:`abc`def`ghi from t:flip d:`a`b!(10 -21 3;4 5 -6)');
  assert.equal(q('med d'), '7 -8 -1.5');
  assert.equal(q('med t'), 'a| 3\nb| -6');
  assert.equal(q('med k'), 'a| 3\nb| -6');
  assert.equal(q('med ([]a:1 2 3 4;b:4 3 2 1)'), 'a| 2.5\nb| 2.5');
});

test('a keyword cannot be assigned: neg:1 is \'assign and neg stays neg', () => {
  const { q } = makeSession();
  assert.equal(q('neg:1'), "'assign");
  assert.equal(q('neg 3'), '-3');
  assert.equal(q('f:{count::x}'), "'assign");
  assert.equal(q('a:1;a'), '1');
});

test('every enumeration is type 20h whatever its domain (kdb+ 3.6+); -10!20h is 0b once one is made', () => {
  const { q } = makeSession();
  assert.equal(q('-10!20h'), '1b');
  q('ee:`a`b`c; vv:`ee$`a`a`b; ff:`x`y');
  assert.equal(q('(type vv;type first vv;type `ff$`x;type `ee$`c;type `sym?`a`b)'), '20 -20 -20 -20 20h');
  assert.equal(q('(-10!20h;-10!21h;-10!22h)'), '011b');
});

test('like matches bytes: strings and symbols agree with a regular expression over the same bytes', () => {
  const { q } = makeSession();
  const words = ['abc', 'abd', 'xbz', 'a*b', '[x]', 'a-b', '', 'ab]', '^a', 'a?', '-', 'bca', 'aaa', 'caa', '\\303\\251'];
  // (patterns with more stars than one, or one at each end, are kdb+'s 'nyi: test/refpages.test.ts)
  const pats = ['a*', '*b', '?b*', '[abc]*', '[^abc]*', '*[a-c]?', 'a*c', '*', '', '??', '?', '[a-c]', '*[*]*', 'a[*]b',
    '[^a-c]?[d-f]', '*a*', '[-a]*', '[a-]*', 'ab]', '[x]', '^a', '*]', 'a[?]', '*-*', '\\303*'];
  // the expectation: each pattern as a JS RegExp over the words' bytes (latin1), written independently of wasq's matcher
  const bytes = (w: string) => w.replace(/\\(\d{3})/g, (_, o) => String.fromCharCode(parseInt(o, 8)));
  const re = (p: string) => new RegExp('^' + bytes(p).replace(/\[(\^?)([^\]]+)\]|([?*])|([^[?*])/g, (_, n, cls, w, c) =>
    cls !== undefined ? '[' + n + cls.replace(/[\\\]]/g, '\\$&') + ']' : w === '?' ? '[\\s\\S]' : w === '*' ? '[\\s\\S]*' : c.replace(/[.*+^${}()|\\\/\[\]]/g, '\\$&')) + '$');
  q('w:(' + words.map(w => '"' + w + '"').join(';') + ')');
  for (const p of pats) {
    const want = words.map(w => re(p).test(bytes(w)) ? '1' : '0').join('') + 'b';
    assert.equal(q('w like "' + p + '"'), want, p);
    assert.equal(q('(`$w) like "' + p + '"'), want, p);
  }
  assert.equal(q('("ab";"cd";`ab) like "a*"'), '101b');
  // symbols longer than the matcher's scratch bytes (sym.ts: symBytesNow), past ASCII, and many distinct
  // ones match as their strings do
  q('l:(300#"ab";(299#"a"),"c";"\\303\\251t\\303\\251";"ab"); y:(`$l),20000?`4');
  for (const p of ['a*', '*c', '?b*', '*t*', '??t*', '[a-c]?*', '*[^a]']) assert.equal(q(`(y like "${p}")~(string y) like "${p}"`), '1b', p);
  assert.equal(q('sum y like "*c"'), q('sum (string y) like "*c"'));
  assert.equal(q('upper ("abc";"xYz!";"";"\\303\\251")'), '"ABC"\n"XYZ!"\n""\n"\\303\\251"');
  assert.equal(q('lower ("ABC";"xYz!")'), '"abc"\n"xyz!"');
});

test('`$ of strings finds each name by its bytes: the same symbols as one at a time, blanks trimmed, UTF-8 kept', () => {
  const { q } = makeSession();
  q('s:string 100000?`5; s,:(" ab ";"ab";"";enlist " ";"\\303\\251";" \\303\\251 ")');
  assert.equal(q('(`$s)~{`$x} each s'), '1b');
  assert.equal(q('-6#`$s'), '`ab`ab```é`é');
  assert.equal(q('(count distinct `$s)=count distinct {x where not x=" "} each s'), '1b');
  assert.equal(q('{x~-9!-8!x} `$s'), '1b');
});

test('x$ of strings reads decimal notation and q\'s infinities; a vector of strings becomes one vector', () => {
  const { q } = makeSession();
  assert.equal(q('"F"$("0w";"-0w";"0n";"1e3";".5";"-1.5";" 2 ";"";"Infinity";"0x10")'), '0w -0w 0n 1000 0.5 -1.5 2 0n 0n 0n');
  assert.equal(q('"J"$("0N";"0W";"-0W";"12";"abc")'), '0N 0W -0W 12 0N');
  assert.equal(q('-3!("I"$"0W";"H"$"-0W";"E"$"0w")'), '"(0Wi;-32767h;0we)"');
  assert.equal(q('"D"$("2020.01.01";"x")'), '2020.01.01 0N');
  assert.equal(q('"F"$("1";("2";"3"))'), '1 23f');
});

test('temporal parts by cast (ref/cast): `week$ is the Monday of the week, and the int parts', () => {
  const { q } = makeSession();
  assert.equal(q('`week$2020.05.17 2020.05.18 2020.05.24 2020.05.25 0Nd'), '2020.05.11 2020.05.18 2020.05.18 2020.05.25 0N');
  assert.equal(q('`week$2020.05.17D12:00'), '2020.05.11');
  assert.equal(q('`week$12:00'), "'type");
  assert.equal(q('`year`dd`mm`hh`uu`ss$2015.10.28D03:55:58'), '2015 28 10 3 55 58i');
});

test('a vector of dates or timestamps cast to months, and months to dates, as each item casts alone (nulls, infinities, before 2000)', () => {
  const { q } = makeSession();
  assert.equal(q('`month$2000.01.01 1999.12.31 2020.02.29 0N 0W -0W 0001.01.01 9999.12.31'), '2000.01 1999.12 2020.02 0N 0W -0W 0001.01 9999.12m');
  assert.equal(q('`month$2000.01.01D0 1999.12.31D23:59:59.999999999 0N 0W -0Wp'), '2000.01 1999.12 0N 0W -0Wm');
  assert.equal(q('`date$2000.01 1999.12 0N 0W -0W 0001.01 9999.12m'), '2000.01.01 1999.12.01 0N 0W -0W 0001.01.01 9999.12.01');
  q('d:(0001.01.01+1000?3652058),0N 0W -0Wd; p:(1000?2262.01.01D00),(neg 1000?0D+2262.01.01D00),0N 0W -0Wp; m:(-24000+1000?120000),0N 0W -0Wm');
  assert.equal(q('((`month$d;`month$p;`date$m;d.month;p.month) ~ ({`month$x} each d;{`month$x} each p;{`date$x} each m;{`month$x} each d;{`month$x} each p))'), '1b');
});

test('casts among time, second and minute scale and floor their units, with no wrap at a day', () => {
  const { q } = makeSession();
  q('x:00:00:59.999 12:34:56.789 0Nt 0Wt -0Wt -00:00:01.000 24:00:00.000 30:00:00.000');
  assert.equal(q('`minute$x'), '00:00 12:34 0N 0W -0W -00:01 24:00 30:00');
  assert.equal(q('`second$x'), '00:00:59 12:34:56 0N 0W -0W -00:00:01 24:00:00 30:00:00');
  assert.equal(q('`time$`minute$x'), '00:00:00.000 12:34:00.000 0N 0W -0W -00:01:00.000 24:00:00.000 30:00:00.000');
  // a timestamp's time is its time of day
  assert.equal(q('`minute$2020.01.01D12:34:56'), '12:34');
  assert.equal(q('`timespan$12:00'), '0D12:00:00.000000000');
});

test('| and & of symbols are type errors (ref/greater, ref/lesser: the s row of the domain tables; max, which is |/, takes no symbols)', () => {
  const { q } = makeSession();
  assert.equal(q('`a`c|`b`b'), "'type");
  assert.equal(q('`a`c&`b'), "'type");
  assert.equal(q('`b|`a`c'), "'type");
});

test('inter of dictionaries gives the values of x that are values of y (ref/inter)', () => {
  const { q } = makeSession();
  assert.equal(q('((`a`b)!(1 2 3;`x`y`z)) inter (`a`b`c)!(1 2 3;2 3 5;`x`y`z)'), '1 2 3\nx y z');
  assert.equal(q('(`a`b!1 2) inter `c`d!2 3'), ',2');
});

test('lists of strings find, group, sort and dedupe by their bytes, agreeing with the same done one string at a time', () => {
  const { q } = makeSession();
  // strings of 0-3 bytes, some past ASCII, so ties, prefixes and empty strings all occur
  q('x:{(neg[x mod 4]?"ab\\303")}each til 3000');
  assert.equal(q('(x?x)~{x?y}[x] each x'), '1b');
  assert.equal(q('(x?reverse x)~{x?y}[x] each reverse x'), '1b');
  assert.equal(q('(x in 20#x)~{any x~/:y}[;20#x] each x'), '1b');
  assert.equal(q('(distinct x)~x where (x?x)=til count x'), '1b');
  assert.equal(q('(value group x)~{where x~/:y}[;x] each distinct x'), '1b');
  // sorted: every neighbour in order by bytes (a prefix first), and a stable permutation
  q('le:{$[0=n:min count each(x;y);(count x)<=count y;x[i]<>y[i:first where(n#x)<>n#y,1b];x[i]<y i;(count x)<=count y]}');
  q('s:asc x');
  assert.equal(q("all le'[-1_s;1_s]"), '1b');
  assert.equal(q("all le'[1_s;-1_s]"), '0b');
  assert.equal(q('(asc x)~x iasc x'), '1b');
  assert.equal(q('(x idesc x)~desc x'), '1b');
  assert.equal(q("all le'[1_d;-1_d:desc x]"), '1b');
  assert.equal(q('(select n:count i by s from ([]s:x))~select n:count i by s from ([]s:x)'), '1b');
  assert.equal(q('exec sum n from select n:count i by s from ([]s:x)'), '3000');
  assert.equal(q('count select n:count i by s from ([]s:x)'), q('count distinct x'));
});

test(',/ is raze: one concatenation, the same answer as joining item by item', () => {
  const { q } = makeSession();
  q('x:{x#1}each 3000?5');
  assert.equal(q('((,/)x)~{x,y}/[x]'), '1b');
  assert.equal(q('(,/)`a`b!(1 2;3)'), '1 2 3');
  assert.equal(q('(,/)1'), '1');
  assert.equal(q('(,/)((1 2;3);(4;5 6))'), '(1 2;3;4;5 6)'.replace(/.*/, q('((1 2;3);(4;5 6))[0],((1 2;3);(4;5 6))[1]')));
});

test('appending in place: x,:y grows into room behind x, and every value that shared it keeps its own items', () => {
  const { q } = makeSession();
  q('a:`long$(); do[50000;a,:1]');
  assert.equal(q('count a'), '50000');
  // two appends to one value: the second must not see (or overwrite) the first
  q('x:1 2 3; y:x,4; z:x,5; b:y; y,:6; z,:7; b,:8');
  assert.equal(q('(x;y;z;b)'), '1 2 3\n1 2 3 4 6\n1 2 3 5 7\n1 2 3 4 8');
  q('g:0#0Ng; do[3;g,:0Ng]; h:g; g,:1#0Ng; h,:"G"$"8c680a01-5a49-5aab-5a65-d4bfddb6a661"');
  assert.equal(q('(count g;count h;last h)'), '4\n4\n8c680a01-5a49-5aab-5a65-d4bfddb6a661');
  q('t:([]a:`long$();b:`float$()); do[2000;`t insert (1;2.)]; u:t; `t insert (3;4.); u,:(5;6.)');
  assert.equal(q('(count t;count u;last t`a;last u`a)'), '2001 2001 3 5');
  q('e:`long$(); do[3;e:e,1]; f:e; e:e,2; f:f,3');
  assert.equal(q('(e;f)'), '1 1 1 2\n1 1 1 3');
});

test('value of a list of symbols calls (or indexes) what the first names with the others as they are: h(`.u.sub;`trade;`)', () => {
  const { q } = makeSession();
  q('g:{[a;b] (b;a)}; d:`a`b!1 2; sub:{x,1}');
  assert.equal(q('value `g`x`y'), '`y`x');
  assert.equal(q('value `d`b'), '2');
  assert.equal(q('value (`sub;`)'), '`\n1');
  assert.equal(q('value 0#`'), '`symbol$()');
  assert.equal(q('value `nosuch`x'), "'nosuch");
});

test('count each of a general list gives the counts as a long vector; upper and lower map each distinct symbol', () => {
  const { q } = makeSession();
  assert.equal(q('count each ("ab";1 2 3;`a;();([]a:1 2);`a`b!1 2)'), '2 3 1 0 2 2');
  assert.equal(q('type count each ("a";"bc")'), '7h');
  assert.equal(q('(#:) each (1 2;3)'), '2 1');
  assert.equal(q('count each `a`b!(1 2;3)'), 'a| 2\nb| 1');
  q('s:10000?`aB`Cd`e1`f_G; l:lower s; u:upper s');
  assert.equal(q('l~{`$lower string x} each s'), '1b');
  assert.equal(q('u~{`$upper string x} each s'), '1b');
  assert.equal(q('upper 0#`'), '`symbol$()');
});

test('trim and its kin go into a table\'s columns, and a char among a column\'s mixed items shows quoted (ref/trim)', () => {
  const { q } = makeSession();
  assert.equal(q('rtrim ([]a:("fox";("jumps ";"over   "));b:("a";"dog "))'), 'a                b    \n----------------------\n"fox"            "a"  \n("jumps";"over") "dog"');
  assert.equal(q('trim ([]b:("a ";" dog "))'), 'b    \n-----\n,"a" \n"dog"');
  assert.equal(q('([]c:"ab")'), 'c\n-\na\nb');
  // each item is trimmed, so a column keeps its length: a null float stays (its table was left with
  // columns of two lengths, an internal error)
  assert.equal(q('rtrim ([]a:(" a";"b ");b:0n 1)'), 'a    b\n------\n" a"  \n,"b" 1');
  q('kt:([k:`a`b]v:1 2); x:kt xlog kt');
  assert.equal(q('trim x'), q('x'));
  assert.equal(q('trim `a`b!(" a ";"b ")'), 'a| ,"a"\nb| ,"b"');
});

test('trim, ltrim, rtrim, lower and upper of strings: blanks and letters as kdb+ has them, nothing made for a string they leave', () => {
  const { q } = makeSession();
  assert.equal(q('trim "  ab c  "'), '"ab c"');
  assert.equal(q('(ltrim "  ab ";rtrim "  ab ")'), '"ab "\n"  ab"');
  assert.equal(q('trim ("ab";" c ";"";"   ")'), '"ab"\n,"c"\n""\n""');
  assert.equal(q('trim `$" a "'), '`a');
  // (a symbol vector loses its leading and trailing null names, as other vectors their nulls: ref/trim)
  assert.equal(q('(trim ``a``;ltrim ``a`;rtrim ``a`)'), ',`a\n`a`\n``a');
  assert.equal(q('(lower "ABC def";upper "abc";lower "x1")'), '"abc def"\n"ABC"\n"x1"');
  // a string given back as it was is still a value of its own: amending the result leaves the source
  q('x:"abc"; y:lower x; y[0]:"z"; u:"ab"; v:trim u; v[1]:"q"');
  assert.equal(q('(x;y;u;v)'), '"abc"\n"zbc"\n"ab"\n"aq"');
});

test('string of a long or timestamp column with few distinct values shares them, and gives each item its own text', () => {
  const { q } = makeSession();
  q('n:5000; j:(n?1000),0N 0W -0W -5; p:2020.01.01D00:00+1000000000*n?100; k:-9223372036854775000+n?3');
  assert.equal(q('(string j)~{string x} each j'), '1b');
  assert.equal(q('(string p)~{string x} each p'), '1b');
  assert.equal(q('(string k)~{string x} each k'), '1b');
  q('s:string j; s[0]:"zz"');
  assert.equal(q('(s 0;s[1]~string j 1)'), '"zz"\n1b');
});

test(':x leaves a lambda from any statement: its body, a block, a branch of $ or if, a loop, an assignment or argument it ends', () => {
  const { q } = makeSession();
  q('f:{if[x>5;:`big];`small}; h:{:x+1}; k:{a:$[x;:`early;`late]; a,`more}; m:{neg $[x;:`ret;5]}');
  q('w:{i:0; while[1; i+:1; if[i>3; :i]]}; d:{do[10; if[x; :`out]]; `done}; n:{[x] [a:1; :a+x]; 99}');
  q('p:{x:x+1; :x; 99}; z:{{:x*2} x}; r:{-1 "a"; :1; -1 "b"}; e:{:x+`a}');
  assert.equal(q('f each 3 7'), '`small`big');
  assert.equal(q('h each 1 2'), '2 3');
  assert.equal(q('k each 01b'), '`late`more\n`early');
  assert.equal(q('m each 01b'), '-5\n`ret');
  assert.equal(q('(w[];d each 01b;n 1;p 1;z 4)'), '4\n`done`out\n2\n2\n8');
  assert.equal(q('r[]'), 'a\n1');
  assert.equal(q('@[e;1;{"err ",x}]'), '"err type"');
  assert.equal(q(':5'), '5');
  // a return from a lambda called inside another does not leave the caller
  assert.equal(q('{a:{:x*2} x; a+1} 5'), '11');
});

test('symbols within symbols compare each distinct symbol\'s text once, as >= and <= do', () => {
  const { q } = makeSession();
  q('s:10000?`$string til 1000');
  assert.equal(q('(s within `1`5)~(s>=`1)&s<=`5'), '1b');
  assert.equal(q('`a`b`c`d within `b`c'), '0110b');
  assert.equal(q('(`;`a;`zz) within `a`b'), '010b');
  assert.equal(q('`a`b`c within `c`a'), '000b');
});

test('a dictionary indexed by many keys, and joined with another, finds the keys together: as one key at a time', () => {
  const { q } = makeSession();
  q('d:(til 10000)!til 10000; i:5000?20000');
  assert.equal(q('(d i)~{[d;k] d k}[d] each i'), '1b');
  q('x:(`$string til 1000)!til 1000; y:(`$string 500+til 1000)!1000+til 1000');
  assert.equal(q("(x,y)~{x,y}/[x;{(enlist x)!enlist y}'[key y;value y]]"), '1b');
  assert.equal(q('(`a`b`c!1 2 3) `a`z`c'), '1 0N 3');
  assert.equal(q('(`a`b!("x";"y")) `a`z'), '"x "');
  // y's repeated keys: each later one wins, as when joined one at a time
  q('f:(`$string til 20)!til 20; g:(20#`a`b)!til 20');
  assert.equal(q('(f,g)~{x,y}/[f;{(enlist x)!enlist y}\'[key g;value g]]'), '1b');
});

test('a local is () until assigned (basics/function-notation), and x op:y in a lambda without x: amends the global', () => {
  const { q } = makeSession();
  assert.equal(q('{if[x;a:1];a} 0b'), '()');
  assert.match(q('{if[x;t:([]`a`b)];select from t} 0b'), /^'type/);
  assert.equal(q('{if[x;a:1];a,:7;a} 0b'), ',7');
  assert.equal(q('{if[x;a:1];a+:1;a} 0b'), '()');
  // wp/socket-sharding: h:() then {h,:x} each … appends to the global h
  q('h:(); {h,:x} each 1 2 3; f:{n+:1}; f[]; f[]');
  assert.equal(q('(h;n)'), '1 2 3\n2');
});

test('x op:y of a name not yet defined, or of a key a dictionary lacks, starts from op\'s identity; an assignment\'s value is the value assigned', () => {
  const { q } = makeSession();
  // ref/assign: bar+:1 of an undefined bar is 1
  assert.equal(q('bar+:1; baz*:3; qux,:4; (bar;baz;qux)'), '1\n3\n,4');
  // (| ^ & too: x op:y is y, as their identities make it; finos' include.q: loaded^:d)
  assert.equal(q('nope|:1'), '');
  assert.equal(q('nope'), '1');
  // counting into a dictionary from nothing (kb/firewalling's a[.z.a]+:1)
  q('d:()!(); {d[x]+:1} each `a`b`a`c`a; f:`a`b!1 2; f[`c]+:5; g:`a`b!1.5 2.5; g[`c]+:1');
  assert.equal(q('d'), 'a| 3\nb| 1\nc| 1');
  assert.equal(q('(f`c;g`c)'), '5\n1f');
  q('h:`a`b!1 2; h[`z]:7');
  assert.equal(q('h`z'), '7');
  // ref/assign: 1+a[2]+:5 is 8
  q('a:til 5');
  assert.equal(q('1+a[2]+:5'), '8');
  assert.equal(q('a'), '0 1 7 3 4');
  q('m:(1 2;3 4)');
  assert.equal(q('10+m[0;0]:7'), '17');
  assert.equal(q('c:`x`y!1 2; {c[x]:5} `y'), '5');
  // building a dictionary key by key appends in place, and a copy taken on the way keeps its keys
  q('k:(`$())!`long$(); {k[x]:1} each `$string til 3000; k2:k; k2[`new]:1');
  assert.equal(q('(count k;count k2;`new in key k)'), '3000\n3001\n0b');
});

test('enlist takes more than 8 arguments (ref/enlist), where a lambda stops at 8', () => {
  const { q } = makeSession();
  assert.equal(q('count enlist[0;`1;"two";3;`four;5;`6;"seven";8;`nine]'), '10');
  assert.equal(q('(enlist) . til 12'), '0 1 2 3 4 5 6 7 8 9 10 11');
  assert.match(q('{x}[1;2;3;4;5;6;7;8;9]'), /^'rank/);
});

test('a guid to and from its bits and bytes with vs and sv (ref/vs, ref/sv, basics/datatypes)', () => {
  const { q } = makeSession();
  const bits = '10001100011010111000101101100100011010000001010101100000100001000000101000111110000101111000010000000001001001010001101101101000b';
  assert.equal(q(`0b sv ${bits}`), '8c6b8b64-6815-6084-0a3e-178401251b68');
  assert.equal(q(`(0b vs 0b sv ${bits})~${bits}`), '1b');
  assert.equal(q('0x0 sv 0x8c6b8b64681560840a3e178401251b68'), '8c6b8b64-6815-6084-0a3e-178401251b68');
  assert.equal(q('0x0 vs "G"$"8c6b8b64-6815-6084-0a3e-178401251b68"'), '0x8c6b8b64681560840a3e178401251b68');
  assert.match(q('0x0 sv 15#0xff'), /^'length/);
});

test('scan over an empty list: a primitive keeps its type, any other value is not evaluated and gives () (ref/accumulators)', () => {
  const { q } = makeSession();
  q('mt:0#0');
  assert.equal(q('type each (mt;+\\[mt];{x*y}\\[mt];sums mt)'), '7 7 0 7h');
  assert.equal(q('()~{x+y*z}\\[`foo;mt;mt]'), '1b');
});

test('x, y and z inside a query\'s select, by and where phrases are not implicit arguments; in its table expression they are (basics/qsql)', () => {
  const { q } = makeSession();
  q('args:{(value x)1}');
  assert.equal(q('args{select from y where a=x,b=z}'), '`x`y');
  assert.equal(q('args{[x;y;z]select from y where a=x,b=z}'), '`x`y`z');
  assert.match(q('{select from ([]a:0 1;b:2 3) where a=x,b=y}[0;2]'), /^'rank/);
  assert.equal(q('{[x;y]select from ([]a:0 1;b:2 3) where a=x,b=y}[0;2]'), 'a b\n---\n0 2');
  assert.equal(q('args {exec y by z from x}'), ',`x');
  assert.equal(q('args {y+exec a from x}'), '`x`y');
});

test('data before /: or \\: is sv or vs applied to one argument (ref/maps, basics/exposed-infrastructure)', () => {
  const { q } = makeSession();
  assert.equal(q('(", "/:)("quick";"brown";"foxes")'), '"quick, brown, foxes"');
  assert.equal(q('(0x0\\:)3.14156'), '0x400921ea35935fc4');
  assert.equal(q('(10\\:)1234'), '1 2 3 4');
  assert.equal(q('(10/:)1 2 3'), '123');
});

test('a float vector scanned from a seed with a second list is {z+x*y}\\ built in (ref/accumulators: a b\\c)', () => {
  const { q } = makeSession();
  q('a:1000f;b:1 2 3 4f;c:5 6 7 8f');
  assert.equal(q('a b\\c'), '1005 2016 6055 24228f');
  assert.equal(q('(a b\\c)~{z+x*y}\\[a;b;c]'), '1b');
  assert.equal(q('a b/c'), '24228f');
  assert.match(q('a b\\1 2f'), /^'length/);
});

test('.[f] projects Apply as @[f] does (learn/pb/abundant-odds: (.[>]){…}/x)', () => {
  const { q } = makeSession();
  assert.equal(q('.[>] 3 1'), '1b');
  assert.equal(q('f:.[{x+y}]; f 1 2'), '3');
  assert.equal(q('(.[<]){x+1 0}/0 5'), '5 5');
  assert.equal(q('@[neg] 3'), '-3');
});

test('enlist of an empty dictionary is a list of it, not a table; a cast-form key shows parenthesised (wp/intraday-writedown)', () => {
  const { q } = makeSession();
  assert.equal(q('type enlist (0#`)!0#0N'), '0h');
  assert.equal(q('MAXTBLSYM:enlist[`]!enlist(0#`)!0#0N; MAXTBLSYM'), '| (`symbol$())!`long$()');
  assert.equal(q('type enlist `a`b!1 2'), '98h');
  assert.equal(q('-3!(`long$())!`long$()'), '"(`long$())!`long$()"');
});

test('n?0 rolls any longs and n?0i any ints, -n?0 deals distinct longs (ref/deal); n?0D0 rolls timespans within a day (learn/brief-introduction)', () => {
  const { q } = makeSession();
  q('x:10000?0; y:10000?0i; z:10000?0D0');
  assert.equal(q('(type x;(min x)<-1000000000000;(max x)>1000000000000)'), '7h\n1b\n1b');
  assert.equal(q('(type y;(min y)<-1000000;(max y)>1000000)'), '6h\n1b\n1b');
  assert.equal(q('(type z;0D<=min z;1D>max z;12:00<`minute$max z)'), '16h\n1b\n1b\n1b');
  assert.equal(q('count distinct -1000?0'), '1000');
});

test('a simple list searched for a general list of lists is right-atomic; a first item that is an atom is \'type (ref/find)', () => {
  const { q } = makeSession();
  q('w:10 -8 3 5 -1 2 3');
  assert.equal(q('w?(10 5 -1;3 17)'), '0 3 4\n2 7');
  assert.equal(q('1 2 3?(1 2;3;4 1)'), '0 1\n2\n3 0');
  assert.match(q('1 2 3?(1;2 3)'), /^'type/);
  assert.equal(q('("abcde";10 2 -6;(2 3;`ab))?10 2 -6'), '1');
  // a dictionary's values are each sought, in a general list too (its values were sought as one item,
  // and the dictionary left with one index for its two keys, which then showed garbage)
  assert.equal(q('-3!(();())?`a`b!(1;`x)'), '"`a`b!2 2"');
  assert.equal(q('-3!(1 2;3)?`a`b!(1 2;3)'), '"`a`b!0 1"');
  assert.equal(q('-3!1 2 3?`a`b!3 1'), '"`a`b!2 0"');
  // and in asks for each of a dictionary's values (it made one boolean for two keys, or lost the keys)
  assert.equal(q('-3!(`a`b!1 2) in (();())'), '"`a`b!00b"');
  assert.equal(q('-3!(`a`b!1 2) in ()'), '"`a`b!00b"');
  assert.equal(q('-3!(`a`b!(1 2;3)) in 1 3'), '"`a`b!(10b;1b)"');
  // (a record in a table is one: a list of dictionaries is a table)
  assert.equal(q('(`a`b!1 2) in (`a`b!1 2;`a`b!3 4)'), '1b');
});

test('a dictionary or keyed table keeps a value for each key: moving functions over rows of no items, a list of types cast over a table\'s rows', () => {
  const { q } = makeSession();
  // (each made a dictionary of two keys and no values)
  assert.equal(q('-3!2 mavg (();())'), '"(();())"');
  assert.equal(q('-3!2 msum `a`b!(();())'), '"`a`b!(();())"');
  // a table is its rows, one type for each (a type list was applied whole to the table: "" $ kt gave kt's
  // keys and no values)
  assert.equal(q('"" $ ([k:1 2]v:1 2f)'), "'length");
  assert.equal(q('"jjj" $ ([]v:1 2f)'), "'length");
  assert.equal(q('-3!"jj" $ ([]v:1 2f)'), '"+(,`v)!,1 2"');
});

test('keywords ending in a projection compose: (count distinct type each) (ref/file-text)', () => {
  const { q } = makeSession();
  assert.equal(q('(count distinct type each) (1;`a;2)'), '2');
  assert.equal(q('g:distinct type each; g (1;`a;2)'), '-7 -11h');
  q('t:([]a:1 2;b:(1;`a))');
  assert.equal(q('cols[t] where 1<(count distinct type each)each t cols t'), ',`b');
});

test('a subscriber\'s idioms of kdb+tick\'s c.q: .[`t;();f;x] on a name not yet defined, keyed tables amended at a table of keys, x f\' y on dictionaries by key, (),d', () => {
  const { q } = makeSession();
  // f[identity;x] is x: the name starts as x, whatever f (ref/assign)
  assert.equal(q('.[`q1;();,;1 2]'), '`q1');
  assert.equal(q('q1'), '1 2');
  q(".[`.u.t;();,'';([s:`a`b]v:(1 2;3 4))]");
  assert.equal(q(".[`.u.t;();,'';([s:`b`c]v:(5 6;7 8))]; .u.t"), 's| v      \n-| -------\na| 1 2    \nb| 3 4 5 6\nc| 7 8    ');
  assert.match(q('@[`q2;`a;+;1]'), /^'q2/, 'an index into nothing still fails');
  // dictionaries pair by key, as x+y pairs them: a key in one only keeps its value
  assert.equal(q("(`a`b!1 2),'(`b`c!3 4)"), 'a| 1\nb| 2 3\nc| 4');
  assert.equal(q("(`a`b!1 2),'(`a`b!3 4)"), 'a| 1 3\nb| 2 4');
  // a keyed table at a table of keys: each key row in turn, new keys appended (c.q's nest: @[t;k#x;,';k _ x])
  q('kt:([s:`a`c]v:(1 2;3 4))');
  assert.equal(q("@[kt;([]s:`a`b`a);,';([]v:5 6 7)]"), 's| v      \n-| -------\na| 1 2 5 7\nc| 3 4    \nb| ,6     ');
  q('k2:([a:1 2;b:`x`y]v:10 20)');
  q('k2[([]a:1 3;b:`x`z)]:([]v:7 8)');
  assert.equal(q('k2'), 'a b| v \n---| --\n1 x| 7 \n2 y| 20\n3 z| 8 ');
  assert.match(q('@[kt;([]s:`a`b);:;([]v:1 2 3)]'), /^'length/);
  // () joined with a dictionary or keyed table is that dictionary: .u.q,:select by sym from x makes .u.q
  assert.equal(q('.u.q,:([s:`a`b]v:1 2); .u.q'), 's| v\n-| -\na| 1\nb| 2');
  assert.equal(q('(),`a`b!1 2'), 'a| 1\nb| 2');
  assert.match(q('1,`a`b!1 2'), /^'type/);
});

test('csvguess.q\'s and csvutil.q\'s idioms: constraints after no rows are left, update of no rows, Tok of a time as a date, insert into ()', () => {
  const { q } = makeSession();
  // once no rows are left a constraint may give () (each over nothing), and the query still has no rows
  assert.equal(q('count select from ([]a:1 2 3) where a>5,{x>0} each a'), '0');
  assert.equal(q('exec a from ([]a:1 2 3) where a>5,{x>0} each a'), '`long$()');
  // an update of no rows adds a new column of nulls of its type
  assert.equal(q('meta update b:1 from ([]a:1 2 3) where a>5,{x>0} each a'), 'c| t f a\n-| -----\na| j    \nb| j    ');
  assert.equal(q('exec b from update b:`x from ([]a:1 2 3) where a>5'), '```');
  // a time of day is no date or month: csvguess tells hh:mm and hh:mm:ss columns from dates so (ref/tok)
  assert.equal(q('("D"$"09:33:00";"D"$"2020:01:02";"M"$"09:30";"P"$"09:30";"D"$"2020.01.02D10:00")'), '0Nd\n0Nd\n0Nm\n0Np\n2020.01.02');
  // inserting into a name holding () makes the table (csvutil's DATA:() then `DATA insert)
  q('D:()');
  assert.equal(q('`D insert ([]a:1 2)'), '0 1');
  assert.equal(q('`D insert ([]a:enlist 3)'), ',2');
  assert.equal(q('exec a from D'), '1 2 3');
});

test('KxSystems/kdb example scripts: foreign keys over number keys compare as numbers; enumerated symbols look up symbol keys; a table-keyed dictionary of a list amends; x op:y may change x\'s type', () => {
  const { q } = makeSession();
  // e/d1.q's where mas=m: a foreign key to a table keyed by numbers compares as those numbers
  q('mas:([id:10 11 12]sym:`a`b`c)');
  q('f:`mas$10 11 12');
  assert.equal(q('(f=`mas$11;f<`mas$11;(`mas$11)=f;f=11)'), '010b\n100b\n010b\n010b');
  // enumerated symbols find symbols, and look up symbol-keyed dictionaries and keyed tables (taq.q)
  q('sym:`a`b`c; e:`sym$`a`c`b');
  assert.equal(q('(`a`b`c!1 2 3) e'), '1 3 2');
  assert.equal(q('(`a`b`c!1 2 3) `sym$`b'), '2');
  assert.equal(q('exec v from ([k:`a`b`c]v:1 2 3) e'), '1 3 2');
  assert.equal(q('(e?`c;e?`c`q;`x`c in e;e in `c`x)'), '1\n1 3\n01b\n010b');
  // e/book.q: b:([]s:();p:())!(); b[`s`p#x]+:z (a dictionary keyed by a table, its values a list)
  q('b:([]s:();p:())!()');
  q('b[`s`p!(`x;1.5)]+:100'); q('b[`s`p!(`x;1.5)]+:10'); q('b[`s`p!(`y;2.5)]+:1');
  assert.equal(q('b[([]s:`x`y;p:1.5 2.5)]'), '110 1');
  // x op:y is x:x op y, whatever its type (greplin.q: x@:til[7]+/:til count x:"…"); only x,:y keeps it
  assert.equal(q('a:1 2 3; a%:2; a'), '0.5 1 1.5');
  assert.equal(q('x:"abcdef"; x@:(0 1;2 3); x'), '"ab"\n"cd"');
  assert.match(q('z:1 2; z,:`a'), /^'type/);
  // 0: 1: 2: before one digit are the file verbs, as no minute has one digit after its colon
  assert.equal(q('parse "a 1:3 4"'), '1:\n`a\n3 4');
  assert.equal(q('1:30'), '01:30');
});

test('a grouped select that keeps no rows still has typed aggregate columns (the type of each aggregate over no rows)', () => {
  const { q } = makeSession();
  q('t:([]a:1 2 3;b:1 2 3f)');
  assert.equal(q('meta select avg b, n:count i, m:{sum x} b by a from t where a>5'), 'c| t f a\n-| -----\na| j    \nb| f    \nn| j    \nm| f    ');
  assert.equal(q('exec t from meta select b by a from t where a>5'), '"j "');
});

test('enumerations over different domains find each other as their symbols, as keys too', () => {
  const { q } = makeSession();
  q('s1:`a`b`c; s2:`c`b`a; e1:`s1$`a`b`c; e2:`s2$`c`a');
  assert.equal(q('(e1!1 2 3) e2'), '3 1');
  assert.equal(q('(e1!1 2 3) first e2'), '3');
  assert.equal(q('(e1?e2;e1?first e2)'), '2 0\n2');
});

test('psaris/funq\'s idioms: a trailing :: composes, string keys amend whole, tables indexed in the index\'s shape, projections of compositions and each left/right, prev with a seed, avg \'\', raze of a table', () => {
  const { q } = makeSession();
  // x :: is x (ref/identity), and after a chain of functions the identity the chain composes with
  assert.equal(q('q:3 ::; q~3'), '1b');
  q('f:count::');
  assert.equal(q('f 1 2 3'), '3');
  q('v:{x in "aeiou"}; c:not v::');
  assert.equal(q('c "hello"'), '10110b');
  assert.equal(q('v "a"'), '1b', 'v:: with nothing after assigns nothing');
  q('mnorm:sum abs::; edist:{sqrt sum x*x} (-)::');
  assert.equal(q('(mnorm -1 2 -3;edist[3 4;0 0])'), '6\n5f');
  // a string is one key of a dictionary keyed by strings, for amend as for index
  q('d:(enlist "ab")!enlist "cd"; d["ab"]:"ZZ"; d["xy"]:"QQ"');
  assert.equal(q('d'), '"ab"| "ZZ"\n"xy"| "QQ"');
  // a table indexed by a list of row lists or a dictionary of them: tables in that shape
  q('t:([]a:1 2 3 4)');
  assert.equal(q('count each t (0 1;2 3)'), '2 2');
  assert.equal(q('exec a from (t group t`a)3'), ',3');
  // a composition whose last function is a lambda given fewer arguments projects; so do \: and /:
  q("h:'[{x*2};{x+y}]");
  assert.equal(q('h[1] 2'), '6');
  assert.equal(q('{x+y}\\:[1 2] 10'), '11 12');
  assert.equal(q('-3!({x+y}\\:/:)[1 2] 10 20'), '"(11 12;21 22)"');
  // prev is each prior of : ; a seed fills the first place
  assert.equal(q('prev[0f;1 2 3f]'), '0 1 2f');
  assert.equal(q('prev 1 2 3'), '0N 1 2');
  // a keyword takes Each after a space: (avg '')G is each-each, not a signal
  assert.equal(q("(avg '')((1 2;3 4);(5 6;7 8))"), '1.5 3.5\n5.5 7.5');
  // raze is ,/ : a table's row dictionaries joined
  assert.equal(q('raze ([]a:1 2;b:3 4)'), 'a| 2\nb| 4');
  // s,:() appends nothing
  assert.equal(q('s:("ab";"cd"); s,:(); count s'), '2');
  // a cast by a char names its column by what it casts
  assert.equal(q('cols update "e"$`Yes=Play from ([]Play:`Yes`No)'), ',`Play');
});

test('the KX cookbook\'s idioms: x op::y amends a global in a lambda, a query\'s table expression reads the lambda\'s namespace, ? keeps the attribute, .tut.gc after a list indexes, sublist of an atom', () => {
  const { q } = makeSession();
  // id+::1 amends the global (a local of the name is amended instead, as name::v sets it)
  q('id:0; getID:{:id+::1}');
  assert.equal(q('getID[]'), '1');
  assert.equal(q('getID[]'), '2');
  assert.equal(q('id'), '2');
  q('b:1 2; g:{b,::3}; g[]');
  assert.equal(q('b'), '1 2 3');
  q('d:`x`y!1 2; k:{d[`x]+::10}; k[]');
  assert.equal(q('d`x'), '11');
  assert.equal(q('h:{[id] id+::5; id}; (h 1;id)'), '6 2');
  // the table expression is the lambda's own code: its names are the lambda's namespace's (publisher.q)
  q('\\d .ns'); q('c:3'); q('t:([]a:til 5)'); q('f:{select from (c#t)}'); q('m:{exec a from t}'); q('\\d .');
  assert.equal(q('(count .ns.f[];.ns.m[])'), '3\n0 1 2 3 4');
  // ? keeps the attribute of its right argument, where $ does not (ref/enum-extend)
  assert.equal(q('attr `sym?`p#`a`a`b'), '`p');
  assert.equal(q('attr `sym$`p#`a`a`b'), '`');
  // a name of two parts after a list is the index (the cookbook's tutorial.q: ("OFF";"ON").tut.gc)
  q('.tut.gc:1b');
  assert.equal(q('("OFF";"ON").tut.gc'), '"ON"');
  // sublist of an atom is the atom, as q.k's sublist has it
  assert.equal(q('(1 sublist 5;3 sublist `a;0 sublist 5)'), '5\n`a\n`long$()');
});

test('hours, minutes and seconds of timestamps and timespans in wasm agree with the item-by-item reading, nulls and infinities kept', () => {
  const { q } = makeSession();
  q('p:`timestamp$(-3000000000000000000+10000?6000000000000000000),0N,0W,-0W; n:`timespan$p');
  // chunks of 10 are read item by item; the whole vector by the kernel
  q('f:{[pt;v] all raze[{[pt;x] pt$x}[pt] each 10 cut v]=pt$v}');
  assert.equal(q('f[;p] each `hh`uu`ss`year`mm`dd'), '111111b');
  assert.equal(q('f[;n] each `hh`uu`ss'), '111b');
  assert.equal(q('-3#`hh$p'), '0N 0W -0Wi');
  assert.equal(q('raze `hh`uu`ss$\\:1999.12.31D23:59:58.5 + 0D00:00:00.5 * til 2'), '23 23 59 59 58 59i');
});

test('KX unit-test and logging idioms: typed nulls in lower case, a name holding a symbol applied, an operator held in a variable projects, a filter in a typed parameter is the lambda namespace\'s', () => {
  const { q } = makeSession();
  assert.equal(q('(0wi;0ni;-0wi)'), '0W 0N -0Wi');
  assert.equal(q('type each (0wi;0ng;0nd;0wp)'), '-6 -2 -14 -12h');
  // a name holding a symbol is that symbol (KX logging's .log.getlvl[] is `.m.log.log.1.lvl[])
  q('a:`b');
  assert.equal(q('`a[]'), '`b');
  // an operator held in a variable and given one argument projects, as g[1] does
  q('g:(@); h:(.)');
  assert.equal(q('(g 1;h 1)'), '@[1]\n.[1]');
  // a typed parameter's filter function is found in the lambda's namespace
  q('\\d .tt'); q('chk:{x}; f:{[x:chk] x+1}'); q('\\d .');
  assert.equal(q('.tt.f 1'), '2');
});

test('a namespace is a dictionary: its sub-namespaces are members, a dictionary in it takes dotted members, delete from it, set of it as a whole', () => {
  const { q } = makeSession();
  q('.tt.d:`a`b!1 2; .tt.d.c:3');
  assert.equal(q('.tt.d'), 'a| 1\nb| 2\nc| 3');
  q('.a.b.c:1');
  assert.equal(q('.a'), ' | ::\nb| ``c!(::;1)');
  q('.r.a:1;.r.b:2');
  assert.equal(q('delete b from `.r'), '`.r');
  assert.equal(q('key `.r'), '``a');
  q('.s.a:1');
  q('`.s set `x`y!(::;5)');
  assert.equal(q('.s.y'), '5');
  assert.match(q('.s.a'), /^'\.s\.a/);
});

test('TorQ\'s idioms: one record with a string or a dictionary cell, i long after a where, ?[1b;x;y], 2#{x}, `f`x in a parse tree, a query in a where clause with commas, .Q.s of ::, .j a namespace, \\v without functions', () => {
  const { q } = makeSession();
  // a record whose first item is an atom is one row: a string or a dictionary is one cell
  q('s:([]a:1#`x;m:enlist "ab")');
  assert.equal(q('`s insert (`y;"cde")'), ',1');
  assert.equal(q('exec m from s'), '"ab"\n"cde"');
  q('t:([]a:`symbol$();b:())');
  q('`t insert (`x;()!())'); q('`t insert (`y;`a`b!1 2)');
  assert.equal(q('t'), 'a b       \n----------\nx ()!()   \ny `a`b!1 2');
  q('k:([stock:()] price:())'); q('insert[`k; (`intel; enlist 123.2 120.4)]');
  assert.equal(q('k`intel'), 'price| 123.2 120.4');
  // the virtual column i is long whatever rows are kept (basics/qsql)
  q('u:([]a:1 2 3)');
  assert.equal(q('type exec i from u where a>1'), '7h');
  assert.equal(q('exec a from u where a>1, i in 1 2'), '2 3');
  // ?[c;x;y] with an atom condition repeats it (ref/vector-conditional)
  assert.equal(q('?[1b;1 2 3;4]'), '1 2 3');
  assert.equal(q('?[0b;`a`b`c;`x]'), '`x`x`x');
  assert.equal(q('count 2#{x}'), '2');
  // a symbol list in a parse tree is a name applied (basics/parsetrees)
  q('x:1 2');
  assert.equal(q('eval `neg`x'), '-1 -2');
  // a query inside a where clause keeps the commas of its columns
  q('w:([]a:1 2;b:3 4)');
  assert.equal(q('count select from w where ([]a;b) in select a,b from w where a>1'), '1');
  assert.equal(q('.Q.s (::)'), '""');
  // an atom of data with data for a handler traps (TorQ's permissions.q: @[1b;`.access.enabled;0b])
  assert.equal(q('@[1b;`.access.enabled;0b]'), '0b');
  assert.equal(q('@[2.5;0;neg]'), '-2.5');
  assert.equal(q('key `.j'), '``jd`j`k');
  q('f:{x}; v:1');
  assert.equal(q('(`f in system"v";`v in system"v";system"f")'), '0b\n1b\n,`f');
});

test('a float of four digits, a dot and two is a float, not a month without its m (wp/trend-indicators prices)', () => {
  const { q } = makeSession();
  assert.equal(q('(9872.36;type 2000.01;2000.01m)'), '9872.36\n-9h\n2000.01m');
  assert.equal(q('1.5 1234.56'), '1.5 1234.56');
});

test('Find and in take a record as an atom or a simple list of one item per column (ref/find: searching tables)', () => {
  const { q } = makeSession();
  assert.equal(q('([]a:1 2;b:3 4)?(2;4)'), '1');
  assert.equal(q('([]u:`a`b)?`b'), '1');
  assert.equal(q('(`b in ([]u:`a`b);`x in ([]u:`a`b);`a`x in ([]u:`a`b))'), '1b\n0b\n10b');
  // (wp/permissions: not user in key .perm.users)
  q('kt:([k:1 2 3] s:`a`b`c); users:([u:`al`bo]p:1 2)');
  assert.equal(q('kt?`b'), 'k| 2');
  assert.equal(q('(`al in key users;`zz in key users)'), '10b');
});

test('whitepaper and benchmark idioms: () xkey, a return in a from phrase, d[k],:rows of tables, a new key below a missing one, \\v lists namespaces', () => {
  const { q } = makeSession();
  assert.equal(q('() xkey ([a:1 2] b:3 4)'), 'a b\n---\n1 3\n2 4');
  q('f:{select from $[x;:`early;([]a:1 2)]}');
  assert.equal(q('(f 1b;count f 0b)'), '`early\n2');
  // a missing key of a dictionary of keyed tables starts from an empty one (wp/order-book)
  q('d:(1#`)!enlist ([p:`float$()] v:`int$()); d[`a],:([]p:1 2f;v:3 4i)');
  assert.equal(q('key d`a'), 'p\n-\n1\n2');
  // a key below a missing key (wp/intraday-writedown: MAXTBLSYM[`quote;`eurgbp]:75000)
  q('h:`a`b!(`x`y!1 2;`x`z!3 4); h[`c;`y]:5');
  assert.equal(q('h`c'), 'y| 5');
  q('.a.b:1; .a.c.d:2');
  assert.equal(q('system"v .a"'), '`s#`b`c');
});

test('a query with a where phrase on a dictionary of columns runs on the table it flips to; update gives a dictionary back', () => {
  const { q } = makeSession();
  assert.equal(q('update b:0 from `a`b!(1 2 3;4 5 6) where a>1'), 'a| 1 2 3\nb| 4 0 0');
  assert.equal(q('exec b from `a`b!(1 2 3;4 5 6) where a>1'), '5 6');
});

test('X) with .X.e defined hands the rest of the line to that language\'s handler (wp/query-interface\'s H))', () => {
  const { q } = makeSession();
  q('.H.e:{"got:",x}');
  assert.equal(q('H)select from t'), '"got:select from t"');
  assert.match(q('x)1+1'), /^'\)/, 'no handler: a parse error as before');
});

test('the built-in namespaces that key ` lists are values even when empty (.o)', () => {
  const { q } = makeSession();
  assert.equal(q('(type .o;key `.o)'), '99h\n,`');
});

test('in k a glyph in prefix position is monadic before another glyph, and composes before an open end (kdb-taq\'s tq.q)', () => {
  const { q } = makeSession();
  assert.equal(q('k)$*`ab`cd'), '"ab"');
  assert.equal(q('k)~|0 1'), '01b');
  assert.equal(q('k)<|3 1 2'), '1 0 2');
  q('k)h:&1 0 1=');
  assert.equal(q('h 1'), '0 2');
  assert.equal(q('k)1-2'), '-1');
});

test('each, over and scan of a value of rank 3 or more, given fewer arguments, are projected: the derived function has its value\'s rank (ref/maps)', () => {
  const { q } = makeSession();
  q('f:{[a;b;c;d] a+b+c+d}; k:f[1;;;]\'[10 20]');
  assert.equal(q('k[100;1000]'), '1111 1121');
  assert.equal(q('.[f[1;;;]\'[10 20];(100;1000)]'), '1111 1121');
  assert.equal(q('{x+y+z}/[1;2 3][4 5]'), '15');
  assert.equal(q('{x+y+z}\\[1;2 3][4 5]'), '7 15');
  // a binary value's each given one argument waits for the other (dotfiles' .lib.require)
  assert.equal(q('{x+y}\'[1 2][10 20]'), '11 22');
});

test('forms public q code uses: k glyph before a derived verb is monadic, \' as a list item composes in a parse tree, 0:: and 1::, parse of a table literal as kdb+ gives it (egor7/q, whitepapers)', () => {
  const { q } = makeSession();
  q('k)x:("books";"apple";"pie")');
  assert.equal(q('k)<#:\'x'), '2 0 1');
  assert.equal(q('k)*>#:\'="abdbbac"'), '"b"');
  assert.equal(q('k)~{x}\'5 0 3'), '010b');
  assert.equal(q('eval ((\';~:;=);1;2)'), '1b');
  q('t:([]a:1 2 3;b:1 5 3)');
  assert.equal(q('?[t;enlist((\';~:;=);`a;`b);0b;()]'), 'a b\n---\n2 5');
  assert.equal(q('\'[~:;=][1;1]'), '0b');
  assert.equal(q('-3!parse "([]s;k)"'), '"(+:;(!;,`s`k;(enlist;`s;`k)))"');
  assert.equal(q('(parse "([]s;k)")~(flip;(!;enlist`s`k;(enlist;`s;`k)))'), '1b');
  assert.equal(q('-3!parse "([k:1 2]b:3 4)"'), '"(!;(+:;(!;,,`k;(enlist;1 2)));(+:;(!;,,`b;(enlist;3 4))))"');
  assert.equal(q('eval parse "([k:1 2]b:3 4)"'), 'k| b\n-| -\n1| 3\n2| 4');
});

test('@[`name;();:;v] assigns the whole value, as .[`name;();:;v] does, defined or not (jbetz34\'s rte clears its state so)', () => {
  const { q } = makeSession();
  assert.equal(q('@[`size;();:;1 2]'), '`size');
  assert.equal(q('size'), '1 2');
  q('@[;();:;()] each `a`b');
  assert.equal(q('(a;b)'), '()\n()');
  q('t:([]a:1 2); @[`t;();:;3 4]');
  assert.equal(q('t'), '3 4');
});

test('forms TorQ, reQ and kdbx-modules use: `..name is the root\'s, ?[b;x;y] with lists of two lengths, keys!(), @[d;k;+;y] from the identity, x.:y undefined, getenv of names, .j.k of bytes, key of a .z name, .h.hug, a table joined with a list', () => {
  const { q } = makeSession();
  q('t:([k:`symbol$()]v:`int$()); a:1');
  q('\\d .foo');
  q('`..t upsert (`a;1i)');
  assert.equal(q('key`..a'), '`..a');
  q('`..b set 5');
  q('\\d .');
  assert.equal(q('(t;b)'), '(+(,`k)!,,`a)!+(,`v)!,,1i\n5');
  assert.equal(q('?[0b;1 2 3;4 5]'), '4 5');
  assert.equal(q('?[1b;1 2 3;4 5]'), '1 2 3');
  assert.equal(q('?[0b;1 2 3;4]'), '4 4 4');
  assert.equal(q('flip `a`b!()'), 'a b\n---');
  assert.equal(q('@[(`symbol$())!`long$();`a;+;1]'), 'a| 1');
  assert.equal(q('@[()!();`a;+;5]'), 'a| 5');
  q('err.:(::); x@:1');
  assert.equal(q('(type err;x)'), '101h\n1');
  assert.equal(q('count getenv `HOME`PATH'), '2');
  assert.equal(q('.j.k 0x2261626322'), '"abc"');
  // (a .z name is looked up as other names are: TickWatch's h in key`.z.W)
  assert.equal(q('key `.z.K'), '`.z.K');
  assert.equal(q('(.h.hug .Q.an,"-.~") "a b"'), '"a%20b"');
  q('s:([]a:3 4;b:`x`y)');
  assert.equal(q('count (1;2),s'), '4');
  assert.equal(q('count s,enlist ()'), '3');
  assert.equal(q('{(type x;count x;s~first x)}(0#s),enlist s'), '0h\n1\n1b');
  assert.equal(q('count s,((5;`z);(6;`w))'), '4');
});

test('a long vector joined with a short one gets room behind it; two joins to the same vector still see their own items', () => {
  const { q } = makeSession();
  q('a:til 2000; b:a,1; c:a,2 3; d:b,4');
  assert.equal(q('(last b;-2#c;-2#d;count a;count b)'), '1\n2 3\n1 4\n2000\n2001');
  assert.equal(q('count {x,y}/[20000#enlist 1 2]'), '40000');
  assert.equal(q('-3#{x,y}/[20000#enlist 1 2]'), '2 1 2');
});

test('forms qtips uses: a number list continued on an indented line, a float atom scan as the linear recurrence, count each g@ and x f g with a dyadic keyword compose (psaris/qtips)', () => {
  const { q } = makeSession();
  q('f:{a:1 2\n  3 4;a}');
  assert.equal(q('f[]'), '1 2 3 4');
  assert.equal(q('0 (.9)\\.1*til 5'), '0 0.1 0.29 0.561 0.9049');
  assert.equal(q('1f (.5)\\.5 1 1.5 2'), '1 1.5 2.25 3.125');
  q('h:count each group@');
  assert.equal(q('h "aab"'), 'a| 2\nb| 1');
  assert.equal(q('(raze string each til@) 3'), '"012"');
  q('merge:`time xdesc upsert');
  assert.equal(q('exec time from merge[([]time:1 2);([]time:enlist 3)]'), '3 2 1');
  assert.equal(q('(1+mod)[7;3]'), '2');
  assert.equal(q('(+:)~flip'), '1b');
});

test('cols of a dictionary is its keys; a general list dropped to dictionaries of the same keys is a table (TorQ monitor, pcapdecoder)', () => {
  const { q } = makeSession();
  q('d:`a`b!1 2');
  assert.equal(q('cols d'), '`a`b');
  assert.equal(q('type 1_(1;d;d)'), '98h');
  assert.equal(q('update c:3 from 1_(1;d;d)'), 'a b c\n-----\n1 2 3\n1 2 3');
  assert.equal(q('type 1_(1;2;3.)'), '0h');
});

test('a query inside a where clause takes the clauses after its own where; without one, the outer query keeps them (TorQ monitor\'s runnow)', () => {
  const { q } = makeSession();
  q('t:([]a:1 2 3); s:([]a:1 2 3;b:10 20 30)');
  assert.equal(q('exec a from t where a in exec a from s where b>10,b<30'), ',2');
  assert.equal(q('exec a from t where a in exec a from s, a>1'), '2 3');
});

test('xcols reorders a dictionary\'s keys as a table\'s columns (TorQ pcapdecoder: `time xcols ips,info,dict)', () => {
  const { q } = makeSession();
  assert.equal(q('`b xcols `a`b!1 2'), 'b| 2\na| 1');
  assert.equal(q('`b xcols ([]a:1 2;b:3 4)'), 'b a\n---\n3 1\n4 2');
  assert.match(q('`z xcols `a`b!1 2'), /^'z/);
});

test('a list of types casts a dictionary\'s values item by item; Tok takes a string whole (tsbs writerApi: flip types[key m]$m)', () => {
  const { q } = makeSession();
  assert.equal(q('`long`float$`a`b!1 2'), 'a| 1\nb| 2f');
  assert.equal(q('"SJ"$`a`b!("x1";"12")'), 'a| `x1\nb| 12');
  assert.match(q('"SJF"$`a`b!("x1";"12")'), /^'length/);
  // ref/tok: implicit recursion stops at strings, not atoms
  assert.equal(q('"BXH"$"42"'), '0b\n0x42\n42h');
  assert.equal(q('"jf"$"ab"'), '97\n98f');
});

test('"M"$ reads [yy]yy[?]mm and "D"$ [yy]yy[?]mm[?]dd (ref/file-text; q4q loads expiry as YYMM)', () => {
  const { q } = makeSession();
  assert.equal(q('"M"$("1103";"201103";"2011.03";"2011-03";"99.12";"2011.13")'), '2011.03 2011.03 2011.03 2011.03 1999.12 0Nm');
  assert.equal(q('first (enlist "M";enlist 4) 0: enlist "1103"'), ',2011.03m');
  assert.equal(q('"D"$("110109";"11.01.09";"11-01-09";"11.13.09")'), '2011.01.09 2011.01.09 2011.01.09 0N');
});

test('d[k1;k2] on a dictionary keyed by strings takes k1 as one whole key, then indexes deeper (psaris/mm: score[c;c])', () => {
  const { q } = makeSession();
  q('g:("ab";"cd")!(`x`y!1 2;`x`y!3 4)');
  assert.equal(q('g["ab";`y]'), '2');
  assert.equal(q('.[g;("cd";`x)]'), '3');
  assert.equal(q('g[("ab";"cd");`x]'), '1 3');
  assert.equal(q('(("ab";"cd")!(1 2;3 4))["cd";0]'), '3');
  assert.equal(q('((1 2;3 4)!(`x`y!1 2;`x`y!3 4))[3 4;`x]'), '3');
});

test('a functional query names the running lambda\'s locals as its qSQL does, after the columns (q4q pivot: (pf;`u;…))', () => {
  const { q } = makeSession();
  assert.equal(q('{a:5; ?[([]b:1 2);();0b;(enlist`c)!enlist(+;`a;`b)]}[]'), 'c\n-\n6\n7');
  assert.equal(q('{f:{x*y}; exec c from ?[([]b:1 2);();0b;(enlist`c)!enlist(`f;`b;3)]}[]'), '3 6');
  // a column comes first
  assert.equal(q('{b:10; exec c from ?[([]b:1 2);();0b;(enlist`c)!enlist(+;`b;1)]}[]'), '2 3');
});

test('joining onto a dictionary whose values are a table keeps the new values: a table again if they conform, else a list (KX ml scalers: info,enlist[`transform]!enlist f)', () => {
  const { q } = makeSession();
  q('a:(enlist `m)!enlist `x`y!1 2');
  assert.equal(q('(a,(enlist `t)!enlist 7)`t'), '7');
  assert.equal(q('count value a,(enlist `t)!enlist 7'), '2');
  assert.equal(q('value a,(enlist `t)!enlist `x`y!3 4'), 'x y\n---\n1 2\n3 4');
  assert.equal(q('value a,(enlist `m)!enlist `x`y!5 6'), 'x y\n---\n5 6');
});

test('a list of dictionaries with no keys stays a list, so a keyed upsert of an empty dictionary cell keeps its row (KX ml graph: addCfg)', () => {
  const { q } = makeSession();
  assert.equal(q('count ((0#`)!"";(0#`)!"")'), '2');
  q('r:([k:enlist `a] v:enlist 1),`k`v!(`b;(0#`)!"")');
  assert.equal(q('count each (key r;value r)'), '2 2');
  assert.equal(q('r[`b;`v]~(0#`)!""'), '1b');
});

test('a function is an atom to raze and to reshape (KX ml: xval razes a list of one projection; describe takes (m,n)#{(::)})', () => {
  const { q } = makeSession();
  assert.equal(q('type raze enlist {x+y}[1]'), '0h');
  assert.equal(q('count raze enlist {x}'), '1');
  assert.equal(q('count each 2 3#{x}'), '3 3');
  assert.equal(q('(2 2#(::))~(2#(::);2#(::))'), '1b');
});

test('.j.k reads the inf and -inf that .j.j writes, and objects of the same keys in an object as a table (KX ml: hyperparameters.json, fresh loadparams)', () => {
  const { q } = makeSession();
  assert.equal(q('.j.k .j.j -0w 0 1 0w'), '-0w 0 1 0w');
  assert.equal(q('.j.k "[0,null,inf,-inf]"'), '0 0n 0w -0w');
  assert.equal(q('.j.k "{\\"inf\\":\\"-inf inf\\"}"'), 'inf| "-inf inf"');
  assert.equal(q('type value .j.k "{\\"x\\":{\\"a\\":1},\\"y\\":{\\"a\\":2}}"'), '98h');
  assert.equal(q('type value .j.k "{\\"x\\":{\\"a\\":1},\\"y\\":{\\"b\\":2}}"'), '0h');
  assert.match(q('.j.k "[info]"'), /^'badjson/);
});

test('amend at a list of indices pairs a table\'s rows with them (ref/amend: vy conformable to the indices; KX ml clust: @[clustTab;i;,;rows])', () => {
  const { q } = makeSession();
  assert.equal(q('@[(0;0);0 1;{y`a};([]a:10 20)]'), '10 20');
  q('t:([]a:1 2 3;b:4 5 6)');
  assert.equal(q('@[t;0 2;:;([]a:7 8;b:10 20)]'), 'a b \n----\n7 10\n2 5 \n8 20');
  assert.match(q('@[t;0 1;:;([]a:7 8 9;b:1 2 3)]'), /^'length/);
});

test('Do with a count below zero applies f no times (KX ml: combs[3;0] is (0-1) f/x, tested to be x)', () => {
  const { q } = makeSession();
  assert.equal(q('-1 {x+1}/5'), '5');
  assert.equal(q('-2 {x+1}\\5'), ',5');
  assert.equal(q('flip -1 {x}/enlist til 3'), '0\n1\n2');
});

test('2: is a value that signals nyi when applied, so a trapped load of a C library falls back (KX ml kdtree)', () => {
  const { q } = makeSession();
  assert.equal(q('.[2:;(`:nolib;(`f;1));{"caught ",x}]'), '"caught nyi"');
  assert.match(q('`:x 2:(`f;1)'), /^'nyi/);
});

test('a grid pads its last column too, as kdb+ prints it (psaris/matching\'s README keeps the trailing blanks)', () => {
  const { q } = makeSession();
  assert.equal(q('`a`b!(`a`bb;`ccc`d)'), 'a| a   bb\nb| ccc d ');
  assert.equal(q('(`a`bb;`ccc`d)'), 'a   bb\nccc d ');
});

test('a general list in a grid\'s cell shows its items side by side (.u.w: Quote| 7i ` in the reference\'s autoscaling page)', () => {
  const { q } = makeSession();
  assert.equal(q('`Quote`Trade!(enlist(7i;`);enlist(7i;`))'), 'Quote| 7i `\nTrade| 7i `');
  assert.equal(q('((1;(2;3));(4;(5;6)))'), '1 2 3\n4 5 6');
  // one that holds lists keeps its parentheses (ref/trim)
  assert.equal(q('`a`b!(("fox";("jumps ";"over   "));("a";"dog "))'), 'a| "fox" ("jumps ";"over   ")\nb| "a"   "dog "              ');
});

test('value of a string whose last statement assigns is :: (ref/value: value"b:2" shows nothing; KX ml\'s test.q passes assignments so)', () => {
  const { q } = makeSession();
  assert.equal(q('(::)~value"b:2"'), '1b');
  assert.equal(q('b'), '2');
  assert.equal(q('value"c:5;c+1"'), '6');
  assert.equal(q('count value"enlist d:til 3"'), '1');
});

test('r 0N#x spreads what does not divide evenly over the later rows (ref/take; KX ml\'s stratified folds: 166 167 167)', () => {
  const { q } = makeSession();
  assert.equal(q('count each 3 0N#til 500'), '166 167 167');
  assert.equal(q('count each 3 0N#til 10'), '3 3 4');
  assert.equal(q('count each 4 0N#til 9'), '2 2 2 3');
  assert.equal(q('count each 10 0N#(),10'), '0 0 0 0 0 0 0 0 0 1');
});

test('a general list of keys amends a dictionary of general keys one whole key each, strings too (kdb-utilities q-doc)', () => {
  const { q } = makeSession();
  q('d:()!()');
  q('d[enlist"ab"]:enlist 1');
  assert.equal(q('d'), '"ab"| 1');
  q('d[("ab";"cd")]:5 6');
  assert.equal(q('d'), '"ab"| 5\n"cd"| 6');
});

test('a table joined with an empty list is the table (TorQ-Bikes: raze of a column with () cells)', () => {
  const { q } = makeSession();
  q('t:([]a:1 2)');
  assert.equal(q('t~t,()'), '1b');
  assert.equal(q('count raze (t;();t)'), '4');
  q('t,:()');
  assert.equal(q('count t'), '2');
});

test('x vs a negative y takes its type\'s bits unsigned (ref/vs: "." sv string 256 vs .z.a); 0b vs a char gives its 8 bits', () => {
  const { q } = makeSession();
  assert.equal(q('"." sv string 256 vs -1062731307i'), '"192.168.1.213"');
  assert.equal(q('(count 2 vs -5;-3#2 vs -5)'), '64\n0 1 1');
  assert.equal(q('count 2 vs -5i'), '32');
  assert.equal(q('0b vs "a"'), '01100001b');
});

test('each of a binary lambda given one argument is projected, as the derived function has its rank (ref/maps; dotfiles: .lib.require:.lib.i.require 0b)', () => {
  const { q } = makeSession();
  q('f:{[a;b](a;b)}each');
  q('g:f 0b');
  assert.equal(q('g `x`y'), '0b `x\n0b `y');
  assert.equal(q('{x+y}/[1 2 3]'), '6');
});

test('a backslash after a blank and before a letter, after something on its line, is a parse error (ref/system: count \\a); before a blank it is scan', () => {
  const { q } = makeSession();
  assert.equal(q('count \\a').split('\n')[0], "'\\");
  assert.equal(q('x:1 2 3;x \\x').split('\n')[0], "'\\");
  assert.equal(q('x'), "'x");
  // (Györök's AoC 2022 day 7: a value takes scan after a blank, a blank after it too)
  assert.equal(q('(1#`:) {x,y} \\ `a`b'), '`:`a\n`:`a`b');
  assert.equal(q('count\\a'), "'a");
});

test('a part of a namespaced name may begin with a digit (basics/syntax; dotfiles: .colors.256ToRgb)', () => {
  const { q } = makeSession();
  q('.a.256x:2');
  assert.equal(q('.a.256x+1'), '3');
  assert.equal(q('key `.a'), '``256x');
});

test('a name put in .q is seen from everywhere, as q\'s keywords are, and key`.q lists it (qspec\'s .q.should; help.q\'s .q.help)', () => {
  const { q } = makeSession();
  q('.q.zzz:{x+1}');
  assert.equal(q('zzz 2'), '3');
  assert.equal(q('{zzz x}3'), '4');
  assert.equal(q('`zzz in key `.q'), '1b');
  assert.equal(q('.q.csv'), '","');
  // it is a keyword now: a global of its name cannot be made, as a reserved word's cannot
  assert.match(q('zzz:{x+100}'), /^'assign/);
});

test('a list holding functions sorts: they are atoms after the others (dotz controlaccess: asc distinct(+;*;%;-),`tokens)', () => {
  const { q } = makeSession();
  assert.equal(q('count asc distinct(+;*;%;-),`mytokens`foo'), '6');
  assert.equal(q('2#asc distinct(+;*;%;-),`mytokens`foo'), '`foo\n`mytokens');
  assert.equal(q('iasc ({y};{x})'), '1 0');
});

test('n?0x0 rolls any bytes (ref/deal) and n?0h any shorts', () => {
  const { q } = makeSession();
  assert.equal(q('(type;count) @\\: 16?0x0'), '4h\n16');
  assert.equal(q('100<count distinct 1000?0x0'), '1b');
  assert.equal(q('(type;count) @\\: 3?0h'), '5h\n3');
});

test('.j.k makes an array of like objects a table whose columns keep object cells as dictionaries (kdb+-written TorQ-Bikes data: bike_types is 0h)', () => {
  const { q } = makeSession();
  assert.equal(q('type .j.k "[{\\"a\\":{\\"x\\":1}}]"'), '98h');
  assert.equal(q('type (.j.k "[{\\"a\\":{\\"x\\":1},\\"b\\":2}]")`a'), '0h');
  assert.equal(q('exec b from .j.k "[{\\"a\\":1,\\"b\\":2},{\\"a\\":3,\\"b\\":4}]"'), '2 4f');
});

test('a symbol does not begin with _: `_d drops the null key of d (basics/syntax: no name begins with _; dotfiles\' os.q: key(`_.os.cmd))', () => {
  const { q } = makeSession();
  q('.os.cmd.a:1;.os.cmd.b:2');
  assert.equal(q('key(`_.os.cmd)'), '`a`b');
  assert.equal(q('`a_b'), '`a_b');
});

test('g# on a general list; Pad with a vector of widths; rand of an empty list is its null; an atom column of an empty table literal is typed (dotfiles, TorQ-TAQ)', () => {
  const { q } = makeSession();
  assert.equal(q('attr `g#("ab";"cd")'), '`g');
  assert.match(q('`p#("ab";"cd")'), /^'type/);
  assert.equal(q('2 3$("ab";"c")'), '"ab"\n"c  "');
  assert.equal(q('-2 -3$"ab"'), '"ab"\n" ab"');
  assert.equal(q('rand each "jfs"$\\:()'), '0N\n0n\n`');
  assert.equal(q('exec t from meta ([] a:`float$(); c:`x)'), '"fs"');
});

test('flip of names over a table\'s rows gives the table\'s columns over a table of those names (KX ml\'s describe tests: flip `x`x1!flip keys!values)', () => {
  const { q } = makeSession();
  q('d:`x`y!([]a:1 2;b:3 4)');
  assert.equal(q('flip d'), ' | x y\n-| ---\na| 1 2\nb| 3 4');
  assert.equal(q('d~flip flip d'), '1b');
});

test('a binary function put in .q is infix in what is parsed after, as q\'s own keywords in .q are (qspec: 1 musteq 1, `x mock v)', () => {
  const { q } = makeSession();
  q('.q.mk:{x+y}');
  assert.equal(q('1 mk 2'), '3');
  assert.equal(q('3 mk/ 1 2 3'), '9');
  q('.q.mk2:{[n;v] n set v}');
  q('`b mk2 4');
  assert.equal(q('b'), '4');
  q('.q.inc:{x+1}');
  assert.equal(q('inc each 1 2'), '2 3');
});

test('an operator assignment through a path into a namespaced dictionary starts from the value there (qspec: .tst.assertState.failures,:)', () => {
  const { q } = makeSession();
  q('.x.d:`c`e!(1 2;3)');
  q('.x.d.c,:3');
  assert.equal(q('.x.d.c'), '1 2 3');
  q('{.x.d.e+:10}[]');
  assert.equal(q('.x.d.e'), '13');
  q('.ns.v:1');
  q('.ns.w+:5');
  assert.equal(q('.ns.w'), '5');
});

test('x,:t onto a list of dictionaries adds t\'s rows as dictionaries; onto a list of tables, t as one (qspec\'s expecList,:)', () => {
  const { q } = makeSession();
  q('e:enlist ()!()');
  q('e,:enlist `a`b!1 2');
  assert.equal(q('type each e'), '99 99h');
  q('l:(([]a:1 2);([]a:enlist 3))');
  q('l,:([]a:5 6)');
  assert.equal(q('type each l'), '98 98 98h');
});

test('\\t and \\ts run their expression in the working namespace, as value does, whichever lambda runs them (qute: system"ts:n …" after \\d .test)', () => {
  const { q } = makeSession();
  q('h:{system"ts b9:1"}; k:{system"t b10:1"}; j:{system"t:3 b12:1"}');
  q('system"d .w"');
  q('h[]; k[]; j[];');
  q('system"d ."');
  assert.equal(q('key `.w'), '``b9`b10`b12');
  assert.equal(q('`b9`b10`b12 in key `.'), '000b');
});

test('a cast to a narrower integer type takes a value beyond its range to its infinity, as amend stores one (`short$-1+2 xexp 20 is 0Wh)', () => {
  const { q } = makeSession();
  assert.equal(q('`short$(-1 + 2 xexp 20)'), '32767h');
  assert.equal(q('(`short$(-1 + 2 xexp 20))~0Wh'), '1b');
  assert.equal(q('`int$3000000000 1 -3000000000'), '0W 1 -0Wi');
  assert.equal(q('`short$-40000'), '-32767h');
  assert.equal(q('(`short$-40000)~-0Wh'), '1b');
  assert.equal(q('`int$0N'), '0Ni');
});

test('a long cast to a byte is first an int within its range, and gives that int\'s low byte: beyond 0Wi is 0xff (ref/cast)', () => {
  const { q } = makeSession();
  assert.equal(q('"x"$-2 -1 0 1 2+0Wi'), '0xfdfeffffff');
  assert.equal(q('"x"$300 -1 0N'), '0x2cff00');
  assert.equal(q('"x"$255 256i'), '0xff00');
});

test('an integer null cast to a char is byte 0, "\\000" (KX Academy\'s functions notebook: 10h$0N); a time of day cast to a date, timestamp or datetime is a type error (its cast exercises: "p"$10:28:43.306)', () => {
  const { q } = makeSession();
  assert.equal(q('"c"$0N'), '"\\000"');
  assert.equal(q('"c"$65 0N 66i'), '"A\\000B"');
  assert.equal(q('10h$0Nh'), '"\\000"');
  assert.equal(q('"p"$10:28:43.306'), "'type");
  assert.equal(q('"d"$10:28 11:00'), "'type");
  assert.equal(q('"z"$0Nv'), "'type");
  assert.equal(q('"t"$2020.01.01D10:00'), '10:00:00.000');
  assert.equal(q('"p"$2020.01.02'), '2020.01.02D00:00:00.000000000');
});

test('a composition ending in an operator has its rank: given one argument it is projected (ref/compose; funq\'s edist:enorm (-)::)', () => {
  const { q } = makeSession();
  assert.equal(q("'[neg;-][5] 3"), '-2');
  q('k:neg (-)::');
  assert.equal(q('k[5] 3'), '-2');
  assert.equal(q('k[5;3]'), '-2');
});

test('a namespace amended by name loses the members the new value lacks; one whose last member is deleted stays, empty (ref/delete; qspec\'s mock restore, kdb-common\'s .ns)', () => {
  const { q } = makeSession();
  q('.foo.bar:1;.foo.baz:2');
  q('.[`.foo;();_;`baz]');
  assert.equal(q('key `.foo'), '``bar');
  q('.a.b.c:1');
  q('delete c from `.a.b');
  assert.equal(q('.a.b'), '| ::');
  assert.equal(q('key `.a'), '``b');
  assert.equal(q('`a in key `'), '1b');
  q('.a.b.d:5');
  assert.equal(q('.a.b.d'), '5');
});

test('`..x of a root name that is not there is undefined (qspec\'s mock: @[get;`..v;`dne])', () => {
  const { q } = makeSession();
  assert.equal(q('@[get;`..nope;`dne]'), '`dne');
  q('a:1');
  assert.equal(q('get `..a'), '1');
});

test('-105!(f;args;g) applies f to its arguments, or on a signal g[message;backtrace], as .Q.trp is made of (kdb-common\'s .ns.protectedExecute)', () => {
  const { q } = makeSession();
  assert.equal(q('-105!({x+y};1 2;{(x;count y)})'), '3');
  assert.equal(q('first -105!({x+y};(1;`a);{(x;count y)})'), '"type"');
});

test('n? a zero time, minute, second, date or month rolls any of that type, as n?0i rolls any ints (qspec\'s fuzz)', () => {
  const { q } = makeSession();
  assert.equal(q('type each (3?00:00:00.000;3?00:00;3?00:00:00;3?2000.01.01;3?2000.01m)'), '19 17 18 14 13h');
});

test('one or two digits of a time of day are its hours, in a literal and for Tok (gyorokpeter/qutils\' longstring tests: 2p, 4n, 4u, 5v)', () => {
  const { q } = makeSession();
  assert.equal(q('(2p;4n;4u;5v;12t)'), '2000.01.01D02:00:00.000000000\n0D04:00:00.000000000\n04:00\n05:00:00\n12:00:00.000');
  assert.equal(q('1 2u'), '01:00 02:00');
  assert.equal(q('"T"$"12"'), '12:00:00.000');
  assert.equal(q('"U"$"4"'), '04:00');
});

test('an integer div 0 is null, in the item code and the vector kernel alike (gyorokpeter\'s kdb+ transcript: "replacing with nulls can be done by dividing by zero")', () => {
  const { q } = makeSession();
  assert.equal(q('(7 div 0;-7 div 0;7i div 0)'), '0N\n0N\n0Ni');
  q('a:til 3000');
  assert.equal(q('all null a div ?[0=a mod 2;0;0]'), '1b');
  assert.equal(q('6#a div ?[0=a mod 2;2;0]'), '0 0N 1 0N 2 0N');
});

test('except finds an atom of another numeric type as in does (ref/except uses in; gyorokpeter\'s AoC 2022 day 13)', () => {
  const { q } = makeSession();
  assert.equal(q('0 -1i except 0'), ',-1i');
  assert.equal(q('1 2 3i except 2'), '1 3i');
  assert.equal(q('1 2. except 2'), ',1f');
});

test('Find in a list of lists goes down y until it meets the rank of x\'s items (ref/find; gyorokpeter\'s AoC 2023 day 2)', () => {
  const { q } = makeSession();
  q('k:("red";"green";"blue")');
  assert.equal(q('k?(("blue";"red");enlist "green")'), '2 0\n,1');
  assert.equal(q('k?("blue";"red")'), '2 0');
  assert.equal(q('k?"red"'), '0');
});

test('a dictionary of list keys takes an index no deeper than its keys as one key, by rank as Find does, to read and to amend (gyorokpeter\'s AoC 2019 day 18, 2022 day 22)', () => {
  const { q } = makeSession();
  q('r:enlist[`int$()]!enlist`int$()');
  q('r[0 8 0]:1 2 3');
  assert.equal(q('count r'), '2');
  assert.equal(q('r 0 8 0'), '1 2 3');
  q('d:(enlist (1;1;"0"))!enlist 5 6');
  assert.equal(q('d enlist "0"'), '`long$()');
  assert.equal(q('((1 2;3 4)!`a`b) (3 4;1 2)'), '`b`a');
});

test('a moving sum over rows of several numeric types takes them in the widest (gyorokpeter\'s AoC 2018 day 18: 3 msum of boolean rows with a long row)', () => {
  const { q } = makeSession();
  assert.equal(q('3 msum (1101b;0110b;1 2 3 4)'), '1 1 0 1\n1 2 1 1\n2 4 4 5');
  assert.equal(q('2 msum (1 2i;3 4)'), '1 2\n4 6');
});

test('= and <> compare two functions as atoms, equal when they match (gyorokpeter\'s AoC 2022 day 21: (%)=first goalOp)', () => {
  const { q } = makeSession();
  assert.equal(q('(+)=(+)'), '1b');
  assert.equal(q('f:(%;3); (%)=first f'), '1b');
  assert.equal(q('(+)<>(*)'), '1b');
});

test('+/ is sum and +\ sums: nulls count as zeros, a seed is added (ref/sum; gyorokpeter\'s AoC 2020 day 12); fills of a list of lists is ^\ (AoC 2020 day 11)', () => {
  const { q } = makeSession();
  assert.equal(q('(+/)2 3 0N 7'), '12');
  assert.equal(q('+\\[1 0N 2]'), '1 1 3');
  assert.equal(q('1+\\0N 0N 1 0N'), '1 1 2 2');
  assert.equal(q('+/[1 2 3;4 5 6]'), '16 17 18');
  assert.equal(q('fills ("a b";"  c";"d  ")'), '"a b"\n"a c"\n"d c"');
  assert.equal(q('fills (1 0N 3;0N 0N 5;7 0N 0N)'), '1  3\n1  5\n7  5');
});

test('x,:y onto an empty vector takes y whatever its type; onto one with items, of its type only (ref/join; gyorokpeter\'s AoC 2021 day 16)', () => {
  const { q } = makeSession();
  q('a:`int$(); a,:5');
  assert.equal(q('a'), ',5');
  q('a,:6');
  assert.equal(q('a'), '5 6');
  q('b:1 2i');
  assert.match(q('b,:3'), /^'type/);
});

test('a general list of keys takes from a dictionary keyed by lists (gyorokpeter\'s AoC 2022 day 24: {(where 1<x)#x} count each group …)', () => {
  const { q } = makeSession();
  q('g:count each group (1 1;1 2;1 1)');
  assert.equal(q('{(where 1<x)#x} g'), '1 1| 2');
});

test('?[();a;b] is an empty result: no conditions (gyorokpeter\'s AoC 2018 day 24, in a select that keeps no rows)', () => {
  const { q } = makeSession();
  assert.equal(q('count ?[();0;1]'), '0');
  q('t:([]a:1 2;immune:(`x`y;enlist `z))');
  assert.equal(q('count select e:?[`fire in/:immune;0;1] from t where a>5'), '0');
});

test('nothing is in (): one 0b for an atom, or for each item of a list (gyorokpeter\'s AoC 2020 day 22)', () => {
  const { q } = makeSession();
  assert.equal(q('(enlist (9 2 6;5 8 4 7)) in ()'), ',0b');
  assert.equal(q('(1 2;3 4) in ()'), '00b');
  assert.equal(q('1 in ()'), '0b');
});

test('Tok takes a table column by column (gyorokpeter\'s AoC 2020 day 21: `$([]ing:…))', () => {
  const { q } = makeSession();
  assert.equal(q('`$([]a:("ab";"cd"))'), 'a \n--\nab\ncd');
  assert.equal(q('exec a from "J"$([]a:("1";"23"))'), '1 23');
});

test('a dictionary keyed by functions finds a function as one key (kdb-common\'s .ns.resolveFunctionName)', () => {
  const { q } = makeSession();
  q('f:{x}; g:{x+y}');
  q('d:(f;1;`a;g)!`f`one`a`g');
  assert.equal(q('d g'), '`g');
  assert.equal(q('(((+);neg)!1 2) neg'), '2');
});

test("-': of booleans gives ints throughout, as deltas does (gyorokpeter's AoC 2020 day 19)", () => {
  const { q } = makeSession();
  assert.equal(q("(-':)1101b"), '1 0 -1 1i');
  assert.equal(q("(-':)1 2.5 4"), '1 1.5 1.5');
});

test('value of a projection keeps its elided arguments as :: (ref/value; finos util.q: 1_-1_get (`a;1;))', () => {
  const { q } = makeSession();
  assert.equal(q('count get (1;2;)'), '4');
  assert.equal(q('count get +[2;]'), '3');
  assert.equal(q('count get +[2]'), '2');
  assert.equal(q('1_-1_get (`a;1;)'), '`a\n1');
});

test('x^:y, x|:y and x&:y on an undefined x give y (ref/assign: the identity element for op; finos\' include.q)', () => {
  const { q } = makeSession();
  q('c^:1'); q('e|:3'); q('g&:5');
  assert.equal(q('(c;e;g)'), '1 3 5');
  q('.a.b^:(enlist"x")!enlist 1b');
  assert.equal(q('.a.b'), 'x| 1');
});

test('a string is one cell of a one-column table of strings, to in and ? (finos\' dep.q: moduleName in key .finos.dep.list)', () => {
  const { q } = makeSession();
  q('l:([moduleName:()]version:())');
  q('`l upsert `moduleName`version!("a/a1";"1.0")');
  assert.equal(q('"a/a1" in key l'), '1b');
  assert.equal(q('"zz" in key l'), '0b');
});

test('an elided first index of a dictionary takes all its keys (ref/apply: nulls in i; gyorokpeter\'s AoC 2020 day 7)', () => {
  const { q } = makeSession();
  q('d:`a`b!(1 2;3 4)');
  assert.equal(q('d[;0]'), 'a| 1\nb| 3');
  assert.equal(q('d . (::;0)'), 'a| 1\nb| 3');
});

test('a dictionary over or scanned with one argument maps it until it converges, whatever its values (ref/accumulators; gyorokpeter\'s AoC 2019 day 20)', () => {
  const { q } = makeSession();
  q('p:(1 1;2 2;3 3)!(0N 0N;1 1;2 2)');
  assert.equal(q('count p\\[3 3]'), '5');
  assert.equal(q('3#p\\[3 3]'), '3 3\n2 2\n1 1');
});

test('an index past the end of a list whose first item is a general list gives that item\'s prototype: atoms null, vectors empty (gyorokpeter\'s AoC 2019 day 18)', () => {
  const { q } = makeSession();
  assert.equal(q('((0N;0N;" ");1 5) 5'), '0N\n0N\n" "');
  q('p:((1;5;"0");(1;6;"0"))!((0N;0N;" ");1 5)');
  assert.equal(q('-3!p (0N;0N;" ";"0")'), '"(0N;0N;\\" \\")"');
  assert.equal(q('(1 2;3 4) 5'), '`long$()');
});

test('a[i]:v on a vector a lambda\'s local alone holds changes it in place; anything that read it whole keeps what it read (b:a, a list, an argument, a query, a[::])', () => {
  const { q } = makeSession();
  assert.equal(q('{[n] a:n#0; i:0; do[n; a[i]:i; i+:1]; sum a} 1000'), '499500');
  assert.equal(q('{a:5#0; a[1]:7; b:a; a[2]:9; (a;b)}[]'), '0 7 9 0 0\n0 7 0 0 0');
  assert.equal(q('{a:5#0; a[1]:7; c:a 1; a[1]:8; (a;c)}[]'), '0 8 0 0 0\n7');
  assert.equal(q('{a:5#0; a[1]:7; p:{x}[a]; a[2]:9; (a;p[])}[]'), '0 7 9 0 0\n0 7 0 0 0');
  assert.equal(q('{a:3#0; a[0]:1; l:(a;1); a[1]:5; (a;first l)}[]'), '1 5 0\n1 0 0');
  assert.equal(q('{a:3#0; a[0]:1; x:a[::]; a[1]:5; (a;x)}[]'), '1 5 0\n1 0 0');
  assert.equal(q('{a:3#0; a[0]:1; t:?[([]b:1 2 3);();0b;(enlist`c)!enlist `a]; a[1]:5; (a;exec c from t)}[]'), '1 5 0\n1 0 0');
  // a literal in the lambda's body is never changed: each call starts from it
  q('v:{a:1 2 3; a[0]:10; a}');
  assert.equal(q('(v[];v[])'), '10 2 3\n10 2 3');
  assert.equal(q('{a:3#`; a[0]:`x; a[1]:`y; a}[]'), '`x`y`');
});

test('a[i]:v and a[i]+:v on a global change it in place; whatever read it keeps what it read, and the change is still a change (views, .z.vs)', () => {
  const { q } = makeSession();
  q('a:5#0; i:0; do[1000; a[i mod 5]+:1; i+:1]');
  assert.equal(q('a'), '200 200 200 200 200');
  q('a:5#0; a[1]:7; b:a; a[2]:9');
  assert.equal(q('(a;b)'), '0 7 9 0 0\n0 7 0 0 0');
  q('a[0]:1; l:(a;1); p:{x}[a]; d:(1#`k)!enlist a; t:([]c:a); s:a[::]; g:get`a; a[3]:5');
  assert.equal(q('(a;first l;p[];d`k;t`c;s;g)'), '1 7 9 5 0\n1 7 9 0 0\n1 7 9 0 0\n1 7 9 0 0\n1 7 9 0 0\n1 7 9 0 0\n1 7 9 0 0');
  // from a lambda, and in a namespace
  q('f:{a[x]:x*10}; f each til 5');
  assert.equal(q('a'), '0 10 20 30 40');
  q('.n.v:3#0; .n.v[0]:1; w:.n.v; .n.v[1]:2; ns:.n; .n.v[2]:3');
  assert.equal(q('(.n.v;w;ns`v)'), '1 2 3\n1 0 0\n1 2 0');
  // a view follows it, .z.vs hears of it, reval refuses it, a wrong type is still 'type
  q('v::sum a');
  q('v');
  q('a[0]:100');
  assert.equal(q('v'), '200');
  q('seen:(); .z.vs:{seen,:enlist(x;y)}; a[1]:1; a[1]+:1');
  q('\\x .z.vs');
  assert.equal(q('seen'), '`a 1\n`a 1');
  assert.equal(q('@[{a[2]:`x};0;{x}]'), '"type"');
  assert.equal(q('a'), '100 2 20 30 40');
  // a general list: items replaced in place, and one that would make every item an atom of one type
  // still makes a vector
  q('l:(1 2;3 4); l[0]:5 6; m:l; l[1]:7 8');
  assert.equal(q('-3!(l;m)'), '"((5 6;7 8);(5 6;3 4))"');
  q('l:(1;`a;"c"); l[1]:2; l[2]:3');
  assert.equal(q('(type l;l)'), '7h\n1 2 3');
  q('l:(1 2;3 4); l[0]:5 6; l[1]:9; l[0]:8');
  assert.equal(q('(type l;l)'), '7h\n8 9');
  assert.equal(q('{l:(1 2;3 4); l[0]:5 6; k:l; l[1]:0; -3!(l;k)}[]'), '"((5 6;0);(5 6;3 4))"');
  // m[i;j]:v deeper in a list: row i changes and no other; rows that were one vector stay apart, and what
  // read the list before keeps it
  q('g:3#enlist 0 0; g[1;0]:5; h:g; g[2;1]+:7; g[0;1 0]:8 9; r:g 2; g[2;0]:4');
  assert.equal(q('-3!(g;h;r)'), '"((9 8;5 0;4 7);(0 0;5 0;0 0);0 7)"');
  assert.equal(q('{m:x#enlist x#0; i:0; do[x; m[i;i]:1; i+:1]; m} 3'), '1 0 0\n0 1 0\n0 0 1');
  // its value is the value assigned (or the new item, for op:), and a wrong type or index fails as before
  assert.equal(q('(g[0;0]:3;g[0;1]+:10)'), '3 18');
  assert.equal(q('g[1;0]:1.5'), "'type");
  assert.equal(q('g[1;5]:1'), "'length");
  assert.equal(q('-3!g'), '"(3 18;5 0;4 7)"');
  // a row amended cell by cell, again and again (changed where it stands once the list made it its own):
  // each change kept, other rows apart, and a row read before keeps what it read; a dictionary's values so
  q('c:3#enlist 0 0; c[0;0]:1; c[0;0]:3; c[0;1]:4; c[0;0]:5; r:c 0; c[0;0]:6; c[1;1]:7; c[1;1]:8; .[`c;1 0;:;2]; .[`c;1 0;+;1]');
  assert.equal(q('-3!(c;r)'), '"((6 4;3 8;0 0);5 4)"');
  q('dv:`a`b!(5#0;5#0); dv[`a;0]:1; dv[`a;0]:2; dv[`a;4]:3; w:dv`a; dv[`a;0]:9; dv[`a;0]+:1; .[`dv;(`b;1);:;5]; .[`dv;(`b;1);+;1]');
  assert.equal(q('-3!(dv;w)'), '"(`a`b!(10 0 0 0 3;0 6 0 0 0);2 0 0 0 3)"');
  // @[`g;i;f;y] and .[`g;i;f;y] by name likewise; what read g before keeps what it read, a wrong type fails
  q('fv:5#0; @[`fv;1;:;7]; fw:fv; @[`fv;2;+;3]; .[`fv;enlist 3;:;9]; fg:(1 2;3 4); .[`fg;0 1;:;5]; fh:fg; .[`fg;1 0;+;10]');
  assert.equal(q('-3!(fv;fw;fg;fh)'), '"(0 7 3 9 0;0 7 0 0 0;(1 5;13 4);(1 5;3 4))"');
  assert.equal(q('@[`fv;0;:;`a]'), "'type");
  assert.equal(q('fv'), '0 7 3 9 0');
  q('fd:()!(); @[`fd;1;:;"ab"]; @[`fd;2;:;"cd"]; fe:fd; @[`fd;3;:;"ef"]');
  assert.equal(q('-3!(fd;fe;fd?"ef")'), '"(1 2 3!(\\"ab\\";\\"cd\\";\\"ef\\");1 2!(\\"ab\\";\\"cd\\");3)"');
  q('n:(1 2;`a`b;"xy"); n[0;0]:0; n[2;0]:"z"; n[1;1]:`q');
  assert.equal(q('-3!n'), '"(0 2;`a`q;\\"zy\\")"');
  // an in-place amend refused (reval) leaves the value as it was: a row's cell, a key a dictionary of
  // strings lacks, an item (the row changed, and the values grew past the keys, before the refusal)
  q('c:3#enlist 0 0; c[0;0]:1; c[0;1]:2; ds:`a`b!("x";"yy"); ds[`a]:"zz"; iv:til 3; iv[0]:5');
  assert.equal(q('reval parse "c[0;1]:9"'), "'noupdate");
  assert.equal(q('reval parse "ds[`c]:\\"ww\\""'), "'noupdate");
  assert.equal(q('reval parse "iv[1]:9"'), "'noupdate");
  q('gl:(1 2;`a`b); gl,:enlist 3 4');
  assert.equal(q('reval parse "gl,:enlist 5 6"'), "'noupdate");
  assert.equal(q('count gl'), '3');
  assert.equal(q('-3!(c;ds;count each (key ds;value ds);iv)'), '"((1 2;0 0;0 0);`a`b!(\\"zz\\";\\"yy\\");2 2;5 1 2)"');
});

test('converge stops when a result repeats the previous or the first; a function that changes globals is not cut short as a cycle (adotsch\'s AoC 2015 day 23)', () => {
  const { q } = makeSession();
  assert.equal(q('n:0;f:{n+::1;$[n<10;1+n mod 2;99]};f/[0]'), '99');
  assert.equal(q('n:0;f\\[0]'), '0 2 1 2 1 2 1 2 1 2 99');
  assert.equal(q('r:{$[x=5;5;x<5;x+1;0]}; r/[0]'), '5');
  assert.equal(q('@[{1+x mod 3}/;0;{x}]'), '"cycle"');
});

test('indices of an indexed assignment are evaluated right to left, as any list of expressions (basics/syntax): m[l;l:2]:1', () => {
  const { q } = makeSession();
  assert.equal(q('m:3 3#0;m[l;l:2]:1;-3!m'), '"(0 0 0;0 0 0;0 0 1)"');
  assert.equal(q('m:3 3#0;m[k;k:1]+:1;-3!m'), '"(0 0 0;0 1 0;0 0 0)"');
  assert.equal(q('{m:3 3#0;m[a;a:1]:7;-3!m}[]'), '"(0 0 0;0 7 0;0 0 0)"');
});

test('an atom is found by its value among shorts, ints or longs of another integral type; vectors of two types are \'type', () => {
  const { q } = makeSession();
  assert.equal(q('((sums 101b)?1;1 2 3?2i;1 2 3h?3;(1 2 3i)?0N;(1 2 3i)?5000000000)'), '0 1 2 3 3');
  assert.equal(q('(5 in 1 5i;1i in 0 1 2;0N in 1 0Ni;0W in 1 0Wi;5000 in 0 0Wi;3h in 1 2)'), '111100b');
  assert.equal(q('@[{1 2 in 1 5i};0;{x}]'), '"type"');
  assert.equal(q('@[{1 2 3i?2 3};0;{x}]'), '"type"');
});

test('each prior of an atomic operator over a vector is one vector operation after the first item; an operator with an identity takes it as the seed (ref/maps)', () => {
  const { q } = makeSession();
  assert.equal(q("(<>)':[1 1 2 3 3]"), '10110b');
  assert.equal(q("((%':)1 2 4;(*':)2 3 4;(-':)1 1 2 3 5 8 13)"), '1 2 2f\n2 6 12\n1 0 1 1 2 3 5');
  assert.equal(q("(=':)\"aab\""), '010b');
  assert.equal(q("10 -': 1 4 9"), '-9 3 5');
  assert.equal(q("-3!(-':)2#2020.01.01"), '"(2020.01.01;0i)"');
  assert.equal(q("{x+2*y}':[2 3 4]"), '0N 7 10');
  assert.equal(q("r:10000?\"123\"; ((<>)':[r])~differ r"), '1b');
});

test('group of a dictionary groups its keys by value (CillianReilly\'s AoC 2021 day 12); each prior between the rows of a matrix seeds with the null of their items (AoC 2022 day 8)', () => {
  const { q } = makeSession();
  assert.equal(q('-3!group `a`b`c!1 2 1'), '"1 2!(`a`c;,`b)"');
  assert.equal(q('-3!group `a`b`c!("x";"y";"x")'), '"\\"xy\\"!(`a`c;,`b)"');
  assert.equal(q("-3!(=':)(\"ab\";\"cd\")"), '"(00b;00b)"');
  assert.equal(q("-3!not(=':)maxs (\"30373\";\"25512\";\"65332\")"), '"(11111b;01100b;10000b)"');
  assert.equal(q("-3!(=':)(1 2;1 3)"), '"(00b;10b)"');
});

test('a string given to value or parse may break a vector of numbers over lines: the break is a space (psaris\' AoC 2022 day 1: sum get each "\\n\\n" vs text)', () => {
  const { q } = makeSession();
  assert.equal(q('value "12\\n34"'), '12 34');
  assert.equal(q('sum get "2832\\n2108\\n1"'), '4941');
  assert.equal(q('parse "1\\n 2"'), '1 2');
});

test('a value takes scan (\\ and \\:) after a space, where / would start a comment (Györök\'s AoC 2022 day 7 in qbists\' Advent of q: p:(1#`:) {…} \\ inp)', () => {
  const { q } = makeSession();
  assert.equal(q('{x+y} \\ 1 2 3'), '1 3 6');
  assert.equal(q('(1#`a) {x,y} \\ `b`c'), '`a`b\n`a`b`c');
  assert.equal(q('-3!1 2 ,\\: 3 4'), '"(1 3 4;2 3 4)"');
});

test('a derived function or a lambda takes Each after a space too, where a signal would mean nothing (KX Academy\'s functions notebook: 3#\' \'L; a recorded FizzBuzz: {..} \'[1+til 35])', () => {
  const { q } = makeSession();
  q('L:("the";"fox")');
  assert.equal(q("-3!3#' 'L"), '"((\\"ttt\\";\\"hhh\\";\\"eee\\");(\\"fff\\";\\"ooo\\";\\"xxx\\"))"');
  assert.equal(q("{x+1} '[1 2 3]"), '2 3 4');
  assert.equal(q("{x,y} '[1 2;3 4]"), '1 3\n2 4');
  assert.equal(q("{$[x;'`bad;1]} 1b"), "'bad");
});

test('an operator\'s each given one argument is projected, its rank being the operator\'s (ref/maps; d-frost\'s Project Euler 9: p where .\'[<>] p)', () => {
  const { q } = makeSession();
  assert.equal(q(".'[<>] (1 2;3 3)"), '10b');
  assert.equal(q("+'[1 2] 3 4"), '4 6');
  assert.equal(q("-'[1 2]"), "-'[1 2;]");
  assert.equal(q("-:'[1 2]"), '-1 -2');
  assert.equal(q("count'[(1 2;3)]"), '2 1');
});

test('a dictionary amended at a key of another integral type finds it as lookup does (jrajasansir\'s AoC 2020 day 18: `0N 0i!.. amended at a long)', () => {
  const { q } = makeSession();
  q('d:1 2i!3 4; d[1]:9');
  assert.equal(q('d'), '1| 9\n2| 4');
  assert.equal(q('(count d;type key d)'), '2\n6h');
  q('e:0N 0i!`a`b; e[0N]:`c; e[0]:`z');
  assert.equal(q('value e'), '`c`z');
});

test('text becomes a symbol by `$ alone: `symbol$, 11h$ and "s"$ of a string are type errors (a recorded jupyterq session; tutorialspoint\'s casting page)', () => {
  const { q } = makeSession();
  assert.equal(q('`symbol$"abc"'), "'type");
  assert.equal(q('11h$("Hello";"World")'), "'type");
  assert.equal(q('"s"$"a"'), "'type");
  assert.equal(q('`$("Hello";"World")'), '`Hello`World');
  assert.equal(q('`symbol$`a`b'), '`a`b');
  assert.equal(q('`symbol$()'), '`symbol$()');
});

test('keys of mixed types show each atom in its own form, as a mixed table column does (Q for Mortals\' (`c1;2)!.. in idlegene\'s notebooks)', () => {
  const { q } = makeSession();
  assert.equal(q('(`c1;2)!(10 20;1.1 2.2)'), '`c1| 10  20 \n2  | 1.1 2.2');
  assert.equal(q('(`a;"b")!1 2'), '`a | 1\n"b"| 2');
  assert.equal(q('(1;2f)!3 4'), '1 | 3\n2f| 4');
  assert.equal(q('`a`b!1 2'), 'a| 1\nb| 2');
});

test('kxcontrib\'s phrases: no zero-row matrix of a given width (0 4#" " is \'length); xlog gives kdb+\'s last digit (10 xlog 3 under \\P 0)', () => {
  const { q } = makeSession();
  assert.equal(q('0 4#" "'), "'length");
  assert.equal(q('(0 4#" "),5 4#.Q.a'), "'length");
  assert.equal(q('count each 2 0#1 2'), '0 0');
  q('\\P 0');
  assert.equal(q('10 xlog 3'), '0.47712125471966244');
  assert.equal(q('3 xlog 81'), '4f');
  assert.equal(q('2 xlog 8 0.125'), '3 -3f');
});

test('ianlester7\'s AoC 2020: a name part after a dot may begin with a digit (q1.1); key-value 0: skips separators before a pair; inter and except of vectors of two types are type errors, of an atom found as in finds it', () => {
  const { q } = makeSession();
  q('q1.1:{x+1}; x1.2x:4');
  assert.equal(q('(q1.1 5;x1.2x)'), '6 4');
  assert.equal(q('-3!"S: " 0: " byr:1937 iyr:2017"'), '"(`byr`iyr;(\\"1937\\";\\"2017\\"))"');
  assert.equal(q('first "S=;" 0: ";a=1;;b=2;"'), '`a`b');
  assert.equal(q('1 2 3i inter 2 3'), "'type");
  assert.equal(q('1 2 3i except 2 3'), "'type");
  assert.equal(q('1 2 3i inter 2'), ',2i');
  assert.equal(q('1 2 3 except 2i'), '1 3');
  assert.equal(q('a:2; a*.5'), '1f');
});

test('weeklyq and Aaron Davies\' blog: a new key\'s value of another type than a dictionary\'s vector of values is a type error; eval runs ($;c;t;f) as Cond; keys that are symbol vectors of one count show as a grid', () => {
  const { q } = makeSession();
  q('d:`firstName`lastName!`Tom`Jerry');
  assert.equal(q('d[`age]:37'), "'type");
  assert.equal(q('count d'), '2');
  q('e:`a`b!1 2; e[`c]:3; e[`d]+:5');
  assert.equal(q('value e'), '1 2 3 5');
  q('f:(enlist`)!enlist(::); f[`a]:1; f[`b]:`x');
  assert.equal(q('-3!1_value f'), '"(1;`x)"');
  assert.equal(q('eval parse "$[1b;2;3]"'), '2');
  assert.equal(q('{eval enlist[$],0=x mod\\: 100 400 4} each 2020 1900 2000 2019'), '1010b');
  assert.equal(q('eval ($;"j";"12")'), '49 50');
  assert.equal(q('(`a`b`c;`a`b`d)!1 2'), 'a b c| 1\na b d| 2');
  assert.equal(q('(`a`b;`c`d`e)!1 2'), '`a`b  | 1\n`c`d`e| 2');
});

test('x,:y pushes onto a general list the variable alone holds (appending vectors in a loop was quadratic); a copy taken before is unchanged, a find sees the new items, and r,:r appends a copy', () => {
  const { q } = makeSession();
  q('r:(); do[100;r,:enlist 1 2]; b:r; r,:enlist 3 4');
  assert.equal(q('-3!(count b;count r;last b;last r)'), '"(100;101;1 2;3 4)"');
  q('l:(1 2;3 4); do[70;l?5 6]; l,:enlist 5 6; l,:7');
  assert.equal(q('(l?5 6;l?7;count l)'), '2 3 4');
  q('w:(1 2;3 4); w,:w; w,:enlist w');
  assert.equal(q('-3!w'), '"(1 2;3 4;1 2;3 4;(1 2;3 4;1 2;3 4))"');
  assert.equal(q('f:{s:(); do[x;s,:enlist 1 2]; s}; g:f 3; g,:enlist 9; (count f 3;count g)'), '3 4');
  // a list of atoms of more than one type takes atoms the same way (rows of a symbol and a number)
  q('p:(); do[3;p,:(`a;1)]; p0:p; p,:(`b;2); p,:3; p,:`c`d');
  assert.equal(q('-3!(p0;p)'), '"((`a;1;`a;1;`a;1);(`a;1;`a;1;`a;1;`b;2;3;`c;`d))"');
  // and where the list so far has atoms of one type: those that join it decide (here a vector)
  q('v:(1;`a); v:v 0 0; v,:2');
  assert.equal(q('(type v;v)'), '7h\n1 1 2');
});

test('parsing real programs: an operator takes Each after a space; a keyword@ projection composes with a derived verb; a symbol may hold / between name characters; first() is the generic null', () => {
  const { q } = makeSession();
  assert.equal(q("-3!1 _ '(1 2;3 4 5)"), '"(,2;4 5)"');
  assert.equal(q("(-). ' (1 2;3 4)"), '-1 -1');
  assert.equal(q("1 2 + ' 3 4"), '4 6');
  assert.equal(q("@[{'x};`e;{x}]"), ',"e"');
  assert.equal(q('(neg@+/)1 2 3'), '-6');
  assert.equal(q('(distinct@inter/) ("abcabc";"bcd";"cxb")'), '"bc"');
  assert.equal(q('(type `a/b;`../data/day2.txt)'), '-11h\n`../data/day2.txt');
  assert.equal(q('((::)~first ();(::)~last ();value (`a`b!1 2) first ())'), '1b\n1b\n1 2');
  assert.equal(q('((1 2 3!`a`b`c) 2i;(1 2 3i!`a`b`c) 2;(1 2 3!`a`b`c) 5i)'), '`b`b`');
});

test('qbists\' studyq records: string of a null is empty; a trailing :: composes an operator\'s projection; booleans beside numbers show as a grid', () => {
  const { q } = makeSession();
  assert.equal(q('-3!(string 0N;string 8 0N 3;string 0n;string 0Nd;string 0W)'), '"(\\"\\";(,\\"8\\";\\"\\";,\\"3\\");\\"\\";\\"\\";\\"0W\\")"');
  q('sol3:{(raze/)flip(x;string@[;;:;0N].(where 1=)\\[1;]deltas@)@\'-1 1_\\:where differ x,"\\n"}');
  assert.equal(q('sol3 "aaaaaaaabbbbbbcccdeeeeeeefffbbaaab"'), '"a8b6c3de7f3b2a3b"');
  q('f: sum 1+ 10 20 30? ::');
  assert.equal(q('(f 20 30;(sum 3#::) 5 6 7 8;(first;sum 3#::)@\\:10 9 8 7)'), '5\n18\n10 27');
  assert.equal(q('(1 2 3 4;0110b)'), '1 2 3 4\n0 1 1 0');
  assert.equal(q('(011b;101b)'), '011b\n101b');
});

test('a list of lists of unequal counts shows each in one-line form (qbists\' AoC 2022 day 17 rocks); a grid cut short is as wide as the rows it shows', () => {
  const { q } = makeSession();
  assert.equal(q("(0,'til 4;(0 1;1 0;1 1;1 2;2 1))"), '(0 0;0 1;0 2;0 3)\n(0 1;1 0;1 1;1 2;2 1)');
  assert.equal(q('\\c 10 80'), '');
  assert.equal(q('{(til x;`a)} each 1+til 12'), ['0', '0 1', '0 1 2', '0 1 2 3', '0 1 2 3 4', '0 1 2 3 4 5', '0 1 2 3 4 5 6'].map(r => r.padEnd(14) + '`a').join('\n') + '\n..');
});

test('a[i]:v and a[i]+:v with i a vector of positions change a where it stands, as the amend of a copy would; what read a keeps what it read', () => {
  const { q } = makeSession();
  let x = 5;
  const r = (k: number) => { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; return (x >>> 0) % k; };
  const kinds: [string, string, string[]][] = [
    ['20?100', '5', ['+', '-', '|', '*']], ['20?1.0', '0.5', ['+', '-', '&']], ['20?`a`b`c', '`z', []],
    ['20?"abc"', '"z"', []], ['20?100i', '7i', ['+', '|']], ['2000.01.01+20?100', '3', ['+', '-']]];
  for (let trial = 0; trial < 40; trial++) {
    const [make, one, ops] = kinds[r(kinds.length)];
    q(`a:${make}; b:a; f:{[i;o;y] $[o~(::); a[i]:y; a[i]:o[a i;y]]}`);
    for (let step = 0; step < 6; step++) {
      // positions, some met twice, and y an atom or a vector as long
      const n = 1 + r(6), i = Array.from({ length: n }, () => r(20)).join(' ');
      const o = ops.length && r(3) ? ops[r(ops.length)] : '';
      const y = r(2) ? one : `${n}#${one}`;
      const at = `(${n === 1 ? 'enlist ' : ''}${i})`;
      if (step === 3) q('s:a; s2:a[til count a]');
      // by name (@[`a;…]) or by assignment (a[i]+:y), each against the amend of b's value
      if (r(2)) q(`@[\`a;${at};${o || ':'};${y}]`); else q(`a[${at}]${o}:${y}`);
      q(`b:@[b;${at};${o || ':'};${y}]`);
      assert.equal(q('a~b'), '1b', `${make}: ${o}:${y} at ${at}\n${q('a')}\n${q('b')}`);
      if (step > 3) assert.equal(q('s~s2'), '1b', `${make}: what read a kept it`);
    }
  }
  // in a lambda's local, and the value of the assignment (the items after, for an op)
  assert.equal(q('{v:5#0; v[1 1 2]+:3; w:v; v[0 2]:9; u:v[2 2]+:1; (v;w;u)}[]'), '9 6 11 0 0\n0 6 3 0 0\n11 11');
  // an item of another type, a position outside, or a y of another length: an error, and a as it was
  q('a:5#0; a[1 2]:1; a[1 2]+:1');
  for (const bad of ['a[1 2]+:`x', 'a[1 9]+:1', 'a[1 2]+:1 2 3', 'a[1 2]+:1.5', '@[`a;1 -1;+;1]'])
    assert.match(q(bad), /^'(type|length|index)/, bad);
  assert.equal(q('a'), '0 2 2 0 0');
});

test('a variable read at positions (a i, a[i], 3 a\\i) stays its own to change in place; what those reads gave, and what read it whole, keep their values', () => {
  const { q } = makeSession();
  // globals and locals; atoms, vectors of positions, and a vector as the function of a scan or a fold
  q('a:til 10; a[0]:1; b:a 1 2; c:a[3]; d:3 a\\0; e:a/[2;4]; a[1 2 3 4]:100');
  assert.equal(q('(a;b;c;d;e)'), '1 100 100 100 100 5 6 7 8 9\n1 2\n3\n0 1 1 1\n4');
  assert.equal(q('{v:til 5; v[0]:1; w:v 1 2; u:2 v\\1; v[1 2]:9; (v;w;u)}[]'), '1 9 9 3 4\n1 2\n1 1 1');
  // what is not a read at positions reads it whole, and keeps it: the value itself, :: and a stored scan
  for (const [read, after] of [['w:a', 'w'], ['w:a[::]', 'w'], ['w:a ::', 'w'], ['g:a\\', 'g 1'], ['w:{x} a', 'w'], ['w:(a;1)', 'first w']]) {
    q(`a:til 5; a[0]:9; ${read}; a[1]:7`);
    assert.equal(q(after), after === 'g 1' ? ',1' : '9 1 2 3 4', read);
    assert.equal(q('a'), '9 7 2 3 4', read);
  }
  // a loop that reads and changes one vector gives what the same loop over a copy each time gives
  q('C:til 1000; C[0]:1; {C[x,x+1]:C[x+1],C x} each til 500');
  q('D:til 1000; D[0]:1; {D::@[D;x,x+1;:;D[x+1],D x]} each til 500');
  assert.equal(q('C~D'), '1b');
});

test('a vector or list searched again and again is found through a hash index, which an in-place amend drops: the answers are a scan\'s', () => {
  const { q } = makeSession();
  q('a:til 100; a[0]:0; a?5; a?5; a?5; a[5]:-1');
  assert.equal(q('(a?5;a?-1;a?0)'), '100 5 0');
  q("l:{x,y}'[til 100;til 100]; l[0]:0 0; l?5 5; l?5 5; l?5 5; l[5]:9 9");
  assert.equal(q('(l?5 5;l?9 9;l?0 0)'), '100 5 0');
  assert.equal(q('f:(100#1.5),0n,-0.0; (f?0n;f?0n;f?0n;f?0.0;f?2.5)'), '100 100 100 101 102');
  assert.equal(q('x:(100#0),-9223372036854775807 9223372036854775807 0N; (x?0N;x?0N;x?0N;x?0W;x?-0W;x?5)'), '102 102 102 101 100 103');
  assert.equal(q('s:`$string til 100; (s?`5;s?`5;s?`5;s?`nope)'), '5 5 5 100');
  assert.equal(q('d:(`u#til 1000)!1000#`a`b; (d 999;d 1000;d 7)'), '`b``b');
  assert.equal(q("k:{x,'y}[til 200;200#7]; d:k!til 200; (d 5 7;d 5 7;d 5 7;d 199 7;d 5 8)"), '5 5 5 199 0N');
});

test('value of a lambda lists as globals a query\'s table, not its columns (wp/permissions: ``trade)', () => {
  const { q } = makeSession();
  q('getVWAP:{[s;ivl] select vwap:size wavg price by sym, bucket:ivl xbar time.minute from trade where sym in s}');
  assert.equal(q('(value getVWAP) 3'), '``trade');
  assert.equal(q('(value {a+b;select from t where c>b}) 3'), '``a`b`t');
});

test('d[k]:v and d[k]+:v at a key a dictionary has change its values in place once an amend made them its own; whatever read it keeps what it read', () => {
  const { q } = makeSession();
  q('c:(`$string til 100)!100#0; {c[x]+:1} each 1000?`$string til 100');
  assert.equal(q('sum c'), '1000');
  q('d:`a`b`c!1 2 3; d[`a]:10; e:d; d[`b]:20; v:value d; k:key d; d[`c]+:5; d[`z]:0');
  assert.equal(q('-3!(d;e;v;k)'), '"(`a`b`c`z!10 20 8 0;`a`b`c!10 2 3;10 20 3;`a`b`c)"');
  assert.equal(q('{d:`a`b!1 2; d[`a]:5; g:d; d[`b]+:1; -3!(d;g)}[]'), '"+`a`b!(5 5;3 2)"');
  q('d:`a`b!(1 2;3 4); d[`a]:5 6; e:d; d[`b]:7 8');
  assert.equal(q('-3!(value d;value e)'), '"((5 6;7 8);(5 6;3 4))"');
  assert.equal(q('d:`a`b!1 2; d[`a]:3; @[{d[`b]:`x};0;{x}]'), '"type"');
  assert.equal(q('d'), 'a| 3\nb| 2');
  // a key it lacks, on general values: the key and value appended where they stand; whatever read the
  // dictionary, its keys or its values before keeps what it read, and a find sees the new key and value
  q('s:()!(); s[1]:"ab"; s[2]:"cd"; s0:s; k0:key s; v0:value s; s[3]:"ef"; s[4]:5; s[2]:"zz"');
  assert.equal(q('-3!(s;s0;k0;v0)'), '"(1 2 3 4!(\\"ab\\";\\"zz\\";\\"ef\\";5);1 2!(\\"ab\\";\\"cd\\");1 2;(\\"ab\\";\\"cd\\"))"');
  assert.equal(q('(s?"ef";(key s)?4;s 4)'), '3 3 5');
  assert.equal(q('{m:(`long$())!(); m[1]:"a1"; m[2]:"b2"; g:m; m[3]:"c3"; (count g;count m;m 3)}[]'), '2\n3\n"c3"');
});

test('white papers: a table column of one-item (or empty) numeric vectors of one count shows bare; Find keeps a dictionary\'s keys; .Q.d0 and .Q.par keep ./', () => {
  const { q } = makeSession();
  assert.equal(q('([]a:(enlist 41i;enlist 88i))'), 'a \n--\n41\n88');
  assert.equal(q('([]a:(1 2;enlist 3))'), 'a  \n---\n1 2\n,3 ');
  assert.equal(q('-3!1 2 3?`a`b!(1 2;3)'), '"`a`b!(0 1;2)"');
  assert.equal(q('-3!1 2 3?`a`b!1 3'), '"`a`b!0 2"');
  assert.equal(q('.Q.par[`:.;2013.05.31;`trade]'), '`:./2013.05.31/trade');
});

test('kb and basics pages: 0N! cuts its line to the console; value of a list headed by a char runs it as code', () => {
  const { q } = makeSession();
  assert.equal(q('value ("+";2;2)'), '4');
  assert.equal(q('\\c 25 80'), '');
  assert.equal(q('0N!til 100;'), '0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 ..\n');
});

test('a return whose value is a $ that returned in its branch gives that value, not an internal error (mkst\'s AoC 2023 day 8: {:$[x>3;:x;:x+1]})', () => {
  const { q } = makeSession();
  assert.equal(q('f:{:$[x>3;:x;:x+1]}; (f 1;f 5)'), '2 5');
  assert.equal(q('k:{1+(:$[x;:7;8])}; (k 1b;k 0b)'), '7 8');
});

test('an index extended by a join serves the longer list and still the shorter one; a second join from the shorter one does not reuse it (keys added one at a time: mkst\'s AoC 2020 day 15)', () => {
  const { q } = makeSession();
  q('x:til 100; x?5; x?5; x?5; y:x,200; z:x,300');
  assert.equal(q('(x?200;y?200;z?200;z?300;y?300;x?300;y?5)'), '100 100 101 100 101 100 5');
  q('g:{(x;x)} each til 100; g?5 5; g?5 5; g?5 5; h:g,enlist 200 200; h2:g,enlist 300 300');
  assert.equal(q('(g?200 200;h?200 200;h2?300 300;h2?200 200;h?300 300;h?5 5)'), '100 100 100 101 101 5');
  q('b:til 100; b?1; b?1; b?1; b2:b,-9223372036854775807; b3:b2,5');
  assert.equal(q('(b2?-9223372036854775807;b3?5;b3?-9223372036854775807;b?-9223372036854775807)'), '100 5 100 100');
  q('e:(`u#enlist 0N)!enlist"X"; {e[x]:"o"} each til 2000');
  assert.equal(q('(count e;e 1999;e 0N;e 5000;(key e)?1999)'), '2001\n"o"\n"X"\n" "\n2000');
  q('v:`u#til 10; do[100;v,:count v]');
  assert.equal(q('(attr v;count v;v?109)'), '`u\n110\n109');
});

test('a dictionary grown one key at a time finds every key, old and new, and no absent one (its keys inherit how often they were searched, so an index is built and then extended)', () => {
  const { q } = makeSession();
  q('f:(`$())!`long$(); do[3000;f[`$string count f]:count f]; f0:f; f[`late]:-1');
  assert.equal(q('(count f;f`0;f`2999;f`late;f`absent;f0`late;count f0;(key f)?`2999)'), '3001 0 2999 -1 0N 0N 3000 2999');
  q('g:()!(); do[3000;g[count g]:2*count g]; g[0N]:7');
  assert.equal(q('(g 0;g 2999;g 0N;g 3001;sum value g)'), '0 5998 7 0N 8997007');
  q('l:(); do[500;l,:enlist(count l;`a);l?(0;`a)]');
  assert.equal(q('(l?(0;`a);l?(499;`a);l?(500;`a);l?(250;`b))'), '0 499 500 500');
});

test('a dictionary given a count first is applied that many times, whatever its values (qbists\' Advent of q 2022 day 2: score each 1 play\\ strategy)', () => {
  const { q } = makeSession();
  q('rounds:string`BX`CY`AZ`AX`BY`CZ`CX`AY`BZ; score:sum 1+ rounds? ::; play:rounds!rounds[;0],\'"XZYZYXYXZ"; strategy:("A Y";"B X";"C Z")[;0 2]');
  assert.equal(q('score each 1 play\\ strategy'), '15 12');
  assert.equal(q('-3!2 (("ab";"cd")!("cd";"ab"))\\"ab"'), '"(\\"ab\\";\\"cd\\";\\"ab\\")"');
  assert.equal(q('3 (`a`b!`b`a)\\`a'), '`a`b`a`b');
});

test('an item sought in a general list with in is found as Find finds it: through the list\'s index when it is searched often, floats exactly (basics/precision)', () => {
  const { q } = makeSession();
  q('v:{(x;x)} each til 100; do[5;(3 3) in v]');
  assert.equal(q('((3 3) in v;(3 4) in v;(1 2;3 3) in v;(99 99) in v)'), '1b\n0b\n01b\n1b');
  assert.equal(q('((1.0;`a) in ((1.0+1e-14;`a);2);1 2 in ((1 2;3 4);9);(1 2;3 4) in ((1 2;3 4);9))'), '001b');
  assert.equal(q('(1.0;`a) in ((1.0;`a);2)'), '1b');
});

test('op:[x;y] assigns through the operator; : with an iterator picks its second argument and assigns nothing (ref/assign)', () => {
  const { q } = makeSession();
  q('a:1; s:"ab"; l:1 2 3');
  q('+:[a;5]');
  assert.equal(q('a'), '6');
  q(',:[s;"cd"]');
  assert.equal(q('s'), '"abcd"');
  q('+:[l[1];10]');
  assert.equal(q('l'), '1 12 3');
  // an undefined name starts from the operator's identity
  q('-:[u;1]');
  assert.equal(q('u'), '-1');
  assert.equal(q('{b:1;+:[b;x];b} 5'), '6');
  // (kdbfaq: list2 :/: 0 1 2 3 is 0 1 2 3, and list2 is unchanged)
  q('b:1 2');
  assert.equal(q('b :/: 7 8'), '7 8');
  assert.equal(q('b'), '1 2');
  assert.equal(q('(1 2;3 4) :\\: 5'), '5 5');
  assert.equal(q("b[0 1] :' 10 20"), '10 20');
  assert.equal(q('b'), '1 2');
  // a pattern still destructures
  q('(c;d):3 4');
  assert.equal(q('d'), '4');
});

test('recorded notebooks: dictionaries compare over the union of keys against nulls, cut and _ drop every entry of a key, a list seed scans, sv decodes in floats, a zero time rolls within a day', () => {
  const { q } = makeSession();
  // q4m's 5-Dictionaries notebook (kdb+ 3.6)
  assert.equal(q('(`a`b`c!10 20 30)=`b`c`d!20 300 400'), 'a| 0\nb| 1\nc| 0\nd| 0');
  assert.equal(q('(`a`b`c!0N 20 30)=`b`c`d!20 300 0N'), 'a| 1\nb| 1\nc| 0\nd| 1');
  assert.equal(q('(`a`b`c!10 20 30)<`b`c`d!20 300 400'), 'a| 0\nb| 0\nc| 1\nd| 1');
  // (+ keeps a value whose key is on one side only)
  assert.equal(q('(`a`b`c!10 20 30)+`b`c`d!20 300 400'), 'a| 10\nb| 40\nc| 330\nd| 400');
  assert.equal(q('`a`c cut `a`b`c!10 20 30'), 'b| 20');
  // ref/drop: y without the entries for x (anton-dovzhenko's AoC 2020 day 13)
  assert.equal(q('`a _ `a`b`a!1 2 3'), 'b| 2');
  assert.equal(q('enlist[0N] _ 7 13 0N 0N 59!til 5'), '7 | 0\n13| 1\n59| 4');
  // weihong15's Iterators notebook
  assert.equal(q('1000 1001+\\2 3 4'), '1002 1003\n1005 1006\n1009 1010');
  assert.equal(q('2f sv 1 2 3 4 5'), '57f');
  assert.equal(q('1.5 2 sv 1 2'), '4f');
  assert.equal(q('10 sv 1 2 3'), '123');
  // weihong15's notes: a zero time of day rolls within a day, a zero date within 2000 to 2003
  assert.equal(q('(0<=min r)&23:59>=max r:100000?00:00'), '1b');
  assert.equal(q('23:59:59>=max 100000?00:00:00'), '1b');
  assert.equal(q('(2000.01.01<=min r)&2003.12.31>=max r:100000?2000.01.01'), '1b');
});

test('q4m notebooks: times of day of different precisions in one literal meet in the finest; an enumeration over an undefined name shows its indices', () => {
  const { q } = makeSession();
  assert.equal(q('12:34 01:02:03'), '12:34:00 01:02:03');
  assert.equal(q('01:02:03 12:34'), '01:02:03 12:34:00');
  assert.equal(q('12:34 01:02:03.000'), '12:34:00.000 01:02:03.000');
  assert.equal(q('0Nu 01:02:03'), '0N 01:02:03');
  assert.equal(q('`x!42'), '`x!42');
  assert.equal(q('`c!1 2 3'), '`c!1 2 3');
  assert.equal(q('type `c!1 2 3'), '20h');
});

test('each of a composition given fewer arguments than its last function takes is a projection, shown with the arguments given', () => {
  // weihong15's Iterators notebook: %[;2]*[3]+'[(0 1;2 3;4 5;6 7;8 9)]
  const { q } = makeSession();
  q("h:('[;] over (%[;2];3*;+))");
  assert.equal(q("(h')[5 2#til 10]"), "%[;2]*[3]+'[(0 1;2 3;4 5;6 7;8 9)]");
  assert.equal(q("((h')[5 2#til 10])1"), '1.5  3 \n4.5  6 \n7.5  9 \n10.5 12\n13.5 15');
  q('f:{[a;b]a+b}each');
  assert.equal(q('f 0b'), "{[a;b]a+b}'[0b]");
  assert.equal(q('(f 1 2) 3 4'), '4 6');
});

test('a step dictionary is one given s# (shown `s#`s#k!v); keys sorted alone look up exactly', () => {
  const { q } = makeSession();
  // ref/apply: step dictionaries
  q('d:`cat`cow`dog`sheep!`chat`vache`chien`mouton');
  assert.equal(q('(`s#d) `sheep`snake`cat`ant'), '`mouton`mouton`chat`');
  // psaris' notes record 0N! of one as `s#`s#0n 5 50 100!0.001 0.005 0.01 0.02
  assert.equal(q('-3!`s#0n 5 50 100!.001 .005 .01 .02'), '"`s#`s#0n 5 50 100!0.001 0.005 0.01 0.02"');
  // anton-dovzhenko's AoC 2020 day 7 looks up a dictionary made from select … by's sorted keys exactly
  q('t:([]b:`c`a`b`a;c:1 2 3 4)');
  q('x:(!) . (0!select sum c by b from t)`b`c');
  assert.equal(q('x `zz`a'), '0N 6');
  assert.equal(q('((`s#`cat`cow`dog`sheep)!1 2 3 4) `snake'), '0N');
});

test('a dictionary amended at new and old keys in turn stays its own: what read it before keeps its values', () => {
  // (the new key's grown values share their room with the dictionary before: only one nothing else holds
  // may then be changed in place)
  const { q } = makeSession();
  q('f:(`long$())!`long$()');
  q('f[1]:1'); q('f[1]:2'); q('g:f'); q('f[2]:3'); q('f[1]:9');
  assert.equal(q('g'), '1| 2');
  assert.equal(q('f'), '1| 9\n2| 3');
  q('f[3]:4'); q('h:f'); q('f[4]:5'); q('f[3]:7');
  assert.equal(q('h'), '1| 9\n2| 3\n3| 4');
  assert.equal(q('{d:(`long$())!`long$(); d[1]:1; d[1]:2; e:d; d[2]:3; d[1]:9; (e;d)}[]'), '(,1)!,2\n1 2!9 3');
  q('i:0; k:(`long$())!`long$(); do[3000; k[i mod 1000]+:1; i+:1]');
  assert.equal(q('(count k;sum k)'), '1000 3000');
});

test('each prior of & and | keeps the first item; given a count, over repeats it (agilmer1989\'s kx/bar notes)', () => {
  const { q } = makeSession();
  assert.equal(q("(&':)3 1 4"), '3 1 1');
  assert.equal(q("(|':)3 1 4"), '3 3 4');
  assert.equal(q("2 &':/3 1 4 5 2 0N 7 6 8"), '3 1 1 1 2 0N 0N 0N 6');
  assert.equal(q("2 (+':)\\ 1 2 3"), '1 2 3\n1 3 5\n1 4 8');
  assert.equal(q("5 &': 3 9 1"), '3 3 1');
});

test('0Nc is the char null (weihong15\'s notes roll 10?0Nc for letters)', () => {
  const { q } = makeSession();
  assert.equal(q('0Nc'), '" "');
  assert.equal(q('all (10?0Nc) in .Q.a'), '1b');
});

test('anton-dovzhenko\'s AoC: no keys take an empty dictionary of the types; vs encodes a whole float as its long', () => {
  const { q } = makeSession();
  assert.equal(q('.Q.s1 ()#(0 1;1 1)!5 6'), '"()!`long$()"');
  assert.equal(q('.Q.s1 ()#`a`b!1 2'), '"(`symbol$())!`long$()"');
  assert.equal(q('.Q.s1 {f:(key x) where (value x)>9; f _ x} ()#`a`b!1 2'), '"(`symbol$())!`long$()"');
  assert.equal(q('2 vs 1 2 4f'), '0 0 1\n0 1 0\n1 0 0');
  assert.equal(q('2 vs 2.5'), "'type");
});

test('_ drops a key given in another integer width, as lookup finds it (dotfiles\' .aoc.splitBy drops 0N from int keys)', () => {
  const { q } = makeSession();
  assert.equal(q('((1 0N 2i)!`a`b`c) _ 0N'), '1| a\n2| c');
  assert.equal(q('((1 2)!3 4) _ 1i'), '2| 4');
  assert.equal(q('(enlist 1) _ (1 2i)!3 4'), '2| 4');
});

test('ssr with a plain pattern and text works on the bytes: the same strings as the pattern path gives, and x itself where nothing matches', () => {
  const { q } = makeSession();
  q('s:{x?"abc"} each 2000?8');
  // [a]b is the same pattern as ab, but takes the pattern path
  assert.equal(q('(ssr[;"ab";"XYZ"] each s)~ssr[;"[a]b";"XYZ"] each s'), '1b');
  assert.equal(q('(ssr[;"aa";""] each s)~ssr[;"[a]a";""] each s'), '1b');
  assert.equal(q('(ssr[;"c";"\\377"] each s)~ssr[;"[c]";"\\377"] each s'), '1b');
  assert.equal(q('ssr["aaa";"aa";"b"]'), '"ba"');
  assert.equal(q('ssr["a*c";"*";"x"]'), '"axc"');
  assert.equal(q('x:"abc";x~ssr[x;"z";"y"]'), '1b');
});

test('a datetime\'s null is NaN in its storage: x^y fills it, s# fails with it after a value, differ sees two alike (an invariant fuzz)', () => {
  const { q } = makeSession();
  q('x:(2020.01.02T02:00:00.001;0Nz);y:(0Nz;2020.01.02T01:00:00.002)');
  assert.equal(q('x^y'), '2020.01.02T02:00:00.001 2020.01.02T01:00:00.002');
  assert.equal(q('(x^y)~?[null y;x;y]'), '1b');
  assert.match(q('`s#(2019.01.01T00:00;0Nz)'), /^'s-fail/);
  assert.equal(q('attr `s#(0Nz;2019.01.01T00:00)'), '`s');
  assert.equal(q('differ (0Nz;0Nz;2020.01.01T00:00;2020.01.01T00:00)'), '1010b');
});

test('booleans and bytes have no null (ref/null): fills leaves 0b and 0x00 as they are, as ^ does', () => {
  const { q } = makeSession();
  assert.equal(q('fills 010b'), '010b');
  assert.equal(q('fills 0x000100'), '0x000100');
  assert.equal(q('(fills 0x000100)~(^\\)0x000100'), '1b');
  assert.equal(q('fills "a  b"'), '"aaab"');
});

test('sums and prds are +\\ and *\\ (ref/sum, ref/prd): over no items they give those items, in their own type', () => {
  const { q } = makeSession();
  assert.equal(q('sums `short$()'), '`short$()');
  assert.equal(q('(sums `short$())~(+\\)`short$()'), '1b');
  assert.equal(q('prds `boolean$()'), '`boolean$()');
  assert.equal(q('sums 1 2 3h'), '1 3 6i');
});

test('a dictionary joined with an empty one keeps its own types (D,D of an empty typed dictionary was ()!())', () => {
  const { q } = makeSession();
  q('D:(`float$())!`float$()');
  assert.equal(q('.Q.s1 D,D'), '"(`float$())!`float$()"');
  assert.equal(q('(D,D)~D'), '1b');
  assert.equal(q('.Q.s1 (`a`b!1 2),D'), '"`a`b!1 2"');
  assert.equal(q('(()!()),`a`a!1 2'), 'a| 2');
});

test('dictionaries with general values join by one search of all of y\'s keys: replaced where found, appended where not, a key y holds twice takes its last value', () => {
  const { q } = makeSession();
  assert.equal(q('.Q.s1 (`a`b!(1;"x")),`b`c`c`a!(2;"y";"z";`q)'), '"`a`b`c!(`q;2;\\"z\\")"');
  q('d:(`$string til 2000)!2000#(1;"a");e:(`$string 1000+til 2000)!2000#(2;"b");f:d,e');
  assert.equal(q('(count f;f`1500;f`2500;f`500)'), '3000 2 2 1');
  assert.equal(q('(key f)~`$string til 3000'), '1b');
  assert.equal(q('.Q.s1 (`a`b!1 2),`c`c`a!3 4 5'), '"`a`b`c!5 2 4"');
  assert.equal(q('.Q.s1 (`a`b!1 2),`a!1.5'), '"`a`b!(1.5;2)"');
});

test('raze of vectors of several types gathers their items once: the general list that joining them one by one gives', () => {
  const { q } = makeSession();
  assert.equal(q('.Q.s1 raze (1 2;`a`b;3 4;"x";(1;`b);`c)'), '"(1;2;`a;`b;3;4;\\"x\\";1;`b;`c)"');
  assert.equal(q('.Q.s1 raze ((1;`a);`symbol$();2)'), '"(1;`a;2)"');
  q('ll:3000?(1 2;3 4 5;`a`b)');
  assert.equal(q('(raze ll)~{x,y}/[ll]'), '1b');
  assert.equal(q('count raze ll'), q('sum count each ll'));
  assert.match(q('raze (1 2;`a`b;`a`b!1 2)'), /^'type/);
});

test('a dictionary keyed by a table whose values are no table (group kt) is indexed by key rows as a list; bin into a dictionary answers per key or is a length error', () => {
  const { q } = makeSession();
  q('kt:([k:`a`b]v:1 2);g:group kt');
  assert.equal(q('.Q.s1 g ([]v:2 1)'), q('.Q.s1 (g (enlist`v)!enlist 2;g (enlist`v)!enlist 1)'));
  assert.equal(q('count (0#([]v:enlist 1))#g'), '0');
  assert.match(q('(1 2;3 4) bin `a`b!1 2'), /^'length/);
  assert.equal(q('1 2 3 bin `a`b!1 2'), 'a| 0\nb| 1');
});

test('within a pair of bounds of which one is a list and the other an atom answers item by item (it was an internal error)', () => {
  const { q } = makeSession();
  assert.equal(q('"a" within ("ab";"c")'), '10b');
  assert.equal(q('1 within (0 2;3)'), '10b');
  assert.equal(q('(1 within (0 2;3))~(1>=0 2)&1<=3'), '1b');
});

test('.[`name;();f;y] on a name not yet defined still applies f to two arguments: a unary f is \'rank, as once the name is defined', () => {
  const { q } = makeSession();
  assert.match(q('.[`zz;();not;`k]'), /^'rank/);
  assert.match(q('.[`zz;();~:;`k]'), /^'rank/);
  assert.match(q('zz'), /^'zz/);
  assert.equal(q('.[`zz;();,;1 2]'), '`zz');
  assert.equal(q('zz'), '1 2');
  assert.match(q('.[`zz;();not;`k]'), /^'rank/);
});

test('an atomic operator between a dictionary and a table meets the dictionary\'s values with the table (its rows): no column comes out a dictionary', () => {
  const { q } = makeSession();
  assert.equal(q('.Q.s1 (`a`b!1 2)*([]a:4 5)'), '"`a`b!+(,`a)!,4 10"');
  assert.equal(q('.Q.s1 ([]a:4 5)+`a`b!1 2'), '"`a`b!+(,`a)!,5 7"');
  q('kt:([k:1 2]v:3 4)');
  assert.equal(q('kt+([]v:1 2)'), 'k| v\n-| -\n1| 4\n2| 6');
  assert.equal(q('(kt+([]v:1 2))~([]v:1 2)+kt'), '1b');
  assert.match(q('(`a`b!1 2)*([]a:4 5 6)'), /^'length/);
});

test('upsert is the projection .[;();,;], as kdb+ defines it in .q: its value, and what a parse tree holds (wp/permissions tells an upsert so); applied, it upserts', () => {
  const { q } = makeSession();
  assert.equal(q('upsert'), '.[;();,;]');
  assert.equal(q('(.[;();,;])~first parse"`trade upsert (1;`a)"'), '1b');
  assert.equal(q('(.[;();,;])~.q.upsert'), '1b');
  q('t:([]a:1 2;b:`x`y)');
  q('f:upsert');
  assert.equal(q('f[`t;(3;`z)]'), '`t');
  assert.equal(q('(upsert/)[`t;((4;`w);(5;`v))]'), '`t');
  assert.equal(q('`t upsert (6;`u)'), '`t');
  assert.equal(q('exec a from (t upsert)(7;`s)'), '1 2 3 4 5 6 7');
  assert.equal(q('exec b from t'), '`x`y`z`w`v`u');
  assert.match(q('`t upsert 1 2 3'), /^'length/);
  assert.equal(q('count t'), '6');
});

test('a short\'s infinities have no text of their own: 0Wh shows 32767h and -0Wh -32767h (basics/datatypes), in vectors and strings too; the null keeps 0Nh', () => {
  const { q } = makeSession();
  assert.equal(q('0Wh'), '32767h');
  assert.equal(q('-0Wh'), '-32767h');
  assert.equal(q('0N 0W -0W 5h'), '0N 32767 -32767 5h');
  assert.equal(q('string 0W -0Wh'), '"32767"\n"-32767"');
  assert.equal(q('(0Wh~32767h;-0Wh~-32767h;"H"$"0W")'), '1b\n1b\n32767h');
});

test('assigning through repeated indexing, x[i][j]:y, is \'assign when parsed (q4m3 3.5); x[i;j]:y assigns', () => {
  const { q } = makeSession();
  q('L:(1 2;3 4)');
  assert.match(q('L[0][1]:5'), /^'assign/);
  assert.match(q('L[0][1]+:5'), /^'assign/);
  assert.match(q('f:{x[0][1]:3}'), /^'assign/);
  assert.equal(q('L'), '1 2\n3 4');
  q('L[0;1]:5');
  assert.equal(q('L[0][1]'), '5');
});

test('"D"$ reads a date month first with . or - between its parts and a four-digit year, as with / (q4m3 7.3.3); two digits there are still yy.mm.dd', () => {
  const { q } = makeSession();
  assert.equal(q('"D"$("12.31.2014";"12-31-2014";"12/31/2014";"1-2-2000")'), '2014.12.31 2014.12.31 2014.12.31 2000.01.02');
  assert.equal(q('"D"$("14.12.31";"12.31.14";"13.31.2014")'), '2014.12.31 0N 0N');
  q('\\z 1');
  assert.equal(q('"D"$"31.12.2014"'), '2014.12.31');
});

test('a time written with a colon before its milliseconds, hh:mm:ss:mmm, is hh:mm:ss.mmm, as kb/faq inserts 09:04:59:000; in a datetime and through "T"$ too', () => {
  const { q } = makeSession();
  assert.equal(q('09:04:59:000'), '09:04:59.000');
  assert.equal(q('(type 2012.12.20T04:54:59:000;`float$2012.12.20T04:54:59:000)'), '-15h\n4737.205');
  assert.equal(q('"T"$"04:54:59:007"'), '04:54:59.007');
  q('t:([]s:`$();p:`float$();n:`long$();tm:`time$())');
  q('`t insert (`ibm; 122.5; 50; 09:04:59:000)');
  assert.equal(q('exec tm from t'), ',09:04:59.000');
  assert.match(q('12:00:00:0000'), /^'/);
});

test('sum of a few longs (summed item by item) agrees with the sum of many (summed by halves): nulls skipped, overflow wrapping', () => {
  const { q } = makeSession();
  for (const v of ['1 0N', '0N 0N', '9223372036854775807 9223372036854775807', '-9223372036854775807 -9223372036854775807 -5', '0W 0W 0W 0W 0W 0W 0W 0W', '-5 5', '`long$()', '3 4 5 6 7 8 9 10'])
    assert.equal(q(`(sum ${v})~sum (${v}),20#0N`), '1b', v);
  assert.equal(q('sum each (1 0N;9223372036854775807 1;-9223372036854775807 -1;`long$())'), '1 0N 0N 0');
});

test('a few longs as floats (converted item by item) agree with many (converted by halves): nulls, infinities, values past 2^53', () => {
  const { q } = makeSession();
  for (const v of ['1 0N', '0N 0W -0W', '9007199254740993 -9007199254740993', '9223372036854775806 -9223372036854775806 5'])
  { q(`w:(${v}),20#0N`); assert.equal(q(`(((\`float$${v});(${v})%2)~(count ${v})#/:(\`float$w;w%2);(avg ${v})~avg w)`), '11b', v); }
});

test('a return inside a control that stands as a function, if[c;:x] y or $[c;:x;f] y, leaves the lambda (a kdb+ course\'s stringMe)', () => {
  const { q } = makeSession();
  q('stringMe:{[input] if[input = 0; :"False"] "True"}');
  assert.equal(q('(stringMe 0;stringMe 1)'), '"False"\n"True"');
  assert.equal(q('({$[x;:`a;{y}] [1;`b]}1b;{$[x;:`a;{y}] [1;`b]}0b)'), '`a`b');
});

test('sum of the generic null is the generic null, as +/ gives back an atom (a kdb+ course sums what show gives: {sum show x<5})', () => {
  const { q } = makeSession();
  assert.equal(q('(::)~sum (::)'), '1b');
  assert.equal(q('(::)~{sum show x<5}[3 6 2]'), '101b\n1b');
  assert.match(q('sum `a'), /^'type/);
});

test('.Q.s and show of a value the console shows as nothing, ()!(), give nothing: no empty line (KX course notebooks show nothing for show ()!())', () => {
  const { q } = makeSession();
  assert.equal(q('.Q.s ()!()'), '""');
  assert.equal(q('.Q.s 1 2'), '"1 2\\n"');
  assert.equal(q('show ()!(); show 1; 2'), '1\n2');
});

test('an enumeration with an attribute shows it on the enumeration and on its symbols, as ref/enum-extend shows `g#`foo$`g#`a`b`c`b; ? keeps the attribute and $ does not', () => {
  const { q } = makeSession();
  q('foo:`a`b; y:`g#`a`b`c`b');
  assert.equal(q('`foo?y'), '`g#`foo$`g#`a`b`c`b');
  assert.equal(q('`foo$y'), '`foo$`a`b`c`b');
  assert.equal(q('-3!`foo?`s#`a`b`c'), '"`s#`foo$`s#`a`b`c"');
});

test('.Q holds its built-in functions as members: key `.Q lists gc and s, .Q[`gc] is .Q.gc (a KX course notebook lists .Q on kdb+ 4 with gc, ts, host)', () => {
  const { q } = makeSession();
  assert.equal(q('all `gc`s`s1`en`dpft`host`ts in key `.Q'), '1b');
  assert.equal(q('(.Q[`gc][];.Q[`s] 1 2)'), '0\n"1 2\\n"');
  assert.match(q('.Q.nosuch'), /^'\.Q\.nosuch/);
});

test('a dictionary looked up with a key of another type is a type error, as Find is (a KX course notebook: `john`steve!20 31 looked up with "igor" is \'type on kdb+ 4); short, int and long keys look each other up, enumerations symbols', () => {
  const { q } = makeSession();
  q('d:`john`steve!20 31; e:1 2!3 4; sym:`a`b; f:`a`b!1 2');
  assert.match(q('d "igor"'), /^'type/);
  assert.match(q('e 1.0'), /^'type/);
  assert.equal(q('(d`john;e 1i;e 1 2h;f `sym$`b;d`x)'), '20\n3\n3 4\n2\n0N');
});

// Rules that KX's reference pages state in their prose (domains, result types, errors), beyond the
// examples the conformance corpus replays.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeSession } from './q.js';

test('ref/add: a datetime plus a timespan is the timestamp of their sum, its time of day kept', () => {
  const { q } = makeSession();
  assert.equal(q('2000.01.01T12:00:00.000+0D01'), '2000.01.01D13:00:00.000000000');
  assert.equal(q('0D00:00:01+2000.01.01T00:00:00.500'), '2000.01.01D00:00:01.500000000');
  assert.equal(q('2000.01.01T12:00:00.000-0D01'), '2000.01.01D11:00:00.000000000');
  assert.equal(q('0D01+2000.01.01T06 2000.01.02T18'), '2000.01.01D07:00:00.000000000 2000.01.02D19:00:00.000000000');
  assert.equal(q('0Nz+0D01'), '0Np');
});

test('ref/bin: atomic in y over a simple list, y exactly of x\'s type (no promotion), an enumeration searched by its symbols', () => {
  const { q } = makeSession();
  assert.equal(q('0 2 4 bin (1;5 7)'), '0\n2 2');
  assert.equal(q('0 2 4 binr (1 3;5 7)'), '1 2\n3 3');
  assert.equal(q('0 2 4 bin 3i'), "'type");
  assert.equal(q('0 2 4 bin 3f'), "'type");
  assert.equal(q('2000.01.01 2000.02.01 bin 2000.01m'), "'type");
  assert.equal(q('0 2 4 bin 3'), '1');
  assert.equal(q('(`a`b`c!0 2 4) bin -1 3'), '``b');
  q('sym:`a`b`c');
  assert.equal(q('(`sym$`a`b`c) bin `b`z'), '1 2');
  // (a step dictionary looks up through the same search, which stays as lenient as its lookups)
  assert.equal(q('(`s#1 3 5!`a`b`c) 4'), '`b');
});

test('ref/asc, ref/desc: xasc and xdesc of a table with a column name twice signal dup (since 3.6)', () => {
  const { q } = makeSession();
  assert.match(q('`a xasc flip `a`b`a!(3 1;1 2;5 6)'), /^'dup/);
  assert.match(q('`a`b xdesc flip`a`b`a!()'), /^'dup/);
  assert.equal(q('`b xdesc flip `a`b!(3 1;1 2)'), 'a b\n---\n1 2\n3 1');
});

test('ref/cast: a boolean has no null, so any value but zero casts to 1b, nulls too (KX forum, "Null booleans?")', () => {
  const { q } = makeSession();
  assert.equal(q('"b"$0n 0 0.5'), '101b');
  assert.equal(q('"b"$0N 1 0'), '110b');
  assert.equal(q('`boolean$0Ni'), '1b');
  assert.equal(q('"b"$0Nh'), '1b');
});

test('ref/ej: tables given by name or keyed join as their plain tables; anything else is a type error', () => {
  const { q } = makeSession();
  q('t1:([k:1 2 3 4] c:10 20 30 40); t2:([] k:2 3; v:1 2)');
  assert.equal(q('ej[`k;t1;t2]'), 'k c  v\n------\n2 20 1\n3 30 2');
  assert.equal(q('ej[`k;`t2;1!t2]'), 'k v\n---\n2 1\n3 2');
  assert.equal(q('ej[`k;t2;`a`b!1 2]'), "'type");
});

test('ref/dict: n!t keys at most the columns t has (length otherwise)', () => {
  const { q } = makeSession();
  assert.equal(q('3!([]a:1 2;b:3 4)'), "'length");
  assert.equal(q('keys 1!([]a:1 2;b:3 4)'), ',`a');
});

test('ref/doth: .h.tx[`json] writes each item of a list, so an enlisted table is static JSON', () => {
  const { q } = makeSession();
  assert.equal(q('.h.tx[`json] enlist ([] 0 1)'), '"[{\\"x\\":0},{\\"x\\":1}]"');
  assert.equal(q('.h.tx[`json] (1 2;3 4)'), '"[1,2]"\n"[3,4]"');
  assert.equal(q('.h.tx[`json] ([] 0 1)'), '"{\\"x\\":0}"\n"{\\"x\\":1}"');
});

test('ref/and, ref/or: and and or fold as & and | do, from the type\'s extremes over an empty list', () => {
  const { q } = makeSession();
  assert.equal(q('(and/)0#0'), '0W');
  assert.equal(q('(or/)0#0.0'), '-0w');
});

test('ref/lesser, ref/greater: symbols have no lesser or greater (the domain tables\' s row), as min and max of symbols do not', () => {
  const { q } = makeSession();
  assert.equal(q('`a&`b'), "'type");
  assert.equal(q('`a`b|`c'), "'type");
  assert.equal(q('`a<`b'), '1b');
});

test('ref/maps: count each of an empty list is (), as every map of an empty list is, with no evaluation', () => {
  const { q } = makeSession();
  assert.equal(q('type count each ()'), '0h');
  assert.equal(q('count each ("ab";"c")'), '2 1');
});

test('ref/lj, ref/pj: a table given by name is joined in place (since 4.1t 2023.08.04), and its name is the result', () => {
  const { q } = makeSession();
  q('tx:([]a:1 2 3;b:10 20 30); px:([]a:1 2;c:10 20)');
  assert.equal(q('`tx lj ([a:1 2]c:5 6)'), '`tx');
  assert.equal(q('tx'), 'a b  c\n------\n1 10 5\n2 20 6\n3 30  ');
  assert.equal(q('`px pj ([a:1 3]c:1 2)'), '`px');
  assert.equal(q('px'), 'a c \n----\n1 11\n2 20');
  assert.equal(q('`tx lj 5'), "'type");
  assert.equal(q('cols tx'), '`a`b`c');
});

test('ref/fill: types the domain table has no cell for are a type error, atoms too', () => {
  const { q } = makeSession();
  assert.equal(q('1^`a'), "'type");
  assert.equal(q('`a^1'), "'type");
  assert.equal(q('0Ng^1b'), "'type");
  assert.equal(q('0^0N 1i'), '0 1');
  assert.equal(q('`a^``b'), '`a`b');
});

test('ref/value: a composition\'s value is what it composes; a derived function\'s, its iterator\'s argument', () => {
  const { q } = makeSession();
  assert.equal(q("count value ('[neg;abs])"), '2');
  assert.equal(q("(value ('[neg;abs]))~(neg;abs)"), '1b');
  assert.equal(q('value (+/)'), '+');
  assert.equal(q('value (,/:\\:)'), ',/:');
});

test('ref/wj: a table given by name is joined in place (since 4.1t 2023.08.04)', () => {
  const { q } = makeSession();
  q('t:([]sym:3#`ibm;time:10:01:01 10:01:04 10:01:08;price:100 101 105)');
  q('qt:([]sym:9#`ibm;time:10:01:01+til 9;ask:101 103 103 104 104 107 108 107 108)');
  q('w:-2 1+\\:t`time; tt:t');
  const want = q('wj[w;`sym`time;t;(qt;(max;`ask))]');
  assert.equal(q('wj[w;`sym`time;`tt;(qt;(max;`ask))]'), '`tt');
  assert.equal(q('tt'), want);
  assert.equal(q('wj[w;`sym`time;5;(qt;(max;`ask))]'), "'type");
});

test('ref/update: rows given new values keep their column\'s type (a float into a long column is a type error; an int converts as amend stores it)', () => {
  const { q } = makeSession();
  q('t:([]n:`a`b`c;a:1 2 3)');
  assert.equal(q('update a:1.5 from t where n=`a'), "'type");
  assert.equal(q('update a:`x from t where n=`a'), "'type");
  assert.equal(q('update a:avg a by n from t where a>1'), "'type");
  assert.equal(q('exec a from update a:5i from t where n=`a'), '5 2 3');
  assert.equal(q('exec b from update b:1.5 from t where n=`a'), '1.5 0n 0n');
  assert.equal(q('exec a from t'), '1 2 3');
});

test('ref/rotate: an atom has no items to rotate (rank), a dictionary no order (type)', () => {
  const { q } = makeSession();
  assert.equal(q('1 rotate 5'), "'rank");
  assert.equal(q('1 rotate `a`b!1 2'), "'type");
  assert.equal(q('2 rotate til 5'), '2 3 4 0 1');
});

test('ref/vector-conditional: branches of two basic types are a type error', () => {
  const { q } = makeSession();
  assert.equal(q('?[10b;1 2;`a`b]'), "'type");
  assert.equal(q('?[10b;1 2;1.5 2.5]'), "'type");
  assert.equal(q('?[11001b;1;10 20 30 40 50]'), '1 1 30 40 1');
});

test('ref/tok: a day the calendar lacks, or a minute or second of 60, parses to null rather than rolling over', () => {
  const { q } = makeSession();
  assert.equal(q('"D"$("2000.13.01";"2001.02.29";"2000.01.32";"2000.02.29")'), '0N 0N 0N 2000.02.29');
  assert.equal(q('"Z"$"2000.13.01T00:00"'), '0Nz');
  assert.equal(q('"U"$("12:60";"12:59")'), '0N 12:59');
  assert.equal(q('"V"$"12:00:60"'), '0Nv');
  assert.equal(q('"T"$"25:00:00"'), '25:00:00.000');
});

test('ref/differ: binary application (deprecated since 3.6, still there) compares the first item with x; infix it is not', () => {
  const { q } = makeSession();
  assert.equal(q('differ[1;1 1 2]'), '001b');
  assert.equal(q('.[differ;(0;1 1 2)]'), '101b');
  assert.equal(q('differ 1 1 2'), '101b');
  assert.equal(q('1 1 2 differ 1 2 2'), '1 1 1');
});

test('ref/fby: over no rows the result is an empty list of the aggregate\'s type', () => {
  const { q } = makeSession();
  assert.equal(q('(sum;`long$()) fby `symbol$()'), '`long$()');
  assert.equal(q('(avg;`long$()) fby `symbol$()'), '`float$()');
  assert.equal(q("exec m from update m:(avg;v) fby s from ([]s:`symbol$();v:`long$())"), '`float$()');
});

test('basics/qsql: Cond is not supported inside a qSQL phrase ($ applied to three arguments is a rank error); in a lambda there it is', () => {
  const { q } = makeSession();
  q('u:([]a:("ref/a";"kb/b";"ref/c");b:til 3)');
  assert.equal(q('select from u where a like $[1b;"ref/*";"kb/*"]'), "'rank");
  assert.equal(q('exec $[b>2;1;0] from u'), "'rank");
  assert.equal(q('exec b from u where a like {$[x;"ref/*";"kb/*"]}[1b]'), '0 2');
  q('f:{exec b from u where b>$[x;0;1]}');
  assert.equal(q('f 1b'), "'rank");
  assert.equal(q('$[1b;2;3]'), '2');
  // (the from phrase is a table expression, where Cond is Cond)
  assert.equal(q('exec b from $[1b;u;()]'), '0 1 2');
});

test('ref/take: a symbol atom takes from a dictionary as a key list of one', () => {
  const { q } = makeSession();
  q('d:`a`b`c!10 20 30');
  assert.equal(q('-3!`a#d'), '"(,`a)!,10"');
  assert.equal(q('`a#d'), 'a| 10');
  assert.equal(q('(`a#d)~(enlist`a)#d'), '1b');
});

test('ref/dotq: .Q.f of a large negative number in scientific notation has one minus sign; .Q.ff fills a new string column with empty strings', () => {
  const { q } = makeSession();
  assert.equal(q('.Q.f[2;-1e14]'), '"-1e+14"');
  assert.equal(q('.Q.fmt[8;2;-1e20]'), '"  -1e+20"');
  assert.equal(q('.Q.f[2;-3.14159]'), '"-3.14"');
  assert.equal(q('exec t from meta .Q.ff[([]a:1 2)] ([]b:`x`y;c:("ab";"cd"))'), '"jsC"');
  assert.equal(q('exec c from .Q.ff[([]a:1 2)] ([]b:`x`y;c:("ab";"cd"))'), '""\n""');
});

test('ref/dotz: .z.vs hears a global set inside a function (g::v), not a function\'s locals, and not the changes it makes itself', () => {
  const { q } = makeSession();
  q('heard:`symbol$(); .z.vs:{[x;y] heard,::x}; f:{g::5;loc:1;loc}');
  q('f[]');
  assert.equal(q('heard'), '`f`g');
});

test('basics/application: a list with elided items is a function of as many arguments as gaps, eight at most', () => {
  const { q } = makeSession();
  assert.equal(q('(1;;2)[5;6]'), "'rank");
  assert.equal(q('(1;;2) . 5 6'), "'rank");
  assert.equal(q('(1;;;2)[5;6]'), '1 5 6 2');
  assert.equal(q('(1;;;2)[5][6]'), '1 5 6 2');
  assert.equal(q('(0;;;;;;;;;;1) . til 9'), "'rank");
  assert.equal(q('(0;;;;;;;;;1) . til 8'), '0 0 1 2 3 4 5 6 7 1');
});

test('basics/regex, basics/errors: like matches one star anywhere or one at each end; other stars are nyi', () => {
  const { q } = makeSession();
  q('s:"the quick brown fox jumps over the lazy dog"');
  assert.equal(q('s like "*the*the*"'), "'nyi");
  assert.equal(q('s like "*the*the"'), "'nyi");
  assert.equal(q('"a" like "**"'), "'nyi");
  assert.equal(q('(s like "*the*";"brown" like "br?*wn";"brown" like "br[*]wn";`ab like "a*")'), '1101b');
});

test('basics/syscmds: \\S 0N shows the seed, so system"S 0N" saves it for a restore; a seed that is no integer is a type error', () => {
  const { q } = makeSession();
  assert.equal(q('\\S 0N'), '-314159i');
  assert.equal(q('x:system"S 0N";r:10?10;system"S ",string x;r~10?10'), '1b');
  assert.equal(q('\\S 42'), '');
  assert.equal(q('\\S'), '42i');
});

test('basics/errors: 0: key-value with a key type other than I J S is IJS', () => {
  const { q } = makeSession();
  assert.equal(q('"D=\\001"0:"0=hello\\0011=world"'), "'IJS");
});

test('basics/internal: -27! rounds an exact tie to the even digit (IEEE754, as printf) and is atomic through lists and dictionaries', () => {
  const { q } = makeSession();
  assert.equal(q('-27!(0i;2.5 3.5 0.5)'), ',"2"\n,"4"\n,"0"');
  assert.equal(q('-27!(2i;1.125 -1.125 1.005)'), '"1.12"\n"-1.12"\n"1.00"');
  assert.equal(q('-27!(3i;3.14159)'), '"3.142"');
  assert.equal(q('-27!(2i;(1.5;2.5 3.5))'), '"1.50"\n("2.50";"3.50")');
  assert.equal(q('-27!(2i;`a`b!1.5 2.5)'), 'a| "1.50"\nb| "2.50"');
});

test('basics/datatypes: <> <= >= are compositions (~= ~> ~<), type 105, in the table of function types', () => {
  const { q } = makeSession();
  assert.equal(q("type each ({x+y};neg;-;\\;+[;1];<>;,';+/;+\\;+/:;+\\:)"), '100 101 102 103 104 105 106 107 108 110 111h');
  assert.equal(q('type each (<=;>=;<)'), '105 105 102h');
});

test('kb/temporal-data: lj and ij with a keyed table marked sorted take each row\'s last key at or below it (a step function)', () => {
  const { q } = makeSession();
  q('ph:`s#([name:`Bill`John`John;date:2000.01.01 2000.01.01 2000.06.10]phone:4444 5555 4444)');
  q('x:`name`date xkey ([]name:5#`John;date:2000.06.08+til 5;x:til 5)');
  assert.equal(q('exec phone from x lj ph'), '5555 5555 4444 4444 4444');
  q('ps:`s#([k:1 5 10]v:`a`b`c)');
  assert.equal(q('exec v from ([]k:7 12 0) lj ps'), '`b`c`');
  assert.equal(q('exec v from ([]k:7 12 0) ij ps'), '`b`c');
  // (unsorted, an exact match only)
  assert.equal(q('exec v from ([]k:7 5) lj ([k:1 5 10]v:`a`b`c)'), '``b');
});

test('basics/exposed-infrastructure: keywords that cover an iterated operator take two arguments as it does (deprecated, still there), never infix', () => {
  const { q } = makeSession();
  assert.equal(q('(sums[10;1 2 3];(+\\)[10;1 2 3])'), '11 13 16\n11 13 16');
  assert.equal(q('(sum[10;1 2 3];max[10;1 2 3];prd[2;3 4];min[0;1 2])'), '16 10 24 0');
  assert.equal(q('mins[2;1 2 3]'), '1 1 1');
  assert.equal(q('maxs[2;1 2 3]'), '2 2 3');
  assert.equal(q('prds[2;1 2 3]'), '2 4 12');
  assert.equal(q('ratios[2;1 2 4]'), '0.5 2 2');
  assert.equal(q('s:sums;s[10;1 2 3]'), '11 13 16');
  assert.equal(q('1 2 3 sums 1'), '2');
});

test('basics/files, basics/handles: bytes applied to the standard output or error handle are written as they are', () => {
  const { session: s } = makeSession();
  let out = '';
  const host = (s as any).env.host, write = host.write;
  host.write = (fd: number, t: string) => { if (fd === 1) out += t; else write(fd, t); };
  try {
    assert.equal(s.evaluate('1 0x616263').out, '1');
    assert.equal(s.evaluate('-1 0x6465').out, '-1');
  } finally { host.write = write; }
  assert.equal(out, 'abcde\n');
});

test('learn/views: a view is computed again only when a name it reads (or a view it reads reads) has changed; \\B lists those pending', () => {
  const { q } = makeSession();
  q('runs:0; x2::a2+b2+0*runs+::1');
  q('a2:1;b2:2');
  assert.equal(q('x2'), '3');
  q('zz:5');
  assert.equal(q('\\B'), '`symbol$()');
  assert.equal(q('x2'), '3');
  assert.equal(q('runs'), '1');
  q('a2:10');
  assert.equal(q('\\B'), ',`x2');
  assert.equal(q('x2'), '12');
  assert.equal(q('runs'), '2');
  // through a view: d reads a, which reads b and c
  q('a::b+c'); q('d::b+a'); q('b:c:1');
  assert.equal(q('d'), '3');
  q('c:5');
  assert.equal(q('d'), '7');
  // a function is a name read; the globals it reads are not
  q('v::f[]+1'); q('g:5; f:{g}');
  assert.equal(q('v'), '6');
  q('g:6');
  assert.equal(q('v'), '6');
});

test('basics/errors: a step dictionary is not upserted in place (d,:x is step, as `d upsert x is); a plain one is', () => {
  const { q } = makeSession();
  q('d:`s#`a`b!1 2; e:`a`b!1 2');
  assert.equal(q('d,:`c`d!3 4'), "'step");
  assert.equal(q('count d'), '2');
  assert.equal(q('`d upsert `c`d!3 4'), "'step");
  q('e,:`c`d!3 4');
  assert.equal(q('count e'), '4');
});

test('kb/unicode: the console pads and cuts by bytes, so a UTF-8 name is as wide as its bytes', () => {
  const { q } = makeSession();
  q('t:([]sym:`apples`bananas`oranges;name:`$("蘋果";"香蕉";"橙"))');
  assert.equal(q('t'), 'sym     name  \n--------------\napples  蘋果\nbananas 香蕉\noranges 橙   ');
  assert.equal(q('(`$("蘋果";"x"))!1 2'), '蘋果| 1\nx     | 2');
  assert.equal(q('`a`bb!(`$"橙";`b)'), 'a | 橙\nbb| b');
  q('\\c 10 12');
  // the cut leaves a character out whole rather than write part of its bytes
  assert.equal(q('t'), 'sym     n..\n---------..\napples  ..\nbananas ..\noranges ..');
});

test('kb/faq: a.b:x at the root amends the table or dictionary a (trade.amount:0^trade.amount fills a column)', () => {
  const { q } = makeSession();
  q('trade:([]stock:`a`b;amount:1 0N)');
  assert.equal(q('trade.amount:0^trade.amount'), '');
  assert.equal(q('trade.amount'), '1 0');
  assert.equal(q('type trade'), '98h');
  q('trade.px:3 4');
  assert.equal(q('cols trade'), '`stock`amount`px');
  // (bad input changes nothing)
  assert.match(q('trade.px:1 2 3'), /^'length/);
  assert.equal(q('trade.px'), '3 4');
  q('d:`a`b!1 2');
  q('d.a:5');
  assert.equal(q('d'), 'a| 5\nb| 2');
  // (a table in a namespace too)
  q('.ns.t:([]a:1 2)');
  q('.ns.t.b:7 8');
  assert.equal(q('.ns.t'), 'a b\n---\n1 7\n2 8');
});

test('basics/errors: every value of a dictionary at once, d[::]:x, is blocked with adict; a list\'s is amended', () => {
  const { q } = makeSession();
  q('d:`a`b!1 2');
  assert.match(q('d[::]:5'), /^'adict/);
  assert.match(q('d[]+:1'), /^'adict/);
  assert.equal(q('d'), 'a| 1\nb| 2');
  assert.match(q('{d:`a`b!1 2;d[::]:3;d}[]'), /^'adict/);
  q('x:1 2 3');
  q('x[::]:5');
  assert.equal(q('x'), '5 5 5');
  q('d[`a]:7');
  assert.equal(q('d'), 'a| 7\nb| 2');
});

test('basics/errors: an update or delete by name may change no global while it computes (noamend); by value it may', () => {
  const { q } = makeSession();
  q('t:([]a:1 2 3)');
  q('n:`a`b`c');
  assert.match(q('update b:{`n?`d;:`n?`d}[] from `t'), /^'noamend/);
  assert.equal(q('n'), '`a`b`c');
  assert.equal(q('cols t'), ',`a');
  q('k:0');
  assert.match(q('delete from `t where {k::1;x>1}a'), /^'noamend/);
  assert.equal(q('(k;count t)'), '0 3');
  // by value the query is no amend of a global
  assert.equal(q('exec b from update b:{`n?`d;:`n?`d}[] from t'), '`n$`d`d`d');
  assert.equal(q('n'), '`a`b`c`d');
  assert.equal(q('update b:a+1 from `t'), '`t');
  assert.equal(q('t`b'), '2 3 4');
});

test('ref/maps: an atomic unary (or string) each over a vector is that unary of the vector; over an empty one, the generic empty list', () => {
  const { q } = makeSession();
  q('x:1000?100; x[3]:0N; f:1000?1.0; d:1000?2020.01.01');
  assert.equal(q('((string each x)~string x;(string each f)~string f;(string each d)~string d;(neg each x)~neg x;(null each f)~null f)'), '11111b');
  assert.equal(q('string each "ab"'), ',"a"\n,"b"');
  assert.equal(q('(type neg each `long$();type string each `long$())'), '0 0h');
});

test('basics/precision: Find compares floats exactly in a general list too (a few items or many, at any depth); match stays tolerant', () => {
  const { q } = makeSession();
  q('a:3.0; b:a+1e-13');
  assert.equal(q('a=b'), '1b');
  assert.equal(q('(1;`a;3.0)~(1;`a;b)'), '1b');
  // a few items: each compared; many: through an index of their texts; both exact
  assert.equal(q('(1;`a;a)?b'), '3');
  assert.equal(q('(1;`a;a)?a'), '2');
  assert.equal(q('(1;`a;a)?(b;a)'), '3 2');
  q('x:(20#(1;`a)),enlist a');
  assert.equal(q('x?20#b'), '21 21 21 21 21 21 21 21 21 21 21 21 21 21 21 21 21 21 21 21');
  assert.equal(q('x?10#a'), '20 20 20 20 20 20 20 20 20 20');
  // lists of lists: y a simple list matched whole, or a list of such items (ref/find: rank-sensitive)
  assert.equal(q('(a,1.0;2 3.0)?b,1.0'), '2');
  assert.equal(q('(a,1.0;2 3.0)?a,1.0'), '0');
  assert.equal(q('(a,1.0;2 3.0)?enlist b,1.0'), ',2');
  assert.equal(q('((1;a);(2;a))?enlist (1;b)'), ',2');
  assert.equal(q('((1;a);(2;a))?enlist (2;a)'), ',1');
  assert.equal(q('(`x`y!(1.0;a))?b'), '`');
  assert.equal(q('b in (1;`a;a)'), '0b');
  // nulls find nulls, and -0 finds 0, as in a float vector
  assert.equal(q('(1;`a;0n)?0n'), '2');
  assert.equal(q('(1;`a;-0.0)?0.0'), '2');
});

test('ref/dotq (.Q.pn before .Q.cn shows t|, .Q.opt shows param1| ()): a dictionary\'s values all empty general lists show blank; beside others each keeps its form', () => {
  const { q } = makeSession();
  const trimmed = (s: string) => s.split('\n').map(l => l.trimEnd()).join('\n');
  assert.equal(trimmed(q('(enlist`t)!enlist ()')), 't|');
  assert.equal(trimmed(q('`a`b!(();())')), 'a|\nb|');
  assert.equal(q('.Q.opt ("-param1";"-param2";"as";"asd";"-param3")'), 'param1| ()\nparam2| ("as";"asd")\nparam3| ()');
  assert.equal(q('`a`b!(();1 2)'), 'a| ()\nb| 1 2');
  // (other items keep their forms: a null atom shows 0n, kb/faq)
  assert.equal(q('`a`b!(0n;`x)'), 'a| 0n\nb| `x');
});

// Interpreter overhead and vector throughput, as `\t` reports them in the wasq command (the bundle
// that users run). Run: node --import tsx bench/interp.ts   (part of `npm run bench`)
import '../server/kernels.js';
import { execFileSync } from 'node:child_process';

const REPS = 5;
const setup = ['a:0', 'xf:10000000?100.0', 'yf:10000000?100.0', 'xj:til 10000000', 'yj:10000000?100',
  's:100?100', 't:([]a:til 100;b:100?`x`y`z)', 'm:(1 2 3;3 4 5;4 5 6)', 'v:1000000#0',
  "dk:{x,'y}[20000?200;20000?200]!til 20000", 'dj:(til 20000)!20000?100', 'dd:(`long$())!`long$()', 'ab:()', 'gm:10000#enlist 0 0', 'tg:([]a:`long$();b:())', 'dg:()!()', 'dv:`a`b!(100000#0;100000#0)', 'tv:([]a:100000#0;b:100000#0)', 'kg:([k:`long$()]v:())',
  'dx:(`$string til 20000)!20000#(1;"a")', 'dy:(`$string 10000+til 20000)!20000#(2;"b")',
  'll:100000?(1 2;3 4 5;`a`b)', 'gl:10000?(1;`a;"b")', 'sd:string 2000.01.01+1000000?10000',
  'tc:csv 0: ([]n:100000?0D00:00:10;s:100000?`3;f:100000?100.0;j:100000?1000;c:100000?"ABC")',
  'tl:{([]a:enlist x;b:enlist 01b)} each til 20000', 'dm1:bm!til count bm:"b"$flip (15#2) vs til 30000', 'dm2:(10000_bm)!til 20000', 'bg:140 cut 19600?01b',
  'sj:" " sv string til 1000000', 'ag:100000#0', 'l5:500?100', 'cv:til 1000000',
  'gr:502 502#0', 'sr:1+til 500', 'zr:500 500#til 250000',
  'k2:([a:til 10000;b:10000?`3]v:til 10000)', 'i500:500?100i', 'f100:100?10f', 'z100:string 100?1000', 'sl:asc 100?1000'];
const cases: [string, number][] = [
  ['do[1000000;a+:1]', 0], ['{x+1} each til 1000000', 0], ['1000000 {x+1}\\ 0', 0],
  // a scan and a two-argument each of a lambda: a million results gathered
  ['{x+y}\\[til 1000000]', 0], ['{x+y}\'[til 1000000;til 1000000]', 0],
  // a global amended item by item, at the top level and from a lambda (each a copy, were it not in place)
  ['do[1000000;v[a mod 1000000]:a]', 0], ['{v[x]+:1} each til 1000000', 0],
  // a cell of a grid (a list of rows) amended in a loop (each a copy of the grid, were the row not put back)
  ['{gm[x mod 10000;1]:x} each til 1000000', 0],
  // and by name, as @[`v;i;:;y] and .[`m;(i;j);:;y] (each a copy, were it not changed where it stands)
  ['{@[`v;x;:;x]} each til 1000000', 0], ['{.[`gm;(x mod 10000;0);:;x]} each til 1000000', 0],
  // a long value of a dictionary amended item by item (each a copy of that value, were it not its own)
  ['{dv[`a;x mod 100000]:x} each til 1000000', 0], ['{tv[x mod 100000;`a]:x} each til 1000000', 0],
  // small values, where the interpreter's own cost shows (each repeated 100000 times)
  ['\\t:100000 1 2 3+4 5 6', 0], ['\\t:100000 asc s', 0], ['\\t:100000 select from t where a>50', 0],
  ['\\t:100000 select sum a by b from t', 0], ['\\t:100000 @[{x+`a};1;0]', 0],
  // grouped by a long column, a grouped select that keeps each group's items, and group itself (a few
  // keys sorted, a few rows grouped: where a grouping's fixed costs show)
  ['\\t:100000 select n:count i by a mod 5 from t', 0], ['\\t:100000 select a by b from t', 0], ['\\t:100000 group t`b', 0],
  // a few floats and symbols sorted, a table sorted by two columns, and pairs made (each a comparator
  // call per comparison, or a join per pair, were they not done on the vectors)
  ['\\t:100000 asc f100', 0], ['\\t:100000 asc t`b', 0], ['\\t:100000 `b`a xdesc t', 0], ['\\t:100000 s cross 1 2', 0], ['\\t:100000 s,\'s', 0],
  // a vector searched in a sorted one (an atom and a comparison of atoms an item) and pairs joined each
  // right (a join through atoms a pair)
  ['\\t:100000 sl bin s', 0], ['\\t:100000 1 2,/:s', 0],
  // longs multiplied and floats floored and cast (a BigInt per item, were they not worked in halves)
  ['\\t:100000 s*s', 0], ['\\t:100000 floor f100', 0], ['\\t:100000 `int$f100', 0],
  // longs searched, strings of digits parsed and floats printed (a Map entry, a BigInt, a toPrecision each)
  ['\\t:100000 s in l5', 0], ['\\t:100000 "J"$z100', 0], ['\\t:100000 string f100', 0],
  // a grouped update and a sorted limit (a vector made of each group's atom, every row gathered in order)
  ['\\t:100000 update s:sum a by b from t', 0], ['\\t:100000 select[5;>a] from t', 0],
  // (an undefined name trapped: looking it up walked every global and primitive for a namespace of it)
  ['\\t:100000 @[value;`nosuch;0]', 0],
  // a dictionary of 20000 keys (pairs, longs) looked up one key at a time
  ['\\t:10000 dk 5 5', 0], ['\\t:10000 dj 19999', 0],
  // a dictionary grown key by key, some keys met again (each of those a copy of the values, were it not its own)
  ['do[100000;dd[rand 1000000]:1]', 0],
  // and one of strings (each new key a copy of the values, were they not pushed)
  ['{dg[x]:"ab"} each til 100000', 0],
  // rows of a symbol and a number appended to a general list (each a copy of the list, were it not pushed)
  ['do[100000;ab,:(`a;1)]', 0],
  // rows with a string appended to a table (its general column copied each time, were it not pushed)
  ['do[100000;tg,:(1;"ab")]', 0], ['{`kg upsert (x;"ab")} each til 100000', 0],
  // two dictionaries of 20000 symbols with general values joined (each of y's keys sought alone: quadratic)
  ['dx,dy', 0],
  // a list of vectors of two types razed (each a join copying all before it, were the items not gathered)
  ['raze ll', 0],
  // a general list grown by a lambda's join over it: a copy each step, as in kdb+, but of one block each
  ['{x,y}/[gl]', 0],
  // tables of a row each razed (a join per table copied every row before it), and two dictionaries keyed
  // by bit masks combined (a scan of the keys per key), as a search over states keeps them (AoC 2022 day 16)
  ['raze tl', 0], ['dm1|dm2', 0],
  // a few items inter ten million (a hash table of the ten million, where one of the few does)
  ['(til 46) inter xj', 0],
  // a grid of 140 rows of 140 booleans, each row rotated three ways (an index per item, each a long), and
  // text of 20,000 characters mostly blank evaluated (a trailing-blank pattern tried each blank): AoC 2023 day 3
  ['\\t:100 -1 0 1 rotate\\:/: bg', 0], ['\\t:10 value (19000#" "),"579"', 0],
  // a million numbers in text evaluated, and a short expression parsed (each whole number went through
  // every literal pattern, dates and times first, and became a bigint)
  ['value sj', 0], ['\\t:100000 parse "x+1 2 3"', 0],
  // text evaluated (each value of text set the session's ~50 hooks again, and each parsed the text again):
  // one string, the same text made afresh each time (as an interpreter written in q makes it), a query
  ['\\t:100000 value "a+:1"', 0], ['{value x,"+:1"} each 100000#enlist,"a"', 0],
  ['\\t:100000 value "select from ([]a:1 2 3) where a>1"', 0],
  // a few items sought among many (a hash of all the many built for each: now a scan of them per item)
  ['\\t:100000 1 2 3 except l5', 0], ['\\t:100000 l5?7 8', 0], ['\\t:100000 dj 5 6 7', 0],
  // a keyed table of two key columns indexed by one key (an atom made of each row's first key cell)
  ['\\t:10000 k2 (5;`abc)', 0],
  // an int column compared with long literals (each item made a long)
  ['\\t:100000 i500>50', 0], ['\\t:100000 i500 within 3 5', 0],
  // a global amended at a few positions by name (each a copy of its 100,000 items, were it not in place)
  ['\\t:1000 @[`ag;1 2 3;+;1]', 0],
  // a global read at positions and amended there (the read released it: each amend a copy of it all)
  ['{cv[x,x+1]:cv x+1 0} each til 1000', 0],
  // longs of a few hundred items added, compared and sought (a BigInt made of each item in the loop)
  ['\\t:100000 l5+l5', 0], ['\\t:100000 l5&l5', 0], ['\\t:100000 where l5>50', 0], ['\\t:100000 l5 in 128#l5', 0],
  ['\\t:100000 sums l5', 0], ['\\t:100000 l5 mod 7', 0],
  // a 500 × 500 block of a grid assigned (an atom made and read back for each of its items)
  ['\\t:100 gr[sr;sr]:zr', 0],
  // a cache keyed by -8! of arguments (and one by strings) looked up and grown a key at a time (the lookup
  // read it whole, so each new key copied all the keys and values before it); each run from an empty cache
  ['cb:(enlist 0#0x0)!enlist (::); {k:-8!x; if[(::)~`cb k; @[`cb;k;:;x]]} each til 20000', 0],
  ['cs:(enlist "")!enlist (::); {k:string x; if[(::)~cs k; cs[k]:x]} each til 20000', 0],
  // and one keyed by pairs with a vector of values (grown into room it shared with the one before, so
  // never the variable's alone: each new key copied every key)
  ['cp:(enlist 0 0)!enlist 0; {k:(x mod 100;x div 100); if[null cp k; cp[k]:x]} each til 20000', 0],
  // lists and counts grown at keys a dictionary lacks, d[k],:x and d[k]+:1 (each new key a copy of all)
  ['ca:(`long$())!(); {ca[x],:1} each til 20000', 0], ['cw:(enlist "")!enlist 0; {cw[string x]+:1} each til 20000', 0],
  // a dictionary of dictionaries amended at two keys (each a copy of the outer values, were the inner
  // one not put back where it stands)
  ['dd:(`long$())!(); {dd[x]:(`long$())!`long$()} each til 20000; {dd[x;x+1]:1} each til 20000', 0],
  // rows with a string appended to a keyed table by key (its general column copied each time)
  ['ks:([k:`long$()] s:();n:`long$()); {ks[x]:(string x;x)} each til 20000', 0],
  // text read as dates (Tok), and 100,000 lines of CSV in memory loaded with a timespan column
  ['"D"$sd', 0], ['("NSFJC";enlist",") 0: tc', 0],
  ['\\t:100000 {i:0;a:();while[i<count x;a,:enlist any 2 3 in x[i];i+:1];a} m', 0],
  ['sum xf', 8e7], ['xf+yf', 2.4e8], ['xf*2.5', 1.6e8], ['sum xj', 8e7], ['xj+yj', 2.4e8], ['xj*2', 1.6e8],
];
const input = [...setup, ...cases.flatMap(([q]) => Array(REPS).fill(q.startsWith('\\') ? q : '\\t ' + q))].join('\n') + '\n';
const out = execFileSync('node', ['bin/wasq.mjs'], { input, encoding: 'utf8', maxBuffer: 1 << 26 }).trim().split('\n');
if (out.length !== cases.length * REPS) throw new Error('unexpected output:\n' + out.join('\n'));
console.log('| query | median ms | throughput |\n| --- | ---: | ---: |');
cases.forEach(([q, bytes], i) => {
  const ms = out.slice(i * REPS, i * REPS + REPS).map(Number).sort((a, b) => a - b)[REPS >> 1];
  console.log(`| \`${q}\` | ${ms} | ${bytes && ms ? (bytes / ms / 1e6).toFixed(2) + ' GB/s' : ''} |`);
});

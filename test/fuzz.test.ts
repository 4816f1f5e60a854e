// Thousands of random (deterministic) expressions mixing values, operators, iterators and keywords
// (over and scan are left out: a list used as the function of a converge can nest without end, in
// kdb+ too):
// each must answer a value or a q signal — never a JavaScript exception — and the session must survive;
// and corrupted kdb+ files must read as values or q errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeSession } from './q.js';

const VALUES = ['1', '2.5', '`a', '"x"', '"abc"', '1 2 3', '0N', '0w', '2020.01.01', '12:00', '1b', '0x01', '()', 't', 'd', 'kt',
  's', 'e', '(1;`a)', '{x}', '+', 'til 3', '`a`b', '1 2 3f', '0#0', '`$()', '-1', '0Wj', '00:00:01.000', '`s#1 2'];
const VERBS = ['+', '-', '*', '%', '&', '|', '^', '=', '<', '>', '~', ',', '#', '_', '!', '?', '$', '@', '.', 'in', 'within',
  'like', 'xbar', 'mod', 'div', 'except', 'inter', 'union', 'cross', 'bin', 'sublist', 'rotate', 'xprev', 'vs', 'sv', 'ss',
  'lj', 'xasc', 'xkey', 'cut', 'each', "'", '/:', '\\:', 'and', 'or', 'xexp', 'wavg'];
const MONADS = ['count', 'first', 'last', 'reverse', 'distinct', 'asc', 'desc', 'iasc', 'where', 'group', 'key', 'value', 'flip',
  'raze', 'enlist', 'string', 'sum', 'avg', 'max', 'min', 'neg', 'not', 'null', 'type', 'til', 'cols', 'meta', 'fills',
  'deltas', 'sums', 'upper', 'trim', 'parse', 'floor', 'abs', 'sqrt', 'differ', 'prev', 'med', 'var', 'rank', 'get', 'hsym'];

test('random expressions answer values or q signals, never JavaScript errors', { timeout: 120_000 }, () => {
  const { q } = makeSession();
  q('t:([]a:1 2 3;b:`x`y`z;c:1.5 2.5 3.5); d:`a`b!1 2; kt:([k:`a`b]v:1 2); s:"abc"; u:`a`b`c; e:`u$`a`b');
  let seed = 0x9e3779b9;
  const r = (n: number) => { seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5; return (seed >>> 0) % n; };
  const pick = <T>(a: T[]) => a[r(a.length)];
  const bad: string[] = [];
  for (let i = 0; i < 6000; i++) {
    const shape = r(4);
    const src = shape === 0 ? `${pick(MONADS)} ${pick(VALUES)}`
      : shape === 1 ? `${pick(VALUES)} ${pick(VERBS)} ${pick(VALUES)}`
      : shape === 2 ? `${pick(MONADS)} ${pick(VALUES)} ${pick(VERBS)} ${pick(VALUES)}`
      : `(${pick(VALUES)};${pick(VALUES)}) ${pick(VERBS)} ${pick(MONADS)} ${pick(VALUES)}`;
    const out = q(src);
    if (out.includes('internal:')) bad.push(`${src} => ${out}`);
  }
  assert.deepEqual(bad.slice(0, 10), []);
  assert.equal(q('count t'), '3', 'the session kept its globals');
});

test('random amends, assignments, joins and queries answer values or q signals and leave well-formed globals', { timeout: 120_000 }, () => {
  const { q } = makeSession();
  const setup = 't:([]a:1 2 3;b:`x`y`z;c:1.5 2.5 3.5); d:`a`b!1 2; kt:([k:`a`b]v:1 2); s:"abc"; u:`a`b`c; e:`u$`a`b; n:(1 2;3 4 5); m:(1 2;3 4); g:(1;`a;"x"); dd:`a`b!(1 2;`x`y); tt:([]a:(1 2;3 4);b:("ab";"c"))';
  const V = ['1', '2.5', '`a', '"x"', '"abc"', '1 2 3', '0N', '0w', '2020.01.01', '12:00', '1b', '0x01', '()', 't', 'd', 'kt', 's', 'e', '(1;`a)',
    '{x}', '+', 'til 3', '`a`b', '0#0', '-1', 'n', 'm', 'g', 'dd', 'tt', '`b', '0', '5', '1 0', '(0;1)', '(`a;0)', '::', '(::;`a)', '`k', '`v', '`c',
    '`a`b!3 4', '([]a:4 5)', '([k:enlist`c]v:enlist 9)', '2#t', '0#t', '`int$1', '"ab"', '0b', '`x`y!(1;2)'];
  const F = [':', '+', '-', ',', '{x}', '{y}', '#', '_', '^', '|', '~', '?', '$', '!', '@', 'neg', 'not', 'string', 'count', 'first', '{x,y}', '::'];
  const NAMES = ['t', 'd', 'kt', 's', 'u', 'e', 'n', 'm', 'g', 'dd', 'tt'];
  let seed = 0x2545f491;
  const r = (k: number) => { seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5; return (seed >>> 0) % k; };
  const p = <T>(a: T[]) => a[r(a.length)];
  const bad: string[] = [];
  for (let i = 0; i < 8000; i++) {
    if (i % 200 === 0) q(setup);
    const k = r(9);
    const src = k === 0 ? `@[${p(V)};${p(V)};${p(F)};${p(V)}]` : k === 1 ? `.[${p(V)};${p(V)};${p(F)};${p(V)}]` : k === 2 ? `@[${p(V)};${p(V)};${p(F)}]`
      : k === 3 ? `${p(NAMES)}[${p(V)}]:${p(V)}` : k === 4 ? `${p(NAMES)}[${p(V)};${p(V)}]:${p(V)}` : k === 5 ? `${p(NAMES)},:${p(V)}`
      : k === 6 ? `${p(NAMES)}[${p(V)}]${p(['+', ',', '-', '|', '#', '^'])}:${p(V)}`
      : k === 7 ? `${p(V)} ${p(['$', '?', '!', '#', '_', 'xbar', 'within', 'bin', 'sv', 'vs', 'lj', 'uj', 'xcol', 'xkey', 'except', 'inter', 'union', 'sublist', 'cut', 'upsert', 'insert'])} ${p(V)}`
      : `${p(['select a', 'select count i', 'select b', 'update a:1', 'update c:0', 'delete b'])} from ${p(['t', 'kt', 'tt', '0#t'])}${p(['', ' where a>1', ' where i<2'])}`;
    const out = q(src);
    // every global must still show: an amend that made a malformed table fails here, not later
    const shown = out.includes('internal:') ? '' : q(`{.Q.s value x} each \`${p(NAMES)}`);
    if (out.includes('internal:') || shown.includes('internal:')) bad.push(`${src} => ${out} ${shown}`.slice(0, 200));
  }
  assert.deepEqual(bad.slice(0, 10), []);
});

test('random expressions over most keywords and glyphs, applied prefix, infix and with brackets, answer values or q signals', { timeout: 120_000 }, () => {
  // (a wider vocabulary than the first test's, which found asof of a non-table escaping as a JavaScript
  // error; over and scan are left out as there, and so are keywords that reach files, the process or time)
  const { q } = makeSession();
  q('t:([]a:1 2 3;b:`x`y`z;c:1.5 2.5 3.5); d:`a`b!1 2; kt:([k:`a`b]v:1 2); s:"abc"; u:`a`b`c; e:`u$`a`b');
  const KW = ('neg not null string reciprocal floor ceiling signum mod xbar xlog and or each prior til attr count first last reverse ' +
    'enlist raze where key type flip distinct group asc desc iasc idesc rank xrank bin binr in within except inter union cross prev ' +
    'next xprev differ fills fill rotate sublist cut like ss ssr sv vs upper lower trim ltrim rtrim abs sqrt exp log sin cos tan asin ' +
    'acos atan div xexp sum prd min max avg all any sums prds mins maxs avgs deltas ratios msum mavg mcount mmax mmin mdev wsum wavg ' +
    'var svar dev sdev med cov scov cor ema mmu inv lsq cols keys xkey meta xasc xdesc xcol xcols ungroup xgroup lj ljf ij ijf uj ujf ' +
    'pj ej aj aj0 fby asof parse').split(' ');
  const GLYPHS = ['+', '-', '*', '%', '&', '|', '^', '=', '<', '>', '<=', '>=', '<>', '~', ',', '#', '_', '!', '?', '$', '@', '.'];
  const V = ['1', '2.5', '`a', '"x"', '"abc"', '1 2 3', '0N', '0w', '-0w', '0n', '2020.01.01', '12:00', '1b', '0x01', '()', 't', 'd', 'kt',
    's', 'e', '(1;`a)', '{x}', '{x+y}', '+', 'til 3', '`a`b', '1 2 3f', '0#0', '`$()', '-1', '0Wj', '00:00:01.000', '`s#1 2',
    '2020.01.01D01', '0D01', '2020.01m', '1 2e', '1 0N 3h', '(1 2;3 4)', '(`a`b!1 2;`a`b!3 4)', '`u#`x`y', '([]a:`x`y)', '::',
    'enlist 1', '(();())', '5#0N', 'til 10', '`p#1 1 2', '(1;2.5;"c")', '1 2!3 4', '`a`b!(1 2;"xy")'];
  let seed = 0x6a09e667;
  const r = (k: number) => { seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5; return (seed >>> 0) % k; };
  const p = <T>(a: T[]) => a[r(a.length)];
  const verb = () => r(2) ? p(GLYPHS) : p(KW);
  const bad: string[] = [];
  for (let i = 0; i < 12000; i++) {
    const k = r(6);
    const src = k === 0 ? `${p(KW)} ${p(V)}` : k === 1 ? `${p(V)} ${verb()} ${p(V)}` : k === 2 ? `${p(KW)}[${p(V)};${p(V)}]`
      : k === 3 ? `${p(KW)}[${p(V)};${p(V)};${p(V)}]` : k === 4 ? `(${verb()}${p(["'", '/:', '\\:', "':"])})[${p(V)};${p(V)}]`
      : `${p(V)} ${verb()} ${p(KW)} ${p(V)} ${verb()} ${p(V)}`;
    const out = q(src);
    if (out.includes('internal:')) bad.push(`${src} => ${out}`.slice(0, 200));
  }
  assert.deepEqual(bad.slice(0, 10), []);
  assert.equal(q('count t'), '3', 'the session kept its globals');
});

test('amend, find and drop at the edges: a q error or kdb+\'s answer, never a malformed value', () => {
  const { q } = makeSession();
  q('t:([]a:1 2 3;b:`x`y`z); kt:([k:`a`b]v:1 2); u:`a`b`c; e:`u$`a`b`c`a');
  // an atom that is not a handle is the selection itself (ref/amend)
  assert.equal(q('@[2.5;0;neg]'), '-2.5');
  assert.equal(q('.[3;();+;1]'), '4');
  assert.equal(q('@[1 2 3;1;:]'), "'rank");
  assert.equal(q('@[1 2 3;1;::]'), '1 2 3');
  assert.equal(q('t[2.5]:`a`b!(1;`q)'), "'type");
  assert.equal(q('@[t;`c;{y}]'), "'type");
  assert.equal(q('@[t;`c;:;9]'), 'a b c\n-----\n1 x 9\n2 y 9\n3 z 9');
  assert.equal(q('@[t;`c;:;1 2]'), "'length");
  assert.equal(q('kt[(::;`a);1]:0'), "'type");
  assert.equal(q('t'), 'a b\n---\n1 x\n2 y\n3 z');
  assert.equal(q('1 (1 2;3 4)'), "'type");
  // (an operator's projection before a trailing :: composes with it: qbists' score:sum 1+ rounds? ::)
  assert.equal(q('(5 _ ::) til 7'), '5 6');
  assert.equal(q('0 24 60 60 vs 100000'), '1 3 46 40');
  assert.equal(q('t within t'), "'type");
  // find and in read a general list the same way: x is one item unless its rank is more than the items'
  assert.equal(q('(1 2;9)?1 2'), '0');
  assert.equal(q('(9;(1 2;3 4))?1 2'), '2 2');
  assert.equal(q('((1 2;3 4);9)?1 2'), '2');
  assert.equal(q('1 2 in ((1 2;3 4);9)'), '0b');
  assert.equal(q('e except `u$`b'), '`u$`a`c`a');
  assert.equal(q('e except (0 1;`a)'), '`u$`b`c');
});

test('items past the end are nulls, keyed tables pair only on the same keys, all and any refuse non-numbers', () => {
  const { q } = makeSession();
  q('t:([]a:1 2 3;b:`x`y`z;c:1.5 2.5 3.5); kt:([k:`a`b]v:1 2)');
  assert.equal(q('first 0#t'), 'a| 0N\nb| `\nc| 0n');
  assert.equal(q('first ([]())'), 'x| ');
  // past the end of a list of tables: an empty table of the first one's columns (a dictionary of
  // tables looked up by a missing key, kb/alternative-in-memory-layouts)
  q('d:(`u#enlist`)!enlist flip`time`sym!(`timespan$();`symbol$())');
  assert.equal(q('d`BADSYM'), 'time sym\n--------');
  assert.equal(q('meta d`BADSYM'), 'c   | t f a\n----| -----\ntime| n    \nsym | s    ');
  assert.equal(q('kt>1!t'), "'mismatch");
  assert.equal(q('all (::;1i)'), "'type");
  assert.equal(q('all (1b;01b)'), '01b');
});

test('& and | across types give valid values of the higher type; text to temporals never breaks', () => {
  const { q } = makeSession();
  // a char against a number: the lesser underlying value, as "c"$ makes it
  assert.equal(q('-1&"x"'), '"\\377"');
  assert.equal(q('-0w&"x"'), '"\\000"');
  assert.equal(q('1 200 3|"abc"'), '"a\\310c"');
  assert.equal(q('98&"c"'), '"b"');
  // two temporal types: the lower as the higher, as $ makes it
  assert.equal(q('2020.01.01D12:00&12:00:00.001'), '12:00:00.000');
  assert.equal(q('2020.01.01D12:00 2020.01.01D13:00|12:30:00.000'), '12:30:00.000 13:00:00.000');
  assert.equal(q('2020.01m|2020.01.05'), '2020.01.05');
  assert.equal(q('"P"$"1.5"'), '0Np');
  assert.equal(q('"N"$"2.0"'), '0D00:00:00.000000002');
  assert.equal(q('0Ni#()'), "'limit");
});

test('a repeat or a while in an iterator polls for an interrupt', { timeout: 20_000 }, () => {
  const { q, session } = makeSession();
  let calls = 0;
  (session as unknown as { env: { poll: () => boolean } }).env.poll = () => ++calls > 3;
  assert.equal(q('0W (null)/ 1'), "'stop");
  calls = 0;
  assert.equal(q('{x>0}(1+)/ 1'), "'stop");
  assert.equal(q('1+1'), '2');
});

test('a filler becomes the filled type as $ makes it; sv wraps in 64 bits', () => {
  const { q } = makeSession();
  assert.equal(q('0w^0Nd'), '0Wd');
  assert.equal(q('0w^0Np'), '0Wp');
  assert.equal(q('1.5^0Nt'), q('"t"$1.5'));
  assert.equal(q('(1.5^0N)~first 1.5^0N 0N'), '1b');
  assert.equal(q('0N sv 0N 0N'), '0N');
  assert.equal(q('10 sv 20#9'), '7766279631452241919');
});

test('corrupted anymap files (col, col#, col##) read as values or q errors, quickly', { timeout: 120_000 }, async () => {
  const { encodeAnymap, decodeFile } = await import('../q/prims/kfile.js');
  const { QError } = await import('../q/value/error.js');
  const { session } = makeSession();
  const srcs = ['((`upd;`trade;([]sym:`A`B;price:1.5 2.5));enlist 7i)', '("ab";"";"cdefg";10#"x")', '(1 2;(3 4;(5;`a`b));`a`b!(1;"x"))',
    '(`p#1 1 2;`g#3 1 3;`s#1 2;0Ng;2020.01.01)', '(([k:1 2]v:`a`b);(1#`a)!enlist 2;((),1.5;();`$()))'];
  let seed = 7;
  const rnd = () => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed / 2 ** 31; };
  const bad: string[] = [];
  for (const src of srcs) {
    const x = session.run(src)!, any = encodeAnymap(x as never)!;
    for (let k = 0; k < 600; k++) {
      const col = any.col.slice(), hash = any.hash.slice(), syms = any.syms?.slice() ?? null;
      const files = [col, hash, syms].filter(f => f) as Uint8Array[];
      // a few bytes of the headers' second half or the items changed at random
      for (let j = 0, m = 1 + Math.floor(rnd() * 4); j < m; j++) {
        const f = files[Math.floor(rnd() * files.length)], lo = f === syms ? 0 : 4080, i = lo + Math.floor(rnd() * (f.length - lo));
        f[i] = rnd() < 0.5 ? Math.floor(rnd() * 256) : f[i] ^ (1 << Math.floor(rnd() * 8));
      }
      const t0 = performance.now();
      try { decodeFile(col, 'x', {}, s => s === '#' ? hash : s === '##' ? syms : null); }
      catch (e) { if (!(e instanceof QError)) bad.push(`${src}: ${(e as Error).message}`); }
      if (performance.now() - t0 > 2000) bad.push(`${src}: slow`);
    }
  }
  assert.deepEqual(bad.slice(0, 5), []);
});

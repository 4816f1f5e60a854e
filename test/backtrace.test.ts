// Backtraces as kdb+ 4 prints them (basics/debug): the frame an error happened in, named as its lambda
// was defined, with a caret under the primitive that failed; .Q.bt, .Q.trp and .Q.sbt.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, rmSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { scratch } from './scratch.js';
import '../server/kernels.js';
import { Session } from '../q/session.js';
import { nodeHost } from '../server/cli.js';
import { makeSession } from './q.js';

test('an error shows the frame it happened in, with a caret under the failing primitive', () => {
  const { session: s, q } = makeSession();
  assert.equal(s.evaluate('2+"hi"').trace, '  [0]  2+"hi"\n        ^');
  q('f:{g[x;2#y]}');
  q('g:{a:x*2;a+y}');
  const r = s.evaluate('f[3;"hello"]');
  assert.equal(r.out, "'type");
  assert.equal(r.trace, '  [2]  g:{a:x*2;a+y}\n                 ^');
  // a lambda inside a named one is name@
  q('f0:{{("hi";x+y)}[x*2;"there"]}');
  assert.equal(s.evaluate('f0[2]').trace, '  [2]  f0@:{("hi";x+y)}\n                   ^');
  // an anonymous lambda, called through each
  assert.equal(s.evaluate('{x+`a} each 1 2').trace, '  [1]  {x+`a}\n         ^');
  // a parse error: the line, with the caret where the parser stopped
  assert.equal(s.evaluate('a b c]').trace, '  [0]  a b c]\n            ^');
  // a name set globally and then as a local: the caret under the local assignment (releases/ChangesIn4.0)
  const g = s.evaluate('x:3;{a::1;a:1}');
  assert.equal(g.out, "'a");
  assert.equal(g.trace, '  [0]  x:3;{a::1;a:1}\n' + ' '.repeat(17) + '^');
  // a multi-line lambda shows the line that failed
  q('m:{[x]\n y:x+1;\n y+`a}');
  assert.equal(s.evaluate('m 1').trace, '  [1]   y+`a}\n         ^');
  // a trapped error shows nothing and the session goes on
  assert.equal(q('.[g;(1;`a);{x}]'), '"type"');
  // a signal's caret is under its ' (ref/signal: "Debugger break location")
  q("f2:{[x]a:1;if[x<a;'`bad]}");
  assert.equal(s.evaluate('f2 0').trace, "  [1]  f2:{[x]a:1;if[x<a;'`bad]}\n" + ' '.repeat(25) + '^');
});

test('.Q.bt prints the frames running; .Q.trp passes the backtrace to its handler, .Q.sbt formats it', () => {
  const { q } = makeSession();
  q('f:{{.Q.bt[];x*2}x+1}');
  assert.equal(q('f 4'), '  [2]  f@:{.Q.bt[];x*2}\n           ^\n  [1]  f:{{.Q.bt[];x*2}x+1}\n          ^\n  [0]  f 4\n       ^\n10');
  q('h:{`hello+x}');
  assert.equal(q('.Q.trp[h;2;{[e;b] e}]'), '"type"');
  assert.equal(q('.Q.trp[h;2;{count y}]'), '2');
  assert.equal(q('1 .Q.trp[h;2;{.Q.sbt y}];'), '  [1]  h:{`hello+x}\n                ^\n  [0]  1 .Q.trp[h;2;{.Q.sbt y}];\n         ^\n');
  assert.equal(q('.Q.trp[{x+1};2;{x}]'), '3');
  assert.equal(q('.Q.sbt 1'), "'type");
});

test('an error in a loaded script names its file and line; the load stops there', () => {
  const dir = scratch('wasq-bt-');
  try {
    const path = join(dir, 's.q');
    writeFileSync(path, 'a:1\n/ a comment\nf:{[x]\n  x+`a}\nb:2\n1+`b\nc:3\n');
    let out = '';
    const s = new Session(nodeHost((_fd, t) => { out += t; }));
    // the error is the \l statement's own (a caller can trap it), shown with the script's file and line
    const r = s.evaluate('\\l ' + path);
    assert.equal(out, '');
    assert.equal(`${r.out}\n${r.trace}`, `'type\n  [0]  ${path}:6: 1+\`b\n${' '.repeat(8 + path.length + 4)}^`);
    assert.equal(s.evaluate(`@[system;"l ${path}";{"trapped: ",x}]`).out, '"trapped: type"');
    assert.equal(s.evaluate('b').out, '2');
    assert.equal(s.evaluate('c').out, "'c");
    // a lambda the script defined names the file and the line shown (kdb+: /q/test.q:5: myfun:{2+x})
    assert.equal(s.evaluate('f 1').trace, `  [1]  ${path}:4:   x+\`a}\n${' '.repeat(7 + path.length + 4 + 3)}^`);
    assert.equal(s.evaluate('2#-3#value f').out, `${JSON.stringify(path)}\n3`);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('a script loaded by a relative path gives its lambdas the full path (value f; tsbs finds its files from value[{}][6])', () => {
  const dir = scratch('wasq-rel-'), was = process.cwd();
  try {
    writeFileSync(join(dir, 's.q'), 'g:{x}\n');
    const s = new Session(nodeHost(() => {}));
    s.evaluate('\\cd ' + dir);
    s.evaluate('\\l s.q');
    assert.equal(s.evaluate('first -3#value g').out, JSON.stringify(join(realpathSync(dir), 's.q')));
    s.evaluate('\\l ./s.q');
    assert.equal(s.evaluate('first -3#value g').out, JSON.stringify(join(realpathSync(dir), 's.q')));
  } finally { process.chdir(was); rmSync(dir, { recursive: true, force: true }); }
});

test('value of a lambda has kdb+\'s layout: parameters, locals, namespace and globals, constants, name, source', () => {
  const { q } = makeSession();
  q('f:{[a;b]d::neg c:a*b+5;c+e}');
  assert.equal(q('value f'), '`byte$()\n`a`b\n,`c\n``d`e\n5\n-1\n"..f"\n""\n-1\n"{[a;b]d::neg c:a*b+5;c+e}"');
  q('\\d .test');
  q('f:{[a;b]d::neg c:a*b+5;c+e}');
  assert.equal(q('(value f) 3 6'), '`test`d`e\n".test.f"');
  q('\\d .');
  assert.equal(q('(value {x+1}) 1 6 9'), ',`x\n()\n"{x+1}"');
});

test('with the debugger on, an error in a lambda suspends it: its locals can be read until \\ leaves', () => {
  const { session: s, q } = makeSession();
  s.debug = true;
  q('g:{[x;y]a:x*2;a+y}');
  assert.equal(q('g[3;"hello"]'), "'type");
  assert.ok(s.suspended);
  // the suspended frame's locals, and globals beside them
  assert.equal(q('a'), '6');
  assert.equal(q('(x;y)'), '3\n"hello"');
  assert.equal(q('a+count y'), '11');
  assert.equal(q('count g'), '1');
  // an error while suspended stays suspended; \ leaves
  assert.equal(q('a+`b'), "'type");
  assert.ok(s.suspended);
  assert.equal(q('\\'), '');
  assert.equal(s.suspended, null);
  assert.equal(q('a'), "'a");
  // a signal cuts the stack back too; off (piped input), nothing is suspended
  q('g[3;"hello"]');
  assert.equal(q("'stop"), "'stop");
  assert.equal(s.suspended, null);
  s.debug = false;
  q('g[3;"hello"]');
  assert.equal(s.suspended, null);
});

test('with nothing suspended, \\ toggles the console between q and k (basics/syscmds)', () => {
  const { session: s, q } = makeSession();
  assert.equal(q('\\'), '');
  assert.equal(s.kmode, true);
  assert.equal(q('+(1 2;3 4)'), '1 3\n2 4');
  assert.equal(q('!3'), '0 1 2');
  // system commands are read as they are
  assert.equal(q('\\P'), '7i');
  assert.equal(q('\\'), '');
  assert.equal(s.kmode, false);
  assert.equal(q('til 3'), '0 1 2');
});

test('in a debugger session .z.ex and .z.ey are the primitive that failed and its arguments', () => {
  const { session: s, q } = makeSession();
  s.debug = true;
  q('f:{g[x;2#y]}; g:{a:x*2;a+y}');
  assert.equal(q('f[3;"hello"]'), "'type");
  assert.equal(q('.z.ex'), '+');
  assert.equal(q('.z.ey'), '6\n"he"');
  assert.equal(q('\\'), '');
  assert.equal(q('.z.ex'), '');
  // a unary primitive's one argument; a keyword shows as itself
  q('h:{neg x}');
  assert.equal(q('h `a'), "'type");
  assert.equal(q('.z.ey'), '`a');
  assert.equal(q('.z.ex'), '-:');
});

test('in the debugger ` moves up the stack and . down, each frame shown with its locals in scope', () => {
  const { session: s, q, evaluate } = makeSession() as any;
  s.debug = true;
  q('f:{[x;y]b:x+1;g[x;2#y]}; g:{a:x*2;a+y}');
  assert.equal(q('f[3;"hello"]'), "'type");
  assert.equal(q('a'), '6');
  const up = s.evaluate('`');
  assert.equal(up.trace, '  [1]  f:{[x;y]b:x+1;g[x;2#y]}\n                     ^');
  assert.equal(q('b'), '4');
  assert.equal(s.evaluate('`').trace, '  [0]  f[3;"hello"]\n       ^');
  // the top is as far as it goes; . comes back down
  assert.equal(s.evaluate('`').trace, '  [0]  f[3;"hello"]\n       ^');
  assert.equal(s.evaluate('.').trace, '  [1]  f:{[x;y]b:x+1;g[x;2#y]}\n                     ^');
  assert.equal(s.evaluate('.').trace, '  [2]  g:{a:x*2;a+y}\n                 ^');
  assert.equal(q('a'), '6');
  // .Q.bt[] shows the suspended stack, >> at the frame in view
  const out: string[] = [];
  s.env.host.write = (_fd: number, t: string) => { out.push(t); };
  q('.Q.bt[]');
  assert.equal(out.join(''), '>>[2]  g:{a:x*2;a+y}\n                 ^\n  [1]  f:{[x;y]b:x+1;g[x;2#y]}\n                     ^\n  [0]  f[3;"hello"]\n       ^\n');
  // & shows the error and the frame in view
  const where = s.evaluate('&');
  assert.equal(where.out, "'type");
  assert.equal(where.trace, '  [2]  g:{a:x*2;a+y}\n                 ^');
  assert.equal(q('\\'), '');
  assert.equal(s.suspended, null);
});

test('a .Q.trp handler that signals (message;backtrace) passes the error on with that backtrace, all of it shown (a recorded kdb+ session: .Q.trp[f;`a;{\'(x;y)}])', () => {
  const s = new Session(nodeHost(() => {}));
  s.evaluate('f:{x+1}');
  const r = s.evaluate(".Q.trp[f;`a;{'(x;y)}]");
  assert.equal(r.out, "'type");
  assert.equal(r.trace, "  [1]  f:{x+1}\n           ^\n  [0]  .Q.trp[f;`a;{'(x;y)}]\n       ^");
  assert.equal(s.evaluate("@[.Q.trp[f;;{'(`oops;y)}];`a;{x}]").out, '"oops"');
  // any other list is no signal
  assert.equal(s.evaluate("{'(1;2)}[]").out, "'stype");
});

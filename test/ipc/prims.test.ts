// The IPC internal functions as q sees them: -8! -9! -18! -22!.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeSession } from '../q.js';
import '../../q/prims/ipc-prims.js';

test('-8! gives the documented bytes and -9! reads them back', () => {
  const { q } = makeSession();
  assert.equal(q('-8!1 2 3i'), '0x010000001a000000060003000000010000000200000003000000');
  assert.equal(q('-9!-8!1 2 3i'), '1 2 3i');
  assert.equal(q('x:(1;`a;"bc";2.5 0n;`a`b!1 2)'), '');
  assert.equal(q('x~-9!-8!x'), '1b');
  assert.equal(q('-9!-8!{x+y}'), '{x+y}');
  assert.equal(q('(-9!-8!{x+y})[2;3]'), '5');
});

test('-18! compresses by kdb+\'s rules and -9! accepts the result', () => {
  const { q } = makeSession();
  assert.equal(q('count -8!til 1000'), '8014');
  assert.equal(q('count -18!til 1000'), '3276');
  assert.equal(q('(til 1000)~-9!-18!til 1000'), '1b');
  // too small to compress: the same bytes as -8!
  assert.equal(q('(-8!til 10)~-18!til 10'), '1b');
});

test('-22! is the length of -8!', () => {
  const { q } = makeSession();
  assert.equal(q('-22!til 1000'), '8014');
  assert.equal(q('(-22!`a`b!1 2)=count -8!`a`b!1 2'), '1b');
  // counted without serializing (basics/internal: a shortcut), for every kind of value, functions and
  // enumerations included
  q('sym:`a`b');
  q('xs:(til 9;1;`a;"b";`abc`de;0Ng;2#0Ng;([]a:1 2;b:`x`y;c:("s";"tt"));`a`b!1 2;(1;`a;"bc";2.5);::;1b;0x01;1.5e;2024.01.01;0D1;12:00;([k:`a`b]v:1.5 2.5);`s#1 2 3;`u#`a`b;enlist "";();`$"h\u00e9llo";{x+y};+[1];`sym$`a;`sym$`a`a;(`s#`a`b)!1 2;`$("h\u00e9";"w\u00f6");([]c:`sym$`a`b))');
  assert.equal(q('{(-22!x)=count -8!x} each xs'), '111111111111111111111111111111b');
});

test('-9! signals on bad input and never runs lambda text', () => {
  const { q } = makeSession();
  assert.equal(q('-9!1 2'), "'type");
  assert.equal(q('-9!0x0100'), "'badmsg");
  assert.equal(q('-9!0x010000000e000000000001000000'), "'badmsg");
  // a lambda message whose text is `y:1;{x}`: parsed, refused, never evaluated
  assert.equal(q('y:0'), '');
  assert.equal(q('-9!0x0100000017000000' + '64000a0007000000' + '793a313b7b787d'), "'badmsg");
  assert.equal(q('y'), '0');
});

test('a keyword kdb+ defines in q.k (til, ss) goes as a lambda that calls it by name, which any peer can run', () => {
  const { q } = makeSession();
  assert.equal(q('-8!til'), '0x0100000017000000' + '64000a0007000000' + Buffer.from('{til x}').toString('hex'));
  assert.equal(q('(-9!-8!til) 3'), '0 1 2');
  assert.equal(q('(-9!-8!ss)["abcb";"b"]'), '1 3');
  assert.equal(q('(-9!-8!(ssr;"abc";"b";"x"))'), 'ssr\n"abc"\n"b"\n"x"'.replace('ssr', '{ssr[x;y;z]}'));
});

test('a .Q/.h/.j function goes as a lambda that calls it by name, as keywords do: -22! sizes it (kdbx-modules memoryusage sizes every global)', () => {
  const { q } = makeSession();
  assert.equal(q('(-9!-8!.Q.s) 1 2'), '"1 2\\n"');
  assert.equal(q('-9!-8!.Q.dpft'), '{[x;y;z;a3].Q.dpft[x;y;z;a3]}');
  assert.equal(q('(-9!-8!.Q.dd)[`:a;`b]'), '`:a/b');
  assert.equal(q('-22!.Q.s'), '24');
  assert.equal(q('0<-22!.h.tx'), '1b');
});

test('a table whose column is a table (a column of dictionaries) round-trips through -8! and -9! (TorQ\'s .stpm.metatable)', () => {
  const { q } = makeSession();
  q('x:([]a:1 2;d:(`x`y!1 2;`x`y!3 4))');
  assert.equal(q('type x`d'), '98h');
  assert.equal(q('x~-9!-8!x'), '1b');
});

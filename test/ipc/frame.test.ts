// Connection helpers: protocol sniffing, the handshake and its reply, and cutting a stream into messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QError } from '../../q/value/error.js';
import { longVec, str } from '../../q/value/value.js';
import { encodeMessage } from '../../q/ipc/serialize.js';
import { compress } from '../../q/ipc/compress.js';
import { deserialize } from '../../q/ipc/deserialize.js';
import { match } from '../../q/prims/match.js';
import { FrameReader, parseHandshake, capabilityReply, handshakeBytes, sniffProtocol } from '../../q/ipc/frame.js';

const ascii = (s: string) => new TextEncoder().encode(s);
const throwsQ = (f: () => unknown, err: string) => assert.throws(f, (e: unknown) => e instanceof QError && e.q === err);

test('an HTTP request line starts HTTP; anything else is the kdb+ handshake', () => {
  assert.equal(sniffProtocol(ascii('GET /?til 3 HTTP/1.1\r\n')), 'http');
  assert.equal(sniffProtocol(ascii('POST / HTTP/1.1')), 'http');
  assert.equal(sniffProtocol(ascii('GE')), 'more');
  assert.equal(sniffProtocol(ascii('P')), 'more');
  assert.equal(sniffProtocol(ascii('GEX')), 'ipc');
  assert.equal(sniffProtocol(ascii('myname:mypassword\x03\x00')), 'ipc');
  assert.equal(sniffProtocol(handshakeBytes('anonymous', null)), 'ipc');
});

test('the handshake gives credentials and capability; the reply is the smaller capability', () => {
  assert.deepEqual(parseHandshake(ascii('myname:mypassword\x03\x00')), { user: 'myname', password: 'mypassword', cap: 3, length: 19 });
  assert.deepEqual(parseHandshake(ascii('anonymous\x03\x00')), { user: 'anonymous', password: '', cap: 3, length: 11 });
  assert.deepEqual(parseHandshake(ascii('\x06\x00')), { user: '', password: '', cap: 6, length: 2 });
  // a pre-2.6 client sends no capability byte
  assert.deepEqual(parseHandshake(ascii('bob:pw\x00')), { user: 'bob', password: 'pw', cap: 0, length: 7 });
  assert.equal(parseHandshake(ascii('bob:pw\x03')), null);
  throwsQ(() => parseHandshake(new Uint8Array(5000).fill(65)), 'access');
  assert.equal(capabilityReply(6), 3);
  assert.equal(capabilityReply(1), 1);
  assert.deepEqual(Array.from(handshakeBytes('u', 'p', 3)), [117, 58, 112, 3, 0]);
});

test('the frame reader hands back whole messages however the bytes are split', () => {
  const msgs = [encodeMessage(longVec([1, 2, 3])), encodeMessage(str('hello')), compress(encodeMessage(longVec(Array.from({ length: 1000 }, (_, i) => i))))!];
  const all = new Uint8Array(msgs.reduce((n, m) => n + m.length, 0));
  let o = 0;
  for (const m of msgs) { all.set(m, o); o += m.length; }
  for (const step of [1, 3, 7, 8, 9, 100, all.length]) {
    const r = new FrameReader(), got: Uint8Array[] = [];
    for (let i = 0; i < all.length; i += step) got.push(...r.push(all.subarray(i, i + step)));
    assert.equal(got.length, 3, `step ${step}`);
    got.forEach((g, i) => assert.deepEqual(Array.from(g), Array.from(msgs[i])));
    assert.equal(r.pending, 0);
    assert.ok(match(deserialize(got[2]), deserialize(msgs[2])));
  }
});

test('the frame reader refuses bad headers and oversized lengths before buffering them', () => {
  throwsQ(() => new FrameReader().push(Uint8Array.of(7, 0, 0, 0, 20, 0, 0, 0)), 'badmsg');
  throwsQ(() => new FrameReader(1000).push(Uint8Array.of(1, 1, 0, 0, 0, 0, 0, 1)), 'limit');
  const r = new FrameReader();
  assert.deepEqual(r.push(Uint8Array.of(1, 1, 0, 0)), []);
  assert.equal(r.pending, 4);
});

test('a message of megabytes arriving in many reads is assembled whole, and what follows it in the last read is read next', () => {
  const big = encodeMessage(longVec(Array.from({ length: 400_000 }, (_, i) => i)), 2);
  const small = encodeMessage(str('after'), 2), after = encodeMessage(str('later'), 0);
  const all = new Uint8Array(big.length + small.length + after.length);
  all.set(big); all.set(small, big.length); all.set(after, big.length + small.length);
  const r = new FrameReader(), got: Uint8Array[] = [];
  // reads of uneven sizes, the header itself split, the last one holding the end of big and all of small
  let seed = 7;
  for (let o = 0; o < all.length;) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const n = o === 0 ? 5 : 1 + (seed % 70000);
    got.push(...r.push(all.subarray(o, Math.min(all.length, o + n))));
    o += n;
  }
  assert.equal(got.length, 3);
  assert.deepEqual(got[0], big);
  assert.deepEqual(got[1], small);
  assert.deepEqual(got[2], after);
  assert.equal(r.pending, 0);
});

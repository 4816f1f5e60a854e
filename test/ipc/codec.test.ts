// The IPC codec on its own: byte order, NaN bits, functions, errors, enumerations, compression and the
// rejection of malformed input. Values are built directly, so these tests need no evaluator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { T } from '../../q/value/types.js';
import { Q, Vec, Attr, NIL, vec, list, dict, table, sym, symVec, intVec, longVec, floatVec, str, long, float, atom } from '../../q/value/value.js';
import { QError } from '../../q/value/error.js';
import { match } from '../../q/prims/match.js';
import { serialize, encodeMessage, encodeError } from '../../q/ipc/serialize.js';
import { deserialize, readMessage } from '../../q/ipc/deserialize.js';
import { compress, decompress, maybeCompress } from '../../q/ipc/compress.js';
import { MsgType, readHeader, writeHeader } from '../../q/ipc/header.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const unhex = (h: string) => new Uint8Array(Buffer.from(h.replace(/[\s|]/g, ''), 'hex'));
const roundTrip = (x: Q) => deserialize(encodeMessage(x));
const throwsQ = (f: () => unknown, err: string) => assert.throws(f, (e: unknown) => e instanceof QError && e.q === err);

test('big-endian messages decode like little-endian ones', () => {
  // 1 2 3i, `ab`c, 1.5 and -2 as a long, each written by a big-endian peer (byte 0 = 0)
  assert.ok(match(deserialize(unhex('00000000 0000001a | 06 00 00000003 00000001 00000002 00000003')), intVec([1, 2, 3])));
  assert.ok(match(deserialize(unhex('00000000 00000013 | 0b 00 00000002 616200 6300')), symVec(['ab', 'c'])));
  assert.ok(match(deserialize(unhex('00000000 00000011 | f7 3ff8000000000000')), float(1.5)));
  assert.ok(match(deserialize(unhex('00000000 00000011 | f9 fffffffffffffffe')), long(-2)));
  assert.ok(match(deserialize(unhex('00000000 0000001e | 07 00 00000002 8000000000000000 7fffffffffffffff')),
    vec(T.Long, BigInt64Array.of(-(2n ** 63n), 2n ** 63n - 1n))));
});

test('a capability-6 peer\'s 8-byte vector count (attribute bit 0x80) is read', () => {
  assert.ok(match(deserialize(unhex('01000000 1a000000 | 06 81 0200000000000000 01000000 02000000')), { ...intVec([1, 2]), a: Attr.S }));
  throwsQ(() => deserialize(unhex('01000000 1a000000 | 06 80 ffffffffffffff7f 01000000 02000000')), 'badmsg');
});

test('float nulls go out with the NaN bits kdb+ writes, whatever NaN JavaScript holds', () => {
  assert.equal(hex(serialize(floatVec([NaN, 1]))), '090002000000' + '000000000000f8ff' + '000000000000f03f');
  assert.equal(hex(serialize(vec(T.Real, Float32Array.of(NaN)))), '0800010000000000c0ff');
  assert.equal(hex(serialize(atom(T.Datetime, NaN))), 'f1000000000000f8ff');
});

test('the header carries type, length and byte order; big lengths use byte 3', () => {
  const m = encodeMessage(long(1), MsgType.Sync);
  assert.deepEqual(readHeader(m), { littleEndian: true, msgType: MsgType.Sync, compressed: 0, length: 17 });
  const b = new Uint8Array(8);
  writeHeader(b, MsgType.Response, 5 * 2 ** 32 + 7);
  assert.equal(hex(b), '0102000507000000');
  assert.equal(readHeader(b).length, 5 * 2 ** 32 + 7);
  throwsQ(() => readHeader(unhex('0103000000000000')), 'badmsg');
});

test('functions: primitives, iterators, projections, compositions', () => {
  const plus = { t: T.Op, name: '+' } as Q, neg = { t: T.Unary, name: 'neg' } as Q;
  assert.equal(hex(serialize(plus)), '6601');
  assert.equal(hex(serialize(neg)), '6502');
  assert.equal(hex(serialize(NIL)), '6500');
  assert.equal(hex(serialize({ t: T.Op, name: '+:' } as Q)), '6501');
  assert.equal(hex(serialize({ t: T.Unary, name: 'in' } as Q)), '6617');
  const over = { t: T.Over, adv: '/', f: plus } as Q;
  assert.equal(hex(serialize(over)), '6b6601');
  const proj = { t: T.Proj, f: plus, args: [undefined, long(1)] } as Q;
  assert.equal(hex(serialize(proj)), '68' + '03000000' + '6601' + '65ff' + 'f90100000000000000');
  const comp = { t: T.Comp, fs: [neg, plus] } as Q;
  assert.equal(hex(serialize(comp)), '69' + '02000000' + '6502' + '6601');
  assert.equal(hex(serialize({ t: T.Iter, adv: '\\:' } as Q)), '6705');
  assert.equal(hex(serialize({ t: T.Op, name: '<>' } as Q)), '69' + '02000000' + '650f' + '6608');
  for (const f of [plus, neg, NIL, over, proj, comp, { t: T.Iter, adv: "'" } as Q, { t: T.Op, name: '<>' } as Q,
    { t: T.EachLeft, adv: '\\:', f: { t: T.Each, adv: "'", f: plus } } as Q])
    assert.ok(match(roundTrip(f), f), hex(serialize(f)));
  const decodedNeg = roundTrip(neg);
  assert.equal(decodedNeg.t, T.Unary);

});

test('lambdas keep their context and go through the parse callback', () => {
  const f = { t: T.Lambda, src: '{x+y}', params: [], locals: [], body: { k: 'nil' }, ns: '.d', rank: 2 } as unknown as Q;
  const b = encodeMessage(f);
  assert.equal(hex(b), '01000000160000006464000a00050000007b782b797d');
  throwsQ(() => deserialize(b), 'nyi');
  let seen = '';
  const g = deserialize(b, { parseLambda: src => { seen = src; return { ...(f as any), ns: '' }; } }) as any;
  assert.equal(seen, '{x+y}');
  assert.equal(g.ns, '.d');
});

test('errors travel as -128 and are signalled by -9!', () => {
  const m = encodeError('type');
  assert.equal(hex(m), '010200000e0000008074797065' + '00');
  assert.deepEqual(readMessage(m), { msgType: MsgType.Response, error: 'type' });
  throwsQ(() => deserialize(m), 'type');
});

test('enumerations go out as their values', () => {
  const domain = symVec(['a', 'b', 'c']);
  const e = { t: T.Enum, d: Int32Array.of(2, 0, -2147483648), a: Attr.None, dom: 'sym' } as Vec;
  const opts = { resolveEnum: (d: string) => { assert.equal(d, 'sym'); return domain; } };
  assert.equal(hex(serialize(e, opts)), hex(serialize(symVec(['c', 'a', '']))));
  assert.equal(hex(serialize({ t: -T.Enum, v: 1, dom: 'sym' } as Q, opts)), hex(serialize(sym('b'))));
  // a foreign key over a keyed table sends the key column's values
  const kt = dict(table(['s'], [symVec(['x', 'y'])]), table(['p'], [floatVec([1, 2])]));
  assert.equal(hex(serialize({ ...e, d: Int32Array.of(1, 1) }, { resolveEnum: () => kt })), hex(serialize(symVec(['y', 'y']))));
  throwsQ(() => serialize(e), 'type');
});

test('capabilities: no guids below 3, no timestamps below 1', () => {
  const g = { t: -T.Guid, v: new Uint8Array(16) } as Q, p = { t: -T.Timestamp, v: 0n } as Q;
  throwsQ(() => serialize(g, { cap: 2 }), 'type');
  throwsQ(() => serialize(p, { cap: 0 }), 'type');
  assert.equal(serialize(p, { cap: 1 }).length, 9);
});

test('compression: kdb+ size rules, and decompress inverts compress', () => {
  const small = encodeMessage(longVec(Array.from({ length: 100 }, (_, i) => i)));
  assert.equal(maybeCompress(small), small, 'at most 2000 bytes stays plain');
  // random bytes do not halve, so they stay plain
  let seed = 1;
  const noise = vec(T.Byte, Uint8Array.from({ length: 5000 }, () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24));
  const nm = encodeMessage(noise);
  assert.equal(compress(nm), null);
  assert.equal(maybeCompress(nm), nm);
  const values: Q[] = [
    longVec(Array.from({ length: 100000 }, (_, i) => i)),
    symVec(Array.from({ length: 3000 }, (_, i) => ['ibm', 'msft', 'aapl'][i % 3])),
    table(['t', 'p'], [longVec(Array.from({ length: 2000 }, (_, i) => i % 7)), floatVec(Array.from({ length: 2000 }, (_, i) => (i % 13) / 4))]),
    str('ab'.repeat(3000) + 'c'),
  ];
  for (const x of values) {
    const u = encodeMessage(x), c = compress(u)!;
    assert.ok(c && c.length <= u.length / 2, 'compressed to at most half');
    assert.equal(c[2], 1);
    assert.equal(readHeader(c).length, c.length);
    assert.equal(hex(decompress(c)), hex(u));
    assert.ok(match(deserialize(c), x));
  }
});

test('a corrupt compressed stream is badmsg, not a crash', () => {
  const c = compress(encodeMessage(longVec(Array.from({ length: 1000 }, (_, i) => i))))!;
  const cut = c.slice(0, 40);
  new DataView(cut.buffer).setUint32(4, cut.length, true);
  throwsQ(() => deserialize(cut), 'badmsg');
  const bad = c.slice();
  bad[12] = 0xff; bad[13] = 0x77; bad[14] = 0x00; // a match first: no earlier position to copy from
  throwsQ(() => decompress(bad), 'badmsg');
});

test('malformed messages are badmsg', () => {
  const cases = [
    '01000000 0a000000 | 14 00',                      // an enumeration type byte
    '01000000 0e000000 | 06 00 ffffff7f',             // a count far beyond the bytes
    '01000000 0e000000 | 00 00 ffffffff',             // the same for a general list
    '01000000 0d000000 | f9 01000000',                // a truncated long
    '01000000 0b000000 | f5 6162',                    // a symbol with no terminator
    '01000000 0a000000 | 70 00',                      // 112 has no wire form
    '01000000 0a000000 | 65 ff',                      // an elided argument outside a projection
    '01000000 0b000000 | f9 00 00',                   // length disagrees with the object
    '01000000 10000000 | 62 00 63 0b00 01000000 6100 | 06 00 00000000', // table values not a list
  ];
  for (const c of cases) throwsQ(() => deserialize(unhex(c)), 'badmsg');
});

test('general lists, dictionaries and tables round-trip with attributes', () => {
  const xs: Q[] = [
    list([long(1), sym('a'), str('bc'), list([])]),
    dict(symVec(['a', 'b']), list([long(1), str('x')])),
    { ...table(['a', 'b'], [longVec([1, 2]), list([str('x'), str('yz')])]), a: Attr.S } as Q,
    { ...dict({ ...symVec(['a', 'b']), a: Attr.S }, intVec([1, 2])), a: Attr.S } as Q,
    dict(table(['k'], [symVec(['a', 'b'])]), table(['v'], [floatVec([1.5, NaN])])),
    vec(T.Guid, Uint8Array.from({ length: 32 }, (_, i) => i)),
    { t: T.Timestamp, d: BigInt64Array.of(-(2n ** 63n), 0n, 1n), a: Attr.None } as Q,
  ];
  for (const x of xs) assert.ok(match(roundTrip(x), x), hex(serialize(x)));
  assert.equal(serialize(xs[3])[0], 127);
});

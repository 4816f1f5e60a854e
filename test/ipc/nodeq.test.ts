// Interop with an independent kdb+ client: node-q's own serializer and deserializer (lib/c.js). Our bytes
// must equal node-q's for the values it can write, and node-q must read what we write (tables, keyed
// tables, compressed messages included).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { T } from '../../q/value/types.js';
import { Q, NIL, atom, bool, long, float, sym, str, char, list, dict, table, symVec, intVec, longVec, floatVec, boolVec, vec } from '../../q/value/value.js';
import { match } from '../../q/prims/match.js';
import { encodeMessage } from '../../q/ipc/serialize.js';
import { deserialize } from '../../q/ipc/deserialize.js';
import { compress } from '../../q/ipc/compress.js';

const req = createRequire(import.meta.url);
const nodeq = req('node-q');
const c = req('node-q/lib/c.js') as { serialize(x: unknown): Buffer; deserialize(b: Buffer, nanos2date?: boolean, flipTables?: boolean): any };
const Long = createRequire(req.resolve('node-q'))('long');

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const guidText = '8c680a01-5a49-5aab-5a65-d4bfddb6a661';
const guidBytes = new Uint8Array(Buffer.from(guidText.replace(/-/g, ''), 'hex'));
const at = (ms: number) => new Date(ms);
const DAY = 86400000, EPOCH = 10957 * DAY; // 2000.01.01 in Unix milliseconds

/** [what node-q is given, the same value in wasq] */
const PAIRS: [string, unknown, Q][] = [
  ['boolean', nodeq.boolean(true), bool(1)],
  ['byte', nodeq.byte(42), atom(T.Byte, 42)],
  ['short', nodeq.short(-7), atom(T.Short, -7)],
  ['short null', nodeq.short(null), atom(T.Short, -32768)],
  ['int', nodeq.int(42), atom(T.Int, 42)],
  ['int infinity', nodeq.int(Infinity), atom(T.Int, 2147483647)],
  ['long', nodeq.long(Long.fromString('-2')), long(-2)],
  ['long null', nodeq.long(null), long(-(2n ** 63n))],
  ['real', nodeq.real(1.5), atom(T.Real, 1.5)],
  ['real null', nodeq.real(null), atom(T.Real, NaN)],
  ['float from a JS number', 1.5, float(1.5)],
  ['float null', nodeq.float(null), float(NaN)],
  ['char', nodeq.char('a'), char(97)],
  ['symbol', nodeq.symbol('abc'), sym('abc')],
  ['symbol from `text', '`abc', sym('abc')],
  ['string', 'hello', str('hello')],
  ['UTF-8 string', 'né', str('né')],
  ['guid', nodeq.guid(guidText), atom(T.Guid, guidBytes)],
  ['timestamp', nodeq.timestamp(at(EPOCH + DAY + 1)), atom(T.Timestamp, 86400001000000n)],
  ['month', nodeq.month(at(Date.UTC(1998, 1, 1))), atom(T.Month, -23)],
  ['date', nodeq.date(at(EPOCH - 2 * DAY)), atom(T.Date, -2)],
  ['datetime', nodeq.datetime(at(EPOCH + DAY / 2)), atom(T.Datetime, 0.5)],
  ['timespan', nodeq.timespan(at(12 * 3600000)), atom(T.Timespan, 43200000000000n)],
  ['minute', nodeq.minute(at(12 * 3600000)), atom(T.Minute, 720)],
  ['second', nodeq.second(at(12 * 3600000)), atom(T.Second, 43200)],
  ['time', nodeq.time(at(12 * 3600000 + 5)), atom(T.Time, 43200005)],
  ['generic null', null, NIL],
  ['booleans', nodeq.booleans([true, false, true]), boolVec([1, 0, 1])],
  ['ints', nodeq.ints([1, 2, 3]), intVec([1, 2, 3])],
  ['longs', nodeq.longs([Long.fromInt(1), Long.fromInt(-1)]), longVec([1, -1])],
  ['floats', [1.5, 2.5], floatVec([1.5, 2.5])],
  ['symbols', nodeq.symbols(['a', 'bc']), symVec(['a', 'bc'])],
  // node-q writes an array of `text strings as a general list of symbol atoms
  ['symbols from `text', ['`a', '`bc'], list([sym('a'), sym('bc')])],
  ['guids', nodeq.guids([guidText]), vec(T.Guid, guidBytes.slice())],
  ['mixed list', [1, '`a', 'bc'], list([float(1), sym('a'), str('bc')])],
  ['dictionary', { a: 1, b: 'x' }, dict(symVec(['a', 'b']), list([float(1), str('x')]))],
];

for (const [name, js, x] of PAIRS) {
  test(`node-q and wasq write the same bytes: ${name}`, () => {
    const theirs = c.serialize(js), ours = encodeMessage(x);
    assert.equal(hex(ours), hex(theirs));
    assert.ok(match(deserialize(new Uint8Array(theirs)), x), 'wasq reads node-q bytes back');
    assert.deepEqual(c.deserialize(Buffer.from(ours)), c.deserialize(theirs), 'node-q reads wasq bytes as its own');
  });
}

test('node-q reads wasq tables, keyed tables and compressed messages', () => {
  const t = table(['a', 'b'], [longVec([1, 2]), symVec(['x', 'y'])]);
  const rows = c.deserialize(Buffer.from(encodeMessage(t)), false, true);
  assert.deepEqual(rows.map((r: any) => ({ a: Number(r.a), b: r.b })), [{ a: 1, b: 'x' }, { a: 2, b: 'y' }]);
  const kt = dict(table(['k'], [symVec(['p', 'q'])]), table(['v'], [floatVec([1.5, 2.5])]));
  const pair = c.deserialize(Buffer.from(encodeMessage(kt)), false, true);
  assert.deepEqual(JSON.parse(JSON.stringify(pair)), [[{ k: 'p' }, { k: 'q' }], [{ v: 1.5 }, { v: 2.5 }]]);
  const big = compress(encodeMessage(intVec(Array.from({ length: 5000 }, (_, i) => i % 100))))!;
  assert.equal(big[2], 1);
  const back = c.deserialize(Buffer.from(big));
  assert.equal(back.length, 5000);
  assert.equal(back[4321], 21);
});

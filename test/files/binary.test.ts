// kdb+ data files, splayed tables, partitioned databases, file handles and log replay: what wasq writes
// reads back, files laid out as kdb+ lays them out read, a database written here answers the same
// queries in a fresh process, and a query reads only the partitions it needs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, readdirSync, truncateSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync, spawn } from 'node:child_process';
import { deflateSync, inflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { scratch } from '../scratch.js';
import '../../server/kernels.js';
import { Session } from '../../q/session.js';
import { loadZstd } from '../../server/zstd.js';
import { nodeHost } from '../../server/cli.js';
import { slot } from '../../q/prims/attrindex.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** A session whose file paths are under dir, with a record of the files it reads. */
function session(dir: string) {
  let out = '';
  const host = nodeHost((_fd, t) => { out += t; });
  const reads: string[] = [];
  const f = host.files!, under = (p: string) => join(dir, p);
  host.files = {
    read: p => { reads.push(p); return f.read(under(p)); },
    write: (p, d, a) => f.write(under(p), d, a),
    list: p => f.list(under(p)),
    remove: p => f.remove(under(p)),
    size: p => f.size(under(p)),
    readAt: (p, o, n) => { reads.push(`${p}@${o}`); return f.readAt!(under(p), o, n); },
    openRead: p => f.openRead!(under(p)),
    readNext: (id, n) => f.readNext!(id, n),
    closeRead: id => f.closeRead!(id),
  };
  host.readFile = () => null;
  // its paths are under dir by the files above, not by the process's current directory
  delete host.chdir;
  const s = new Session(host);
  const q = (src: string) => { out = ''; const r = s.evaluate(src); return (out + r.out).replace(/\n$/, ''); };
  return { q, reads };
}
const tmp = () => scratch('wasq-bin-');
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

test('set and get: every type of value comes back as it went', () => {
  const dir = tmp(), { q } = session(dir);
  const values = [
    '0b', '0x2a', '-5h', '7i', '42', '0N', '1.5e', '2.25', '0n', '-0w', '"c"', '`sym', '2024.01.02', '2024.01m',
    '2024.01.02D03:04:05.123456789', '0D01:02:03.000000001', '12:34:56.789', '12:34', '12:34:56', '2024.01.02T03:04:05.006',
    '"G"$"0a369037-75d3-b24d-6721-5a1d44d4bed5"',
    '0101b', '0x00ff', '1 0N 3h', '1 0N -0W 0Wi', '1 0N 0W -0W', '1.5 0n 0w -0w', '1 0n 2e', '"text"', '`a`bc`', '2024.01.02 0Nd',
    '2024.01 2024.02m', '0 1 2D00:00:01', '00:00:01 0N 23:59:59.999t', '2#"G"$"0a369037-75d3-b24d-6721-5a1d44d4bed5"',
    '`s#1 2 3', '`u#`a`b', '`p#1 1 2', '`g#3 1 3',
    '()', '(1;`a;"bc";2.5)', '(1 2;`a`b)', '`a`b!1 2', '([]a:1 2;b:`x`y;c:("s";"tt"))', '([k:`a`b]v:1.5 2.5)',
    '{x+y}', '`a`b!(1 2;"cd")',
    // (a list of symbol vectors none of which has a symbol: no col## is written, and none is needed)
    '(`symbol$();`symbol$())',
  ];
  values.forEach((v, i) => {
    q(`v${i}:${v}`);
    assert.equal(q(`\`:v${i} set v${i}`), `\`:v${i}`);
    assert.equal(q(`v${i}~get \`:v${i}`), '1b', `${v} round-trips`);
    // a non-empty general list is written as an anymap, which reads back as type 77h (releases/ChangesIn3.6)
    assert.equal(q(`$[(0h=type v${i})&0<count v${i};77h;type v${i}]~type get \`:v${i}`), '1b', `${v} type`);
  });
  assert.equal(q('`:sa set `s#1 2 3; attr get `:sa'), '`s');
  // a symbol is a C string in a file: one with a 00 byte in it ends there (the byte after was read as
  // the next object, a corrupt file)
  assert.equal(q('`:sz set `$"a\\000b"; get `:sz'), '`a');
  assert.equal(q('`:pa set `p#1 1 2; attr get `:pa'), '`p');
});

test('the bytes are kdb+\'s: a long vector maps, symbols and atoms are serialized after ff 01', () => {
  const dir = tmp(), { q } = session(dir);
  q('`:j set 1 2 3');
  // fe 20, type 7, attribute 0, four zero bytes, an 8-byte count left 0 (the items run to the end of
  // the file: kdb+ 3.6 and 4 write it so, unless an attribute's index follows), then the items
  assert.equal(hex(readFileSync(join(dir, 'j'))), 'fe20070000000000' + '0000000000000000' + '010000000000000002000000000000000300000000000000');
  q('`:s set `a`bc');
  // a symbol vector (a sym file, a .d) with 0 in its count too
  assert.equal(hex(readFileSync(join(dir, 's'))), 'ff01' + '0b00' + '00000000' + '6100' + '626300');
  q('`:x set 42');
  assert.equal(hex(readFileSync(join(dir, 'x'))), 'ff01' + 'f9' + '2a00000000000000');
  q('`:f set 1.5 0n');
  // kdb+'s float null is the NaN with the sign bit set
  assert.equal(hex(readFileSync(join(dir, 'f'))), 'fe20090000000000' + '0000000000000000' + '000000000000f83f' + '000000000000f8ff');
  // with a u#, p# or g# attribute the count is there
  q('`:u set `u#1 2 3');
  assert.equal(hex(readFileSync(join(dir, 'u')).subarray(0, 16)), 'fe20070200000000' + '0300000000000000');
});

/** The index kdb+ writes after the items of a u#, p# or g# file, from its rules (attrindex.ts's header) and
 *  the 8-byte values: made here with BigInt arithmetic, apart from the code under test. */
function kdbIndex(t: number, a: number, vals: bigint[]): string {
  const pow2 = (n: number) => { let m = 1; while (m < n) m *= 2; return m; };
  const long = (x: bigint | number) => { const b = Buffer.alloc(8); b.writeBigInt64LE(BigInt(x)); return b.toString('hex'); };
  const slots = (xs: bigint[]) => {
    const m = pow2(Math.max(xs.length, 1)), tab = new Array<number>(2 * m).fill(-1);
    xs.forEach((x, i) => {
      let s = Number((BigInt.asUintN(64, x * 0x9e3779b1n) >> 11n) % BigInt(2 * m));
      while (tab[s] !== -1) s = (s + 1) % (2 * m);
      tab[s] = i;
    });
    return long(0).repeat(m - xs.length) + long(0) + tab.map(long).join('');
  };
  if (a === 2) return slots(vals);
  const hdr = (size: number, type: number, attr: number, r: number, n: number) =>
    Buffer.from([Math.ceil(Math.log2(size)) - 4, 0, type, attr, r, 0, 0, 0]).toString('hex') + long(n);
  const firsts = vals.filter((x, i) => vals.indexOf(x) === i), groups = firsts.map(x => vals.flatMap((y, i) => y === x ? [i] : []));
  const m = pow2(Math.max(firsts.length, 1)), starts = [0];
  groups.forEach(g => starts.push(starts[starts.length - 1] + g.length));
  let out = long(0) + hdr(16 + 8 * m + 8 + 16 * m, t, 2, a === 4 ? 1 : 0, firsts.length) + firsts.map(long).join('') + slots(firsts);
  out += hdr(16 + 8 * starts.length, 7, 0, 0, starts.length) + starts.map(long).join('');
  if (a === 4) out += hdr(16 + 8 * vals.length, 7, 0, 0, vals.length) + groups.flat().map(long).join('');
  return out;
}

test('the u# hash takes every bit of the 64-bit product that a table of up to 2^30 slots needs', () => {
  // tables of over 2^21 slots (u# on a million items) use bits of the product above the low 32
  let seed = 12345n;
  const next = () => (seed = BigInt.asUintN(64, seed * 6364136223846793005n + 1442695040888963407n));
  for (let i = 0; i < 20000; i++) {
    const v = next(), bits = 1 + i % 30, lo = Number(BigInt.asIntN(32, v)), hi = Number(BigInt.asIntN(32, v >> 32n));
    const want = Number((BigInt.asUintN(64, v * 0x9e3779b1n) >> 11n) & ((1n << BigInt(bits)) - 1n));
    assert.equal(slot(lo, hi, 2 ** bits - 1), want, `${v} in 2^${bits}`);
  }
});

test('u#, p# and g# files carry the index kdb+ writes after the items, so kdb+ maps them as they are', () => {
  const dir = tmp(), { q } = session(dir);
  const file = (name: string) => readFileSync(join(dir, name));
  // longs: a u# table with collisions (1 and 9 share a slot of 8 once multiplied), and nulls and
  // infinities, whose high 32 bits take part in the hash
  const cases: [string, number, bigint[]][] = [
    ['`u#1 9 17 2 3', 2, [1n, 9n, 17n, 2n, 3n]],
    ['`u#`long$()', 2, []],
    ['`u#0N 0W -5 4294967296', 2, [-(2n ** 63n), 2n ** 63n - 1n, -5n, 2n ** 32n]],
    ['`g#2 0N 2 0W -5 2 7', 4, [2n, -(2n ** 63n), 2n, 2n ** 63n - 1n, -5n, 2n, 7n]],
    ['`p#1 1 1 5 5 3', 3, [1n, 1n, 1n, 5n, 5n, 3n]],
    ['`p#`long$()', 3, []],
    ['`u#123456789 987654321 1099511640000 -77777777777 5000000000', 2, [123456789n, 987654321n, 1099511640000n, -77777777777n, 5000000000n]],
  ];
  for (const [src, a, vals] of cases) {
    q(`\`:v set ${src}`);
    const b = file('v'), n = vals.length;
    assert.equal(hex(b.subarray(0, 16)), 'fe2007' + `0${a}` + '00000000' + Buffer.from(new BigInt64Array([BigInt(n)]).buffer).toString('hex'), src);
    assert.equal(hex(b.subarray(16 + 8 * n)), kdbIndex(7, a, vals), src);
    assert.equal(q('get[`:v]~' + src), '1b', src);
  }
  // timestamps are 8-byte integers too
  q('`:ts set `g#2020.01.01D0 2020.01.02D0 2020.01.01D0');
  assert.equal(hex(file('ts').subarray(16 + 24)), kdbIndex(12, 4, [631152000000000000n, 631238400000000000n, 631152000000000000n]));
  // an enumeration: the items from 4096, the index after them (the p# of a partition's sym column, the
  // g# kdb+ users put on a column); the count is written only with an index
  q('sym:`c`a`b; e:`sym$`a`a`c`b`b`b');
  for (const [at, a] of [['p', 3], ['g', 4], ['u', 2]] as const) {
    const src = a === 2 ? '`u#`sym$`a`c`b' : `\`${at}#e`, vals = a === 2 ? [1n, 0n, 2n] : [1n, 1n, 0n, 2n, 2n, 2n];
    q(`\`:e set ${src}`);
    const b = file('e');
    assert.equal(hex(b.subarray(4080, 4096)), `fd0014${'0' + a}00000000` + Buffer.from(new BigInt64Array([BigInt(vals.length)]).buffer).toString('hex'));
    assert.equal(hex(b.subarray(4096 + 8 * vals.length)), kdbIndex(20, a, vals), src);
    assert.equal(q(`get[\`:e]~${src}`), '1b');
  }
  q('`:e set e');
  assert.equal(hex(file('e').subarray(4080, 4096)), 'fd001400000000000000000000000000');
  assert.equal(file('e').length, 4096 + 8 * 6);
  // a null index is the long null on disk, and reads back null
  q('`:en set `sym!0N 1');
  assert.equal(hex(file('en').subarray(4096)), '0000000000000080' + '0100000000000000');
  assert.equal(q('get `:en'), '`sym$``a');
  // items of other widths: their index's layout in kdb+ 4 is not known, so such a vector is written whole
  // after ff 01 (kdb+ reads it with its attribute), not as a mappable file kdb+ would read an index past
  // the end of; a splayed table's columns too, and s# (no index) stays mappable
  q('`:pi set `p#1 1 2 2 3i');
  assert.equal(hex(file('pi').subarray(0, 10)), 'ff010603050000000100');
  assert.equal(q('(attr;::)@\\:get `:pi'), '`p\n`p#1 1 2 2 3i');
  q('t:([]a:`u#1 2 3i;b:`g#1 1 2f;c:`p#2000.01.01 2000.01.01 2000.01.02;d:`s#1 2 3i); `:t/ set t');
  assert.deepEqual(['a', 'b', 'c', 'd'].map(c => hex(file(join('t', c)).subarray(0, 4))), ['ff010602', 'ff010904', 'ff010e03', 'fe200601']);
  assert.equal(q('(t~get `:t/;exec a from meta get `:t/)'), '1b\n`u`g`p`s');
  // and a partitioned table's meta reads such a column's attribute from its head, as it does a mapped one's
  q('{(hsym `$"db/",x,"/t/") set ([]a:`p#1 1 2i;b:1 2 3)} each ("2020.01.01";"2020.01.02"); system "l db"');
  assert.equal(q('(exec a from meta t;count t;.Q.cn t)'), '``p`\n6\n3 3');
});

test('files laid out as kdb+ writes them are read: a mapped vector, a serialized object, an enumeration', () => {
  const dir = tmp(), { q } = session(dir);
  const ints = Buffer.alloc(16 + 12);
  ints.set([0xfe, 0x20, 6, 1]); ints.writeBigInt64LE(3n, 8);
  ints.writeInt32LE(-5, 16); ints.writeInt32LE(-2147483648, 20); ints.writeInt32LE(9, 24);
  writeFileSync(join(dir, 'ints'), ints);
  assert.equal(q('get `:ints'), '`s#-5 0N 9i');
  // a dictionary `a`b!1 2 as -8! would send it, behind ff 01
  writeFileSync(join(dir, 'd'), Buffer.from('ff01' + '63' + '0b0002000000610062' + '00' + '070002000000' + '0100000000000000' + '0200000000000000', 'hex'));
  assert.equal(q('get `:d'), 'a| 1\nb| 2');
  // an enumeration over `sym as kdb+ 4 writes a splayed table's column: fd 20, the domain's name from
  // byte 16, the vector header `fd 00 14 00` at 4080 with no count (the indices run to the end), long
  // indices from 4096
  const e = Buffer.alloc(4096 + 24);
  e.set([0xfd, 0x20]); e.write('sym', 16);
  e.set([0xfd, 0x00, 20, 0], 4080);
  e.writeBigInt64LE(1n, 4096); e.writeBigInt64LE(0n, 4104); e.writeBigInt64LE(1n, 4112);
  writeFileSync(join(dir, 'e'), e);
  q('sym:`ibm`msft');
  assert.equal(q('get `:e'), '`sym$`msft`ibm`msft');
  assert.equal(q('x:get `:e; (type x;value x)'), '20h\n`msft`ibm`msft');
  // (wasq wrote the name from byte 2 and the count at 4088 before: those files still read)
  const old = Buffer.alloc(4096 + 8);
  old.set([0xfd, 0x20]); old.write('sym', 2); old.set([0xfd, 0x20, 20, 0], 4080); old.writeBigInt64LE(1n, 4088); old.writeBigInt64LE(1n, 4096);
  writeFileSync(join(dir, 'e0'), old);
  assert.equal(q('x:get `:e0; (type x;value x)'), '20h\n,`msft');
  // with a g# (or u#, p#) attribute kdb+ writes the count, and the attribute's index after the items
  const g = Buffer.alloc(4096 + 16 + 40, 0xee);
  g.fill(0, 0, 4096); g.set([0xfd, 0x20]); g.write('sym', 16); g.set([0xfd, 0x00, 20, 4], 4080); g.writeBigInt64LE(2n, 4088);
  g.writeBigInt64LE(0n, 4096); g.writeBigInt64LE(1n, 4104);
  writeFileSync(join(dir, 'g'), g);
  assert.equal(q('x:get `:g; (attr x;value x)'), '`g\n`g#`ibm`msft');
  g.writeBigInt64LE(0n, 4088);   // 0 with an index after: no items
  writeFileSync(join(dir, 'g0'), g);
  assert.equal(q('count get `:g0'), '0');
  // a mapped vector and a table's .d with 0 in the count field, as kdb+ 4 has written them: the items
  // run to the end of the file
  writeFileSync(join(dir, 'j0'), Buffer.from('fe20070000000000' + '0000000000000000' + '0500000000000000' + '0600000000000000', 'hex'));
  assert.equal(q('get `:j0'), '5 6');
  writeFileSync(join(dir, 'd0'), Buffer.from('ff01' + '0b00' + '00000000' + '696400' + '6e6d00', 'hex'));
  assert.equal(q('get `:d0'), '`id`nm');
  // a nested column: col holds an 8-byte entry per row, the item's offset in col# (items from 4096) in the
  // low 7 bytes and in the top byte 1 for the compact layout (type+127, a count byte for a vector, the
  // items) or 0 for a full object (16-byte header, aligned to 16)
  const col = Buffer.alloc(4096 + 32), hash = Buffer.alloc(4096 + 0x30 + 16 + 16);
  col.set([0xfd, 0x20]); col.set([0xfd, 0x01, 77, 0], 4080);
  hash.set([0xfd, 0x20]); hash.set([0xfd, 0x00, 4, 0], 4080);
  hash.set([10 + 127, 2, 0x61, 0x62, -10 + 127, 0x63, 10 + 127, 0], 4096);          // "ab", "c", ""
  hash.set([0xfb, 0, 7, 0, 1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0], 4096 + 0x30);        // 2 longs, full
  hash.writeBigInt64LE(7n, 4096 + 0x40); hash.writeBigInt64LE(-1n, 4096 + 0x48);
  [[0, 1], [4, 1], [6, 1], [0x30, 0]].forEach(([o, c], i) => col.writeBigUInt64LE(BigInt(o) | BigInt(c) << 56n, 4096 + 8 * i));
  writeFileSync(join(dir, 'nc'), col); writeFileSync(join(dir, 'nc#'), hash);
  assert.equal(q('get `:nc'), '"ab"\n"c"\n""\n7 -1');
  assert.equal(q('type each get `:nc'), '10 -10 10 7h');
  rmSync(join(dir, 'nc#'));
  assert.match(q('get `:nc'), /^'nc#: missing/);
});

/** Blocks as each algorithm's format defines them, built here by hand (stored content only: literals),
 *  independently of the libraries wasq reads them with. */
const BLOCKS: Record<number, (part: Buffer) => Buffer> = {
  0: part => Buffer.from(part),
  // q IPC: a compressed message (header, its length, the uncompressed length counting the 8-byte header),
  // then per 8 items a flag byte of 0 (every item a literal byte) and the 8 bytes
  1: part => {
    const out: Buffer[] = [];
    for (let o = 0; o < part.length; o += 8) out.push(Buffer.from([0]), part.subarray(o, o + 8));
    const body = Buffer.concat(out), h = Buffer.alloc(12);
    h[0] = 1; h[2] = 1; h.writeUInt32LE(12 + body.length, 4); h.writeUInt32LE(8 + part.length, 8);
    return Buffer.concat([h, body]);
  },
  2: part => deflateSync(part),
  // snappy: the length as a varint, then literals of up to 64 KiB (tag 61<<2: a 2-byte length-1 follows)
  3: part => {
    const out: Buffer[] = [], v: number[] = [];
    for (let n = part.length; ; n >>>= 7) { if (n < 128) { v.push(n); break; } v.push((n & 127) | 128); }
    out.push(Buffer.from(v));
    for (let o = 0; o < part.length; o += 65536) { const c = part.subarray(o, o + 65536), h = Buffer.alloc(3); h[0] = 61 << 2; h.writeUInt16LE(c.length - 1, 1); out.push(h, c); }
    return Buffer.concat(out);
  },
  // LZ4 block: one sequence of literals only (token 15<<4, the length past 15 in 255s and a remainder)
  4: part => { const l: number[] = [0xf0]; let k = part.length - 15; for (; k >= 255; k -= 255) l.push(255); l.push(k); return Buffer.concat([Buffer.from(l), part]); },
  // zstd frame: magic, single-segment header with a 4-byte content size, one raw last block
  5: part => { const h = Buffer.alloc(12); h.writeUInt32LE(0xfd2fb528, 0); h[4] = 0xa0; h.writeUInt32LE(part.length, 5); h.writeUIntLE(1 | (part.length << 3), 9, 3); return Buffer.concat([h, part]); },
};

/** A file compressed as kdb+ compresses one: kxzipped, blocks of 128 KiB in the algorithm algs gives each
 *  (gzip by default), the trailer. Built here independently of wasq's reader. */
function kxzip(file: Buffer, algs: (b: number) => number = () => 2): Buffer {
  const lbs = 131072, blocks: Buffer[] = [], algOf: number[] = [];
  for (let o = 0, i = 0; o < file.length; o += lbs, i++) {
    const a = algs(i), part = file.subarray(o, o + lbs);
    blocks.push(BLOCKS[a](part)); algOf.push(a);
  }
  const at = 8 + blocks.reduce((n, b) => n + b.length, 0), t = Buffer.alloc(40 + 8 * blocks.length);
  t.writeUInt32LE(3, 0); t[4] = algOf[0]; t[5] = 6;
  t.writeBigUInt64LE(BigInt(file.length), 8); t.writeBigUInt64LE(BigInt(at), 16); t.writeUInt32LE(lbs, 24);
  blocks.forEach((b, i) => { t.writeUInt32LE(b.length, 32 + 8 * i); t.writeUInt32LE(algOf[i], 36 + 8 * i); });
  t.writeBigUInt64LE(BigInt(blocks.length), 32 + 8 * blocks.length);
  return Buffer.concat([Buffer.from('kxzipped'), ...blocks, t]);
}

/** An LZ4 block decoded by the format's rules (an independent reader for what wasq writes). */
function unlz4(src: Buffer, size: number): Buffer {
  const out = Buffer.alloc(size);
  let s = 0, d = 0;
  const len = (n: number) => { if (n === 15) for (let b = 255; b === 255;) { b = src[s++]; n += b; } return n; };
  while (s < src.length) {
    const tok = src[s++], lit = len(tok >> 4);
    src.copy(out, d, s, s + lit); s += lit; d += lit;
    if (s >= src.length) break;
    const off = src.readUInt16LE(s); s += 2;
    for (let m = len(tok & 15) + 4; m > 0; m--, d++) out[d] = out[d - off];
  }
  assert.equal(d, size);
  return out;
}

test('files kdb+ 3.x wrote are read: its enumerations, its nested columns, counts left behind by appends, logs with no count', () => {
  const dir = tmp(), { q } = session(dir);
  q('sym:`ibm`msft`aapl');
  // an enumeration: fe, the domain's name from byte 1, the attribute at 11, an 8-byte count at 16, int
  // indices from 24; a p# one with the attribute's index after its items
  const e = Buffer.alloc(24 + 12);
  e[0] = 0xfe; e.write('sym', 1); e.writeBigInt64LE(3n, 16);
  [2, 0, 0].forEach((k, i) => e.writeInt32LE(k, 24 + 4 * i));
  writeFileSync(join(dir, 'e'), e);
  assert.equal(q('x:get `:e; (type x;value x)'), '20h\n`aapl`ibm`ibm');
  const p = Buffer.concat([Buffer.alloc(24 + 8), Buffer.alloc(40, 0xee)]);
  p[0] = 0xfe; p.write('sym', 1); p[11] = 3; p.writeBigInt64LE(2n, 16); p.writeInt32LE(1, 24); p.writeInt32LE(1, 28);
  writeFileSync(join(dir, 'p'), p);
  assert.equal(q('x:get `:p; (attr x;value x)'), '`p\n`p#`msft`msft');
  // a nested column of strings: fe 20, type 77+10, a count, where each item ends in col#, whose bytes
  // follow one another with no header
  const n = Buffer.alloc(16 + 24);
  n.set([0xfe, 0x20, 87, 0]); n.writeBigInt64LE(3n, 8);
  [2, 2, 5].forEach((end, i) => n.writeBigInt64LE(BigInt(end), 16 + 8 * i));
  writeFileSync(join(dir, 'n'), n); writeFileSync(join(dir, 'n#'), 'abcde');
  assert.equal(q('get `:n'), '"ab"\n""\n"cde"');
  // kdb+ gives a mapped nested column the type 77+t; what is made from it is an ordinary list
  assert.equal(q('(type get `:n;type 1_get `:n;type first get `:n)'), '87 0 10h');
  assert.equal(q('count select from flip (1#`s)!enlist get `:n'), '3');
  writeFileSync(join(dir, 'n#'), 'abcd');
  assert.match(q('get `:n'), /^'n#: truncated or corrupt/);
  // a mapped vector whose count an append left behind: its items run to the end of the file, as kdb+
  // reads it (a sample table's columns had count 6 and 78 items, beside a sym column of 78)
  const v = Buffer.alloc(16 + 24);
  v.set([0xfe, 0x20, 9, 0]); v.writeBigInt64LE(1n, 8); [1.5, 2.5, 3.5].forEach((x, i) => v.writeDoubleLE(x, 16 + 8 * i));
  writeFileSync(join(dir, 'v'), v);
  assert.equal(q('get `:v'), '1.5 2.5 3.5');
  v.writeBigInt64LE(4n, 8);
  writeFileSync(join(dir, 'v4'), v);
  assert.match(q('get `:v4'), /^'v4: truncated/);
  // a log appended to through a handle keeps the count it was made with (kdb+'s tickerplant logs have
  // 0 there), and get reads every item to the end
  q('`:log set (); h:hopen `:log; h enlist (`upd;`t;1); h enlist (`upd;`t;2); hclose h');
  assert.equal(readFileSync(join(dir, 'log')).readUInt32LE(4), 0);
  assert.equal(q('get `:log'), '`upd `t 1\n`upd `t 2');
  // a count that names fewer items than follow (as wasq wrote logs before): the rest are read too
  q('`:l2 set (); .[`:l2;();,;(1;`a;2.5)]');
  const l2 = readFileSync(join(dir, 'l2')); l2.writeUInt32LE(2, 4); writeFileSync(join(dir, 'l2'), l2);
  assert.equal(q('get `:l2'), '1\n`a\n2.5');
  truncateSync(join(dir, 'l2'), statSync(join(dir, 'l2')).size - 2);
  assert.match(q('get `:l2'), /^'l2: truncated or corrupt/);
});

test('a general list kdb+ 4 lays out as col, col# and col## reads: lists, tables and symbols inside', () => {
  const dir = tmp(), { q } = session(dir);
  // col: fd 20, header `fd 01 4d 00` at 4080, an entry per item from 4096 (offset in col#, top byte a flag)
  const entry = (o: number, flag: number) => BigInt(o) | BigInt(flag) << 56n;
  const col = Buffer.alloc(4096 + 16);
  col.set([0xfd, 0x20]); col.set([0xfd, 0x01, 77, 0], 4080);
  col.writeBigUInt64LE(entry(0, 0), 4096); col.writeBigUInt64LE(entry(0xac, 1), 4104);
  // col#: from 4096, each object full (fb 00 type attr, refcount, count, items from 16) or compact (type
  // plus 127, a count byte for a vector, the items); a symbol is a 4-byte index into col##'s names
  const h = Buffer.alloc(4096 + 0xb2);
  h.set([0xfd, 0x20]); h.set([0xfd, 0x00, 4, 0], 4080);
  const at = (o: number, bytes: number[]) => h.set(bytes, 4096 + o);
  const full = (o: number, t: number, n: number) => { at(o, [0xfb, 0, t, 0, 1, 0, 0, 0]); h.writeBigInt64LE(BigInt(n), 4096 + o + 8); };
  full(0, 77, 3);                                           // (`upd;`trade;table)
  [[0x28, 1], [0x2d, 1], [0x40, 1]].forEach(([o, f], i) => h.writeBigUInt64LE(entry(o, f), 4096 + 16 + 8 * i));
  at(0x28, [127 - 11, 0, 0, 0, 0]); at(0x2d, [127 - 11, 1, 0, 0, 0]);
  full(0x40, 98, 2);                                        // a table: its column names, its columns
  h.writeBigUInt64LE(entry(0x60, 1), 4096 + 0x50); h.writeBigUInt64LE(entry(0x70, 0), 4096 + 0x58);
  at(0x60, [127 + 11, 2, 2, 0, 0, 0, 3, 0, 0, 0]);          // `sym`price
  full(0x70, 77, 2);
  h.writeBigUInt64LE(entry(0x90, 1), 4096 + 0x80); h.writeBigUInt64LE(entry(0x9a, 1), 4096 + 0x88);
  at(0x90, [127 + 11, 2, 4, 0, 0, 0, 5, 0, 0, 0]);          // `A`B
  at(0x9a, [127 + 9, 2]); h.writeDoubleLE(1.5, 4096 + 0x9c); h.writeDoubleLE(2.5, 4096 + 0xa4);
  at(0xac, [127 + 6, 1, 7, 0, 0, 0]);                       // enlist 7i
  const names = Buffer.concat([Buffer.from([0xff, 1, 11, 0, 0, 0, 0, 0]), Buffer.from('upd\0trade\0sym\0price\0A\0B\0')]);
  writeFileSync(join(dir, 'x'), col); writeFileSync(join(dir, 'x#'), h); writeFileSync(join(dir, 'x##'), names);
  assert.equal(q('x:get `:x; x~((`upd;`trade;([]sym:`A`B;price:1.5 2.5));enlist 7i)'), '1b');
  assert.equal(q('meta x[0;2]'), 'c    | t f a\n-----| -----\nsym  | s    \nprice| f    ');
  // an anymap is type 77h (releases/ChangesIn3.6); a list inside one that set wrote is an ordinary 0h
  assert.equal(q('(type x;type first x;type x,x;type x 0 1)'), '77 0 0 0h');
  // set writes a list of lists so, byte for byte (wasq's layout reproduces kdb+'s anymap samples)
  assert.equal(q('`:w set x'), '`:w');
  for (const [f, want] of [['w', col], ['w#', h], ['w##', names]] as const) assert.deepEqual(readFileSync(join(dir, f)), want, f);
  // a splayed column of symbol lists has its symbols in col##; an append through a handle rewrites it
  q('t:([]a:1 2; s:(`a`b;enlist`c)); `:t/ set t');
  assert.deepEqual(readdirSync(join(dir, 't')).sort(), ['.d', 'a', 's', 's#', 's##']);
  assert.equal(q('t~get `:t/'), '1b');
  q('h:hopen `:w; h enlist `new; hclose h');
  assert.equal(q('(count get `:w;last get `:w)'), '3\n`new');
  // an enumeration inside (kdb+ 4.0 wrote a keyed table's sym column so): 8-byte indices into col##
  const ec = Buffer.from(col.subarray(0, 4096 + 8)), eh = Buffer.alloc(4096 + 32);
  ec.writeBigUInt64LE(entry(0, 3), 4096);
  eh.set([0xfd, 0x20]); eh.set([0xfd, 0x00, 4, 0], 4080); eh.set([0xfb, 0, 20, 0, 1, 0, 0, 0], 4096); eh.writeBigInt64LE(2n, 4104);
  eh.writeBigInt64LE(5n, 4112); eh.writeBigInt64LE(-(2n ** 63n), 4120);
  writeFileSync(join(dir, 'e'), ec); writeFileSync(join(dir, 'e#'), eh); writeFileSync(join(dir, 'e##'), names);
  assert.equal(q('(enlist `B`)~get `:e'), '1b');
  // a symbol index past the names, or no col##, is an error naming the file; nothing is assigned
  writeFileSync(join(dir, 'x##'), names.subarray(0, names.length - 4));
  assert.match(q('y:get `:x'), /^'x#: truncated or corrupt/);
  rmSync(join(dir, 'x##'));
  assert.match(q('y:get `:x'), /^'x##: missing/);
  assert.equal(q('y'), "'y");
  // a list shared by several entries is read once (2^40 paths through 40 levels: quick); a list that
  // holds itself is a corrupt file, not a hang
  const levels = 40, sh = Buffer.alloc(4096 + 32 * levels + 16);
  sh.set([0xfd, 0x20]); sh.set([0xfd, 0x00, 4, 0], 4080);
  for (let i = 0; i <= levels; i++) {
    sh.set([0xfb, 0, 77, 0, 1, 0, 0, 0], 4096 + 32 * i); sh.writeBigInt64LE(i < levels ? 2n : 0n, 4096 + 32 * i + 8);
    if (i < levels) for (const j of [0, 1]) sh.writeBigUInt64LE(entry(32 * (i + 1), 0), 4096 + 32 * i + 16 + 8 * j);
  }
  const one = Buffer.from(col.subarray(0, 4096 + 8)); one.writeBigUInt64LE(entry(0, 0), 4096);
  writeFileSync(join(dir, 's'), one); writeFileSync(join(dir, 's#'), sh);
  assert.equal(q('count first get `:s'), '2');
  sh.writeBigUInt64LE(entry(0, 0), 4096 + 32 * 5 + 16);   // level 5 holds the root
  writeFileSync(join(dir, 's#'), sh);
  assert.match(q('get `:s'), /^'s#: truncated or corrupt/);
  // \l of a directory loads an anymap as one global (its companions are not files of their own)
  q('`:ld/l set (`a`b;"xy"); `:ld/m set 1 2');
  q('\\l ld');
  assert.equal(q('((`a`b;"xy");1 2)~(l;m)'), '1b');
});

test('a table on disk by name: qSQL reads it and writes update and delete back, upsert and xasc amend it, \\l maps it', () => {
  const dir = tmp(), { q } = session(dir);
  q('`:data/tsplay/ set ([] c1:`sym?`a`b; c2:1.1 2.2)');
  // named without its trailing slash, a splayed table is still written back splayed (ref/upsert)
  assert.equal(q('`:data/tsplay upsert (`sym?`c; 3.3)'), '`:data/tsplay');
  assert.equal(q('select from `:data/tsplay where c2>2'), 'c1 c2 \n------\nb  2.2\nc  3.3');
  assert.equal(q('exec c2 from `:data/tsplay/'), '1.1 2.2 3.3');
  // update and delete by name amend the table on disk and return its name (basics/qsql)
  assert.equal(q('update c2:0f from `:data/tsplay where c1=`a'), '`:data/tsplay');
  assert.equal(q('delete from `:data/tsplay/ where c1=`b'), '`:data/tsplay/');
  assert.equal(q('get `:data/tsplay/'), 'c1 c2 \n------\na  0  \nc  3.3');
  assert.deepEqual(readdirSync(join(dir, 'data/tsplay')).sort(), ['.d', 'c1', 'c2']);
  q('`:data/tser set ([] c1:`a`b; c2:1.1 2.2)');
  assert.equal(q('update c2:2*c2 from `:data/tser'), '`:data/tser');
  assert.equal(q('exec c2 from `:data/tser'), '2.2 4.4');
  assert.match(q('select from `:nope'), /^'nope\. OS reports/);
  // xasc sorts the table on disk (ref/asc); \l of its directory maps it as a global named as it, and
  // \l of a data file reads it so (basics/syscmds)
  q('t:([]b:`s`g`a`s`a;c:30 10 43 13 24;g:til 5); `:dat/t/ set .Q.en[`:dat]t');
  assert.equal(q('`c xasc `:dat/t'), '`:dat/t');
  assert.equal(q('t`c'), '30 10 43 13 24');
  assert.equal(q('\\l dat/t'), '`t');
  assert.equal(q('t`c'), '`s#10 13 24 30 43');
  q('dist:1 2 3; save `dist; dist:0');
  assert.equal(q('\\l dist'), '`dist');
  assert.equal(q('dist'), '1 2 3');
  // a data file cut short is an error naming it, not a script; a script without a suffix is a script
  writeFileSync(join(dir, 'cut'), Buffer.from([0xff, 1, 0x62]));
  assert.match(q('\\l cut'), /^'cut: truncated or corrupt kdb\+ data file/);
});

test('compressed files (kxzipped, gzip or stored blocks) read as the files they hold', () => {
  const dir = tmp(), { q } = session(dir);
  q('x:til 40000; `:x set x; t:([]a:til 3; s:("ab";"c";"")); `:t/ set t');
  // 320016 bytes: three blocks, the second stored
  writeFileSync(join(dir, 'xz'), kxzip(readFileSync(join(dir, 'x')), i => i === 1 ? 0 : 2));
  assert.equal(q('x~get `:xz'), '1b');
  for (const f of ['a', 's', 's#', '.d']) writeFileSync(join(dir, 't', f), kxzip(readFileSync(join(dir, 't', f))));
  assert.equal(q('t~get `:t/'), '1b');
  const bad = kxzip(readFileSync(join(dir, 'x')));
  bad.writeUInt32LE(99, bad.length - 8 - 8 * 3 + 4);   // an algorithm kdb+ does not have
  writeFileSync(join(dir, 'xbad'), bad);
  assert.match(q('y:get `:xbad'), /^'xbad: nyi: compression algorithm 99/);
  // q IPC, snappy, LZ4 and zstd blocks, and three algorithms in one file
  for (const a of [1, 3, 4, 5]) { writeFileSync(join(dir, 'x' + a), kxzip(readFileSync(join(dir, 'x')), () => a)); assert.equal(q(`x~get \`:x${a}`), '1b', `algorithm ${a}`); }
  writeFileSync(join(dir, 'xmix'), kxzip(readFileSync(join(dir, 'x')), i => [5, 3, 4][i]));
  assert.equal(q('x~get `:xmix'), '1b');
  const short = kxzip(readFileSync(join(dir, 'x')), () => 4);
  // the last block one byte short (its trailer entry and the trailer's place moved to match)
  const nb = 3, at = short.length - 40 - 8 * nb, cut = Buffer.concat([short.subarray(0, at - 1), short.subarray(at)]);
  cut.writeBigUInt64LE(BigInt(at - 1), at - 1 + 16); cut.writeUInt32LE(short.readUInt32LE(at + 32 + 16) - 1, at - 1 + 32 + 16);
  writeFileSync(join(dir, 'xshort'), cut);
  assert.match(q('y:get `:xshort'), /^'xshort: corrupt compressed kdb\+ file/);
  writeFileSync(join(dir, 'xcut'), kxzip(readFileSync(join(dir, 'x'))).subarray(0, 300));
  assert.match(q('y:get `:xcut'), /^'xcut: corrupt compressed kdb\+ file/);
  assert.equal(q('y'), "'y");
  // read1, read0 and 0: read the bytes a compressed file holds, their offsets the uncompressed ones (ref/read1)
  writeFileSync(join(dir, 'txt'), kxzip(Buffer.from('ab,1\ncd,2\nef,3\n'), i => i === 0 ? 2 : 0));
  assert.equal(q('"c"$read1 `:txt'), '"ab,1\\ncd,2\\nef,3\\n"');
  assert.equal(q('"c"$read1 (`:txt;5;4)'), '"cd,2"');
  assert.equal(q('read0 (`:txt;10)'), '"ef,3"');
  assert.equal(q('("SJ";",") 0: `:txt'), 'ab cd ef\n1  2  3 ');
  assert.equal(q('(hcount `:txt;count read1 `:xz;(read1 `:xz)~read1 `:x)'), '15\n320016\n1b');
  // a range inflates only the blocks it covers (.Q.fs reads a big file a chunk at a time): a range in the
  // first two blocks reads although the third is corrupt, and one that reaches the third names the file
  const lines = Buffer.from(Array.from({ length: 40000 }, (_, i) => `${i},${i % 7}\n`).join(''));
  writeFileSync(join(dir, 'lines'), lines);
  const broken = kxzip(lines), at3 = broken.length - 40 - 8 * 3, b2 = broken.readUInt32LE(at3 + 32) + broken.readUInt32LE(at3 + 40);
  broken.fill(0xff, 8 + b2, 8 + b2 + 16);
  writeFileSync(join(dir, 'linesz'), broken);
  writeFileSync(join(dir, 'linesok'), kxzip(lines));
  assert.equal(q('all {(read1 (`:lines;x;y))~read1 (`:linesz;x;y)}\'[0 100 131000 131071 131072 5;5 200000 100 2 131072 262139]'), '1b');
  assert.match(q('read1 (`:linesz;262100;100)'), /^'linesz: /);
  assert.equal(q('(read1 (`:lines;262100;100))~read1 (`:linesok;262100;100)'), '1b');
  assert.equal(q('(count read1 (`:linesok;count[read1`:lines]-3;10);read1 (`:linesok;count read1`:lines;10))'), '3\n`byte$()');
  assert.equal(q('c:0; .Q.fs[{c+:sum "J"$last each "," vs/: x}]`:linesok; c'), String(Array.from({ length: 40000 }, (_, i) => i % 7).reduce((a, b) => a + b)));
});

test('set writes compressed files (left argument or .z.zd) that -21! describes and node:zlib reads', () => {
  const dir = tmp(), { q } = session(dir);
  q('x:asc 300000?100');
  assert.equal(q('(`:zx;17;2;6) set x'), '`:zx');
  assert.equal(q('x~get `:zx'), '1b');
  assert.equal(q('-21!`:zx'), `compressedLength  | ${statSync(join(dir, 'zx')).size}\nuncompressedLength| 2400016\nalgorithm         | 2i\nlogicalBlockSize  | 17i\nzipLevel          | 6i`);
  assert.equal(q('hcount `:zx'), '2400016');
  assert.equal(q('-21!`:nowhere'), "'nowhere. OS reports: No such file or directory");
  q('`:x set x');
  assert.equal(q('count -21!`:x'), '0');
  // the blocks are zlib streams a reader other than wasq's inflates to the file set writes uncompressed
  const z = readFileSync(join(dir, 'zx')), nb = Number(z.readBigUInt64LE(z.length - 8)), at = z.length - 40 - 8 * nb;
  assert.equal(nb, Math.ceil(2400016 / 131072));
  let o = 8; const parts: Buffer[] = [];
  for (let i = 0; i < nb; i++) { const n = z.readUInt32LE(at + 32 + 8 * i); parts.push(z.readUInt32LE(at + 36 + 8 * i) === 2 ? inflateSync(z.subarray(o, o + n)) : z.subarray(o, o + n)); o += n; }
  assert.deepEqual(Buffer.concat(parts), readFileSync(join(dir, 'x')));
  // .z.zd: every file set writes without an extension, a splayed table's columns and their companions too
  q('.z.zd:17 2 9; t:([]a:til 5000; s:5000#("ab";"cde"))');
  q('`:zt/ set t; `:zt.csv 0: csv 0: 2#t');
  for (const f of ['a', 's', 's#']) assert.equal(readFileSync(join(dir, 'zt', f)).subarray(0, 8).toString(), 'kxzipped', f);
  // but not .d: a name with a '.' in it stays uncompressed under .z.zd (kdb+'s tables splayed so keep .d plain)
  assert.equal(readFileSync(join(dir, 'zt', '.d')).subarray(0, 2).toString('hex'), 'ff01');
  // nor the sym file .Q.en keeps
  q('`:zq/ set .Q.en[`:.;([]s:`a`b`c)]');
  assert.equal(readFileSync(join(dir, 'sym')).subarray(0, 2).toString('hex'), 'ff01');
  assert.equal(readFileSync(join(dir, 'zq', 's')).subarray(0, 8).toString(), 'kxzipped');
  // a dictionary by column name, in set's left argument or as .z.zd; ` for the columns it does not name
  q('t2:([]a:til 5000; b:til 5000; s:5000#("ab";"cde"))');
  const algs = (d: string) => q(`{(-21!\`$":${d}/",x)\`algorithm} each ("a";"b";"s";"s#")`);
  assert.equal(q('(`:zd1/;``a!(17 4 5;17 3 0)) set t2'), '`:zd1/');
  assert.equal(algs('zd1'), '3 4 4 4i');
  q('.z.zd:`b`!(17 2 6;17 0 0); `:zd2/ set t2');
  assert.equal(q('count each -21!/:`:zd2/a`:zd2/b`:zd2/s'), '0 5 0');
  assert.equal(q('(t2~get`:zd1/;t2~get`:zd2/)'), '11b');
  assert.match(q('(`:zd3/;(1#`a)!enlist 1 2) set t2'), /^'type/);
  assert.match(q('(`:zd3;(1#`a)!enlist 17 2 6) set 1 2'), /^'type/);
  assert.equal(readFileSync(join(dir, 'zt.csv'), 'utf8').slice(0, 4), 'a,s\n');
  assert.equal(q('t~get `:zt/'), '1b');
  q('\\x .z.zd');
  q('`:zt/ set t');
  assert.equal(readFileSync(join(dir, 'zt', 'a')).subarray(0, 2).toString('hex'), 'fe20');
  // q IPC, snappy and lz4hc are written too (the LZ4 blocks read back by the format's rules, not by the library)
  for (const [a, l] of [[1, 0], [3, 0], [4, 5]]) {
    assert.equal(q(`(\`:z${a};17;${a};${l}) set x`), `\`:z${a}`);
    assert.equal(q(`x~get \`:z${a}`), '1b', `algorithm ${a}`);
    assert.equal(q(`(-21!\`:z${a})\`algorithm`), `${a}i`);
  }
  const z4 = readFileSync(join(dir, 'z4')), n4 = Number(z4.readBigUInt64LE(z4.length - 8)), at4 = z4.length - 40 - 8 * n4, l4: Buffer[] = [];
  for (let i = 0, o4 = 8; i < n4; i++) { const n = z4.readUInt32LE(at4 + 32 + 8 * i), size = Math.min(131072, 2400016 - 131072 * i); l4.push(z4.readUInt32LE(at4 + 36 + 8 * i) === 4 ? unlz4(z4.subarray(o4, o4 + n), size) : z4.subarray(o4, o4 + n)); o4 += n; }
  assert.deepEqual(Buffer.concat(l4), readFileSync(join(dir, 'x')));
  assert.match(q('(`:zy;17;5;1) set x'), /^'zy: nyi: compression algorithm 5 \(zstd\)/);
  // -19! compresses a file (a nested column's companions with it), or writes a compressed one out plain;
  // it gives the percentage of the bytes saved
  q('s:-19!(`:x;`:x19;17;2;6)');
  assert.equal(q('(x~get`:x19;(-21!`:x19)`algorithm;s=100*1-(-21!`:x19)[`compressedLength]%2400016)'), '1b\n2i\n1b');
  q('`:n19 set ("ab";"cde")');
  q('-19!(`:n19;`:zn19;17;1;0)');
  assert.equal(q('(("ab";"cde")~get`:zn19;(-21!`$":zn19#")`algorithm)'), '1b\n1i');
  assert.equal(q('-19!(`:x19;`:x20;17;0;0)'), '0f');
  assert.equal(q('(count -21!`:x20;x~get`:x20)'), '0\n1b');
  assert.match(q('-19!(`:nothere;`:x21;17;2;6)'), /^'nothere. OS reports/);
  assert.match(q('(`:zy;17;3;1) set x'), /^'zy: bad zipLevel \(snappy: 0 to 0\)/);
  assert.match(q('(`:zy;17;1;2) set x'), /^'zy: bad zipLevel \(q IPC: 0 to 0\)/);
  assert.match(q('(`:zy;30;2;6) set x'), /^'zy: bad logicalBlockSize/);
  // a compressed partition's columns tell meta their attribute and count from the first block
  q('.z.zd:17 2 6; tq:([]sym:`b`a`b`c;v:til 4); .Q.dpft[`:zdb;2020.01.01;`sym;`tq]; .Q.dpft[`:zdb;2020.01.02;`sym;`tq]; .z.zd:0#0');
  assert.equal(readFileSync(join(dir, 'zdb', '2020.01.02', 'tq', 'sym')).subarray(0, 8).toString(), 'kxzipped');
  assert.equal(q('system "l zdb"; (exec a from meta tq;.Q.cn tq;count tq)'), '``p`\n4 4\n8');
});

test('a column of strings is splayed as kdb+ lays it out (col and col#) and read back', () => {
  const dir = tmp(), { q } = session(dir);
  q('t:([]id:1 2 3 4; s:("ab";"c";"";160#"a string long enough to go in full, aligned. "); n:(1 2;enlist 3;3#0N;`long$()))');
  assert.equal(q('`:db/t/ set t'), '`:db/t/');
  assert.deepEqual(readdirSync(join(dir, 'db/t')).sort(), ['.d', 'id', 'n', 'n#', 's', 's#']);
  const s = readFileSync(join(dir, 'db/t/s')), h = readFileSync(join(dir, 'db/t/s#'));
  // the count left 0, as kdb+ leaves it (the entries run to the end of the file)
  assert.equal(hex(s.subarray(4080, 4096)), 'fd014d00000000000000000000000000');
  // offsets 0, 4 ("c" is a char atom), 6 compact; the long string full at 16
  assert.equal(hex(s.subarray(4096)), '0000000000000001' + '0400000000000001' + '0600000000000001' + '1000000000000000');
  assert.equal(hex(h.subarray(4096, 4096 + 8)), '89026162' + '7563' + '8900');
  assert.equal(hex(h.subarray(4096 + 16, 4096 + 32)), 'fb000a0001000000a000000000000000');
  assert.equal(q('(get `:db/t/)~t'), '1b');
  // meta looks at a nested column's first item only, as kdb+'s does ("c" is an atom)
  assert.equal(q('exec t from meta get `:db/t/'), '"jCJ"');
  assert.equal(q('(exec s from get `:db/t/)~t`s'), '1b');
  // a vector with an attribute is full, its flag the attribute, the attribute's index after its items
  // (as kdb+'s p# enumeration in an anymap has it); where that index is not known (ints), the list is
  // written whole after ff 01
  q('`:db/a set (`p#1 1 2;0)');
  const a = readFileSync(join(dir, 'db/a')), ah = readFileSync(join(dir, 'db/a#'));
  assert.equal(hex(a.subarray(4096, 4104)), '0000000000000003');
  assert.equal(hex(ah.subarray(4096, 4096 + 16)), 'fb000703010000000300000000000000');
  assert.ok(ah.length > 4096 + 16 + 24 + 2, 'the p# index follows the items');
  q('x:get `:db/a');
  assert.equal(q('(attr first x;x~(`p#1 1 2;0))'), '`p\n1b');
  q('`:db/b set (`u#1 2i;0)');
  assert.equal(hex(readFileSync(join(dir, 'db/b')).subarray(0, 2)), 'ff01');
  assert.equal(q('attr first get `:db/b'), '`u');
  // ten longs (80 bytes) compact, twenty (160) full, as kdb+'s samples have them
  q('`:db/v set (10#7;20#7)');
  const v = readFileSync(join(dir, 'db/v')), vh = readFileSync(join(dir, 'db/v#'));
  assert.equal(hex(v.subarray(4096)), '0000000000000001' + '6000000000000000');
  assert.equal(hex(vh.subarray(4096, 4098)), '860a');
});

test('splayed tables: .Q.en keeps the sym file, .d names the columns, upsert appends', () => {
  const dir = tmp(), { q } = session(dir);
  q('t:([]sym:`ibm`msft`ibm;px:1.5 2.5 3.5;n:1 2 3)');
  assert.equal(q('`:db/t/ set t'), "'type", 'a symbol column must be enumerated first');
  assert.equal(q('`:db/t/ set .Q.en[`:db] t'), '`:db/t/');
  assert.deepEqual(readdirSync(join(dir, 'db/t')).sort(), ['.d', 'n', 'px', 'sym']);
  assert.equal(q('get `:db/t/.d'), '`sym`px`n');
  assert.equal(q('get `:db/sym'), '`ibm`msft');
  assert.equal(q('(get `:db/t/)~update sym:`sym$sym from t'), '1b');
  q('`:db/t/ upsert .Q.en[`:db] ([]sym:`goog`ibm;px:4 5f;n:4 5)');
  assert.equal(q('get `:db/sym'), '`ibm`msft`goog');
  assert.equal(q('select from get `:db/t/ where n>2'), 'sym  px  n\n----------\nibm  3.5 3\ngoog 4   4\nibm  5   5');
  assert.equal(q('rload `:db/t'), '`t');
  assert.equal(q('count t'), '5');
  // `:file?syms (ref/enum-extend): the file's symbols become the global named as the file, extended and
  // written back; the enumeration's domain is that global
  q('bar:`c`d');
  assert.equal(q('`:bar?`a`b`c`b'), '`bar$`a`b`c`b');
  assert.equal(q('(bar;get `:bar)'), 'a b c\na b c');
  assert.equal(q('`:db/sym?`ibm`new'), '`sym$`ibm`new');
  assert.equal(q('(sym~get `:db/sym;sym)'), '1b\n`ibm`msft`goog`new');
});

test('a partitioned database written with .Q.dpft answers the same queries in a fresh process', () => {
  const dir = tmp(), { q } = session(dir);
  const days = ['2007.07.23', '2007.07.24', '2007.07.25'];
  q('mem:()');
  q('mk:{([]sym:x?`ibm`msft`goog;time:09:30:00.000+til x;price:x?100f;size:x?1000)}');
  for (const d of days) {
    q('trade:mk 500');
    assert.equal(q(`.Q.dpft[\`:db;${d};\`sym;\`trade]`), '`trade');
    q(`mem,:\`date xcols update date:${d} from \`sym xasc trade`);
  }
  assert.equal(q('attr get[`:db/2007.07.24/trade/]`sym'), '`p');
  const queries = [
    'select from T where date=2007.07.24',
    'select sum size, avg price by sym from T where date within 2007.07.24 2007.07.25',
    'count T',
    'exec max price from T where date=2007.07.23, sym=`ibm',
    'select count i by date from T',
    'select from T where date=2007.07.26',
  ];
  const expected = queries.map(s => q(s.replace(/\bT\b/g, 'mem')));
  const script = ['\\l db', 'date', ...queries.map(s => s.replace(/\bT\b/g, 'trade'))].join('\n') + '\n';
  const r = spawnSync(process.execPath, [join(root, 'bin/wasq.mjs')], { cwd: dir, input: script, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), [days.join(' '), ...expected].join('\n'));
  // `wasq db` loads the database as `q db` does
  const r2 = spawnSync(process.execPath, [join(root, 'bin/wasq.mjs'), 'db'], { cwd: dir, input: 'count trade\n', encoding: 'utf8' });
  assert.equal(r2.stdout.trim(), '1500');
});

test('a query reads only the partitions its where clause keeps', () => {
  const dir = tmp(), { q, reads } = session(dir);
  for (const d of ['2020.01.01', '2020.01.02', '2020.01.03']) {
    q(`trade:([]sym:\`a\`b;px:1 2f)`);
    q(`.Q.dpft[\`:hdb;${d};\`sym;\`trade]`);
  }
  q('\\l hdb');
  reads.length = 0;
  assert.equal(q('select px from trade where date=2020.01.02'), 'px\n--\n1 \n2 ');
  assert.ok(reads.length > 0);
  assert.deepEqual(reads.filter(p => !p.includes('2020.01.02')), [], 'only the kept partition is read');
  // and of it only the columns the query names (with the column list)
  assert.deepEqual(reads.filter(p => !/\/(px(@\d+)?|\.d)$/.test(p)), [], 'only px is read');
  reads.length = 0;
  assert.equal(q('select count i by date from trade'), 'date      | x\n----------| -\n2020.01.01| 2\n2020.01.02| 2\n2020.01.03| 2');
  assert.deepEqual(reads.filter(p => !/\/(sym@0|\.d)$/.test(p)), [], 'the heads of one column read, for the row counts: no items');
  assert.equal(q('select last sym by px from trade where px>1'), 'px| sym\n--| ---\n2 | b  ');
  assert.equal(q('select from trade where date=2020.01.03'), 'date       sym px\n-----------------\n2020.01.03 a   1 \n2020.01.03 b   2 ');
  reads.length = 0;
  assert.equal(q('count select from trade where date within 2020.01.02 2020.01.03'), '4');
  assert.deepEqual(reads.filter(p => p.includes('2020.01.01')), []);
  // count, .Q.cn and meta read the heads of the column files (their first 4096 bytes), not the items
  reads.length = 0;
  assert.equal(q('count trade'), '6');
  assert.equal(q('.Q.cn trade'), '2 2 2');
  assert.equal(q('.Q.pn'), 'trade| 2 2 2');
  assert.equal(q('exec t from meta trade'), '"dsf"');
  assert.ok(reads.length > 0);
  assert.deepEqual(reads.filter(p => !p.endsWith('@0')), [], 'only heads are read');
  assert.equal(q('exec px from trade'), '1 2 1 2 1 2f');
  assert.equal(q('exec sym from trade'), '`sym$`a`b`a`b`a`b');
  assert.equal(q('.Q.cn 1 2'), "'type");
  assert.equal(q('.Q.pf'), '`date');
  assert.equal(q('.Q.pt'), ',`trade');
  assert.equal(q('tables[]'), ',`trade');
  assert.equal(q('.Q.par[`:hdb;2020.01.02;`trade]'), '`:hdb/2020.01.02/trade');
  // a partitioned table stays on disk: update, delete and amends by name are kdb+'s 'par, and leave it be;
  // a query's rows are a table in memory like any other
  for (const e of ['update x:1 from trade', 'delete from trade where date=2020.01.01', 'update x:1 from `trade', '`trade insert (2020.01.04;`a;1f)', '`px xasc `trade', '![trade;();0b;enlist[`x]!enlist 1]'])
    assert.equal(q(e), "'par", e);
  assert.equal(q('count trade'), '6');
  assert.equal(q('exec x from update x:px*2 from select from trade where date=2020.01.01'), '2 4f');
});

test('.Q.ind reads rows by their number across partitions, only from the partitions that hold them; .Q.chk fills missing tables; meta shows the last partition\'s attributes', () => {
  const dir = tmp(), { q, reads } = session(dir);
  q('t:([]sym:`a`b`a;p:1 2 3f)'); q('.Q.dpft[`:db;2020.01.01;`sym;`t]');
  q('t:([]sym:`c`b;p:4 5f)'); q('.Q.dpft[`:db;2020.01.02;`sym;`t]');
  q('u:([]sym:`x`y;z:1 2)'); q('.Q.dpft[`:db;2020.01.02;`sym;`u]');
  // newest first: what each partition lacked, and got
  assert.equal(q('.Q.chk[`:db]'), '()\n,`:db/2020.01.01');
  assert.equal(q('.Q.chk[`:db]'), '()\n()');
  q('\\l db');
  assert.equal(q('select from u'), 'date       sym z\n----------------\n2020.01.02 x   1\n2020.01.02 y   2');
  assert.equal(q('exec a from meta t'), '``p`');
  reads.length = 0;
  assert.equal(q('.Q.ind[t;4 0]'), 'date       sym p\n----------------\n2020.01.02 c   4\n2020.01.01 a   1');
  assert.equal(q('.Q.ind[t;0 2]'), 'date       sym p\n----------------\n2020.01.01 a   1\n2020.01.01 b   2');
  assert.deepEqual(reads.filter(p => p.includes('2020.01.02/t/p') && !p.includes('@')), ['db/2020.01.02/t/p'], 'a partition is read when a row is wanted from it');
  assert.equal(q('.Q.ind[t;5]'), "'index");
  assert.equal(q('.Q.u'), '1b');
});

test('a segmented database (par.txt) spreads its partitions over segments; a fresh process loads them all', () => {
  const dir = tmp(), { q, reads } = session(dir);
  q('mem:()');
  const days = ['2021.03.01', '2021.03.02', '2021.03.03', '2021.03.04'];
  days.forEach((d, i) => {
    q(`trade:([]sym:${i + 2}?\`a\`b\`c;px:${i + 2}?10f)`);
    // .Q.dpft enumerates against db/sym, which the segments' partitions share
    q(`.Q.dpft[\`:db;${d};\`sym;\`trade]`);
    q(`mem,:update date:${d} from \`sym xasc trade`);
  });
  // move the partitions into two segments, round-robin as .Q.par places them, and list them in par.txt
  q('`:db/par.txt 0: ("../s1";"../s2")');
  for (const d of days) {
    const seg = q(`.Q.par[\`:db;${d};\`trade]`).includes('s1') ? 's1' : 's2';
    spawnSync('mkdir', ['-p', join(dir, seg)]);
    spawnSync('mv', [join(dir, 'db', d), join(dir, seg, d)]);
  }
  assert.deepEqual(readdirSync(join(dir, 'db')).sort(), ['par.txt', 'sym']);
  q('\\l db');
  assert.equal(q('date'), days.join(' '));
  assert.equal(q('count .Q.P'), '2');
  assert.equal(q('(asc raze .Q.D)~asc date'), '1b');
  // (the partitions' sym column is enumerated, mem's is not: compare what the console shows)
  assert.equal(q('select from trade'), q('`date xcols mem'));
  reads.length = 0;
  assert.equal(q('select from trade where date=2021.03.02'), q('`date xcols select from mem where date=2021.03.02'));
  assert.deepEqual(reads.filter(p => /2021\.03\.0[134]/.test(p)), [], 'only the kept partition is read');
  const r = spawnSync(process.execPath, [join(root, 'bin/wasq.mjs'), 'db'], { cwd: dir, input: 'count trade\nexec sum px from trade where date=2021.03.04\n', encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), ['14', q('exec sum px from mem where date=2021.03.04')].join('\n'));
  // a segment that is not there is an error naming it
  q('`:db/par.txt 0: ("../s1";"../s9")');
  assert.match(q('\\l db'), /s9: missing segment/);
});

test('.Q.fs and .Q.fsn apply a function to runs of complete lines and return the file size', () => {
  const dir = tmp(), { q, reads } = session(dir);
  q('t:([]s:1000?`a`b`c;p:1000?100f;n:1000?1000)');
  q('`:t.csv 0: csv 0: t');
  q('r:0#t; k:0');
  for (const size of [100, 777, 131000]) {
    q('r:0#t; k:0');
    assert.equal(q(`.Q.fsn[{k+:1; \`r insert ("SFJ";",")0:x where not x like "s,p,n"};\`:t.csv;${size}]`), q('hcount `:t.csv'));
    assert.equal(q('r~("SFJ";enlist",")0:`:t.csv'), '1b', `chunks of ${size}`);
    assert.equal(q('k>1'), size < 131000 ? '1b' : '0b');
  }
  assert.equal(q('n:0; .Q.fs[{n+:count x}]`:t.csv; n'), '1001');
  // each chunk reads only its own bytes, not the whole file again
  reads.length = 0;
  q('.Q.fsn[{x};`:t.csv;777]');
  assert.ok(reads.length > 3);
  assert.deepEqual(reads.filter(r => !r.includes('@')), [], 'no whole-file reads');
  // lines end in LF or CRLF, as read0 reads them (ref/read0): a Windows file's lines lose their \r
  writeFileSync(join(dir, 'w.csv'), Array.from({ length: 500 }, (_, i) => `${i},${2 * i}`).join('\r\n') + '\r\n');
  for (const size of [64, 131000]) {
    q('w:()');
    q(`.Q.fsn[{w,:x};\`:w.csv;${size}]`);
    assert.equal(q('(w~read0 `:w.csv),(first w)~"0,0"'), '11b', `CRLF chunks of ${size}`);
  }
});

test('a `:fifo:// handle reads a named pipe (or a file) from its start, a read at a time (kb/named-pipes)', async () => {
  const dir = tmp(), { q } = session(dir);
  writeFileSync(join(dir, 'f.txt'), 'hello world\n');
  q('h:hopen `:fifo://f.txt');
  assert.equal(q('"c"$read1 (h;5)'), '"hello"');
  assert.equal(q('read0 (h;6)'), '" world"');
  assert.equal(q('a:read1 h; b:read1 h; (a;b)'), ',0x0a\n`byte$()');
  q('hclose h');
  assert.equal(q('read1 (h;1)'), "'type");
  assert.match(q('hopen `:fifo://nope'), /nope\. OS reports: No such file/);
  // a real pipe, its writer another process
  assert.equal(spawnSync('mkfifo', [join(dir, 'ff')]).status, 0);
  const writer = spawn('sh', ['-c', `printf 'a,1\\nb,2\\n' > '${join(dir, 'ff')}'`]);
  q('p:hopen `:fifo://ff');
  assert.equal(q('"c"$raze {read1 p} each til 2'), '"a,1\\nb,2\\n"');
  q('hclose p');
  await new Promise(r => writer.on('exit', r));
  // kb/named-pipes: a compressed CSV streamed through a pipe by a job system leaves running, read by
  // .Q.fps a run of complete lines at a time
  writeFileSync(join(dir, 't.csv'), 'MSFT,12:01:10.000,A,O,300,55.60\nAPPL,12:01:20.000,B,O,500,67.70\nIBM,12:01:20.100,A,O,100,61.11\n');
  assert.equal(spawnSync('gzip', ['-f', join(dir, 't.csv')]).status, 0);
  q(`system"rm -f ${dir}/fifo && mkfifo ${dir}/fifo"`);
  q('trade:flip `sym`time`ex`cond`size`price!"STCCFF"$\\:()');
  q(`system"gunzip -cf ${dir}/t.csv.gz > ${dir}/fifo &"`);
  q('.Q.fps[{`trade insert ("STCCFF";",")0:x}]`:fifo');
  assert.equal(q('trade'), 'sym  time         ex cond size price\n------------------------------------\nMSFT 12:01:10.000 A  O    300  55.6 \nAPPL 12:01:20.000 B  O    500  67.7 \nIBM  12:01:20.100 A  O    100  61.11');
});

test('file handles append text, bytes and log items; -11! replays the log', () => {
  const dir = tmp(), { q } = session(dir);
  // the reference example for h x and neg[h] x on a file
  q('h:hopen `:tmp.txt');
  q('h "quick brown fox"');
  q('neg[h] ("quick";"brown";"fox")');
  q('hclose h');
  assert.equal(q('read0 `:tmp.txt'), '"quick brown foxquick"\n"brown"\n"fox"');
  // a log: set (), then items appended through a handle and by amend
  q('`:log set ()');
  q('h:hopen `:log');
  q('h enlist (`f;`a;10)');
  q('h enlist (`f;`b;20)');
  q('hclose h');
  q('.[`:log;();,;enlist (`f;`c;30)]');
  q('f:{`seen set seen,enlist (x;y)}; seen:()');
  assert.equal(q('-11!`:log'), '3');
  assert.equal(q('seen'), '`a 10\n`b 20\n`c 30');
  assert.equal(q('-11!(-2;`:log)'), '3');
  assert.equal(q('seen:(); -11!(2;`:log)'), '2');
  assert.equal(q('count seen'), '2');
  assert.equal(q('count get `:log'), '3');
  // a torn last chunk: the good ones run, then 'badtail; -2 tells how far the log is good
  const size = statSync(join(dir, 'log')).size;
  truncateSync(join(dir, 'log'), size - 3);
  assert.equal(q('seen:(); -11!`:log'), "'badtail");
  assert.equal(q('count seen'), '2');
  // (the valid chunks and where they end, a line each as kb/logging shows them)
  assert.match(q('-11!(-2;`:log)'), /^2\n\d+$/);
  assert.equal(q('(first -11!(-2;`:log);type -11!(-2;`:log))'), '2\n0h');
});

test('bad files: a truncated or foreign file, a missing one or a missing partition names the path and changes nothing', () => {
  const dir = tmp(), { q } = session(dir);
  q('x:1 2 3; `:good set 10 20 30');
  const good = readFileSync(join(dir, 'good'));
  writeFileSync(join(dir, 'short'), good.subarray(0, good.length - 4));
  writeFileSync(join(dir, 'text'), 'a,b\n1,2\n');
  assert.match(q('x:get `:short'), /^'short: truncated/);
  // (a file that is no kdb+ data file is a type error, as ref/get and ref/load say)
  assert.equal(q('x:get `:text'), "'type");
  assert.match(q('x:get `:nowhere'), /^'nowhere/);
  assert.equal(q('x'), '1 2 3');
  for (const d of ['2021.01.01', '2021.01.02']) { q('t:([]a:1 2)'); q(`.Q.dpft[\`:p;${d};\`;\`t]`); }
  q('\\l p');
  spawnSync('rm', ['-r', join(dir, 'p/2021.01.01/t')]);
  assert.match(q('select from t where date=2021.01.01'), /^'p\/2021.01.01\/t: missing partition/);
  assert.equal(q('select from t where date=2021.01.02'), 'date       a\n------------\n2021.01.02 1\n2021.01.02 2');
});

test('.Q.bv makes the tables of every partition partitioned tables; a partition that lacks one has no rows of it', () => {
  const dir = tmp();
  {
    const { q } = session(dir);
    q('trade:([]sym:`a`b;px:1 2f)'); q('quote:([]sym:`a`a`b;bid:1 2 3f)');
    q('.Q.dpft[`:hdb;2020.01.01;`sym;`trade]'); q('.Q.dpft[`:hdb;2020.01.01;`sym;`quote]');
    q('.Q.dpft[`:hdb;2020.01.02;`sym;`trade]');
  }
  const { q } = session(dir);
  q('\\l hdb');
  // the last partition has no quote: kdb+ maps only the tables of the last partition
  assert.equal(q('tables[]'), ',`trade');
  assert.equal(q('.Q.bv[]'), '');
  assert.equal(q('tables[]'), '`quote`trade');
  assert.equal(q('count quote'), '3');
  assert.equal(q('select count i by date from quote'), 'date      | x\n----------| -\n2020.01.01| 3');
  assert.equal(q('count select from quote where date=2020.01.02'), '0');
  assert.equal(q('exec sym from quote'), '`sym$`a`a`b');
  assert.equal(q('key .Q.vp'), ',`quote');
  assert.equal(q('count trade'), '4');
});

test('.Q.dsftg loads fixed-width binary records in chunks of .Q.M rows into a partition, post-processed', () => {
  const dir = tmp(), { q } = session(dir);
  // a 19-byte header, then 5 records: price (int, 1e-4), size (int), exchange (char), 3 bytes of padding
  const b = Buffer.alloc(19 + 5 * 12);
  b.write('HEADERHEADERHEADER!', 0);
  for (let i = 0; i < 5; i++) { const o = 19 + i * 12; b.writeInt32LE(1000000 + i * 10000, o); b.writeInt32LE(100 * (i + 1), o + 4); b.write('NYQAB'[i], o + 8); }
  writeFileSync(join(dir, 'src'), b);
  q('.Q.M:2');
  assert.equal(q('.Q.dsftg[(`:db;2000.10.02;`trade);(`:src;19;0);`price`size`ex;("iic ";4 4 1 3);{update price%1e4 from x}]'), '5');
  assert.equal(q('get `:db/2000.10.02/trade/'), 'price size ex\n-------------\n100   100  N \n101   200  Y \n102   300  Q \n103   400  A \n104   500  B ');
  // a length of 0 or less stops that many bytes before the end: 4 more records, appended
  assert.equal(q('.Q.dsftg[(`:db;2000.10.02;`trade);(`:src;19;-12);`price`size`ex;("iic ";4 4 1 3);{update price%1e4 from x}]'), '4');
  // rows of another type than the columns' are refused, as upsert refuses them
  assert.match(q('.Q.dsftg[(`:db;2000.10.02;`trade);(`:src;19;-12);`price`size`ex;("iic ";4 4 1 3);::]'), /^'type/);
  assert.equal(q('exec ex from get `:db/2000.10.02/trade/'), '"NYQABNYQA"');
});

test('partitioned tables belong to the session that mapped them', () => {
  const dir = tmp(), a = session(dir), b = session(dir);
  a.q('trade:([]sym:`a`b;px:1 2f)'); a.q('.Q.dpft[`:hdb;2020.01.01;`sym;`trade]'); a.q('delete trade from `.');
  a.q('\\l hdb');
  assert.equal(a.q('tables[]'), ',`trade');
  assert.equal(b.q('tables[]'), '`symbol$()');
  assert.equal(b.q('.Q.bv[]'), "'.Q.bv: no partitioned database loaded");
});

test('@[`:dir;`name;f] amends the file dir/name on its own: a column of a splayed table, its .d', () => {
  const dir = tmp();
  try {
    const { q, reads } = session(dir);
    q('`:db/t/ set ([]a:1 2 3;b:4 5 6f)');
    assert.equal(q('@[`:db/t;`.d;,;`c]'), '`:db/t');
    assert.equal(q('get `:db/t/.d'), '`a`b`c');
    q('`:db/t/c set 7 8 9');
    reads.length = 0;
    assert.equal(q('@[`:db/t;`b;2*]'), '`:db/t');
    assert.deepEqual(reads.filter(p => !p.includes('@')), ['db/t/b'], 'only the column amended is read');
    assert.equal(q('@[`:db/t;`a`c;neg]'), '`:db/t');
    assert.equal(q('get `:db/t'), 'a  b  c \n--------\n-1 8  -7\n-2 10 -8\n-3 12 -9');
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('an append keeps a file\'s compression, and each splayed column\'s', () => {
  const dir = tmp();
  try {
    const { q } = session(dir);
    q('(`:z;17;2;6) set 100000?10');
    q('`:z upsert 100000?10');
    assert.equal(q('(-21!`:z)`algorithm`logicalBlockSize`zipLevel'), '2 17 6i');
    assert.equal(q('count get `:z'), '200000');
    q('(`:db/t/;16;2;5) set ([]a:til 1000;b:1000?1f)');
    q('`:db/t/ upsert ([]a:til 10;b:10?1f)');
    assert.equal(q('(-21!`:db/t/b)`algorithm`logicalBlockSize`zipLevel'), '2 16 5i');
    assert.equal(q('count get `:db/t'), '1010');
    // set replaces: no compression unless asked
    q('`:z set 1 2 3');
    assert.equal(q('count -21!`:z'), '0');
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('a table \\l maps is shown as kdb+ shows a mapped one; flip of names!`:dir/ or !`name maps it (ref/flip-splayed)', () => {
  const run = (dir: string, lines: string[]) => spawnSync('node', [join(root, 'bin/wasq.mjs'), '-q'], { cwd: dir, input: lines.join('\n') + '\n', encoding: 'utf8' }).stdout.trimEnd().split('\n');
  const splayed = scratch('wasq-flip-');
  assert.deepEqual(run(splayed, ['`:db/t/ set ([]a:1 2)', '\\l db', '.Q.s1 t', 'enlist[`a]!`:./t/', 'flip enlist[`a]!`:./t/', '.Q.s1 select from t',
    'flip enlist[`a]!`:./s/', 'select from flip enlist[`a]!`:./s/', '.Q.qp t']),
    ['`:db/t/', '"+(,`a)!`:./t/"', '(,`a)!`:./t/', 'a', '-', '1', '2', '"+(,`a)!,1 2"', '+(,`a)!`:./s/', "'./s/a. OS reports: No such file or directory", '0b']);
  const parted = scratch('wasq-flip-');
  assert.deepEqual(run(parted, ['`:db/2001.01.01/t/ set ([]a:1 2)', '`:db/2001.01.02/t/ set ([]a:3 4)', '\\l db', '.Q.s1 t', 'flip enlist[`a]!`t', 'select[1] from flip enlist[`a]!`t', 'flip enlist[`a]!`s', 'select from flip enlist[`a]!`s', '.Q.qp t', '.Q.qp select from t']),
    ['`:db/2001.01.01/t/', '`:db/2001.01.02/t/', '"+(,`a)!`t"', 'date       a', '------------', '2001.01.01 1', '2001.01.01 2', '2001.01.02 3', '2001.01.02 4', "'nyi", '+(,`a)!`s', "'s", '1b', '0']);
});

test('zstd (algorithm 5) is written once its encoder has loaded, at levels -7 to 22, and read back by another decoder', async () => {
  assert.equal(await loadZstd(), true);
  const dir = scratch('wasq-zstd-');
  const { q } = session(dir);
  q('x:til 300000; y:300000?`3');
  for (const l of [-7, 1, 19]) {
    assert.equal(q(`(\`:z;17;5;${l}) set x`), '`:z');
    // read back through fzstd, a decoder independent of the reference library that wrote the blocks
    assert.equal(q('x~get `:z'), '1b', `level ${l}`);
    assert.equal(q('(-21!`:z)`algorithm`zipLevel'), `5 ${l}i`);
  }
  assert.ok(statSync(join(dir, 'z')).size < 2400016 / 4);
  // a splayed table through .z.zd, and an append that keeps the compression
  q('.z.zd:17 5 3; `:t/ set ([]a:x;b:`sym?y)');
  assert.equal(q('(-21!`:t/a)`algorithm'), '5i');
  q('`:t/ upsert ([]a:1 2;b:`sym?`abc`def); .z.zd:()');
  assert.equal(q('(count get`:t/a;(-21!`:t/a)`algorithm)'), '300002\n5i');
  assert.match(q('(`:zz;17;5;23) set x'), /^'zz: bad zipLevel \(zstd: -7 to 22\)/);
});

test('.Q.view limits every query of a partitioned table to the partitions it lists; .Q.view[] lifts it; .Q.pn is cleared', () => {
  const dir = tmp(), { q, reads } = session(dir);
  q('t:([]sym:`a`b`a;p:1 2 3f)');
  q('.Q.dpft[`:db;;`sym;`t] each 2020.01.01+til 3');
  q('\\l db');
  assert.equal(q('.Q.pn'), 't| ');
  assert.equal(q('.Q.cn t'), '3 3 3');
  assert.equal(q('.Q.pn'), 't| 3 3 3');
  assert.equal(q('.Q.view 2020.01.02 2020.01.03'), '');
  assert.equal(q('(date;.Q.pv;.Q.PV)'), '2020.01.02 2020.01.03\n2020.01.02 2020.01.03\n2020.01.01 2020.01.02 2020.01.03');
  assert.equal(q('.Q.pn'), 't| ');
  reads.length = 0;
  assert.equal(q('exec count i from t'), '6');
  assert.equal(q('select count i by date from t where date within 2020.01.01 2020.01.02'), 'date      | x\n----------| -\n2020.01.02| 3');
  assert.ok(!reads.some(p => p.includes('2020.01.01')), 'a partition out of view is not read');
  // bad filters change nothing
  assert.equal(q('.Q.view 2021.01.01'), "'invalid partition filter");
  assert.equal(q('.Q.view 1 2'), "'type");
  assert.equal(q('count t'), '6');
  q('.Q.view[]');
  assert.equal(q('count t'), '9');
  assert.equal(q('date'), '2020.01.01 2020.01.02 2020.01.03');
});

test('.Q.dpt/.Q.dpts save unsorted, .Q.dpfts sorted with p#, against the sym file named; .Q.ens enumerates against a domain; .Q.li adds partitions', () => {
  const dir = tmp(), { q } = session(dir);
  q('t:([]sym:`b`a`b;p:1 2 3f)');
  assert.equal(q('.Q.dpt[`:db;2020.01.01;`t]'), '`t');
  assert.equal(q('.Q.dpts[`:db;2020.01.02;`t;`mysym]'), '`t');
  assert.equal(q('.Q.dpfts[`:db;2020.01.03;`sym;`t;`mysym]'), '`t');
  assert.equal(q('get `:db/2020.01.01/t/sym'), '`sym$`b`a`b');
  assert.equal(q('get `:db/2020.01.02/t/sym'), '`mysym$`b`a`b');
  assert.equal(q('get `:db/2020.01.03/t/sym'), '`p#`mysym$`p#`a`b`b');
  assert.equal(q('get `:db/2020.01.03/t/p'), '2 1 3f');
  assert.equal(q('get `:db/mysym'), '`b`a');
  assert.equal(q('.Q.ens[`:db2;([]a:`x`y;b:1 2);`dom]'), 'a b\n---\nx 1\ny 2');
  assert.equal(q('(dom;get `:db2/dom;type exec a from .Q.ens[`:db2;([]a:`y`z);`dom])'), '`x`y`z\n`x`y`z\n20h');
  // .Q.li: of the partitions asked for, those on disk and not yet in the database join it
  q('`:hdb/2001.01.01/t/ set .Q.en[`:hdb] t');
  q('\\l hdb');
  q('`:hdb/2001.01.02/t/`:hdb/2001.01.03/t/ set\\: .Q.en[`:hdb] t');
  assert.equal(q('date'), ',2001.01.01');
  q('.Q.li 2001.01.02');
  assert.equal(q('date'), '2001.01.01 2001.01.02');
  q('.Q.li 2001.01.02 2001.01.03 2001.01.09');
  assert.equal(q('select count i by date from t'), 'date      | x\n----------| -\n2001.01.01| 3\n2001.01.02| 3\n2001.01.03| 3');
  assert.equal(q('.Q.li 1 2'), "'type");
});

test('.Q.hdpf saves every root table to a partition and empties it; a namespace amended by name sets its members', () => {
  const dir = tmp(), { q } = session(dir);
  q('trade:([]sym:`b`a`b;p:1 2 3f); quote:([]sym:`a`c;bid:1 2f)');
  // no HDB listens on the port: the tables are saved and emptied all the same
  assert.equal(q('.Q.hdpf[`::1;`:hdb;2020.01.01;`sym]'), '');
  assert.equal(q('(count trade;count quote;cols trade)'), '0\n0\n`sym`p');
  assert.equal(q('get `:hdb/2020.01.01/trade/sym'), '`p#`sym$`p#`a`b`b');
  assert.equal(q('get `:hdb/2020.01.01/quote/bid'), '1 2f');
  q('v:1 2 3; .ns.x:1');
  assert.equal(q('@[`.;`v;2*]'), '`.');
  assert.equal(q('v'), '2 4 6');
  assert.equal(q('@[`.ns;`y;:;5]'), '`.ns');
  assert.equal(q('(.ns.x;.ns.y)'), '1 5');
});

test('deleting a column of a splayed table \\l mapped is \'splay, by name or by value (kb/splayed-tables); its rows can go', () => {
  const dir = tmp(), { q } = session(dir);
  q('`:db/trade/ set .Q.en[`:db] ([]a:1 2;volume:3 4;sym:`x`y); system "l db"');
  assert.match(q('delete volume from `trade'), /^'splay/);
  assert.match(q('trade: delete volume from trade'), /^'splay/);
  assert.equal(q('cols trade'), '`a`volume`sym');
  assert.equal(q('cols delete volume from select from trade'), '`a`sym');
  assert.equal(q('delete from `trade where a=1; exec a from trade'), ',2');
});

test('.Q.l takes a plain symbol, .Q.en[::;t] enumerates against sym with no file, .Q.t has 20 as s (ref/dotq)', () => {
  const dir = tmp(), { q } = session(dir);
  q('`:db/2020.01.01/t/ set ([]a:1 2)');
  q('.Q.l`db');
  assert.equal(q('exec a from t'), '1 2');
  q('t1:([]a:`a`b`c;b:1 2 3)');
  assert.equal(q('exec a from .Q.en[::;t1]'), "`sym$`a`b`c");
  assert.equal(q('sym'), "`a`b`c");
  assert.deepEqual(readdirSync(dir).filter(f => f === 'sym'), []);
  assert.equal(q('(.Q.t 20;count .Q.t)'), '"s"\n21');
});

test('a file handle appends text and bytes as they are, a byte atom as one byte, whatever the file holds', () => {
  const dir = tmp(), { q } = session(dir);
  q('`:f.dat 1: 0x0102; h:hopen `:f.dat; h 0x25; h 0x2627; h "a"; hclose h');
  assert.equal(q('read1 `:f.dat'), '0x010225262761');
});

test('a link column of a partitioned table follows its own partition\'s rows of the table linked to (kb/linking-columns)', () => {
  const dir = tmp(), { q } = session(dir);
  q('t1:([] id:101 102 103; v:1.1 2.2 3.3); t2:([] t1link:`t1!t1[`id]?103 101 101 102; n:10 20 30 40)');
  q('`:db/2019.01.01/t1/ set t1; `:db/2019.01.01/t2/ set t2');
  q('t1:([] id:104 105; v:4.4 5.5); t2:([] t1link:`t1!t1[`id]?105 104 104; n:50 60 70)');
  q('`:db/2019.01.02/t1/ set t1; `:db/2019.01.02/t2/ set t2; delete t1, t2 from `.; system "l db"');
  assert.equal(q('exec t1link.v from t2 where date within 2019.01.01 2019.01.02'), '3.3 1.1 1.1 2.2 5.5 4.4 4.4');
  assert.equal(q('exec t1link.id from t2 where date=2019.01.02'), '105 104 104');
  assert.equal(q('exec f from meta t2 where c=`t1link'), ',`t1');
});

test('dbmaint.q\'s and csvguess.q\'s file idioms: get of a path as a symbol vector, .[dir;();,;t] appends, @[`:new;…] makes the directory (ref/get, ref/upsert)', () => {
  const dir = tmp(), { q } = session(dir);
  q('`:tb/ set ([]a:1 2;b:3 4)');
  // a file named as a symbol vector, its directory first (dbmaint's allcols: get tabledir,`.d)
  assert.equal(q('get `:tb`.d'), '`a`b');
  assert.equal(q('get `:tb`a'), '1 2');
  // .[x;();,;y] is upsert: a splayed table's directory is appended to (csvguess's BULKSAVE)
  assert.equal(q('.[`:tb/;();,;([]a:5 6;b:7 8)]'), '`:tb/');
  assert.equal(q('.[`:tb;();,;([]a:enlist 9;b:enlist 9)]'), '`:tb');
  assert.equal(q('exec a from get `:tb/'), '1 2 5 6 9');
  // a directory not there yet is made (dbmaint's addtable: @[`:db/d/t;`;:;0#t]); a column file in it
  assert.equal(q('@[`:nd;`;:;([]a:1 2)]'), '`:nd');
  assert.equal(q('exec a from get `:nd/'), '1 2');
  assert.equal(q('@[`:nd2;`b;:;1 2 3]'), '`:nd2');
  assert.equal(q('get `:nd2/b'), '1 2 3');
  assert.deepEqual(readdirSync(join(dir, 'nd2')), ['b']);
});

test('a partitioned table\'s where clauses run in each partition, and i counts from each one\'s start (basics/qsql)', () => {
  const dir = tmp(), { q } = session(dir);
  q('{.Q.dd[`:hp;x,`t`] set .Q.en[`:hp] ([]s:`a`b`a`c`a;v:1 5 3 9 2)} each 2020.01.01 2020.01.02');
  q('\\l hp');
  assert.equal(q('exec i from t where s=`a'), '0 2 4 0 2 4');
  assert.equal(q('count select from t where i<2'), '4');
  assert.equal(q('exec date from t where v=max v'), '2020.01.01 2020.01.02');
  assert.equal(q('exec i from t where date=2020.01.02,i>2'), '3 4');
  assert.equal(q('exec max v from t'), '9');
});

test('a file symbol applied indexes the file; .[`:f;();,;v] makes a file not there yet (nano, wp/intraday-writedown)', () => {
  const dir = tmp(), { q } = session(dir);
  q('`:vv set 10 20 30');
  assert.equal(q('`:vv 1'), '20');
  q('`:tt/ set ([]a:1 2;b:3 4)');
  assert.equal(q('`:tt `b'), '3 4');
  assert.equal(q('.[`:nf;();,;1 2 3]'), '`:nf');
  q('.[`:nf;();,;4 5]');
  assert.equal(q('get `:nf'), '1 2 3 4 5');
});

test('a handle to a vector file appends items of its type (KX nano: a file set as 0#v, appended through hopen)', () => {
  const dir = tmp(), { q } = session(dir);
  q('`:f1 set 10 20 30; h:hopen `:f1');
  q('h 42'); q('h 43 44');
  assert.match(q('h 1.5'), /^'type/);
  q('hclose h');
  assert.equal(q('get `:f1'), '10 20 30 42 43 44');
  q('`:f2 set `long$(); h2:hopen `:f2; h2 7; hclose h2');
  assert.equal(q('get `:f2'), ',7');
});

test('columns read in place: compressed ones still unzipped, enumerations narrowed, partitions joined; the same through the command line (hunt: AdvKDB end-of-day HDBs)', () => {
  const dir = tmp(), { q } = session(dir);
  q('(`:db/2020.01.01/t/;17;2;6) set ([]x:til 100000)');
  q('`:db/2020.01.02/t/ set ([]x:100000+til 5)');
  q('(`:big;17;2;6) set til 100000');
  q('`:plain set 1 0N 3');
  const script = ['sum get `:big', 'get `:plain', '\\l db', 'select sum x from t', 'exec x from t where i<3',
    'u:([]s:`a`b`c`a;v:1 2 3 4.);`:p/2020.01.01/u/ set .Q.en[`:p] u;`:p/2020.01.02/u/ set .Q.en[`:p] 2#u;`:p/2020.01.03/u/ set .Q.en[`:p] 0#u', '\\l p', 'exec s from u', 'select sum v by s from u', 'select count i by date from u'];
  const want = ['4999950000', '1 0N 3', 'x         \n----------\n5000450010', '0 1 2 100000 100001 100002', '`sym$`a`b`c`a`a`b', 's| v\n-| -\na| 6\nb| 4\nc| 3',
    'date      | x\n----------| -\n2020.01.01| 4\n2020.01.02| 2'];
  // in the session (its host reads into buffers of its own) and through bin/wasq.mjs (straight into vector memory)
  const inSession = script.map(l => q(l)).filter(r => r !== '' && !r.startsWith('`:'));
  const cli = spawnSync(process.execPath, ['--stack-size=3800', join(root, 'bin/wasq.mjs')], { cwd: dir, input: script.join('\n') + '\n', encoding: 'utf8' });
  assert.deepEqual(inSession, want);
  assert.equal(cli.stdout.trim().split('\n').filter(l => !l.startsWith('`:')).join('\n'), want.join('\n'));
});

test('.[`:db;`t`;:;t] writes the splayed table db/t/ and .[`:db;`t`] reads it, as .Q.chk\'s code does (egor7/q); 0:: and 1:: read files', () => {
  const dir = tmp(), { q } = session(dir);
  assert.equal(q('.[`:db;`t`;:;([]a:1 2)]'), '`:db');
  assert.equal(q('key `:db/t'), '`s#`.d`a');
  assert.equal(q('0#.[`:db;`t`]'), 'a\n-');
  assert.equal(q('exec a from .[`:db;`t`]'), '1 2');
  q('`:f set `a`b!1 2; .[`:f;enlist`a;:;5]');
  assert.equal(q('get `:f'), 'a| 5\nb| 2');
  q('`:t.txt 0: ("ab";"cd")');
  assert.equal(q('(0::)`:t.txt'), '"ab"\n"cd"');
  assert.equal(q('count 1::`:t.txt'), '6');
});

test('a lambda\'s local table shadows a partitioned table of the same name in its queries (demo-data-gen rebuilds after loading a database)', () => {
  const dir = tmp(), { q } = session(dir);
  q('`:sh/2026.01.01/t/ set ([]a:10 20 30)');
  q('\\l sh');
  assert.equal(q('{t:([]a:1 2); exec a from t}[]'), '1 2');
  assert.equal(q('{[t] select from t where a>1}([]a:1 2)'), 'a\n-\n2');
  assert.equal(q('{exec a from t}[]'), '10 20 30');
});

test('a select grouped by the partition column runs partition by partition and gives what the same query gives in memory', () => {
  const dir = tmp(), { q } = session(dir);
  q('{.Q.dd[`:hp;x,`t`] set .Q.en[`:hp] ([]s:`a`b`a`c`a`b;v:1 5 3 9 2 7.;w:6?10)} each 2020.01.01 2020.01.02 2020.01.03');
  q('\\l hp');
  q('m:select from t');
  for (const query of ['select max w,sum v,n:count i by date from T', 'select max w by s,date from T where s in `a`b',
    'select avg v by date,s from T where date within 2020.01.02 2020.01.03', 'select last v by date from T where v>4', 'select by date from T', 'select count i by date from T where date=2020.01.02'])
    assert.equal(q(`(${query.replace('T', 't')})~${query.replace('T', 'm')}`), '1b', query);
});

test('a select of aggregates grouped by other columns reduces each partition\'s partial aggregates and gives what the same query gives in memory', () => {
  const dir = tmp(), { q } = session(dir);
  q('{.Q.dd[`:hr;x,`t`] set .Q.en[`:hr] ([]s:`a`b`a`c`a`b;v:1.5 0n 3 9 0n 7;w:6 2 0N 4 1 3;x:6?10i)} each 2020.01.01 2020.01.02 2020.01.03');
  q('\\l hr');
  q('m:select from t');
  for (const query of ['select max w,sum w,n:count i,mn:min v,f:first w,l:last v,c:count v by s from T',
    'select avg v,avg w,avg x,wsum[w;v],wavg[x;w] by s from T where w>1', 'select count i by w from T where s=`a',
    'select sum x by s,w from T where date within 2020.01.02 2020.01.03', 'select sum v by s from T where v>100'])
    assert.equal(q(`(${query.replace('T', 't')})~${query.replace('T', 'm')}`), '1b', query);
  // a column that does not combine runs over the whole table as before
  assert.equal(q('(select med v by s from t)~select med v by s from m'), '1b');
});

test('@[`:dir/;names;:;values] writes each name its own value, as amend pairs a selection with its values (qtips .util.splay)', () => {
  const dir = tmp(), { q } = session(dir);
  q('@[`:d/;`a`b;:;(`x`y;1 2)]');
  assert.equal(q('-3!(get `:d/a;get `:d/b)'), '"(`x`y;1 2)"');
  q('y:([]c:1 2;e:3 4); @[`:s/;`.d,c;:;enlist[c],y c:cols y]');
  assert.equal(q('get `:s/'), 'c e\n---\n1 3\n2 4');
  assert.match(q('@[`:d/;`a`b;:;(1;2;3)]'), /^'length/);
});

test('get of a splayed directory is the table mapped from it: .Q.qp is 0b, as for one \\l maps (kdb-common\'s .type.isSplayedTable)', () => {
  const dir = tmp(), { q } = session(dir);
  q('`:db2/C/ set ([]a:1 2 3)');
  assert.equal(q('.Q.qp get `:db2/C/'), '0b');
  assert.equal(q('.Q.qp select from get `:db2/C/'), '0');
  assert.equal(q('exec a from get `:db2/C/'), '1 2 3');
});

test('ref/set-attribute: only sorted survives an append to a file or a splayed table on disk; in memory u stays', () => {
  const dir = tmp(), { q } = session(dir);
  q('`:au set `u#1 2 3; .[`:au;();,;4 5]; `:ag set `g#`a`b; .[`:ag;();,;`c]; `:as set `s#1 2 3; .[`:as;();,;4 5]');
  assert.equal(q('attr each get each `:au`:ag`:as'), '```s');
  assert.equal(q('get `:au'), '1 2 3 4 5');
  q('`:st/ set ([]b:`u#4 5 6;c:`s#7 8 9); `:st/ upsert ([]b:7 8;c:10 11)');
  assert.equal(q('exec a from meta get `:st/'), '``s');
  assert.equal(q('x:`u#1 2 3; x,:4; attr x'), '`u');
});

test('.Q.V of a partitioned table is its last partition\'s columns, with the partition field\'s whole range (ref/dotq)', () => {
  const dir = tmp(), { q } = session(dir);
  q('t:([]sym:`a`b;num:1 2); .Q.dpft[`:hdb;2020.01.01;`sym;`t]; t:([]sym:`a`b`c;num:3 4 5); .Q.dpft[`:hdb;2020.01.02;`sym;`t]');
  q('\\l hdb');
  assert.equal(q('count each .Q.V t'), 'date| 2\nsym | 3\nnum | 3');
  assert.equal(q('(.Q.V t)`num'), '3 4 5');
  assert.equal(q('.Q.V ([]a:1 2)'), 'a| 1 2');
});

test('get of a folder of files is their values by name, as load makes it (ref/get: "a file or folder")', () => {
  const dir = tmp(), { q } = session(dir);
  q('`:cb/p set ([]p:1 2); `:cb/s set 3 4; `:cb/sub/x set 5');
  assert.equal(q('key get `:cb'), '`p`s`sub');
  assert.equal(q('(get `:cb)`s'), '3 4');
  assert.equal(q('(get `:cb)[`sub;`x]'), '5');
  assert.equal(q('(get `:cb)~value `:cb'), '1b');
});

test('a splayed table read without its sym list shows its symbol column as bare enumerations, its values once the list is loaded (kb/splayed-tables)', () => {
  const dir = tmp(), { q } = session(dir);
  q('tr:([]sym:`a`b;p:1 2); `:dir/tr/ set .Q.en[`:dir] tr; delete sym from `.; x:get `:dir/tr');
  assert.equal(q('x'), 'sym p\n-----\n0   1\n1   2');
  assert.equal(q('exec t from meta x'), '"sj"');
  q('load `:dir/sym');
  assert.equal(q('x'), 'sym p\n-----\na   1\nb   2');
});

test('.Q.en enumerates a column of symbol lists too (kb/splayed-tables: since 3.4), its symbols added to sym and its file', () => {
  const dir = tmp(), { q } = session(dir);
  q('r:.Q.en[`:db3;([]x:`q`a;y:(`r`s;`t`a))]');
  assert.equal(q('type each r`y'), '20 20h');
  assert.equal(q('sym'), '`q`a`r`s`t');
  assert.equal(q('get `:db3/sym'), '`q`a`r`s`t');
  assert.equal(q('exec t from meta r'), '"sS"');
  assert.equal(q('(r`y)~`sym$(`r`s;`t`a)'), '1b');
});

test('a partition in two segments of par.txt is one group when a query groups by the partition field (database/segment: aggregations are handled correctly)', () => {
  const dir = tmp(), { q } = session(dir);
  q('t:([]v:1 2 3); .Q.dpft[`:s1;2010.05.28;`;`t]; .Q.dpft[`:s1;2010.05.29;`;`t]; t:([]v:10 20); .Q.dpft[`:s2;2010.05.28;`;`t]');
  q('`:sdb/par.txt 0: ("../s1";"../s2")');
  q('\\l sdb');
  assert.equal(q('select sum v by date from t'), 'date      | v \n----------| --\n2010.05.28| 36\n2010.05.29| 6 ');
  assert.equal(q('exec v from select avg v by date from t'), '7.2 2');
  assert.equal(q('select v by date from t'), 'date      | v          \n----------| -----------\n2010.05.28| 1 2 3 10 20\n2010.05.29| 1 2 3      ');
});

test('kb/file-compression: lz4hc takes a level above 16, which behaves as 16; other algorithms keep their ranges', () => {
  const dir = tmp(), { q } = session(dir);
  assert.equal(q('(`:lz;17;4;17) set til 10'), '`:lz');
  assert.equal(q('get `:lz'), '0 1 2 3 4 5 6 7 8 9');
  assert.match(q('(`:z;17;2;10) set til 10'), /^'z: bad zipLevel/);
});

test('partitions named by four digits are years (.Q.pf `year, an int column year); numbers of other lengths among them make all ints', () => {
  const dir = tmp(), { q } = session(dir);
  for (const y of [2019, 2020]) q(`t:([]sym:\`b\`a;px:1 2f);.Q.dpft[\`:ydb;${y};\`sym;\`t]`);
  q('\\l ydb');
  assert.equal(q('.Q.pf'), '`year');
  assert.equal(q('select from t where year=2020'), 'year sym px\n-----------\n2020 a   2 \n2020 b   1 ');
  assert.equal(q('exec t from meta t'), '"isf"');
  assert.equal(q('.Q.PV'), '2019 2020i');
  for (const p of [7, 2020]) q(`t:([]sym:\`b\`a;px:1 2f);.Q.dpft[\`:idb;${p};\`sym;\`t]`);
  q('\\l idb');
  assert.equal(q('.Q.pf'), '`int');
  assert.equal(q('select count i by int from t'), 'int | x\n----| -\n7   | 2\n2020| 2');
});

test('(tgt;lbs;alg;lvl) set `:src converts a saved file to a compressed one (wp/compress), in place too; a compressed sym file is read but not extended (wp/symfiles)', () => {
  const dir = tmp(), { q } = session(dir);
  q('`:a set til 10');
  assert.equal(q('(`:b;17;2;6) set `:a'), '`:b');
  assert.equal(q('(get`:b;(-21!`:b)`algorithm)'), '0 1 2 3 4 5 6 7 8 9\n2i');
  assert.equal(readFileSync(join(dir, 'b')).subarray(0, 8).toString(), 'kxzipped');
  assert.match(q('(`:c;17;2;6) set `:nothere'), /^'nothere. OS reports/);
  q('t:([]col1:`AAPL`IBM`GE`GOOG;col2:til 4)');
  q('`:db/t/ set .Q.en[`:db] t');
  assert.equal(q('set[(`:db/sym;17;2;6);`:db/sym]'), '`:db/sym');
  assert.equal(q('(get `:db/sym;(-21!`:db/sym)`algorithm)'), '`AAPL`IBM`GE`GOOG\n2i');
  // symbols the domain has already enumerate; a new one would extend the file, which is refused, and the
  // domain stays as the file has it
  assert.equal(q('`:db/u/ set .Q.en[`:db] ([]a:`GE`IBM)'), '`:db/u/');
  assert.equal(q('`:db/ set .Q.en[`:db] ([]col1:`FB`MSFT;col2:1 2)'), "'no append to zipped enums: db/sym");
  assert.equal(q('sym'), '`AAPL`IBM`GE`GOOG');
  assert.equal(q('sym~get `:db/sym'), '1b');
});

test('a link into a partitioned table is followed from a partitioned table only: from one in memory it is \'par (kb/linking-columns, since 4.1t 2022.04.15)', () => {
  const dir = tmp(), { q } = session(dir);
  q('.Q.dd[`:db1;`2022.01.01`ecfmapping`] set .Q.en[`:db1] ([]firmName:enlist "DUMMY")');
  q('\\l db1');
  assert.match(q('select ecfmap.firmName from ([id:1 2];ecfmap:`ecfmapping!1 1)'), /^'par/);
  assert.equal(q('count select from ([id:1 2];ecfmap:`ecfmapping!1 1)'), '2');
});

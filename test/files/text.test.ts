// 0: in its reading and writing forms, against the results the kdb+ reference gives for its examples,
// plus the loader's own promises: exact floats, errors that name file and line, a large round trip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { scratch } from '../scratch.js';
import '../../server/kernels.js';
import { Session } from '../../q/session.js';
import { nodeHost } from '../../server/cli.js';
import { float, loadDelimited, memorySource } from '../../q/prims/csv.js';
import type { Q, Vec } from '../../q/value/value.js';

function session() {
  let out = '';
  const s = new Session(nodeHost((_fd, t) => { out += t; }));
  return (src: string) => { out = ''; const r = s.evaluate(src); return (out + r.out).replace(/\n$/, ''); };
}
const dir = () => scratch('wasq-text-');

test('Load CSV: the reference examples', () => {
  const q = session();
  assert.equal(q('("DT";",")0:"20130315,185540686"'), '2013.03.15\n18:55:40.686');
  assert.equal(q('("I*";",";1)0:("0,\\"ab\\nc\\"";"1,\\"def\\"")'), '0       1    \n"ab\\nc" "def"');
  const d = dir();
  writeFileSync(join(d, 'data.csv'), '0,hea,481\n10,dfi,579\n20,oil,77\n');
  assert.equal(q(`("ISI";",") 0:\`:${d}/data.csv`), '0   10  20 \nhea dfi oil\n481 579 77 ');
  assert.equal(q(`meta flip \`a\`b\`c!("ISI";",") 0:\`:${d}/data.csv`), 'c| t f a\n-| -----\na| i    \nb| s    \nc| i    ');
  writeFileSync(join(d, 'txt'), 'a b\nx y\nz w\n');
  assert.equal(q(`("SS";enlist" ")0:\`:${d}/txt`), 'a b\n---\nx y\nz w');
});

test('Load CSV: types, skipped columns, quoting, empty and unparsable cells', () => {
  const q = session();
  assert.equal(q('("SFJ";enlist ",") 0: ("s,p,a";"a,1.5,3";"b,,";"c,2e3,-7")'), 's p    a \n---------\na 1.5  3 \nb        \nc 2000 -7');
  // a skipped column drops its name too; a quoted field keeps its delimiter and doubled quotes
  assert.equal(q('cols ("S J";enlist ",") 0: ("s,p,a";"\\"x,y\\",1.5,3")'), '`s`a');
  assert.equal(q('first ("*J";enlist ",") 0: ("s,a";"\\"say \\"\\"hi\\"\\"\\",3")'), 's| "say \\"hi\\""\na| 3');
  // kdb+ makes a null of a cell that does not parse; the load goes on
  assert.equal(q('(0N 7;0n 2.5;0N 0Nd)~("JFD";",") 0: ("x,y,z";"7,2.5,2020.02.30")'), '1b');
  assert.equal(q('("BXHIEDC";",") 0: enlist "t,ff,12,99999999999,1.25,2020-01-02,xyz"'), ',1b\n,0xff\n,12h\n,0Ni\n,1.25e\n,2020.01.02\n,"x"');
  // a month as yyyy.mm or yyyy-mm (the literal scanner alone would read a float)
  assert.equal(q('"M"$("2020.01";"1999-12";"2020.13")'), '2020.01 1999.12 0Nm');
  assert.equal(q('(enlist 2020.01.31 2020.02.29 0N 0Nd)~("D";",") 0: ("2020.01.31";"20200229";"2021-02-29";"")'), '1b');
  assert.equal(q('("PNUVT";",") 0: enlist "2020.01.02D03:04:05.123456789,0D01:02:03.000000004,12:34,12:34:56,12:34:56.789"'),
    '2020.01.02D03:04:05.123456789\n0D01:02:03.000000004         \n12:34                        \n12:34:56                     \n12:34:56.789                 ');
  assert.equal(q('("G";",") 0: enlist "8c680a01-5a49-5aab-5a65-d4bfddb6a661"'), '8c680a01-5a49-5aab-5a65-d4bfddb6a661');
  assert.equal(q('(enlist`ab`b`ab)~("S";",") 0: ("ab";"b";"ab")'), '1b');
});

test('Load Fixed: the reference examples', () => {
  const q = session();
  assert.equal(q('sum("DT";8 9)0:enlist"20130315185540686"'), ',2013.03.15D18:55:40.686000000');
  assert.equal(q('("DT";8 9)0:("20130315185540686";"20130315185540686")'), '2013.03.15   2013.03.15  \n18:55:40.686 18:55:40.686');
  // an RFC 2822 date: dd MMM yyyy hh:mm:ss as a datetime, and its zone offset (+HHMM) as a time
  q('dates:("Tue, 04 Jun 2013 07:00:13 +0900";"Tue, 04 Jun 2013 07:00:13 -0500")');
  assert.equal(q('sum(" Z T";5 20 1 5)0:dates'), '2013.06.04T16:00:13.000 2013.06.04T02:00:13.000');
  const d = dir();
  // with no newline at all, records follow each other every sum(widths) bytes
  writeFileSync(join(d, 'fixed'), '  12abc  34def');
  assert.equal(q(`("JS";4 3) 0: \`:${d}/fixed`), '12  34 \nabc def');
});

test('dates in the forms "D"$ reads (ref/tok), in Tok and in Load CSV; a file named without its colon', () => {
  const q = session(), d = dir();
  q('\\c 25 200');
  // [yy]yymmdd, ddMMM[yy]yy, yyyy/[mm|MMM]/dd, [mm|MMM]/dd/[yy]yy; a day that does not exist is null
  assert.equal(q('"D"$("130604";"04Jun2013";"04Jun13";"2013/Jun/04";"2013/06/04";"Jun/04/2013";"06/04/13";"02/30/2013";"99/01/01")'),
    '2013.06.04 2013.06.04 2013.06.04 2013.06.04 2013.06.04 2013.06.04 2013.06.04 0N 0N');
  assert.equal(q('"ZP"$\\:"2013-06-05 08:00:00.5"'), '2013.06.05T08:00:00.500\n2013.06.05D08:00:00.500000000');
  assert.equal(q('"T"$("0930";"-0500")'), '09:30:00.000 -05:00:00.000');
  writeFileSync(join(d, 'd.csv'), 'd,z\n04Jun2013,04 Jun 2013 07:00:13\n2013/06/05,2013-06-05 08:00:00\n');
  assert.equal(q(`exec (d;z) from ("DZ";enlist",") 0: \`:${d}/d.csv`), '2013.06.04              2013.06.05             \n2013.06.04T07:00:13.000 2013.06.05T08:00:00.000');
  writeFileSync(join(d, 'data.csv'), '0,hea,481\n10,dfi,579\n20,oil,77\n');
  assert.equal(q(`("ISI";",") 0:\`$"${d}/data.csv"`), '0   10  20 \nhea dfi oil\n481 579 77 ');
});

test('Key-value pairs: the reference examples', () => {
  const q = session();
  assert.equal(q('"S=;"0:"one=1;two=2;three=3"'), 'one  two  three\n,"1" ,"2" ,"3" ');
  assert.equal(q('"S:/"0:"one:1/two:2/three:3"'), 'one  two  three\n,"1" ,"2" ,"3" ');
  assert.equal(q('"I=;"0:"1=first;2=second;3=third"'), '1       2        3      \n"first" "second" "third"');
  assert.equal(q('s:"8=FIX.4.2\\0019=339\\00135=D";(!/)"I=\\001"0:s'), '8 | "FIX.4.2"\n9 | "339"\n35| ,"D"');
  assert.equal(q('0N!"I=*,"0:"5=\\"hello,world\\",6=1";'), '(5 6i;("hello,world";,"1"))');
  assert.equal(q('0N!"J=*,"0:"5=\\"hello,world\\",6=1";'), '(5 6;("hello,world";,"1"))');
  assert.equal(q('0N!"S=*,"0:"a=\\"hello,world\\",b=1";'), '(`a`b;("hello,world";,"1"))');
});

test('Prepare Text and Save Text: the reference examples', () => {
  const q = session();
  assert.equal(q('csv 0: ([]a:1 2 3;b:`x`y`z)'), '"a,b"\n"1,x"\n"2,y"\n"3,z"');
  assert.equal(q('"|" 0: (`a`b`c;1 2 3;"xyz")'), '"a|1|x"\n"b|2|y"\n"c|3|z"');
  // a list of columns of unequal lengths is 'length (it wrote "undefined" cells); of none, no lines
  assert.equal(q('csv 0: (1 2;3 4 5)'), "'length");
  assert.equal(q('csv 0: ()'), '()');
  assert.equal(q('-1@","0:([]x:("foo";"bar,baz";"qu\\"ux";"fred\\",barney"));'), 'x\nfoo\n"bar,baz"\nqu"ux\n"fred"",barney"');
  assert.equal(q('csv 0:([]("foo\\nbar";"baz"))'), ',"x"\n"\\"foo\\nbar\\""\n"baz"');
  assert.equal(q('csv 0:([]d:2022.03.14 2022.03.15;t:16:12:57.427 00:00:00.001)'), '"d,t"\n"2022-03-14,16:12:57.427"\n"2022-03-15,00:00:00.001"');
  const d = dir();
  assert.equal(q(`\`:${d}/sub/test.txt 0: enlist "text to save"`), `\`:${d}/sub/test.txt`);
  assert.equal(readFileSync(join(d, 'sub/test.txt'), 'utf8'), 'text to save\n');
  // text beyond ASCII, quoted cells and chars as lines: the file holds exactly their bytes
  assert.equal(q(`\`:${d}/u.csv 0: csv 0: ([]s:\`$("é";"x");t:("a,b";"ü"))`), `\`:${d}/u.csv`);
  assert.equal(readFileSync(join(d, 'u.csv'), 'utf8'), 's,t\né,"a,b"\nx,ü\n');
  assert.equal(q(`\`:${d}/c.txt 0: ("ab";"c";"");read0 \`:${d}/c.txt`), '"ab"\n,"c"\n""');
});

test('read0 and read1 with offset and length; hcount, hdel, key', () => {
  const q = session(), d = dir();
  writeFileSync(join(d, 'f.txt'), 'abc\ndef\r\nghi\n');
  assert.equal(q(`read0 \`:${d}/f.txt`), '"abc"\n"def"\n"ghi"');
  assert.equal(q(`read0 (\`:${d}/f.txt;4;5)`), '"def"');
  // bytes as they are, not text: an invalid UTF-8 byte survives, an empty last line before the end too
  const d2 = dir();
  writeFileSync(join(d2, 'g.txt'), Buffer.from([0x61, 0xff, 10, 10, 0x62]));
  assert.equal(q(`\`int$read0 \`:${d2}/g.txt`), '97 255i\n`int$()\n,98i');
  assert.equal(q('("," vs "a,b,,c,"; "ab" vs "xabyabab"; "," vs ","; "\\n" vs "a\\r\\nb")'), '(,"a";,"b";"";,"c";"")\n(,"x";,"y";"";"")\n("";"")\n("a\\r";,"b")');
  assert.equal(q(`read1 (\`:${d}/f.txt;1;2)`), '0x6263');
  assert.equal(q(`(enlist\`def\`ghi)~("S";",") 0: (\`:${d}/f.txt;4)`), '1b');
  assert.equal(q(`hcount \`:${d}/f.txt`), '13');
  assert.equal(q(`key \`:${d}`), '`s#,`f.txt');
  assert.equal(q(`hdel \`:${d}/f.txt`), `\`:${d}/f.txt`);
  assert.equal(q(`key \`:${d}`), '`symbol$()');
  // a directory only when empty (ref/hdel), as dbmaint deletes a table: its files, then the directory
  q(`\`:${d}/t/ set ([]a:1 2)`);
  assert.equal(q(`hdel \`:${d}/t/`), `'${d}/t/: Directory not empty`);
  assert.equal(q(`last (hdel .Q.dd[\`:${d}/t;]@) each \`a\`.d,\``), `\`:${d}/t/`);
  assert.equal(q(`key \`:${d}`), '`symbol$()');
  assert.equal(q(`hdel \`:${d}/t`), `'${d}/t: No such file or directory`);
  // bytes cut by a char delimiter are strings (ref/vs: the type is the left argument's)
  assert.equal(q('" " vs "x"$"a b"'), ',"a"\n,"b"');
  // over anything but a file symbol hdel is ~: (basics/parsetrees)
  assert.equal(q('hdel 01001b'), '10110b');
});

test('bad input: the file is named, and nothing loaded changes; a short record has nulls for its missing fields, as kdb+ loads it', () => {
  const q = session(), d = dir();
  writeFileSync(join(d, 'bad.csv'), 'a,b,c\n1,2,3\n4,5\n');
  q('t:([]a:1 2)');
  assert.match(q(`("JQ";enlist ",") 0: \`:${d}/bad.csv`), /^'Q: not a type char of 0:/);
  assert.equal(q(`t:("J";",") 0: \`:${d}/nosuch.csv`), `'${d}/nosuch.csv. OS reports: No such file or directory`);
  assert.equal(q('t'), 'a\n-\n1\n2');
  assert.equal(q(`-3!("JJJ";enlist ",") 0: \`:${d}/bad.csv`), '"+`a`b`c!(1 4;2 5;3 0N)"');
  assert.equal(q('-3!("JJ";",") 0: ("1,2";"3")'), '"(1 3;2 0N)"');
  assert.equal(q('-3!("SJC";" ") 0: ("noop";"addx 3")'), '"(`noop`addx;0N 3;\\"  \\")"');
});

/** Float texts to parse: edge cases, random doubles as the host writes them, random digit strings of 1
 *  to 19 digits with a point anywhere and sometimes an exponent, and neighbours of ties (the midpoint of
 *  two adjacent doubles, written with 17 to 19 digits). */
function floatCases(seed: number): string[] {
  const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  const cases: string[] = ['0', '-0', '1e22', '1e-22', '1e308', '1e-300', '4.9406564584124654e-324', '123456789012345678', '9007199254740993', '0.1', '.5', '5.', '1E5', '+2.5'];
  for (let i = 0; i < 20000; i++) cases.push(String(rnd() * 100), String(rnd() * 10 ** Math.floor(rnd() * 40 - 20)));
  for (let i = 0; i < 20000; i++) {
    let d = ''; const L = 1 + Math.floor(rnd() * 19);
    for (let j = 0; j < L; j++) d += Math.floor(rnd() * 10);
    const p = Math.floor(rnd() * (L + 1));
    cases.push((rnd() < .3 ? '-' : '') + d.slice(0, p) + '.' + d.slice(p) + (rnd() < .2 ? 'e' + (Math.floor(rnd() * 20) - 10) : ''));
  }
  const f = new Float64Array(1), u = new BigUint64Array(f.buffer);
  for (let i = 0; i < 5000; i++) { f[0] = rnd() * 100; const a = f[0]; u[0] += 1n; cases.push(((a + f[0]) / 2).toPrecision(17 + (i % 3))); }
  return cases;
}

test('floats parse exactly as the host parses them, digit for digit', () => {
  const enc = new TextEncoder();
  for (const s of floatCases(7)) { const b = enc.encode(s); assert.ok(Object.is(float(b, 0, b.length), Number(s)), s); }
});

test('a 100,000-row table survives csv 0: and 0: unchanged', () => {
  const q = session(), d = dir();
  q('n:100000;t:([]s:n?`IBM`MSFT`AAPL;p:n?100f;a:n?1000;d:2000.01.01+n?9000;z:n?0Ng;c:n?"xyz";b:n?01b)');
  q('t:update p:0n from t where 0=i mod 97');
  // floats are written to \P digits, as kdb+ writes them: \P 0 (all 17) makes the round trip exact
  assert.equal(q('1_csv 0: ([]p:(0.1;1%3))'), '"0.1"\n"0.3333333"');
  // a delimiter that a float's or a time's text holds quotes the cell
  assert.equal(q('1_":" 0: ([]a:1.5 2;t:12:00:00.000 0Nt)'), '"1.5:\\"12:00:00.000\\""\n"2:"');
  q('\\P 0');
  assert.equal(q(`\`:${d}/t.csv 0: csv 0: t`), `\`:${d}/t.csv`);
  assert.equal(q(`u:("SFJDGCB";enlist csv) 0: \`:${d}/t.csv`), '');
  assert.equal(q('u~t'), '1b');
  assert.equal(q('count u'), '100000');
});

// ---- the CSV kernel (assembly/csv.ts): loads of half a megabyte and more go through it --------------------

/** Columns loaded from text through the kernel, and the same text loaded in pieces too small for it
 *  (the TypeScript parser), each piece's rows after the last's. */
function bothWays(types: string, text: string, header: boolean) {
  const b = new TextEncoder().encode(text), whole = loadDelimited(types, 44, header, false, memorySource(b, ''));
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const head = header ? lines.shift()! + '\n' : '', parts: Q[][] = [];
  for (let i = 0; i < lines.length; i += 2000) parts.push(loadDelimited(types, 44, header, false, memorySource(new TextEncoder().encode(head + lines.slice(i, i + 2000).join('\n') + '\n'), '')).cols);
  return { whole, pieces: whole.cols.map((_, j) => parts.map(p => p[j])) };
}
const bytesOf = (x: Q) => { const d = (x as Vec).d; return Buffer.from(d.buffer, d.byteOffset, d.byteLength); };

test('the CSV kernel reads what the TypeScript parser reads, odd cells and all', () => {
  let seed = 11;
  const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  const pick = <T,>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const rows = ['s,b,c,h,i,j,e,f,d,p,n,t,u,v'];
  const two = (k: number) => String(k).padStart(2, '0'), hms = () => `${two(Math.floor(rnd() * 24))}:${two(Math.floor(rnd() * 60))}:${two(Math.floor(rnd() * 60))}`;
  const frac = (k: number) => k ? '.' + String(Math.floor(rnd() * 10 ** k)).padStart(k, '0') : '';
  for (let r = 0; r < 60000; r++) {
    const odd = rnd() < .03; // a record with something the kernel hands back
    rows.push([
      odd && rnd() < .3 ? '"q,uoted"' : rnd() < .5 ? pick(['IBM', 'MSFT', '', 'A']) : 'sym' + Math.floor(rnd() * 5000),
      pick(['1', '0', 't', 'f', 'Y', '', 'x']), pick(['a', 'bc', '', ' ']),
      odd ? pick(['0N', '99999', '-32768', '+4']) : String(Math.floor(rnd() * 65535) - 32767),
      odd ? pick(['0W', '2147483648', '1e3']) : rnd() < .05 ? '' : String(Math.floor((rnd() - .5) * 4e9) | 0),
      odd ? pick(['1234567890123456789', '0Wj', '1.5']) : rnd() < .05 ? '' : String(Math.floor((rnd() - .5) * 1e15)),
      String(Math.fround((rnd() - .5) * 1e3)),
      odd ? pick(['0n', '-0w', '1e-400', '3.14159265358979323846', '1e23']) : rnd() < .05 ? '' : pick([String(rnd() * 100), (rnd() * 1e6).toFixed(2), '-0', '1e-5', '.5', '5.']),
      odd ? pick(['2020.02.30', '2020.13.01', '0000.01.01', '2020.1.1', '0Nd']) : pick(['1999.12.31', '2000-01-01', '2004/02/29', '20240229', '', '2100.03.01']),
      odd ? pick(['2020.01.02', '2020.01.02D03:04', '0Np', '2020.01.02D25:00:00', '2020.01.02D03:04:05.1234567891']) : rnd() < .05 ? '' : `${pick(['1987.03.04', '2000.01.01', '2031-12-31'])}${pick(['D', 'T'])}${hms()}${frac(Math.floor(rnd() * 10))}`,
      odd ? pick(['1D03:04:05', '0Nn', '-03:04:05']) : rnd() < .05 ? '' : hms() + frac(Math.floor(rnd() * 10)),
      odd ? pick(['03:04:05.1239', '25:00:00.000', '0Nt', '3:04:05']) : rnd() < .05 ? '' : hms() + frac(Math.floor(rnd() * 4)),
      odd ? pick(['3:04', '24:00', '0Nu']) : rnd() < .05 ? '' : hms().slice(0, 5),
      odd ? pick(['03:04:5', '0Nv', '03:60:00']) : rnd() < .05 ? '' : hms(),
    ].join(',') + (rnd() < .01 ? ',extra,fields' : '') + (rnd() < .1 ? '\r' : ''));
  }
  const { whole, pieces } = bothWays('SBCHIJEFDPNTUV', rows.join('\n'), true);
  assert.deepEqual(whole.names, ['s', 'b', 'c', 'h', 'i', 'j', 'e', 'f', 'd', 'p', 'n', 't', 'u', 'v']);
  whole.cols.forEach((c, j) => {
    assert.equal(c.t, pieces[j][0].t);
    const ref = Buffer.concat(pieces[j].map(bytesOf));
    // symbols are ids into one table, so the same text is the same id whichever way it was loaded
    assert.ok(bytesOf(c).equals(ref), `column ${whole.names![j]}`);
  });
});

test('the CSV kernel parses floats exactly as the host does, digit for digit', () => {
  const cases = floatCases(5);
  const col = loadDelimited('F', 44, false, false, memorySource(new TextEncoder().encode(cases.join('\n')), '')).cols[0] as Vec, d = col.d as Float64Array;
  assert.equal(d.length, cases.length);
  cases.forEach((s, i) => assert.ok(Object.is(d[i], Number(s)), s));
});

test('the CSV kernel: chunk boundaries, a record longer than a chunk, errors naming the line', () => {
  const q = session(), dir0 = dir();
  // 15 MiB: more than one chunk, so records straddle a boundary (and a field past the types' is ignored)
  const rows = ['a,b'];
  for (let r = 0; rows.length < 700000; r++) rows.push(`s${r % 977},${r},0123456789`);
  writeFileSync(join(dir0, 'big.csv'), rows.join('\n'));
  assert.equal(q(`t:("SJ";enlist csv) 0: \`:${dir0}/big.csv`), '');
  const n = rows.length - 1;
  assert.equal(q('(count t; sum t`b; last t`a; t[`a]~`$"s",/:string (til count t) mod 977)'), `${n}\n${n * (n - 1) / 2}\n\`s${(n - 1) % 977}\n1b`);
  // one symbol of 9 MiB: the chunk and the symbol table's text both grow
  writeFileSync(join(dir0, 'long.csv'), 'a,b\n' + 'x'.repeat(9 << 20) + ',1\ny,2\n');
  assert.equal(q(`u:("SJ";enlist csv) 0: \`:${dir0}/long.csv`), '');
  assert.equal(q('count each string u`a'), `${9 << 20} 1`);
  assert.equal(q('u`b'), '1 2');
  // a short record on line 500,001 (the kernel hands it to the TypeScript parser): a null for its number
  rows.splice(500000, 1, 's7');
  writeFileSync(join(dir0, 'short.csv'), rows.join('\n'));
  assert.equal(q(`u:("SJ";enlist csv) 0: \`:${dir0}/short.csv`), '');
  assert.equal(q('(count u;u[499999];null u[`b]499999;u[499998]~t 499998)'), '699999\n`a`b!(`s7;0N)\n1b\n1b');
});

test('1: reads fixed-width binary records (little- or big-endian, from bytes, a string or a file range) and writes raw bytes', () => {
  const q = session(), d = dir();
  assert.equal(q('first first (enlist"i";enlist 4)1:0x01000000'), '1i');
  assert.equal(q('first first (enlist 4;enlist"i")1:0x01000000'), '16777216i');
  assert.equal(q('("ich";4 1 2)1:0x00000000410000FF00000042FFFF'), '0 255\nA B  \n0 -1 ');
  assert.equal(q('("ich";4 1 2)1:"arthur!"'), '1752461921\nu         \n8562      ');
  // * reads each field as a string, quotes kept (since 4.1t 2022.11.01); one-item rows show as a grid
  assert.equal(q('("**";4 4)1:"abcd\\"ef\\""'), '"abcd"  \n"\\"ef\\""');
  assert.equal(q('count each ("**";4 4)1:"abcd\\"ef\\""'), '1 1');
  assert.equal(q(`\`:${d}/b1 1: \`int$til 10`), `\`:${d}/b1`);
  assert.equal(q(`("ii";4 4) 1: \`:${d}/b1`), '0 2 4 6 8\n1 3 5 7 9');
  assert.equal(q(`("ii";4 4) 1: (\`:${d}/b1;8;16)`), '2 4\n3 5');
  assert.equal(q('("i j";4 4 8) 1: 16#0x01'), '16843009         \n72340172838076673');
  assert.equal(q('("j";4) 1: 8#0x01'), "'length");
  assert.equal(q('first ("s";3) 1: "abcde "'), '`abc`de');
  q(`\`:${d}/h 1: 1`);
  assert.equal(q(`read1\`:${d}/h`), '0x0100000000000000');
  q(`(\`:${d}/z;17;2;6) 1: 1000#0x00`);
  assert.equal(q(`(-21!\`:${d}/z)\`algorithm`), '2i');
  // a general list is written as an anymap (col, col#, col##), an empty one too; get reads it back
  assert.equal(q(`\`:${d}/l 1: (1;\`a;(2 3;"xy"))`), `\`:${d}/l`);
  assert.equal(q(`(1;\`a;(2 3;"xy"))~get \`:${d}/l`), '1b');
  assert.equal(q(`(read1 \`:${d}/l) 4080 4081 4082`), '0xfd014d');
  q(`\`:${d}/l0 1: ()`);
  assert.equal(q(`get \`:${d}/l0`), '()');
  // compressed with q IPC compression (its blocks as small as the symbols' col##)
  q(`(\`:${d}/lz;17;1;0) 1: (\`a\`b;"xyz")`);
  assert.equal(q(`((\`a\`b;"xyz")~get \`:${d}/lz;(-21!hsym\`$"${d}/lz##")\`algorithm)`), '1b\n1i');
  assert.equal(q(`\`:${d}/t 1: ([]a:1 2)`), "'nyi: 1: of this type (use set)");
  assert.match(q(`\`:${d}/f 1: (1;{x})`), /^'nyi: 1: of a list holding a function/);
});

test('csv 0: over a table writes bytes cell by cell: the same lines as the column-list path, every type', () => {
  const q = session();
  q('n:300');
  q('t:([]s:n?(`a;`b;`$"x,y");x:n?100f;j:n?1000;i:n?100i;d:n?2020.01.01;p:n?2020.01.01D0;c:n?"abc";b:n?01b;g:n?0Ng;h:n?10h;e:n?1e;m:n?2010.01m;tt:n?12:00:00.000;st:n?("a\\"b";"c,d";"é"))');
  q('t:update j:0N,i:0Ni,x:0n,d:0Nd from t where 0=(til n) mod 7');
  q('t:update j:9000000000 from t where 4=(til n) mod 13');
  assert.equal(q('(1_csv 0: t)~csv 0: value flip t'), '1b');
  assert.equal(q('first csv 0: t'), '"s,x,j,i,d,p,c,b,g,h,e,m,tt,st"');
  assert.equal(q('(csv 0: `s`j xkey t)~csv 0: 0!`s`j xkey t'), '1b');
  assert.equal(q('csv 0:([]("foo\\nbar";"baz"))'), ',"x"\n"\\"foo\\nbar\\""\n"baz"');
  assert.equal(q('("\\t" 0: t)~"\\t" 0: t'), '1b');
});

test('.h.ed and .h.edsn make an Excel (SpreadsheetML) workbook; save writes .xls, .xml and .json', () => {
  const q = session(), d = dir();
  q('t:([]sym:`a`b;price:1.5 0n;n:1 2)');
  assert.equal(q('count .h.ed t'), '2');
  assert.equal(q('first .h.ed t'), '"<?xml version=\\"1.0\\"?><?mso-application progid=\\"Excel.Sheet\\"?>"');
  q('wb:last .h.edsn `one`two!(t;2#t)');
  assert.equal(q('wb like "<Workbook xmlns=\\"urn:schemas-microsoft-com:office:spreadsheet\\" xmlns:ss=*"'), '1b');
  assert.equal(q('count wb ss "<Worksheet ss:Name="'), '2');
  // a number is a Number cell, a null an empty String cell, a symbol a String
  assert.equal(q('wb like "*<Row><Cell><Data ss:Type=\\"String\\">a</Data></Cell><Cell><Data ss:Type=\\"Number\\">1.5</Data></Cell><Cell><Data ss:Type=\\"Number\\">1</Data></Cell></Row>*"'), '1b');
  assert.equal(q('wb like "*<Cell><Data ss:Type=\\"String\\"></Data></Cell>*"'), '1b');
  q(`save \`:${d}/t.xls`);
  q(`save \`:${d}/t.xml`);
  assert.equal(q(`(read0 \`:${d}/t.xls)~.h.ed t`), '1b');
  assert.equal(q(`(read0 \`:${d}/t.xml)~.h.xd t`), '1b');
  // a list of columns saves as its rows, with no header line (kb/programming-idioms)
  q('cs:(1 2;`a`b;1.5 2.5)');
  assert.equal(q(`save \`:${d}/cs.csv`), `\`:${d}/cs.csv`);
  assert.equal(q(`read0 \`:${d}/cs.csv`), '"1,a,1.5"\n"2,b,2.5"');
  // .json: a line of JSON a row, as .h.tx's json (ref/save: since 3.2)
  assert.equal(q(`save \`:${d}/t.json`), `\`:${d}/t.json`);
  assert.equal(q(`(read0 \`:${d}/t.json)~.h.tx[\`json] t`), '1b');
  assert.equal(q(`first read0 \`:${d}/t.json`), '"{\\"sym\\":\\"a\\",\\"price\\":1.5,\\"n\\":1}"');
  assert.equal(q('.h.edsn 1 2'), "'type");
});

test('a missing file is an OS error as kdb+ 4 words it, cut on the left past 255 characters', () => {
  const q = session();
  assert.equal(q('get`:nowhere/t'), "'nowhere/t. OS reports: No such file or directory");
  assert.equal(q('read0`:nowhere'), "'nowhere. OS reports: No such file or directory");
  assert.equal(q('get`$":root/",(250#"path/"),"file"'), "'.." + 'path/'.repeat(42) + 'file. OS reports: No such file or directory');
});

test('blank lines at the end of a CSV file are no records, for small files and for the kernel\'s', () => {
  const q = session(), d = dir();
  q(`\`:${d}/s.csv 1: "c"$"a,b\\n1,2\\n\\n\\r\\n"`);
  assert.equal(q(`("JJ";enlist",") 0: \`:${d}/s.csv`), 'a b\n---\n1 2');
  // a file past the kernel's threshold, with blank lines after its last record
  q('n:100000;big:([]a:til n;b:n?100)');
  q(`\`:${d}/big.csv 1: ("x"$"\\n" sv csv 0: big),0x0a0d0a0a`);
  assert.equal(q(`big~("JJ";enlist",") 0: \`:${d}/big.csv`), '1b');
  // in a list of strings each string is a record, an empty one too
  assert.equal(q('count ("J";",") 0: ("1";"2";"")'), '1');
  assert.equal(q('first ("J";",") 0: ("1";"2";"")'), '1 2 0N');
});

test('Load CSV takes the blanks off symbol cells, as "S"$ does (kb/loading-from-large-files: ", AMD"), in small and large files', () => {
  const q = session(), d = dir();
  assert.equal(q('-3!exec s from ("DFS";enlist",")0:("d,o,s";"2019-10-03, 24.5,  AMD";"2019-10-04,1, MSFT ")'), '"`AMD`MSFT"');
  let s = 'd,o,s\n';
  for (let i = 0; i < 100000; i++) s += `2019-10-03,${i}.5, ${i % 2 ? 'AMD' : 'MSFT '}\n`;
  writeFileSync(join(d, 'big.csv'), s);
  assert.equal(q(`exec distinct s from ("DFS";enlist",")0:\`:${d}/big.csv`), '`MSFT`AMD');
});

test('0: and 1: write to a file named without its colon', () => {
  // funq's plot.q writes its images with `mandel.pbm 0: …
  const q = session(), d = dir();
  assert.equal(q(`(\`$"${d}/p.txt") 0: ("P4";"3 5")`), `\`${d}/p.txt`);
  assert.equal(readFileSync(join(d, 'p.txt'), 'latin1'), 'P4\n3 5\n');
  q(`(\`$"${d}/b.bin") 1: 0x0102ff`);
  assert.deepEqual([...readFileSync(join(d, 'b.bin'))], [1, 2, 255]);
});

test('a Latin-1 CSV keeps its bytes in string and symbol columns, as kdb+ reads bytes', () => {
  const d = dir(), q = session();
  writeFileSync(join(d, 'l1.csv'), Buffer.from([...Buffer.from('a,b\n'), 0xfc, 0x2c, 0xc3, 0xbc, 0x0a]));
  const f = '`:' + join(d, 'l1.csv'), s1 = '`:' + join(d, 's1');
  assert.equal(q(`exec count each a from ("**";enlist",")0: ${f}`), ',1');
  assert.equal(q(`exec a from ("**";enlist",")0: ${f}`), ',"\\374"');
  assert.equal(q(`exec b from ("**";enlist",")0: ${f}`), '"\\303\\274"');
  q(`t:("SS";enlist",")0: ${f}`);
  assert.equal(q('string first t`a'), ',"\\374"');
  assert.equal(q('(first t`a)=first t`b'), '0b');
  q(`${s1} set t\`a`);
  assert.equal(q(`string first get ${s1}`), ',"\\374"');
});

test('bytes that are not UTF-8 go out as themselves: 0: and save of strings and symbols, a file handle, the console', () => {
  const d = dir(), q = session();
  q(`t:([]a:("Z\\374rich";"ab");b:\`$("Z\\374rich";"ab"))`);
  q(`\`:${d}/t.csv 0: csv 0: t`);
  assert.deepEqual([...readFileSync(join(d, 't.csv'))], [...Buffer.from('a,b\nZ'), 0xfc, ...Buffer.from('rich,Z'), 0xfc, ...Buffer.from('rich\nab,ab\n')]);
  q(`h:hopen \`:${d}/h.txt`);
  q('h "a\\351"');
  q('neg[h] "b\\351"');
  q('hclose h');
  assert.deepEqual([...readFileSync(join(d, 'h.txt'))], [0x61, 0xe9, 0x62, 0xe9, 0x0a]);
  const out = spawnSync('node', ['bin/wasq.mjs'], { input: '-1 "x\\351";\n`$"\\351"\n' });
  assert.deepEqual([...out.stdout], [0x78, 0xe9, 0x0a, 0x60, 0xe9, 0x0a]);
});

test('key of a directory lists its entries sorted by their bytes (ref/key), as kdb+ sorts names', () => {
  const d = dir(), q = session();
  for (const n of ['b', '\uff01', '\u{1f600}', 'A']) writeFileSync(join(d, n), '');
  assert.equal(q(`string key \`:${d}`), ',"A"\n,"b"\n"\\357\\274\\201"\n"\\360\\237\\230\\200"');
});

test('a script in Latin-1 loads with its bytes: a string literal keeps them', () => {
  const d = dir(), q = session();
  writeFileSync(join(d, 'l1.q'), Buffer.from([...Buffer.from('x:"Z'), 0xfc, ...Buffer.from('rich"\n')]));
  q(`\\l ${d}/l1.q`);
  assert.equal(q('x'), '"Z\\374rich"');
});

test('a table written as text: timespans, timestamps and chars cell by cell as their text gives them, any value of theirs', () => {
  const q = session();
  q('x:(1000?0D00:00:01),(1000?100000D00),-0W 0W 0Nn,neg 100?1D');
  assert.equal(q('(1_csv 0: ([]a:x)) ~ {$[null x;"";string x]} each x'), '1b');
  // (a timestamp's date with ISO 8601's dashes; before 2000 too, where its count is negative)
  q('p:(1000?2262.01.01D00),(neg 1000?0D+2262.01.01D00),0N 0W -0Wp');
  assert.equal(q('(1_csv 0: ([]a:p)) ~ {$[null x;"";x in 0W -0Wp;string x;@[string x;4 7;:;"-"]]} each p'), '1b');
  q('c:1000?"\\"a, \\n\\303"');
  assert.equal(q('(1_csv 0: ([]a:c)) ~ {$[x in ",\\n";"\\"",x,"\\"";enlist x]} each c'), '1b');
  // and as they load back
  assert.equal(q('(2003#x;p) ~ value flip ("NP";enlist",") 0: csv 0: ([]a:2003#x;b:p)'), '1b');
});

test('temporal text reads back as it was written: "D"$, "P"$, "N"$, "T"$ of string of any value', () => {
  const q = session();
  q('d:(1000?2262.01.01),(2000.01.01-1000?300000),0N 0W -0Wd; p:(1000?2262.01.01D00),(neg 1000?0D+2262.01.01D00),0N 0W -0Wp');
  q('n:(1000?0D00:00:01),(1000?100000D00),0N 0W -0Wn,neg 100?1D; t:(1000?24:00:00.000),0N 0W -0Wt,neg 100?23:59:59.999');
  assert.equal(q('(d;p;n;t) ~ ("D"$string d;"P"$string p;"N"$string n;"T"$string t)'), '1b');
});

test('key of a directory is its entries sorted and marked sorted, `s#,`trade as ref/dotq shows it; an empty one `symbol$(), a missing one ()', () => {
  const q = session(), d = dir();
  q(`\`:${d}/dir/b set 1; \`:${d}/dir/a set 2; \`:${d}/empty/x set 3; hdel \`:${d}/empty/x`);
  assert.equal(q(`key \`:${d}/dir`), '`s#`a`b');
  assert.equal(q(`(attr key \`:${d}/dir;key \`:${d}/empty;key \`:${d}/nothere)`), '`s\n`symbol$()\n()');
});

// The environment keywords against a host whose environment, time zone and exit the test controls;
// reval's restriction; rand, fkeys and dsave.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, rmSync, readFileSync, writeFileSync, realpathSync } from 'node:fs';
import { tmpdir, hostname } from 'node:os';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { scratch } from './scratch.js';
import '../server/kernels.js';
import { Session } from '../q/session.js';
import { nodeHost } from '../server/cli.js';
import { makeSession } from './q.js';

/** A session on Node's host (real files, shell and environment): what it prints for a line. */
function nodeSession() {
  let out = '';
  const s = new Session(nodeHost((_fd, t) => { out += t; }));
  return (src: string) => { out = ''; const r = s.evaluate(src); return out + r.out; };
}

/** A session whose host has a summer-time zone: +60 minutes before 2024.03.31, +120 from then on. */
function zoned() {
  let out = '';
  const vars = new Map<string, string>([['HOME', '/home/q']]);
  const exits: number[] = [];
  const summer = Date.UTC(2024, 2, 31, 1);
  const s = new Session({
    now: () => 0n, write: (_fd, t) => { out += t; },
    tzOffsetMinutes: at => (at ?? 0) >= summer ? 120 : 60,
    getenv: n => vars.get(n), setenv: (n, v) => { vars.set(n, v); },
    exit: code => { exits.push(code); },
  });
  const q = (src: string) => { out = ''; const r = s.evaluate(src); return out + r.out; };
  return { q, vars, exits };
}

test('getenv and setenv read and write the host\'s environment; exit ends through the host', () => {
  const { q, vars, exits } = zoned();
  assert.equal(q('getenv `HOME'), '"/home/q"');
  assert.equal(q('getenv `UNKNOWN'), '""');
  assert.equal(q('`RTMP setenv "/tmp/x"'), '');
  assert.equal(vars.get('RTMP'), '/tmp/x');
  assert.equal(q('getenv `RTMP'), '"/tmp/x"');
  assert.equal(q('getenv "HOME"'), "'type");
  q('exit 42');
  assert.deepEqual(exits, [42]);
});

test('ltime and gtime use the offset at each value\'s own instant', () => {
  const { q } = zoned();
  assert.equal(q('ltime 2024.01.15D12:00'), '2024.01.15D13:00:00.000000000');
  assert.equal(q('ltime 2024.07.01D12:00'), '2024.07.01D14:00:00.000000000');
  assert.equal(q('gtime 2024.07.01D14:00'), '2024.07.01D12:00:00.000000000');
  assert.equal(q('ltime 2024.01.15T12:00:00.000 2024.07.01T12:00:00.000'), '2024.01.15T13:00:00.000 2024.07.01T14:00:00.000');
  assert.equal(q('x:2024.01.01D00:00+10*til 40'), '');
  assert.equal(q('x~gtime ltime x'), '1b');
  assert.equal(q('ltime 0Np'), '0Np');
  assert.equal(q('ltime 2024.01.01'), "'type");
});

test('reval evaluates a parse tree but changes no global, writes no file, runs no command and does not exit', () => {
  const dir = scratch('wasq-reval-');
  let out = '';
  const exits: number[] = [];
  const s = new Session({ ...nodeHost((_fd, t) => { out += t; }), exit: c => { exits.push(c); } });
  const q = (src: string) => { out = ''; const r = s.evaluate(src); return out + r.out; };
  try {
    q('a:1');
    assert.equal(q('reval (+;1;2)'), '3');
    assert.equal(q('reval (value;"a:5")'), "'noupdate");
    assert.equal(q('reval (set;enlist`a;2)'), "'noupdate");
    assert.equal(q('reval parse "{b::3}[]"'), "'noupdate");
    assert.equal(q('a'), '1');
    assert.equal(q('b'), "'b");
    assert.equal(q('reval ({x+a};10)'), '11');             // reading globals is allowed
    assert.equal(q('reval ({[x] y:x*2; y+1};10)'), '21');  // and so are locals
    assert.equal(q(`reval (hopen;enlist\`:${dir}/f)`), "'access");
    assert.equal(q(`reval (set;enlist\`:${dir}/g;1 2 3)`), "'access");
    assert.equal(existsSync(join(dir, 'f')) || existsSync(join(dir, 'g')), false);
    assert.equal(q('reval (system;"c 10 10")'), "'access");
    assert.equal(q('reval (exit;0)'), "'access");
    assert.deepEqual(exits, []);
    // afterwards all is allowed again
    assert.equal(q('a:2;a'), '2');
    assert.equal(q(`\`:${dir}/g set 1 2 3`), `\`:${dir}/g`);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('rand picks one item or value; fkeys names the foreign keys', () => {
  const { q } = makeSession();
  assert.equal(q('all (rand each 1000#6) within 0 5'), '1b');
  assert.equal(q('asc distinct rand each 1000#6'), '`s#0 1 2 3 4 5');
  assert.equal(q('type rand 3.5'), '-9h');
  assert.equal(q('(rand `a`b`c) in `a`b`c'), '1b');
  assert.equal(q('type rand ("abc";"def")'), '10h');
  q('f:([x:1 2 3]y:10 20 30)');
  q('t:([]a:`f$2 2 2;b:0;c:`f$1 1 1)');
  assert.equal(q('fkeys t'), 'a| f\nc| f');
  assert.equal(q('count fkeys ([]a:1 2)'), '0');
});

test('dsave splays global tables, enumerated, with `p# on the first column', () => {
  const dir = scratch('wasq-dsave-');
  const q = nodeSession();
  try {
    q('t:([]sym:`a`a`b`c;price:1 2 3 4f)');
    q('u:([]sym:`b`c`c;size:10 20 30)');
    assert.equal(q(`\`:${dir}/db dsave \`t\`u`), '`t`u');
    assert.equal(q(`\`:${dir}/db2\`2015.01.01 dsave \`t`), '`t');
    assert.equal(existsSync(join(dir, 'db2', '2015.01.01', 't', '.d')), true);
    const cwd = process.cwd();
    q(`\\l ${dir}/db`);
    assert.equal(process.cwd(), join(dir, 'db'), '\\l of a directory makes it the current directory');
    process.chdir(cwd);
    assert.equal(q('exec sym from t'), '`p#`sym$`p#`a`a`b`c');
    assert.equal(q('exec sum size from u where sym=`c'), '50');
    assert.equal(q('sym'), '`a`b`c');
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('.z.s is the running function, .z.r says whether a change would be refused', () => {
  const { q } = makeSession();
  q('fact:{$[x<=0;1;x*.z.s x-1]}');
  assert.equal(q('fact 5'), '120');
  assert.equal(q('{.z.s}[]'), '{.z.s}');
  assert.equal(q('{g:{.z.s}; g[]}[]'), '{.z.s}');
  assert.equal(q('.z.r'), '0b');
  assert.equal(q('reval (value;".z.r")'), '1b');
});

test('the command line: -q is a flag (quiet), .z.X is the raw command line, .z.i the process id', async () => {
  const { spawnSync } = await import('node:child_process');
  const r = spawnSync('node', ['bin/wasq.mjs', '-q', 'x1', '-p', '0'], { input: '.z.q\n.z.X\n.z.x\n.z.i=`int$' + "0N!.z.i\n", encoding: 'utf8' });
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines[0], '1b');
  assert.deepEqual(lines.slice(1, 6), ['"wasq"', '"-q"', '"x1"', '"-p"', ',"0"']);
  assert.equal(lines[6], '()');          // x1 is the script: .z.x holds what follows it
  assert.match(lines[7], /^\d+i$/);
  assert.equal(lines[8], '1b');
});

test('.z.x and .Q.opt: after an option that is not q\'s own, a word is its value, not a script (ref/dotq)', async () => {
  const { spawnSync } = await import('node:child_process');
  const r = spawnSync('node', ['bin/wasq.mjs', '-param1', '-param2', 'as', 'asd', '-param3', '-n', '-1'], { input: '.Q.opt .z.x\n.z.f\n', encoding: 'utf8' });
  assert.equal(r.stdout.trim(), 'param1| ()\nparam2| ("as";"asd")\nparam3| ()\nn     | ,"-1"\n`');
});

test('\\w \\g \\s \\T \\r and .Q.w', () => {
  const dir = scratch('wasq-sys-');
  const q = nodeSession();
  try {
    assert.equal(q('type system "w"'), '7h');
    assert.equal(q('count system "w"'), '6');
    assert.equal(q('{(x[0]<=x 1)&x[1]<=x 2}system "w"'), '1b');
    q('n:first system "w 0"');
    q('`$string til 100');
    assert.equal(q('(first system "w 0")>=n+100'), '1b');
    assert.equal(q('\\w 3'), "'-w init via cmd line");
    assert.equal(q('`used`heap`peak`wmax`mmap`mphy`syms`symw~key .Q.w[]'), '1b');
    assert.equal(q('\\g'), '0i');
    q('\\g 1');
    assert.equal(q('\\g'), '1i');
    assert.equal(q('\\s'), '0i');
    assert.equal(q('\\T'), '0i');
    q('\\T 5');
    assert.equal(q('\\T'), '5i');
    q(`\`:${dir}/a set 1 2 3`);
    q(`\\r ${dir}/a ${dir}/b`);
    assert.equal(q(`get \`:${dir}/b`), '1 2 3');
    assert.equal(existsSync(join(dir, 'a')), false);
    assert.equal(q(`\\r ${dir}/nope ${dir}/c`), `'${dir}/nope`);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('.Q utilities: f fmt id btoa atob ff fu ft dd ty opt def fk res, and n-ary primitives project', () => {
  const { q } = makeSession();
  assert.equal(q('.Q.f[2;]each 9.996 34.3445 -0.0001'), '"10.00"\n"34.34"\n"-0.00"');
  assert.equal(q('.Q.fmt[6;2]each 1 234'), '"  1.00"\n"234.00"');
  assert.equal(q('.Q.fmt[3;2;1234]'), '"***"');
  assert.equal(q('.Q.id each `$("ab";"a/b";"two words";"2drifters";"2+2")'), '`ab`ab`twowords`a2drifters`a22');
  assert.equal(q('cols .Q.id flip (`in`within`a,`$"a/b")!4#enlist 1 2'), '`in1`within1`a`ab');
  assert.equal(q('.Q.btoa"Hello World!"'), '"SGVsbG8gV29ybGQh"');
  assert.equal(q('10h$.Q.atob "aGVsbG8="'), '"hello"');
  assert.equal(q('.Q.atob "aGVsbG8"'), "'domain");
  q('src:([]sym:`a`b;size:1 2)');
  assert.equal(q('meta .Q.ff[src] enlist `sym`ratioA`ratioB!(`a;1;2f)'), 'c     | t f a\n------| -----\nsym   | s    \nsize  | j    \nratioA| j    \nratioB| f    ');
  assert.equal(q('exec ratioB from .Q.ff[src] enlist `sym`ratioA`ratioB!(`a;1;2f)'), '0n 0n');
  assert.equal(q('.Q.fu[{x*2};1 2 1 2]'), '2 4 2 4');
  q('kt:([k:1 2 3]v:10 20 30)');
  assert.equal(q('.Q.ft[{x 1 2};kt]'), 'k| v \n-| --\n2| 20\n3| 30');
  assert.equal(q('.Q.dd[`:dir]`file'), '`:dir/file');
  assert.equal(q('.Q.dd[`AAPL]"O"'), '`AAPL.O');
  assert.equal(q('.Q.ty each ([]a:3 4 5;b:"abc";c:(3;"xy";`ab);d:3 2#3 4 5;e:("abc";"de";"fg"))`a`b`c`d`e'), '"jc JC"');
  assert.equal(q('.Q.opt ("-param1";"-param2";"as";"asd";"-param3")'), 'param1| ()\nparam2| ("as";"asd")\nparam3| ()');
  assert.equal(q('.Q.def[`abc`xyz`efg!(1;2.;`a)] .Q.opt ("-abc";"123";"-xyz";"321")'), 'abc| 123\nxyz| 321f\nefg| `a');
  // each value is a list of strings, one as much as several: scripts take first o`name (csvguess.q)
  q('o:.Q.opt ("-savedb";"foo";"-n";"11")');
  assert.equal(q('-3!o`savedb'), String.raw`",\"foo\""`);
  assert.equal(q('first o`n'), '"11"');
  q('f:([x:1 2 3]y:10 20 30)');
  assert.equal(q('.Q.fk ([]a:`f$2 2 2)`a'), '`f');
  assert.equal(q('.Q.fk 1 2'), '`');
  assert.equal(q('`in`like`select`while in .Q.res'), '1111b');
  // a primitive of fixed rank given fewer arguments is a projection
  assert.equal(q('ssr["abc";"b"] "x"'), '"axc"');
  assert.equal(q('?[1b;2;3]'), '2');
});

test('.Q.f rounds as kdb+ does, -27! from the exact binary value; internal numbers that name keywords', () => {
  const { q } = makeSession();
  assert.equal(q('.Q.f[2;.045]'), '"0.05"');
  assert.equal(q('-27!(2i;.045)'), '"0.04"');
  assert.equal(q('-27!(3i;0 1+123456789.4567)'), '"123456789.457"\n"123456790.457"');
  assert.equal(q('.Q.f[2;0n]'), '""');
  assert.equal(q('.Q.f[0;2.5]'), ',"3"');
  assert.equal(q('-1!`a'), '`:a');
  assert.equal(q('-2!`s#1 2'), '`s');
  assert.equal(q('(-15!"a")~md5 "a"'), '1b');
  assert.equal(q('-24!(+;1;2)'), '3');
  assert.equal(q('-32!"ab"'), '"YWI="');
  assert.equal(q('-29!"[1]"'), ',1f');
});

test('.Q.id makes column names distinct (4.1); value of a file symbol reads it; save and load take several names', () => {
  const { q } = makeSession();
  assert.equal(q('cols .Q.id(`$("count+";"count*";"count1"))xcol([]1 2;3 4;5 6)'), '`count1`count11`count12');
  assert.equal(q('cols .Q.id(`$("aa";"=";"+"))xcol([]1 2;3 4;5 6)'), '`aa`a`a1');
  assert.equal(q('.Q.id`$"_"'), '`a_');
  assert.equal(q('0 {(+)prior x,0}\\ "foo"'), '"foo"');
  assert.equal(q('0 {(+)prior x,0}\\ 1'), ',1');
  const dir = scratch('wasq-save-');
  const r = nodeSession();
  try {
    r('a:1 2 3;b:`x`y');
    assert.equal(r(`save \`:${dir}/a\`:${dir}/b`), `\`:${dir}/a\`:${dir}/b`);
    r('delete a,b from `.');
    assert.equal(r(`load \`:${dir}/a\`:${dir}/b`), '`a`b');
    assert.equal(r('(a;b)'), '1 2 3\n`x`y');
    assert.equal(r(`value \`:${dir}/a`), '1 2 3');
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('a system command q does not know goes to the shell: its output as lines, a failure as os', () => {
  const q = nodeSession();
  assert.equal(q('system "echo hi; echo there"'), '"hi"\n"there"');
  assert.equal(q('system "true"'), '()');
  // \mkdir d prints nothing (ref/key, ref/load), where system gives ()
  assert.equal(q('\\true'), '');
  assert.equal(q('\\false'), "'os");
  assert.equal(q('x:1;x'), '1');
  // the output is bytes, as a q string holds them: a command may print any (\\cat of a binary file)
  assert.equal(q('system "printf \'\\\\377\\\\001ab\\\\ncd\\\\n\\\\n\'"'), '"\\377\\001ab"\n"cd"\n""');
  assert.equal(q('count first system "printf \'\\\\303\\\\251\'"'), '2');
});

test('a file system error is a q error naming the path and what the OS reports; 1: glued to a noun is the verb', () => {
  const dir = scratch('wasq-os-');
  const q = nodeSession();
  try {
    q(`\`:${dir}/d/x set 1`);
    assert.equal(q(`\`:${dir}/d 0: enlist "hello"`), `'${dir}/d. OS reports: Is a directory`);
    assert.equal(q(`read0 (\`:${dir}/d;2)`), `'${dir}/d. OS reports: Is a directory`);
    assert.equal(q(`(\`:${dir}/z;17;2;9)1:100#0x0`), `\`:${dir}/z`);
    assert.equal(q(`(-21!\`:${dir}/z)\`algorithm`), '2i');
    assert.equal(q('x:01:30;x'), '01:30');
    // glued to a noun, 0: before two digits is the verb too (ref/file-text: ","0:10 10#til 100)
    assert.equal(q('count ","0:10 2#til 20'), '2');
    assert.equal(q('(0:30;1:30)'), '00:30 01:30');
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('\\t N sets the timer and each tick runs .z.ts with the time it was due; \\t alone shows it; \\t expr times', () => {
  let out = '', ticks: (() => void) | null = null, every = 0;
  const s = new Session({
    now: () => 946684800000000000n + 5000000000n, tzOffsetMinutes: () => 0, write: (_fd, t) => { out += t; },
    timer: (ms, tick) => { every = ms; ticks = ms ? tick : null; },
  });
  const q = (src: string) => { out = ''; const r = s.evaluate(src); return out + r.out; };
  q('n:0;seen:()');
  q('.z.ts:{n+:1;seen,:x}');
  assert.equal(q('\\t'), '0');
  q('\\t 250');
  assert.equal(every, 250);
  assert.equal(q('\\t'), '250');
  ticks!(); ticks!();
  assert.equal(q('n'), '2');
  assert.equal(q('first seen'), '2000.01.01D00:00:05.000000000');
  q('.z.ts:{1+`a}');
  out = ''; ticks!();
  assert.match(out, /'type/);          // a failing tick says so and the session goes on
  q('\\t 0');
  assert.equal(every, 0);
  assert.equal(q('type system "t til 10"'), '-7h');
});

test('\\ts gives the time and the most vector memory an expression took', () => {
  const { q } = makeSession();
  assert.equal(q('8000000<=last system "ts til 1000000"'), '1b');
  assert.equal(q('last system "ts 1+1"'), '0');
});

test('.Q.ts applies and reports time and space as \\ts does', () => {
  const { q } = makeSession();
  assert.equal(q('last .Q.ts[+;2 3]'), '5');
  assert.equal(q('type first .Q.ts[+;2 3]'), '7h');
  assert.equal(q('8000000<=last first .Q.ts[til;enlist 1000000]'), '1b');
});

test('\\t:n runs its expression n times (parsed once) and gives the total time', () => {
  const { q } = makeSession();
  q('a:0');
  assert.equal(q('-7h=type system "t:5 a+:1"'), '1b');
  assert.equal(q('a'), '5');
  // an assignment under \t:n still shows the time
  assert.match(q('\\t:3 b:1'), /^\d+$/);
  assert.equal(q('b'), '1');
  // \ts:n gives the time of all n runs and the space
  q('c:0');
  assert.equal(q('(type;count) @\\: system "ts:4 c+:1"'), '7h\n2');
  assert.equal(q('c'), '4');
  assert.equal(q('8000000<=last system "ts:2 til 1000000"'), '1b');
});

test('\\1 and \\2 append standard output and error to files (directories made as needed); \\_ shows whether clients may write', () => {
  const dir = scratch('wasq-redirect-');
  try {
    const q = nodeSession();
    assert.equal(q('\\_'), '0b');
    q(`\\1 ${dir}/out/t1.txt`);
    q(`\\2 ${dir}/t2.txt`);
    q('-1 "to stdout";');
    q('-2 "to stderr";');
    q('-1 "again";');
    assert.equal(readFileSync(join(dir, 'out/t1.txt'), 'utf8'), 'to stdout\nagain\n');
    assert.equal(readFileSync(join(dir, 't2.txt'), 'utf8'), 'to stderr\n');
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('\\cd shows and changes the current directory; .Q.lo loads a database with or without changing to it; .Q.l as \\l', () => {
  const dir = scratch('wasq-cd-');
  const was = process.cwd();
  try {
    process.chdir(dir);
    const q = nodeSession();
    assert.equal(q('\\cd'), JSON.stringify(process.cwd()));
    q('t:([]sym:`a`b`a;p:1 2 3f)');
    q('.Q.dpft[`:db;2020.01.01;`sym;`t]');
    q('delete t from `.');
    q('.Q.lo[`:db;0b;0b]');
    assert.equal(q('count t'), '3');
    assert.equal(q('\\cd'), JSON.stringify(process.cwd()), 'no change of directory');
    assert.equal(q('.Q.lo[`:nodb;0b;0b]'), "'nodb: No such file or directory");
    q('.Q.l `:db');
    assert.equal(q('last "/" vs system "cd"'), '"db"');
    q('\\cd ..');
    assert.equal(q('last "/" vs system "cd"'), JSON.stringify(dir.split('/').pop()));
  } finally { process.chdir(was); rmSync(dir, { recursive: true, force: true }); }
});

test('.Q.j10/.Q.x10 (base 64 over .Q.b6) and .Q.j12/.Q.x12 (base 36 over .Q.nA) round-trip; .Q.V gives columns', () => {
  const { q } = makeSession();
  assert.equal(q('.Q.x10 12345'), '"AAAAAAADA5"');
  assert.equal(q('.Q.x12 12345'), '"0000000009IX"');
  assert.equal(q('.Q.j10 each .Q.x10 each 12345+1 2 3'), '12346 12347 12348');
  assert.equal(q('.Q.j12 .Q.x12 123456789'), '123456789');
  assert.equal(q('.Q.V ([k:1 2]b:3 4)'), 'k| 1 2\nb| 3 4');
});

test('-16! counts the global names bound to a value (at least 1)', () => {
  const { q } = makeSession();
  q('a:1 2 3');
  assert.equal(q('-16!a'), '1');
  q('a:b:c:d:e:1 2 3');
  assert.equal(q('-16!a'), '5');
  q('a[0]:9');
  assert.equal(q('(-16!a;-16!b)'), '1 4');
});

test('.z.h is the machine\'s name', () => {
  const q = nodeSession();
  assert.equal(q('.z.h'), '`' + hostname());
  assert.equal(makeSession().q('.z.h'), '`localhost');
});

test('command-line options that are system commands: -P -z -W -o -e -s apply, -w limits vector memory', () => {
  const run = (args: string[], input: string) => spawnSync('node', ['bin/wasq.mjs', ...args], { input, encoding: 'utf8' });
  const r = run(['-P', '10', '-z', '1', '-W', '0', '-o', '-5', '-e', '1', '-s', '4'], '\\P\n\\z\n\\W\n\\o\n\\e\n"D"$"06/01/2010"\n\\s\n\\s 0N\n');
  assert.equal(r.stdout, '10i\n1i\n0i\n-5i\n1i\n2010.01.06\n4i\n4i\n');
  assert.equal(r.stderr, '');
  // -S N seeds the random numbers (basics/cmdline), and is q's own option, not one of .z.x
  assert.equal(run(['-S', '42', '-foo'], '\\S\ncount .z.x\n').stdout, '42i\n1\n');
  const w = run(['-w', '100'], '(system \"w\") 3\nx:til 1000000\ny:til 20000000\ncount x\n\\w 500\ny:til 20000000\ncount y\n');
  assert.equal(w.stdout, "104857600\n'wsfull\n1000000\n20000000\n");
  // without -w, \w n is refused as in kdb+
  assert.equal(run([], '\\w 10\n').stdout, "'-w init via cmd line\n");
});

test('\\z sets how "D"$ reads slashed dates; \\o sets local time; \\W and \\e keep their values', () => {
  const { q } = makeSession();
  assert.equal(q('\\z'), '0i');
  assert.equal(q('"D"$"06/01/2010"'), '2010.06.01');
  q('\\z 1');
  assert.equal(q('"D"$("06/01/2010";"31/02/2010")'), '2010.01.06 0N');
  assert.equal(q('\\z 2'), "'domain");
  assert.equal(q('\\o'), '0Ni');
  q('\\o 390');
  assert.equal(q('\\o'), '390i');
  assert.equal(q('`minute$.z.P-.z.p'), '06:30');
  q('\\o -5');
  assert.equal(q('`minute$.z.p-.z.P'), '05:00');
  assert.equal(q('\\W'), '2i');
});

test('.z.pi handles console lines (a string result is written as it is); .z.exit runs with the exit code', () => {
  const run = (input: string) => spawnSync('node', ['bin/wasq.mjs'], { input, encoding: 'utf8' });
  assert.equal(run('.z.pi:{">",.Q.s value x}\n2+3\n\\x .z.pi\n2+3\n').stdout, '>5\n5\n');
  assert.equal(run('aa:([]a:1 2)\n.z.pi:{0N!value x;}\naa\n').stdout, '+(,`a)!,1 2\n');
  const e = run('.z.exit:{-1 "bye ",string x}\nexit 3\n');
  assert.equal(e.stdout, 'bye 3\n');
  assert.equal(e.status, 3);
  assert.equal(run('.z.exit:{-1 "bye ",string x}\n1+1\n').stdout, '2\nbye 0\n');
  // the code is a long, as ref/dotz's {0N!x} prints it
  assert.equal(run('.z.exit:{0N!x}\nexit 42\n').stdout, '42\n');
});

test('.Q.gz gzips (level;data) and gunzips data, keeping chars as chars and bytes as bytes', () => {
  const { q } = makeSession();
  assert.equal(q('(.Q.gz .Q.gz(9;10000#"helloworld"))~10000#"helloworld"'), '1b');
  assert.equal(q('100>count .Q.gz(9;10000#"helloworld")'), '1b');
  assert.equal(q('.Q.gz .Q.gz (6;0x010203)'), '0x010203');
  assert.equal(q('0x1f8b~2#"x"$.Q.gz(1;"abc")'), '1b');
  assert.equal(q('.Q.gz[::]'), '1b');
  assert.equal(q('.Q.gz "notzipped"'), "'domain");
  assert.equal(q('.Q.gz (10;"a")'), "'domain");
});

test('read0 0 reads the next console line in the middle of a statement; a host without a console says nyi', () => {
  const r = spawnSync('node', ['bin/wasq.mjs', '-q'], { input: 'rl:{1">> ";read0 0}\nrl`\nxiskso\n1+1\n1">> ";a:read0 0\nwhatever\na[4+til 4]\nread0 0\n', encoding: 'utf8' });
  assert.equal(r.stdout, '>> "xiskso"\n2\n>> "ever"\n""\n');
  // a script given on the command line reads the console too, as it loads (psaris/mm's mastermind.q)
  const dir = scratch('wasq-r0-');
  writeFileSync(join(dir, 'r.q'), '1">> ";a:read0 0\nshow a\n');
  const s = spawnSync('node', ['bin/wasq.mjs', join(dir, 'r.q'), '-q'], { input: 'hello\n1+1\n', encoding: 'utf8' });
  assert.equal(s.stdout, '>> "hello"\n2\n');
  const { q } = makeSession();
  assert.equal(q('read0 0'), "'nyi");
});

test('.Q.ld groups lines as \\l does; .Q.trpd traps a function of any rank with its backtrace; .Q.fps reads a named pipe; .Q.k', () => {
  const dir = scratch('wasq-q-');
  const q = nodeSession();
  try {
    assert.equal(q('.Q.ld ("/ multi line func";"f:{";"  x+y";" }";"";"/ single line func";"g:{x*y}")'),
      '1                   2                6                    7        \n"/ multi line func" "f:{\\n  x+y\\n }" "/ single line func" "g:{x*y}"');
    assert.equal(q('.Q.trpd[{x+y};(1;2);{-1}]'), '3');
    assert.equal(q('.Q.trpd[{x+y};(1;`2);{(x;count y)}]'), '"type"\n2');
    assert.equal(q('(.Q.k;.Q.K)~(.z.K;.z.k)'), '1b');
    const fifo = join(dir, 'fifo');
    spawnSync('mkfifo', [fifo]);
    // the writer runs apart, as a pipe's writer does; the read waits for it to finish
    spawn('sh', ['-c', `printf 'a,1\\nb,2\\nc,3\\n' > ${fifo}`], { stdio: 'ignore' });
    assert.equal(q(`.Q.fpn[{0N!x};\`:${fifo};8]`), '("a,1";"b,2")\n,"c,3"\n12');
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('-23!x gives x back and -120!x is memory domain 0 (basics/internal)', () => {
  const { q } = makeSession();
  assert.equal(q('-23!1 2 3'), '1 2 3');
  assert.equal(q("-120!'(1 2 3;`a)"), '0 0');
});

test('\\v lists the variables sorted, marked `s# when there are several (as kdb+ shows `s#`sym`trade)', () => {
  const { q } = makeSession();
  q('b:1'); assert.equal(q('\\v'), ',`b');
  q('a:2'); assert.equal(q('\\v'), '`s#`a`b');
  // a q command's line may end in a comment, which is not its argument (wp/capi: \p // the port)
  assert.equal(q('\\c      / console size'), q('\\c'));
  q('\\d .foo   // a namespace'); assert.equal(q('\\d'), '`.foo'); q('\\d .');
  assert.equal(q('\\c / size'), q('\\c'));
  // after a number, any / after a blank begins a comment (wp/order-book: \P 0   /display the maximum precision)
  q('\\P 0   /display the maximum precision possible'); assert.equal(q('1%3'), '0.33333333333333331'); q('\\P 7');
  // a namespace that is not there is an error naming it (basics/syscmds: \a .n)
  assert.equal(q('\\a .n'), "'.n");
  q('.n.x:1'); assert.equal(q('\\v .n'), ',`x');
  assert.equal(q('\\a .n'), '`symbol$()');
});

test('a namespace is seen as soon as a name is made in it, however the names before were looked up', () => {
  const { q } = makeSession();
  // an undefined name looked up first (which remembers the namespaces there are), then made
  assert.equal(q('@[value;`.ns;{"undefined ",x}]'), '"undefined .ns"');
  q('.ns.x:1'); assert.equal(q('key `.ns'), '``x');
  assert.equal(q('@[value;`.ns.y;{"undefined ",x}]'), '"undefined .ns.y"');
  q('`.ns.deep.y set 2'); assert.equal(q('.ns.deep'), ' | ::\ny| 2');
  q('\\d .other'); q('z:3'); q('\\d .'); assert.equal(q('value `.other'), ' | ::\nz| 3');
  // a namespace emptied stays one; a plain name with no namespace stays undefined
  q('delete x from `.ns'); assert.equal(q('key `.ns'), '``deep');
  assert.equal(q('@[value;`nosuch;{"undefined ",x}]'), '"undefined nosuch"');
  q('a.b:1'); assert.equal(q('key `a'), '``b');
});

test('recursion: the wasq command lets a q function go 1500 deep; deeper is a \'stack that protected evaluation traps, and the session goes on', () => {
  // run as npx runs it: the file itself, through its #! line (which gives V8 a larger stack)
  const r = spawnSync('bin/wasq.mjs', [], {
    input: 'g:{$[x=0;0;1+g x-1]}\ng 1500\n@[g;100000;{"trapped ",x}]\n.[g;enlist 100000;{"trapped ",x}]\ng 1500\nk:{[a;b] $[a=0;b;k[a-1;b+1]]}\nk[1500;0]\n',
    encoding: 'utf8',
  });
  assert.equal(r.stdout, '1500\n"trapped stack"\n"trapped stack"\n1500\n1500\n');
});

test('\\s N up to -s N: peach and each-parallel run their items as on secondary threads, where no global changes', () => {
  const { session, q } = makeSession();
  assert.equal(q('\\s 2'), "'limit");
  session.env.secondaryMax = 4;
  assert.equal(q('\\s 0N'), '4i');
  q('\\s 2');
  assert.equal(q('\\s'), '2i');
  q('a:0');
  assert.equal(q('{x*2} peach 1 2 3'), '2 4 6');
  assert.equal(q("{x+1}':[1 2 3]"), '2 3 4');
  assert.equal(q("count':[(1 2;3 4 5)]"), '2 3');
  assert.equal(q('{`a set x} peach 1 2'), "'noupdate");
  assert.equal(q("{a::x}':[1 2]"), "'noupdate");
  // one item runs as on the main thread; and with \s 0 peach is each
  assert.equal(q('{`a set x} peach enlist 5'), ',`a');
  q('\\s 0');
  assert.equal(q('{`a set x} peach 6 7'), '`a`a');
  assert.equal(q('a'), '7');
  // a binary's ': is still each-prior
  assert.equal(q("-':[1 4 9]"), '1 3 5');
});

test('\\l of a relative script seeks it in the current directory, then QHOME, then QLIC (basics/files)', () => {
  const home = scratch('wasq-qhome-'), lic = scratch('wasq-qlic-');
  writeFileSync(join(home, 'init.q'), 'fromHome:42\n');
  writeFileSync(join(lic, 'other.q'), 'fromLic:7\n');
  const run = (env: Record<string, string>) => spawnSync('node', [join(process.cwd(), 'bin/wasq.mjs')], { input: '\\l init.q\n\\l other.q\nfromHome+fromLic\n', encoding: 'utf8', cwd: tmpdir(), env: { ...process.env, ...env } });
  assert.equal(run({ QHOME: home, QLIC: lic }).stdout, '49\n');
  assert.match(run({ QHOME: lic, QLIC: lic }).stdout, /^'init\.q\. OS reports: No such file/);
  // and last in wasq's examples: the tutorials' \l sp.q, its suppliers linked from sp
  const sp = spawnSync('node', [join(process.cwd(), 'bin/wasq.mjs')], { input: '\\l sp.q\n\\a\nexec sum qty by s.city from sp\n', encoding: 'utf8', cwd: home, env: { ...process.env, QHOME: lic, QLIC: lic } });
  const [shown, rest] = [sp.stdout.split('\n').slice(0, 3), sp.stdout.split('\n').slice(3).join('\n')];
  // (a script's results show in one-line form as it loads, as kdb+'s sp.q shows its three queries')
  assert.equal(shown[1], "(`s#+(,`color)!,`s#`blue`green`red)!+(,`qty)!,900 1000 1200");
  assert.equal(rest, '`p`s`sp\nlondon| 2200\nparis | 900\n');
  rmSync(home, { recursive: true }); rmSync(lic, { recursive: true });
});

test('\\d in a script \\l loads holds to the script\'s end: the loader\'s namespace comes back (kdb+tick\'s u.q and chainedtick.q)', () => {
  const dir = scratch('wasq-ns-'), q = nodeSession();
  writeFileSync(join(dir, 'u.q'), '\\d .u\ninit:{1}\nx:2\n');
  writeFileSync(join(dir, 'bad.q'), '\\d .v\ny:1\n\'oops\n');
  q(`\\l ${dir}/u.q`);
  assert.equal(q('\\d'), '`.');
  q('upd:{x}');
  assert.equal(q('(`upd in key `.;.u.x;`upd in key `.u)'), '1b\n2\n0b');
  // and when the script stops at an error
  assert.match(q(`\\l ${dir}/bad.q`), /oops/);
  assert.equal(q('(system"d";.v.y)'), '`.\n1');
});

test('a script that a namespace\'s lambda loads runs in the working namespace (KX unit-test\'s treg.q)', () => {
  const dir = scratch('wasq-nsl-'), q = nodeSession();
  writeFileSync(join(dir, 'z.q'), 'rep:42;\n');
  q('\\d .tt'); q(`f:{system "l ${dir}/z.q"}`); q('\\d .');
  q('.tt.f[]');
  assert.equal(q('(rep;`rep in key `.tt)'), '42\n0b');
});

test('exit inside .z.exit ends the process with its code (TorQ\'s .lg.e exits there)', () => {
  const r = spawnSync('node', ['bin/wasq.mjs'], { input: '.z.exit:{-1 "bye ",string x;exit 1}\nexit 0\n', encoding: 'utf8', timeout: 30_000 });
  assert.equal(r.stdout, 'bye 0\n');
  assert.equal(r.status, 1);
});

test('what was printed before a shell command is out before the command runs', async () => {
  const c = spawn('node', ['bin/wasq.mjs'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  c.stdout!.on('data', d => { out += d; });
  c.stdin!.end('-1 "before";system"sleep 2";-1 "after";\n');
  await new Promise(r => setTimeout(r, 1200));
  assert.equal(out, 'before\n', 'shown while the command still runs');
  await new Promise(r => c.on('exit', r));
  assert.equal(out, 'before\nafter\n');
});

test('in k a line break inside a lambda ends a statement, in a .k script as in a k) statement (kdb-taq\'s tq.q)', () => {
  const dir = scratch('wasq-k-'), q = nodeSession();
  writeFileSync(join(dir, 'f.k'), 'f:{a:1\n  b:2\n  a+b}\ng:{[x]\n  y:x*2\n  y+1}\n');
  q(`\\l ${dir}/f.k`);
  assert.equal(q('(f[];g 5)'), '3 11');
});

test('\\l of a file of another language x sends its statements to .x.e where that is defined (KX ml\'s test.q runs .t files so); else it is q', () => {
  const dir = scratch('wasq-ext-');
  const q = nodeSession();
  try {
    writeFileSync(join(dir, 'a.t'), 'a:1\nb:2\n  +3\n/ a comment\nf:{x}\n');
    q('.t.e:{seen,:enlist x}; seen:()');
    q(`\\l ${join(dir, 'a.t')}`);
    assert.equal(q('seen'), '"a:1"\n"b:2\\n  +3"\n"f:{x}"');
    assert.equal(q('a'), "'a");
    writeFileSync(join(dir, 'b.u'), 'u:5\n');
    q(`\\l ${join(dir, 'b.u')}`);
    assert.equal(q('u'), '5');
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('\\cd makes a directory that is not there (basics/syscmds)', () => {
  const dir = scratch('wasq-cd-'), was = process.cwd();
  const q = nodeSession();
  try {
    q(`\\cd ${join(dir, 'a/b')}`);
    assert.ok(existsSync(join(dir, 'a/b')));
    assert.equal(q('\\cd'), JSON.stringify(join(realpathSync(dir), 'a/b')));
  } finally { process.chdir(was); rmSync(dir, { recursive: true, force: true }); }
});

test('what -1 prints before a long computation goes out before it, not when the statement ends (io.q -run)', () => {
  const dir = scratch('wasq-out-');
  try {
    writeFileSync(join(dir, 's.q'), '-1"start";while[1b;0]\n');
    const r = spawnSync('node', ['bin/wasq.mjs', join(dir, 's.q')], { encoding: 'utf8', timeout: 2500 });
    assert.equal(r.stdout, 'start\n');
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('QINIT names a script loaded before the rest, default q.q in QHOME (basics/by-topic)', () => {
  const dir = scratch('wasq-qinit-');
  try {
    writeFileSync(join(dir, 'i.q'), 'fromInit:42\n');
    const r = spawnSync('node', ['bin/wasq.mjs', '-q'], { input: 'fromInit\n', encoding: 'utf8', env: { ...process.env, QINIT: join(dir, 'i.q') } });
    assert.equal(r.stdout, '42\n');
    writeFileSync(join(dir, 'q.q'), 'fromHome:7\n');
    const h = spawnSync('node', ['bin/wasq.mjs', '-q'], { input: 'fromHome\n', encoding: 'utf8', env: { ...process.env, QINIT: '', QHOME: dir } });
    assert.equal(h.stdout, '7\n');
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('a.b:1 at the root makes a dictionary a: \\v, key `. and value `. show a once', () => {
  const { q } = makeSession();
  q('a.b:1; a.c:2; x:5');
  assert.equal(q('\\v'), '`s#`a`x');
  assert.equal(q('key `.'), '`a`x');
  assert.equal(q('value `.'), 'a| ``b`c!(::;1;2)\nx| 5');
});

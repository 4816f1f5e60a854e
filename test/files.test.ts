// Text files through the wasq command in a scratch directory: prepare, save, read, load CSV, fixed width.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { scratch } from './scratch.js';

const wasq = (cwd: string, input: string) => execFileSync('node', [resolve('bin/wasq.mjs')], { cwd, input, encoding: 'utf8' });

test('a table goes to CSV and comes back with its types', () => {
  const dir = scratch('wasq-files-');
  const out = wasq(dir, [
    't:([]a:1 2 3;b:`x`y`z;c:1.5 2.5 3.5;d:2020.01.01 2020.01.02 2020.01.03;e:("pp";"q,r";"s\\"t"))',
    '`:t.csv 0: csv 0: t',
    'u:("JSFD*";enlist ",") 0: `:t.csv',
    'u~t',
    'hcount `:t.csv',
    'count read0 `:t.csv',
    '("JS";1 2) 0: ("1a";"22b")',
    'hdel `:t.csv',
    'key `:.',
    'read0 `:nosuch.csv',
  ].join('\n') + '\n').trim().split('\n');
  assert.deepEqual(out.slice(0, 2), ['`:t.csv', '1b']);
  assert.equal(out[3], '4');
  assert.deepEqual(out.slice(4, 6), ['1 2 ', 'a 2b']);
  assert.deepEqual(out.slice(6), ['`:t.csv', '`symbol$()', "'nosuch.csv. OS reports: No such file or directory"]);
});

test('the console size comes from -c, else LINES and COLUMNS, else 25 80', () => {
  const dir = scratch('wasq-files-');
  const run = (args: string[], env: Record<string, string>) => execFileSync('node', [resolve('bin/wasq.mjs'), ...args], { cwd: dir, input: '\\c\n100#"x"\n', encoding: 'utf8', env: { ...process.env, LINES: '', COLUMNS: '', ...env } });
  assert.equal(run([], {}), '25 80i\n' + '"' + 'x'.repeat(76) + '..\n');
  assert.equal(run([], { COLUMNS: '120', LINES: '40' }), '40 120i\n"' + 'x'.repeat(100) + '"\n');
  assert.equal(run(['-c', '30', '50'], { COLUMNS: '120' }), '30 50i\n"' + 'x'.repeat(46) + '..\n');
});

test('read0 and read1 take a file named without its colon (wp/multi-thread: read0 `$"/tmp/f")', () => {
  const dir = scratch('wasq-files-');
  const out = wasq(dir, ['`:f.txt 0: ("a";"b")', 'read0 `$"f.txt"', 'read1 `f.txt', '("S";",") 0: `f.txt'].join('\n') + '\n').trim().split('\n');
  assert.deepEqual(out, ['`:f.txt', ',"a"', ',"b"', '0x610a620a', 'a b']);
});

test('a script\'s results show in one-line form cut to the console, whether it is the command line\'s or \\l loads it (kb/versions: \\l sp.q shows +`p`city!(…))', () => {
  const dir = scratch('wasq-s1-');
  writeFileSync(join(dir, 's1.q'), 'x:1\n([]a:1 2)\n`a`b!1 2\ntil 100\n');
  const cut = '0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 ..';
  assert.equal(wasq(dir, '\\c 25 80\n\\l s1.q\n([]a:1 2)\n'), `+(,\`a)!,1 2\n\`a\`b!1 2\n${cut}\na\n-\n1\n2\n`);
  assert.equal(execFileSync('node', [resolve('bin/wasq.mjs'), 's1.q', '-c', '25', '80'], { cwd: dir, input: '', encoding: 'utf8' }), `+(,\`a)!,1 2\n\`a\`b!1 2\n${cut}\n`);
});

test('\\_ f.q writes the runtime script f.q_ (never a shell command): its bytes show no code, it loads as f.q does, and its functions show as locked and are not serialized (basics/syscmds)', () => {
  const dir = scratch('wasq-files-');
  writeFileSync(join(dir, 't1.q'), 'a:123;f:{x+2*y}\n');
  const out = wasq(dir, [
    '\\_ t1.q',
    'system"_ t1.q"',
    '\\l t1.q_',
    'a',
    'f[10;1 2 3]',
    'f',
    '-8!f',
    'g:{x}',
    'g',
    '\\_',
  ].join('\n') + '\n').trim().split('\n');
  assert.deepEqual(out, ['`t1.q_', '`t1.q_', '123', '12 14 16', 'locked', "'type", '{x}', '0b']);
  const bytes = readFileSync(join(dir, 't1.q_'), 'latin1');
  assert.ok(!bytes.includes('x+2*y') && !bytes.includes('a:123'), 'the runtime script hides its code');
});

// Text files through the wasq command in a scratch directory: prepare, save, read, load CSV, fixed width.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';

const wasq = (cwd: string, input: string) => execFileSync('node', [resolve('bin/wasq.mjs')], { cwd, input, encoding: 'utf8' });

test('a table goes to CSV and comes back with its types', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wasq-files-'));
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
  assert.deepEqual(out.slice(4, 6), ['1 2', 'a 2b']);
  assert.deepEqual(out.slice(6), ['`:t.csv', '`symbol$()', "'nosuch.csv"]);
});

// The conformance corpus (real kdb+ console output) must pass at least the floor kept in the repo.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { scratch } from './scratch.js';

const runner = join(process.cwd(), '..', 'shared', 'conformance', 'run.mjs');
// the corpus lives beside the clone (../shared, as CI has it): a clone alone skips this test and says why,
// and under CI (CI set) its absence fails it
const absent = !existsSync(runner) && !process.env.CI;

test('conformance pass count is at or above the floor', { timeout: 900_000, skip: absent && `${runner} is not beside this clone` }, () => {
  const floor = JSON.parse(readFileSync('test/conformance-floor.json', 'utf8')).passed as number;
  // the corpus's pages write files (save, set, hopen …): they run in a directory of their own, not the repo
  const dir = scratch('wasq-conf-'), out = join(dir, 'result.json');
  execFileSync('node', [runner, '--cmd', `node ${join(process.cwd(), 'bin', 'wasq.mjs')}`, '--json', out], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 28 });
  const r = JSON.parse(readFileSync(out, 'utf8'));
  console.log(`conformance: ${r.passed} passed, ${r.failed} failed (floor ${floor})`);
  assert.ok(r.passed >= floor, `conformance fell to ${r.passed}, below the floor ${floor}`);
});

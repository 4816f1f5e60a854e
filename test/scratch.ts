// Test helper: a scratch directory under the system's temporary directory, removed when the test file's
// process ends (node --test runs each file in its own), so that a run of the suite leaves none behind:
// it had left about eighty a run, some holding whole databases.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];
process.on('exit', () => { for (const d of made) rmSync(d, { recursive: true, force: true }); });

export function scratch(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

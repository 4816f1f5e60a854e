// Standard output whose reader has gone (wasq script.q | head): the write fails with EPIPE. A process
// serving no port ends quietly, as q does when SIGPIPE stops it; one serving a port goes on answering.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { sleep } from './helpers.js';

/** Start wasq on standard input text, read its first output, then close the pipe it writes to. */
function startAndCut(args: string[], input: string) {
  const child = spawn('node', ['bin/wasq.mjs', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', d => { err += d; });
  child.stdout!.once('data', () => child.stdout!.destroy());
  child.stdin!.end(input);
  const exited = new Promise<number | null>(res => child.on('exit', code => res(code)));
  return { child, exited, err: () => err };
}

test('a script whose output is cut off ends quietly with status 0', async () => {
  // lines enough to fill the pipe many times over, each flush a write that fails once it is closed
  const { exited, err } = startAndCut([], 'do[200;-1 string til 2000]\n');
  assert.equal(await exited, 0);
  assert.equal(err(), '');
});

test('a server whose output is cut off keeps answering', async () => {
  const { child, exited, err } = startAndCut(['-p', '0W'], '.z.ts:{-1 string til 1000}\n\\t 5\n');
  try {
    for (let t = 0; t < 10000 && !/listening on \S+:(\d+)/.test(err()); t += 25) await sleep(25);
    const port = /listening on \S+:(\d+)/.exec(err())![1];
    // the timer has printed into the closed pipe a while by now
    await sleep(300);
    assert.equal(child.exitCode, null, 'still running');
    const r = await fetch(`http://127.0.0.1:${port}/?1%2B1`);
    assert.equal(r.status, 200);
    assert.match(await r.text(), /\b2\b/);
    assert.doesNotMatch(err(), /Unhandled|EPIPE/);
  } finally { child.kill(); await exited; }
});

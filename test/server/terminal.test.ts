// The console at a real terminal (a pseudo-terminal from util-linux's script(1)): Ctrl-C stops a running
// line with 'stop and the session keeps its data and what was typed meanwhile; at the prompt, Ctrl-C
// drops the line being typed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { sleep } from './helpers.js';

const hasScript = spawnSync('script', ['--version']).status === 0;

test('Ctrl-C at the terminal stops the running line (\'stop) and keeps the session', { skip: !hasScript && 'script(1) (util-linux) is not installed' }, async () => {
  const child = spawn('script', ['-qfec', 'node bin/wasq.mjs -q', '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', d => { out += d; });
  const until = async (re: RegExp, what: string) => {
    for (let t = 0; t < 15000 && !re.test(out); t += 25) await sleep(25);
    assert.match(out, re, what);
  };
  const type = (s: string) => { child.stdin!.write(s); };
  try {
    await until(/q\)/, 'the prompt');
    type('a:42\r');
    type('while[1;]\r');
    await sleep(500);
    // typed while the loop runs: kept for the next prompt
    type('a+');
    type('\x03');
    await until(/'stop/, "'stop");
    type('1\r');
    await until(/\n43\r?\n/, 'a+1 after the stop');
    // a lambda iterated a billion times stops too
    type('{x+1}/[1000000000;0]\r');
    await sleep(500);
    type('\x03');
    await until(/'stop[\s\S]*'stop/, "a second 'stop");
    // Ctrl-C at the prompt drops what was typed
    type('xyz\x03');
    await sleep(200);
    type('a*2\r');
    await until(/\n84\r?\n/, 'a*2');
    assert.doesNotMatch(out, /'xyz/);
    type('\\\\\r');
    const code = await new Promise(r => child.on('exit', r));
    assert.equal(code, 0);
  } finally { child.kill(); }
});

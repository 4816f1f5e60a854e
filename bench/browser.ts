// The benchmark's queries inside the page's worker (Debian chromium through playwright-core) beside the
// same queries in Node: the same q script builds the same trade table in both, and the clock is read
// inside the interpreter around each query, so the ratio is the engine's, not the message passing's. Adds the figures to
// bench/results.json.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import '../server/kernels.js';
import { Session } from '../q/session.js';
import { clockNs } from '../q/value/time.js';
import { servePage, launch } from '../e2e/browser.js';
import { QUERIES as SIX, tradeScript } from './queries.js';

const N = Number(process.env.BENCH_ROWS ?? 10_000_000), REPS = Number(process.env.BENCH_REPS ?? 5);
const QUERIES: [string, string][] = [...SIX, ['scan', 'sum trade`price']];
const SETUP = tradeScript(N);
const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1];
type Run = (q: string) => Promise<string>;

async function measure(run: Run): Promise<Record<string, number>> {
  for (const l of SETUP) await run(l);
  const out: Record<string, number> = {};
  for (const [id, q] of QUERIES) {
    // each run is a statement of its own, sent as the workbench sends one (a task each, as a server's
    // queries are too), timed inside the interpreter to the microsecond; one untimed run first
    const timed = `{t:.z.n; value x; 1e-6*\`long$.z.n-t} ${JSON.stringify(q)}`;
    await run(timed);
    const ms: number[] = [];
    // (a whole number of milliseconds displays as 2f)
    for (let i = 0; i < 10 * REPS; i++) ms.push(parseFloat(await run(timed)));
    out[id] = median(ms);
  }
  return out;
}
const session = new Session({ now: clockNs, tzOffsetMinutes: () => 0, write: () => {} });
const node = await measure(async q => { await new Promise(r => setImmediate(r)); const r = session.evaluate(q); if (r.error) throw new Error(`${q}: ${r.out}`); return r.out; });

const { url, server } = await servePage();
const browser = await launch();
let web: Record<string, number>;
try {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.ready === '1', null, { timeout: 60_000 });
  if (!await page.evaluate(() => (globalThis as any).wasq.kernels())) throw new Error('the page did not install the kernels');
  web = await measure(async q => {
    const outs = await page.evaluate(src => (globalThis as any).wasq.evaluate(src), q) as { text: string; error: boolean }[];
    const last = outs[outs.length - 1];
    if (last?.error) throw new Error(`${q}: ${last.text}`);
    return last?.text ?? '';
  });
} finally { await browser.close(); server.close(); }

console.log(`\n## the queries in the browser's worker and in Node, ${N.toLocaleString('en')} rows (median ms of ${10 * REPS} runs, each a statement of its own)\n`);
console.log('| query | Node ms | browser ms | browser/Node |\n| --- | ---: | ---: | ---: |');
const fmt = (x: number) => x < 10 ? x.toFixed(1) : String(Math.round(x));
for (const [id] of QUERIES) console.log(`| ${id} | ${fmt(node[id])} | ${fmt(web[id])} | ${(web[id] / node[id]).toFixed(2)} |`);
const file = 'bench/results.json', results = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
results.browser = { rows: N, node, browser: web };
writeFileSync(file, JSON.stringify(results, null, 1));

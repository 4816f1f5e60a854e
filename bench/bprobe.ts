// Queries timed alone in the page's worker: `node scripts/bench.mjs bprobe '<q>' ['<q>' …]` prints each
// query's 15 runs in ms (N rows, default 1M), each run a statement of its own as the workbench sends it.
// For looking at one query in the browser closely, not for comparisons (bench/browser.ts).
import { servePage, launch } from '../e2e/browser.js';
import { tradeScript } from './queries.js';

const { url, server } = await servePage();
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.ready === '1', null, { timeout: 60_000 });
  const run = async (q: string) => {
    const outs = await page.evaluate(src => (globalThis as any).wasq.evaluate(src), q) as { text: string; error: boolean }[];
    return outs.map(o => o.text).join('\n');
  };
  for (const l of tradeScript(Number(process.env.N ?? 1_000_000))) await run(l);
  for (const q of process.argv.slice(2)) {
    const ms: string[] = [];
    for (let i = 0; i < 15; i++) ms.push(await run(`{t:.z.n; value x; 1e-6*\`long$.z.n-t} ${JSON.stringify(q)}`));
    console.log(q, '|', ms.map(m => parseFloat(m).toFixed(1)).join(' '));
  }
} finally { await browser.close(); server.close(); }

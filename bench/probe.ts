// One query timed alone over the benchmark's trade table (10M rows, or N): `node scripts/bench.mjs probe
// '<q query>' [runs]` prints each run's milliseconds, each run in a task of its own. For looking at one
// query closely (with node --cpu-prof on dist/bench/probe.mjs), not for comparisons.
import '../server/kernels.js';
import { generate } from './data.js';
import { tradeSession } from './session.js';

const s = tradeSession(generate(Number(process.env.N ?? 10000000)));
(globalThis as { gc?: () => void }).gc?.();   // the garbage of building the data, before timing
const q = process.argv[2], reps = Number(process.argv[3] ?? 20);
const ms: number[] = [];
for (let i = 0; i < reps; i++) {
  await new Promise(r => setImmediate(r));
  const t0 = performance.now(); const r = s.evaluate(q); ms.push(performance.now() - t0);
  if (r.error) { console.log(r.out); break; }
}
console.log(q, ms.map(m => m.toFixed(0)).join(' '));

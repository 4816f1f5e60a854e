// One query timed alone over the benchmark's trade table (10M rows, or N): `node scripts/bench.mjs probe
// '<q query>' [runs]` prints each run's milliseconds, each run in a task of its own. For looking at one
// query closely (with node --cpu-prof on dist/bench/probe.mjs), not for comparisons.
import '../server/kernels.js';
import { Session } from '../q/session.js';
import { T } from '../q/value/types.js';
import { Q, vec, table } from '../q/value/value.js';
import { from } from '../q/value/storage.js';
import { generate } from './data.js';
const c = generate(Number(process.env.N ?? 10000000));
const s = new Session({ now: () => 0n, tzOffsetMinutes: () => 0, write: () => {} });
s.evaluate('stock:([name:`Alcatel`Alstom`AirFrance`FranceTelecom`Snecma`Supra] industry:`telecom`engineering`aviation`telecom`aviation`consulting)');
s.env.globals.set('trade', table(['stock', 'price', 'amount', 'exchange', 'date'], [
  { t: T.Enum, d: from(T.Enum, c.stock), a: 0, dom: 'stock' } as Q, vec(T.Float, from(T.Float, c.price)), vec(T.Long, from(T.Long, c.amount)),
  vec(T.Float, from(T.Float, c.exchange)), vec(T.Date, from(T.Date, c.date), 1),
]));
const q = process.argv[2], reps = Number(process.argv[3] ?? 20);
const ms: number[] = [];
for (let i = 0; i < reps; i++) {
  await new Promise(r => setImmediate(r));
  const t0 = performance.now(); const r = s.evaluate(q); ms.push(performance.now() - t0);
  if (r.error) { console.log(r.out); break; }
}
console.log(q, ms.map(m => m.toFixed(0)).join(' '));

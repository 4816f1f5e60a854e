// Memory over a loop of queries: 200 queries (Q1–Q6 of bench/run.ts in turn) over a 10,000,000-row trade
// table, one evaluation each as a port would receive them. Prints wasm memory, live vector bytes and the
// process's resident size after the table is built and as the loop goes; vector blocks are recycled, so
// the figures level off instead of growing with the number of queries.
import '../server/kernels.js';
import { Session } from '../q/session.js';
import { heapStats } from '../q/value/heap.js';

const N = Number(process.env.BENCH_ROWS ?? 10_000_000), LOOPS = Number(process.env.BENCH_LOOPS ?? 200);
const QUERIES = [
  'select avg price by stock from trade',
  'select first date, last date, amount wavg price by stock, date.week from trade where date within 1998.02.28 1998.03.31',
  '`price xasc trade',
  'select count i by stock, date from trade',
  'exec sum price*amount from trade where price within 10 20',
  'select from trade where stock=`Alcatel, price>50',
];
const s = new Session({ now: () => 0n, tzOffsetMinutes: () => 0, write: () => {} });
const run = (q: string) => { const r = s.evaluate(q); if (r.error) throw new Error(`${q}: ${r.out}`); };
run('stock:([name:`Alcatel`Alstom`AirFrance`FranceTelecom`Snecma`Supra] industry:`telecom`engineering`aviation`telecom`aviation`consulting)');
run(`n:${N}; trade:([]stock:\`stock$n?exec name from stock; price:n?100.0; amount:100*10+n?20; exchange:5+n?2.0; date:1998.01.01+n?449)`);
run('`date xasc `trade');
const MB = (b: number) => (b / 2 ** 20).toFixed(0);
const line = (label: string) => { const h = heapStats(); console.log(`| ${label} | ${MB(h.heap)} | ${MB(h.used)} | ${MB(process.memoryUsage().rss)} |`); return h; };
console.log(`## memory over ${LOOPS} queries on ${N.toLocaleString('en')} rows (MiB)\n`);
console.log('| after | wasm memory | live vectors | process RSS |\n| --- | ---: | ---: | ---: |');
line('table built');
const marks: number[] = [];
for (let i = 1; i <= LOOPS; i++) {
  run(QUERIES[(i - 1) % QUERIES.length]);
  await new Promise(r => setImmediate(r));   // as between two messages on a port
  if (i === 20 || i % 50 === 0) { const h = line(`${i} queries`).heap; if (i >= 50) marks.push(h); }
}
const grew = marks[marks.length - 1] > marks[0];
console.log(`\nwasm memory from query 50 to ${LOOPS}: ${grew ? 'GREW' : 'no growth'} (the first queries fill the free lists)`);

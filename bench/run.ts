// npm run bench: wasq beside DuckDB (1 and 2 threads) and arquero on the same generated trade table
// (examples/trade.q's shape, deterministic), 1M and 10M rows. Prints median ms and ratios; writes
// bench/results.json. Also the interpreter overhead figures (bench/interp.ts) and a column scan beside a
// plain SIMD wasm loop.
import '../server/kernels.js';
import { writeFileSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { DuckDBInstance } from '@duckdb/node-api';
import * as aq from 'arquero';
import { STOCKS, generate, writeCsv, Cols } from './data.js';
import { tradeSession } from './session.js';
import { QUERIES } from './queries.js';
import type { Session } from '../q/session.js';

const SIZES = (process.env.BENCH_SIZES ?? '1000000,10000000').split(',').map(Number);
const REPS = Number(process.env.BENCH_REPS ?? 5);
const D0 = 10227; // 1998.01.01 as days since 2000.01.01 is -730; kdb+ dates count from 2000, DuckDB from 1970

const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1];
async function time(f: () => unknown | Promise<unknown>): Promise<[number, unknown]> {
  let last: unknown; const ms: number[] = [];
  // a full collection first, so that no system pays for garbage made before it (building the data
  // leaves hundreds of MB, whose concurrent marking would otherwise compete with the first queries)
  (globalThis as { gc?: () => void }).gc?.();
  // one untimed run first, for every system alike: caches, lazy compilation, free lists
  await new Promise(r => setImmediate(r));
  await f();
  for (let i = 0; i < REPS; i++) {
    // each run starts in a task of its own, as a server's queries do: memory the last run dropped is
    // handed back between tasks (heap.ts), and a peer's own threads settle
    await new Promise(r => setImmediate(r));
    const t0 = performance.now(); last = await f(); ms.push(performance.now() - t0);
  }
  return [median(ms), last];
}

const SQL: Record<string, string> = {
  Q1: 'select stock, avg(price) from trade group by stock',
  Q2: "select stock, date_trunc('week', date) as week, min(date), max(date), sum(amount*price)/sum(amount) from trade where date between DATE '1998-02-28' and DATE '1998-03-31' group by all",
  Q3: 'create or replace temp table s as select * from trade order by price',
  Q4: 'select stock, date, count(*) from trade group by all',
  Q5: 'select sum(price*amount) from trade where price between 10 and 20',
  Q6: "create or replace temp table s6 as select * from trade where stock='Alcatel' and price>50",
};

async function wasq(c: Cols) {
  const s = tradeSession(c);
  const out: Record<string, number> = {}, check: Record<string, string> = {};
  for (const [id, q] of QUERIES) {
    const [ms] = await time(() => { const r = s.evaluate(q); if (r.error) throw new Error(`${id}: ${r.out}`); return r; });
    out[id] = ms;
  }
  check.Q5 = s.evaluate('exec sum price*amount from trade where price within 10 20').out;
  check.Q6 = s.evaluate('count select from trade where stock=`Alcatel, price>50').out;
  check.Q1 = s.evaluate('exec price from select avg price by stock from trade').out;
  return { ms: out, check, scan: await scan(c, s) };
}

async function duck(c: Cols, threads: number, csv: string) {
  const db = await DuckDBInstance.create(':memory:', { threads: String(threads) });
  const con = await db.connect();
  await con.run(`create type stocks as enum (${STOCKS.map(s => `'${s}'`).join(',')})`);
  await con.run(`create table trade as select stock::stocks as stock, price, amount, exchange, date from read_csv('${csv}', header=true, columns={'stock':'VARCHAR','price':'DOUBLE','amount':'BIGINT','exchange':'DOUBLE','date':'DATE'})`);
  const out: Record<string, number> = {};
  for (const [id] of QUERIES) out[id] = (await time(() => con.runAndReadAll(SQL[id])))[0];
  const q5 = (await con.runAndReadAll(SQL.Q5)).getRows()[0][0] as number;
  const q6 = (await con.runAndReadAll("select count(*) from trade where stock='Alcatel' and price>50")).getRows()[0][0];
  con.closeSync?.();
  return { ms: out, check: { Q5: q5, Q6: Number(q6) } };
}

function arquero(c: Cols) {
  const t = aq.table({ stock: Array.from(c.stock, i => STOCKS[i]), price: c.price, amount: Float64Array.from(c.amount, Number), exchange: c.exchange, date: c.date });
  const out: Record<string, number> = {};
  const run = (f: () => unknown) => { const ms: number[] = []; for (let i = 0; i < REPS; i++) { const t0 = performance.now(); f(); ms.push(performance.now() - t0); } return median(ms); };
  // arquero parses its expressions from source text, so they are given as strings
  out.Q1 = run(() => t.groupby('stock').rollup({ price: 'd => op.mean(d.price)' }).objects());
  out.Q2 = run(() => t.filter('d => d.date >= -671 && d.date <= -640').derive({ week: 'd => d.date - ((d.date + 5) % 7 + 7) % 7' })
    .groupby('stock', 'week').rollup({ d0: 'd => op.min(d.date)', d1: 'd => op.max(d.date)', pa: 'd => op.sum(d.price * d.amount)', a: 'd => op.sum(d.amount)' }).objects());
  out.Q3 = run(() => t.orderby('price').reify());
  out.Q4 = run(() => t.groupby('stock', 'date').count().numRows());
  out.Q5 = run(() => t.filter('d => d.price >= 10 && d.price <= 20').rollup({ s: 'd => op.sum(d.price * d.amount)' }).objects());
  out.Q6 = run(() => t.filter("d => d.stock === 'Alcatel' && d.price > 50").reify());
  return { ms: out };
}

/** A plain wasm SIMD sum (four f64x2 accumulators) beside wasq's `sum price`. */
async function scan(c: Cols, s: Session) {
  // a bare instance of the same module on a memory of its own: the loop alone, no interpreter
  const mem = new WebAssembly.Memory({ initial: Math.ceil(c.price.byteLength / 65536) + 1, maximum: 65536, shared: true });
  const { instance } = await WebAssembly.instantiate(readFileSync('build/kernels.wasm'), { env: { memory: mem, abort: () => {} } });
  new Float64Array(mem.buffer, 0, c.price.length).set(c.price);
  const sum = instance.exports.sumF64 as (p: number, n: number) => number;
  const [simd] = await time(() => sum(0, c.price.length));
  const [w] = await time(() => s.evaluate('sum trade`price'));
  return { simd, wasq: w };
}

const fmt = (x: number) => x < 10 ? x.toFixed(1) : String(Math.round(x));
// other benchmarks' figures (csv, browser, memory) in the same file are kept
const results: any = (() => { try { return JSON.parse(readFileSync('bench/results.json', 'utf8')); } catch { return {}; } })();
results.date = new Date().toISOString(); results.sizes ??= {};
for (const n of SIZES) {
  console.log(`\n## trade with ${n.toLocaleString('en')} rows (median of ${REPS})\n`);
  const cols = generate(n);
  const dir = mkdtempSync(join(tmpdir(), 'wasq-bench-')), csv = join(dir, 'trade.csv');
  writeCsv(cols, csv);
  const w = await wasq(cols), d1 = await duck(cols, 1, csv), d2 = await duck(cols, 2, csv), a = arquero(cols);
  // the systems must agree
  const q5w = Number(w.check.Q5), q6w = Number(w.check.Q6);
  const agree = Math.abs(q5w - d1.check.Q5) <= 1e-6 * Math.abs(d1.check.Q5) && q6w === d1.check.Q6;
  console.log('| query | wasq ms | DuckDB 1T ms | DuckDB 2T ms | arquero ms | wasq/DuckDB 1T | wasq/arquero |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [id, q] of QUERIES) console.log(`| ${id} \`${q}\` | ${fmt(w.ms[id])} | ${fmt(d1.ms[id])} | ${fmt(d2.ms[id])} | ${fmt(a.ms[id])} | ${(w.ms[id] / d1.ms[id]).toFixed(2)} | ${(w.ms[id] / a.ms[id]).toFixed(2)} |`);
  console.log(`\ncolumn scan \`sum price\`: wasq ${w.scan.wasq.toFixed(2)} ms, a bare SIMD wasm loop (four f64x2 accumulators) ${w.scan.simd.toFixed(2)} ms: wasq at ${(100 * w.scan.simd / w.scan.wasq).toFixed(0)}% of its speed`);
  console.log(`\nresults agree with DuckDB (Q5 sum, Q6 count): ${agree ? 'yes' : `NO (wasq ${q5w} ${q6w}, DuckDB ${d1.check.Q5} ${d1.check.Q6})`}`);
  results.sizes[n] = { wasq: w.ms, duckdb1: d1.ms, duckdb2: d2.ms, arquero: a.ms, agree, scan: w.scan };
  // (the CSVs are up to hundreds of megabytes: not left in the temporary directory)
  rmSync(dir, { recursive: true, force: true });
}
writeFileSync('bench/results.json', JSON.stringify(results, null, 1));
console.log('\nfigures written to bench/results.json');

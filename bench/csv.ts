// Loading the trade table from CSV: wasq's `("SFJFD";enlist csv) 0: `:trade.csv` beside DuckDB's
// read_csv (1 thread and 2) on the same file, 1M and 10M rows. Checks that the row counts and the price
// sums agree; prints median ms; adds the figures to bench/results.json under "csv".
import { readFileSync, writeFileSync, mkdtempSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { DuckDBInstance } from '@duckdb/node-api';
import { Session } from '../q/session.js';
import { generate, writeCsv } from './data.js';
import '../server/kernels.js';
import { nodeHost } from '../server/cli.js';

const SIZES = (process.env.BENCH_SIZES ?? '1000000,10000000').split(',').map(Number);
const REPS = Number(process.env.BENCH_REPS ?? 3);
const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1];

async function timed<T>(f: () => Promise<T> | T): Promise<[number, T]> {
  const ms: number[] = []; let last!: T;
  for (let i = 0; i < REPS; i++) { const t0 = performance.now(); last = await f(); ms.push(performance.now() - t0); }
  return [median(ms), last];
}

const results: Record<string, unknown> = {};
for (const n of SIZES) {
  const dir = mkdtempSync(join(tmpdir(), 'wasq-csv-')), csv = join(dir, 'trade.csv');
  writeCsv(generate(n), csv);
  const mb = statSync(csv).size / 2 ** 20;
  const s = new Session(nodeHost(() => {}));
  s.evaluate('\\P 0'); // the check sum at full precision
  const [w, check] = await timed(() => {
    const r = s.evaluate(`trade:("SFJFD";enlist csv) 0: \`:${csv}; (count trade; sum trade\`price)`);
    if (r.error) throw new Error(r.out);
    s.evaluate('trade:0'); // the next load starts from the same memory
    return r.out;
  });
  const duck = async (threads: number) => {
    const db = await DuckDBInstance.create(':memory:', { threads: String(threads) }), con = await db.connect();
    const [ms] = await timed(() => con.run(`create or replace table trade as select * from read_csv('${csv}', header=true, columns={'stock':'VARCHAR','price':'DOUBLE','amount':'BIGINT','exchange':'DOUBLE','date':'DATE'})`));
    const row = (await con.runAndReadAll('select count(*), sum(price) from trade')).getRows()[0];
    return { ms, count: Number(row[0]), sum: Number(row[1]) };
  };
  const d1 = await duck(1), d2 = await duck(2);
  const [cnt, sum] = check.split(/\s+/).map(Number);
  const agree = cnt === d1.count && Math.abs(sum - d1.sum) <= 1e-9 * Math.abs(d1.sum);
  console.log(`\n## CSV load, ${n.toLocaleString('en')} rows (${mb.toFixed(0)} MiB, median of ${REPS})\n`);
  console.log('| system | ms | wasq / system |\n| --- | ---: | ---: |');
  console.log(`| wasq \`("SFJFD";enlist csv) 0: \` | ${w.toFixed(0)} | |`);
  console.log(`| DuckDB read_csv, 1 thread | ${d1.ms.toFixed(0)} | ${(w / d1.ms).toFixed(2)} |`);
  console.log(`| DuckDB read_csv, 2 threads | ${d2.ms.toFixed(0)} | ${(w / d2.ms).toFixed(2)} |`);
  console.log(`\nrow count and price sum agree with DuckDB: ${agree ? 'yes' : `NO (wasq ${cnt} ${sum}, DuckDB ${d1.count} ${d1.sum})`}`);
  results[n] = { wasq: w, duckdb1: d1.ms, duckdb2: d2.ms, agree };
  // (the CSVs are up to hundreds of megabytes: not left in the temporary directory)
  rmSync(dir, { recursive: true, force: true });
}
const file = 'bench/results.json', all = (() => { try { return JSON.parse(readFileSync(file, 'utf8')); } catch { return {}; } })();
all.csv = results;
writeFileSync(file, JSON.stringify(all, null, 1));

// The benchmark's trade table (examples/trade.q's shape), generated deterministically, and its CSV file.
import { writeFileSync } from 'node:fs';

export const STOCKS = ['Alcatel', 'Alstom', 'AirFrance', 'FranceTelecom', 'Snecma', 'Supra'];

/** The trade columns, deterministic (xorshift), sorted by date; dates count days from 2000.01.01 as kdb+ does. */
export function generate(n: number) {
  let s = 88172645463325252n;
  const rnd = () => { s ^= s << 13n; s &= (1n << 64n) - 1n; s ^= s >> 7n; s ^= s << 17n; s &= (1n << 64n) - 1n; return Number(s >> 11n) / 2 ** 53; };
  const rows = Array.from({ length: n }, () => ({ stock: Math.floor(rnd() * 6), price: rnd() * 100, amount: 100 * (10 + Math.floor(rnd() * 20)), exchange: 5 + rnd() * 2, date: Math.floor(rnd() * 449) }));
  rows.sort((a, b) => a.date - b.date);
  return {
    stock: Int32Array.from(rows, r => r.stock), price: Float64Array.from(rows, r => r.price), amount: BigInt64Array.from(rows, r => BigInt(r.amount)),
    exchange: Float64Array.from(rows, r => r.exchange), date: Int32Array.from(rows, r => r.date - 730),
  };
}
export type Cols = ReturnType<typeof generate>;

/** The columns as CSV with a header line (ISO dates), written a million lines at a time. */
export function writeCsv(c: Cols, path: string) {
  const n = c.price.length, lines = ['stock,price,amount,exchange,date'];
  let first = true;
  const flush = () => { writeFileSync(path, lines.join('\n') + '\n', { flag: first ? 'w' : 'a' }); first = false; lines.length = 0; };
  for (let i = 0; i < n; i++) {
    const d = new Date(Date.UTC(2000, 0, 1 + c.date[i]));
    lines.push(`${STOCKS[c.stock[i]]},${c.price[i]},${c.amount[i]},${c.exchange[i]},${d.toISOString().slice(0, 10)}`);
    if (lines.length >= 1e6) flush();
  }
  if (lines.length || first) flush();
}

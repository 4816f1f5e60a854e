// examples/trade.q through the wasq command, as a user runs it: the load output, then queries on stdin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';

const run = (input: string) => execFileSync('node', ['bin/wasq.mjs', 'examples/trade.q'], { input, encoding: 'utf8' });

test('loading trade.q prints `trade, 6, 10000 and then reads standard input', () => {
  assert.equal(run(''), '`trade\n6\n10000\n');
  assert.equal(run('1+1\n'), '`trade\n6\n10000\n2\n');
});

test('select avg price by stock gives six rows of float averages near 50', () => {
  const out = run('select avg price by stock from trade\n').split('\n').slice(3).filter(Boolean);
  assert.match(out[0], /^stock\s+\| price\s*$/);
  assert.match(out[1], /^-+\| -+$/);
  const rows = out.slice(2);
  assert.equal(rows.length, 6);
  for (const r of rows) {
    const [stock, avg] = r.split('|').map(s => s.trim());
    assert.ok(['Alcatel', 'Alstom', 'AirFrance', 'FranceTelecom', 'Snecma', 'Supra'].includes(stock), stock);
    const v = Number(avg);
    assert.ok(v > 40 && v < 60 && !Number.isInteger(v), `${stock} average ${avg}`);
  }
});

test('weekrollup gives one row per stock per week, dates inside the week and the range', () => {
  const out = run([
    'r:weekrollup 1998.02.28 1998.03.31',
    'cols r',
    'keys r',
    'u:0!r',
    'all (u[`week]<=u[`date])&(u[`date]<=u[`date1])&(u[`date1]<u[`week]+7)',
    'all (u[`date] within 1998.02.28 1998.03.31)&u[`date1] within 1998.02.28 1998.03.31',
    '(count u)=count select distinct stock,week from u',
    // 2000.01.01 was a Saturday, so Mondays are 2 mod 7 days after it
    'all 2=u[`week] mod 7',
  ].join('\n') + '\n').split('\n').slice(3).filter(Boolean);
  assert.deepEqual(out, ['`stock`week`date`date1`price', '`stock`week', '1b', '1b', '1b', '1b']);
});

test('trade is sorted by date and meta shows the foreign key', () => {
  const out = run('trade[`date]~asc trade[`date]\nmeta trade\n').split('\n').slice(3).filter(Boolean);
  assert.equal(out[0], '1b');
  assert.match(out.find(l => l.startsWith('stock'))!, /^stock\s+\| s stock\s*$/);
  assert.match(out.find(l => l.startsWith('date'))!, /^date\s+\| d\s+s$/);
});

test('a bad query answers kdb+\'s error and leaves trade as it was', () => {
  const out = run('select nosuch from trade\nselect from trade where price>`a\ncount trade\n').split('\n').slice(3).filter(Boolean);
  assert.deepEqual(out, ["'nosuch", "'type", '10000']);
});

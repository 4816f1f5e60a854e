// The fast reading of common temporal texts (q/prims/tokfast.ts) against the general one: wherever the
// fast path answers, the general path gives the same value; and it does answer for the common shapes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { T } from '../../q/value/types.js';
import { fastTemporal } from '../../q/prims/tokfast.js';
import { parse1 } from '../../q/prims/conv.js';

// texts near the shapes the fast path takes: valid ones, and ones off by a part, a digit or a separator
function* texts(seed: number, n: number): Generator<string> {
  let x = seed;
  const r = (k: number) => { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; return (x >>> 0) % k; };
  const d2 = () => String(r(40)).padStart(2, '0'), y4 = () => String([1, 1999, 2000, 2004, 2100, 2020, 9999][r(7)]).padStart(4, '0');
  const sep = () => ['.', '-', '.', '/', ''][r(5)];
  const frac = () => ['', '.' + '123456789012'.slice(0, r(12))][r(2)];
  const clock = () => [d2(), ':', d2(), ...(r(4) ? [':', d2(), frac()] : [])].join('');
  for (let i = 0; i < n; i++) {
    const s = sep(), date = y4() + s + String(1 + r(13)).padStart(2, '0') + s + d2();
    switch (r(6)) {
      case 0: yield date; break;
      case 1: yield date + ['D', 'T', ' ', 'd'][r(4)] + clock(); break;
      case 2: yield clock(); break;
      case 3: yield String(r(200000)) + 'D' + clock(); break;
      case 4: yield (r(2) ? '-' : '') + clock(); break;
      default: yield date.slice(0, 4 + r(8));
    }
  }
}

test('the fast reading of temporal text agrees with the general one wherever it answers', () => {
  const types = [T.Date, T.Timestamp, T.Timespan, T.Time, T.Second, T.Minute];
  let answered = 0;
  for (const s of texts(7, 20000)) for (const t of types) {
    const fast = fastTemporal(t, s);
    if (fast === undefined) continue;
    answered++;
    assert.equal(fast, parse1(t, s, true), `${'pmdznuvt'[t - 12] ?? t} of ${JSON.stringify(s)}`);
  }
  // (the shapes it exists for are read by it: otherwise the check above would hold vacuously)
  assert.ok(answered > 5000, `answered ${answered}`);
  for (const [t, s] of [[T.Date, '2020.02.29'], [T.Date, '2021-12-31'], [T.Timestamp, '2020.01.02D03:04:05.123456789'], [T.Timestamp, '2020-01-02T03:04:05'],
    [T.Timespan, '0D00:00:10.5'], [T.Timespan, '12:34:56.789'], [T.Time, '09:30:00.123'], [T.Second, '23:59:59'], [T.Minute, '00:01']] as [number, string][]) {
    assert.notEqual(fastTemporal(t, s), undefined, s);
    assert.equal(fastTemporal(t, s), parse1(t, s, true), s);
  }
  // a day the calendar lacks is the general path's to refuse
  assert.equal(fastTemporal(T.Date, '2021.02.29'), undefined);
});

// Integers read from a list of strings ("J"$, "I"$, "H"$ of a list) take their bytes directly (conv.ts
// tok, tokfast.ts fastInteger); each string read alone takes the general path.
test('"J"$, "I"$ and "H"$ of a list of strings agree with each string read alone', async () => {
  const { makeSession } = await import('../q.js');
  const { q } = makeSession();
  q('S:("12";" -7 ";"+5";"";"-";"+";"0W";"-0W";"0N";"1e3";"007";"123456789012345";"-999999999999999";"1234567890123456";"9223372036854775807";"-9223372036854775808";"9223372036854775808";"a1";"1a";"-0";"\\t3\\n";"1 2";"2147483647";"-2147483647";"-2147483648";"2147483648";"32767";"-32768";"-32767";"32768";"1.5";"--1";"0x1")');
  for (let seed = 1; seed <= 5; seed++) {
    q(`\\S ${seed}`);
    q('s:S@200?count S;u:string 200?-1000000 1000000 100000000000000');
    for (const c of ['J', 'I', 'H']) for (const x of ['s', 'u']) assert.equal(q(`("${c}"$${x})~"${c}"$'${x}`), '1b', `"${c}"$${x}`);
  }
});

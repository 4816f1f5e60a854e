// Floats to p significant digits (text.ts fmtG): the common case, from 1e-4 to 10^p and p up to 9, is
// made by scaling by an exact power of ten and rounding (fixedText), not by toPrecision. Checked against
// the definition by toPrecision (C's %g: digits correctly rounded, ties up, trailing zeros trimmed) over
// random magnitudes, decimal grids, powers of ten and their neighbours, and exact ties.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fmtG } from '../../q/format/text.js';

function trimZeros(f: string): string { let k = f.length; while (f.charCodeAt(k - 1) === 48) k--; if (f.charCodeAt(k - 1) === 46) k--; return f.slice(0, k); }
/** %.{p}g as toPrecision and toExponential give it. */
function reference(x: number, p: number): string {
  if (x !== x) return '0n';
  if (x === Infinity) return '0w';
  if (x === -Infinity) return '-0w';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const a = Math.abs(x);
  if (a >= 1e-4) { const f = x.toPrecision(p); if (!f.includes('e')) return f.includes('.') ? trimZeros(f) : f; }
  const [mant, expS] = x.toExponential(p - 1).split('e'), X = +expS;
  if (X < -4 || X >= p) return (mant.includes('.') ? trimZeros(mant) : mant) + 'e' + (X < 0 ? '-' : '+') + String(Math.abs(X)).padStart(2, '0');
  const f = x.toFixed(Math.max(0, p - 1 - X));
  return f.includes('.') ? trimZeros(f) : f;
}

test('fmtG gives what toPrecision gives, for every precision up to 12', () => {
  let seed = 12345;
  const rnd = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed / 2 ** 32; };
  const check = (x: number, p: number) => assert.equal(fmtG(x, p), reference(x, p), `${x} to ${p} digits`);
  for (let i = 0; i < 200_000; i++) {
    const p = 1 + (i % 12), x = (rnd() - 0.5) * 2 * 10 ** (Math.floor(rnd() * 24) - 6);
    check(x, p);
    check(Math.round(x * 1e6) / 1e6, p);
    const k = 10 ** (Math.floor(rnd() * 20) - 5);
    for (const v of [k, k * (1 - 1e-8), k * (1 + 1e-8), k - 5 * 10 ** (Math.log10(k) - p), -k]) check(v, p);
    // halves at the last digit kept, exactly representable: ties, which round up
    const t = (Math.floor(rnd() * 1e7) + 0.5) / 2 ** Math.floor(rnd() * 8);
    check(t, p); check(t, 7); check(-t, 7);
    // decimal halves that binary cannot hold (1.2345675): a hair above or below the tie, which one
    // scaling may not tell apart
    const d = String(1000000 + Math.floor(rnd() * 9000000)) + '5', at = 1 + Math.floor(rnd() * 8);
    check(Number(d.slice(0, at) + '.' + d.slice(at)), 7);
    check(Number('0.' + '0'.repeat(Math.floor(rnd() * 3)) + d), 7);
  }
  for (const x of [0.1 + 0.2, 1 / 3, 2 / 3, 9.9999995, 99999.995, 999999.95, 9999999.5, 1234567.5, 0.00099999995, 1e-4, 9.99999949e-5, 1e9, 999999999.5])
    for (let p = 1; p <= 12; p++) check(x, p);
});

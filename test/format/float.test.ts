// Floats to p significant digits (text.ts fmtG): the common case, from 1e-4 to 10^p and p up to 9, is
// made by scaling by an exact power of ten and rounding (fixedText), the rest by toPrecision,
// toExponential and toFixed with exact ties sent to the even digit. Checked against C's %g worked out from
// the float's exact decimal value (BigInt: digits rounded half to even, exponent form outside [1e-4,
// 10^p), trailing zeros trimmed) over random magnitudes, decimal grids, powers of ten and their
// neighbours, and exact ties. writeFloat, which writes the common case's digits as bytes (CSV, string of
// many floats), is checked against fmtG's text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fmtG, writeFloat } from '../../q/format/text.js';
import { Bytes } from '../../q/format/bytes.js';
import { makeSession } from '../q.js';

/** The exact decimal digits of a finite a > 0 and the exponent of the first: a = 0.d1d2… × 10^(e+1). */
function exactDigits(a: number): { d: string; e: number } {
  const b = new DataView(new ArrayBuffer(8));
  b.setFloat64(0, a);
  const be = (b.getUint32(0) >>> 20) & 0x7ff;
  let m = BigInt(b.getUint32(0) & 0xfffff) << 32n | BigInt(b.getUint32(4)), e = be - 1075;
  if (be) m |= 1n << 52n; else e = -1074;
  // m·2^e: an integer, or m·5^-e over 10^-e
  const n = e >= 0 ? m << BigInt(e) : m * 5n ** BigInt(-e), point = e >= 0 ? 0 : -e, d = n.toString();
  return { d, e: d.length - 1 - point };
}
/** %.{p}g of x from its exact value. */
function reference(x: number, p: number): string {
  if (x !== x) return '0n';
  if (x === Infinity) return '0w';
  if (x === -Infinity) return '-0w';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  let { d, e } = exactDigits(Math.abs(x));
  let kept = BigInt(d.slice(0, p).padEnd(p, '0'));
  const rest = d.slice(p).replace(/0+$/, '');
  // above a half, or a half exactly with an odd digit kept: up
  if (rest && (rest[0] > '5' || rest[0] === '5' && (rest.length > 1 || kept % 2n === 1n))) kept++;
  let digits = kept.toString();
  if (digits.length > p) { digits = digits.slice(0, p); e++; }
  const sig = digits.replace(/0+$/, '') || '0', sign = x < 0 ? '-' : '';
  if (e < -4 || e >= p) return sign + sig[0] + (sig.length > 1 ? '.' + sig.slice(1) : '') + 'e' + (e < 0 ? '-' : '+') + String(Math.abs(e)).padStart(2, '0');
  if (e < 0) return sign + '0.' + '0'.repeat(-e - 1) + sig;
  return sign + (sig.length > e + 1 ? sig.slice(0, e + 1) + '.' + sig.slice(e + 1) : sig.padEnd(e + 1, '0'));
}

test('fmtG gives what C\'s %g gives, for every precision up to 17', () => {
  let seed = 12345;
  const rnd = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed / 2 ** 32; };
  const check = (x: number, p: number) => assert.equal(fmtG(x, p), reference(x, p), `${x} to ${p} digits`);
  for (let i = 0; i < 200_000; i++) {
    const p = 1 + (i % 17), x = (rnd() - 0.5) * 2 * 10 ** (Math.floor(rnd() * 24) - 6);
    check(x, p);
    check(Math.round(x * 1e6) / 1e6, p);
    const k = 10 ** (Math.floor(rnd() * 20) - 5);
    for (const v of [k, k * (1 - 1e-8), k * (1 + 1e-8), k - 5 * 10 ** (Math.log10(k) - p), -k]) check(v, p);
    // halves at the last digit kept, exactly representable: ties, which go to the even digit
    const t = (Math.floor(rnd() * 1e7) + 0.5) / 2 ** Math.floor(rnd() * 8);
    check(t, p); check(t, 7); check(-t, 7);
    // decimal halves that binary cannot hold (1.2345675): a hair above or below the tie, which one
    // scaling may not tell apart
    const d = String(1000000 + Math.floor(rnd() * 9000000)) + '5', at = 1 + Math.floor(rnd() * 8);
    check(Number(d.slice(0, at) + '.' + d.slice(at)), 7);
    check(Number('0.' + '0'.repeat(Math.floor(rnd() * 3)) + d), 7);
  }
  for (const x of [0.1 + 0.2, 1 / 3, 2 / 3, 9.9999995, 99999.995, 999999.95, 9999999.5, 1234567.5, 0.00099999995, 1e-4, 9.99999949e-5, 1e9, 999999999.5])
    for (let p = 1; p <= 17; p++) check(x, p);
  // ties that toPrecision, toExponential and toFixed round away from zero (1234566.5 at 7 digits), and
  // ones at every place value: (n+½)·2^-k with n and k small, and big integers ending in 5
  for (const x of [1234566.5, 0.125, 2.5, 0.5, 98.5, 1.25e20, 12345665, 2.002716064453125e-05])
    for (let p = 1; p <= 17; p++) { check(x, p); check(-x, p); }
  for (let i = 0; i < 20_000; i++) {
    const t = (Math.floor(rnd() * 2 ** Math.floor(rnd() * 40)) + 0.5) / 2 ** Math.floor(rnd() * 30);
    check(t, 1 + (i % 17));
    check(Math.floor(rnd() * 2 ** 20) * 10 ** Math.floor(rnd() * 6) * 10 + 5, 1 + (i % 17));
  }
});

test('writeFloat writes the bytes of fmtG\'s text, and string of many floats is string of each', () => {
  let seed = 777;
  const rnd = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed / 2 ** 32; };
  const xs = [0, -0, 0.5, -2.5, 1e-4, 9.99999e-5, 1e9, 999999999.5, 1234566.5, 100, 1e-5, 0.1 + 0.2, Infinity, -Infinity, NaN];
  for (let i = 0; i < 50_000; i++) xs.push((rnd() - 0.5) * 2 * 10 ** (Math.floor(rnd() * 16) - 6), Math.round(rnd() * 1e6) / 10 ** Math.floor(rnd() * 8));
  for (const p of [0, 1, 2, 3, 5, 7, 9, 10, 17]) {
    const out = new Bytes(16);
    for (const x of xs) {
      const at = out.n;
      writeFloat(out, x, p);
      assert.equal(new TextDecoder().decode(out.b.subarray(at, out.n)), fmtG(x, p), `${x} to ${p} digits`);
    }
  }
  const { q } = makeSession();
  for (const P of [7, 3, 12]) {
    q(`\\P ${P}`);
    q('f:(2000?1e6)%1+2000?1000; f[til 20]:0n 0w -0w 0 -0.0 1e-5 1e20 2.5 1234566.5 100,-1*til 10');
    assert.equal(q('(string f)~string each f'), '1b', `\\P ${P}`);
    assert.equal(q('(1_csv 0: ([]f))~{$[null x;"";string x]} each f'), '1b', `csv \\P ${P}`);
  }
});

// The one place for calendar arithmetic. kdb+ counts days, months and nanoseconds from 2000.01.01.

/** Days from 2000.01.01 to y.m.d (proleptic Gregorian). */
export function ymdToDays(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400), yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 730425; // 730425 = days from 0000.03.01 to 2000.01.01
}

/** [year, month, day] of a day count from 2000.01.01. */
export function daysToYmd(n: number): [number, number, number] {
  const z = n + 730425, era = Math.floor(z / 146097), doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153), d = doy - Math.floor((153 * mp + 2) / 5) + 1, m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** The day (floored) and the nanoseconds into it of the 64-bit count hi·2^32 + lo (lo unsigned), a
 *  timestamp or timespan read from the two halves of its storage: hi·2^32 and its remainder by a day are
 *  exact in doubles, and the quotient, an integer far below 2^53, rounds true. (A BigInt an operation, as
 *  one item's text took them, cost a microsecond and a half.) */
export function dayAndNanos(hi: number, lo: number): [number, number] {
  const DAY = 86400e9, a = hi * 4294967296;
  let r = a % DAY;
  const q = Math.round((a - r) / DAY);
  r += lo >>> 0;
  const k = Math.floor(r / DAY);
  return [q + k, r - k * DAY];
}

export const NS_PER_DAY = 86400000000000n;
export const MS_PER_DAY = 86400000;

/** The wall clock in nanoseconds since the Unix epoch, finer than a millisecond where the platform has a
 *  monotonic clock (a host's `now`: .z.p, .z.n and timing in q read it). The monotonic clock is anchored to
 *  the wall clock, and anchored again when they drift more than a millisecond apart (a clock step). */
export function clockNs(): bigint {
  const p = globalThis.performance;
  if (!p) return BigInt(Date.now()) * 1000000n;
  const t = p.now(), drift = Date.now() - (anchor + t);
  if (Math.abs(drift) > 1) anchor += drift;
  // whole microseconds, then the rest: a double holds epoch milliseconds to about 0.25 microseconds
  const us = (anchor + t) * 1000, whole = Math.floor(us);
  return BigInt(whole) * 1000n + BigInt(Math.floor((us - whole) * 1000));
}
// performance.timeOrigin is the wall-clock time (ms, with a fraction) at which performance.now() began
let anchor = globalThis.performance?.timeOrigin ?? 0;

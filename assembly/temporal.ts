// Calendar parts of dates (days since 2000.01.01, q's date): x.year, x.mm, x.dd and x.week over a
// column, which a query's `by date.year` computes for every row. Civil-from-days in 64-bit integers,
// so nothing wraps; the null and the infinities stay what they are (0Wd.year is 0Wi).

const NI: i32 = i32.MIN_VALUE;
// @ts-ignore: decorator
@inline function floorDiv(a: i64, b: i64): i64 { return (a >= 0 ? a : a - b + 1) / b; }

// @ts-ignore: decorator
@inline function partOf(v: i32, part: i32): i32 {
  if (v == NI || v == i32.MAX_VALUE || v == -i32.MAX_VALUE) return v;
  const d = <i64>v;
  if (part == 3) return <i32>(d - (((d + 5) % 7) + 7) % 7);
  const z = d + 730425, era = floorDiv(z, 146097), doe = z - era * 146097;
  const yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const mp = (5 * doy + 2) / 153, m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return <i32>(part == 0 ? y : part == 1 ? m : part == 7 ? (y - 2000) * 12 + m - 1 : doy - (153 * mp + 2) / 5 + 1);
}

/** part of each of n dates at src, to dst: 0 year, 1 month of the year, 2 day of the month, 3 the Monday
 *  of its week (a date; 2000.01.01 was a Saturday), 7 its month (q's: months since 2000.01). */
export function datePart_i32(src: usize, n: i32, part: i32, dst: usize): void {
  // a column of dates repeats each date over many rows (sorted, or in runs): compute each run once
  let prev = NI, r = NI;
  for (let i = 0; i < n; i++) {
    const v = load<i32>(src + (<usize>i << 2));
    if (v != prev) { prev = v; r = partOf(v, part); }
    store<i32>(dst + (<usize>i << 2), r);
  }
}

const DAY: i64 = 86400000000000;
/** part of each of n timestamps (or timespans: nanoseconds either way) at src, to dst as ints: 0 to 3 as
 *  datePart of its day (and 7), 4 the hour, 5 the minute of the hour, 6 the second of the minute. The null is
 *  0Ni and the infinities 0Wi and -0Wi, as a cast keeps them. Floor division: before 2000 (or a negative
 *  span) the day is the one before and the time of day counts up from its midnight. */
export function nsPart_i64(src: usize, n: i32, part: i32, dst: usize): void {
  for (let i = 0; i < n; i++) {
    const v = load<i64>(src + (<usize>i << 3));
    let r: i32;
    if (v == i64.MIN_VALUE) r = NI;
    else if (v == i64.MAX_VALUE) r = i32.MAX_VALUE;
    else if (v == -i64.MAX_VALUE) r = -i32.MAX_VALUE;
    else {
      const dd = floorDiv(v, DAY), s = <i32>((v - dd * DAY) / 1000000000);
      r = part < 4 || part == 7 ? partOf(<i32>dd, part) : part == 4 ? s / 3600 : part == 5 ? (s / 60) % 60 : s % 60;
    }
    store<i32>(dst + (<usize>i << 2), r);
  }
}

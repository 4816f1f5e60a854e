// kdb+ type numbers, type characters and names, from the datatypes table of the kdb+ reference.
// Positive codes are vectors, negative codes atoms; 0 is a general list.

export const enum T {
  List = 0, Bool = 1, Guid = 2, Byte = 4, Short = 5, Int = 6, Long = 7, Real = 8, Float = 9,
  Char = 10, Sym = 11, Timestamp = 12, Month = 13, Date = 14, Datetime = 15, Timespan = 16,
  Minute = 17, Second = 18, Time = 19, Enum = 20,
  Table = 98, Dict = 99, Lambda = 100, Unary = 101, Op = 102, Iter = 103, Proj = 104, Comp = 105,
  Each = 106, Over = 107, Scan = 108, Prior = 109, EachRight = 110, EachLeft = 111,
  Error = -128,
}

/** Type char by type number (index = abs type). ' ' where q has none. */
export const TYPE_CHARS = ' bg xhijefcspmdznuvt';
/** The symbol used by `key` on a vector, and by `$` with a symbol on the left. */
export const TYPE_NAMES = ['', 'boolean', 'guid', '', 'byte', 'short', 'int', 'long', 'real', 'float',
  'char', 'symbol', 'timestamp', 'month', 'date', 'datetime', 'timespan', 'minute', 'second', 'time'];

export function typeOfChar(c: string): number {
  const i = TYPE_CHARS.indexOf(c.toLowerCase());
  return i > 0 ? i : -1;
}

/** Types stored as 64-bit integers: always exact, never floats. */
export const isWide = (t: number) => { t = t < 0 ? -t : t; return t === 7 || t === 12 || t === 16; };
export const isFloating = (t: number) => { t = t < 0 ? -t : t; return t === 8 || t === 9 || t === 15; };
export const isTemporal = (t: number) => { t = t < 0 ? -t : t; return t >= 12 && t <= 19; };
/** Types that take part in arithmetic: boolean, byte, short, int, long, real, float and the temporals. */
export const isNumeric = (t: number) => { t = t < 0 ? -t : t; return t === 1 || (t >= 4 && t <= 9) || (t >= 12 && t <= 19); };
export const isIntegral = (t: number) => { t = t < 0 ? -t : t; return t === 1 || (t >= 4 && t <= 7); };

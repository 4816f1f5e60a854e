// Wire indices of kdb+'s primitive functions (ipc.md §4.8): unary primitives (type 101), operators (102)
// and iterators (103) travel as one index byte. The tables follow the k primitive order that KDB Studio's
// decoder and q bytecode tools agree on.

/** Unary (101) by index: the q keyword, when q has one, else the k form. */
const UNARY_Q = ['::', 'flip', 'neg', 'first', 'reciprocal', 'where', 'reverse', 'null', 'group', 'hopen', 'hclose',
  'string', 'enlist', 'count', 'floor', 'not', 'key', 'distinct', 'type', 'value', 'read0', 'read1', '2::',
  'avg', 'last', 'sum', 'prd', 'min', 'max', 'exit', 'getenv', 'abs', 'sqrt', 'log', 'exp', 'sin', 'asin',
  'cos', 'acos', 'tan', 'atan'];
/** The k spellings of unary indices 0-22 (x op: with a glued colon). */
const UNARY_K = ['::', '+:', '-:', '*:', '%:', '&:', '|:', '^:', '=:', '<:', '>:', '$:', ',:', '#:', '_:', '~:',
  '!:', '?:', '@:', '.:', '0::', '1::', '2::'];
/** Operators (102) by index. */
const BINARY = [':', '+', '-', '*', '%', '&', '|', '^', '=', '<', '>', '$', ',', '#', '_', '~', '!', '?', '@', '.',
  '0:', '1:', '2:', 'in', 'within', 'like', 'bin', 'ss', 'insert', 'wsum', 'wavg', 'div', 'xexp', 'setenv'];
/** q keywords that are the same k operator under another name. */
const BINARY_ALIAS: Record<string, string> = { and: '&', or: '|', fill: '^', mmu: '$', lsq: '!' };
const UNARY_ALIAS: Record<string, string> = { get: 'value' };

/** Iterators (103) by index. */
export const ITERATORS = ["'", '/', '\\', "':", '/:', '\\:'];

/** q's compound comparisons are compositions of `not` with an operator (type 105 on the wire). */
export const NEGATED: Record<string, string> = { '<>': '=', '<=': '>', '>=': '<' };

const unaryIndex = new Map<string, number>(), binaryIndex = new Map<string, number>();
UNARY_Q.forEach((n, i) => unaryIndex.set(n, i));
UNARY_K.forEach((n, i) => unaryIndex.set(n, i));
for (const [a, n] of Object.entries(UNARY_ALIAS)) unaryIndex.set(a, unaryIndex.get(n)!);
BINARY.forEach((n, i) => binaryIndex.set(n, i));
for (const [a, n] of Object.entries(BINARY_ALIAS)) binaryIndex.set(a, binaryIndex.get(n)!);

/** The wire form [type, index] of a primitive by its wasq name, or null when kdb+ has no primitive for it. */
export function primCode(name: string): [101 | 102, number] | null {
  const b = binaryIndex.get(name);
  if (b !== undefined) return [102, b];
  const u = unaryIndex.get(name);
  if (u !== undefined) return [101, u];
  return null;
}

/** The wasq name of primitive `index` of wire type 101 or 102, or undefined when out of range. */
export function primName(type: number, index: number): string | undefined {
  return type === 101 ? UNARY_Q[index] : BINARY[index];
}

// The bridge to the CSV kernel (assembly/csv.ts): it parses the plain records of each chunk of text and
// hands back the rest, and the distinct symbols it met.
import { T } from '../value/types.js';
import { allocRaw, Items } from '../value/storage.js';
import { K, begin, tmp, view } from './runtime.js';

/** The kernel's code for each cell type it parses (a skipped field is 0). */
export const CELL: Partial<Record<number, number>> = { [T.Bool]: 1, [T.Char]: 2, [T.Short]: 3, [T.Int]: 4, [T.Long]: 5, [T.Real]: 6, [T.Float]: 7, [T.Date]: 8, [T.Sym]: 9,
  [T.Timestamp]: 10, [T.Timespan]: 11, [T.Time]: 12, [T.Minute]: 13, [T.Second]: 14 };
const DONE = 0, ODD = 1;

/** Bytes or items in vector memory, where the kernel can reach them; null when they would not be. */
export function wasmBlock(t: number, n: number): Items | null {
  const d = allocRaw(t, n);
  return d.buffer instanceof SharedArrayBuffer ? d : null;
}
const must = (d: Items | null) => { if (!d) throw new RangeError('wsfull'); return d; };

/** One load: rows 0..n-1 of columns in vector memory, filled chunk by chunk. */
export class CsvRows {
  /** the next row to fill */
  row = 0;
  /** symbols met so far: the entries' text is at ents[3k+1], length ents[3k+2] in store */
  used = 0;
  private bits = 12; private cap = 1 << 11; private room = 1 << 16; private at = 0;
  private tab = must(wasmBlock(T.Int, 1 << this.bits)) as Int32Array;
  ents = must(wasmBlock(T.Int, 3 * this.cap)) as Int32Array;
  store = must(wasmBlock(T.Byte, this.room)) as Uint8Array;

  /** Null unless the kernel is there and every column lives in vector memory. */
  static make(cells: number[], cols: (Items | null)[], n: number): CsvRows | null {
    if (K === null || typeof K.csv_rows !== 'function') return null;
    if (cols.some(d => d !== null && !(d.buffer instanceof SharedArrayBuffer))) return null;
    return new CsvRows(cells, cols, n);
  }
  private constructor(private cells: number[], private cols: (Items | null)[], private n: number) {
    K!.csv_symbols(this.tab.byteOffset, this.bits, this.ents.byteOffset, this.cap, this.store.byteOffset, this.room, 0);
  }

  /** Parse the whole records of b (in vector memory) from byte `from`; returns the records the kernel left
   *  to the caller, three numbers each: row, start, end (before the line end). */
  rows(b: Uint8Array, from: number, delim: number): number[] {
    const m = this.cells.length, odd: number[] = [];
    begin();
    const codes = view(Int32Array, tmp(4 * m), m), outs = view(Uint32Array, tmp(4 * m), m), state = view(Int32Array, tmp(16), 4);
    this.cells.forEach((c, j) => { codes[j] = c; outs[j] = this.cols[j]?.byteOffset ?? 0; });
    state[0] = this.row; state[1] = from; state[2] = this.used; state[3] = this.at;
    for (;;) {
      const rc = K!.csv_rows(b.byteOffset, b.length, delim, codes.byteOffset, m, outs.byteOffset, this.n, state.byteOffset);
      this.used = state[2]; this.at = state[3];
      if (rc === DONE) break;
      if (rc === ODD) {
        // the caller parses this record; the kernel goes on after its line end
        const s = state[1], nl = b.indexOf(10, s), e = nl < 0 ? b.length : nl;
        odd.push(state[0], s, e > s && b[e - 1] === 13 ? e - 1 : e);
        state[0]++; state[1] = e + 1;
        continue;
      }
      this.grow();
    }
    this.row = state[0];
    return odd;
  }

  /** Twice the room for symbols: entries and their text copied over, the slots made again. */
  private grow() {
    this.bits++; this.cap *= 2; this.room *= 2;
    const ents = must(wasmBlock(T.Int, 3 * this.cap)) as Int32Array, store = must(wasmBlock(T.Byte, this.room)) as Uint8Array;
    ents.set(this.ents.subarray(0, 3 * this.used)); store.set(this.store.subarray(0, this.at));
    this.ents = ents; this.store = store; this.tab = must(wasmBlock(T.Int, 1 << this.bits)) as Int32Array;
    K!.csv_symbols(this.tab.byteOffset, this.bits, this.ents.byteOffset, this.cap, this.store.byteOffset, this.room, this.used);
  }
}

/** The number of newline bytes in b. */
export function newlines(b: Uint8Array): number {
  if (K && typeof K.csv_lines === 'function' && b.buffer instanceof SharedArrayBuffer) return K.csv_lines(b.byteOffset, b.length);
  let n = 0;
  for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) n++;
  return n;
}

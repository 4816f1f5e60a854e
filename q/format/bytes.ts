// Text written as bytes into one growing buffer: the cells of a table written as CSV (0:), and the
// strings of a long vector (string), where a JavaScript string an item kept the collector busy.
import { dayAndNanos } from '../value/time.js';
import { nameBytes } from '../value/utf8.js';

/** A growing byte buffer for text written piece by piece. */
export class Bytes {
  b: Uint8Array; n = 0;
  constructor(size = 1 << 16) { this.b = new Uint8Array(size); }
  room(k: number) { if (this.n + k > this.b.length) { const nb = new Uint8Array(Math.max(2 * this.b.length, this.n + k)); nb.set(this.b.subarray(0, this.n)); this.b = nb; } }
  ascii(s: string) { const k = s.length; this.room(k); for (let i = 0; i < k; i++) this.b[this.n + i] = s.charCodeAt(i); this.n += k; }
  bytes(x: Uint8Array) {
    this.room(x.length);
    // a short piece (a symbol, a date) is copied a byte at a time: set() costs more per call
    if (x.length < 16) { const b = this.b; let n = this.n; for (let i = 0; i < x.length; i++) b[n++] = x[i]; this.n = n; }
    else { this.b.set(x, this.n); this.n += x.length; }
  }
  byte(c: number) { this.room(1); this.b[this.n++] = c; }
  /** v's last w decimal digits, zero-padded (v a non-negative integer under 10^w) */
  digits(v: number, w: number) { this.room(w); for (let i = w - 1; i >= 0; i--) { this.b[this.n + i] = 48 + v % 10; v = Math.floor(v / 10); } this.n += w; }
  /** an integer of size below 2^53, with its sign */
  signed(v: number) { if (v < 0) this.byte(45); this.int(Math.abs(v)); }
  /** the digits of a non-negative integer below 2^53, at least w of them */
  int(v: number, w = 1) { let m = 1; for (let x = v; x >= 10; x = Math.floor(x / 10)) m++; this.digits(v, Math.max(m, w)); }
  /** hh:mm:ss.f… of a count of whole seconds (hours of two digits or more) and a fraction of places digits */
  clock(sec: number, frac: number, places: number) {
    this.int(Math.floor(sec / 3600), 2); this.byte(58); this.digits(Math.floor(sec / 60) % 60, 2); this.byte(58);
    this.digits(sec % 60, 2); this.byte(46); this.digits(frac, places);
  }
  /** A timestamp (date given: the bytes of its day's text) or a non-negative timespan (date null: its day
   *  count) whose storage's halves are hi and lo, from the day and the nanoseconds into it (dayAndNanos):
   *  a BigInt an operation, as the text takes them, cost a microsecond and a half an item. */
  ns(hi: number, lo: number, date: ((day: number) => Uint8Array) | null) {
    const [day, ns] = dayAndNanos(hi, lo), sec = Math.floor(ns / 1e9);
    if (date) this.bytes(date(day)); else this.int(day);
    this.byte(68);
    this.clock(sec, ns - sec * 1e9, 9);
  }
}
/** The bytes of each day's text, made once a day (a timestamp column's days repeat). */
export function dayBytes(text: (day: number) => string): (day: number) => Uint8Array {
  const seen = new Map<number, Uint8Array>();
  return day => { let b = seen.get(day); if (!b) seen.set(day, b = nameBytes(text(day))); return b; };
}

// The interpreter in a Web Worker behind Comlink: the same q core as the server, so the page never blocks.
import * as Comlink from 'comlink';
import { Session, statements } from '../q/session.js';
import { encodeMessage } from '../q/ipc/serialize.js';
import { readMessage } from '../q/ipc/deserialize.js';
import { MsgType } from '../q/ipc/header.js';
import { deserializeOptions, serializeOptions } from '../q/prims/ipc-prims.js';
import { str } from '../q/value/value.js';
import { clockNs } from '../q/value/time.js';
import { QError } from '../q/value/error.js';

import { PageFiles } from './files.js';
import { encodeFile } from '../q/prims/kfile.js';
import { install } from '../q/kernels/runtime.js';
import { init as initZstd, compress as compressZstd } from '@bokuweb/zstd-wasm';
import { installZstd } from '../q/prims/zblock.js';
import kernelsUrl from '../build/kernels.wasm?url';
import spScript from '../examples/sp.q?raw';
import tradeScript from '../examples/trade.q?raw';

let printed = '';
const files = new PageFiles();
// the same kernels module as the server's, fetched; if it cannot load, the q core runs its TypeScript paths
const kernels = fetch(kernelsUrl).then(r => r.arrayBuffer()).then(b => install(b)).catch(() => false);
// zstd's encoder (for set with algorithm 5); without it zstd files are read but not written
const zstd = initZstd().then(() => installZstd(compressZstd)).catch(() => {});
const ready = Promise.all([files.open(), kernels, zstd]);
let stop: Int32Array | null = null;
// \t N: .z.ts runs between queries (the worker's one thread, as kdb+'s timer); what it prints goes to
// the page through the callback the page lent
let timerId: ReturnType<typeof setInterval> | null = null, onTick: ((o: Output[]) => void) | null = null;
const session = new Session({
  timer: (ms, tick) => {
    if (timerId) clearInterval(timerId);
    timerId = ms ? setInterval(() => {
      printed = '';
      tick();
      if (printed && onTick) onTick([{ input: '', text: printed.replace(/\n$/, ''), error: false }]);
    }, ms) : null;
  },
  now: clockNs,
  tzOffsetMinutes: (at?: number) => -new Date(at ?? Date.now()).getTimezoneOffset(),
  write: (_fd, s) => { printed += s; },
  files,
  // wasq's examples, sought after the page's store by a relative \l, as the server seeks them last (a
  // tutorial's \l sp.q)
  scripts: { 'sp.q': spScript, 'trade.q': tradeScript },
  // .Q.hg/.Q.hp: a worker may block on a synchronous request (the browser's CORS rules apply)
  http: (url, body) => {
    const x = new XMLHttpRequest();
    x.open(body ? 'POST' : 'GET', url, false);
    x.responseType = 'arraybuffer';
    if (body) x.setRequestHeader('Content-Type', body.type);
    try { x.send(body ? new Blob([body.data as Uint8Array<ArrayBuffer>]) : null); } catch { throw new QError('hop. ' + url + ': the request failed (network or CORS)'); }
    return new Uint8Array(x.response as ArrayBuffer);
  },
});

export interface Output { input: string; text: string; error: boolean; pos?: number; /** an error's frame and caret */ trace?: string }

/** Guess type chars for a CSV from its first rows: longs, floats, dates, times, else symbols. */
function guessTypes(header: string[], rows: string[][]): string {
  return header.map((_, j) => {
    const vs = rows.map(r => r[j] ?? '').filter(v => v !== '');
    if (!vs.length) return 'S';
    if (vs.every(v => /^-?\d+$/.test(v))) return 'J';
    if (vs.every(v => /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(v))) return 'F';
    if (vs.every(v => /^\d{4}[-.]\d\d[-.]\d\d$/.test(v))) return 'D';
    if (vs.every(v => /^\d\d:\d\d:\d\d(\.\d+)?$/.test(v))) return 'T';
    return vs.every(v => v.length < 30) ? 'S' : '*';
  }).join('');
}

const api = {
  /** Where timer ticks send what they print (a Comlink proxy of the page's console). */
  onTimer(cb: (o: Output[]) => void) { onTick = cb; },
  /** Resolves when the stored files are loaded. */
  ready: () => ready.then(() => true),
  /** Whether the wasm kernels are installed (else the TypeScript paths run). */
  kernels: () => kernels,
  /** A file dropped onto the page or picked: stored at its name, ready for 0: and read0. */
  putFile(name: string, data: Uint8Array) { files.write(name, data, false); },
  /** Load a stored CSV into a global table (types guessed from its first rows); the q line it ran. */
  loadCsv(name: string): Output {
    const text = new TextDecoder().decode((files.read(name) ?? new Uint8Array()).subarray(0, 65536));
    const lines = text.split(/\r?\n/).filter(Boolean);
    const header = (lines[0] ?? '').split(',');
    const types = guessTypes(header, lines.slice(1, 50).map(l => l.split(',')));
    const table = name.replace(/\.[^.]*$/, '').replace(/\W/g, '_').replace(/^(\d)/, '_$1');
    const q = `${table}:("${types}";enlist ",") 0: \`:${name}`;
    const r = session.evaluate(q);
    return { input: q, text: r.out, error: r.error };
  },
  /** A kdb+ data file dropped or picked (anything not .csv/.txt): read with get into a global. */
  loadKdb(name: string): Output {
    const table = name.replace(/\.[^.]*$/, '').replace(/\W/g, '_').replace(/^(\d)/, '_$1');
    const q = `${table}:get \`:${name}`;
    const r = session.evaluate(q);
    return { input: q, text: r.out, error: r.error };
  },
  /** A value as a kdb+ data file (the bytes `set` writes, which kdb+'s get reads), for download. */
  serialized(expr: string): Uint8Array | null {
    const v = session.value(expr).v;
    return encodeFile(v, serializeOptions());
  },
  /** Share the page's Stop flag (needs cross-origin isolation); the evaluator polls it. */
  setStop(buf: SharedArrayBuffer) { stop = new Int32Array(buf); session.env.poll = () => Atomics.exchange(stop!, 0, 0) !== 0; },
  /** Run q text as a script (continuation lines, comments): each statement's console output. */
  run(src: string): Output[] {
    const out: Output[] = [];
    for (const stmt of statements(src)) {
      printed = '';
      const r = session.evaluate(stmt);
      if (printed) out.push({ input: stmt, text: printed.replace(/\n$/, ''), error: false });
      out.push({ input: stmt, text: r.out, error: r.error, pos: r.pos, ...(r.trace ? { trace: r.trace } : {}) });
      if (r.error) break;
    }
    return out;
  },
  list: () => session.list(),
  slice: (expr: string, from: number, n: number) => session.slice(expr, from, n),
  /** Columns of a table (or a vector) as numbers for a chart: x first, then the numeric columns. */
  series(expr: string): { names: string[]; data: number[][] } | null {
    const r = session.evaluate(`{$[98h=type x;x;99h=type x;0!x;([]x:til count x;y:x)]}${expr}`);
    if (r.error) return null;
    const s = session.slice(`{$[98h=type x;x;99h=type x;0!x;([]x:til count x;y:x)]}${expr}`, 0, 100000);
    const cols = s.cols.map((_, j) => s.rows.map(r => Number(r[j].replace(/^(\d{4})\.(\d\d)\.(\d\d).*$/, (_m, y, mo, d) => String(Date.UTC(+y, +mo - 1, +d) / 1000)))));
    const keep = cols.map((c, j) => j === 0 || c.every(v => !Number.isNaN(v)));
    return { names: s.cols.filter((_, j) => keep[j]), data: cols.filter((_, j) => keep[j]) };
  },
  names: () => session.list().map(e => e.name),
  /** A query for a remote server (remote mode): the kdb+ message bytes to send over its WebSocket. */
  encode: (src: string): Uint8Array => encodeMessage(str(src), MsgType.Sync),
  /** A remote answer: its console display, made here by the same formatter. */
  decode(bytes: Uint8Array): { text: string; error: boolean; value?: undefined } {
    const m = readMessage(bytes, deserializeOptions());
    if (m.error !== undefined) return { text: "'" + m.error, error: true };
    session.env.globals.set('.wasq.remote', m.value!);
    return { text: session.display(m.value!), error: false };
  },
  /** Rows of the last remote answer (a table), as display cells, for the explorer. */
  remoteSlice: (from: number, n: number) => session.slice('.wasq.remote', from, n),

};
export type Api = typeof api;
Comlink.expose(api);

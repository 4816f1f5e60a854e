// kdb+ IPC serialization (ipc.md §4): any q value to the bytes `-8!` gives. Always little-endian.
// Vector items are copied as whole typed-array byte ranges; only float NaNs are rewritten to the bit
// pattern kdb+ writes.
import { T } from '../value/types.js';
import { WIDTH, gather } from '../value/storage.js';
import { symName, symBytes } from '../value/sym.js';
import { Q, Atom, Vec, List, Dict, Table, Lambda, Prim, Proj, Comp, IterFn, IterPrim, Attr, isNil, nullOf, ELIDED } from '../value/value.js';
import { QError } from '../value/error.js';
import { MsgType, HOST_LE, writeHeader } from './header.js';
import { primCode, ITERATORS, NEGATED } from './prims.js';
import { PRIMS } from '../prims/registry.js';
import { nameBytes } from '../value/utf8.js';

export interface SerializeOptions {
  /**
   * The capability agreed with the peer (ipc.md §2): below 1 no timestamps or timespans, below 3 no guids,
   * below 5 no message over 2 GB. Default 3, what `-8!` and a kdb+ 3.x+ peer use.
   */
  cap?: number;
  /** The domain of an enumeration by its name (a symbol vector, or a keyed table for a foreign key). */
  resolveEnum?: (dom: string) => Q;
}

/** A symbol's bytes as sent: a name is a C string there, so it ends at a 00 byte in it (`$"a\000b" goes as
 *  `a; written whole, the byte after would be read as the next object) */
const cString = (b: Uint8Array): Uint8Array => { const z = b.indexOf(0); return z < 0 ? b : b.subarray(0, z); };
// (each symbol's wire bytes kept by its id, the array grown in order so it stays dense: a column of a
// million symbols looked for a zero byte in each twice, half the time -8! took over it)
const wireOf: (Uint8Array | undefined)[] = [];
const wireSym = (id: number): Uint8Array => {
  const b = wireOf[id];
  if (b) return b;
  while (wireOf.length <= id) wireOf.push(undefined);
  return wireOf[id] = cString(symBytes(id));
};
const wireName = (s: string): Uint8Array => cString(nameBytes(s));
/** kdb+ writes the NaN x86 gives for 0/0.0: sign bit set (ipc.md §4.2). */
const NAN_F = [0, 0, 0, 0, 0, 0, 0xf8, 0xff], NAN_E = [0, 0, 0xc0, 0xff];

/** A growable little-endian byte buffer. */
class Writer {
  b: Uint8Array;
  dv: DataView;
  n = 0;
  constructor(readonly opts: SerializeOptions, size = 256) { this.b = new Uint8Array(size); this.dv = new DataView(this.b.buffer); }
  need(k: number) {
    if (this.n + k <= this.b.length) return;
    let len = Math.max(this.b.length * 2, 64);
    while (len < this.n + k) len *= 2;
    const nb = new Uint8Array(len);
    nb.set(this.b.subarray(0, this.n));
    this.b = nb; this.dv = new DataView(nb.buffer);
  }
  u8(v: number) { this.need(1); this.b[this.n++] = v; }
  i16(v: number) { this.need(2); this.dv.setInt16(this.n, v, true); this.n += 2; }
  i32(v: number) { this.need(4); this.dv.setInt32(this.n, v, true); this.n += 4; }
  u32(v: number) { this.need(4); this.dv.setUint32(this.n, v, true); this.n += 4; }
  i64(v: bigint) { this.need(8); this.dv.setBigInt64(this.n, v, true); this.n += 8; }
  f32(v: number) { if (v !== v) return this.bytes(NAN_E); this.need(4); this.dv.setFloat32(this.n, v, true); this.n += 4; }
  f64(v: number) { if (v !== v) return this.bytes(NAN_F); this.need(8); this.dv.setFloat64(this.n, v, true); this.n += 8; }
  bytes(a: ArrayLike<number>) { this.need(a.length); this.b.set(a, this.n); this.n += a.length; }
  /** a symbol's name then its 00 terminator */
  symText(s: string) { this.bytes(wireName(s)); this.u8(0); }
  symId(id: number) { const e = wireSym(id); this.need(e.length + 1); this.b.set(e, this.n); this.n += e.length; this.b[this.n++] = 0; }
}

/** The body (no header) of x's serialization. */
export function serialize(x: Q, opts: SerializeOptions = {}): Uint8Array {
  const w = new Writer(opts, sizeHint(x));
  write(w, x);
  return w.n === w.b.length ? w.b : w.b.slice(0, w.n);
}

/** A whole IPC message: the 8-byte header (little-endian, uncompressed) then x's serialization. */
export function encodeMessage(x: Q, msgType: MsgType = MsgType.Async, opts: SerializeOptions = {}): Uint8Array {
  const w = new Writer(opts, 8 + sizeHint(x));
  w.need(8); w.n = 8;
  write(w, x);
  return finish(w, msgType);
}

/** A response carrying a q error (type -128): `80`, the error text, `00` (ipc.md §4.9). */
export function encodeError(msg: string, msgType: MsgType = MsgType.Response): Uint8Array {
  const w = new Writer({});
  w.need(8); w.n = 8;
  w.u8(0x80); w.symText(msg);
  return finish(w, msgType);
}

/** The serialized size of x, exact for vectors of fixed-width items, so big vectors are written without regrowing. */
function sizeHint(x: Q): number {
  const t = x.t;
  if (t > 0 && t < 20 && t !== T.Sym) return 6 + (x as Vec).d.length * (t === T.Guid ? 1 : WIDTH[t]);
  if (t === T.Sym) {
    // the names' lengths, from a sample of the first 64: a close guess spares the copy at the end
    const ids = (x as Vec).d as Int32Array, k = Math.min(ids.length, 64);
    let len = 0;
    for (let i = 0; i < k; i++) len += wireSym(ids[i]).length + 1;
    return 6 + Math.ceil(ids.length * (k ? len / k : 1) * 1.05);
  }
  if (t === T.Enum) return 6 + 8 * (x as Vec).d.length;
  switch (t) {
    case T.List: { let n = 6; for (const e of (x as List).d) n += sizeHint(e); return n; }
    case T.Table: { let n = 16; for (const c of (x as Table).c) n += c.length + 1; for (const c of (x as Table).d) n += sizeHint(c); return n; }
    case T.Dict: return 1 + sizeHint((x as Dict).k) + sizeHint((x as Dict).v);
  }
  return 16;
}

/** The bytes x serializes to, less the message header, counted without writing them (-22!, which kdb+
 *  documents as a shortcut for count -8!x); null where only writing it tells (functions, enumerations). */
export function serializedSize(x: Q): number | null {
  const t = x.t;
  if (t < 0 && t > -20) return t === -T.Sym ? 2 + wireName((x as Atom).v as string).length : t === -T.Guid ? 17 : 1 + WIDTH[-t];
  if (t === T.Sym) { const ids = (x as Vec).d as Int32Array; let n = 6; for (let i = 0; i < ids.length; i++) n += wireSym(ids[i]).length + 1; return n; }
  if (t > 0 && t < 20) return 6 + (x as Vec).d.length * (t === T.Guid ? 1 : WIDTH[t]);
  let n: number | null;
  switch (t) {
    case T.List: {
      let m = 6;
      for (const e of (x as List).d) { if ((n = serializedSize(e)) === null) return null; m += n; }
      return m;
    }
    case T.Dict: {
      const k = serializedSize((x as Dict).k), v = serializedSize((x as Dict).v);
      return k === null || v === null ? null : 1 + k + v;
    }
    case T.Table: {
      const tb = x as Table;
      let m = 3 + 6 + 6;
      for (const c of tb.c) m += wireName(c).length + 1;
      for (const c of tb.d) { if ((n = serializedSize(c)) === null) return null; m += n; }
      return m;
    }
  }
  return isNil(x) ? 2 : null;
}

function finish(w: Writer, msgType: MsgType): Uint8Array {
  // before capability 5 no message may exceed 2 GB
  if (w.n > 2 ** 31 - 1 && (w.opts.cap ?? 3) < 5) throw new QError('limit');
  const b = w.b.subarray(0, w.n);
  writeHeader(b, msgType, w.n);
  // a little room left over stays (a copy of a large message costs more than it); much is given back
  return w.b.length === w.n ? w.b : w.b.length - w.n <= w.b.length >> 3 ? b : w.b.slice(0, w.n);
}

function write(w: Writer, x: Q): void {
  const t = x.t;
  if (t < 0 && t > -20) return writeAtom(w, x as Atom);
  if (t > 0 && t < 20) return writeVec(w, x as Vec);
  switch (t) {
    case -T.Enum: case T.Enum: return write(w, unenumerate(w, x));
    case T.List: {
      const l = x as List;
      w.u8(0); w.u8(l.a ?? 0); w.u32(l.d.length);
      for (const e of l.d) write(w, e);
      return;
    }
    case T.Dict: {
      const d = x as Dict;
      // a sorted dictionary (s# on it; a keyed table's is its key table's) is type 127 (ipc.md §4.5); keys
      // sorted alone do not make one (see index.ts: a step function needs s# on the dictionary)
      w.u8(d.a === Attr.S || (d.k.t === T.Table && (d.k as Table).a === Attr.S) ? 127 : 99);
      write(w, d.k); write(w, d.v);
      return;
    }
    case T.Table: {
      const tb = x as Table;
      w.u8(98); w.u8(tb.a ?? 0);
      w.u8(99);
      w.u8(11); w.u8(0); w.u32(tb.c.length);
      for (const c of tb.c) w.symText(c);
      w.u8(0); w.u8(0); w.u32(tb.d.length);
      for (const c of tb.d) write(w, c);
      return;
    }
    case T.Lambda: {
      const f = x as Lambda;
      // (a runtime script's function is not sent: its code is what \_ hides)
      if (f.locked) throw new QError('type');
      // the context is sent without its leading dot: `d` for a lambda defined under \d .d
      writeLambdaText(w, f.ns ? f.ns.replace(/^\./, '') : '', f.src);
      return;
    }
    case T.Unary: case T.Op: {
      const name = (x as Prim).name;
      if (isNil(x) || name === '::') { w.u8(101); w.u8(0); return; }
      if (x === ELIDED) { w.u8(101); w.u8(0xff); return; }
      const code = primCode(name);
      if (code) { w.u8(code[0]); w.u8(code[1]); return; }
      // q's <> <= >= are compositions of not with = > <
      const op = NEGATED[name];
      if (op) { w.u8(105); w.u32(2); w.u8(101); w.u8(primCode('not')![1]); w.u8(102); w.u8(primCode(op)![1]); return; }
      // a q keyword or a .Q/.h/.j function, which kdb+ defines as a lambda in q.k (til, ss, .Q.s, .h.cd …):
      // kdb+ would send its own k source, which wasq has not; a lambda that calls it by name does the same
      // on any peer (kdbx-modules' memoryusage sizes every global with -22!, .h.tx's functions too)
      const def = PRIMS[name];
      if (!def || !/^([a-z][a-z0-9]*|\.[a-zA-Z]+(\.[a-zA-Z][a-zA-Z0-9]*)+)$/.test(name)) throw new QError('nyi');
      const rank = def.m ? 1 : Math.min(8, Math.max(2, def.minRank ?? def.rank));
      const ps = ['x', 'y', 'z', 'a3', 'a4', 'a5', 'a6', 'a7'].slice(0, rank);
      writeLambdaText(w, '', rank === 1 ? `{${name} x}` : rank <= 3 ? `{${name}[${ps.join(';')}]}` : `{[${ps.join(';')}]${name}[${ps.join(';')}]}`);
      return;
    }
    case T.Iter: { w.u8(103); w.u8(ITERATORS.indexOf((x as IterPrim).adv)); return; }
    case T.Proj: {
      const p = x as Proj;
      w.u8(104); w.u32(1 + p.args.length);
      write(w, p.f);
      // an elided argument is the unary null with index ff
      for (const a of p.args) if (a === undefined) { w.u8(101); w.u8(0xff); } else write(w, a);
      return;
    }
    case T.Comp: {
      const c = x as Comp;
      w.u8(105); w.u32(c.fs.length);
      for (const f of c.fs) write(w, f);
      return;
    }
  }
  if (t >= T.Each && t <= T.EachLeft) { w.u8(t); write(w, (x as IterFn).f); return; }
  throw new QError('type');
}

function checkCap(w: Writer, t: number) {
  const cap = w.opts.cap ?? 3;
  if (t === T.Guid && cap < 3 || (t === T.Timestamp || t === T.Timespan) && cap < 1) throw new QError('type');
}

function writeAtom(w: Writer, a: Atom): void {
  const t = -a.t, v = a.v;
  checkCap(w, t);
  w.u8(a.t & 0xff);
  switch (t) {
    case T.Bool: case T.Byte: case T.Char: w.u8(v); return;
    case T.Guid: w.bytes(v as Uint8Array); return;
    case T.Short: w.i16(v); return;
    case T.Int: case T.Month: case T.Date: case T.Minute: case T.Second: case T.Time: w.i32(v); return;
    case T.Long: case T.Timestamp: case T.Timespan: w.i64(v as bigint); return;
    case T.Real: w.f32(v); return;
    case T.Float: case T.Datetime: w.f64(v); return;
    case T.Sym: w.symText(v as string); return;
  }
  throw new QError('type');
}

function writeVec(w: Writer, x: Vec): void {
  const t = x.t, d = x.d;
  checkCap(w, t);
  const n = t === T.Guid ? d.length / 16 : d.length;
  w.u8(t); w.u8(x.a ?? 0); w.u32(n);
  if (t === T.Sym) {
    const ids = d as Int32Array;
    // the whole length reserved at once, then each name's bytes copied one at a time (a set() call per
    // short name costs more than its bytes)
    let total = n;
    for (let i = 0; i < n; i++) total += wireSym(ids[i]).length;
    w.need(total);
    const b = w.b;
    let o = w.n;
    for (let i = 0; i < n; i++) { const e = wireSym(ids[i]); for (let k = 0; k < e.length; k++) b[o++] = e[k]; b[o++] = 0; }
    w.n = o;
    return;
  }
  const width = WIDTH[t], start = w.n;
  w.need(n * width);
  if (HOST_LE || width === 1) w.b.set(new Uint8Array(d.buffer, d.byteOffset, n * width), start);
  else for (let i = 0; i < n; i++) setItem(w.dv, t, start + i * width, d, i);
  w.n += n * width;
  if (t === T.Real || t === T.Float || t === T.Datetime) {
    const b = w.b, f = d as Float32Array | Float64Array;
    for (let i = 0; i < n; i++) if (f[i] !== f[i]) {
      const o = start + i * width;
      for (let k = 0; k < width - 2; k++) b[o + k] = 0;
      b[o + width - 2] = width === 4 ? 0xc0 : 0xf8; b[o + width - 1] = 0xff;
    }
  }
}

/** One item written little-endian through a DataView (big-endian hosts only). */
function setItem(dv: DataView, t: number, o: number, d: any, i: number) {
  switch (WIDTH[t]) {
    case 2: dv.setInt16(o, d[i], true); return;
    case 4: if (t === T.Real) dv.setFloat32(o, d[i], true); else dv.setInt32(o, d[i], true); return;
    case 8: if (t === T.Float || t === T.Datetime) dv.setFloat64(o, d[i], true); else dv.setBigInt64(o, d[i], true); return;
  }
}

/** Enumerations travel as their values (ipc.md §4.7): symbols for `sym$`, key values for a foreign key. */
function unenumerate(w: Writer, x: Q): Q {
  const dom = (x as Vec | Atom).dom;
  if (!w.opts.resolveEnum || !dom) throw new QError('type');
  let domain = w.opts.resolveEnum(dom);
  // a foreign key enumerates the key table of a keyed table; a one-column key sends that column; a link
  // into a plain table, or a key of several columns, has only the row to send: its value is that index
  const rows = () => x.t === T.Enum ? { t: T.Int, d: (x as Vec).d, a: 0 } as Vec : { t: -T.Int, v: (x as Atom).v } as Atom;
  if (domain.t === T.Table) return rows();
  if (domain.t === T.Dict && (domain as Dict).k.t === T.Table) {
    const kt = (domain as Dict).k as Table;
    if (kt.d.length !== 1) return rows();
    domain = kt.d[0];
  }
  if (domain.t <= 0 || domain.t >= 20) throw new QError('type');
  const dv = domain as Vec, n = dv.t === T.Guid ? dv.d.length / 16 : dv.d.length;
  const idx = x.t === T.Enum ? (x as Vec).d as Int32Array : Int32Array.of((x as Atom).v);
  const inRange = (k: number) => k >= 0 && k < n;
  const items = gather(dv.t, dv.d, idx.map(k => inRange(k) ? k : 0));
  // a null enumeration (index 0Ni) stands for the domain type's null
  for (let i = 0; i < idx.length; i++) if (!inRange(idx[i])) {
    if (dv.t === T.Guid) (items as Uint8Array).fill(0, 16 * i, 16 * i + 16);
    else (items as any)[i] = dv.t === T.Sym ? 0 : nullOf(dv.t);
  }
  if (x.t === -T.Enum) {
    const v = dv.t === T.Sym ? symName((items as Int32Array)[0]) : dv.t === T.Guid ? items : (items as any)[0];
    return { t: -dv.t, v } as Atom;
  }
  return { t: dv.t, d: items, a: (x as Vec).a } as Vec;
}

/** A lambda on the wire: type 100, its context, its text as a char vector. */
function writeLambdaText(w: Writer, ctx: string, src: string) {
  const b = nameBytes(src);
  w.u8(100); w.symText(ctx);
  w.u8(10); w.u8(0); w.u32(b.length); w.bytes(b);
}

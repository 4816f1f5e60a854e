// kdb+ IPC deserialization (ipc.md §4): the bytes of a message (either byte order, compressed or not) to
// a q value. Input comes from peers, so every count is checked against the bytes left before any
// allocation, and anything malformed is 'badmsg.
import { T } from '../value/types.js';
import { WIDTH, alloc } from '../value/storage.js';
import { intern, internBytes, symName } from '../value/sym.js';
import { Q, Vec, List, Table, Lambda, Prim, Attr, NIL, ELIDED, bytesText, count } from '../value/value.js';
import { QError } from '../value/error.js';
import { MsgType, HOST_LE, readHeader } from './header.js';
import { primName, ITERATORS, NEGATED } from './prims.js';
import { decompress } from './compress.js';
import { bytesName } from '../value/utf8.js';

export interface DeserializeOptions {
  /** Parse a lambda's source text (the codec sits below the parser). Without it a lambda is 'nyi. */
  parseLambda?: (src: string) => Lambda;
}

/** One decoded message: its type and either a value or the text of a q error (type -128). */
export type Message = { msgType: MsgType; value: Q; error?: undefined } | { msgType: MsgType; error: string; value?: undefined };

const bad = (): never => { throw new QError('badmsg'); };

/** Decode a whole message: header, then (after decompression) exactly one object. */
export function readMessage(msg: Uint8Array, opts: DeserializeOptions = {}): Message {
  const hd = readHeader(msg);
  if (hd.length !== msg.length) bad();
  const u = hd.compressed ? decompress(msg) : msg;
  const r = new Reader(u, hd.littleEndian, opts);
  r.p = 8;
  if (u[8] === 0x80) {
    r.p = 9;
    const error = r.cstr();
    if (r.p !== u.length) bad();
    return { msgType: hd.msgType, error };
  }
  const value = r.obj();
  if (value === ELIDED || r.p !== u.length) bad();
  return { msgType: hd.msgType, value };
}

/** `-9!`: the value of a serialized message; a serialized error is signalled. */
export function deserialize(msg: Uint8Array, opts: DeserializeOptions = {}): Q {
  const m = readMessage(msg, opts);
  if (m.error !== undefined) throw new QError(m.error);
  return m.value;
}

/**
 * One object serialized at b[p…] (a body without the 8-byte message header, as kdb+ files hold them):
 * the value and where it ends. Malformed or truncated bytes are 'badmsg.
 */
export function readObject(b: Uint8Array, p: number, opts: DeserializeOptions = {}): { value: Q; end: number } {
  const r = new Reader(b, true, opts);
  r.p = p;
  const value = r.obj();
  if (value === ELIDED) bad();
  return { value, end: r.p };
}

class Reader {
  p = 0;
  dv: DataView;
  constructor(readonly b: Uint8Array, readonly le: boolean, readonly opts: DeserializeOptions) {
    this.dv = new DataView(b.buffer, b.byteOffset, b.length);
  }
  need(k: number) { if (this.p + k > this.b.length) bad(); }
  u8() { this.need(1); return this.b[this.p++]; }
  i8() { this.need(1); return this.dv.getInt8(this.p++); }
  u32() { this.need(4); const v = this.dv.getUint32(this.p, this.le); this.p += 4; return v; }
  /** a count: uint32, or int64 when the attribute byte has bit 0x80 (capability 6) */
  count(wide: boolean) {
    if (!wide) return this.u32();
    this.need(8); const v = this.dv.getBigUint64(this.p, this.le); this.p += 8;
    if (v > BigInt(this.b.length)) bad();
    return Number(v);
  }
  /** bytes up to the next 00, which is skipped */
  cstrBytes(): Uint8Array {
    const e = this.b.indexOf(0, this.p);
    if (e < 0) bad();
    const s = this.b.subarray(this.p, e);
    this.p = e + 1;
    return s;
  }
  cstr(): string {
    const s = this.cstrBytes();
    // most names are short ASCII: skip the decoder for them
    if (s.length > 32) return bytesName(s);
    let r = '';
    for (let i = 0; i < s.length; i++) { const c = s[i]; if (c > 127) return bytesName(s); r += String.fromCharCode(c); }
    return r;
  }

  obj(): Q {
    const t = this.i8();
    if (t < 0 && t > -20 && t !== -3) return this.atom(-t);
    if (t > 0 && t < 20 && t !== 3) return this.vec(t);
    switch (t) {
      case 0: {
        const a = this.u8(), n = this.count((a & 0x80) !== 0);
        // every item takes at least one byte
        if (n > this.b.length - this.p) bad();
        const d = new Array<Q>(n);
        // (an item may be an argument left out, as in a parse tree's application f[;1])
        for (let i = 0; i < n; i++) d[i] = this.obj();
        return { t: T.List, d, a: a & 0x7f };
      }
      case 98: return this.table();
      case 99: case 127: {
        const k = this.value(), v = this.value();
        return t === 127 ? { t: T.Dict, k, v, a: Attr.S } : { t: T.Dict, k, v };
      }
      case 100: {
        const ctx = this.cstr();
        const src = this.value();
        if (src.t !== T.Char) bad();
        if (!this.opts.parseLambda) throw new QError('nyi');
        const f = this.opts.parseLambda(bytesText((src as Vec).d as Uint8Array));
        return { ...f, ns: ctx ? '.' + ctx : '' };
      }
      case 101: case 102: {
        const i = this.u8();
        if (t === 101 && i === 0) return NIL;
        if (t === 101 && i === 0xff) return ELIDED;
        const name = primName(t, i) ?? bad();
        return prim(name);
      }
      case 103: {
        const adv = ITERATORS[this.u8()] ?? bad();
        return { t: T.Iter, adv };
      }
      case 104: {
        const n = this.u32();
        if (n < 2 || n > this.b.length - this.p) bad();
        const f = this.value(), args = new Array<Q | undefined>(n - 1);
        for (let i = 0; i < n - 1; i++) { const a = this.obj(); args[i] = a === ELIDED ? undefined : a; }
        return { t: T.Proj, f, args };
      }
      case 105: {
        const n = this.u32();
        if (n < 2 || n > this.b.length - this.p) bad();
        const fs = new Array<Q>(n);
        for (let i = 0; i < n; i++) fs[i] = this.value();
        // q's <> <= >= arrive as compositions of not with = > <
        if (n === 2 && fs[0].t === T.Unary && (fs[0] as Prim).name === 'not' && fs[1].t === T.Op) {
          const name = Object.keys(NEGATED).find(k => NEGATED[k] === (fs[1] as Prim).name);
          if (name) return prim(name);
        }
        return { t: T.Comp, fs };
      }
    }
    if (t >= T.Each && t <= T.EachLeft) return { t, adv: ITERATORS[t - T.Each], f: this.value() } as Q;
    // enumerations (20-76) and mapped types never travel over IPC; 112 has no wire form
    return bad();
  }

  /** an object that is not an elided-argument marker */
  value(): Q { const x = this.obj(); return x === ELIDED ? bad() : x; }

  atom(t: number): Q {
    const w = WIDTH[t] || 0;
    if (t === T.Sym) return { t: -t, v: this.cstr() };
    this.need(w);
    const dv = this.dv, p = this.p, le = this.le;
    this.p += w;
    let v: any;
    switch (t) {
      case T.Bool: case T.Byte: case T.Char: v = this.b[p]; break;
      case T.Guid: v = this.b.slice(p, p + 16); break;
      case T.Short: v = dv.getInt16(p, le); break;
      case T.Int: case T.Month: case T.Date: case T.Minute: case T.Second: case T.Time: v = dv.getInt32(p, le); break;
      case T.Long: case T.Timestamp: case T.Timespan: v = dv.getBigInt64(p, le); break;
      case T.Real: v = dv.getFloat32(p, le); break;
      case T.Float: case T.Datetime: v = dv.getFloat64(p, le); break;
    }
    if (t === T.Bool && v > 1) v = 1;
    return { t: -t, v };
  }

  vec(t: number): Vec {
    const a = this.u8(), n = this.count((a & 0x80) !== 0), attr = a & 0x7f;
    if (attr > 4) bad();
    if (t === T.Sym) {
      if (n > this.b.length - this.p) bad();
      const d = alloc(T.Sym, n) as Int32Array;
      // each name looked up by its bytes, without making its text unless it is new
      for (let i = 0, b = this.b; i < n; i++) {
        const e = b.indexOf(0, this.p);
        if (e < 0) bad();
        d[i] = internBytes(b, this.p, e);
        this.p = e + 1;
      }
      return { t, d, a: attr };
    }
    const w = WIDTH[t], nb = n * w;
    this.need(nb);
    const d = alloc(t, n), src = this.b.subarray(this.p, this.p + nb);
    if (w === 1 || t === T.Guid || this.le === HOST_LE) new Uint8Array(d.buffer, d.byteOffset, nb).set(src);
    else this.swapInto(t, d, n);
    this.p += nb;
    if (t === T.Bool) { const u = d as Uint8Array; for (let i = 0; i < n; i++) if (u[i] > 1) u[i] = 1; }
    return { t, d, a: attr };
  }

  /** items read one by one in the message's byte order (it differs from this machine's) */
  swapInto(t: number, d: any, n: number) {
    const dv = this.dv, le = this.le, w = WIDTH[t], p = this.p;
    for (let i = 0, o = p; i < n; i++, o += w) {
      switch (w) {
        case 2: d[i] = dv.getInt16(o, le); break;
        case 4: d[i] = t === T.Real ? dv.getFloat32(o, le) : dv.getInt32(o, le); break;
        case 8: d[i] = t === T.Float || t === T.Datetime ? dv.getFloat64(o, le) : dv.getBigInt64(o, le); break;
      }
    }
  }

  table(): Q {
    const a = this.u8() & 0x7f;
    if (this.i8() !== 99) bad();
    const k = this.value(), v = this.value();
    if (k.t !== T.Sym || v.t !== T.List) bad();
    const c = Array.from((k as Vec).d as Int32Array, symName);
    const d = (v as List).d;
    if (d.length !== c.length) bad();
    // columns are vectors, enumerations, general lists or tables (a column of dictionaries), of one length
    let n = -1;
    for (const col of d) {
      if (!(col.t >= 0 && col.t <= T.Enum || col.t === T.Table)) bad();
      const len = count(col);
      if (n >= 0 && len !== n) bad();
      n = len;
    }
    const r: Table = { t: T.Table, c, d };
    if (a) r.a = a;
    return r;
  }
}

/** A primitive as the evaluator makes it: keywords are type 101, glyphs 102 (eval.ts primValue). */
function prim(name: string): Prim {
  return { t: /^[a-z.]/.test(name) ? T.Unary : T.Op, name };
}

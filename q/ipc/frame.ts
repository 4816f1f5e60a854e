// Pure helpers for the connection layer (ipc.md §1-3): telling the protocols apart on one port, the kdb+
// handshake and its capability reply, and cutting a byte stream into whole messages. No sockets here.
import { QError } from '../value/error.js';
import { readHeader } from './header.js';

// ---- protocol sniffing ----------------------------------------------------------------------------------
const HTTP_METHODS = ['GET ', 'POST ', 'OPTIONS ', 'PUT ', 'PATCH ', 'DELETE ', 'HEAD '];

/**
 * Which protocol the first bytes of a connection speak: an HTTP request line starts HTTP (a WebSocket
 * upgrade is an HTTP GET); anything else is the kdb+ handshake. 'more' while the bytes are a prefix of a
 * method name.
 */
export function sniffProtocol(b: Uint8Array): 'http' | 'ipc' | 'more' {
  let prefix = false;
  for (const m of HTTP_METHODS) {
    let i = 0;
    while (i < m.length && i < b.length && b[i] === m.charCodeAt(i)) i++;
    if (i === m.length) return 'http';
    if (i === b.length) prefix = true;
  }
  return prefix ? 'more' : 'ipc';
}

// ---- handshake ----------------------------------------------------------------------------------------
/** The highest capability wasq speaks: compression, timestamps, guids; no messages over 2 GB. */
export const SERVER_CAP = 3;
/** kdb+ does not document its bound on the credentials; this one is generous and keeps a bad peer cheap. */
export const MAX_HANDSHAKE = 1024;

export interface Handshake {
  user: string;
  password: string;
  /** the client's capability byte (0 for pre-2.6 clients, which send none) */
  cap: number;
  /** bytes consumed, including the terminating 00 */
  length: number;
}

const utf8 = new TextDecoder();

/**
 * The client's handshake from the bytes received so far: credentials `user:password`, a capability byte,
 * then 00. null until the 00 arrives; 'access when it never comes within MAX_HANDSHAKE bytes.
 */
export function parseHandshake(b: Uint8Array): Handshake | null {
  const end = b.indexOf(0);
  if (end < 0) { if (b.length >= MAX_HANDSHAKE) throw new QError('access'); return null; }
  if (end >= MAX_HANDSHAKE) throw new QError('access');
  let credEnd = end, cap = 0;
  // capabilities are small numbers; a printable byte before the 00 is a pre-2.6 client's credentials
  if (end > 0 && b[end - 1] < 32) { cap = b[end - 1]; credEnd = end - 1; }
  const cred = utf8.decode(b.subarray(0, credEnd));
  const colon = cred.indexOf(':');
  return {
    user: colon < 0 ? cred : cred.slice(0, colon),
    password: colon < 0 ? '' : cred.slice(colon + 1),
    cap,
    length: end + 1,
  };
}

/** The one byte an accepting server sends back: the common capability, the smaller of the two. */
export const capabilityReply = (clientCap: number, serverCap = SERVER_CAP): number => Math.min(clientCap, serverCap);

/** A client's handshake bytes: `user:password`, the capability, 00. */
export function handshakeBytes(user: string, password: string | null, cap = SERVER_CAP): Uint8Array {
  const cred = new TextEncoder().encode(password === null ? user : user + ':' + password);
  const b = new Uint8Array(cred.length + 2);
  b.set(cred);
  b[cred.length] = cap;
  return b;
}

// ---- framing -----------------------------------------------------------------------------------------
/**
 * Collects the bytes of a stream and hands back whole messages (header included, still compressed if they
 * were). The length field is trusted only up to `maxLength`, and memory for a message is taken only once all
 * its bytes have arrived.
 */
export class FrameReader {
  // chunks from `head` on are buffered; a message longer than the chunks so far is assembled in one
  // buffer of its full length as its bytes arrive (an 80 MB answer came in thousands of socket reads,
  // and shifting the chunk list, then gathering, cost more than the transfer)
  private chunks: Uint8Array[] = [];
  private head = 0;
  private have = 0;
  private big: { buf: Uint8Array; at: number } | null = null;
  constructor(readonly maxLength = 2 ** 31 - 1) {}

  /** Bytes buffered towards the next message. */
  get pending(): number { return this.big ? this.big.at : this.have; }

  /** Add received bytes; returns every message now complete, in order. 'badmsg on a malformed header. */
  push(chunk: Uint8Array): Uint8Array[] {
    const out: Uint8Array[] = [];
    if (this.big) {
      const b = this.big, m = Math.min(chunk.length, b.buf.length - b.at);
      b.buf.set(chunk.subarray(0, m), b.at);
      b.at += m;
      if (b.at < b.buf.length) return out;
      out.push(b.buf);
      this.big = null;
      chunk = chunk.subarray(m);
    }
    if (chunk.length) { this.chunks.push(chunk); this.have += chunk.length; }
    for (;;) {
      if (this.have < 8) break;
      const hd = readHeader(this.peek(8));
      if (hd.length > this.maxLength) throw new QError('limit');
      if (this.have < hd.length) {
        // a long message still arriving: its buffer from now on
        if (hd.length > 1 << 20) { const buf = new Uint8Array(hd.length), at = this.have; this.big = { buf, at }; this.gatherInto(buf, at); }
        break;
      }
      out.push(this.take(hd.length));
    }
    if (this.head > 64 && this.head * 2 > this.chunks.length) { this.chunks = this.chunks.slice(this.head); this.head = 0; }
    return out;
  }

  /** the first n buffered bytes, without consuming them (n ≤ 8: only headers are peeked) */
  private peek(n: number): Uint8Array {
    const first = this.chunks[this.head];
    if (first.length >= n) return first.subarray(0, n);
    const r = new Uint8Array(n);
    for (let o = 0, k = this.head; o < n; k++) { const c = this.chunks[k], m = Math.min(c.length, n - o); r.set(c.subarray(0, m), o); o += m; }
    return r;
  }

  /** consume the first n buffered bytes */
  private take(n: number): Uint8Array {
    const first = this.chunks[this.head];
    if (first.length < n) { const r = new Uint8Array(n); this.gatherInto(r, n); return r; }
    this.have -= n;
    if (first.length === n) this.chunks[this.head++] = EMPTY; else this.chunks[this.head] = first.subarray(n);
    return first.subarray(0, n);
  }

  /** consume the first n buffered bytes into r */
  private gatherInto(r: Uint8Array, n: number): void {
    this.have -= n;
    let o = 0;
    while (o < n) {
      const c = this.chunks[this.head], m = Math.min(c.length, n - o);
      r.set(c.subarray(0, m), o);
      o += m;
      if (m === c.length) this.chunks[this.head++] = EMPTY; else this.chunks[this.head] = c.subarray(m);
    }
  }
}
const EMPTY = new Uint8Array(0);

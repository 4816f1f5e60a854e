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
  private chunks: Uint8Array[] = [];
  private have = 0;
  constructor(readonly maxLength = 2 ** 31 - 1) {}

  /** Bytes buffered towards the next message. */
  get pending(): number { return this.have; }

  /** Add received bytes; returns every message now complete, in order. 'badmsg on a malformed header. */
  push(chunk: Uint8Array): Uint8Array[] {
    if (chunk.length) { this.chunks.push(chunk); this.have += chunk.length; }
    const out: Uint8Array[] = [];
    for (;;) {
      if (this.have < 8) break;
      const hd = readHeader(this.peek(8));
      if (hd.length > this.maxLength) throw new QError('limit');
      if (this.have < hd.length) break;
      out.push(this.take(hd.length));
    }
    return out;
  }

  /** the first n buffered bytes, without consuming them (n ≤ 8: only headers are peeked) */
  private peek(n: number): Uint8Array {
    const first = this.chunks[0];
    return first.length >= n ? first.subarray(0, n) : this.gather(n, false);
  }

  /** consume the first n buffered bytes */
  private take(n: number): Uint8Array {
    const first = this.chunks[0];
    this.have -= n;
    if (first.length < n) return this.gather(n, true);
    if (first.length === n) this.chunks.shift(); else this.chunks[0] = first.subarray(n);
    return first.subarray(0, n);
  }

  /** a copy of the first n bytes, spanning chunks; consumed when `consume` */
  private gather(n: number, consume: boolean): Uint8Array {
    const r = new Uint8Array(n);
    let o = 0, k = 0;
    while (o < n) {
      const c = this.chunks[k], m = Math.min(c.length, n - o);
      r.set(c.subarray(0, m), o);
      o += m;
      if (consume && m === c.length) { this.chunks.shift(); continue; }
      if (consume) this.chunks[0] = c.subarray(m);
      k++;
    }
    return r;
  }
}

// kdb+ IPC compression (ipc.md §5): an LZ-style stream over the message after its header, where a match is
// found through a 256-entry table indexed by the XOR of two adjacent bytes. The encoder emits exactly what
// kdb+ and javakdb emit (`-18!til 1000` is 3276 bytes); the decoder validates what kdb+ does not.
import { QError } from '../value/error.js';
import { readHeader } from './header.js';

/** kdb+ compresses only messages longer than this (ipc.md §5.1). */
export const COMPRESS_MIN = 2000;

/**
 * The compressed form of a whole uncompressed message, or null when it would not be smaller than half the
 * original (kdb+ then sends the original).
 */
export function compress(u: Uint8Array): Uint8Array | null {
  const L = u.length;
  if (L < 12 || L >= 2 ** 32) return null;
  const budget = Math.floor(L / 2);
  // (too short to hold even the 12-byte header in half its size: a file's block can be this small)
  if (budget < 13) return null;
  const y = new Uint8Array(budget);
  y.set(u.subarray(0, 4));
  y[2] = 1;
  new DataView(y.buffer).setUint32(8, L, u[0] === 1);
  const T = new Int32Array(256);
  let d = 12, c = 12, f = 0, m = 0, s = 8, h = 0, h0 = 0, s0 = 0;
  while (s < L) {
    if (m === 0) {
      if (d > budget - 17) return null;
      y[c] = f; c = d++; f = 0; m = 1;
    }
    let p = 0, literal = s > L - 3;
    if (!literal) {
      h = u[s] ^ u[s + 1];
      p = T[h];
      // equal XOR and equal first byte imply an equal second byte
      literal = p === 0 || u[s] !== u[p];
    }
    // a literal is indexed only after the next lookup, as the decoder does
    if (s0 > 0) { T[h0] = s0; s0 = 0; }
    if (literal) {
      h0 = h; s0 = s;
      y[d++] = u[s++];
    } else {
      T[h] = s;
      f |= m;
      p += 2; s += 2;
      const r = s, q = Math.min(s + 255, L);
      while (u[p] === u[s] && ++s < q) ++p;
      y[d++] = h;
      y[d++] = s - r;
    }
    m = m === 128 ? 0 : m << 1;
  }
  y[c] = f;
  new DataView(y.buffer).setUint32(4, d, u[0] === 1);
  return y.slice(0, d);
}

/** What kdb+ sends for an uncompressed message to a remote peer: compressed when over 2000 bytes and at most half. */
export function maybeCompress(u: Uint8Array): Uint8Array {
  return u.length > COMPRESS_MIN ? compress(u) ?? u : u;
}

/** The uncompressed message (header byte 2 = 0, its own length) of a compressed one; 'badmsg when the stream is invalid. */
export function decompress(src: Uint8Array): Uint8Array {
  const hd = readHeader(src);
  if (!hd.compressed) return src;
  const le = hd.littleEndian, dv = new DataView(src.buffer, src.byteOffset, src.length);
  // flag 2 carries an 8-byte uncompressed length (bodies over 4 GB, qPython's reading)
  const wide = hd.compressed === 2;
  if (src.length < (wide ? 16 : 12) || hd.length > src.length) throw new QError('badmsg');
  const ulen = wide ? Number(dv.getBigUint64(8, le)) : dv.getUint32(8, le);
  if (ulen < 9 || ulen > 2 ** 40) throw new QError('badmsg');
  const end = hd.length;
  let i = wide ? 16 : 12;
  // a match item (2 bytes and a flag bit) gives at most 257 bytes: a larger claim is a lie, refused before allocating
  if (ulen - 8 > (end - i) * 129) throw new QError('badmsg');
  const out = new Uint8Array(ulen);
  out.set(src.subarray(0, 8));
  out[2] = 0; out[3] = Math.floor(ulen / 2 ** 32);
  new DataView(out.buffer).setUint32(4, ulen % 2 ** 32, le);
  const T = new Int32Array(256);
  let s = 8, p = 8, f = 0, m = 0;
  while (s < ulen) {
    if (m === 0) { if (i >= end) throw new QError('badmsg'); f = src[i++]; m = 1; }
    if ((f & m) === 0) {
      if (i >= end) throw new QError('badmsg');
      out[s++] = src[i++];
      while (p < s - 1) { T[out[p] ^ out[p + 1]] = p; p++; }
    } else {
      if (i + 2 > end) throw new QError('badmsg');
      const r = T[src[i++]], n = src[i++] + 2, q = s;
      if (r < 8 || r >= q || s + n > ulen) throw new QError('badmsg');
      // byte by byte: source and destination may overlap
      for (let k = 0; k < n; k++) out[s + k] = out[r + k];
      s += n;
      while (p <= q) { T[out[p] ^ out[p + 1]] = p; p++; }
      p = s;
    }
    m = m === 128 ? 0 : m << 1;
  }
  return out;
}

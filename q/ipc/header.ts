// The 8-byte header every kdb+ IPC message starts with (ipc.md §3): byte order, message type,
// compression flag, and the total length (header included).
import { QError } from '../value/error.js';

/** Message types of header byte 1. */
export const enum MsgType { Async = 0, Sync = 1, Response = 2 }

export interface Header {
  /** byte 0: 1 little-endian, 0 big-endian (applies to everything after the header byte 0) */
  littleEndian: boolean;
  msgType: MsgType;
  /** byte 2: 0 plain, 1 compressed (2: compressed with an 8-byte uncompressed length, qPython's >2 GB form) */
  compressed: number;
  /** total message length in bytes, header included */
  length: number;
}

/** Is this machine little-endian? Typed-array bytes can then be copied as they are. */
export const HOST_LE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Read the header at the start of b; 'badmsg when b is too short or a field is out of range. */
export function readHeader(b: Uint8Array): Header {
  if (b.length < 8 || b[0] > 1 || b[1] > 2 || b[2] > 2) throw new QError('badmsg');
  const le = b[0] === 1;
  const dv = new DataView(b.buffer, b.byteOffset, 8);
  // for messages of 4 GB and more, byte 3 holds bits 32-39 of the length (capability 5 and 6 peers)
  const length = dv.getUint32(4, le) + b[3] * 2 ** 32;
  if (length < 9) throw new QError('badmsg');
  return { littleEndian: le, msgType: b[1] as MsgType, compressed: b[2], length };
}

/** Write a little-endian header into the first 8 bytes of b. */
export function writeHeader(b: Uint8Array, msgType: MsgType, length: number, compressed = 0): void {
  if (length >= 2 ** 40) throw new QError('limit');
  b[0] = 1; b[1] = msgType; b[2] = compressed; b[3] = Math.floor(length / 2 ** 32);
  new DataView(b.buffer, b.byteOffset, 8).setUint32(4, length % 2 ** 32, true);
}

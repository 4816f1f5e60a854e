// Digests of strings: md5, .Q.sha1 and -33! (SHA-1), as byte vectors. The hashes are @noble/hashes's,
// which run synchronously in the page and in Node alike (Web Crypto's digest is asynchronous).
import { md5 as md5Hash, sha1 } from '@noble/hashes/legacy.js';
import { T } from '../value/types.js';
import { Q, Vec, Atom, vec } from '../value/value.js';
import { QError } from '../value/error.js';
import { INTERNAL } from './internal.js';

/** The bytes of a string (its chars as they are stored) or of a byte vector; 'type for anything else. */
function bytesOf(x: Q): Uint8Array {
  if (x.t === T.Char || x.t === T.Byte) return (x as Vec).d as Uint8Array;
  if (x.t === -T.Char || x.t === -T.Byte) return Uint8Array.of((x as Atom).v);
  throw new QError('type');
}
export const md5 = (x: Q): Q => vec(T.Byte, md5Hash(bytesOf(x)));
export const qsha1 = (x: Q): Q => vec(T.Byte, sha1(bytesOf(x)));
INTERNAL['-33'] = qsha1;

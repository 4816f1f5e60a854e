// The blocks of a compressed kdb+ file, one algorithm each (its trailer names it per block): 0 stored,
// 1 q IPC (the block as a compressed IPC message: an 8-byte message header, the uncompressed message
// length, then kdb+'s IPC compression of header and block, as ../ipc/compress.ts does it), 2 gzip (a zlib
// stream), 3 snappy (a raw snappy block), 4 lz4hc (a raw LZ4 block, the format LZ4_decompress_safe
// reads), 5 zstd (a zstd frame). Each codec but q's own is a library (fflate, snappyjs, lz4js, fzstd to
// read zstd and, to write it, @bokuweb/zstd-wasm, a WebAssembly build of the reference library, which a
// host installs when it starts).
// The q IPC and gzip blocks were checked against files kdb+ wrote (q IPC: wasq rewrites them byte for
// byte); for snappy and LZ4 the block formats are the ones the libraries kdb+ loads produce (a public
// kdb+ file reader decodes them the same way), not checked against kdb+'s own files.
import { unzlibSync, zlibSync } from 'fflate';
import { decompress as unzstd } from 'fzstd';
import * as snappy from 'snappyjs';
import * as lz4 from 'lz4js';
import { compress as ipcCompress, decompress as ipcDecompress } from '../ipc/compress.js';

export const ALGORITHMS = ['none', 'q IPC', 'gzip', 'snappy', 'lz4hc', 'zstd'];
const name = (alg: number) => `${alg} (${ALGORITHMS[alg] ?? 'unknown'})`;

/** Decode block `part` (algorithm alg) into out, which it must fill exactly: true when it does, false
 *  when the block is corrupt; an algorithm not read is an error naming it. */
export function inflate(alg: number, part: Uint8Array, out: Uint8Array): boolean {
  try {
    switch (alg) {
      case 0: if (part.length !== out.length) return false; out.set(part); return true;
      case 1: {
        // the message's own length must be the block's, and what it holds exactly the logical block
        if (part.length < 12 || new DataView(part.buffer, part.byteOffset).getUint32(4, true) !== part.length || part[0] !== 1) return false;
        const u = ipcDecompress(part);
        if (u.length - 8 !== out.length) return false;
        out.set(u.subarray(8)); return true;
      }
      case 2: return unzlibSync(part, { out }).length === out.length;
      case 3: { const u = snappy.uncompress(part, out.length); if (u.length !== out.length) return false; out.set(u); return true; }
      case 4: return unlz4(part, out);
      case 5: { const u = unzstd(part, out); if (u.length !== out.length) return false; if (u.buffer !== out.buffer || u.byteOffset !== out.byteOffset) out.set(u); return true; }
    }
  } catch { return false; }
  throw new Error(`nyi: compression algorithm ${name(alg)}`);
}

/** Decode an LZ4 block into out, checking every length and offset against both buffers: true when it
 *  fills out exactly. (lz4js's decoder reads past the end of a truncated block without noticing.) */
function unlz4(src: Uint8Array, out: Uint8Array): boolean {
  let s = 0, d = 0;
  const len = (n: number) => { if (n === 15) for (let b = 255; b === 255;) { if (s >= src.length) return -1; b = src[s++]; n += b; } return n; };
  while (s < src.length) {
    const tok = src[s++], lit = len(tok >> 4);
    if (lit < 0 || s + lit > src.length || d + lit > out.length) return false;
    out.set(src.subarray(s, s + lit), d); s += lit; d += lit;
    if (s === src.length) break;                 // the last sequence has literals only
    if (s + 2 > src.length) return false;
    const off = src[s] | (src[s + 1] << 8);
    s += 2;
    const m = len(tok & 15);
    if (off === 0 || off > d || m < 0 || d + m + 4 > out.length) return false;
    for (let k = m + 4; k > 0; k--, d++) out[d] = out[d - off];
  }
  return d === out.length;
}

/** The levels each written algorithm takes (as kdb+ documents them). */
const LEVELS: Record<number, [number, number]> = { 1: [0, 0], 2: [0, 9], 3: [0, 0], 4: [0, 16], 5: [-7, 22] };

/** zstd's encoder. Its WebAssembly module loads asynchronously, so each host installs it as it starts
 *  (server/zstd.ts, the page's worker); a session without it does not write zstd. */
let zstd: ((b: Uint8Array, level: number) => Uint8Array) | null = null;
export function installZstd(compress: (b: Uint8Array, level: number) => Uint8Array): void { zstd = compress; }

/** Why alg and level cannot be written, or null when they can. */
export function unwritable(alg: number, lvl: number): string | null {
  const r = LEVELS[alg];
  if (!r) return `nyi: compression algorithm ${name(alg)}; wasq writes 0 to 5`;
  if (alg === 5 && !zstd) return `nyi: compression algorithm ${name(alg)}: its encoder is not loaded here`;
  // (lz4hc above 16 behaves as 16, kb/file-compression)
  return lvl >= r[0] && (lvl <= r[1] || alg === 4) ? null : `bad zipLevel (${ALGORITHMS[alg]}: ${r[0]} to ${r[1]})`;
}

/** Encode one block with alg at level lvl (checked by unwritable); null when it does not shrink, so
 *  that the block is stored instead. */
export function deflate(alg: number, part: Uint8Array, lvl: number): Uint8Array | null {
  let z: Uint8Array;
  if (alg === 1) {
    // a message header (little-endian, async) in front of the block, compressed as IPC compresses; kdb+'s
    // IPC rule keeps a block only when it comes to at most half
    const u = new Uint8Array(8 + part.length);
    u[0] = 1; new DataView(u.buffer).setUint32(4, u.length, true); u.set(part, 8);
    return ipcCompress(u);
  }
  if (alg === 2) z = zlibSync(part, { level: lvl as 0 });
  else if (alg === 3) z = snappy.compress(part);
  else if (alg === 5) z = zstd!(part, lvl);
  else {
    const dst = new Uint8Array(lz4.compressBound(part.length)), k = lz4.compressBlock(part, dst, 0, part.length, new Uint32Array(1 << 16));
    if (k === 0) return null;
    z = dst.subarray(0, k);
  }
  return z.length < part.length ? z : null;
}

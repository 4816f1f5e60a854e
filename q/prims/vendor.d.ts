// Types for the two block codecs that ship without them (see q/prims/zblock.ts).
declare module 'snappyjs' {
  /** The raw snappy block's bytes; throws on a bad stream or one longer than maxLength. */
  export function uncompress(compressed: Uint8Array, maxLength?: number): Uint8Array;
  export function compress(uncompressed: Uint8Array): Uint8Array;
}
declare module 'lz4js' {
  /** Encode src[sIndex, sIndex+sLength) as an LZ4 block into dst; its length, 0 when it does not shrink. */
  export function compressBlock(src: Uint8Array, dst: Uint8Array, sIndex: number, sLength: number, hashTable: Uint32Array): number;
  export function compressBound(n: number): number;
}

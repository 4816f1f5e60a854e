// The bridge to the kernels: one instance of build/kernels.wasm over the memory vectors live in
// (q/value/heap.ts). Hosts hand over the module's bytes (Node reads the file, the page's worker fetches
// it); the same code instantiates it in both. Until then, or where shared memory is not allowed, every
// primitive takes its TypeScript path, so a session works without kernels, only slower.
import { wasmMemory, take, own, MEMORY_BYTES } from '../value/heap.js';
import type { Items } from '../value/storage.js';

/** The kernels' exports, by name (see assembly/); null until a host installs the module. */
export let K: Record<string, any> | null = null;

/** Instantiate the kernels module (bytes of build/kernels.wasm, or a compiled module) on vector memory. */
export function install(wasm: BufferSource | WebAssembly.Module): boolean {
  const memory = wasmMemory();
  if (!memory) return false;
  const module = wasm instanceof WebAssembly.Module ? wasm : new WebAssembly.Module(wasm);
  // a kernel never calls abort (built with noAssert); if one did, it must not kill the session
  const abort = () => { throw new RangeError('kernel abort'); };
  K = new WebAssembly.Instance(module, { env: { memory, abort } }).exports as Record<string, any>;
  return true;
}

// ---- scratch: temporary buffers for one kernel call, recycled, never seen by q -------------------------
// An arena of blocks: tmp() bumps within the newest block, or opens a bigger one (earlier blocks stay put,
// so pointers already handed out stay valid). begin() starts over in one block big enough for the last
// call's total, so a steady workload settles on one block and touches no fresh pages.

let blocks: Uint8Array[] = [];   // the views keep the blocks alive; dropping them frees the blocks
let cur = -1, curEnd = 0, used = 0, peak = 0;

/** Start a kernel call's temporaries; blocks from tmp() are valid until the next begin(). */
export function begin() {
  if (blocks.length !== 1 || blocks[0].byteLength < peak) { blocks = []; cur = -1; curEnd = 0; if (peak) open(peak); }
  else { cur = blocks[0].byteOffset; curEnd = cur + blocks[0].byteLength; }
  used = 0;
}

function open(bytes: number) {
  const size = Math.max(bytes, 1 << 20), p = take(size);
  if (p < 0) throw new RangeError('wsfull');
  const v = new Uint8Array(wasmMemory()!.buffer, p, size);
  own(v, p, size, true);
  blocks.push(v); cur = p; curEnd = p + size;
}

/** A temporary block of `bytes` bytes (16-aligned) in wasm memory; its contents are undefined. */
export function tmp(bytes: number): number {
  // (not with & ~15: bit operations work in 32 bits, and a block past 2 GB would wrap to a small one)
  if (bytes > MEMORY_BYTES) throw new RangeError('wsfull');
  const b = Math.ceil(bytes / 16) * 16;
  if (cur < 0 || cur + b > curEnd) open(Math.max(b, 2 * (used + b)));
  const p = cur;
  cur += b; used += b; if (used > peak) peak = used;
  return p;
}

/** The wasm offset of items a: where they live, or a temporary copy when they live on the JS heap. */
export function ptr(a: Items): number {
  // every SharedArrayBuffer a vector sits on is a view of our one memory (heap.ts makes no other)
  if (a.buffer instanceof SharedArrayBuffer) return a.byteOffset;
  const p = tmp(a.byteLength);
  new Uint8Array(wasmMemory()!.buffer, p, a.byteLength).set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  return p;
}

/** A view of n items of constructor C at wasm offset p (on the memory's current buffer). */
export function view<A>(C: { new (b: ArrayBufferLike, o: number, n: number): A }, p: number, n: number): A {
  return new C(wasmMemory()!.buffer, p, n);
}

// ---- lasting scratch: buffers that outlive begin(), reused from call to call ----------------------------
// Group ids are written by one kernel and read by the next few (grouping, then each aggregate), so they
// cannot live in the per-call arena; nor should each query take fresh blocks for them, since writing
// memory never touched costs page faults (several times the kernel's own time). Two buffers, so that
// pairing two groupings reads one and writes the other.
const lasting: (Int32Array | null)[] = [null, null];
/** Lasting buffer k (0 or 1) with room for n i32, valid until the next call for the same k. */
export function lastingInts(k: 0 | 1, n: number): Int32Array {
  let b = lasting[k];
  if (!b || b.length < n) {
    const bytes = Math.max(4 * n, 1 << 16), p = take(bytes);
    if (p < 0) throw new RangeError('wsfull');
    b = new Int32Array(wasmMemory()!.buffer, p, bytes >> 2);
    own(b, p, bytes, true);
    lasting[k] = b;
  }
  return new Int32Array(wasmMemory()!.buffer, b.byteOffset, n);
}

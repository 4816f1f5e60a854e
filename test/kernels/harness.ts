// Kernel tests run the real build/kernels.wasm in a memory of their own, with a bump allocator:
// each test writes its inputs, calls an export, and reads the outputs as typed-array views.
import { readFileSync } from 'node:fs';

export const memory = new WebAssembly.Memory({ initial: 16, maximum: 65536, shared: true });
const module = new WebAssembly.Module(readFileSync(new URL('../../build/kernels.wasm', import.meta.url)));
export const k = new WebAssembly.Instance(module, { env: { memory, abort() { throw new Error('wasm abort'); } } }).exports as Record<string, any>;

let top = 64;
/** bytes of wasm memory, 16-aligned; grows the memory as needed */
export function alloc(bytes: number): number {
  const p = top;
  top = (top + bytes + 15) & ~15;
  const need = top - memory.buffer.byteLength;
  if (need > 0) memory.grow(Math.ceil(need / 65536));
  return p;
}
/** forget every allocation (between tests) */
export function reset() { top = 64; }

type Ctor<A> = { new (b: ArrayBufferLike, off: number, n: number): A; BYTES_PER_ELEMENT: number };
/** a view of n items at p */
export const view = <A>(C: Ctor<A>, p: number, n: number): A => new C(memory.buffer, p, n);
/** copy a typed array into fresh wasm memory; returns its pointer */
export function put(a: ArrayBufferView & { length: number }): number {
  const p = alloc(a.byteLength);
  new Uint8Array(memory.buffer, p, a.byteLength).set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  return p;
}

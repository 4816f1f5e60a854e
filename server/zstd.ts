// Node's half of writing zstd: the encoder's WebAssembly module, from the package in node_modules (loaded
// at run time, not bundled: it finds its .wasm beside itself), installed for the q core once it is ready.
import { createRequire } from 'node:module';
import { installZstd } from '../q/prims/zblock.js';

/** Load and install the zstd encoder; false when it cannot load (then zstd is not written). */
export async function loadZstd(): Promise<boolean> {
  try {
    const z = createRequire(import.meta.url)('@bokuweb/zstd-wasm') as { init(): Promise<void>; compress(b: Uint8Array, level?: number): Uint8Array };
    await z.init();
    installZstd(z.compress);
    return true;
  } catch { return false; }
}

// Node's half of loading the kernels: find build/kernels.wasm beside the package (from the source tree
// under tsx, or from the dist/ bundle) and hand its bytes to the shared runtime. Importing this module
// installs them.
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { install } from '../q/kernels/runtime.js';
import { setCollector } from '../q/value/heap.js';

function find(): string | null {
  for (let d = dirname(fileURLToPath(import.meta.url)); ; d = dirname(d)) {
    const f = join(d, 'build', 'kernels.wasm');
    if (existsSync(f)) return f;
    if (dirname(d) === d) return null;
  }
}

const file = process.env.WASQ_NO_KERNELS ? null : find();
/** Whether the kernels are in use (WASQ_NO_KERNELS=1 runs the TypeScript paths, for comparison). */
export const kernels = file ? install(readFileSync(file)) : false;

// vector blocks are freed when their views are collected: let the heap ask for a collection when many
// blocks are waiting (v8 does not count views of shared memory as memory pressure)
setFlagsFromString('--expose-gc');
setCollector(runInNewContext('gc') as () => void);

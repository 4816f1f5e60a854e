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

// compile the kernels optimised from the start: v8 otherwise runs each first in its baseline tier, several
// times slower, until it has run long enough to be optimised in the background, so a server's first
// queries (and a benchmark's) would take their slow path (the module is small: compiling costs milliseconds)
setFlagsFromString('--no-liftoff');
const file = process.env.WASQ_NO_KERNELS ? null : find();
/** Whether the kernels are in use (WASQ_NO_KERNELS=1 runs the TypeScript paths, for comparison). */
export const kernels = file ? install(readFileSync(file)) : false;
// (said, not silent: without them every vector operation takes its TypeScript path, several times slower,
// and a copy of the bundle away from the package looks like a slow build)
if (!file && !process.env.WASQ_NO_KERNELS) process.stderr.write('wasq: no build/kernels.wasm above ' + dirname(fileURLToPath(import.meta.url)) + ': running without the wasm kernels (npm run build:wasm makes them)\n');

// vector blocks are freed when their views are collected: let the heap ask for a collection when many
// blocks are waiting (v8 does not count views of shared memory as memory pressure). A registry with cleanupSome
// (a v8 flag; a fresh context sees it) hands blocks back during the same task, so a query reuses the
// memory the one before it dropped instead of writing fresh pages. Where the flag is gone, the heap falls
// back on its registry's callbacks, which run between tasks.
setFlagsFromString('--expose-gc');
setFlagsFromString('--harmony-weak-refs-with-cleanup-some');
setCollector(runInNewContext('gc') as () => void, runInNewContext('FinalizationRegistry') as typeof FinalizationRegistry);

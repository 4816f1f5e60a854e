// One dispatch per operation: from a vector's items to the kernel instance for its kind, or null when the
// kernels are not installed or the vector is too short for a kernel call to pay; callers then take their
// TypeScript path. Bad input never reaches wasm: callers check types and lengths first, as q does.
import { K, begin, ptr } from './runtime.js';

/** Below this many items the TypeScript loops win (a call and a copy cost more than the loop). */
export const SMALL = 2048;
const on = (n: number) => K !== null && n >= SMALL;

/** sum of a float vector, nulls skipped */
export function sumF64(d: Float64Array): number | null {
  if (!on(d.length)) return null;
  begin();
  return K!.sumF64(ptr(d), d.length);
}

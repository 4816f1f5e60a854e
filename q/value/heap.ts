// Vector memory in wasm linear memory, so that kernels read columns where they live.
//
// The memory is shared (a SharedArrayBuffer underneath): when it grows, typed arrays made on the old
// buffer stay valid, which a plain wasm memory does not allow (growing detaches its buffer). Blocks
// come from size classes four to a doubling (at most 25% slack), are recycled through free lists —
// writing into memory already touched is several times cheaper than into fresh pages — and are
// returned when the JavaScript view over them is collected (FinalizationRegistry). Small vectors stay
// on the JavaScript heap: there allocation is cheapest and a kernel's copy of them costs nothing.

/** Vectors of fewer bytes than this live on the JavaScript heap. */
export const MIN_BYTES = 1 << 14;
const PAGE = 65536, MAX_PAGES = 65536;
/** The most bytes wasm's 32-bit memory holds. */
export const MEMORY_BYTES = PAGE * MAX_PAGES;

let memory: WebAssembly.Memory | null = null;
let top = 0;                                   // first byte never handed out
const free: number[][] = [];                   // by size class: block offsets ready for reuse
let inUse = 0;                                 // bytes in live blocks
let peak = 0;                                  // the most in use since resetPeak (\ts)

/** The shared memory, made on first use; null where shared wasm memory is not allowed (a page without
 *  cross-origin isolation): then every vector lives on the JavaScript heap and kernels copy. */
export function wasmMemory(): WebAssembly.Memory | null {
  if (memory === null && !failed) {
    try { memory = new WebAssembly.Memory({ initial: 16, maximum: MAX_PAGES, shared: true }); top = 1024; }
    catch { failed = true; }
  }
  return memory;
}
let failed = false;

/** Size class of a block of b bytes (b >= MIN_BYTES): four classes per power of two. */
function classOf(b: number): number {
  const e = 31 - Math.clz32(b - 1);           // 2^e < b <= 2^(e+1)
  const q = Math.ceil((b - 2 ** e) / 2 ** (e - 2));   // quarter steps above 2^e: 1..4
  return 4 * e + q;
}
function sizeOf(c: number): number { const e = Math.floor((c - 1) / 4), q = c - 4 * e; return 2 ** e + q * 2 ** (e - 2); }

// what a collected view gives back: its block's offset and class, packed in one number. The registry is
// made on first use, so that a host can first lend a constructor whose registries can be emptied on demand.
let Registry: typeof FinalizationRegistry | null = typeof FinalizationRegistry === 'function' ? FinalizationRegistry : null;
let registry: FinalizationRegistry<number> | null = null;
const reg = () => registry ??= Registry && new Registry<number>(held => release(Math.floor(held / 256), held % 256));

function release(p: number, c: number) { (free[c] ??= []).push(p); inUse -= sizeOf(c); }

/** A block of at least `bytes` bytes in wasm memory, its offset, or -1 when the memory is full. Its
 *  contents are whatever was there before; `own` must then name the view whose collection frees it. */
export function take(bytes: number): number {
  const mem = wasmMemory();
  if (!mem || !reg()) return -1;
  // more than the memory can ever hold (its classes are reckoned in 32 bits)
  if (bytes > MEMORY_BYTES) return -1;
  // -w: vector memory past the limit is kdb+'s 'wsfull (RangeError: errorText names it so), once a
  // collection has given back what was dropped and not yet collected
  if (limit && inUse + bytes > limit) { collectNow(); if (inUse + bytes > limit) throw new RangeError('wsfull'); }
  const p = carve(mem, bytes, 4);
  if (p >= 0 || !collector) return p;
  // the memory is full: what was dropped and not yet collected is given back first, and then a free block
  // of any larger size serves (four lists of 21 million longs, appended to and searched, left the memory
  // in blocks of other sizes: 'wsfull with most of it free, adotsch's AoC 2022 day 15)
  collectNow();
  return carve(mem, bytes, Infinity);
}
/** A block for `bytes` from the free lists (its class, or up to `over` classes larger) or fresh pages;
 *  -1 when neither has one. */
function carve(mem: WebAssembly.Memory, bytes: number, over: number): number {
  let c = classOf(bytes), p = free[c]?.pop();
  // none of its size free: a free block up to twice the size (memory already touched) before fresh pages
  for (let k = c + 1; p === undefined && k <= Math.min(c + over, free.length); k++) if ((p = free[k]?.pop()) !== undefined) { larger.set(p, k); c = k; }
  const size = sizeOf(c);
  if (p === undefined) {
    const end = top + size;
    if (end > mem.buffer.byteLength) {
      const pages = Math.ceil((end - mem.buffer.byteLength) / PAGE);
      if (mem.buffer.byteLength / PAGE + pages > MAX_PAGES) return -1;
      // grow by at least an eighth, so that many small growths do not each pay for a new buffer object
      try { mem.grow(Math.min(MAX_PAGES - mem.buffer.byteLength / PAGE, Math.max(pages, mem.buffer.byteLength / PAGE >> 3))); }
      catch { return -1; }
    }
    p = top; top = end;
  }
  inUse += size;
  if (inUse > peak) peak = inUse;
  return p;
}
/** -w and \w n: the most vector memory, in bytes (0: no limit). */
let limit = 0;
export function setLimit(bytes: number) { limit = bytes; }
export const memoryLimit = () => limit;
/** \ts: start watching the most vector memory in use; peakSince gives how far above the start it rose. */
export function resetPeak(): number { peak = inUse; return inUse; }
export const peakSince = (start: number): number => Math.max(0, peak - start);

/** Free the block at p (of `bytes` bytes, as asked of take) when `view` is collected, or when the scope
 *  open now closes and gives its blocks back; a `lasting` block (a module's reused buffer) only the former. */
export function own(view: object, p: number, bytes: number, lasting = false) {
  const c = larger.get(p) ?? classOf(bytes);
  larger.delete(p);
  if (scoped && !lasting) { const token = {}; reg()!.register(view, p * 256 + c, token); scoped.push(token, p * 256 + c); }
  else reg()!.register(view, p * 256 + c);
}
/** Blocks handed out from a larger class than asked for, until own() registers them with their class. */
const larger = new Map<number, number>();

// Scopes: a host that knows nothing made during a statement is reachable once the statement is done (its
// result shown, no global changed) gives the statement's blocks back at once, without waiting for the
// engine to collect their views. A page cannot ask for a collection, so without this each query's
// temporaries would land in fresh pages until the engine collects on its own. The list holds small tokens,
// not the views, so a long statement's dropped vectors are still collected as usual meanwhile.
let scoped: (object | number)[] | null = null;   // token, packed block, token, packed block …
const marks: number[] = [];
/** Start listing the blocks taken from now on. Scopes nest. */
export function openScope() { marks.push(scoped?.length ?? 0); scoped ??= []; }
/** End the newest scope: with `drop`, every block taken since it opened (and not yet collected) is free
 *  again, so nothing may still read one; without, they stay with the enclosing scope. */
export function closeScope(drop: boolean) {
  const from = marks.pop() ?? 0, list = scoped!;
  if (drop) {
    for (let i = from; i < list.length; i += 2) {
      const held = list[i + 1] as number;
      if (registry!.unregister(list[i] as object)) release(Math.floor(held / 256), held % 256);
    }
    list.length = from;
  }
  if (!marks.length) scoped = null;
}

/** Bytes handed out and not yet collected, and the size of the memory (for \w and the memory test). */
export function heapStats() { return { used: inUse, heap: memory ? memory.buffer.byteLength : 0, top }; }

// Blocks come back only when the engine collects their views. A collection that finds them hands them back
// in a later task, unless the registry can be emptied on demand (cleanupSome: Node lends a constructor that
// has it, see server/kernels.ts); then they are back at once, even between the iterations of one statement.
// A host that can ask for a collection (Node, through v8's gc) lends it here; sessions call settle() before
// each query and each iteration of a loop, so what was dropped is back for what comes next.
let collector: (() => void) | null = null, mark = 0;
/** Lend a function that runs a full garbage collection, and a FinalizationRegistry constructor whose
 *  registries have cleanupSome (taken only if no block has been handed out yet). */
export function setCollector(gc: () => void, R?: typeof FinalizationRegistry) {
  collector = gc;
  if (R && !registry) Registry = R;
}
/**
 * Should a long synchronous run (a script's statements, console lines read ahead) let the event loop turn?
 * Without cleanupSome, blocks freed by a collection come back only in a later task; a host that runs many
 * statements in one task asks this after each, and yields when blocks worth 64 MiB have been handed out
 * since it last did.
 */
let yielded = 0;
export function shouldYield(): boolean {
  if (sweeps() || inUse - yielded < 64 * 2 ** 20 && inUse >= yielded) { return false; }
  yielded = inUse;
  return true;
}
const sweeps = () => typeof (registry as { cleanupSome?: unknown } | null)?.cleanupSome === 'function';
/** Collect when live blocks grew by SETTLE bytes since the last collection. A full collection of a heap
 *  of few JavaScript objects costs about a millisecond; writing 16 MiB into fresh pages costs far more. */
export function settle() {
  if (collector && inUse - mark > SETTLE) {
    collector();
    if (sweeps()) (registry as unknown as { cleanupSome(): void }).cleanupSome();
    mark = inUse;
  } else if (inUse < mark) mark = inUse;
}
const SETTLE = 16 * 2 ** 20;
/** A full collection now (.Q.gc), when the host lends one. */
export function collectNow() {
  if (!collector) return;
  collector();
  if (sweeps()) (registry as unknown as { cleanupSome(): void }).cleanupSome();
  mark = inUse;
}

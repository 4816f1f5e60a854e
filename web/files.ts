// The page's file system for q (`:file paths): files live in the worker's memory for synchronous
// access by the evaluator, and are kept in IndexedDB so they survive a reload.
import { QError } from '../q/value/error.js';

const DB = 'wasq-files', STORE = 'files';

function db(): Promise<IDBDatabase> {
  return new Promise((res, rej) => {
    const r = indexedDB.open(DB, 1);
    r.onupgradeneeded = () => r.result.createObjectStore(STORE);
    r.onsuccess = () => res(r.result);
    r.onerror = () => rej(r.error);
  });
}

/** Where the store keeps its files between sessions: IndexedDB in the page, anything in a test. */
export type Sink = (path: string, data: Uint8Array | null) => void;

export class PageFiles {
  readonly map = new Map<string, Uint8Array>();
  private sink: Sink | null;
  /** Paths changed since the last flush: their bytes are stored once per turn of the event loop, so a
   *  loop that appends to a log many times stores it once, not once per append. */
  private dirty = new Set<string>();

  constructor(sink: Sink | null = null) { this.sink = sink; }

  /** Load what earlier sessions stored. */
  async open() {
    try {
      const store = await db();
      const tx = store.transaction(STORE, 'readonly').objectStore(STORE);
      const keys: IDBValidKey[] = await req(tx.getAllKeys());
      const vals: Uint8Array[] = await req(tx.getAll());
      keys.forEach((k, i) => this.map.set(String(k), vals[i]));
      this.sink = (path, data) => {
        const os = store.transaction(STORE, 'readwrite').objectStore(STORE);
        if (data) os.put(data, path); else os.delete(path);
      };
    } catch { /* no IndexedDB: the files last as long as the worker */ }
  }
  private persist(path: string) {
    if (!this.sink) return;
    if (!this.dirty.size) setTimeout(() => this.flush(), 0);
    this.dirty.add(path);
  }
  /** Store every changed file as it now is (a file's bytes exactly: a view would store its whole buffer). */
  flush() {
    for (const k of this.dirty) { const v = this.map.get(k); this.sink?.(k, v ? v.slice() : null); }
    this.dirty.clear();
  }
  /** Paths are relative and normalised; nothing may escape the store's root. */
  private norm(p: string): string {
    const parts: string[] = [];
    for (const s of p.split('/')) { if (!s || s === '.') continue; if (s === '..') throw new QError(':' + p + ': outside the workbench store'); parts.push(s); }
    return parts.join('/');
  }
  read = (p: string) => this.map.get(this.norm(p)) ?? null;
  readAt = (p: string, offset: number, length: number, into?: Uint8Array) => {
    const b = this.map.get(this.norm(p))?.subarray(offset, offset + length);
    if (!b || !into) return b ?? null;
    into.set(b);
    return into.subarray(0, b.length);
  };
  write = (p: string, data: Uint8Array, append: boolean) => {
    const k = this.norm(p), old = append ? this.map.get(k) : undefined;
    let v: Uint8Array;
    if (!old) v = data.slice();
    else if (old.byteOffset + old.length + data.length <= old.buffer.byteLength) {
      // room after the items in the buffer: views handed out before keep their bytes, as they end earlier
      v = new Uint8Array(old.buffer, old.byteOffset, old.length + data.length);
      v.set(data, old.length);
    } else {
      // grow by half again, so that n appends copy O(n) bytes in all
      const buf = new Uint8Array(Math.max(old.length + data.length, Math.ceil(old.length * 1.5), 256));
      buf.set(old); buf.set(data, old.length);
      v = buf.subarray(0, old.length + data.length);
    }
    this.map.set(k, v); this.persist(k);
  };
  list = (p: string) => {
    const k = this.norm(p), pre = k ? k + '/' : '';
    const out = new Set<string>();
    for (const f of this.map.keys()) if (f.startsWith(pre)) out.add(f.slice(pre.length).split('/')[0]);
    return out.size || !k ? [...out] : null;
  };
  remove = (p: string) => { const k = this.norm(p); const had = this.map.delete(k); if (had) this.persist(k); return had; };
  size = (p: string) => this.map.get(this.norm(p))?.length ?? null;
}
const req = <T>(r: IDBRequest<T>) => new Promise<T>((res, rej) => { r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });

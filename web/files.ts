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

export class PageFiles {
  readonly map = new Map<string, Uint8Array>();
  private store: IDBDatabase | null = null;

  /** Load what earlier sessions stored. */
  async open() {
    try {
      this.store = await db();
      const tx = this.store.transaction(STORE, 'readonly').objectStore(STORE);
      const keys: IDBValidKey[] = await req(tx.getAllKeys());
      const vals: Uint8Array[] = await req(tx.getAll());
      keys.forEach((k, i) => this.map.set(String(k), vals[i]));
    } catch { this.store = null; }
  }
  private persist(path: string, data: Uint8Array | null) {
    if (!this.store) return;
    const tx = this.store.transaction(STORE, 'readwrite').objectStore(STORE);
    if (data) tx.put(data, path); else tx.delete(path);
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
    if (old) { v = new Uint8Array(old.length + data.length); v.set(old); v.set(data, old.length); } else v = data.slice();
    this.map.set(k, v); this.persist(k, v);
  };
  list = (p: string) => {
    const k = this.norm(p), pre = k ? k + '/' : '';
    const out = new Set<string>();
    for (const f of this.map.keys()) if (f.startsWith(pre)) out.add(f.slice(pre.length).split('/')[0]);
    return out.size || !k ? [...out] : null;
  };
  remove = (p: string) => { const k = this.norm(p); const had = this.map.delete(k); if (had) this.persist(k, null); return had; };
  size = (p: string) => this.map.get(this.norm(p))?.length ?? null;
}
const req = <T>(r: IDBRequest<T>) => new Promise<T>((res, rej) => { r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });

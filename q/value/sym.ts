// The symbol pool: symbol vectors hold int ids into it, as kdb+ interns every symbol once.
// Ids are never freed (kdb+ keeps its sym pool for the life of the process too).
const names: string[] = [''];
const ids = new Map<string, number>([['', 0]]);

export function intern(s: string): number {
  let i = ids.get(s);
  if (i === undefined) { i = names.length; names.push(s); ids.set(s, i); bytes += s.length; }
  return i;
}
export const symName = (id: number): string => names[id];
/** f of a symbol, made once a distinct symbol (a column of a million holds a few): like, string, csv. */
export function perSymbol<V>(f: (id: number) => V): (id: number) => V {
  const seen = new Map<number, V>();
  return id => { let v = seen.get(id); if (v === undefined) seen.set(id, v = f(id)); return v; };
}
/** How many symbols are interned, and their bytes (UTF-16 in the engine; kdb+ counts its own), for \w 0. */
let bytes = 0;
export const symCount = () => ({ count: names.length - 1, bytes: bytes + 8 * (names.length - 1) });

// The shape of an entry in the primitives table (table.ts fills PRIMS).
import type { Q } from '../value/value.js';

export interface PrimDef {
  /** monadic form */ m?: (x: Q) => Q;
  /** dyadic form */ d?: (x: Q, y: Q) => Q;
  /** forms of rank 3 and more (and the general entry for variadic primitives) */ n?: (a: Q[]) => Q;
  /** the largest rank; 2 makes a keyword usable infix */ rank: number;
  minRank?: number;
  /** extends item-wise through lists, dictionaries and tables */ atomic?: boolean;
}

export const PRIMS: Record<string, PrimDef> = Object.create(null);
/** Every namespace a primitive is named in, with its dot ('.Q.', '.h.'): a name that is none is known at
 *  once, without a walk of the table (an undefined name's lookup asks) */
export const PRIM_NAMESPACES = new Set<string>();
export function def(names: string | string[], d: PrimDef) {
  for (const n of Array.isArray(names) ? names : [names]) { PRIMS[n] = d; addNamespaces(PRIM_NAMESPACES, n); }
}
/** Adds to s the namespaces that name is in, each with its dot: '.a.' and '.a.b.' for .a.b.c. */
export function addNamespaces(s: Set<string>, name: string): void {
  for (let i = name.indexOf('.', 1); i > 0; i = name.indexOf('.', i + 1)) s.add(name.slice(0, i + 1));
}

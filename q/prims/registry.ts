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
export function def(names: string | string[], d: PrimDef) {
  for (const n of Array.isArray(names) ? names : [names]) PRIMS[n] = d;
}

/** Thrown by `:x` to leave a lambda early; caught by the lambda call, never seen by users. */
export class Return { constructor(public v: import('../value/value.js').Q) {} }

/** `:x` in a statement's place (a lambda's body, a block, a branch of $ or if, a loop's body) does not
 *  throw: its statement gives back this marker, with x kept here, and each statement list hands the
 *  marker up to the lambda call, which takes x. A throw and catch cost a microsecond or more a call
 *  ({:x+1} each til 1000000: 1.5 s); a `:x` anywhere else still throws Return. */
export const RETURNED = { t: 101, name: '::' } as import('../value/value.js').Q;
let held: import('../value/value.js').Q | null = null;
export function returning(v: import('../value/value.js').Q): import('../value/value.js').Q { held = v; return RETURNED; }
export function returned(): import('../value/value.js').Q { const v = held!; held = null; return v; }

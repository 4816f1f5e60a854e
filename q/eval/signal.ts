/** Thrown by `:x` to leave a lambda early; caught by the lambda call, never seen by users. */
export class Return { constructor(public v: import('../value/value.js').Q) {} }

// qSQL evaluation lives with the tables work; until it lands, queries signal 'nyi.
import type { Node } from '../parse/ast.js';
import type { Q } from '../value/value.js';
import { QError } from '../value/error.js';

export type Evaluator = (n: Node, fr: (Q | undefined)[] | null) => Q;
let impl: ((n: Extract<Node, { k: 'sql' }>, fr: (Q | undefined)[] | null, ev: Evaluator) => Q) | null = null;
export function setSql(f: typeof impl) { impl = f; }
export function evalSql(n: Extract<Node, { k: 'sql' }>, fr: (Q | undefined)[] | null, ev: Evaluator): Q {
  if (!impl) throw new QError('nyi');
  return impl(n, fr, ev);
}

// The q parse tree. Application nodes follow kdb+'s parse trees: a function and its arguments.
import type { Q } from '../value/value.js';

export type Node =
  | { k: 'lit'; v: Q }                                   // a constant
  | { k: 'name'; n: string; slot?: number }              // a variable; slot when it is a lambda's local
  | { k: 'prim'; n: string; bare?: boolean }             // an operator glyph or keyword, as a verb (bare:
                                                         // a glyph applied prefix, whose unary form q disables)
  | { k: 'app'; f: Node; a: (Node | null)[]; p?: number; sec?: boolean } // f[a;b] or infix a f b; null is an
                                                         // elided argument; sec: x f with no right argument,
                                                         // f projected on its left (kdb+ parses it as f[x])
  | { k: 'mon'; f: Node; x: Node; p?: number }           // prefix application: f x, -x, count x
                                                         // (p: where the function or operator stands in the
                                                         // source, for the caret of a backtrace)
  | { k: 'adv'; a: string; f: Node }                     // f' f/ f\ f': f/: f\:
  | { k: 'lam'; v: Q }                                   // a lambda value, made at parse time
  | { k: 'list'; a: (Node | null)[] }                    // (a;b;c)
  | { k: 'asg'; n: string; slot?: number; idx: (Node | null)[] | null; op: { k: 'prim'; n: string } | null; g: boolean; r: Node; src?: string; p?: number } // p: where the name stands
  | { k: 'ret'; x: Node }                                // :x in a lambda
  | { k: 'sig'; x: Node; p?: number }                    // 'x (p: where the ' is, for the caret)
  | { k: 'ctl'; c: string; a: Node[] }                   // $[..] if[..] do[..] while[..]
  | { k: 'seq'; a: Node[] }                              // statements separated by ;
  | { k: 'sys'; s: string }                              // \cmd
  | { k: 'sql'; q: string; cols: [string, Node][] | null; by: [string, Node][] | null; from: Node; where: Node[]; lim?: Node | null; sort?: string; sortBy?: Node; byNamed?: boolean; colsNamed?: boolean }
  | { k: 'pat'; p: Pat; r: Node }                        // (pattern):value
  | { k: 'pcond'; v: Node; ps: Pat[]; rs: Node[] }       // :[v;p1;r1;…;default]
  | { k: 'nil' };                                        // empty statement (value ::)

/** A pattern (kdb+ 4.1 pattern matching). */
export type Pat =
  | { k: 'null' }
  | { k: 'const'; v: Q }
  | { k: 'name'; n: string; slot?: number; idx?: (Node | null)[] }
  | { k: 'list'; ps: Pat[] }
  | { k: 'dict'; keys: Q; ps: Pat[] }
  | { k: 'cols'; names: string[]; ps: Pat[]; table: boolean }
  | { k: 'bang'; kp: Pat | null; vp: Pat | null }
  | { k: 'flip'; p: Pat }
  | { k: 'type'; p: Pat; c: string }
  | { k: 'filter'; p: Pat; f: Node };

/** Visit the nodes of a tree in source order; a visitor that returns false does not descend. A lambda
 *  written inside is a constant (a 'lit' node), not descended into. */
export function walkNodes(x: unknown, f: (n: Node) => boolean | void): void {
  if (!x || typeof x !== 'object') return;
  if (Array.isArray(x)) { for (const e of x) walkNodes(e, f); return; }
  const n = x as Node;
  if (f(n) === false || n.k === 'lit') return;
  // nodes only: a q value (it has a type) holds no nodes
  for (const v of Object.values(n)) if (v && typeof v === 'object' && !('t' in v)) walkNodes(v, f);
}

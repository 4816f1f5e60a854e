// Patterns (kdb+ 4.1): the left of an assignment in parentheses, function parameters and the pattern
// conditional :[v;p1;r1;…]. Patterns are read from the parse tree of the same text as an expression.
import type { Node, Pat } from './ast.js';
import { QError } from '../value/error.js';
import { T } from '../value/types.js';
import { count } from '../value/value.js';
import type { Q, Vec } from '../value/value.js';
import { symName } from '../value/sym.js';

/** The pattern an expression's parse tree stands for; 'nyi where it stands for none. */
export function toPat(n: Node | null): Pat {
  if (!n || n.k === 'nil') return { k: 'null' };
  switch (n.k) {
    case 'lit': return { k: 'const', v: n.v };
    case 'name': return { k: 'name', n: n.n };
    case 'list': return { k: 'list', ps: n.a.map(toPat) };
    case 'asg':
      if (n.op || n.g) break;
      return check({ k: 'name', n: n.n, idx: n.idx ?? undefined }, n.r);
    case 'ret': return check({ k: 'null' }, n.x);
    case 'pat': return check(n.p, n.r);
    case 'app': {
      const f = n.f;
      if (f.k === 'name') return { k: 'name', n: f.n, idx: n.a };
      if (f.k !== 'prim') break;
      if (f.n === 'enlist') return { k: 'list', ps: n.a.map(toPat) };
      if (f.n === ':' && n.a.length === 2) return check(toPat(n.a[0]), n.a[1]!);
      if (f.n === '!' && n.a.length === 2) {
        const [k, v] = n.a;
        if (k && k.k === 'lit') return { k: 'dict', keys: k.v, ps: v && v.k === 'list' ? v.a.map(toPat) : [toPat(v)] };
        return { k: 'bang', kp: k ? toPat(k) : null, vp: v ? toPat(v) : null };
      }
      // (a!):d matches the keys alone (basics/pattern)
      if (f.n === '!' && n.a.length === 1 && n.a[0]) return { k: 'bang', kp: toPat(n.a[0]), vp: null };
      if (f.n === 'flip' && n.a.length === 1) return { k: 'flip', p: toPat(n.a[0]) };
      if (f.n === '.table') return tablePat(n.a as Node[]);
      // ([a:;b:p]) with a name given no pattern: that name matches anything
      if (f.n === '.tableproj') {
        const [kn, cn, ...vs] = n.a as (Node | null)[], nk = count((kn as any).v);
        return tablePat([kn!, { k: 'list', a: vs.slice(0, nk).map(v => v ?? { k: 'nil' }) } as Node, cn!, { k: 'list', a: vs.slice(nk).map(v => v ?? { k: 'nil' }) } as Node]);
      }
      break;
    }
    case 'mon':
      if (n.f.k === 'prim' && n.f.n === 'flip') return { k: 'flip', p: toPat(n.x) };
      // (x i):v is an indexed name: (x where x=0W):0N
      if (n.f.k === 'name') return { k: 'name', n: n.f.n, idx: [n.x] };
      break;
  }
  throw new QError('nyi');
}

/** name:`f is a type check; name:expr is a filter function. */
function check(p: Pat, r: Node): Pat {
  if (r.k === 'nil') return p;
  if (r.k === 'lit' && r.v.t === -T.Sym && /^[a-zA-Z*]$/.test((r.v as any).v)) return { k: 'type', p, c: (r.v as any).v };
  return { k: 'filter', p, f: r };
}

/** ([k:p] c:p …): keys and columns matched by name; with no columns it is a dictionary pattern. */
function tablePat(a: Node[]): Pat {
  const names = (x: Node) => Array.from(((x as any).v as Vec).d as Int32Array, symName);
  const pats = (x: Node) => (x as Extract<Node, { k: 'list' }>).a.map(v => toPat(v && v.k === 'name' ? v : v));
  const kn = names(a[0]), kp = pats(a[1]), cn = names(a[2]), cp = pats(a[3]);
  return { k: 'cols', names: [...kn, ...cn], ps: [...kp, ...cp], table: cn.length > 0 || false };
}

/** Names a pattern binds (locals of the lambda it sits in). */
export function patNames(p: Pat, out: string[] = []): string[] {
  switch (p.k) {
    case 'name': if (!p.idx) out.push(p.n); break;
    case 'list': case 'dict': case 'cols': p.ps.forEach(q => patNames(q, out)); break;
    case 'bang': if (p.kp) patNames(p.kp, out); if (p.vp) patNames(p.vp, out); break;
    case 'flip': case 'type': case 'filter': patNames(p.p, out); break;
  }
  return out;
}
export type { Q };

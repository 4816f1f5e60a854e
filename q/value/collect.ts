// Gathering results one at a time (each, scan, over a table's rows …) into a vector when they are atoms
// of one type. Items go straight into a typed array, so a million results do not live as a million
// atom objects: that keeps iteration out of the garbage collector's old generation.
import { T } from './types.js';
import { Q, Atom, Vec, list, fromItems } from './value.js';
import { alloc, Items } from './storage.js';
import { intern } from './sym.js';
import { QError } from './error.js';

/** The most items a general list gathered here holds. A JavaScript array cannot grow past about 2^27
 *  items, and there the engine ends the process instead of throwing (a while that never ends,
 *  any (::)\x, grew one to 175 million): stopped at 2^26, whose growth still fits, with 'wsfull. */
const MOST = 2 ** 26;

export class Collector {
  private t = 0;               // atom type of every item so far (negative), 0 before the first
  private d: Items | null = null;
  private dom: string | undefined;
  private xs: Q[] | null = null; // once items differ, a general list
  private n = 0;
  constructor(private cap = 8) {}

  push(x: Q): void {
    if (this.xs) { if (this.xs.length >= MOST) throw new QError('wsfull'); this.xs.push(x); return; }
    const t = x.t;
    if (this.n === 0) {
      if (t < 0 && t >= -T.Enum && t !== -T.Guid) { this.t = t; this.d = alloc(-t, Math.max(this.cap, 1)); this.dom = (x as Atom).dom; }
      else { this.xs = [x]; this.n = 1; return; }
    } else if (t !== this.t || (t === -T.Enum && (x as Atom).dom !== this.dom)) {
      this.xs = this.atoms(); this.xs.push(x); return;
    }
    if (this.n === this.d!.length) { const g = alloc(-this.t, this.n * 2); (g as any).set(this.d); this.d = g; }
    (this.d as any)[this.n++] = t === -T.Sym ? intern((x as Atom).v) : (x as Atom).v;
  }

  private atoms(): Q[] {
    const v = this.vec();
    const out: Q[] = [];
    for (let i = 0; i < this.n; i++) {
      const a: Atom = { t: this.t, v: this.t === -T.Sym ? symOf((v.d as Int32Array)[i]) : (v.d as any)[i] };
      if (this.dom !== undefined) a.dom = this.dom;
      out.push(a);
    }
    return out;
  }
  private vec(): Vec {
    const d = this.d!.length === this.n ? this.d! : this.d!.slice(0, this.n);
    const r: Vec = { t: -this.t, d, a: 0 };
    if (this.dom !== undefined) r.dom = this.dom;
    return r;
  }

  /** The collected items: a vector when uniform atoms, else a general list (empty: ()). */
  done(): Q {
    if (this.xs) return fromItems(this.xs);
    if (this.n === 0) return list([]);
    return this.vec();
  }
}
import { symName as symOf } from './sym.js';

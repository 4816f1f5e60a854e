// Tokens → parse tree. q reads right to left: within an expression the rightmost verb applies first,
// and `f x` (juxtaposition) applies or indexes f at x.
import { lex, Tok, strBytes } from './lexer.js';
import { walkNodes } from './ast.js';
import { source } from '../eval/backtrace.js';
import { locking } from '../eval/lock.js';
import type { Node, Pat } from './ast.js';
import { toPat, patNames } from './pattern.js';
import { literal, boolLiteral, byteLiteral } from './literal.js';
import { QError } from '../value/error.js';
import { T } from '../value/types.js';
import { sym, symVec, char, Lambda, Q, Vec, Atom, list, NIL } from '../value/value.js';

/** Decides which names are verbs (q keywords) and which keywords can take a left argument. */
export interface Keywords { isVerb(name: string): boolean; isDyadic(name: string): boolean; isMonadic?(name: string): boolean;
  /** a keyword the session defined in .q, not a primitive: it is looked up by name when applied */
  isUser?(name: string): boolean }

interface Item { n: Node; verb: boolean; glyph?: boolean; kw?: string; paren?: boolean; pos?: number; ident?: boolean }

const SQL = new Set(['select', 'exec', 'update', 'delete']);
const CTL = new Set(['if', 'do', 'while']);

export class Parser {
  private toks: Tok[] = [];
  /** parsing select[…], where <c and >c order the rows */
  private order = false;
  private i = 0;
  private lambdaDepth = 0;
  /** the lambda depth of the qSQL phrase being read, -1 outside one: there $[c;t;f] is $ applied to three
   *  arguments, a rank error when run, since Cond is not supported inside qSQL (basics/qsql) */
  private sqlDepth = -1;
  /** k: the text is k (a k) line): a glyph applied prefix is its unary form, +x is flip x */
  constructor(private src: string, private kw: Keywords, private k = false) {}

  /** Parse a whole text (one console line or a joined script statement) into a sequence. */
  parse(): Node {
    this.toks = lex(this.src, this.k);
    this.i = 0;
    const seq = this.sequence(null);
    if (this.i < this.toks.length) throw this.err(this.toks[this.i].s, this.toks[this.i].pos);
    return seq.length === 1 ? seq[0] : { k: 'seq', a: seq };
  }

  private err(s: string, pos?: number) { return new QError(s, pos); }
  private peek(o = 0): Tok | undefined { return this.toks[this.i + o]; }
  private isPunct(t: Tok | undefined, s: string) { return !!t && t.k === 'punct' && t.s === s; }

  /** Statements separated by ';' up to a closing bracket (not consumed). Empty statements are nil. */
  private sequence(close: string | null): Node[] {
    const out: Node[] = [];
    for (;;) {
      const start = this.i;
      const e = this.expr();
      if (e && close === null && this.lambdaDepth === 0 && this.isView(e, start)) { out.push(this.view(e, start)); return out; }
      out.push(e ?? { k: 'nil' });
      const t = this.peek();
      if (!t) { if (close) throw this.err(close); return out; }
      if (this.isPunct(t, ';')) { this.i++; continue; }
      if (close && this.isPunct(t, close)) return out;
      throw this.err(t.s, t.pos);
    }
  }

  /** name::e at the top of a line, e not a constant: a view (whose value follows what it reads) */
  private isView(e: Node, start: number): e is Extract<Node, { k: 'asg' }> {
    return e.k === 'asg' && e.g && !e.idx && !e.op && e.r.k !== 'lit' && e.r.k !== 'lam' && e.r.k !== 'nil' &&
      this.toks[start]?.k === 'name' && this.toks[start + 1]?.s === '::';
  }
  /** A view takes the rest of its line, statements and all (v::a;b;select from t where a in b), and keeps
   *  its text for view and value. */
  private view(e: Extract<Node, { k: 'asg' }>, start: number): Node {
    const from = this.toks[start + 2].pos;
    let r = e.r;
    if (this.isPunct(this.peek(), ';')) { this.i++; r = { k: 'seq', a: [r, ...this.sequence(null)] }; }
    const end = this.i < this.toks.length ? this.toks[this.i].pos : this.src.length;
    return { ...e, r, src: withoutComment(this.src.slice(from, end)).trim() };
  }

  /** Bracketed arguments after '[' (consumed here), with elisions as null. */
  private args(): (Node | null)[] {
    this.i++;
    const a: (Node | null)[] = [];
    for (;;) {
      const e = this.expr();
      a.push(e);
      const t = this.peek();
      if (this.isPunct(t, ';')) { this.i++; continue; }
      if (this.isPunct(t, ']')) { this.i++; break; }
      throw this.err(t ? t.s : ']', t?.pos);
    }
    // f[] is f applied to nothing: one elided argument, as kdb+ has it
    return a;
  }

  private atEnd(): boolean {
    const t = this.peek();
    return !t || (t.k === 'punct' && (t.s === ';' || t.s === ')' || t.s === ']' || t.s === '}'));
  }

  /** One expression: a run of terms, reduced right to left. */
  private expr(): Node | null {
    const items: Item[] = [];
    while (!this.atEnd()) {
      const t = this.peek()!;
      // op:[x;y] is x op:y (ref/assign: assign through operator, in brackets)
      if (t.k === 'op' && t.colon && !t.global && items.length === 0 && this.isPunct(this.peek(1), '[') && !this.peek(1)!.sp) {
        const at = this.i;
        this.i++;
        const a = this.args(), x = a[0];
        const target = x && a.length === 2 && a[1] ? x.k === 'name' ? x : x.k === 'app' && x.f.k === 'name' ? x.f : null : null;
        if (target && target.k === 'name') {
          items.push({ n: { k: 'asg', n: target.n, idx: x!.k === 'app' ? x!.a : null, op: { k: 'prim', n: t.s }, g: false, r: a[1]! }, verb: false });
          continue;
        }
        this.i = at;
      }
      // :[v;p1;r1;…] is the pattern conditional
      if (t.k === 'op' && t.s === ':' && !t.colon && items.length === 0 && this.isPunct(this.peek(1), '[') && !this.peek(1)!.sp) {
        this.i++;
        const a = this.args();
        if (a.length < 2 || !a[0]) throw this.err(':', t.pos);
        const ps: Pat[] = [], rs: Node[] = [];
        for (let k = 1; k < a.length; k++) {
          if (k % 2 === 1 && k + 1 < a.length) ps.push(toPat(a[k])); else rs.push(a[k] ?? { k: 'nil' });
        }
        items.push(this.postfix({ n: { k: 'pcond', v: a[0], ps, rs }, verb: false }));
        continue;
      }
      // :x returns from a lambda; a lone ':' elsewhere is the assign verb
      if (t.k === 'op' && t.s === ':' && !t.colon && items.length === 0 && !this.atEndAt(1) && !(this.peek(1)!.k === 'adv' && !this.peek(1)!.sp)) {
        this.i++;
        const x = this.expr();
        items.push({ n: { k: 'ret', x: x ?? { k: 'nil' } }, verb: false });
        break;
      }
      // '[f;g] composes and '[f] is f each
      if (t.k === 'adv' && t.s === "'" && this.isPunct(this.peek(1), '[') && !this.peek(1)!.sp) {
        this.i++;
        // an elided argument makes a projection of compose: '[;] folds a list of functions into one
        const raw = this.args(), a = raw.map(x => x ?? { k: 'nil' } as Node);
        const n: Node = a.length === 1 ? { k: 'adv', a: "'", f: a[0] } : { k: 'app', f: { k: 'prim', n: "'" }, a: raw.some(x => !x) ? raw : a };
        items.push(this.postfix({ n, verb: a.length === 1 }));
        continue;
      }
      // ' alone as an item of a list is the iterator itself: parse trees write compose so, ((';~:;=);x;y)
      if (t.k === 'adv' && t.s === "'" && items.length === 0 && (this.isPunct(this.peek(1), ';') || this.isPunct(this.peek(1), ')'))) {
        this.i++;
        items.push({ n: { k: 'lit', v: { t: T.Iter, adv: "'" } as Q }, verb: false });
        continue;
      }
      // ' is a signal unless it is glued to the term before it (then it is each)
      if (t.k === 'adv' && t.s === "'" && (items.length === 0 || t.sp)) {
        this.i++;
        const x = this.expr();
        items.push({ n: { k: 'sig', x: x ?? { k: 'nil' }, p: t.pos }, verb: false });
        break;
      }
      const it = this.term();
      // assignment: name: e, name[i]: e, name op: e, name:: e
      const nx = this.peek();
      // (: after a blank with an iterator glued to it is a derived function, not assignment: b :/: 7 8 is
      // 7 8, ref/assign; h:'[f;g] names a composition)
      const after = this.peek(1);
      const derived = !!nx && nx.k === 'op' && nx.s === ':' && !nx.colon && nx.sp && after?.k === 'adv' && !after.sp;
      // (pattern):e destructures (kdb+ 4.1)
      if (it.paren && nx && nx.k === 'op' && nx.s === ':' && !nx.colon && !derived && it.n.k !== 'name' && !(it.n.k === 'app' && it.n.f.k === 'name')) {
        this.i++;
        const r = this.expr();
        if (!r) throw this.err('assign', nx.pos);
        items.push({ n: { k: 'pat', p: toPat(it.n), r }, verb: false });
        break;
      }
      // a keyword cannot be assigned (kdb+'s reserved words: neg:1 is 'assign)
      // (name:: or keyword:: with nothing after is name followed by the identity: see above)
      const identity = !!nx && nx.k === 'op' && nx.s === '::' && this.atEndAt(1);
      if (it.kw && nx && nx.k === 'op' && (nx.s === ':' || nx.s === '::') && !identity) throw this.err('assign', nx.pos);
      const target = it.n.k === 'name' ? it.n : it.n.k === 'app' && it.n.f.k === 'name' ? it.n.f : null;
      // indexing repeated, x[i][j]:y, is no place to assign to: 'assign, as kdb+ parses it (q4m3 3.5),
      // where : applied as a value gave y and changed nothing
      if (!target && !it.verb && nested(it.n) && nx && nx.k === 'op' && (nx.s === ':' || nx.s === '::' || nx.colon) && !identity && !derived) throw this.err('assign', nx.pos);
      if (target && target.k === 'name' && nx && nx.k === 'op' && (nx.s === ':' || nx.s === '::' || nx.colon) && !it.verb && !identity && !derived) {
        this.i++;
        const r = this.expr();
        if (!r && nx.s !== '::' && !this.atEnd()) throw this.err('assign', nx.pos);
        const idx = it.n.k === 'app' ? it.n.a : null;
        let op: { k: 'prim'; n: string } | null = null;
        if (nx.colon) op = { k: 'prim', n: nx.s };
        // f:{…} at the top names the lambda (and f@ the lambdas inside it), as kdb+'s backtraces show it
        if (this.lambdaDepth === 0 && !idx && !op && r?.k === 'lit' && r.v.t === T.Lambda) nameLambda(r.v as Lambda, target.n);
        items.push({ n: { k: 'asg', n: target.n, idx, op, g: nx.s === '::' || !!nx.global, r: r ?? (nx.s === '::' ? { k: 'lit', v: NIL } : { k: 'nil' }), p: it.pos }, verb: false });
        break;
      }
      items.push(it);
    }
    if (!items.length) return null;
    // x :: with nothing after is x (ref/identity: q:3 :: is 3); after a chain of functions it is the
    // identity the chain composes with, as u v w@ composes (funq's mnorm:sum abs::, cons:not vowel::),
    // an operator's projection too (qbists' Advent of q: score:sum 1+ rounds? ::, (first;sum 3#::))
    if (items.length >= 2 && items[items.length - 1].ident) {
      items.pop();
      if (items.length === 1) return items[0].n;
      this.open.add(items[items.length - 1].n);
    }
    // in k a verb ending the expression right after another verb has no argument to take: it is an open
    // end, and the verbs before it (monadic, having nothing to their left) compose with it, as a train:
    // k)(|+\)x is |+\x, k)(~=)[x;y] is ~x=y (ref/compose "Implicit composition"; q.k defines union:?,).
    // q keeps its own reading: there (|+\) is a verb applied to a derived one
    if (this.k && items.length >= 2 && items[items.length - 1].verb && items[items.length - 2].verb) this.open.add(items[items.length - 1].n);
    return this.reduce(items, 0);
  }

  private atEndAt(o: number): boolean {
    const t = this.peek(o);
    return !t || (t.k === 'punct' && (t.s === ';' || t.s === ')' || t.s === ']' || t.s === '}'));
  }

  private reduce(items: Item[], s: number): Node | null {
    if (s >= items.length) return null;
    const a = items[s];
    if (s === items.length - 1) return a.n;
    const b = items[s + 1];
    // an operator applied prefix: parenthesized it is its unary form, ($)42 is $:[42]; bare, q disables that
    // form and $42 signals '$ (a following verb makes it the operator's left argument: (+)/ x)
    // (in k a glyph before another, or before a derived verb, is monadic too: k)$*x is string first x,
    // k)~|x not reverse x, k)<#:'x iasc count each x; and before an
    // open end it composes: k)h:&1 0 1= is where 1 0 1=)
    if (a.n.k === 'prim' && (a.glyph || a.paren) && /^([^a-z.]|\.)$/.test(a.n.n) && (!(b.verb && !(b.kw && !this.kw.isDyadic(b.kw))) || (this.k && a.glyph && !a.paren && b.verb && (b.glyph && b.n.k === 'prim' || b.n.k === 'adv')))) {
      // (bare, it is an error of the parse, with its place: parse "2+2;+2" signals '+ under the second +,
      // basics/debug; a lambda holding one is refused when it is defined)
      // (select[<c]'s order is the one place it stands bare: sql below)
      if (!a.paren && !this.k && !this.order) throw this.err(a.n.n, a.pos);
      const f: Node = a.paren || this.k ? { k: 'prim', n: a.n.n + ':' } : { k: 'prim', n: a.n.n, bare: true }, x = this.reduce(items, s + 1)!;
      if (this.k && this.open.has(x)) return this.opened({ k: 'app', f: { k: 'prim', n: "'" }, a: [f, x] });
      return { k: 'mon', f, x, p: a.pos };
    }
    if (!a.verb) {
      if (b.verb && !(b.kw && !this.kw.isDyadic(b.kw))) {
        if (s + 2 === items.length - 1 && items[s + 2].verb && (!items[s + 2].kw || this.kw.isDyadic(items[s + 2].kw!))) {
          // x f g with g a bare verb composes the projection f[x] with g: (0|+); a keyword with a unary form
          // is a name, so (+:)~flip is a match, but one with none composes: `time xdesc upsert (qtips timer.q)
          return this.opened({ k: 'app', f: { k: 'prim', n: "'" }, a: [{ k: 'app', f: b.n, a: [a.n], sec: true }, items[s + 2].n] });
        }
        const r = this.reduce(items, s + 2);
        // x f with nothing after is a projection waiting for its right argument; before such an open
        // end, x f composes with it: (1+2*)3 is 1+2*3
        if (!r) return this.opened({ k: 'app', f: b.n, a: [a.n], sec: true });
        if (this.open.has(r)) return this.opened({ k: 'app', f: { k: 'prim', n: "'" }, a: [{ k: 'app', f: b.n, a: [a.n], sec: true }, r] });
        return { k: 'app', f: b.n, a: [a.n, r], p: b.pos };
      }
      // a noun before an open end composes with it too: ls desc@ is ls∘desc@
      const x = this.reduce(items, s + 1)!;
      if (this.open.has(x)) return this.opened({ k: 'app', f: { k: 'prim', n: "'" }, a: [a.n, x] });
      return { k: 'mon', f: a.n, x, p: a.pos };
    }
    // a noun before a keyword that has no dyadic form is juxtaposition: (+/)til 5
    if (!a.verb && b.kw && !this.kw.isDyadic(b.kw)) return { k: 'mon', f: a.n, x: this.reduce(items, s + 1)!, p: a.pos };
    // a keyword verb before a dyadic keyword or derived verb is that verb's left argument: count each x;
    // but a keyword with a unary form applies to what follows it: signum deltas x
    if (a.kw && b.verb && !b.glyph && (b.n.k === 'adv' || (b.kw && this.kw.isDyadic(b.kw) && !this.kw.isMonadic?.(b.kw)))) {
      const r = this.reduce(items, s + 2);
      // with nothing after it, a projection open at its right end: (count distinct type each) composes
      // (ref/file-text); before an open end it composes with it: count each group@ (qtips hist.q)
      if (!r && b.kw) return this.opened({ k: 'app', f: b.n, a: [a.n], sec: true });
      if (r && this.open.has(r)) return this.opened({ k: 'app', f: { k: 'prim', n: "'" }, a: [{ k: 'app', f: b.n, a: [a.n], sec: true }, r] });
      return { k: 'app', f: b.n, a: [a.n, r], p: b.pos };
    }
    // a keyword before an operator is that operator's left argument, as any name is (q's keywords are
    // names in .q): ssr . (s;a;b), and sum@ is @[sum;]
    if (a.kw && b.verb && b.glyph) {
      // (and before a bare verb, that projection composes with it, as x f g does: (distinct@inter/) —
      // mkst's AoC 2022 day 3)
      if (s + 2 === items.length - 1 && items[s + 2].verb && (!items[s + 2].kw || this.kw.isDyadic(items[s + 2].kw!))) {
        return this.opened({ k: 'app', f: { k: 'prim', n: "'" }, a: [{ k: 'app', f: b.n, a: [a.n], sec: true }, items[s + 2].n] });
      }
      const r = this.reduce(items, s + 2);
      if (!r) return this.opened({ k: 'app', f: b.n, a: [a.n], sec: true });
      if (this.open.has(r)) return this.opened({ k: 'app', f: { k: 'prim', n: "'" }, a: [{ k: 'app', f: b.n, a: [a.n], sec: true }, r] });
      return { k: 'app', f: b.n, a: [a.n, r], p: b.pos };
    }
    const x = this.reduce(items, s + 1)!;
    // a verb before an open end composes with it: (neg 1+)2 is neg 1+2
    if (this.open.has(x)) return this.opened({ k: 'app', f: { k: 'prim', n: "'" }, a: [a.n, x] });
    return { k: 'mon', f: a.n, x, p: a.pos };
  }
  /** Expressions that end in a verb with no right argument (a projection, or a composition ending in one):
   *  what stands before them composes with them. A parenthesized one is closed (see term). */
  private open = new WeakSet<Node>();
  private opened(n: Node): Node { this.open.add(n); return n; }

  /** One term with its postfix brackets and iterators. */
  private term(): Item {
    const t = this.peek()!;
    let it: Item;
    this.i++;
    switch (t.k) {
      case 'num': {
        const v = literal(t.words!);
        if (!v) throw this.err(t.s, t.pos);
        it = { n: { k: 'lit', v }, verb: false };
        break;
      }
      case 'bool': it = { n: { k: 'lit', v: boolLiteral(t.words![0]) }, verb: false }; break;
      case 'byte': it = { n: { k: 'lit', v: byteLiteral(t.words![0]) }, verb: false }; break;
      case 'str': {
        const bytes = strBytes(t.s);
        it = { n: { k: 'lit', v: bytes.length === 1 ? char(bytes[0]) : { t: T.Char, d: bytes, a: 0 } as Vec }, verb: false };
        break;
      }
      case 'sym': it = { n: { k: 'lit', v: t.syms!.length === 1 ? sym(t.syms![0]) : symVec(t.syms!) }, verb: false }; break;
      case 'name': it = this.nameTerm(t); break;
      case 'op': {
        if (t.s === '::') { it = { n: { k: 'lit', v: NIL }, verb: false, ident: this.atEnd() }; break; }
        if (t.s === '$' && !t.colon && this.isPunct(this.peek(), '[') && !this.peek()!.sp) {
          const a = this.args();
          if (a.length >= 3 && this.sqlDepth !== this.lambdaDepth) { it = { n: { k: 'ctl', c: '$', a: a.map(x => x ?? { k: 'nil' }) }, verb: false }; break; }
          it = { n: { k: 'app', f: { k: 'prim', n: '$' }, a }, verb: false };
          break;
        }
        // op with a glued colon and no assignment target: the monadic form, e.g. #: is count
        if (t.colon) { it = { n: { k: 'prim', n: t.s + ':' }, verb: true, glyph: true }; break; }
        it = { n: { k: 'prim', n: t.s }, verb: true, glyph: true };
        break;
      }
      case 'adv': it = { n: { k: 'lit', v: { t: T.Iter, adv: t.s } as Q }, verb: false }; break;
      case 'punct': {
        if (t.s === '(') { it = this.paren(t); it.paren = true; this.open.delete(it.n); }
        else if (t.s === '{') it = this.lambda(t);
        else if (t.s === '[') { // a bare block [a;b]: its value is the last
          this.i--;
          const a = this.args();
          it = { n: { k: 'seq', a: a.map(x => x ?? { k: 'nil' }) }, verb: false };
        } else throw this.err(t.s, t.pos);
        break;
      }
      default: throw this.err(t.s, t.pos);
    }
    it.pos = t.pos;
    return this.postfix(it);
  }

  private postfix(it: Item): Item {
    for (;;) {
      const t = this.peek();
      if (!t) return it;
      // (a keyword takes Each after a space too: funq's (avg '')G is each-each, not a signal; and a value
      // takes scan after one, where / would start a comment: Györök's AoC 2022 day 7, p:(1#`:) {…} \ i;
      // an operator takes Each after a space too, where no signal could stand: mkst's AoC 2022 day 11,
      // 1 _ '(where 0=count each x) cut x, and MystiquePanda's (-). ' c)
      // (and so does a derived function or a lambda: 3#' 'L is each-each, KX Academy's functions notebook,
      // and {..} '[1+til 35] each, a recorded FizzBuzz)
      if (t.k === 'adv' && (!t.sp || ((it.kw || it.verb || it.n.k === 'lit' && it.n.v.t === T.Lambda) && t.s === "'") || t.s === '\\' || t.s === '\\:')) {
        this.i++;
        it = { n: { k: 'adv', a: t.s, f: it.n }, verb: true, pos: it.pos };
        continue;
      }
      if (this.isPunct(t, '[') && !(t.sp && it.verb && it.glyph)) {
        const a = this.args();
        it = { n: { k: 'app', f: it.n, a, p: it.pos }, verb: false, pos: it.pos };
        continue;
      }
      return it;
    }
  }

  private nameTerm(t: Tok): Item {
    const n = t.s;
    if (SQL.has(n)) return { n: this.sql(n, t), verb: false };
    if (CTL.has(n) && this.isPunct(this.peek(), '[')) {
      const a = this.args();
      return { n: { k: 'ctl', c: n, a: a.map(x => x ?? { k: 'nil' }) }, verb: false };
    }
    if (this.kw.isVerb(n)) return { n: this.kw.isUser?.(n) ? { k: 'name', n } : { k: 'prim', n }, verb: true, kw: n };
    return { n: { k: 'name', n }, verb: false };
  }

  private paren(open: Tok): Item {
    // table literal: ([] a:..; b:..) or ([k:..] v:..)
    if (this.isPunct(this.peek(), '[')) return { n: this.tableLit(), verb: false };
    if (this.isPunct(this.peek(), ')')) { this.i++; return { n: { k: 'lit', v: list([]) }, verb: false }; }
    const seq = this.sequence(')');
    this.i++;
    if (seq.length === 1) {
      const e = seq[0];
      // a verb in parentheses is a noun: (+), (count), (+/)
      return { n: seq[0], verb: false };
    }
    // a list with an empty item is a projection of enlist: ("a";;"c")
    if (seq.some(x => x.k === 'nil')) return { n: { k: 'app', f: { k: 'prim', n: 'enlist' }, a: seq.map(x => x.k === 'nil' ? null : x) }, verb: false };
    return { n: { k: 'list', a: seq }, verb: false };
  }

  private tableLit(): Node {
    const keys = this.args().filter((x): x is Node => x !== null);
    const cols: Node[] = [];
    if (!this.isPunct(this.peek(), ')')) for (const e of this.sequence(')')) if (e.k !== 'nil') cols.push(e);
    this.i++;
    // a column is named by its assignment, else by the rightmost term of its expression, where select
    // takes the leftmost: ([]n?item) is item (learn/brief-introduction, whose next query reads item) and
    // ([]n?0f;…) is x (kb/mt-primitives reads t`x). One with no name is x; a computed name is made unique
    // as select makes it (x, x1, x2 … after the names before it: KX ml's ([]sym:…;time:…;@[…];@[…]) has
    // columns sym time x x1), but a column that is a name is that name
    const used = new Set<string>();
    const named = (e: Node): [string, Node] => {
      if (e.k === 'asg' && !e.idx && !e.op) { used.add(e.n); return [e.n, e.r]; }
      let nm = lastTerm(e) ?? 'x';
      if (e.k !== 'name') for (let k = 1, base = nm; used.has(nm); k++) nm = base + k;
      used.add(nm);
      return [nm, e];
    };
    const kc = keys.map(e => named(e));
    const vc = cols.map(e => named(e));
    // a name with no value makes the literal a projection (kdb+ 4.1): ([a:101;b:]) 102 is ([a:101;b:102])
    if ([...kc, ...vc].some(c => c[1].k === 'nil'))
      return { k: 'app', f: { k: 'prim', n: '.tableproj' }, a: [{ k: 'lit', v: symVec(kc.map(c => c[0])) }, { k: 'lit', v: symVec(vc.map(c => c[0])) }, ...[...kc, ...vc].map(c => c[1].k === 'nil' ? null : c[1])] };
    return { k: 'app', f: { k: 'prim', n: '.table' }, a: [{ k: 'lit', v: symVec(kc.map(c => c[0])) }, { k: 'list', a: kc.map(c => c[1]) }, { k: 'lit', v: symVec(vc.map(c => c[0])) }, { k: 'list', a: vc.map(c => c[1]) }] };
  }

  private lambda(open: Tok): Item {
    let params: string[] | null = null;
    let pats: (Pat | null)[] | null = null;
    if (this.isPunct(this.peek(), '[')) {
      // parameters are names, or patterns (kdb+ 4.1): [(a;b);c], [x:`f], [x;] with an unused second
      const a = this.args();
      params = [];
      a.forEach((p, i) => {
        if (p && p.k === 'name') { params!.push(p.n); return; }
        if (!p && a.length === 1) return;
        (pats ??= [])[i] = toPat(p);
        params!.push(p ? '.p' + i : '');
      });
    }
    this.lambdaDepth++;
    const body = this.sequence('}');
    this.lambdaDepth--;
    const close = this.peek()!;
    this.i++;
    // a k lambda shows as kdb+ shows it, k){…}
    const src = (this.k ? 'k)' : '') + this.src.slice(open.pos, close.pos + 1);
    const lam = makeLambda(src, params, body, pats);
    lam.at = open.pos - (this.k ? 2 : 0);
    // defined in a script: its file and the line it starts on
    if (source.file) { lam.file = source.file; lam.line = source.line + (this.src.slice(0, open.pos).match(/\n/g)?.length ?? 0); }
    return { n: { k: 'lit', v: lam }, verb: false };
  }

  /** qSQL: the clauses are split at top-level commas, as kdb+ does. */
  private sql(q: string, start: Tok): Node {
    let lim: Node | null = null, sort: string | undefined, sortBy: Node | null = null;
    if (this.isPunct(this.peek(), '[') && !this.peek()!.sp) {
      this.order = true;
      let a: (Node | null)[];
      try { a = this.args(); } finally { this.order = false; }
      const e = a[0];
      // select[>col] / select[<col] sorts; select[n] or select[m n] limits
      const order = (e: Node | null): Node | null => {
        if (e && e.k === 'app' && e.f.k === 'prim' && (e.f.n === '<' || e.f.n === '>') && e.a[0] === null) { sort = e.f.n; return e.a[1]; }
        if (e && e.k === 'mon' && e.f.k === 'prim' && (e.f.n === '<' || e.f.n === '>')) { sort = e.f.n; return e.x; }
        return null;
      };
      sortBy = order(e);
      if (!sortBy) { lim = e; if (a.length > 1) sortBy = order(a[1]); }
    }
    let distinct = false;
    if (q === 'select' && this.peek()?.k === 'name' && this.peek()!.s === 'distinct') { distinct = true; this.i++; }
    const colsNamed: boolean[] = [];
    const outer = this.sqlDepth;
    this.sqlDepth = this.lambdaDepth;
    try { return this.sqlPhrases(q, start, distinct, colsNamed, lim, sort, sortBy); } finally { this.sqlDepth = outer; }
  }

  /** A query's phrases after its name (and limit): columns, by, from, where. */
  private sqlPhrases(q: string, start: Tok, distinct: boolean, colsNamed: boolean[], lim: Node | null, sort: string | undefined, sortBy: Node | null): Node {
    const cols = this.clauses(['by', 'from'], colsNamed);
    let by: [string, Node][] | null = null;
    const byNamed: boolean[] = [];
    if (this.peek()?.k === 'name' && this.peek()!.s === 'by') { this.i++; by = this.clauses(['from'], byNamed); }
    // a column named as a group is kdb+'s parse error (since 4.0): select b by b from t (basics/qsql)
    // (a group by the virtual column i, named x, is not counted: whether kdb+ names it so is not known)
    const dup = q === 'select' && by ? cols.find(([c]) => by!.some(([b, e]) => b === c && !(e.k === 'name' && e.n === 'i'))) : undefined;
    if (dup) throw new QError('dup names for cols/groups ' + dup[0]);
    // by 0b is no grouping at all, the b of functional select (ref/exec: exec qty, s by 0b gives a table)
    const noBy = by?.length === 1 && !byNamed[0] && by[0][1].k === 'lit' && by[0][1].v.t === -T.Bool && (by[0][1].v as Atom).v === 0;
    if (noBy) { by = null; if (q === 'exec') q = 'select'; }
    const f = this.peek();
    if (!f || f.k !== 'name' || f.s !== 'from') throw this.err('from', start.pos);
    this.i++;
    // (the from phrase is a table expression, where Cond is Cond: f:{select from $[x;:`early;t]})
    const inSql = this.sqlDepth;
    this.sqlDepth = -1;
    const from = this.exprUntil(['where']);
    this.sqlDepth = inSql;
    if (!from) throw this.err('from', start.pos);
    let where: Node[] = [];
    if (this.peek()?.k === 'name' && this.peek()!.s === 'where') { this.i++; where = this.clauses([]).map(c => c[1]); }
    // select distinct c by g: each group's distinct c (wp/disaster-floods: select distinct site_no by
    // catch_id gives each catchment its sites once; kb/programming-examples: distinct sym by date)
    if (distinct && by && cols.length) { distinct = false; cols.forEach(c => { c[1] = { k: 'mon', f: { k: 'prim', n: 'distinct' }, x: c[1] }; }); }
    return { k: 'sql', q: distinct ? 'select distinct' : q, cols: cols.length ? cols : null, by, from, where, lim, sort, ...(sortBy ? { sortBy } : {}), ...(byNamed.some(b => b) ? { byNamed: true } : {}), ...(colsNamed.some(b => b) ? { colsNamed: true } : {}) };
  }

  /** Comma-separated clauses up to one of the stop words or the end of the expression. */
  private clauses(stop: string[], named?: boolean[]): [string, Node][] {
    const out: [string, Node][] = [];
    for (;;) {
      const e = this.exprUntil(stop, true);
      if (e) { out.push([clauseName(e), e.k === 'asg' && !e.idx && !e.op ? e.r : e]); named?.push(e.k === 'asg' && !e.idx && !e.op); }
      const t = this.peek();
      if (t && t.k === 'op' && t.s === ',') { this.i++; continue; }
      return out;
    }
  }

  /** An expression that ends at a stop word (or, for clauses, a top-level comma). */
  private exprUntil(stop: string[], comma = false): Node | null {
    // find the extent of the expression at this nesting level, then parse just those tokens
    let j = this.i, depth = 0, nested = false, inner = false, innerFrom = false;
    for (; j < this.toks.length; j++) {
      const t = this.toks[j];
      // a query inside a clause keeps the commas of its columns, up to its from (TorQ's where ([]a;b) in
      // select a,b from t)
      // (and once past its from, its own where takes the rest of the clauses: TorQ's monitor's
      // where active, id in exec id from s where .z.p>nextrun,not running=1h)
      if (comma && depth === 0 && t.k === 'name' && SQL_WORDS.has(t.s)) inner = true;
      else if (inner && depth === 0 && t.k === 'name' && t.s === 'from') { inner = false; innerFrom = true; }
      else if (innerFrom && depth === 0 && t.k === 'name' && t.s === 'where') inner = true;
      if (t.k === 'punct' && '([{'.includes(t.s)) depth++;
      else if (t.k === 'punct' && ')]}'.includes(t.s)) { if (depth === 0) break; depth--; }
      else if (depth === 0 && t.k === 'punct' && t.s === ';') break;
      // a query in a from phrase takes the clauses after it (update … from select from t where c: the
      // where is the inner select's, kb/alternative-in-memory-layouts)
      else if (depth === 0 && !comma && t.k === 'name' && SQL_WORDS.has(t.s)) nested = true;
      else if (depth === 0 && !nested && t.k === 'name' && stop.includes(t.s)) break;
      else if (depth === 0 && comma && !inner && t.k === 'op' && t.s === ',' && !t.colon) break;
    }
    const saved = this.toks;
    const end = j;
    this.toks = saved.slice(0, end);
    const e = this.expr();
    this.toks = saved;
    if (this.i !== end) throw this.err(this.toks[this.i]?.s ?? 'from');
    return e;
  }
}

/** x[i][j]…: indexing applied to indexing of a name. */
const nested = (n: Node): boolean => n.k === 'app' && n.f.k === 'app' && (n.f.f.k === 'name' || nested(n.f));

const SQL_WORDS = new Set(['select', 'exec', 'update', 'delete']);

/** Text up to a trailing comment (a / after a blank, outside a string): view `v shows the expression only. */
function withoutComment(t: string): string {
  let inStr = false;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (inStr) { if (c === '\\') i++; else if (c === '"') inStr = false; }
    else if (c === '"') inStr = true;
    else if (c === '/' && i > 0 && (t[i - 1] === ' ' || t[i - 1] === '\t')) return t.slice(0, i);
  }
  return t;
}

/** kdb+'s column name for a select clause: the assigned name, else the leftmost term of the expression
 * (basics/qsql: `c2+c3` is c2, `2*c2` is x), where a function written as a word or a name takes its name
 * from its last argument (`amount wavg price` is price, `string c3` is c3, `t[k;`p]` is x); `date.week`
 * is week, and the virtual column i does not name a column (`count i` is x). */
function clauseName(e: Node): string {
  if (e.k === 'asg' && !e.idx && !e.op) return e.n;
  return termName(e) ?? 'x';
}
function termName(n: Node | null): string | null {
  if (!n) return null;
  switch (n.k) {
    case 'name': return n.n === 'i' ? null : n.n.includes('.') && !n.n.startsWith('.') ? n.n.split('.').pop()! : n.n;
    // a cast or an attribute names by what it changes (`long$amount:() is amount, `s#d is d)
    // (and so does a cast by a char: "e"$`Yes=Play is Play, as funq's decisiontree.q has it)
    case 'app': return termName(n.f.k === 'prim' && !/^[a-z]/.test(n.f.n) && !(n.a[0]?.k === 'lit' && (Math.abs(n.a[0].v.t) === T.Sym || (n.f.n === '$' && Math.abs(n.a[0].v.t) === T.Char))) ? n.a[0] : n.a[n.a.length - 1]);
    case 'mon': return termName(n.x);
    case 'list': return termName(n.a[n.a.length - 1]);
    case 'asg': return n.n;
  }
  return null;
}

/** The rightmost term's name, as a table literal names a column: the last argument of each application in
 *  turn (null when that is not a name). */
function lastTerm(n: Node | null): string | null {
  if (!n) return null;
  switch (n.k) {
    case 'app': return lastTerm(n.a[n.a.length - 1]);
    case 'mon': return lastTerm(n.x);
    case 'list': return lastTerm(n.a[n.a.length - 1]);
  }
  return termName(n);
}

/** Build a lambda value: parameters (explicit, or x y z as used), locals, and slot numbers for both. */
/** Name a lambda, and the lambdas written inside it name@. */
function nameLambda(l: Lambda, name: string): void {
  l.name = name;
  walkNodes(l.body, n => { if (n.k === 'lit' && n.v.t === T.Lambda && !(n.v as Lambda).name) nameLambda(n.v as Lambda, name + '@'); });
}

const IMPLICIT = new Set(['x', 'y', 'z']);
export function makeLambda(src: string, params: string[] | null, body: Node[], pats: (Pat | null)[] | null = null): Lambda {
  const used = new Set<string>();
  const assigned: string[] = [], globals = new Set<string>();
  // inside a query's select, by and where phrases x, y and z are not seen as implicit arguments (the
  // table expression is): {select from t where a=x,b=y}[0;2] is 'rank (basics/qsql)
  let masked = 0;
  const walk = (n: Node | null): void => {
    if (!n) return;
    switch (n.k) {
      case 'name': if (!masked || !IMPLICIT.has(n.n)) used.add(n.n); return;
      case 'app': walk(n.f); n.a.forEach(walk); return;
      case 'mon': walk(n.f); walk(n.x); return;
      case 'adv': walk(n.f); return;
      case 'list': n.a.forEach(walk); return;
      case 'asg':
        // a name set globally cannot then become a local: kdb+'s compiler signals it, at the local
        // assignment since 4.0 ({a::1;a:1} is 'a, releases/ChangesIn4.0)
        if (n.g) globals.add(n.n);
        else if (!n.idx && !n.op && !n.n.includes('.') && !assigned.includes(n.n)) {
          if (globals.has(n.n)) throw new QError(n.n, n.p);
          assigned.push(n.n);
        }
        used.add(n.n); n.idx?.forEach(walk); walk(n.r); return;
      case 'ret': case 'sig': walk(n.x); return;
      case 'ctl': n.a.forEach(walk); return;
      case 'seq': n.a.forEach(walk); return;
      case 'sql':
        masked++; n.cols?.forEach(c => walk(c[1])); n.by?.forEach(c => walk(c[1])); n.where.forEach(walk); masked--;
        walk(n.from); walk(n.lim ?? null); return;
      case 'pat': for (const nm of patNames(n.p)) if (!assigned.includes(nm)) assigned.push(nm); walkPat(n.p); walk(n.r); return;
      case 'pcond': walk(n.v); n.ps.forEach(p => { for (const nm of patNames(p)) if (!assigned.includes(nm)) assigned.push(nm); walkPat(p); }); n.rs.forEach(walk); return;
    }
  };
  const walkPat = (p: Pat): void => {
    switch (p.k) {
      case 'name': p.idx?.forEach(walk); return;
      case 'list': case 'dict': case 'cols': p.ps.forEach(walkPat); return;
      case 'bang': if (p.kp) walkPat(p.kp); if (p.vp) walkPat(p.vp); return;
      case 'flip': case 'type': walkPat(p.p); return;
      case 'filter': walkPat(p.p); walk(p.f); return;
    }
  };
  pats?.forEach(p => { if (p) { for (const nm of patNames(p)) if (!assigned.includes(nm)) assigned.push(nm); walkPat(p); } });
  body.forEach(walk);
  if (!params) params = used.has('z') ? ['x', 'y', 'z'] : used.has('y') ? ['x', 'y'] : ['x'];
  const locals = [...params, ...assigned.filter(a => !params!.includes(a))];
  const slots = new Map(locals.map((n, i) => [n, i]));
  const bind = (n: Node | null): void => {
    if (!n) return;
    switch (n.k) {
      case 'name': { const s = slots.get(n.n); if (s !== undefined) n.slot = s; return; }
      case 'app': bind(n.f); n.a.forEach(bind); return;
      case 'mon': bind(n.f); bind(n.x); return;
      case 'adv': bind(n.f); return;
      case 'list': n.a.forEach(bind); return;
      case 'asg': { const s = slots.get(n.n); if (s !== undefined) n.slot = s; n.idx?.forEach(bind); bind(n.r); return; }
      case 'ret': case 'sig': bind(n.x); return;
      case 'ctl': n.a.forEach(bind); return;
      case 'seq': n.a.forEach(bind); return;
      case 'sql': n.cols?.forEach(c => bind(c[1])); n.by?.forEach(c => bind(c[1])); bind(n.from); n.where.forEach(bind); bind(n.lim ?? null); return;
      case 'pat': bindPat(n.p); bind(n.r); return;
      case 'pcond': bind(n.v); n.ps.forEach(bindPat); n.rs.forEach(bind); return;
    }
  };
  const bindPat = (p: Pat): void => {
    switch (p.k) {
      case 'name': { const s = slots.get(p.n); if (s !== undefined) p.slot = s; p.idx?.forEach(bind); return; }
      case 'list': case 'dict': case 'cols': p.ps.forEach(bindPat); return;
      case 'bang': if (p.kp) bindPat(p.kp); if (p.vp) bindPat(p.vp); return;
      case 'flip': case 'type': bindPat(p.p); return;
      case 'filter': bindPat(p.p); bind(p.f); return;
    }
  };
  pats?.forEach(p => { if (p) bindPat(p); });
  body.forEach(bind);
  const rank = params.length === 0 ? 1 : params.length;
  if (params.length > 8) throw new QError('params');
  const lam: Lambda = { t: T.Lambda, src, params, locals, body: body.length === 1 ? body[0] : { k: 'seq', a: body }, ns: '', rank };
  if (pats) lam.pats = pats;
  if (locking.on) lam.locked = true;
  return lam;
}

export function parse(src: string, kw: Keywords, k = false): Node {
  return new Parser(src, kw, k).parse();
}

// Backtraces, as kdb+ 4 prints them: each frame is a source text (the console line, or a lambda with the
// name it was defined under) and where in it the failing primitive stands, shown by a caret.
import type { Lambda, Q } from '../value/value.js';
import { QError } from '../value/error.js';

/** The script file and line a statement being loaded starts on (lambdas defined there remember them). */
export const source = { file: '', line: 0 };

export interface Frame { name: string; src: string; pos: number;
  /** where the lambda was defined, when it came from a script */
  file?: string; line?: number;
  /** the innermost lambda's locals when the error left it (for the debugger's q)) prompt) */
  locals?: { names: string[]; values: (Q | undefined)[] } }

/** Where the application being applied stands in the running frame's source (the evaluator sets it
 *  just before it applies, so the innermost failing application is the last one set). */
export const cursor = {
  at: 0,
  /** the application being applied: its function (a primitive's name, or the value) and arguments, for the
   *  debugger's .z.ex and .z.ey (an infix primitive's two arguments are kept apart: no list is made) */
  fn: null as string | Q | null, x: undefined as Q | undefined, y: undefined as Q | undefined, args: null as (Q | undefined)[] | null,
};
/** The failed application an error came from, taken when it first leaves a frame. */
function failed(e: QError): void {
  if (e.ex !== undefined || cursor.fn === null) return;
  e.ex = cursor.fn;
  // (an empty args list marks a unary application, whose argument is x)
  e.ey = cursor.args === null ? [cursor.x, cursor.y] : cursor.args.length ? cursor.args : [cursor.x];
}
/** The lambdas running now, outermost first, each with the caller's position saved when it was called;
 *  and the top-level text being evaluated. */
// (two arrays and a depth, so that a call allocates nothing)
const fs: (Lambda | null)[] = [], callerAts: number[] = [];
let depth = 0, top = '';

/** A lambda call begins: push it (the evaluator pops it with leave). */
export function enter(f: Lambda): void { fs[depth] = f; callerAts[depth] = cursor.at; depth++; }
/** A lambda call ends, normally or not: back to the caller's position. */
export function leave(): void { depth--; cursor.at = callerAts[depth]; fs[depth] = null; }
/** The top-level text now evaluated (the [0] frame); returns the one it replaces. */
export function setTop(src: string): string { const was = top; top = src; return was; }

const frameOf = (f: Lambda, at: number): Frame => ({ name: f.name ?? '', src: f.src, pos: at - (f.at ?? 0), ...(f.file ? { file: f.file, line: f.line } : {}) });

/** Whether every frame an error leaves keeps its locals (a debugger moves up and down them), or only
 *  the innermost (the usual case: the error path stays cheap for protected evaluation). */
export const keepLocals = { all: false };
/** An error leaves the innermost running lambda: it records that frame (called before leave). */
export function record(e: unknown, locals?: (Q | undefined)[]): void {
  if (!(e instanceof QError) || !depth || e.sealed) return;
  failed(e);
  const f = fs[depth - 1]!, fr: Frame = frameOf(f, cursor.at);
  // the frame the error began in keeps its locals, for a debugger to show
  if ((!e.bt?.length || keepLocals.all) && locals) fr.locals = { names: f.locals, values: locals.slice() };
  (e.bt ??= []).push(fr);
}
/** An error reaches the top level: the [0] frame. */
export function recordTop(e: unknown, src: string): void {
  if (e instanceof QError && !e.sealed) { failed(e); (e.bt ??= []).push(topFrame(src, cursor.at)); }
}
/** The frame of top-level text: a script's statement names its file and line. */
export const topFrame = (src: string, pos: number): Frame => ({ name: '', src, pos, ...(source.file ? { file: source.file, line: source.line } : {}) });

/** The frames running now, innermost first, ending with the top-level text (.Q.bt). */
export function liveFrames(): Frame[] {
  const out: Frame[] = [];
  let at = cursor.at;
  for (let i = depth - 1; i >= 0; i--) { out.push(frameOf(fs[i]!, at)); at = callerAts[i]; }
  out.push({ name: '', src: top, pos: at });
  return out;
}

/** One frame as kdb+ prints it: `  [i]  name:src` (the line of it that holds the caret), then the caret. */
export function frameText(i: number, fr: Frame, mark = '  '): string {
  const text = fr.name ? fr.name + ':' + fr.src : fr.src;
  let pos = Math.max(0, Math.min(text.length, fr.pos + (fr.name ? fr.name.length + 1 : 0)));
  const start = text.lastIndexOf('\n', pos - 1) + 1, end = text.indexOf('\n', pos);
  const line = text.slice(start, end < 0 ? text.length : end);
  pos -= start;
  // a lambda from a script names its file and the line shown, as kdb+'s do: /q/test.q:5: myfun:{2+x}
  const where = fr.file ? `${fr.file}:${(fr.line ?? 1) + (text.slice(0, start).match(/\n/g)?.length ?? 0)}: ` : '';
  const head = `${mark}[${i}]  ${where}`;
  return head + line + '\n' + ' '.repeat(head.length + pos) + '^';
}
/** Frames (innermost first) as .Q.sbt and .Q.bt show them: each numbered by its depth. */
export function framesText(frames: Frame[], at = -1): string {
  return frames.map((fr, k) => frameText(frames.length - 1 - k, fr, k === at ? '>>' : '  ') + '\n').join('');
}
/** The stack a debugger has suspended (innermost first) and the frame in view, for .Q.bt at q)). */
export const suspension = { frames: null as Frame[] | null, at: 0 };

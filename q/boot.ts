// What a fresh session holds before any script runs: the .z, .Q and .h members that need no files or
// sockets, and the console handles.
import { T } from './value/types.js';
import { Q, Atom, NIL, sym, str, text, int, long, isNil } from './value/value.js';
import { QError } from './value/error.js';
import { setHandleApply } from './prims/apply.js';
import type { Session } from './session.js';

export function bootstrap(s: Session) {
  const env = s.env;
  setHandleApply((h, x, handle) => {
    if (h === 0) { const v = s.run(text(x)); return v ?? NIL; }
    if (h === 1 || h === -1 || h === 2 || h === -2) {
      if (x.t !== T.Char && x.t !== -T.Char && x.t !== T.List) throw new QError('type');
      const lines = x.t === T.List ? (x as any).d.map((e: Q) => text(e)).join('\n') : text(x);
      env.host.write(Math.abs(h), lines + (h < 0 ? '\n' : ''));
      return handle;
    }
    throw new QError('nyi');
  });
  const g = env.globals;
  g.set('.z.K', { t: -T.Float, v: 4.1 });
  g.set('.z.k', { t: -T.Date, v: 9101 });
  g.set('.z.o', sym(typeof process !== 'undefined' ? 'l64' : 'w64'));
  g.set('.z.x', { t: T.List, d: [], a: 0 } as Q);
  g.set('.z.f', sym(''));
  g.set('.Q.a', str('abcdefghijklmnopqrstuvwxyz'));
  g.set('.Q.A', str('ABCDEFGHIJKLMNOPQRSTUVWXYZ'));
  g.set('.Q.n', str('0123456789'));
  g.set('.Q.an', str('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789'));
  g.set('.Q.nA', str('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'));
}
export { long, str, isNil };
export type { Atom };

// A wasq session holding the benchmark's trade table: the generated columns moved into vector storage
// (wasm memory, where a q table's columns live), stock enumerated against a keyed `stock` table as
// examples/trade.q has it, date marked sorted.
import { Session } from '../q/session.js';
import { T } from '../q/value/types.js';
import { Q, vec, table } from '../q/value/value.js';
import { from } from '../q/value/storage.js';
import type { Cols } from './data.js';

export function tradeSession(c: Cols): Session {
  const s = new Session({ now: () => 0n, tzOffsetMinutes: () => 0, write: () => {} });
  s.evaluate('stock:([name:`Alcatel`Alstom`AirFrance`FranceTelecom`Snecma`Supra] industry:`telecom`engineering`aviation`telecom`aviation`consulting)');
  s.env.globals.set('trade', table(['stock', 'price', 'amount', 'exchange', 'date'], [
    { t: T.Enum, d: from(T.Enum, c.stock), a: 0, dom: 'stock' } as Q, vec(T.Float, from(T.Float, c.price)), vec(T.Long, from(T.Long, c.amount)),
    vec(T.Float, from(T.Float, c.exchange)), vec(T.Date, from(T.Date, c.date), 1),
  ]));
  return s;
}

// Appending to a vector without copying it: x,:y in a loop (and insert into a table, row by row) made a
// copy of x each time, quadratic where kdb+ appends in place. Values here are never changed once made,
// so an append writes past the end of x into spare room behind it, and the longer result is a new view of
// the same memory: x itself still sees only its own items. The room is used by one append only: the
// first result of a given x extends it, any other copies (the Go-slice rule, by a count of the room used).
import type { Items } from './storage.js';
import { allocRaw, WIDTH } from './storage.js';
import { T } from './types.js';

interface Room { cap: Items; used: number }
/** Items an append made: a view of its block (owner, which keeps the block alive: a block in wasm memory
 *  is freed when its array is collected) and the room behind it. (Properties of the view, where a
 *  WeakMap by view cost more than the append itself, in its lookups and in the collector's weak tables:
 *  a row inserted into a table of five columns took 9 µs.) */
type Grown = Items & { owner?: object; room?: Room };

/** Does d have room behind it that the next append may fill? */
export const hasRoom = (d: Items): boolean => { const r = (d as Grown).room; return !!r && r.used === d.length; };

/** The items of d followed by those of y (both of type t), in d's spare room when it has it, else in a
 *  new block with room for as many again. */
export function appendItems(t: number, d: Items, y: Items): Items {
  const n = d.length, m = y.length;
  let room = (d as Grown).room;
  if (!room || room.used !== n || room.cap.length < n + m) {
    const unit = t === T.Guid ? 16 : 1, want = Math.max(2 * (n + m), 8 * unit, WIDTH[t] ? 64 / WIDTH[t] : 8);
    const cap = allocRaw(t, Math.ceil(want / unit));
    cap.set(d as never);
    room = { cap, used: n };
  }
  room.cap.set(y as never, n);
  room.used = n + m;
  const r = room.cap.subarray(0, n + m) as Grown;
  r.owner = room.cap;
  r.room = room;
  return r;
}

// The environment keywords (ref/getenv, ref/gtime, ref/exit): the process's environment variables, its
// time zone, and its end. They reach the host through hooks; a host without them (the page) says 'nyi.
import { T } from '../value/types.js';
import { Q, Atom, Vec, NIL, NJ, WJ, str, text, list, items } from '../value/value.js';
import { atomic1 } from './atomic.js';
import { QError } from '../value/error.js';
import { hooks } from './hooks.js';
import { allocRaw } from '../value/storage.js';

/** getenv `NAME: its value, "" when it is not set. */
export function getenv(x: Q): Q {
  // a list of names: each one's value (reQ's proxy: getenv`$("HTTP_PROXY";"NO_PROXY"))
  if (x.t === T.Sym) return list(items(x).map(getenv));
  if (x.t !== -T.Sym) throw new QError('type');
  return str(hooks.getenv((x as Atom).v) ?? '');
}
/** `NAME setenv "value". */
export function setenv(x: Q, y: Q): Q {
  if (x.t !== -T.Sym || (y.t !== T.Char && y.t !== -T.Char)) throw new QError('type');
  hooks.setenv((x as Atom).v, text(y));
  return NIL;
}
/** exit n: end the process with status n (after .z.exit, which the host runs). */
export function exit(x: Q): Q {
  if (x.t !== -T.Long && x.t !== -T.Int && x.t !== -T.Short && x.t !== -T.Bool) throw new QError('type');
  hooks.exit(Number((x as Atom).v));
  return NIL;
}

// A timestamp counts nanoseconds from 2000.01.01, a datetime days (a float); the host's offset is asked
// at each value's own instant, so a summer date gets summer time.
const EPOCH_MS = 946684800000, MIN_NS = 60000000000n;
const offsetAt = (ms: number): number => hooks.tzOffset(ms);

function shift(toLocal: boolean) {
  // local to UTC needs the offset at the UTC instant, which one step from the local value finds
  const ns = (v: bigint): bigint => {
    if (v === NJ || v === WJ || v === -WJ) return v;
    const at = (w: bigint) => Number(w / 1000000n) + EPOCH_MS;
    if (toLocal) return v + BigInt(offsetAt(at(v))) * MIN_NS;
    return v - BigInt(offsetAt(at(v - BigInt(offsetAt(at(v))) * MIN_NS))) * MIN_NS;
  };
  const days = (v: number): number => {
    if (!Number.isFinite(v)) return v;
    const at = (w: number) => w * 86400000 + EPOCH_MS;
    if (toLocal) return v + offsetAt(at(v)) / 1440;
    return v - offsetAt(at(v - offsetAt(at(v)) / 1440)) / 1440;
  };
  return atomic1((x: Q): Q => {
    if (x.t === -T.Timestamp) return { t: x.t, v: ns((x as Atom).v) } as Atom;
    if (x.t === -T.Datetime) return { t: x.t, v: days((x as Atom).v) } as Atom;
    if (x.t === T.Timestamp || x.t === T.Datetime) {
      const d = (x as Vec).d as BigInt64Array | Float64Array, r = allocRaw(x.t, d.length) as BigInt64Array | Float64Array;
      if (x.t === T.Timestamp) for (let i = 0; i < d.length; i++) (r as BigInt64Array)[i] = ns((d as BigInt64Array)[i]);
      else for (let i = 0; i < d.length; i++) (r as Float64Array)[i] = days((d as Float64Array)[i]);
      return { t: x.t, d: r, a: 0 } as Vec;
    }
    throw new QError('type');
  });
}
/** ltime ts: the local time of a UTC timestamp or datetime. */
export const ltime = shift(true);
/** gtime ts: the UTC time of a local timestamp or datetime. */
export const gtime = shift(false);

// The IPC internal functions: -8!x (to bytes), -9!x (from bytes), -18!x (compressed bytes) and -22!x
// (length of -8!x). They register themselves in the internal-function table when imported.
import { T } from '../value/types.js';
import { Q, Vec, List, Atom, Lambda, NIL, count, isNil, long, vec, item, list, dict, table, symVec, longVec } from '../value/value.js';
import { apply } from './apply.js';
import { QError } from '../value/error.js';
import { encodeMessage, serializedSize, SerializeOptions } from '../ipc/serialize.js';
import { deserialize, DeserializeOptions } from '../ipc/deserialize.js';
import { maybeCompress } from '../ipc/compress.js';
import { MsgType } from '../ipc/header.js';
import { hooks } from './hooks.js';
import { INTERNAL } from './internal.js';

/** Enumerations go out as values: their domain is the global of that name. */
export const serializeOptions = (): SerializeOptions => ({ resolveEnum: dom => hooks.getGlobal(dom) });

/** A lambda's source is parsed, never evaluated: text from a peer must not run. */
export const deserializeOptions = (): DeserializeOptions => ({
  parseLambda: src => {
    const f = hooks.parse(src);
    if (f.t !== T.Lambda) throw new QError('badmsg');
    return f as Lambda;
  },
});

const bytes = (b: Uint8Array): Vec => vec(T.Byte, b);

/** -8!x: the IPC message kdb+ would send for x (header included, async type, never compressed). */
export const toBytes = (x: Q): Q => bytes(encodeMessage(x, MsgType.Async, serializeOptions()));

/** -9!x: the value of a byte vector holding one whole message, compressed or not. */
export function fromBytes(x: Q): Q {
  if (x.t !== T.Byte) throw new QError('type');
  return deserialize((x as Vec).d as Uint8Array, deserializeOptions());
}

/** -18!x: -8!x compressed by kdb+'s size rules (over 2000 bytes, and at most half as long). */
export const toCompressedBytes = (x: Q): Q => bytes(maybeCompress(encodeMessage(x, MsgType.Async, serializeOptions())));

/** -22!x: count -8!x. */
export const serializedLength = (x: Q): Q => { const n = serializedSize(x); return long(n === null ? encodeMessage(x, MsgType.Async, serializeOptions()).length : 8 + n); };

/** -30!(::) leaves the sync request being answered unanswered for now; -30!(h;isError;x) answers the one
 *  client h is waiting on: with x, or with the error x names. */
export function deferred(x: Q): Q {
  if (isNil(x)) { hooks.defer(); return NIL; }
  if (x.t !== T.List || count(x) !== 3) throw new QError('type');
  const [h, e, v] = (x as List).d;
  if ((h.t !== -T.Int && h.t !== -T.Long) || e.t !== -T.Bool) throw new QError('type');
  if ((e as Atom).v && v.t !== T.Char && v.t !== -T.Char && v.t !== -T.Sym) throw new QError('type');
  hooks.respond(Number((h as Atom).v), !!(e as Atom).v, v);
  return NIL;
}

/** The handles of an int or long atom or vector. */
function handlesOf(x: Q): number[] {
  if (x.t === -T.Int || x.t === -T.Long) return [Number((x as Atom).v)];
  if (x.t === T.Int || x.t === T.Long) return Array.from((x as Vec).d as ArrayLike<number | bigint>, Number);
  throw new QError('type');
}
/** -25!(handles;x): x sent async to each handle (every one checked to be a socket before any is sent). */
export function broadcast(x: Q): Q {
  if (x.t !== T.List || count(x) !== 2) throw new QError('type');
  const [hs, msg] = (x as List).d, ns = handlesOf(hs);
  for (const h of ns) if (h <= 0 || !hooks.socket(h)) throw new QError(`${h} is not an ipc handle`);
  if (!isNil(msg)) for (const h of ns) apply(long(-h), [msg]);
  return NIL;
}
/** -38!h: a socket's protocol, family, compression, messages and bytes waiting; a table for a list. */
export function socketTable(x: Q): Q {
  const ns = handlesOf(x);
  const rows = ns.map(h => { const s = hooks.socket(h); if (!s) throw new QError(`${h} is not an ipc handle`); return s; });
  const cols = [char1(rows.map(r => r.p)), char1(rows.map(r => r.f ?? 't')), vec(T.Bool, Uint8Array.from(rows, r => r.z ? 1 : 0)),
    longVec(rows.map(() => 0)), longVec(rows.map(r => r.m))];
  const t = table(['p', 'f', 'z', 'n', 'm'], cols);
  return x.t < 0 ? dict(symVec(t.c), list(cols.map(c => item(c, 0)))) : t;
}
const char1 = (cs: string[]): Q => vec(T.Char, Uint8Array.from(cs, c => c.charCodeAt(0)));

INTERNAL['-8'] = toBytes;
INTERNAL['-25'] = broadcast;
INTERNAL['-38'] = socketTable;
INTERNAL['-30'] = deferred;
INTERNAL['-9'] = fromBytes;
INTERNAL['-18'] = toCompressedBytes;
INTERNAL['-22'] = serializedLength;

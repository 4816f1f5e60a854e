// .j.j .j.jd .j.k: q values to JSON text and back (the text itself is made in q/format/json.ts).
import { T } from '../value/types.js';
import { Q, Atom, Vec, Dict, List, str, text, items } from '../value/value.js';
import { QError } from '../value/error.js';
import { toJson, fromJson } from '../format/json.js';
import { hooks } from './hooks.js';
import { def } from './registry.js';

export const jj = (x: Q): Q => str(toJson(x, { P: hooks.precision() }));

/** .j.jd (x;d): .j.j, with infinities written as null when d`null0w is true. */
export function jd(x: Q): Q {
  if (x.t !== T.List || (x as List).d.length !== 2) throw new QError('rank');
  const [v, d] = (x as List).d;
  if (d.t !== T.Dict) throw new QError('type');
  const ks = items((d as Dict).k), i = ks.findIndex(k => k.t === -T.Sym && (k as Atom).v === 'null0w');
  const flag = i >= 0 ? items((d as Dict).v)[i] : undefined;
  return str(toJson(v, { P: hooks.precision(), null0w: !!flag && flag.t === -T.Bool && !!(flag as Atom).v }));
}

export function jk(x: Q): Q {
  // bytes are the text they hold: .j.k read1`:f.json (TorQ's config)
  if (x.t === T.Byte) return fromJson(new TextDecoder().decode((x as Vec).d as Uint8Array));
  if (x.t !== T.Char && x.t !== -T.Char) throw new QError('type');
  return fromJson(text(x));
}

def('.j.jd', { m: jd, rank: 1 });

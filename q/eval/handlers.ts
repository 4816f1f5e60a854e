// The message handlers' q side, with no sockets: which handler a request reaches and with what argument
// (.z.ph .z.pp .z.pm .z.ac, .z.ws), kdb+'s default .z.ph (its q.k definition, written here in q), the .h
// members kdb+ defines in q, and wasq's default .z.ws for the workbench's remote mode. The server hands
// requests in and writes back the bytes it gets.
import { T } from '../value/types.js';
import { Q, Atom, Vec, List, NIL, str, list, vec, text, dict, symVec } from '../value/value.js';
import { QError } from '../value/error.js';
import { def, PRIMS } from '../prims/registry.js';
import { apply } from '../prims/apply.js';
import { readMessage } from '../ipc/deserialize.js';
import { encodeMessage, encodeError } from '../ipc/serialize.js';
import { MsgType } from '../ipc/header.js';
import { serializeOptions, deserializeOptions } from '../prims/ipc-prims.js';
import { he } from './doth.js';
import { ANCHOR_STYLE, BODY_STYLE } from '../format/html.js';
import type { Session } from '../session.js';
import { errorText } from '../session.js';

/** Who a request comes from: .z.w, .z.a and .z.u while its handler runs. */
export interface Caller { w: number; a: number; u: string }

/** .h members kdb+ writes in q; the definitions are wasq's own. */
const H_LAMBDAS: Record<string, string> = {
  '.h.htc': '{[t;v]"<",(string t),">",v,"</",(string t),">"}',
  '.h.hta': '{[t;d]"<",(string t),(raze{" ",(string x),"=\\"",y,"\\""}\'[key d;value d]),">"}',
  '.h.htac': '{[t;d;v](.h.hta[t;d]),v,"</",(string t),">"}',
  // a symbol href is written bare, a string one quoted
  '.h.ha': '{[x;y]"<a href=",($[-11h=type x;string x;"\\"",x,"\\""]),">",y,"</a>"}',
  '.h.hb': '{[x;y]"<a target=v href=",($[-11h=type x;string x;"\\"",x,"\\""]),">",y,"</a>"}',
  '.h.hc': '{ssr[x;"<";"&lt;"]}',
  '.h.xs': '{ssr[ssr[ssr[x;"&";"&amp;"];"<";"&lt;"];">";"&gt;"]}',
  '.h.hr': '{(count x)#"-"}',
  '.h.nbr': '{"<nobr>",x,"</nobr>"}',
  '.h.pre': '{"<pre>",(raze x,\\:"\\n"),"</pre>"}',
  '.h.xmp': '{"<xmp>",(raze x,\\:"\\n"),"</xmp>"}',
  '.h.text': '{raze{"<p>",x,"</p>\\n"}each x}',
  '.h.code': '{raze{$[y mod 2;" <code><nobr>",x,"</nobr></code>";y;" ",x;x]}\'[s;til count s:"\\t" vs x]}',
  '.h.hu': '{raze{$[x in .h.sc;enlist x;"%",raze string"x"$x]}each x}',
  // a function of a string: its characters not in x as %xx (reQ's .url.enc: (.h.hug .Q.an,"-.~") s)
  '.h.hug': '{{raze x y}c!{$[x in y;enlist x;"%",raze string"x"$x]}[;x]each c:"c"$til 256}',
  '.h.xt': '{[t;x]$[t~`json;.j.k each x;\'nyi]}',
};

/**
 * kdb+'s default .z.ph (q.k), in q: `GET /` a frameset of the root's variables beside the first one;
 * `?` the list of variables; `?expr` the value from row 0 (remembered in .h.R), `?[n` it again from row n;
 * `name.fmt?expr` the value as csv, txt, json, xml; otherwise a file under .h.HOME. wasq refuses paths
 * with `..`, which kdb+ would read.
 */
export const DEFAULT_ZPH = `{[x]
 x:.h.uh $[type x;x;first x];
 v:string system"v";
 $[not count x; .h.hy[\`htm;.h.fram[string .z.f;v;("?";"?",$[count v;first v;""])]];
   x~enlist"?"; .h.hp {.h.hb["?",x;x]} each v;
   "?["~2#x; .h.hp .h.jx["J"$2_x;.h.R];
   "?"=first x; @[{.h.hp .h.jx[0;.h.R::1_x]};x;.h.he];
   "?"in x; @[{.h.hy[t;\` sv .h.tx[t:\`$last"."vs n#x] .h.val(1+n:x?"?")_x]};x;.h.he];
   x like"*..*"; .h.hn["404 Not Found";\`txt;x,": not found"];
   count r:@[read1;\`$":",p:.h.HOME,"/",x;""]; .h.hy[\`$(1+x?".")_x;"c"$r];
   .h.hn["404 Not Found";\`txt;.h.HOME,"/",x,": not found"]]}`;

/** .h.tx: how name.fmt?expr formats a value. Tables give one line a row (JSON Lines for json, as kdb+). */
const TX = `\`raw\`json\`csv\`txt\`xml\`xls!(
 {enlist x};
 {$[98h=type x;.j.j each x;99h<>type x;$[0<=type x;.j.j each x;enlist .j.j x];98h=type key x;.j.j each 0!x;enlist .j.j x]};
 .h.cd; .h.td; .h.xd; .h.ed)`;

const TY = '`htm`html`csv`txt`xml`xls`gif`json`js`css`svg`png`jpg`ico`wasm`pdf!("text/html";"text/html";"text/comma-separated-values";"text/plain";"text/plain";"application/msexcel";"image/gif";"application/json";"text/javascript";"text/css";"image/svg+xml";"image/png";"image/jpeg";"image/x-icon";"application/wasm";"application/pdf")';

/** Define the .h namespace and the default .z.ph in a fresh session. */
export function installWeb(s: Session) {
  const g = s.env.globals;
  for (const [name, src] of Object.entries(H_LAMBDAS)) g.set(name, s.value(src).v);
  g.set('.h.br', str('<br>'));
  g.set('.h.c0', { t: -T.Sym, v: '024C7E' } as Q);
  g.set('.h.c1', { t: -T.Sym, v: '958600' } as Q);
  g.set('.h.sa', str(ANCHOR_STYLE));
  g.set('.h.sb', str(BODY_STYLE));
  g.set('.h.sc', str("$-.+!*'(),abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789"));
  g.set('.h.d', { t: -T.Char, v: 32 } as Q);
  g.set('.h.HOME', str('html'));
  g.set('.h.logo', str(''));
  g.set('.h.val', { t: T.Unary, name: 'value' } as Q);
  g.set('.h.ty', s.value(TY).v);
  g.set('.h.tx', s.value(TX.replace(/\n/g, '')).v);
  defaultZph = s.value(DEFAULT_ZPH.replace(/\n/g, '')).v;
  g.set('.z.ph', defaultZph);
}
let defaultZph: Q = NIL;

// ---- HTTP ------------------------------------------------------------------------------------------
/** One HTTP request as the port read it. */
export interface HttpRequest {
  method: string;
  /** the request target without its leading `/`, still URI-encoded */
  target: string;
  /** header names as sent, and values */
  headers: [string, string][];
  body: Uint8Array;
}

const headerDict = (h: [string, string][]): Q => dict(symVec(h.map(e => e[0])), list(h.map(e => str(e[1]))));
const bytesOf = (v: Q): Uint8Array => {
  if (v.t === T.Char || v.t === T.Byte) return (v as Vec).d as Uint8Array;
  if (v.t === -T.Char || v.t === -T.Byte) return Uint8Array.of((v as Atom).v);
  throw new QError('type');
};
const notImplemented = (what: string) => bytesOf(PRIMS['.h.hn'].n!([str('501 Not Implemented'), { t: -T.Sym, v: 'txt' } as Q, str("'" + what)]));

/**
 * The whole HTTP response (status line, headers, body) for a request: GET goes to .z.ph (default: kdb+'s),
 * POST to .z.pp with (path, space, body), OPTIONS PUT PATCH DELETE to .z.pm with the method first. The
 * handler's string is sent as it is; a q error becomes .h.he's 400.
 */
export function httpRespond(s: Session, req: HttpRequest, caller: Caller): Uint8Array {
  const hdrs = headerDict(req.headers);
  try {
    let v: Q;
    if (req.method === 'GET' || req.method === 'HEAD') {
      v = s.handler('.z.ph', [list([str(req.target), hdrs])], caller, () => apply(defaultZph, [list([str(req.target), hdrs])]));
    } else if (req.method === 'POST') {
      if (!s.hasHandler('.z.pp')) return notImplemented('.z.pp');
      const pb = new Uint8Array([...new TextEncoder().encode(req.target + ' '), ...req.body]);
      v = s.handler('.z.pp', [list([vec(T.Char, pb), hdrs])], caller, () => NIL);
    } else {
      if (!s.hasHandler('.z.pm')) return notImplemented('.z.pm');
      v = s.handler('.z.pm', [list([{ t: -T.Sym, v: req.method } as Q, str(req.target), hdrs])], caller, () => NIL);
    }
    return bytesOf(v);
  } catch (e) {
    return bytesOf(he(str(errorText(e))));
  }
}

/**
 * HTTP authentication: .z.ac when defined ((0;"") refuse, (1;"user") accept as user, (2;"text") answer
 * that, (4;"") fall back), else basic auth checked by `basic`. The user name, a response to send instead,
 * or null for 401.
 */
export function httpAuth(s: Session, req: HttpRequest, caller: Caller, basic: (user: string, pass: string) => boolean): { user: string } | { response: Uint8Array } | null {
  if (s.hasHandler('.z.ac')) {
    let r: Q;
    try { r = s.handler('.z.ac', [list([str(req.target), headerDict(req.headers)])], caller, () => NIL); }
    catch { return null; }
    const d = r.t === T.List ? (r as List).d : [];
    const code = d.length === 2 && d[0].t < 0 ? Number((d[0] as Atom).v) : 0;
    if (code === 1) return { user: text(d[1]) };
    if (code === 2) return { response: bytesOf(d[1]) };
    if (code !== 4) return null;
  }
  const auth = req.headers.find(h => h[0].toLowerCase() === 'authorization')?.[1] ?? '';
  const cred = auth.startsWith('Basic ') ? new TextDecoder().decode(base64(auth.slice(6))) : ':';
  const i = cred.indexOf(':');
  const user = i < 0 ? cred : cred.slice(0, i), pass = i < 0 ? '' : cred.slice(i + 1);
  return basic(user, pass) ? { user } : null;
}
function base64(s: string): Uint8Array {
  try { return Uint8Array.from(atob(s.trim()), c => c.charCodeAt(0)); } catch { return new Uint8Array(0); }
}

// ---- WebSocket ---------------------------------------------------------------------------------------
/**
 * wasq's default .z.ws (its extension for the workbench's remote mode, as KX's c.js clients expect): a
 * binary frame holding a kdb+ message is evaluated and answered with the serialized result or error; a
 * text frame is evaluated and answered with its console text.
 */
export const DEFAULT_ZWS = '{neg[.z.w] .wasq.ws x}';

/** .wasq.ws x: what the default .z.ws answers to a frame x (never signals). */
export function wsAnswer(s: Session, x: Q): Q {
  if (x.t === T.Byte) {
    let out: Uint8Array;
    try {
      const m = readMessage((x as Vec).d as Uint8Array, deserializeOptions());
      if (m.value === undefined) throw new QError(m.error ?? 'badmsg');
      out = encodeMessage(PRIMS.value.m!(m.value), MsgType.Response, serializeOptions());
    } catch (e) { out = encodeError(errorText(e)); }
    return vec(T.Byte, out);
  }
  if (x.t !== T.Char && x.t !== -T.Char) return str("'type");
  return str(s.evaluate(text(x)).out);
}

/** Turn wasq's default .z.ws on (a q global, so `\x .z.ws` turns it off again). */
export function installWsEval(s: Session) {
  def('.wasq.ws', { m: x => wsAnswer(s, x), rank: 1 });
  s.env.globals.set('.z.ws', s.value(DEFAULT_ZWS).v);
}


// What a fresh session holds before any script runs: the .z, .Q and .h members that need no files or
// sockets, and the console handles.
import { T } from './value/types.js';
import { Q, Atom, NIL, sym, str, text, int, long, isNil, symVec, dict, list } from './value/value.js';
import { bytesName } from './value/utf8.js';
import { QError } from './value/error.js';
import { INTERNAL } from './prims/internal.js';
import { setHandleApply, setOneShot } from './prims/apply.js';
import type { Session } from './session.js';
import { PRIMS } from './prims/registry.js';
import { hooks } from './prims/hooks.js';
import { isFileHandle, writeHandle } from './prims/disk.js';

import { installWeb } from './eval/handlers.js';
import { self, primValue } from './eval/eval.js';
import { viewDeps } from './eval/names.js';
import { RES } from './prims/dotq.js';

/** Point the process-wide entries (handles, one-shot requests, enumeration types, -26!) at session s: a
 *  session calls it when it becomes the one running (session.ts: activate), so that with two sessions in
 *  one process each writes to its own console and asks its own host. */
export function bindSession(s: Session) {
  const env = s.env;
  // handle 0 is this process: .z.ps when defined (kdb+ prefers it to .z.pg there), else value; a log
  // chunk replayed by -11! runs the same way
  hooks.ps = x => s.logged(x, () => s.handler('.z.ps', [x], env.conn, () => x.t === T.Char || x.t === -T.Char ? s.run(text(x)) ?? NIL : PRIMS.value.m!(x)));
  setHandleApply((h, x, handle) => {
    if (h === 0) return hooks.ps(x);
    if (h === 1 || h === -1 || h === 2 || h === -2) {
      // bytes are written as they are (basics/files: applying a handle to data appends it as bytes)
      if (x.t === T.Byte || x.t === -T.Byte) { env.host.write(Math.abs(h), bytesName(x.t < 0 ? Uint8Array.of((x as any).v) : (x as any).d) + (h < 0 ? '\n' : '')); return handle; }
      // text: a string, a char, or a list of strings (a line each)
      if (x.t !== T.Char && x.t !== -T.Char && !(x.t === T.List && (x as any).d.every((e: Q) => e.t === T.Char || e.t === -T.Char))) throw new QError('type');
      const lines = x.t === T.List ? (x as any).d.map((e: Q) => text(e)).join('\n') : text(x);
      env.host.write(Math.abs(h), lines + (h < 0 ? '\n' : ''));
      return handle;
    }
    // a file opened with hopen appends; other handles belong to the host (sockets: neg h sends async)
    if (isFileHandle(Math.abs(h))) { writeHandle(Math.abs(h), x, h < 0); return handle; }
    if (!env.host.handle) throw new QError('nyi');
    return env.host.handle(Math.abs(h), x, h > 0) ?? NIL;
  });
  setOneShot((target, x, timeout = 0) => {
    if (!env.host.open || !env.host.handle || !env.host.close) throw new QError('nyi');
    const h = env.host.open(target, timeout);
    try { return env.host.handle(h, x, true); } finally { env.host.close(h); }
  });
  // kdb+ 3.6+ numbers every (64-bit) enumeration 20h whatever its domain (releases/ChangesIn3.6);
  // 21h-76h were 32-bit enumerations read from older files, which wasq never makes
  hooks.enumType = dom => { env.enumDomains.add(dom); return T.Enum; };
  hooks.enumTypeFree = t => t !== T.Enum || env.enumDomains.size === 0;
  // -26!: the TLS settings, from kdb+'s environment variables (the library's version from the host)
  INTERNAL['-26'] = () => {
    if (!env.host.tlsVersion) throw new QError('nyi');
    const home = (env.host.getenv?.('QHOME') ?? (env.host.getenv?.('HOME') ?? '.') + '/q') + '/ssl/';
    const v = (name: string, dflt: string) => env.host.getenv?.(name) ?? dflt;
    const keys = ['SSLEAY_VERSION', 'SSL_CERT_FILE', 'SSL_CA_CERT_FILE', 'SSL_CA_CERT_PATH', 'SSL_KEY_FILE', 'SSL_CIPHER_LIST', 'SSL_VERIFY_CLIENT', 'SSL_VERIFY_SERVER'];
    const vals = [env.host.tlsVersion, v('SSL_CERT_FILE', home + 'server-crt.pem'), v('SSL_CA_CERT_FILE', home + 'ca-cert.pem'), v('SSL_CA_CERT_PATH', home), v('SSL_KEY_FILE', home + 'server-key.pem'), v('SSL_CIPHER_LIST', 'ALL'), v('SSL_VERIFY_CLIENT', 'NO'), v('SSL_VERIFY_SERVER', 'YES')];
    return dict(symVec(keys), symVec(vals));
  };
}

export function bootstrap(s: Session) {
  const env = s.env;
  // csv is the comma, as q.k defines it
  env.computed.set('csv', () => ({ t: -T.Char, v: 44 }) as Q);
  env.computed.set('.z.w', () => ({ t: -T.Int, v: env.conn.w }));
  env.computed.set('.z.a', () => ({ t: -T.Int, v: env.conn.a }));
  env.computed.set('.z.u', () => sym(env.conn.u));
  env.computed.set('.z.h', () => sym(env.host.hostname ?? 'localhost'));
  // .z.ex and .z.ey in a debugger session: the failed primitive, and its argument (its arguments as a
  // list when it took several); :: outside one
  env.computed.set('.z.ex', () => {
    const f = env.failure?.ex;
    if (f === undefined) return NIL;
    if (typeof f !== 'string') return f;
    // a glyph applied to one argument failed as its unary form: - x is -:
    return primValue(env.failure!.ey.length === 1 && PRIMS[f + ':'] ? f + ':' : f);
  });
  env.computed.set('.z.ey', () => {
    const a = env.failure?.ey;
    if (!a) return NIL;
    const xs = a.map(x => x ?? NIL);
    return xs.length === 1 ? xs[0] : list(xs);
  });
  // -10!t: whether enumeration type t is free (basics/internal)
  INTERNAL['-10'] = x => {
    if (x.t !== -T.Short && x.t !== -T.Int && x.t !== -T.Long) throw new QError('type');
    const t = Number((x as Atom).v);
    return { t: -T.Bool, v: t >= 20 && t <= 76 && hooks.enumTypeFree(t) ? 1 : 0 } as Q;
  };
  // .z.e: the current connection's TLS cipher and protocol, an empty dictionary when it is not TLS
  env.computed.set('.z.e', () => {
    const i = env.host.tlsInfo?.(env.conn.w);
    return i ? dict(symVec(['CIPHER', 'PROTOCOL']), list([sym(i.cipher), sym(i.protocol)])) : dict(list([]), list([]));
  });
  // the running function (recursion by .z.s x-1), and whether a change would be refused now (reval, -b)
  env.computed.set('.z.s', () => self() ?? NIL);
  // the views each name feeds (.z.b): x| `a`b for a::x+y and b::x+1
  env.computed.set('.z.b', () => {
    const by = new Map<string, string[]>();
    for (const [v, vw] of env.views) for (const n of viewDeps(vw.node)) { const l = by.get(n) ?? []; l.push(v); by.set(n, l); }
    return dict(symVec([...by.keys()]), list([...by.values()].map(symVec)));
  });
  env.computed.set('.z.r', () => ({ t: -T.Bool, v: env.restricted || env.blocked ? 1 : 0 }));
  const g = env.globals;
  g.set('.z.K', { t: -T.Float, v: 4.1 });
  g.set('.z.k', { t: -T.Date, v: 9101 });
  // the version q.k is written for: the same as the interpreter's
  g.set('.Q.k', { t: -T.Float, v: 4.1 });
  g.set('.Q.K', { t: -T.Date, v: 9101 });
  // the platform as kdb+ names its builds: l64 (Linux), m64 (macOS), w64 (Windows); in a page, the
  // browser's host is unknown and w64 stands for it
  const platform = typeof process !== 'undefined' ? process.platform : '';
  g.set('.z.o', sym(platform === 'darwin' ? 'm64' : platform === 'win32' ? 'w64' : platform ? 'l64' : 'w64'));
  g.set('.z.x', { t: T.List, d: [], a: 0 } as Q);
  // the licence: wasq needs none, which kdb+ shows as ()
  g.set('.z.l', { t: T.List, d: [], a: 0 } as Q);
  g.set('.z.f', sym(''));
  g.set('.Q.a', str('abcdefghijklmnopqrstuvwxyz'));
  // the rows .Q.dsftg loads at a time, at most (kdb+'s default: no limit of its own)
  g.set('.Q.M', { t: -T.Long, v: 2n ** 63n - 1n } as Q);
  g.set('.Q.A', str('ABCDEFGHIJKLMNOPQRSTUVWXYZ'));
  g.set('.Q.b6', str('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'));
  g.set('.Q.res', symVec(RES));
  g.set('.Q.n', str('0123456789'));
  g.set('.Q.an', str('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789'));
  g.set('.Q.nA', str('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'));
  g.set('.Q.t', str(' bg xhijefcspmdznuvts'));
  // the clock: .z.p .z.P (timestamp), .z.d .z.D, .z.t .z.T, .z.n .z.N, .z.z .z.Z; upper case is local time
  // local time: \o's offset when set, else the host's
  const nowNs = (local: boolean) => env.host.now() - 946684800000000000n + (local ? BigInt(env.utcOffset ?? env.host.tzOffsetMinutes()) * 60000000000n : 0n);
  const DAY = 86400000000000n;
  const tod = (ns: bigint) => ((ns % DAY) + DAY) % DAY;
  for (const local of [false, true]) {
    const c = (ch: string) => '.z.' + (local ? ch.toUpperCase() : ch);
    env.computed.set(c('p'), () => ({ t: -T.Timestamp, v: nowNs(local) }));
    // one reading of the clock per value: two readings can straddle a tick and give the previous day
    env.computed.set(c('d'), () => { const ns = nowNs(local); return { t: -T.Date, v: Number((ns - tod(ns)) / DAY) }; });
    env.computed.set(c('t'), () => ({ t: -T.Time, v: Number(tod(nowNs(local)) / 1000000n) }));
    env.computed.set(c('n'), () => ({ t: -T.Timespan, v: tod(nowNs(local)) }));
    env.computed.set(c('z'), () => ({ t: -T.Datetime, v: Number(nowNs(local) / 1000000n) / 86400000 }));
  }
  // q-defined members, written in q as kdb+ defines them in q.k
  for (const [name, src] of Object.entries(Q_LAMBDAS)) g.set(name, s.value(src).v);
  // the .h namespace and kdb+'s default .z.ph
  installWeb(s);
}
export { long, str, isNil };
export type { Atom };

/** .Q members kdb+ writes in q itself; the definitions here are wasq's own. */
const Q_LAMBDAS: Record<string, string> = {
  '.Q.addmonths': '{("d"$(`month$x)+y)+x-"d"$`month$x}',
  '.Q.w': '{`used`heap`peak`wmax`mmap`mphy`syms`symw!(system"w"),system"w 0"}',
  // y's columns that x lacks, added to x as nulls of their types
  '.Q.ff': "{c:cols[y] except cols x;$[count c;x,'(c#y)(count x)#0N;x]}",
  // x applied to the distinct items of y only
  '.Q.fu': '{$[0>type y;x y;(x u)(u:distinct y)?y]}',
  // x over y cut in as many pieces as secondary processes (-s -N), through peach; without them, x y
  '.Q.fc': '{n:abs system"s";$[(n>1)&1<count y;raze x peach (ceiling count[y]%n) cut y;x y]}',
  // x applied to a keyed table unkeyed, keyed again by as many columns
  '.Q.ft': '{$[99h=type y;(count keys y)!x 0!y;x y]}',
  '.Q.dd': '{` sv x,`$string y}',
  '.Q.v': '{$[-11h<>type x;x;":"=first string x;get x;value x]}',
  '.Q.qt': '{$[98h=type x;1b;99h=type x;98h=type key x;0b]}',
  '.Q.ty': '{$[0h<t:type x;.Q.t t;(0h=t)&0<count x;$[all 0h<u:type each x;$[all u=first u;upper .Q.t first u;" "];" "];" "]}',
  // -name values… on a command line as a dictionary of lists of strings (first o`name is its one
  // value); what comes before the first name is .Q.x; a value may be a negative number (-n -1)
  '.Q.opt': '{i:where x like "-[^0-9]*";.Q.x::(first i,count x)#x;p:i _ x;(`$1_\'first each p)!1_\'p}',
  // defaults for the parameters .Q.opt read, each one given read as its default's type (an atom: the first)
  '.Q.def': '{k:key[y] inter key x;x,k!{first(upper .Q.t abs type x)$y}\'[x k;y k]}',
  // ref/dotq: x is applied to each run of complete lines read in chunks of about z bytes; the result is
  // the file's size. A line longer than a chunk is read whole. Lines end in LF or CRLF, as read0 reads
  // them (` vs): a Windows file's lines lose their \r
  '.Q.fsn': '{[f;s;n]c:hcount s;o:0;while[o<c;b:"c"$read1(s;o;n);k:count b;if[(o+k)<c;k:1+last where b="\\n";if[null k;b:"c"$read1(s;o;c-o);k:1+first where b="\\n";if[null k;k:count b]]];l:` vs k#b;f l;o+:k];c}',
  '.Q.fs': '{.Q.fsn[x;y;131000]}',
  // .Q.fs for a named pipe, which cannot seek: read n bytes at a time through a `:fifo:// handle, f given
  // the complete lines of each read (where the host has no such handle, the page: all of it read, then
  // cut into runs of whole lines of about n bytes); the result is the bytes read
  '.Q.fpn': '{[f;s;n]h:@[hopen;`$":fifo://",1_string hsym s;0Ni];if[null h;b:"c"$read1 s;l:` vs b;if[count l;f each (where differ (-1+sums 1+count each l) div n) cut l];:count b];r:.[{[f;h;n]r:"";t:0;while[count b:"c"$read1(h;n);t+:count b;r,:b;if[count i:where r="\\n";f ` vs (1+last i)#r;r:(1+last i)_r]];if[count r;f enlist r];t};(f;h;n);{[h;e]hclose h;\'e}[h]];hclose h;r}',
  '.Q.fps': '{.Q.fpn[x;y;131000]}',
  // wasq maps a partitioned table's columns when a query first reads them and keeps no file handles,
  // so there is nothing for .Q.MAP to keep mapped
  '.Q.MAP': '{}',
  // long identifiers as numbers: base 64 over .Q.b6 in 10 characters, base 36 over .Q.nA in 12
  '.Q.j10': '{64 sv .Q.b6?x}',
  '.Q.x10': '{.Q.b6 (10#64) vs x}',
  '.Q.j12': '{36 sv .Q.nA?x}',
  '.Q.x12': '{.Q.nA (12#36) vs x}',
  // a table as a dictionary of its columns
  // (a partitioned table: the last partition's columns, with the partition field's whole range, ref/dotq)
  '.Q.V': '{$[99h=type x;flip[key x],flip value x;1b~.Q.qp x;(enlist[.Q.pf]!enlist .Q.pv),(enlist .Q.pf)_flip ?[x;enlist(=;.Q.pf;last .Q.pv);0b;()];98h=type x;flip x;x]}',
  // the last partition's directory (wp/hdb-analysis: .Q.dd[.Q.d0[];`trade] is `:./2013.05.31/trade)
  '.Q.d0': '{p:string .Q.par[`:.;last .Q.pv;`];`$$["/"=last p;-1_p;p]}',
  // \l of a directory (.Q.lo for the choice of changing directory and running its scripts)
  '.Q.l': '{.Q.lo[x;1b;1b]}',
  // load fixed-width binary records (s: file, offset, length; a length of 0 or less stops that many bytes
  // before the end) .Q.M&1000000 at a time, post-process each chunk with g, append it to the partition
  // every root table saved to partition p of d (.Q.dpft, sorted by f with p#) and emptied, then the HDB at
  // h told to reload with \l . (kb/tick's end of day)
  '.Q.hdpf': '{[h;d;p;f]{@[`.;x;0#]}each .Q.dpft[d;p;f] each tables`.;if[h:@[hopen;h;0];h"\\\\l .";hclose h];}',
  // another process's call stack (Linux, same binary), deprecated nested-file makers, per-handle IPC
  // compression: not built, and said so
  '.Q.prf0': "{'`nyi}", '.Q.Xf': "{'`nyi}", '.Q.Cf': "{'`nyi}", '.Q.ipc': "{'`nyi}",
  '.Q.dsftg': '{[d;s;f;t;g]w:sum t 1;n:$[0<s 2;s 2;(hcount s 0)-(s 1)-s 2] div w;p:`$(string .Q.par . d),"/";m:.Q.M&1000000;i:0;while[i<n;k:m&n-i;p upsert .Q.en[d 0] g flip f!t 1:(s 0;(s 1)+i*w;k*w);i+:k];n}',
};

// HTTP as a kdb+ client speaks it: the raw exchange of `:http://host "request" (kb/http), and .Q.hg and
// .Q.hp, which send kdb+'s own request (Host, Accept-Encoding: gzip, and for a post Content-Type and
// Content-Length; credentials in the URL as Basic; http_proxy and no_proxy as ref/dotq says) and give
// the body, unzipped, whatever the status: the answer to this one request (a redirect is given back, not
// followed). A fetch() would send headers of its own, follow redirects and refuse credentials in the URL.
import { connect, Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

type Done = (a: { bytes: Uint8Array } | { error: string }) => void;

/** kdb+ reports a failed connection with the operating system's words. */
export const OS: Record<string, string> = { ECONNREFUSED: 'Connection refused', ENOENT: 'No such file or directory', ENOTFOUND: 'Name or service not known', EHOSTUNREACH: 'No route to host', ETIMEDOUT: 'Connection timed out', ECONNRESET: 'Connection reset by peer' };
const hopError = (e: NodeJS.ErrnoException) => 'hop. ' + (OS[e.code ?? ''] ? 'OS reports: ' + OS[e.code!] : e.message);

/** A connection to a server: TCP, or with tls (tcps://, wss://, https://) TLS, the server's certificate
 *  checked against SSL_CA_CERT_FILE unless SSL_VERIFY_SERVER=NO (kdb+'s variables). With socket, TLS
 *  over that connection (a proxy's tunnel). */
export function dial(host: string, port: number, tls: boolean, socket?: Socket): Socket {
  return tls ? tlsConnect({
    host, port, socket, servername: /^[\d.:]+$/.test(host) ? undefined : host,
    rejectUnauthorized: process.env.SSL_VERIFY_SERVER !== 'NO',
    ca: process.env.SSL_CA_CERT_FILE ? readFileSync(process.env.SSL_CA_CERT_FILE) : undefined,
  }) : connect({ host, port, noDelay: true });
}

/** Write request on s once it is open, and hand done the whole response: whole when its Content-Length
 *  is in, its last chunk is (the chunks then joined, as kdb+ does), or the server closes. */
function exchange(s: Socket, tls: boolean, request: Uint8Array, done: Done): void {
  // what has come, in a buffer that doubles as it fills, and how far the chunks are read: each byte is
  // copied and scanned a bounded number of times, however many packets a large answer comes in
  let buf = Buffer.alloc(1 << 16), len = 0, over = false, he = -1, at = 0;
  const parts: Buffer[] = [];
  const got = () => buf.subarray(0, len);
  const add = (d: Buffer) => {
    if (len + d.length > buf.length) { const b = Buffer.alloc(Math.max(2 * buf.length, len + d.length)); buf.copy(b, 0, 0, len); buf = b; }
    d.copy(buf, len); len += d.length;
  };
  const finish = (a: Parameters<Done>[0]) => { if (!over) { over = true; s.destroy(); done(a); } };
  const whole = (): Buffer | null => {
    if (he < 0) he = got().indexOf('\r\n\r\n');
    if (he < 0) return null;
    const head = buf.subarray(0, he).toString('latin1'), body = buf.subarray(he + 4, len);
    const cl = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    if (cl) return body.length >= Number(cl[1]) ? buf.subarray(0, he + 4 + Number(cl[1])) : null;
    if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
      // chunks read on an earlier packet are kept (as copies: the buffer may move as it grows)
      for (;;) {
        const le = body.indexOf('\r\n', at);
        if (le < 0) return null;
        const n = parseInt(body.subarray(at, le).toString('latin1'), 16);
        if (!(n >= 0)) return got();
        if (n === 0) return Buffer.concat([Buffer.from(head.replace(/\r\ntransfer-encoding:[^\r]*/i, '') + '\r\n\r\n', 'latin1'), ...parts]);
        if (body.length < le + 2 + n + 2) return null;
        parts.push(Buffer.from(body.subarray(le + 2, le + 2 + n)));
        at = le + 2 + n + 2;
      }
    }
    // no body: a 1xx, 204 or 304 status
    return /^HTTP\/\d\.\d (1\d\d|204|304)/.test(head) ? buf.subarray(0, he + 4) : null;
  };
  s.once(tls ? 'secureConnect' : 'connect', () => s.write(request));
  s.on('data', (d: Buffer) => { add(d); const w = whole(); if (w) finish({ bytes: new Uint8Array(w) }); });
  s.on('end', () => finish({ bytes: new Uint8Array(whole() ?? got()) }));
  s.on('close', () => finish({ bytes: new Uint8Array(whole() ?? got()) }));
  s.on('error', (e: NodeJS.ErrnoException) => finish({ error: hopError(e) }));
}

/** `:http://host:port "request": the request sent as it is; the whole response (chunks joined). */
export function raw(host: string, port: number, tls: boolean, request: Uint8Array, done: Done): void {
  exchange(dial(host, port, tls), tls, request, done);
}

/** The proxy to reach host through, from http_proxy (lower case first, as kdb+ reads them), unless
 *  no_proxy names the host or a domain it is in (or is *). */
function proxyFor(host: string): URL | null {
  const env = process.env, p = env.http_proxy ?? env.HTTP_PROXY;
  if (!p) return null;
  const no = (env.no_proxy ?? env.NO_PROXY ?? '').split(',').map(d => d.trim().toLowerCase().replace(/^\*?\./, '')).filter(Boolean);
  const h = host.toLowerCase();
  if (no.some(d => d === '*' || h === d || h.endsWith('.' + d))) return null;
  try { return new URL(/^\w+:\/\//.test(p) ? p : 'http://' + p); } catch { return null; }
}

/** .Q.hg (body null) and .Q.hp: kdb+'s request for url; the response's body. */
export function request(url: string, body: { type: string; data: Uint8Array } | null, done: Done): void {
  let u: URL;
  try { u = new URL(url); } catch { done({ error: 'hop. ' + url + ': not a URL' }); return; }
  const tls = u.protocol === 'https:', port = Number(u.port) || (tls ? 443 : 80), proxy = proxyFor(u.hostname);
  // through a proxy, the request names the whole URL (HTTP/1.1's absolute form), and an https one goes
  // in a tunnel the proxy opens (CONNECT), which kdb+ does not do (ref/dotq)
  const target = proxy && !tls ? `http://${u.host}${u.pathname}${u.search}` : `${u.pathname}${u.search}`;
  const head = [`${body ? 'POST' : 'GET'} ${target} HTTP/1.1`, `Host: ${u.host}`, 'Accept-Encoding: gzip', 'Connection: close'];
  if (u.username || u.password) head.push('Authorization: Basic ' + Buffer.from(decodeURIComponent(u.username) + ':' + decodeURIComponent(u.password)).toString('base64'));
  if (proxy?.username && !tls) head.push('Proxy-Authorization: Basic ' + Buffer.from(decodeURIComponent(proxy.username) + ':' + decodeURIComponent(proxy.password)).toString('base64'));
  if (body) head.push(`Content-Type: ${body.type}`, `Content-Length: ${body.data.length}`);
  const bytes = Buffer.concat([Buffer.from(head.join('\r\n') + '\r\n\r\n', 'latin1'), body ? Buffer.from(body.data) : Buffer.alloc(0)]);
  const answer: Done = a => done('error' in a ? a : bodyOf(a.bytes));
  if (!proxy) { raw(u.hostname, port, tls, bytes, answer); return; }
  const pport = Number(proxy.port) || 80;
  if (!tls) { raw(proxy.hostname, pport, false, bytes, answer); return; }
  const s = connect({ host: proxy.hostname, port: pport });
  s.once('connect', () => s.write(`CONNECT ${u.hostname}:${port} HTTP/1.1\r\nHost: ${u.hostname}:${port}\r\n\r\n`));
  let said = Buffer.alloc(0);
  const fail = (e: NodeJS.ErrnoException) => { s.destroy(); done({ error: hopError(e) }); };
  s.on('error', fail);
  const onData = (d: Buffer) => {
    said = Buffer.concat([said, d]);
    const end = said.indexOf('\r\n\r\n');
    if (end < 0) return;
    s.off('data', onData); s.off('error', fail);
    const status = /^HTTP\/\d\.\d (\d+)/.exec(said.subarray(0, end).toString('latin1'));
    if (!status || status[1] !== '200') { s.destroy(); done({ error: `hop. proxy ${proxy.host}: ${status ? status[1] : 'no answer'}` }); return; }
    exchange(dial(u.hostname, port, true, s), true, bytes, answer);
  };
  s.on('data', onData);
}

/** The body of a response: after its head, gunzipped when it says it is gzipped. */
function bodyOf(r: Uint8Array): { bytes: Uint8Array } | { error: string } {
  const b = Buffer.from(r.buffer, r.byteOffset, r.length), he = b.indexOf('\r\n\r\n');
  if (he < 0) return { bytes: r };
  const head = b.subarray(0, he).toString('latin1'), body = r.subarray(he + 4);
  if (!/\r\ncontent-encoding:\s*gzip/i.test(head)) return { bytes: body };
  try { return { bytes: new Uint8Array(gunzipSync(body)) }; } catch { return { error: 'hop. the answer is not the gzip it says it is' }; }
}

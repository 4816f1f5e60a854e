// The .h and .j namespaces and the HTTP dispatch, through a session and without sockets: values from the
// kdb+ reference pages (ref/doth.md, ref/dotj.md) and the default .z.ph's branches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeSession } from '../q.js';
import { httpRespond, HttpRequest } from '../../q/eval/handlers.js';

const { session, q } = makeSession();
// long strings whole, not cut at the console's 80 columns
q('\\c 25 2000');
const caller = { w: 9, a: 2130706433, u: 'tester' };
const http = (target: string, method = 'GET', body = ''): string =>
  new TextDecoder().decode(httpRespond(session, { method, target, headers: [['Host', 'x']], body: new TextEncoder().encode(body) } as HttpRequest, caller));

test('.h markup members as the reference shows them', () => {
  assert.equal(q('.h.htc[`tag;"value"]'), '"<tag>value</tag>"');
  assert.equal(q('.h.ha["http://www.example.com";"Example"]'), '"<a href=\\"http://www.example.com\\">Example</a>"');
  assert.equal(q('.h.hb["x.htm";"X"]'), '"<a target=v href=\\"x.htm\\">X</a>"');
  assert.equal(q('.h.hc "<foo>"'), '"&lt;foo>"');
  assert.equal(q('.h.xs "Arthur & Co."'), '"Arthur &amp; Co."');
  assert.equal(q('.h.hu "http://www.kx.com"'), '"http%3a%2f%2fwww.kx.com"');
  assert.equal(q('.h.uh "http%3a%2f%2fwww.kx.com"'), '"http://www.kx.com"');
  assert.equal(q('.h.pre("foo";"bar")'), '"<pre>foo\\nbar\\n</pre>"');
  assert.equal(q('.h.iso8601 100'), '"2000-01-01T00:00:00.000000100"');
  assert.equal(q('.h.http "see http://a.b/c now"'), '"see <a href=\\"http://a.b/c\\">http://a.b/c</a> now"');
  assert.equal(q('.h.fram["Five rows";("12 10 11 90 73 90 43 90 84 63";"x");("tmpl.htm";"tmp.txt")]'),
    '"<html><head><title>Five rows</title><frameset cols=\\"316,*\\"><frame src=\\"tmpl.htm\\"><frame name=v src=\\"tmp.txt\\"></frameset></head></html>"');
});

test('.h HTTP responses: .h.hn .h.hy .h.hp .h.he carry kdb+\'s headers and the byte length', () => {
  assert.equal(q('.h.hn["404";`txt;"Not found: favicon.ico"]'), '"HTTP/1.1 404\\r\\nContent-Type: text/plain\\r\\nConnection: close\\r\\nContent-Length: 22\\r\\n\\r\\nNot found: favicon.ico"');
  assert.equal(q('.h.hy[`json;"[1]"]'), '"HTTP/1.1 200 OK\\r\\nContent-Type: application/json\\r\\nConnection: close\\r\\nContent-Length: 3\\r\\n\\r\\n[1]"');
  assert.match(q('.h.hn["200";`nosuch;"x"]'), /application\/octet-stream/);
  assert.equal(q('-1 .h.hp enlist"a<b";'), 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\nContent-Length: 111\r\n\r\n<html><head><style>body{font:10pt verdana;text-align:justify}</style></head><body><pre>a<b\n</pre></body></html>\n');
  assert.match(q('.h.he "<rubbish>"'), /^"HTTP\/1.1 400 Bad Request\\r\\nContent-Type: text\/plain\\r\\nConnection: close\\r\\nContent-Length: 13\\r\\n\\r\\n'&lt;rubbish>"$/);
  // Content-Length counts bytes, not characters
  assert.match(q('.h.hy[`txt;"é"]'), /Content-Length: 2\\r/);
});

test('.h.cd .h.td .h.xd (data to text) and .h.jx (the web console\'s pages)', () => {
  assert.equal(q('.h.cd ([]a:1 2 3;b:`x`y`z)'), '"a,b"\n"1,x"\n"2,y"\n"3,z"');
  q('t:([a:til 3]b:3 3#"abc";c:3 3#1 2 3)');
  assert.equal(q('.h.cd t'), '"a,b,c"\n"0,abc,1 2 3"\n"1,abc,1 2 3"\n"2,abc,1 2 3"');
  q('.h.d:"*"');
  assert.equal(q('.h.cd t'), '"a,b,c"\n"0,abc,1*2*3"\n"1,abc,1*2*3"\n"2,abc,1*2*3"');
  q('.h.d:" "');
  assert.equal(q('.h.td ([]a:1 2 3;b:`x`y`z)'), '"a\\tb"\n"1\\tx"\n"2\\ty"\n"3\\tz"');
  assert.equal(q('.h.xd ([]a:1 2 3;b:`x`y`z)'), '"<R>"\n"<r><a>1</a><b>x</b></r>"\n"<r><a>2</a><b>y</b></r>"\n"<r><a>3</a><b>z</b></r>"\n"</R>"');
  q('a:([] a:100*til 1000;b:1000#0;c:1000#1)');
  assert.equal(q('{(where x="<")_x}first .h.jx[0;`a]'), '"<a href=\\"?[0\\">home"\n"</a> "\n"<a href=\\"?[0\\">up"\n"</a> "\n"<a href=\\"?[32\\">down"\n"</a> "\n"<a href=\\"?[968\\">end"\n"</a> 1000[0]"');
  assert.equal(q('3#1_.h.jx[5;`a]'), '""\n"a    b c"\n"--------"');
  assert.equal(q('.h.jx[5;`a] 4'), '"500  0 1"');
  assert.equal(q('.h.jx[0;"til 3"]'), '"0 1 2"');
});

test('.j.j and .j.k as the reference shows them; .j.jd maps infinities to null', () => {
  assert.equal(q('.j.j `a`b!(0 1;("hello";"world"))'), '"{\\"a\\":[0,1],\\"b\\":[\\"hello\\",\\"world\\"]}"');
  assert.equal(q('.j.j ([]a:1 2;b:`Greetings`Earthlings)'), '"[{\\"a\\":1,\\"b\\":\\"Greetings\\"},{\\"a\\":2,\\"b\\":\\"Earthlings\\"}]"');
  assert.equal(q('.j.j -0w 1 2 0w'), '"[-inf,1,2,inf]"');
  assert.equal(q('.j.jd(-0w 1 2 0w;`null0w!1b)'), '"[null,1,2,null]"');
  assert.equal(q('.j.jd(-0w 1 2 0w;()!())'), '"[-inf,1,2,inf]"');
  assert.equal(q('.j.j (1b;0N;0n;3.14159265358979;2020.01.02;2020.01m;2020.01.02D03:04:05.000000006;12:00;"c";`s;::)'),
    '"[true,null,null,3.141593,\\"2020-01-02\\",\\"2020-01\\",\\"2020-01-02T03:04:05.000000006\\",\\"12:00\\",\\"c\\",\\"s\\",null]"');
  assert.equal(q('.j.k "{\\"a\\":[0,1],\\"b\\":[\\"hello\\",\\"world\\"]}"'), 'a| 0       1      \nb| "hello" "world"');
  assert.equal(q('.j.k "[{\\"a\\":1,\\"b\\":\\"Greetings\\"},{\\"a\\":2,\\"b\\":\\"Earthlings\\"}]"'), 'a b           \n--------------\n1 "Greetings" \n2 "Earthlings"');
  assert.equal(q('.j.k "{\\"code\\":3,\\"message\\":\\"auth\\"}"'), 'code   | 3f\nmessage| "auth"');
  assert.equal(q('.j.k "{bad"'), "'badjson");
});

test('HTTP dispatch: the default .z.ph branches, .z.pp gets path and body, errors are .h.he', () => {
  q('tt:([]x:til 50);v1:42');
  assert.match(http(''), /^HTTP\/1.1 200 OK\r\nContent-Type: text\/html\r\n.*<frameset cols="\d+,\*"><frame src="\?"><frame name=v src="\?a">/s);
  assert.match(http('?'), /<pre><a target=v href="\?a">a<\/a>\n.*<a target=v href="\?tt">tt<\/a>\n<a target=v href="\?v1">v1<\/a>\n<\/pre>/s);
  assert.match(http('?v1%2B1'), /<pre>43\n<\/pre>/);
  assert.match(http('?tt'), /<pre><a href="\?\[0">home<\/a> <a href="\?\[0">up<\/a> <a href="\?\[18">down<\/a> <a href="\?\[18">end<\/a> 50\[0\]\n\nx \n--\n0 \n/);
  assert.match(http('?[18'), /50\[18\]\n\nx \n--\n18\n/);
  assert.match(http('?1%2B%60a'), /^HTTP\/1.1 400 Bad Request\r\n[\s\S]*\r\n\r\n'type$/);
  assert.match(http('t.csv?tt'), /Content-Type: text\/comma-separated-values[\s\S]*\r\n\r\nx\n0\n1\n/);
  assert.match(http('no_such.html'), /^HTTP\/1.1 404 Not Found[\s\S]*html\/no_such.html: not found$/);
  assert.match(http('x', 'POST', 'b'), /^HTTP\/1.1 501/);
  q('.z.pp:{.h.hy[`txt;.Q.s1 x 0]}');
  assert.match(http('path?q=1', 'POST', 'a=1&b=2'), /\r\n\r\n"path\?q=1 a=1&b=2"$/);
  q('.z.ph:{.h.hy[`txt;(string .z.u),":",(x 1)`Host]}');
  assert.match(http('anything'), /\r\n\r\ntester:x$/);
  q('.z.ph:{1+`a}');
  assert.match(http('anything'), /^HTTP\/1.1 400 Bad Request[\s\S]*'type$/);
  q('\\x .z.ph');
  assert.match(http('?v1'), /<pre>42\n<\/pre>/, 'without .z.ph the default answers');
});

test('handle 0 runs through .z.ps when it is defined', () => {
  assert.equal(q('0 "2+2"'), '4');
  assert.equal(q('0 (+;2;3)'), '5');
  q('.z.ps:{[x]0N!(`zps;x);value x}');
  assert.equal(q('0 "2+2"'), '(`zps;"2+2")\n4');
  q('\\x .z.ps');
});

test('.j.j and .j.jd of many numbers write what they write for each number, joined', () => {
  const { q } = makeSession();
  q('o:(enlist`null0w)!enlist 1b');
  const vectors = ['300#1 0N 0W -0W 2 -5 9007199254740993 -9007199254740993 123456789012345678', '300#1 0N 0W -0W 2 -5i', '`short$300#1 0N 0W -0W 2 -5',
    '300#1 0n 0w -0w 2.5 -0f 1e300 1e-300 0.1 123456789.5', '(300?1000)%7', '-5+300?10'];
  for (const P of [7, 3, 0]) {
    q(`\\P ${P}`);
    for (const v of vectors) {
      q(`v:${v}`);
      assert.equal(q('(.j.j v)~"[",("," sv .j.j each v),"]"'), '1b', `.j.j ${v} at \\P ${P}`);
      assert.equal(q('(.j.jd (v;o))~"[",("," sv {.j.jd (x;o)} each v),"]"'), '1b', `.j.jd ${v} at \\P ${P}`);
    }
  }
  q('\\P 7');
  assert.equal(q('-17#.j.j 300#1 0n 0w -0w'), '",1,null,inf,-inf]"');
  assert.equal(q('-18#.j.jd (300#1 0n 0w -0w;o)'), '",1,null,null,null]"');
});

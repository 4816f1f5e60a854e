// Assignment at a vector of positions (x[i]:y, @[x;i;:;y], .[x;(i;j);:;y]) moves y's items straight into
// the copy of x when they are of x's type (amend.ts: atMany), 8-byte items and long positions as 32-bit
// halves. Checked against the same assignment made one position at a time, over (for each type) random
// positions with repeats, a vector y and an atom y, and against the errors of a position out of range.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../../server/kernels.js';
import { makeSession } from '../q.js';

test('assignment at many positions agrees with assignment one position at a time', () => {
  const { q } = makeSession();
  // one at a time: a fold over (position;item) pairs, each an amend at an atom position
  q('one:{[x;i;y] {@[x;y 0;:;y 1]}/[x;flip(i;$[0>type y;(count i)#y;y])]}');
  const values: Record<string, string> = {
    long: '0N 0W -0W 0 1 -1 4294967296 -4294967297 2147483648 123456789012',
    float: '0n 0w -0w 0 -0.5 1e300 3.25',
    timestamp: '0Np 2000.01.01D 1999.12.31D23:59:59.999999999 2024.02.29D12:00',
    int: '0Ni 0Wi 1 -1 65536i', date: '0Nd 2000.01.01 1970.01.01', short: '0Nh 1 -1 32767h', byte: '0x00ff7f',
    real: '0Ne 1.5 -2e', bool: '010b', char: '"ab c"', symbol: '`a`bb``ccc', guid: '2?0Ng',
  };
  for (const [name, v] of Object.entries(values)) {
    q(`V:${v}`);
    for (let seed = 1; seed <= 4; seed++) {
      q(`\\S ${seed}`);
      // (positions repeat: the later item stays, as one at a time leaves it; long, int and short positions)
      q(`x:V@20?count V; i:30?20; y:V@30?count V; a:first V@1?count V`);
      for (const it of ['i', '`int$i', '`short$i']) {
        assert.equal(q(`@[x;${it};:;y]~one[x;${it};y]`), '1b', `${name}: @[x;${it};:;y]`);
        assert.equal(q(`@[x;${it};:;a]~one[x;${it};a]`), '1b', `${name}: @[x;${it};:;atom]`);
        assert.equal(q(`{[x;i;y] x[i]:y; x}[x;${it};y]~one[x;${it};y]`), '1b', `${name}: x[${it}]:y`);
      }
    }
  }
  // rows of a matrix, as the 2021 day 15 grid walk amends them
  q('\\S 5');
  q('g:5 5#25?100; s:1 2 3; m:3 3#9?1000');
  assert.equal(q('.[g;(s;s);:;m]~{[g;k] .[g;(s k;s);:;m k]}/[g;til 3]'), '1b');
  assert.equal(q('{[g] g[s;s]:m; g}[g]~.[g;(s;s);:;m]'), '1b');
  // a position out of range is 'length, and the vector is left as it was
  q('w:1 2 3');
  assert.match(q('w[0 3]:4 5'), /^'length/);
  assert.match(q('w[0 -1]:4 5'), /^'length/);
  assert.match(q('w[0 4294967296]:4 5'), /^'length/);
  assert.equal(q('w'), '1 2 3');
  // an item of another type is not moved as it is
  assert.match(q('w[0 1]:1.5 2.5'), /^'type/);
  assert.equal(q('w'), '1 2 3');
});

test('a dictionary keyed by strings grown key by key, looked up by name between, agrees with one made whole', () => {
  const { q } = makeSession();
  // (a cache keyed by -8! of arguments, as adotsch's memoized AoC 2023 day 12: a lookup by name, `c k,
  // leaves the dictionary its variable's own, and the next new key is pushed onto keys and values)
  q('c:(`g#enlist 0#0x0)!enlist {value}');
  q('kk:{-8!x} each til 300; vv:300?1000');
  q('{[k;v] if[not (::)~`c k; :0]; @[`c;k;:;v]; `c k}\'[kk;vv]');
  assert.equal(q('c~(`g#enlist[0#0x0],kk)!enlist[{value}],vv'), '1b');
  assert.equal(q('(`c kk)~vv'), '1b');
  // every key found again, the early ones and the last, and a key not there is the values' null
  assert.equal(q('all (c kk)=vv'), '1b');
  assert.equal(q('(::)~c -8!`nokey'), '1b');
  // strings as keys, a key given again replacing its value
  q('s:(enlist "aa")!enlist 1');
  q('{s[x]:y; `s x}\'[("bb";"cc";"bb";"ddd");2 3 4 5]');
  assert.equal(q('s~("aa";"bb";"cc";"ddd")!1 4 3 5'), '1b');
  // keyed by pairs, with a vector of values (which grow into room behind them) or a general list
  q('g:(enlist 0 0)!enlist 0; p:{(x mod 17;1+x div 17)} each til 300');
  q('{if[null g p x; g[p x]:x]; g p x}\'[til 300]');
  assert.equal(q('g~(enlist[0 0],p)!0,til 300'), '1b');
  assert.equal(q('(g p 299;g 3 4;type value g)'), '299\n54\n7h');
  // (an item of another type, just after a change that left g its variable's own)
  assert.match(q('g[98 98]:5; g[99 99]:1.5'), /^'type/);
  assert.equal(q('(count g;g 98 98)'), '302 5');
  // d[k],:x and d[k]+:x at keys d lacks, pushed where d stands (the new value made as the whole amend
  // makes it: the op's identity, or the values' null, then the op)
  q('a:(enlist "")!enlist (); {a[string x mod 7],:x} each til 50');
  assert.equal(q('a~(enlist[""],string til 7)!enlist[()],value group (til 50) mod 7'), '1b');
  q('b:(`long$())!(); {b[x mod 7],:x} each til 50');
  assert.equal(q('b~(til 7)!value group (til 50) mod 7'), '1b');
  q('w:(enlist "")!enlist 0; {w[x]+:1} each ("ab";"cd";"ab";"ef";"ab")');
  assert.equal(q('w~("";"ab";"cd";"ef")!0 3 1 1'), '1b');
  q('g2:(enlist 0 0)!enlist 0; {g2[(x mod 3;0)]+:x} each til 10');
  assert.equal(q('g2~(0 0;1 0;2 0)!18 12 15'), '1b');
  assert.equal(q('{a[x],:y}["zz";1 2]'), '1 2');
  // (a key seen once: its value the op's start joined to x, or taken from; not x itself)
  q('b1:(enlist 0)!enlist (); {b1[x],:x} each 1+til 5; s1:(enlist "")!enlist (); {s1[string x],:x} each til 5');
  assert.equal(q('(b1~(til 6)!enlist[()],enlist each 1+til 5;s1~(enlist[""],string til 5)!enlist[()],enlist each til 5)'), '11b');
  q('n1:(enlist "a")!enlist 0; {n1[x]-:3} each ("b";"c"); p1:(enlist 0 0)!enlist 0; {p1[(x;x)]-:x} each 1 2');
  assert.equal(q('(n1~("a";"b";"c")!0 -3 -3;p1~(0 0;1 1;2 2)!0 -1 -2)'), '11b');
  assert.match(q('w["ab"]+:1; w["zz"]+:1.5'), /^'type/);
  assert.equal(q('(count w;w "ab")'), '4 4');
  // a dictionary of dictionaries amended at two keys, d[a;b]:v, changes the inner one where the outer
  // stands while some other inner one has other keys; when the change makes them all alike, the values
  // become a table, as the whole amend makes them
  q('dd:(`long$())!(); {dd[x]:(enlist x)!enlist 0} each til 300; {dd[x;x+1]:x} each til 300; {dd[x;x]+:1} each til 300');
  assert.equal(q('dd~(til 300)!{(x,x+1)!1,x} each til 300'), '1b');
  assert.equal(q('{[n] k:0 1!(`a`b!1 2;(enlist `a)!enlist 3); k[0;`a]:5; k[1;`b]:4; (type value k;k 1)}[0]'), '98h\n`a`b!3 4');
  // rows at keys a keyed table lacks, kt[k]:v, its general columns pushed onto where it stands
  q('kt:([k:`long$()] s:();n:`long$()); {kt[x]:(string x;2*x)} each til 300; {kt[x+1000]:(enlist "z";x)} each til 3');
  assert.equal(q('kt~([k:(til 300),1000 1001 1002] s:(string til 300),3#enlist enlist "z";n:(2*til 300),0 1 2)'), '1b');
  q('kv:kt; kt[5000]:("new";7); kt[0]:("old";8)');
  assert.equal(q('(count kv;kv 0;count kt;kt 5000;kt 0)'), '303\n`s`n!(,"0";0)\n304\n`s`n!("new";7)\n`s`n!("old";8)');
  // (an item of another type than its column's: the whole amend, which makes the column general)
  q('kt[6000]:("x";7); kt[6001]:("y";1.5)');
  assert.equal(q('(count kt;kt[6000;`s];kt[6001;`n];type kt[;`n] 6000 6001)'), '306\n"x"\n1.5\n0h');
  // (two general columns, each taking its own item)
  q('k2:([k:`long$()] s:();t:()); {k2[x]:(string x;x#"ab")} each til 50');
  assert.equal(q('k2~([k:til 50] s:string til 50;t:(til 50)#\\:"ab")'), '1b');
  // another variable holding the dictionary sees none of its later changes, new keys or old
  q('u:(enlist 0 0)!enlist 0; w:u; u[1 1]:5; w2:u; u[0 0]:7; u[2 2]:6; u[1 1]:9');
  assert.equal(q('(w;w2;u)~((enlist 0 0)!enlist 0;(0 0;1 1)!0 5;(0 0;1 1;2 2)!7 9 6)'), '1b');
  // a lookup that gives more than an atom reads the dictionary whole: a later change in place to what it
  // gave must not reach it
  q('d:(enlist "a")!enlist 1 2 3; d["b"]:4 5 6; d["b";0]:99; x:`d "b"; d["b";1]:77; d["c"]:7 8 9');
  assert.equal(q('x'), '99 5 6');
  assert.equal(q('d "b"'), '99 77 6');
  q('e:(enlist "a")!enlist 1; e["b"]:2; y:`e "b"; e["b"]:3');
  assert.equal(q('(y;e "b")'), '2 3');
  // the same looked up by the variable itself, e k and e[k], a global's and a lambda's local
  q('h:(enlist "aa")!enlist 1 2 3; h["bb"]:4 5 6; h["bb";0]:99; z:h "bb"; h["bb";1]:77; w:h["bb";2]; h["bb";2]:55');
  assert.equal(q('(z;w;h "bb")'), '99 5 6\n6\n99 77 55');
  assert.equal(q('{[n] c:(enlist "")!enlist 0N; i:0; while[i<n; k:string i mod 37; if[null c k; c[k]:i]; i+:1]; c}[100]'),
    q('(enlist[""],string til 37)!0N,til 37'));
  assert.equal(q('{[n] c:(enlist "")!enlist 0 1; c["a"]:2 3; c["a";0]:9; r:c "a"; c["a";1]:8; (r;c "a")}[0]'), '9 3\n9 8');
  assert.equal(q('{[n] d:`a`b!(1 2;3 4); d[`c]:5 6; d[`c;0]:9; r:d `c; d[`c;1]:8; (r;d `c)}[0]'), '9 6\n9 8');
});

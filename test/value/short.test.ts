// Short vectors of longs (under the wasm loops' 2,048 items), worked in 32-bit halves or keyed by numbers
// rather than a BigInt per item: + - * div mod & | and the comparisons (arith.ts: directJ; compare.ts:
// pickJ, cmpJ) against the same op item by item (+' works on atoms) and against the wasm loop (the same
// items repeated past its threshold), with nulls, infinities, wrapping, products past 2^53, division by 0
// and one side an atom; sums (agg.ts) and where of short booleans; and ? in except (find.ts: longFind)
// against a search item by item.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../../server/kernels.js';
import { makeSession } from '../q.js';

test('+ - * & | and comparisons of short long, int and float vectors agree with the op item by item and with the wasm loop', () => {
  const { q } = makeSession();
  // (longs: small, near 2^26 where a product leaves a double, near 2^32 where the halves carry, near
  // 2^62, and the nulls and infinities; ints and floats likewise)
  q('L:0N 0W -0W 0 1 -1 67108863 -67108863 67108864 201326593 -134217729 4294967295 4294967296 -4294967296 2147483648 4611686018427387904 -4611686018427387904 123456789012');
  q('I:0Ni 0Wi -0Wi 0 1 -1 65535 65536 -65536 2147483 1073741824i');
  q('F:0n 0w -0w 0 1 -1 0.5 1e300 -1e300 3.25 1e-300');
  q('r:{[v;n] v@n?count v}');
  for (let seed = 0; seed < 6; seed++) {
    q(`\\S ${seed + 1}`);
    for (const [v, n] of [['L', 300], ['I', 300], ['F', 300]] as const) {
      q(`a:r[${v};${n}]; b:r[${v};${n}]; s:first r[${v};1]`);
      for (const op of ['+', '-', '*', ' div ', ' mod ', '&', '|', '=', '<>', '<', '>', '<=', '>=']) {
        for (const [x, y] of [['a', 'b'], ['a', 's'], ['s', 'b']]) {
          const e = `${x}${op}${y}`;
          assert.equal(q(`(${e})~${x} ${op.trim()}' ${y}`), '1b', `${v}: ${e} item by item`);
          // (3000 items take the wasm loop; the first 300 are a and b again)
          const big = (z: string) => z === 's' ? 's' : `3000#${z}`;
          assert.equal(q(`(${e})~${n}#(${big(x)})${op}${big(y)}`), '1b', `${v}: ${e} as the wasm loop`);
        }
      }
    }
  }
  // & and | of longs all within ±2^53 take Math.min and Math.max of doubles (pickJ): the bounds, both
  // sides of 2^32, and (as a vector and as an atom) one long past 2^53 that sends them back to the halves
  q('E:-9007199254740992 9007199254740991 -4294967297 -4294967296 -1 0 1 4294967295 4294967296 8589934593 -8589934593 1000');
  for (let seed = 0; seed < 4; seed++) {
    q(`\\S ${seed + 1}`);
    q('a:r[E;300]; b:r[E;300]; c:@[b;7;:;9007199254740993]');
    for (const e of ['a&b', 'a|b', 'b&a', 'b|a', 'a&c', 'a|c', 'a&9007199254740993', 'a|-9007199254740993']) {
      const [x, op, y] = e.split(/([&|])/);
      assert.equal(q(`(${e})~${x}${op}'${y}`), '1b', `${e} item by item`);
    }
  }
  // sums of short longs, as the running + item by item ({x+y}\ skips no null: nulls are first made 0)
  for (let seed = 0; seed < 5; seed++) assert.equal(q(`(sums a)~{x+y}\\[0^a:${50 + 40 * seed}?L]`), '1b');
  assert.equal(q('sums 0N 1 0N 0W 1 -2'), '0 1 1 0N -0W 0W');
  // where of a short boolean vector, as the positions picked one by one
  for (let seed = 0; seed < 5; seed++) assert.equal(q(`(where b)~raze {$[y;enlist x;()]}'[til count b;b:${50 + 40 * seed}?0b]`), '1b');
  assert.equal(q('where 0#0b'), '`long$()');
  assert.equal(q('0W 4294967295 -4294967296 67108864+1 1 -1 67108864'), '0N 4294967296 -4294967297 134217728');
  assert.equal(q('4611686018427387904 67108864 3 -67108865*2 67108864 5 67108865'), '0N 4503599627370496 15 -4503599761588225');
});

test('? in except of short long and timestamp vectors agree with a search item by item, nulls and longs past 2^53 too', () => {
  const { q } = makeSession();
  q('L:0N 0W -0W 0 1 -1 9007199254740992 9007199254740993 -9007199254740993 4294967296 4294967295 123');
  q('r:{[v;n] v@n?count v}; t:.z.p');
  for (let seed = 0; seed < 6; seed++) {
    q(`\\S ${seed + 1}`);
    q('a:r[L;40]; b:r[L;200]; ta:t+a mod 1000; tb:t+b mod 1000');
    assert.equal(q('(a?b)~{$[any w:x=y;first where w;count x]}[a] each b'), '1b');
    assert.equal(q('(b in a)~{any x=y}[a] each b'), '1b');
    assert.equal(q('(b except a)~b where not {any x=y}[a] each b'), '1b');
    assert.equal(q('(tb in ta)~{any x=y}[ta] each tb'), '1b');
  }
});

test('? in except of a few items (a scan of x each, find.ts: scan) agree with the hash of many and with a search item by item, for every vector type', () => {
  const { q } = makeSession();
  const values: Record<string, string> = {
    long: '0N 0W -0W 0 1 -1 9007199254740993 -9007199254740993 4294967296 4294967295',
    int: '0Ni 0Wi -0Wi 0 1 -1 65536i', short: '0Nh 0Wh 0 1 -1h', float: '0n 0w -0w 0 -0.0 0.1 1e300',
    real: '0Ne 0we 0 -0e 1.5e', char: '" ab\\000"', byte: '0x00017fff', bool: '01b', symbol: '`a`bb``ccc',
    timestamp: '0Np 2000.01.01D 2024.02.29D12:00', date: '0Nd 2000.01.01 1970.01.01', enum: '`sym$`x`y`z',
  };
  q('sym:`x`y`z');
  for (const [name, v] of Object.entries(values)) {
    q(`V:${v}`);
    for (let seed = 1; seed <= 3; seed++) {
      q(`\\S ${seed}`);
      q('x:V@30?count V');
      for (let m = 1; m <= 9; m++) {
        q(`y:V@${m}?count V`);
        // (y,200#y: as many sought as make the hash; x?/:y: each item an atom, as find1 seeks it)
        assert.equal(q('(x?y)~(count y)#x?y,200#y'), '1b', `${name}: x?y of ${m}`);
        assert.equal(q('(x?y)~x?/:y'), '1b', `${name}: x?y of ${m}, item by item`);
        assert.equal(q('(y in x)~(count y)#(y,200#y) in x'), '1b', `${name}: y in x of ${m}`);
        assert.equal(q('(y except x)~y where (count x)=x?/:y'), '1b', `${name}: y except x of ${m}`);
        // and x sought a few at a time in a few (x drawn from the first items of V only)
        assert.equal(q('(y?x)~y?/:x'), '1b', `${name}: y?x of ${m}`);
      }
    }
  }
});

test('int and short vectors against a long atom or long bounds (compare.ts: narrowTo, heldBy, scalarKey) agree with the same vectors made long, at the edges of their types', () => {
  const { q } = makeSession();
  const vals: Record<string, [string, string[]]> = {
    int: ['0Ni 0Wi -0Wi 0 1 -1 2147483646i -2147483646i 7i', ['0', '7', '-1', '2147483647', '-2147483647', '2147483646', '2147483648', '-2147483648', '0N', '0W', '-0W']],
    short: ['0Nh 0Wh -0Wh 0 1 -1 32766 -32766 7h', ['0', '7', '-1', '32767', '-32767', '32766', '32768', '-32768', '0N', '0W', '-0W']],
  };
  for (const [name, [v, atoms]] of Object.entries(vals)) {
    q(`V:${v}`);
    // (a few items and many, past the wasm loops' threshold)
    for (const n of [9, 40, 5000]) {
      q(`\\S ${n}`);
      q(`x:V@${n}?count V; l:\`long$x`);
      for (const a of atoms) {
        for (const op of ['=', '<>', '<', '>', '<=', '>=']) {
          assert.equal(q(`(x${op}${a})~l${op}${a}`), '1b', `${name} ${n}: x${op}${a}`);
          assert.equal(q(`(${a}${op}x)~${a}${op}l`), '1b', `${name} ${n}: ${a}${op}x`);
          // and as a where clause, which the selection answers with the comparison fused (sql.ts: selectRows)
          assert.equal(q(`(select from ([]x) where x${op}${a})~([]x) where l${op}${a}`), '1b', `${name} ${n}: where x${op}${a}`);
        }
        for (const b of ['0', '7', '2147483647', '32767', '0W']) assert.equal(q(`(x within ${a},${b})~l within ${a},${b}`), '1b', `${name} ${n}: x within ${a},${b}`);
      }
    }
  }
});

test('within over vectors stored as ints or shorts too short for the kernel (setops.ts: withinKernel) agrees with >= and <= of the bounds, nulls and infinities too', () => {
  const { q } = makeSession();
  const cases: [string, string[]][] = [
    ['0Ni 0Wi -0Wi 0 1 -1 5 7i', ['3 5i', '0N 5i', '-0W 0Wi', '5 3i', '3 5', '0N 0W']],
    ['0Nh 0Wh -0Wh 0 1 -1 5 7h', ['3 5h', '0N 5h', '3 5', '-32767 32767']],
    ['0Nd 2000.01.01 1970.01.01 2024.02.29 0Wd', ['2000.01.01 2024.02.29', '0N 2000.01.01', '0Nd 0Wd']],
    ['0Nm 2000.01 2024.02m', ['2000.01 2010.01m']],
    ['0Nt 12:00:00.000 00:00:00.001 23:59:59.999', ['10:00 12:00', '12:00:00 13:00:00', '00:00:00.001 12:00:00.000']],
    ['0Nu 12:00 00:01 23:59', ['10:00 12:00']], ['0Nv 12:00:00 00:00:01', ['10:00:00 12:00:00']],
  ];
  for (const [v, bounds] of cases) {
    q(`V:${v}`);
    for (let seed = 1; seed <= 3; seed++) {
      q(`\\S ${seed}`);
      q('x:V@40?count V');
      for (const b of bounds) {
        q(`b:${b}`);
        assert.equal(q('(x within b)~(x>=b 0)&x<=b 1'), '1b', `${v}: x within ${b}`);
      }
    }
  }
});

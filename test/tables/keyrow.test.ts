// A keyed table of several key columns indexed by one key (kt (k1;k2)) finds its row by a scan of the
// first key column's items as stored (index.ts: keyRow, nextAt), then compares the rest. Checked against
// Find over the list of key rows (match, item by item), for keys present and absent, first columns of
// every type that takes the scan (longs past 2^53 and nulls among them: a null float finds a null, as
// 0n~0n) and a second column of symbols or of floats with nulls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeSession } from '../q.js';

test('a keyed table of two key columns indexed by one key finds the row Find finds among its key rows', () => {
  const { q } = makeSession();
  const firsts: Record<string, string> = {
    long: '0N 0W -0W 0 1 -1 9007199254740993 -9007199254740993 4294967296 4294967295',
    int: '0Ni 0Wi 0 1 -1 65536i', short: '0Nh 0 1 -1h', float: '0n 0w -0w 0 -0.0 0.1 1e300', real: '0Ne 0we 0 1.5e',
    char: '" ab"', byte: '0x00017fff', bool: '01b', symbol: '`a`bb`ccc`', timestamp: '0Np 2000.01.01D 2024.02.29D12:00',
    date: '0Nd 2000.01.01 1970.01.01', month: '2000.01 2024.02m', time: '0Nt 12:00:00.000 00:00:00.001',
  };
  for (const [name, v] of Object.entries(firsts)) {
    q(`V:${v}`);
    for (let seed = 1; seed <= 3; seed++) {
      q(`\\S ${seed}`);
      for (const B of ['`x`y`z', '0n 1.5 2f']) {
        q(`B:${B}`);
        q('kt:`a`b xkey ([]a:V@60?count V;b:B@60?count B;v:til 60)');
        q('rows:flip value flip key kt');
        // (keys drawn from the same values: most present, some absent; the first of repeated keys is found)
        q('ks:flip (V@30?count V;(B,first 0#B)@30?1+count B)');
        assert.equal(q('({kt x} each ks)~(value kt) rows?ks'), '1b', `${name}, ${B}: kt (a;b)`);
        assert.equal(q('({kt[x]`v} each ks)~(value[kt]`v) rows?ks'), '1b', `${name}, ${B}: kt[(a;b)]\`v`);
      }
    }
  }
});

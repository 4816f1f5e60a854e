// Tables, keyed tables, enumerations, qSQL and joins through the session, and their errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeSession } from '../q.js';

test('qSQL: where narrows clause by clause, by groups and sorts, exec and update', () => {
  const { q } = makeSession();
  q('t:([]a:1 2 3 4;b:`x`y`x`y;c:10 20 30 40.)');
  assert.equal(q('select sum c by b from t'), 'b| c \n-| --\nx| 40\ny| 60');
  assert.equal(q('select from t where a>1, c<40'), 'a b c \n------\n2 y 20\n3 x 30');
  assert.equal(q('exec a from t where b=`y'), '2 4');
  assert.equal(q('update d:a*2 from t where a>2'), 'a b c  d\n--------\n1 x 10  \n2 y 20  \n3 x 30 6\n4 y 40 8');
  assert.equal(q('select count i by b from t'), 'b| x\n-| -\nx| 2\ny| 2');
  assert.equal(q('?[t;enlist(>;`a;2);0b;(enlist`a)!enlist`a]'), 'a\n-\n3\n4');
});

test('enumerations and foreign keys', () => {
  const { q } = makeSession();
  q('s:([name:`a`b`c] v:1 2 3); t:([]k:`s$`a`c`a; x:10 20 30)');
  assert.equal(q('meta t'), 'c| t f a\n-| -----\nk| s s  \nx| j    ');
  assert.equal(q('select k.v from t'), 'v\n-\n1\n3\n1');
  assert.equal(q('`s$`z'), "'cast");
  assert.equal(q('`e?`p`q`p'), '`e$`p`q`p');
});

test('joins, and a join on keys the tables do not share is an error that changes nothing', () => {
  const { q } = makeSession();
  q('t:([]k:`a`b`c; v:1 2 3); kt:([k:`a`c] w:10 30)');
  assert.equal(q('t lj kt'), 'k v w \n------\na 1 10\nb 2   \nc 3 30');
  assert.equal(q('t ij kt'), 'k v w \n------\na 1 10\nc 3 30');
  assert.equal(q('t lj ([z:`a] w:1)'), "'z");
  assert.equal(q('count t'), '3');
  assert.equal(q('select nosuch from t'), "'nosuch");
  assert.equal(q('select from t where v>`a'), "'type");
  assert.equal(q('t'), 'k v\n---\na 1\nb 2\nc 3');
});

test('enumerations compare, search and test membership by their symbols', () => {
  const { q } = makeSession();
  q('s:`a`b`c; e:`s$`a`c`a`b');
  assert.equal(q('e=`a'), '1010b');
  assert.equal(q('e<>`c'), '1011b');
  assert.equal(q('e in `a`b'), '1011b');
  assert.equal(q('e?`b'), '3');
  assert.equal(q('e except `a'), '`s$`c`b');
  assert.equal(q('`b=e'), '0001b');
});

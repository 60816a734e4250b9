import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findNul } from './nul.js';

test('findNul names the first string or key with a NUL, through arrays, null-prototype objects and cycles', () => {
  assert.equal(findNul({ a: 'ok', b: [1, { c: 'x\u0000' }] }, 'body'), 'body.b.1.c');
  assert.equal(findNul({ ['k\u0000']: 1 }, 'body'), 'body.k\u0000');
  const query = Object.assign(Object.create(null) as Record<string, string>, { q: '\u0000' });
  assert.equal(findNul(query, 'query'), 'query.q');
  const cyclic: Record<string, unknown> = { name: 'ok' };
  cyclic['self'] = cyclic;
  assert.equal(findNul(cyclic, 'body'), undefined);
  // Bytes are not text: an uploaded file may hold any byte.
  assert.equal(findNul({ file: Buffer.from([0, 1, 2]), value: 'ok' }, 'body'), undefined);
  assert.equal(findNul('plain', 'body'), undefined);
  assert.equal(findNul(undefined, 'body'), undefined);
});

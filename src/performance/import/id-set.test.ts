import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { asciiHash, IdSet } from './id-set.ts';

test('IdSet answers exactly as a Set of strings would, for any ids, ASCII or not', () => {
  const id = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.stringMatching(/^[A-Z][0-9]{0,6}$/),
    fc.constantFrom('', 'a', 'b', 'ab', 'ba', 'é', 'C000123'),
  );
  fc.assert(
    fc.property(fc.array(id, { maxLength: 400 }), (ids) => {
      const compact = new IdSet();
      const plain = new Set<string>();
      for (const x of ids) assert.equal(compact.add(x), !plain.has(x) && !!plain.add(x), x);
      assert.equal(compact.size, plain.size);
    }),
    { numRuns: 300 },
  );
});

test('IdSet keeps a million ids apart and finds each one again after growing', () => {
  const ids = new IdSet();
  for (let i = 0; i < 1_000_000; i++) assert.equal(ids.add(`V${i}`), true);
  assert.equal(ids.size, 1_000_000);
  for (let i = 0; i < 1_000_000; i += 997) assert.equal(ids.add(`V${i}`), false);
  // Two ids with the same hash are still two ids; the same id again is still found.
  assert.equal(asciiHash('V42436'), asciiHash('V1372000'));
  assert.equal(ids.add('V1372000'), true);
  assert.equal(ids.add('V1372000'), false);
  assert.equal(ids.add('V42436'), false);
  // Strings that differ only in order or length still differ.
  assert.equal(ids.add('V01'), true);
  assert.equal(ids.add('0V1'), true);
  assert.equal(ids.size, 1_000_003);
});

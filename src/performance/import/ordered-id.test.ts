import assert from 'node:assert/strict';
import { test } from 'node:test';
import { orderedId } from './ordered-id.ts';

test('ordered ids are version-7 UUIDs that sort in the order they were made, even within one millisecond', () => {
  const ids = Array.from({ length: 10_000 }, (_, i) => orderedId(1_700_000_000_000 + Math.floor(i / 3000)));
  for (const id of ids)
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.deepEqual([...ids].sort(), ids);
  assert.equal(new Set(ids).size, ids.length);
});

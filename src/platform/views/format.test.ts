import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDate, pagination } from './format.ts';

test('dates in words, the same the second time (kept) as the first, in London time', () => {
  for (let i = 0; i < 2; i++) assert.equal(formatDate('2026-12-02'), '2 December 2026');
  // Half past eleven at night in UTC on 30 June is already 1 July in London (summer time).
  assert.equal(formatDate('2026-06-30T23:30:00Z'), '1 July 2026');
  assert.equal(formatDate('2026-13-45'), '');
  assert.equal(formatDate(null), '');
});

test('pagination links: none for one page, no previous on the first, no next on the last', () => {
  const href = (n: number) => `/x?page=${n}`;
  assert.equal(pagination(1, 1, href), undefined);
  assert.deepEqual(pagination(1, 3, href), { previous: undefined, next: { href: '/x?page=2' } });
  assert.deepEqual(pagination(3, 3, href), { previous: { href: '/x?page=2' }, next: undefined });
});

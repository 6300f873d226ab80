import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { createTestDb } from '../testing/test-db.ts';
import { makeSession, makeStaff } from './test-fixtures.ts';

const run = promisify(execFile);
const child = path.join(import.meta.dirname, 'book-many.child.ts');

test('three app processes booking at once on one SQLite file never overbook', async () => {
  const t = await createTestDb('sqlite');
  try {
    const people = await makeStaff(t.db, 36);
    const { sessionId } = await makeSession(t.db, { capacity: 10 });
    const file = (t.services.config.database as { file: string }).file;
    const groups = [people.slice(0, 12), people.slice(12, 24), people.slice(24)];
    const startAt = String(Date.now() + 3000);
    const results = await Promise.all(
      groups.map((g) => run(process.execPath, [child, file, sessionId, startAt, ...g], { timeout: 60_000 })),
    );
    const outcomes = results.flatMap((r) => JSON.parse(r.stdout) as string[]);
    assert.equal(outcomes.filter((o) => o.startsWith('error')).length, 0, outcomes.join(', '));
    const rows = await t.db
      .selectFrom('lrn_bookings')
      .select(['status', 'queue_pos'])
      .where('session_id', '=', sessionId)
      .orderBy('queue_pos')
      .execute();
    assert.equal(rows.length, 36);
    assert.deepEqual(
      rows.map((r) => r.status),
      [...Array(10).fill('booked'), ...Array(26).fill('waitlisted')],
    );
    assert.deepEqual(
      rows.map((r) => r.queue_pos),
      Array.from({ length: 36 }, (_, i) => i + 1),
    );
  } finally {
    await t.drop();
  }
});

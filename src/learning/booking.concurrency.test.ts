import assert from 'node:assert/strict';
import { forEachDialect } from '../testing/test-db.ts';
import { bookPlace } from './booking.service.ts';
import { makeSession, makeStaff, tester } from './test-fixtures.ts';

/**
 * A second app instance's connection pool. On PostgreSQL: a second pool, as a
 * second server would have. On SQLite the driver is synchronous, so two
 * connections in ONE process would block each other's event loop; one process
 * serialises its transactions through Kysely's single connection, and several
 * processes wait on SQLite's write lock (busy_timeout). So SQLite runs one instance.
 */
const secondInstance = (t: Parameters<Parameters<typeof forEachDialect>[1]>[0]) =>
  t.dialect === 'postgres' ? t.open() : { db: t.db, close: async () => {} };

/**
 * The claim that matters most: however many people press "Book" at once, from
 * however many app instances, a session never has more people booked than places.
 */
forEachDialect('30 simultaneous bookings for 7 places (two app instances on PostgreSQL)', async (t) => {
  const second = secondInstance(t);
  try {
    const people = await makeStaff(t.db, 30);
    const { sessionId } = await makeSession(t.db, { capacity: 7 });
    const instances = [
      { db: t.db, dialect: t.dialect, clock: t.clock, config: t.services.config },
      { db: second.db, dialect: t.dialect, clock: t.clock, config: t.services.config },
    ];
    const outcomes = await Promise.all(
      people.map((id, i) => bookPlace(instances[i % 2]!, tester, sessionId, id)),
    );
    assert.equal(outcomes.filter((o) => o.status === 'booked').length, 7);
    assert.equal(outcomes.filter((o) => o.status === 'waitlisted').length, 23);

    const rows = await t.db
      .selectFrom('lrn_bookings')
      .select(['status', 'queue_pos', 'staff_id'])
      .where('session_id', '=', sessionId)
      .orderBy('queue_pos')
      .execute();
    assert.equal(rows.length, 30);
    assert.equal(new Set(rows.map((r) => r.staff_id)).size, 30, 'one booking each');
    // Arrival order is the order the lock let them in: the first seven are booked, the rest wait in turn.
    assert.deepEqual(
      rows.map((r) => r.status),
      [...Array(7).fill('booked'), ...Array(23).fill('waitlisted')],
    );
    assert.deepEqual(
      rows.map((r) => r.queue_pos),
      Array.from({ length: 30 }, (_, i) => i + 1),
    );
    // Each person was told the position they got.
    const positions = outcomes.filter((o) => o.status === 'waitlisted').map((o) => o.position);
    assert.deepEqual(
      [...positions].sort((a, b) => a! - b!),
      Array.from({ length: 23 }, (_, i) => i + 1),
    );
    // A message for everyone, queued with the booking.
    const mail = await t.db.selectFrom('outbox').select(['subject']).execute();
    assert.equal(mail.filter((m) => m.subject.startsWith('Booked')).length, 7);
    assert.equal(mail.filter((m) => m.subject.startsWith('Waiting list')).length, 23);
  } finally {
    await second.close();
  }
});

forEachDialect('the same person pressing Book twice at once gets one booking', async (t) => {
  const second = secondInstance(t);
  try {
    const [person] = await makeStaff(t.db, 1);
    const { sessionId } = await makeSession(t.db, { capacity: 5 });
    const results = await Promise.allSettled([
      bookPlace(
        { db: t.db, dialect: t.dialect, clock: t.clock, config: t.services.config },
        tester,
        sessionId,
        person!,
      ),
      bookPlace(
        { db: second.db, dialect: t.dialect, clock: t.clock, config: t.services.config },
        tester,
        sessionId,
        person!,
      ),
    ]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    assert.match(String(rejected.reason.message), /already have a place/);
    const n = await t.db
      .selectFrom('lrn_bookings')
      .select('id')
      .where('session_id', '=', sessionId)
      .execute();
    assert.equal(n.length, 1);
  } finally {
    await second.close();
  }
});

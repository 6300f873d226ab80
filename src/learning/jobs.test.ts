import assert from 'node:assert/strict';
import { runDueJobs } from '../platform/jobs/jobs.ts';
import { forEachDialect } from '../testing/test-db.ts';
import { saveRegister } from './attendance.service.ts';
import { bookPlace } from './booking.service.ts';
import { learningJobs, queueReminders } from './jobs.ts';
import { makeSession, makeStaff, tester } from './test-fixtures.ts';

learningJobs.register();

forEachDialect(
  'reminders go two working days before, once; evaluation reminders once, five days after',
  async (t) => {
    const ctx = { db: t.db, dialect: t.dialect, clock: t.clock, config: t.services.config };
    const [a, b] = await makeStaff(t.db, 2);
    // Friday 27 November: Tuesday 1 December is two working days away; Wednesday 2 December is not yet.
    const soon = await makeSession(t.db, { capacity: 5, day: '2026-12-01', course: { title: 'Soon' } });
    const later = await makeSession(t.db, { capacity: 5, day: '2026-12-02', course: { title: 'Later' } });
    await bookPlace(ctx, tester, soon.sessionId, a!);
    await bookPlace(ctx, tester, later.sessionId, a!);
    const cancelled = await bookPlace(ctx, tester, soon.sessionId, b!);
    assert.equal(await queueReminders(t.services, '2026-11-27'), 2);
    assert.equal(await queueReminders(t.services, '2026-11-27'), 0, 'queued once');
    const { cancelPlace } = await import('./booking.service.ts');
    await cancelPlace(ctx, tester, cancelled.bookingId, { byOrganiser: true });
    await runDueJobs(t.services, 'test');
    const reminders = await t.db
      .selectFrom('outbox')
      .select(['to_address', 'subject'])
      .where('subject', 'like', 'Reminder%')
      .execute();
    assert.deepEqual(
      reminders.map((r) => r.subject),
      ['Reminder: Soon'],
      'only the place still booked is reminded',
    );

    // Attended on 1 December; no evaluation by 6 December: one reminder.
    t.clock.set('2026-12-01T12:00:00Z');
    const part = await t.db
      .selectFrom('lrn_session_parts')
      .select('id')
      .where('session_id', '=', soon.sessionId)
      .executeTakeFirstOrThrow();
    const booking = await t.db
      .selectFrom('lrn_bookings')
      .select('id')
      .where('session_id', '=', soon.sessionId)
      .where('status', '=', 'booked')
      .executeTakeFirstOrThrow();
    await saveRegister(t.db, t.services, tester, soon.sessionId, part.id, [
      { bookingId: booking.id, outcome: 'attended', notes: '' },
    ]);
    const asked = await t.db
      .selectFrom('outbox')
      .select('id')
      .where('subject', '=', 'How was Soon?')
      .execute();
    assert.equal(asked.length, 1, 'asked to evaluate when the register shows them attended');
    t.clock.set('2026-12-03T12:00:00Z');
    await queueReminders(t.services, '2026-12-03');
    t.clock.set('2026-12-06T12:00:00Z');
    await queueReminders(t.services, '2026-12-06');
    await queueReminders(t.services, '2026-12-07');
    await runDueJobs(t.services, 'test');
    const all = await t.db.selectFrom('outbox').select('id').where('subject', '=', 'How was Soon?').execute();
    assert.equal(all.length, 2, 'one request and one reminder');
    const cpd = await t.db.selectFrom('lrn_cpd').select(['title', 'day']).executeTakeFirstOrThrow();
    assert.deepEqual(cpd, { title: 'Soon', day: '2026-12-01' }, 'attending made a CPD entry');
  },
);

forEachDialect('mandatory e-learning reminders: once a month to each person not up to date', async (t) => {
  const [a, b] = await makeStaff(t.db, 2, 'el');
  await t.db
    .insertInto('lrn_modules')
    .values({ id: 'm1', title: 'Unconscious Bias', renewal_months: 36, created_at: '2026-01-01T00:00:00Z' })
    .execute();
  await t.db
    .insertInto('lrn_completions')
    .values({
      id: 'c1',
      module_id: 'm1',
      staff_id: b!,
      completed_on: '2026-01-10',
      source: 'self',
      created_at: '2026-01-10T00:00:00Z',
    })
    .execute();
  await queueReminders(t.services, '2026-11-27');
  await queueReminders(t.services, '2026-11-28');
  await runDueJobs(t.services, 'test');
  const sent = await t.db
    .selectFrom('outbox')
    .innerJoin('staff', 'staff.email', 'outbox.to_address')
    .select(['staff.id', 'outbox.text_body'])
    .where('outbox.subject', '=', 'Mandatory e-learning: Unconscious Bias')
    .execute();
  assert.deepEqual(
    sent.map((s) => s.id),
    [a],
    'only the person who has not done it, once',
  );
  assert.match(sent[0]!.text_body, /you have not yet recorded completing Unconscious Bias/);
  await queueReminders(t.services, '2026-12-01');
  await runDueJobs(t.services, 'test');
  const again = await t.db
    .selectFrom('outbox')
    .select('id')
    .where('subject', '=', 'Mandatory e-learning: Unconscious Bias')
    .execute();
  assert.equal(again.length, 2, 'and again the next month');
});

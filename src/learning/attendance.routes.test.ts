import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runDueJobs } from '../platform/jobs/jobs.ts';
import { Browser, createTestApp, personaFor } from '../testing/test-app.ts';
import { dialectsUnderTest } from '../testing/test-db.ts';
import { bookPlace } from './booking.service.ts';
import { learningJobs } from './jobs.ts';
import { makeSession, makeStaff, tester } from './test-fixtures.ts';

learningJobs.register();

// Rules checked (attendance.rules.ts): a day's register opens on that day, never weeks before; only
// people who attended every day in full are asked to evaluate (and get a CPD entry), once the last day is over.
for (const dialect of dialectsUnderTest())
  test(`the register opens on the day; evaluation requests go to full attendees after the last day [${dialect}]`, async () => {
    const t = await createTestApp(dialect);
    try {
      const ctx = { db: t.db, dialect: t.dialect, clock: t.clock, config: t.services.config };
      const [a, b, c] = await makeStaff(t.db, 3, 'reg');
      const { sessionId } = await makeSession(t.db, {
        capacity: 5,
        course: { title: 'Court skills' },
        session: {
          parts: [
            { day: '2026-12-16', start: '09:30', end: '12:00' },
            { day: '2026-12-17', start: '09:30', end: '12:00' },
          ],
        },
      });
      const booking: Record<string, string> = {};
      for (const [name, id] of [
        ['a', a!],
        ['b', b!],
        ['c', c!],
      ] as const)
        booking[name] = (await bookPlace(ctx, tester, sessionId, id)).bookingId;
      const parts = await t.db
        .selectFrom('lrn_session_parts')
        .select('id')
        .where('session_id', '=', sessionId)
        .orderBy('day')
        .execute();
      const indexOf = async (url: string) => {
        const page = (await ld.get(url)).body;
        return (id: string) => {
          const m = new RegExp(`name="booking-(\\d+)" value="${id}"`).exec(page);
          if (!m) throw new Error(`no ${id} on the register`);
          return m[1]!;
        };
      };
      const evaluationMails = () =>
        t.db
          .selectFrom('outbox')
          .select('to_address')
          .where('subject', '=', 'How was Court skills?')
          .execute();

      const cpdOf = () =>
        t.db
          .selectFrom('lrn_cpd')
          .select(['staff_id', 'day'])
          .where('booking_id', 'in', Object.values(booking))
          .execute();
      const ld = new Browser(t.app);
      await ld.signIn(personaFor('ld-admin').email);
      const day1 = `/learning/sessions/${sessionId}/register?part=${parts[0]!.id}`;

      // Friday 27 November: weeks before. The page says when it opens and has no form; a forged post is refused.
      let page = await ld.get(day1);
      assert.match(page.body, /The register for Wednesday 16 December 2026 opens on that day/);
      assert.doesNotMatch(page.body, /Save the register/);
      const early = await ld.post(`/learning/sessions/${sessionId}/register`, {
        _csrf: await ld.csrfFrom('/learning'),
        part: parts[0]!.id,
        'booking-0': booking.a!,
        'outcome-0': 'attended',
      });
      assert.equal(early.statusCode, 303);
      page = await ld.get(String(early.headers.location));
      assert.match(page.body, /you cannot mark people before the training has happened/);
      assert.equal(
        (
          await t.db
            .selectFrom('lrn_attendance')
            .select('booking_id')
            .where('booking_id', 'in', Object.values(booking))
            .execute()
        ).length,
        0,
      );

      // The first day, during it: everyone attends but c. Nobody is asked yet.
      t.clock.set('2026-12-16T10:00:00Z');
      await ld.signIn(personaFor('ld-admin').email);
      let _csrf = await ld.csrfFrom('/learning');
      let at = await indexOf(day1);
      const mark = (part: string, marks: [string, string][]) =>
        ld.post(`/learning/sessions/${sessionId}/register`, {
          _csrf,
          part,
          ...Object.fromEntries(
            ['a', 'b', 'c'].flatMap((n) => [[`booking-${at(booking[n]!)}`, booking[n]!]]),
          ),
          ...Object.fromEntries(marks.map(([n, o]) => [`outcome-${at(booking[n]!)}`, o])),
        });
      const saved = await mark(parts[0]!.id, [
        ['a', 'attended'],
        ['b', 'attended'],
        ['c', 'no-show'],
      ]);
      page = await ld.get(String(saved.headers.location));
      assert.match(page.body, /The register has been saved for 3 people/);
      assert.equal((await evaluationMails()).length, 0, 'the session is not over');

      // The second day, taken at 11:00 before its end: a attends, b leaves early. Still nobody is asked.
      t.clock.set('2026-12-17T11:00:00Z');
      await ld.signIn(personaFor('ld-admin').email);
      _csrf = await ld.csrfFrom('/learning');
      at = await indexOf(`/learning/sessions/${sessionId}/register?part=${parts[1]!.id}`);
      await mark(parts[1]!.id, [
        ['a', 'attended'],
        ['b', 'partial'],
      ]);
      assert.equal((await evaluationMails()).length, 0);
      assert.equal((await cpdOf()).length, 0);

      // After the end, the job asks only a, who attended both days in full; a CPD entry dated the last day.
      t.clock.set('2026-12-17T12:05:00Z');
      await runDueJobs(t.services, 'test');
      const asked = await evaluationMails();
      const emailOf = async (id: string) =>
        (await t.db.selectFrom('staff').select('email').where('id', '=', id).executeTakeFirstOrThrow()).email;
      assert.deepEqual(
        asked.map((m) => m.to_address),
        [await emailOf(a!)],
      );
      assert.deepEqual(await cpdOf(), [{ staff_id: a!, day: '2026-12-17' }]);

      // Saving the register again later asks nobody twice.
      await ld.signIn(personaFor('ld-admin').email);
      _csrf = await ld.csrfFrom('/learning');
      at = await indexOf(day1);
      await mark(parts[0]!.id, [['c', 'no-show']]);
      await runDueJobs(t.services, 'test');
      assert.equal((await evaluationMails()).length, 1);
    } finally {
      await t.drop();
    }
  });

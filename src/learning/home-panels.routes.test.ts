import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newId } from '../platform/ids.ts';
import { Browser, createTestApp, personaFor } from '../testing/test-app.ts';
import { dialectsUnderTest } from '../testing/test-db.ts';
import { bookPlace } from './booking.service.ts';
import { makeSession, makeStaff, tester } from './test-fixtures.ts';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

// Rules checked: home pages fit the role — L&D see today's registers, sessions with few bookings and dates
// to check; a complaints officer alone in a team is not told of 0 colleagues; a manager's agency-staff panel
// says who has completed induction (every day attended, from the register).
for (const dialect of dialectsUnderTest())
  test(`home pages that fit the role [${dialect}]`, async () => {
    const t = await createTestApp(dialect);
    try {
      const ctx = { db: t.db, dialect: t.dialect, clock: t.clock, config: t.services.config };
      // Friday 27 November 2026, 09:00. A session this afternoon with one person booked.
      const [p1] = await makeStaff(t.db, 1, 'home');
      const today = await makeSession(t.db, {
        capacity: 8,
        course: { title: 'Chronologies in practice' },
        session: { parts: [{ day: '2026-11-27', start: '13:00', end: '15:00' }] },
      });
      await bookPlace(ctx, tester, today.sessionId, p1!);
      await makeSession(t.db, { capacity: 12, day: '2026-12-03', course: { title: 'Quiet course' } });
      await makeSession(t.db, { capacity: 12, day: '2026-12-05', course: { title: 'Saturday course' } });

      const ld = new Browser(t.app);
      await ld.signIn(personaFor('ld-admin').email);
      const home = text((await ld.get('/')).body);
      assert.match(home, /Registers to take today .*Chronologies in practice, 13:00: 0 of 1 person marked\./);
      assert.match(home, /Take the register for Chronologies in practice/);
      assert.match(home, /Sessions with few bookings .*Quiet course, Thursday 3 December 2026: 0 of 12/);
      assert.match(home, /Session dates to check .*Saturday course: Saturday 5 December 2026 \(a weekend\)/);

      const officer = new Browser(t.app);
      await officer.signIn(personaFor('complaints-officer').email);
      const officerHome = text((await officer.get('/')).body);
      assert.doesNotMatch(officerHome, /0 colleagues/);
      assert.doesNotMatch(officerHome, /Registers to take today/, 'L&D panels are for L&D');

      // An agency worker in Daniel's team attends all three days of an induction.
      const daniel = personaFor('team-manager');
      const teamId = (
        await t.db
          .selectFrom('staff')
          .select('team_id')
          .where('email', '=', daniel.email)
          .executeTakeFirstOrThrow()
      ).team_id!;
      const agency = await t.db
        .selectFrom('staff')
        .select(['id', 'name'])
        .where('team_id', '=', teamId)
        .where('is_agency', '=', 1)
        .where('active', '=', 1)
        .orderBy('name')
        .execute();
      assert.ok(agency.length >= 2, 'the demo team has agency staff');
      const induction = await makeSession(t.db, {
        capacity: 20,
        course: { title: 'Induction for new staff', category: 'Induction' },
        session: {
          parts: [
            { day: '2026-11-04', start: '09:30', end: '16:30' },
            { day: '2026-11-11', start: '09:30', end: '15:00' },
            { day: '2026-11-18', start: '09:30', end: '15:00' },
          ],
        },
      });
      const parts = await t.db
        .selectFrom('lrn_session_parts')
        .select('id')
        .where('session_id', '=', induction.sessionId)
        .execute();
      const attend = async (staffId: string, days: number) => {
        const bookingId = newId();
        await t.db
          .insertInto('lrn_bookings')
          .values({
            id: bookingId,
            session_id: induction.sessionId,
            staff_id: staffId,
            status: 'booked',
            queue_pos: 1,
            offer_expires_at: null,
            sequence: 0,
            created_at: '2026-10-01T00:00:00.000Z',
            updated_at: '2026-10-01T00:00:00.000Z',
          })
          .execute();
        for (const p of parts.slice(0, days))
          await t.db
            .insertInto('lrn_attendance')
            .values({
              booking_id: bookingId,
              part_id: p.id,
              outcome: 'attended',
              notes: '',
              recorded_by: null,
              recorded_at: '2026-11-18T16:00:00.000Z',
            })
            .execute();
      };
      await attend(agency[0]!.id, 3);
      await attend(agency[1]!.id, 2);
      const manager = new Browser(t.app);
      await manager.signIn(daniel.email);
      const managerHome = text((await manager.get('/')).body);
      assert.match(managerHome, new RegExp(`Completed induction: ${agency[0]!.name}\\.`));
      assert.match(
        managerHome,
        new RegExp(`Not inducted yet: [^.]*${agency[1]!.name}`),
        'two days of three is not done',
      );
    } finally {
      await t.drop();
    }
  });

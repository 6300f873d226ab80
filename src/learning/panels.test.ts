import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Browser, createTestApp, personaFor } from '../testing/test-app.ts';

test('home panels: the practice focus for everyone, missed training for a team manager', async () => {
  const t = await createTestApp('sqlite');
  try {
    const amina = new Browser(t.app);
    await amina.signIn(personaFor('practitioner').email);
    const home = (await amina.get('/')).body;
    assert.match(home, /Practice focus for [A-Z][a-z]+ \d{4}: Motivational Interviewing/);
    assert.doesNotMatch(home, /Training missed/);

    // Someone in Daniel's team missed a session.
    const daniel = personaFor('team-manager');
    const teammate = await t.db
      .selectFrom('staff')
      .select(['id', 'name', 'team_id'])
      .where(
        'team_id',
        '=',
        (
          await t.db
            .selectFrom('staff')
            .select('team_id')
            .where('email', '=', daniel.email)
            .executeTakeFirstOrThrow()
        ).team_id,
      )
      .where('email', '!=', daniel.email)
      .executeTakeFirstOrThrow();
    const { makeSession } = await import('./test-fixtures.ts');
    const { sessionId } = await makeSession(t.db, {
      capacity: 3,
      day: '2026-11-20',
      course: { title: 'Missed course' },
    });
    const part = await t.db
      .selectFrom('lrn_session_parts')
      .select('id')
      .where('session_id', '=', sessionId)
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('lrn_bookings')
      .values({
        id: 'bk-1',
        session_id: sessionId,
        staff_id: teammate.id,
        status: 'booked',
        queue_pos: 1,
        offer_expires_at: null,
        sequence: 0,
        created_at: '2026-11-01T00:00:00Z',
        updated_at: '2026-11-01T00:00:00Z',
      })
      .execute();
    await t.db
      .insertInto('lrn_attendance')
      .values({
        booking_id: 'bk-1',
        part_id: part.id,
        outcome: 'no-show',
        notes: '',
        recorded_by: null,
        recorded_at: '2026-11-20T12:00:00Z',
      })
      .execute();
    const manager = new Browser(t.app);
    await manager.signIn(daniel.email);
    const page = (await manager.get('/')).body;
    assert.match(page, /Training missed/);
    assert.match(page, new RegExp(`${teammate.name} \\(Missed course, Friday 20 November 2026\\)`));

    // A request for a place on an approval course waits for the manager, on their home page.
    const approval = await makeSession(t.db, {
      capacity: 3,
      course: { title: 'Approval course', needs_approval: 1 },
    });
    const { bookPlace } = await import('./booking.service.ts');
    const { tester } = await import('./test-fixtures.ts');
    await bookPlace(
      { db: t.db, dialect: t.dialect, clock: t.clock, config: t.services.config },
      tester,
      approval.sessionId,
      teammate.id,
    );
    const withRequest = (await manager.get('/')).body;
    assert.match(withRequest, /Training requests to approve/);
    assert.match(withRequest, new RegExp(`${teammate.name} asks for Approval course`));
  } finally {
    await t.drop();
  }
});

import assert from 'node:assert/strict';
import { NotFoundError } from '../platform/http/errors.ts';
import { ForbiddenError } from '../platform/policy/policy.ts';
import { forEachDialect, type TestDb } from '../testing/test-db.ts';
import { bookOwnPlace, changeBooking } from './booking-actions.service.ts';
import { makePrincipal, makeSession, makeTeams, tester } from './test-fixtures.ts';

const statusOf = async (t: TestDb, id: string) =>
  (await t.db.selectFrom('lrn_bookings').select('status').where('id', '=', id).executeTakeFirstOrThrow())
    .status;

forEachDialect(
  'a booking is changed only by its person, a manager of their team, or L&D; a refusal changes nothing',
  async (t) => {
    const ctx = { db: t.db, dialect: t.dialect, clock: t.clock, config: t.services.config };
    const { serviceId, north, south } = await makeTeams(t.db);
    const amina = await makePrincipal(t.db, 'practitioner', { teamId: north, serviceId });
    const colleague = await makePrincipal(t.db, 'practitioner', { teamId: north, serviceId });
    const northManager = await makePrincipal(t.db, 'team-manager', { teamId: north, serviceId });
    const southManager = await makePrincipal(t.db, 'team-manager', { teamId: south, serviceId });
    const ld = await makePrincipal(t.db, 'ld-admin');
    const { sessionId } = await makeSession(t.db, { capacity: 3, course: { needs_approval: 1 } });

    const asked = await bookOwnPlace(ctx, amina, tester, sessionId);
    assert.equal(asked.status, 'requested');

    // A manager of another team may not decide it; a colleague may not withdraw it.
    await assert.rejects(
      changeBooking(ctx, southManager, tester, asked.bookingId, 'approve'),
      ForbiddenError,
    );
    await assert.rejects(changeBooking(ctx, colleague, tester, asked.bookingId, 'cancel'), ForbiddenError);
    // Nor may their manager cancel it for them; and the waiting list is L&D's to run.
    await assert.rejects(changeBooking(ctx, northManager, tester, asked.bookingId, 'cancel'), ForbiddenError);
    await assert.rejects(changeBooking(ctx, northManager, tester, asked.bookingId, 'remove'), ForbiddenError);
    assert.equal(await statusOf(t, asked.bookingId), 'requested');

    const approved = await changeBooking(ctx, northManager, tester, asked.bookingId, 'approve');
    assert.deepEqual(approved, { sessionId });
    assert.equal(await statusOf(t, asked.bookingId), 'booked');

    // L&D may cancel anyone's place; the person may cancel their own.
    await changeBooking(ctx, ld, tester, asked.bookingId, 'organiser-cancel');
    assert.equal(await statusOf(t, asked.bookingId), 'cancelled');
    const again = await bookOwnPlace(ctx, colleague, tester, sessionId);
    await changeBooking(ctx, colleague, tester, again.bookingId, 'cancel');
    assert.equal(await statusOf(t, again.bookingId), 'cancelled');

    await assert.rejects(changeBooking(ctx, ld, tester, 'no-such-booking', 'up'), NotFoundError);
  },
);

forEachDialect('a managers’ course is booked only by those the policy allows', async (t) => {
  const ctx = { db: t.db, dialect: t.dialect, clock: t.clock, config: t.services.config };
  const { serviceId, north } = await makeTeams(t.db);
  const amina = await makePrincipal(t.db, 'practitioner', { teamId: north, serviceId });
  const manager = await makePrincipal(t.db, 'team-manager', { teamId: north, serviceId });
  const { sessionId } = await makeSession(t.db, { capacity: 3, course: { audience: 'managers' } });
  await assert.rejects(
    bookOwnPlace(ctx, amina, tester, sessionId),
    /for managers and practice supervisors only/,
  );
  assert.equal((await bookOwnPlace(ctx, manager, tester, sessionId)).status, 'booked');
});

forEachDialect(
  'nobody approves their own request: a manager’s own booking waits for another approver',
  async (t) => {
    // Issue 11 item 11: the approval check once passed `ownerId: null`, so a team manager's
    // team scope covered their own request and they approved it themselves.
    const ctx = { db: t.db, dialect: t.dialect, clock: t.clock, config: t.services.config };
    const { serviceId, north } = await makeTeams(t.db);
    const manager = await makePrincipal(t.db, 'team-manager', { teamId: north, serviceId });
    const serviceManager = await makePrincipal(t.db, 'service-manager', { teamId: north, serviceId });
    const ld = await makePrincipal(t.db, 'ld-admin');
    const { sessionId } = await makeSession(t.db, { capacity: 3, course: { needs_approval: 1 } });

    const own = await bookOwnPlace(ctx, manager, tester, sessionId);
    assert.equal(own.status, 'requested');
    for (const change of ['approve', 'decline'] as const)
      await assert.rejects(changeBooking(ctx, manager, tester, own.bookingId, change), ForbiddenError);
    assert.equal(await statusOf(t, own.bookingId), 'requested', 'a refusal changes nothing');

    // Even L&D, who may approve anyone's, cannot approve their own.
    const ldOwn = await bookOwnPlace(ctx, ld, tester, sessionId);
    if (ldOwn.status === 'requested')
      await assert.rejects(changeBooking(ctx, ld, tester, ldOwn.bookingId, 'approve'), ForbiddenError);

    await changeBooking(ctx, serviceManager, tester, own.bookingId, 'approve');
    assert.equal(await statusOf(t, own.bookingId), 'booked');
  },
);

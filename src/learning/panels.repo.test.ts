import assert from 'node:assert/strict';
import { listScope } from '../platform/policy/policy.ts';
import { forEachDialect } from '../testing/test-db.ts';
import { bookOwnPlace } from './booking-actions.service.ts';
import { noShowsSince, requestsToApprove } from './panels.repo.ts';
import { makePrincipal, makeSession, makeTeams, tester } from './test-fixtures.ts';

forEachDialect('managers’ panels list only the people their scope covers, never themselves', async (t) => {
  const ctx = { db: t.db, dialect: t.dialect, clock: t.clock, config: t.services.config };
  const { serviceId, north, south } = await makeTeams(t.db);
  const amina = await makePrincipal(t.db, 'practitioner', { teamId: north, serviceId });
  const sam = await makePrincipal(t.db, 'practitioner', { teamId: south, serviceId });
  const northManager = await makePrincipal(t.db, 'team-manager', { teamId: north, serviceId });
  const serviceManager = await makePrincipal(t.db, 'service-manager', { teamId: south, serviceId });
  const noTeam = await makePrincipal(t.db, 'team-manager');

  const approval = await makeSession(t.db, {
    capacity: 5,
    course: { title: 'Approval course', needs_approval: 1 },
  });
  for (const who of [amina, sam, northManager]) await bookOwnPlace(ctx, who, tester, approval.sessionId);
  const requests = async (who: typeof amina) =>
    (await requestsToApprove(t.db, listScope(who, 'learning:approve'), who.id)).map((r) => r.name).sort();
  // Issue 11 item 11: nobody approves their own request, so the manager's own is not on their list.
  assert.deepEqual(await requests(northManager), [amina.name]);
  assert.deepEqual(await requests(serviceManager), [amina.name, sam.name, northManager.name].sort());
  assert.deepEqual(await requests(noTeam), []);
  assert.deepEqual(await requests(amina), [], 'a practitioner approves nobody');

  const missed = await makeSession(t.db, { capacity: 5, day: '2026-11-20', course: { title: 'Missed' } });
  const part = await t.db
    .selectFrom('lrn_session_parts')
    .select('id')
    .where('session_id', '=', missed.sessionId)
    .executeTakeFirstOrThrow();
  for (const [i, who] of [amina, sam, northManager].entries()) {
    const id = `nb-${i}`;
    await t.db
      .insertInto('lrn_bookings')
      .values({
        id,
        session_id: missed.sessionId,
        staff_id: who.id,
        status: 'booked',
        queue_pos: i + 1,
        offer_expires_at: null,
        sequence: 0,
        created_at: '2026-11-01T00:00:00Z',
        updated_at: '2026-11-01T00:00:00Z',
      })
      .execute();
    await t.db
      .insertInto('lrn_attendance')
      .values({
        booking_id: id,
        part_id: part.id,
        outcome: 'no-show',
        notes: '',
        recorded_by: null,
        recorded_at: '2026-11-20T12:00:00Z',
      })
      .execute();
  }
  const noShows = async (who: typeof amina) =>
    (await noShowsSince(t.db, '2026-08-29', listScope(who, 'learning:team'), who.id))
      .map((r) => r.name)
      .sort();
  assert.deepEqual(await noShows(northManager), [amina.name], 'their team, not themselves');
  assert.deepEqual(await noShows(serviceManager), [amina.name, sam.name, northManager.name].sort());
  assert.deepEqual(await noShows(noTeam), []);
  assert.deepEqual(
    await noShowsSince(t.db, '2026-11-21', listScope(serviceManager, 'learning:team'), serviceManager.id),
    [],
    'only since the day asked',
  );
});

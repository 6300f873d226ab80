import assert from 'node:assert/strict';
import { forEachDialect } from '../testing/test-db.ts';
import { bookOwnPlace } from './booking-actions.service.ts';
import { insertSession } from './offer.repo.ts';
import { sessionPage } from './session.service.ts';
import { makePrincipal, makeSession, makeTeams, tester } from './test-fixtures.ts';

forEachDialect(
  'the session page shows L&D everyone on it, a manager only the people they approve for',
  async (t) => {
    const ctx = { db: t.db, dialect: t.dialect, clock: t.clock, config: t.services.config };
    const { serviceId, north, south } = await makeTeams(t.db);
    const amina = await makePrincipal(t.db, 'practitioner', { teamId: north, serviceId });
    const sam = await makePrincipal(t.db, 'practitioner', { teamId: south, serviceId });
    const northManager = await makePrincipal(t.db, 'team-manager', { teamId: north, serviceId });
    const serviceManager = await makePrincipal(t.db, 'service-manager', { teamId: south, serviceId });
    const noTeamManager = await makePrincipal(t.db, 'team-manager');
    const ld = await makePrincipal(t.db, 'ld-admin');
    const { sessionId, courseId } = await makeSession(t.db, { capacity: 3 });
    const repeat = await insertSession(t.db, '2026-01-01T00:00:00Z', {
      courseId,
      capacity: 3,
      venue: 'Room 4',
      parts: [{ day: '2027-01-13', start: '09:00', end: '11:00' }],
    });
    await makeSession(t.db, { capacity: 3, day: '2027-01-14', course: { title: 'Another course' } });
    await bookOwnPlace(ctx, amina, tester, sessionId);
    await bookOwnPlace(ctx, sam, tester, sessionId);
    const now = t.clock.now().toISOString();
    const names = async (who: typeof amina) =>
      (await sessionPage(t.db, who, sessionId, now)).people.map((p) => p.name).sort();

    assert.deepEqual(await names(ld), [amina.name, sam.name].sort());
    assert.deepEqual(await names(northManager), [amina.name]);
    assert.deepEqual(await names(serviceManager), [amina.name, sam.name].sort());
    assert.deepEqual(await names(noTeamManager), [], 'a manager with no team approves for nobody');
    assert.deepEqual(await names(amina), [], 'a practitioner sees only their own place');

    const mine = await sessionPage(t.db, amina, sessionId, now);
    assert.equal(mine.mine?.status, 'booked');
    assert.deepEqual(mine.counts, { taken: 2, waiting: 0 });
    assert.deepEqual(mine.moveTo, [], 'only L&D are offered other dates');
    assert.deepEqual(mine.may, { manage: false, managersCourses: false });
    assert.deepEqual(
      (await sessionPage(t.db, ld, sessionId, now)).moveTo.map((s) => s.id),
      [repeat],
      'L&D may move people to the course’s other dates, not to another course',
    );
  },
);

import assert from 'node:assert/strict';
import { UserInputError } from '../platform/http/errors.ts';
import { newId } from '../platform/ids.ts';
import { can } from '../platform/policy/policy.ts';
import type { Principal, Role } from '../platform/policy/roles.ts';
import { forEachDialect, type TestDb } from '../testing/test-db.ts';
import { complianceOf, myElearning, recordCompletion } from './elearning.service.ts';
import { makeStaff, tester } from './test-fixtures.ts';

const at = '2026-01-01T00:00:00.000Z';

/** Two services: S1 with teams T1 and T2, S2 with T3; two people in each team, and one who has left T1. */
async function organisation(t: TestDb) {
  const [s1, s2, t1, t2, t3] = [newId(), newId(), newId(), newId(), newId()];
  await t.db
    .insertInto('services')
    .values([
      { id: s1, name: 'Children in need', created_at: at },
      { id: s2, name: 'Children in care', created_at: at },
    ])
    .execute();
  await t.db
    .insertInto('teams')
    .values([
      { id: t1, service_id: s1, name: 'T1', created_at: at },
      { id: t2, service_id: s1, name: 'T2', created_at: at },
      { id: t3, service_id: s2, name: 'T3', created_at: at },
    ])
    .execute();
  const people: { id: string; teamId: string | null; serviceId: string | null }[] = [];
  for (const [teamId, serviceId] of [
    [t1, s1],
    [t2, s1],
    [t3, s2],
  ] as const)
    for (const id of await makeStaff(t.db, 2, `x${teamId.slice(0, 4)}`)) {
      await t.db.updateTable('staff').set({ team_id: teamId }).where('id', '=', id).execute();
      people.push({ id, teamId, serviceId });
    }
  const [left] = await makeStaff(t.db, 1, 'left');
  await t.db.updateTable('staff').set({ team_id: t1, active: 0 }).where('id', '=', left!).execute();
  return { people, t1, s1 };
}

const principal = (
  id: string,
  roles: Role[],
  teamId: string | null,
  serviceId: string | null,
): Principal => ({
  id,
  name: 'Someone',
  email: `${id}@calderbrook.example`,
  roles,
  teamId,
  serviceId,
});

forEachDialect(
  'compliance lists exactly the active people the policy lets each role see, as can() would one by one',
  async (t) => {
    const { people, t1, s1 } = await organisation(t);
    const me = people[0]!;
    const viewers = [
      principal(me.id, ['team-manager'], t1, s1),
      principal(me.id, ['service-manager'], t1, s1),
      principal(me.id, ['psw'], t1, s1),
      principal(me.id, ['team-manager'], null, null),
    ];
    const sizes: number[] = [];
    for (const user of viewers) {
      const { people: seen } = await complianceOf(t.services, user);
      const expected = people
        .filter((p) =>
          can(user, 'learning:team', { ownerId: p.id, teamId: p.teamId, serviceId: p.serviceId }),
        )
        .map((p) => p.id)
        .sort();
      assert.deepEqual(seen.map((p) => p.id).sort(), expected, `${user.roles.join()} in team ${user.teamId}`);
      sizes.push(seen.length);
    }
    // Team 2 people, service 4, the PSW all 6 active; a manager with no team sees only their own record.
    assert.deepEqual(sizes, [2, 4, 6, 1]);
    assert.equal((await complianceOf(t.services, viewers[0]!)).scope, 'team');
  },
);

forEachDialect(
  'recording a completion: not in the future, only of a module that exists, audited with the change',
  async (t) => {
    const [me] = await makeStaff(t.db, 1);
    const user = principal(me!, ['practitioner'], null, null);
    const moduleId = newId();
    await t.db
      .insertInto('lrn_modules')
      .values({ id: moduleId, title: 'Unconscious Bias', renewal_months: 36, created_at: at })
      .execute();
    await assert.rejects(
      recordCompletion(t.services, user, tester, moduleId, '2026-11-28'),
      (e) =>
        e instanceof UserInputError &&
        e.field === 'completedOn' &&
        /must be today or earlier/.test(e.message),
    );
    await assert.rejects(recordCompletion(t.services, user, tester, newId(), '2026-11-02'), /module/);
    assert.equal(
      await recordCompletion(t.services, user, tester, moduleId, '2026-11-27'),
      'Unconscious Bias',
    );
    const mine = await myElearning(t.services, user);
    assert.deepEqual(
      mine.modules.map((m) => [m.title, m.last]),
      [['Unconscious Bias', '2026-11-27']],
    );
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['record_type', 'summary'])
      .where('action', '=', 'create')
      .execute();
    assert.deepEqual(audit, [
      { record_type: 'elearning-completion', summary: 'Recorded completing Unconscious Bias' },
    ]);
  },
);

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { can, listScope } from '../platform/policy/policy.ts';
import type { Principal, Role } from '../platform/policy/roles.ts';
import { createTestApp, personaFor, type TestApp } from '../testing/test-app.ts';
import { dialectsUnderTest } from '../testing/test-db.ts';
import { childCounts, childStatusRows, teamsInScope } from './dashboard.repo.ts';

async function principal(t: TestApp, role: Role): Promise<Principal> {
  const s = await t.db
    .selectFrom('staff')
    .leftJoin('teams', 'teams.id', 'staff.team_id')
    .select(['staff.id', 'staff.name', 'staff.email', 'staff.team_id', 'teams.service_id'])
    .where('staff.email', '=', personaFor(role).email)
    .executeTakeFirstOrThrow();
  return {
    id: s.id,
    name: s.name,
    email: s.email,
    roles: [role],
    teamId: s.team_id,
    serviceId: s.service_id,
  };
}

/** Every child with where they sit, to ask the policy about each one. */
const everyChild = (t: TestApp) =>
  t.db
    .selectFrom('children as c')
    .innerJoin('teams', 'teams.id', 'c.team_id')
    .select(['c.id', 'c.worker_id', 'c.team_id', 'teams.service_id', 'teams.name as team'])
    .execute();

for (const dialect of dialectsUnderTest()) {
  describe(`lists of children follow listScope('children:view') [${dialect}]`, () => {
    test('each role’s list holds exactly the children `can` allows one by one, and their teams', async () => {
      const t = await createTestApp(dialect);
      try {
        // A team manager who is also the allocated worker of a child in another service: their own record.
        const dan = await principal(t, 'team-manager');
        const elsewhere = await t.db
          .selectFrom('children as c')
          .innerJoin('teams', 'teams.id', 'c.team_id')
          .select('c.id')
          .where('teams.name', '=', 'Children in Care Team')
          .executeTakeFirstOrThrow();
        await t.db
          .updateTable('children')
          .set({ worker_id: dan.id })
          .where('id', '=', elsewhere.id)
          .execute();
        const children = await everyChild(t);
        for (const role of ['practitioner', 'team-manager', 'service-manager', 'psw'] as const) {
          const user = await principal(t, role);
          const allowed = children.filter((c) =>
            can(user, 'children:view', { ownerId: c.worker_id, teamId: c.team_id, serviceId: c.service_id }),
          );
          const scope = listScope(user, 'children:view');
          const listed = new Set((await childStatusRows(t.db, scope, {})).map((r) => r.child_id));
          const withStatus = new Set(
            (await t.db.selectFrom('child_rule_status').select('child_id').execute()).map((r) => r.child_id),
          );
          assert.deepEqual(
            [...listed].sort(),
            allowed
              .map((c) => c.id)
              .filter((id) => withStatus.has(id))
              .sort(),
            role,
          );
          const counted = await childCounts(t.db, scope, 'team', {
            dueFrom: '2026-11-30',
            dueTo: '2026-12-14',
          });
          assert.equal(
            counted.reduce((a, c) => a + c.children, 0),
            allowed.length,
            `${role}: every child in scope is counted once`,
          );
          const teams = await teamsInScope(t.db, scope);
          assert.deepEqual(
            teams.map((x) => x.id).sort(),
            [...new Set(allowed.map((c) => c.team_id))].sort(),
            `${role}: the teams of those children`,
          );
          const order = teams.map((x) => `${x.service_name}/${x.name}`);
          assert.deepEqual(order, [...order].sort(), `${role}: teams in service, then team, order`);
        }
        const danList = await childStatusRows(t.db, listScope(dan, 'children:view'), {});
        assert.ok(
          danList.some((r) => r.child_id === elsewhere.id),
          'a child allocated to the manager is in their list, as their page is open to them',
        );
        assert.ok(listScope(dan, 'children:view').kind === 'team');
      } finally {
        await t.drop();
      }
    });
  });
}

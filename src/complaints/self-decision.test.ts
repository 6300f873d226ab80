import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { UserInputError } from '../platform/http/errors.ts';
import { ForbiddenError } from '../platform/policy/policy.ts';
import type { Principal } from '../platform/policy/roles.ts';
import { createTestApp, personaFor } from '../testing/test-app.ts';
import { dialectsUnderTest } from '../testing/test-db.ts';
import { recordComplaintEvent, setInvestigation } from './complaints.service.ts';
import { addAction, addEvidence, addLessonItem, closeLoop } from './lessons.service.ts';

// Issue 11 item 11: nobody investigates a complaint about themselves. The rule is the
// policy's (`decidesOnOwnRecord`): a person named in a complaint may not act on it, and
// may not be made its investigating officer.
for (const dialect of dialectsUnderTest()) {
  describe(`complaints about a person are not theirs to decide [${dialect}]`, () => {
    test('a manager named in a complaint about their team cannot investigate it or be its officer', async () => {
      const t = await createTestApp(dialect);
      try {
        const c = await t.db
          .selectFrom('complaints')
          .innerJoin('teams', 'teams.id', 'complaints.team_id')
          .select(['complaints.id', 'complaints.team_id', 'teams.service_id', 'complaints.received_on'])
          .executeTakeFirstOrThrow();
        const manager = await t.db
          .selectFrom('staff')
          .innerJoin('staff_roles', 'staff_roles.staff_id', 'staff.id')
          .select(['staff.id', 'staff.name', 'staff.email'])
          .where('staff_roles.role', '=', 'team-manager')
          .where('staff.team_id', '=', c.team_id)
          .executeTakeFirstOrThrow();
        const user: Principal = {
          ...manager,
          roles: ['team-manager'],
          teamId: c.team_id,
          serviceId: c.service_id,
        };
        const officer: Principal = { ...user, id: 'officer-x', roles: ['complaints-officer'] };
        const actor = { id: manager.id, name: manager.name, ip: null, userAgent: null };
        await t.db
          .deleteFrom('complaint_workers')
          .where('complaint_id', '=', c.id)
          .where('staff_id', '=', manager.id)
          .execute();
        const events = async () =>
          (
            await t.db
              .selectFrom('complaint_events')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('complaint_id', '=', c.id)
              .executeTakeFirstOrThrow()
          ).n;
        const before = Number(await events());

        // Not named: their team scope lets them record a contact attempt (an investigating step).
        await setInvestigation(t.db, t.clock, actor, officer, c.id, {
          officerId: manager.id,
          independentPerson: '',
        });

        // Now the complaint names them.
        await t.db
          .insertInto('complaint_workers')
          .values({ complaint_id: c.id, staff_id: manager.id })
          .execute();
        await assert.rejects(
          recordComplaintEvent(
            t.db,
            t.clock,
            actor,
            user,
            c.id,
            { type: 'extended', on: c.received_on, reason: 'x', days: 5 } as never,
            'complaints:investigate',
          ),
          ForbiddenError,
        );
        assert.equal(Number(await events()), before, 'a refusal changes nothing');
        await assert.rejects(
          setInvestigation(t.db, t.clock, actor, officer, c.id, {
            officerId: manager.id,
            independentPerson: '',
          }),
          (e: unknown) => e instanceof UserInputError && e.field === 'officerId',
        );
      } finally {
        await t.drop();
      }
    });

    test('nobody closes the loop on evidence they gave for their own action', async () => {
      const t = await createTestApp(dialect);
      try {
        const staff = await t.db
          .selectFrom('staff')
          .select(['id', 'name', 'email'])
          .where('email', '=', personaFor('complaints-officer').email)
          .executeTakeFirstOrThrow();
        const officer: Principal = { ...staff, roles: ['complaints-officer'], teamId: null, serviceId: null };
        const psw = { ...officer, id: 'another-person', roles: ['psw' as const] };
        const actor = { id: staff.id, name: staff.name, ip: null, userAgent: null };
        const itemId = await addLessonItem(t.db, t.clock, actor, officer, {
          complaintId: (await t.db.selectFrom('complaints').select('id').executeTakeFirstOrThrow()).id,
          sourceId: null,
          kind: 'learning point',
          title: 'Explain the plan in plain words',
          detail: 'Families need plans they can read',
          theme: 'communication',
          teamId: null,
        });
        await addAction(t.db, t.clock, actor, officer, itemId, {
          description: 'Rewrite the template',
          ownerId: staff.id,
          dueOn: '2026-12-11',
        });
        const action = await t.db
          .selectFrom('lesson_actions')
          .select('id')
          .where('item_id', '=', itemId)
          .executeTakeFirstOrThrow();
        await addEvidence(t.db, t.clock, t.services.config.dataDir, actor, officer, action.id, {
          text: 'Done',
          link: '',
          file: null,
        });
        await assert.rejects(closeLoop(t.db, t.clock, actor, officer, itemId), ForbiddenError);
        const closed = async () =>
          (
            await t.db
              .selectFrom('lesson_items')
              .select('closed_on')
              .where('id', '=', itemId)
              .executeTakeFirstOrThrow()
          ).closed_on;
        assert.equal(await closed(), null);
        await closeLoop(t.db, t.clock, actor, psw, itemId);
        assert.ok(await closed());
      } finally {
        await t.drop();
      }
    });
  });
}

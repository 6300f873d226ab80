import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTestApp, personaFor } from '../testing/test-app.ts';
import { dialectsUnderTest } from '../testing/test-db.ts';
import { recordComplaintEvent } from './complaints.service.ts';

for (const dialect of dialectsUnderTest()) {
  describe(`complaint changes [${dialect}]`, () => {
    test('two people changing one complaint at once: each event is kept once, in order, and the history replays', async () => {
      const t = await createTestApp(dialect);
      try {
        const c = await t.db
          .selectFrom('complaints')
          .select('id')
          .where('status', '=', 'answered')
          .executeTakeFirstOrThrow();
        const officer = personaFor('complaints-officer');
        const staff = await t.db
          .selectFrom('staff')
          .select(['id', 'team_id'])
          .where('email', '=', officer.email)
          .executeTakeFirstOrThrow();
        const user = {
          id: staff.id,
          name: officer.name,
          email: officer.email,
          roles: officer.roles,
          teamId: staff.team_id,
          serviceId: null,
        };
        const actor = { id: staff.id, name: officer.name, ip: null, userAgent: null };
        const results = await Promise.allSettled([
          recordComplaintEvent(t.db, t.clock, actor, user, c.id, { type: 'escalated', on: '2026-11-27' }),
          recordComplaintEvent(t.db, t.clock, actor, user, c.id, { type: 'resolved', on: '2026-11-27' }),
        ]);
        // Both cannot win: resolving and escalating the same answered stage are alternatives.
        assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
        const seqs = (
          await t.db
            .selectFrom('complaint_events')
            .select('seq')
            .where('complaint_id', '=', c.id)
            .orderBy('seq')
            .execute()
        ).map((r) => r.seq);
        assert.deepEqual(
          seqs,
          seqs.map((_, i) => i + 1),
        );
      } finally {
        await t.drop();
      }
    });
  });
}

import assert from 'node:assert/strict';
import { insertStaff } from '../people/api.ts';
import { systemActor } from '../platform/audit/audit.ts';
import { forEachDialect } from '../testing/test-db.ts';
import { searchStandardHeadings } from './library.repo.ts';
import { createStandard } from './library.service.ts';

// The search ranks and cuts inside the full-text table, then looks up only what it keeps: the
// best matches must still come first and the limit must keep the best, not the first found.
forEachDialect('a search keeps the best matches, best first, and stops at its limit', async (t) => {
  const owner = await insertStaff(t.db, t.clock.now().toISOString(), {
    staffNumber: 'S1',
    email: 'owner@calderbrook.example',
    name: 'Owner',
    teamId: null,
    roles: ['psw'],
  });
  // Written in an order that is not the ranking: the body-only mentions come first.
  const ids = new Map<string, string>();
  for (const [title, body] of [
    ['Keep the chronology', 'Note each supervision in the chronology.'],
    ['Visits to children', 'See the child alone.'],
    ['Supervision every month', 'Supervision is recorded; supervision is reflective.'],
    ['Plans', 'A plan, with supervision of its progress.'],
  ] as const)
    ids.set(
      title,
      await createStandard(t.db, t.clock, systemActor('test'), {
        area: 'supervision',
        title,
        level: 'should',
        body,
        byWhen: 'Monthly',
        whyChild: 'It matters for the child.',
        sourceKind: 'local',
        sourceDetail: '',
        ownerId: owner,
        reviewOn: '2027-12-01',
        related: [],
        links: [],
        timescaleField: null,
        timescaleDays: null,
        inAudit: false,
      }),
    );
  const best = ids.get('Supervision every month');
  const all = await searchStandardHeadings(t.db, ['supervision']);
  assert.equal(all.length, 3, 'the three that mention supervision, not the one about visits');
  assert.equal(all[0]!.id, best, 'in its title and twice more in its body: the best match');
  assert.equal(all[0]!.title, 'Supervision every month', 'with its current heading');
  assert.deepEqual(
    (await searchStandardHeadings(t.db, ['supervision'], 1)).map((s) => s.id),
    [best],
    'a limit of one keeps the best, though it was written third',
  );
  assert.deepEqual(await searchStandardHeadings(t.db, ['safeguarding']), []);
});

import assert from 'node:assert/strict';
import { insertStaff } from '../people/api.ts';
import { forEachDialect } from '../testing/test-db.ts';
import { indexStandard, insertStandard, insertVersion } from './api.ts';
import { searchStandardHeadings } from './library.repo.ts';

// The search ranks and cuts inside the full-text table, then looks up only what it keeps: the
// best matches must still come first and the limit must keep the best, not the first found.
forEachDialect('a search keeps the best matches, best first, and stops at its limit', async (t) => {
  const now = t.clock.now().toISOString();
  const owner = await insertStaff(t.db, now, {
    staffNumber: 'S1',
    email: 'owner@calderbrook.example',
    name: 'Owner',
    teamId: null,
    roles: ['psw'],
  });
  // Written in an order that is not the ranking: the body-only mentions come first.
  const standards = [
    { id: 'std-a', title: 'Keep the chronology', body: 'Note each supervision in the chronology.' },
    { id: 'std-b', title: 'Visits to children', body: 'See the child alone.' },
    {
      id: 'std-c',
      title: 'Supervision every month',
      body: 'Supervision is recorded; supervision is reflective.',
    },
    { id: 'std-d', title: 'Plans', body: 'A plan, with supervision of its progress.' },
  ];
  for (const [i, s] of standards.entries()) {
    await insertStandard(t.db, {
      id: s.id,
      area: 'supervision',
      position: i,
      current_version: 1,
      ack_version: 0,
      owner_id: owner,
      review_on: '2027-12-01',
      timescale_field: null,
      in_audit: 0,
      created_at: now,
      updated_at: now,
    });
    await insertVersion(t.db, {
      id: `${s.id}-v1`,
      standard_id: s.id,
      version: 1,
      title: s.title,
      level: 'should',
      body: s.body,
      by_when: 'Monthly',
      why_child: 'It matters for the child.',
      source_kind: 'local',
      source_detail: '',
      timescale_days: null,
      related: '[]',
      links: '[]',
      summary: 'First',
      reason: 'New',
      major: 0,
      review_on: '2027-12-01',
      owner_id: owner,
      created_at: now,
      created_by_name: 'Owner',
    });
    await indexStandard(t.db, s.id, s.title, s.body);
  }
  const all = await searchStandardHeadings(t.db, ['supervision']);
  assert.equal(all.length, 3, 'the three that mention supervision, not the one about visits');
  assert.equal(all[0]!.id, 'std-c', 'in its title and twice more in its body: the best match');
  assert.equal(all[0]!.title, 'Supervision every month', 'with its current heading');
  assert.deepEqual(
    (await searchStandardHeadings(t.db, ['supervision'], 1)).map((s) => s.id),
    ['std-c'],
    'a limit of one keeps the best, though it was written third',
  );
  assert.deepEqual(await searchStandardHeadings(t.db, ['safeguarding']), []);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Principal } from '../platform/policy/roles.ts';
import { createTestDb, dialectsUnderTest } from '../testing/test-db.ts';
import { seedLearning } from './demo/seed.ts';
import { practiceFocusPanel } from './panels.ts';

const reader: Principal = {
  id: 'nobody',
  name: 'Amina Hussain',
  email: 'amina@calderbrook.example',
  roles: ['practitioner'],
  teamId: null,
  serviceId: null,
};

// Rule checked: the home page's practice focus is the current month's in London time, at the month's
// first minutes and last minutes, in winter (GMT) and in summer (BST, when London is an hour ahead of UTC).
const CASES = [
  ['2026-11-30T23:30:00Z', 'November 2026'],
  ['2026-12-01T00:30:00Z', 'December 2026'],
  ['2026-05-31T23:30:00Z', 'June 2026'],
] as const;

for (const dialect of dialectsUnderTest())
  test(`the practice focus is this month's in London, at the month boundaries [${dialect}]`, async () => {
    for (const [now, month] of CASES) {
      const t = await createTestDb(dialect, now);
      try {
        await seedLearning(t.db, t.clock, { size: 'small' });
        const panel = await practiceFocusPanel.load(t.services, reader);
        assert.equal(
          panel?.title,
          `Practice focus for ${month}: Motivational Interviewing (practice focus)`,
          now,
        );
      } finally {
        await t.drop();
      }
    }
  });

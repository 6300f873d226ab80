import assert from 'node:assert/strict';
import { test } from 'node:test';
import { agencyInTeamPanel, noTeamPanel, workforcePanel, yourTeamPanel } from './panels.presenter.ts';

test("the team panel names the team and its service, counts colleagues in words, and links to the team's staff", () => {
  const one = yourTeamPanel('t1', { name: 'Front Door', service: 'Front Door and Assessment' }, 1);
  assert.deepEqual(one.lines, ['Front Door, Front Door and Assessment.', 'You work with 1 colleague here.']);
  assert.deepEqual(one.link, { href: '/staff?team=t1', text: 'See your team' });
  assert.equal(
    yourTeamPanel('t1', { name: 'A', service: 'B' }, 6).lines[1],
    'You work with 6 colleagues here.',
  );
  assert.deepEqual(noTeamPanel().lines, ['You are not in a team yet. Ask a system admin to add you to one.']);
});

test('the agency panel names agency staff with the induction reminder, or says there are none', () => {
  const some = agencyInTeamPanel(['Ben Ali', 'Zoe Khan']);
  assert.equal(some.count, 2);
  assert.match(some.lines[0]!, /^Ben Ali, Zoe Khan\. Make sure they have had an induction/);
  const none = agencyInTeamPanel([]);
  assert.equal(none.count, 0);
  assert.deepEqual(none.lines, ['Nobody in your team is agency staff at the moment.']);
});

test('the workforce panel reads its counts as sentences', () => {
  const panel = workforcePanel({ active: 40, activeAgency: 6, left: 1 });
  assert.equal(panel.count, 40);
  assert.deepEqual(panel.lines, [
    "40 people work in children's social care, 6 of them agency staff.",
    '1 leaver is kept with their history.',
  ]);
  assert.equal(
    workforcePanel({ active: 1, activeAgency: 0, left: 3 }).lines.join(' '),
    "1 person works in children's social care, 0 of them agency staff. 3 leavers are kept with their history.",
  );
});

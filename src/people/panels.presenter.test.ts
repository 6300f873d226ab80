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

test('a team of one is not told it works with 0 colleagues, and has no team to see', () => {
  const alone = yourTeamPanel('t9', { name: 'Complaints and Customer Relations', service: 'Practice' }, 0);
  assert.deepEqual(alone.lines, [
    'Complaints and Customer Relations, Practice.',
    'Nobody else in this team uses the Hub.',
  ]);
  assert.equal(alone.link, undefined);
});

test('the agency panel says who has completed induction and who has not, or that there are none', () => {
  const some = agencyInTeamPanel([
    { name: 'Ben Ali', inducted: true },
    { name: 'Zoe Khan', inducted: false },
    { name: 'Ade Obi', inducted: false },
  ]);
  assert.equal(some.count, 2, 'those still to be inducted');
  assert.deepEqual(some.lines, [
    'Completed induction: Ben Ali.',
    'Not inducted yet: Zoe Khan, Ade Obi. Make sure they have an induction, so they can explain our processes to families.',
  ]);
  assert.deepEqual(agencyInTeamPanel([{ name: 'Ben Ali', inducted: true }]).lines, [
    'Completed induction: Ben Ali.',
    'Everyone has completed induction.',
  ]);
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

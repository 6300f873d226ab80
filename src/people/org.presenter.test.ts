import assert from 'node:assert/strict';
import { test } from 'node:test';
import { presentServiceForm, presentTeamForm, presentTeams } from './org.presenter.ts';
import type { TeamRow } from './org.repo.ts';

const teams: TeamRow[] = [
  {
    id: 't1',
    name: 'Front Door',
    service_id: 'v1',
    service_name: 'Front Door and Assessment',
    active_staff: 7,
  },
  {
    id: 't2',
    name: 'Assessment & Review',
    service_id: 'v1',
    service_name: 'Front Door and Assessment',
    active_staff: null,
  },
  {
    id: 't3',
    name: 'Leaving Care Team',
    service_id: 'v2',
    service_name: 'Children in Care',
    active_staff: 2,
  },
];

test('teams are grouped under their services, with their managers, and a change link only for those who may', () => {
  const managers = new Map([['t1', ['Daniel Price', 'Grace Adeyemi']]]);
  const view = presentTeams({ teams, managers, canManage: false });
  assert.deepEqual(
    view.services.map((s) => [s.name, s.rows.length]),
    [
      ['Front Door and Assessment', 2],
      ['Children in Care', 1],
    ],
  );
  const [front, review] = view.services[0]!.rows;
  assert.equal(front![1]!.text, 'Daniel Price, Grace Adeyemi');
  assert.equal(front![2]!.text, '7');
  assert.equal(review![1]!.text, 'No team manager recorded');
  assert.equal(review![2]!.text, '0');
  assert.equal(review![0]!.html, '<a class="govuk-link" href="/staff?team=t2">Assessment &#38; Review</a>');
  assert.equal(front!.length, 3, 'no change link for someone who may not change teams');

  const admin = presentTeams({ teams, managers, canManage: true });
  assert.match(
    String(admin.services[0]!.rows[0]![3]!.html),
    /href="\/teams\/t1\/edit">Change<span class="govuk-visually-hidden"> Front Door/,
  );
});

test('the team form adds a team, or changes one with its name and service filled in', () => {
  const services = [
    { id: 'v1', name: 'Front Door and Assessment' },
    { id: 'v2', name: 'Children in Care' },
  ];
  const add = presentTeamForm({ services });
  assert.equal(add.title, 'Add a team');
  assert.equal(add.action, '/teams/new');
  assert.deepEqual(add.serviceItems[0], { value: '', text: 'Choose a service' });
  assert.ok(add.serviceItems.slice(1).every((s) => !('selected' in s && s.selected)));

  const change = presentTeamForm({
    team: { id: 't3', name: 'Leaving Care Team', service_id: 'v2' },
    services,
  });
  assert.equal(change.title, 'Change Leaving Care Team');
  assert.equal(change.action, '/teams/t3/edit');
  assert.deepEqual(change.values, { name: 'Leaving Care Team', serviceId: 'v2' });
  assert.deepEqual(
    change.serviceItems.filter((s) => 'selected' in s && s.selected).map((s) => s.value),
    ['v2'],
  );

  const kept = presentTeamForm(
    { team: { id: 't3', name: 'Leaving Care Team', service_id: 'v2' }, services },
    { values: { name: '', serviceId: 'v1' }, errors: { summary: [] } },
  );
  assert.deepEqual(kept.values, { name: '', serviceId: 'v1' }, 'the answers kept win over the saved team');
  assert.equal(kept.title, 'Change Leaving Care Team');
});

test('the service form shows the answers kept after a refusal', () => {
  assert.deepEqual(presentServiceForm().values, {});
  assert.deepEqual(presentServiceForm({ values: { name: 'Early Help' }, errors: {} }).values, {
    name: 'Early Help',
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StaffRow } from './directory.repo.ts';
import { staffItems, stillWorking, teamItems } from './options.presenter.ts';

const staff: StaffRow[] = [
  { id: 's1', name: 'Amina Hussain', job_title: 'Social Worker', is_agency: 0, left_on: null, active: 1 },
  { id: 's2', name: 'Jo Locum', job_title: 'Social Worker', is_agency: 1, left_on: '2026-09-30', active: 0 },
];

test('staff choices mark agency workers and leavers; choices that need someone working leave leavers out', () => {
  assert.deepEqual(
    staffItems(staff, 's2', 'Nobody').map((i) => [i.text, 'selected' in i && i.selected]),
    [
      ['Nobody', false],
      ['Amina Hussain, Social Worker', false],
      ['Jo Locum, Social Worker (agency) (left 2026-09-30)', true],
    ],
  );
  assert.deepEqual(
    stillWorking(staff).map((s) => s.name),
    ['Amina Hussain'],
  );
  assert.deepEqual(
    teamItems([{ id: 't1', name: 'Front Door' }], undefined).map((i) => i.text),
    ['Choose a team', 'Front Door'],
  );
});

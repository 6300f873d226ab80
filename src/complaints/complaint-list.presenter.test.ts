import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { presentComplaintList, presentNewComplaint } from './complaint-list.presenter.ts';
import type { StaffRow } from './directory.repo.ts';

type Option = { value: string; text: string; selected?: boolean };
/** The option a select shows as chosen. */
const chosen = (items: Option[]) => items.find((i) => i.selected);

const today = '2026-11-27';
const row = (status: string, due_on: string | null) => ({
  id: `c-${status}`,
  reference: 'C-2026-0001',
  received_on: '2026-11-02',
  stage: 1,
  status,
  due_on,
  summary: 'A summary',
  team_name: 'Front Door',
});
const teams = [
  { id: 't1', name: 'Front Door' },
  { id: 't2', name: 'Leaving Care Team' },
];
const staff: StaffRow[] = [
  { id: 's1', name: 'Amina Hussain', job_title: 'Social Worker', is_agency: 0, left_on: null, active: 1 },
  { id: 's2', name: 'Jo Locum', job_title: 'Social Worker', is_agency: 1, left_on: '2026-09-30', active: 0 },
];

describe('the complaints list', () => {
  test('only an open complaint past its due date is marked overdue, and statuses are in words', () => {
    const view = presentComplaintList({
      rows: [
        row('open', '2026-11-26'),
        row('open', '2026-11-27'),
        row('answered', '2026-11-01'),
        row('resolved', null),
      ],
      teams,
      may: { manage: true, sources: false, reports: true },
      filters: { team: 't2' },
      today,
    });
    assert.deepEqual(
      view.rows.map((r) => [r.statusName, r.due, r.overdue]),
      [
        ['Open', '26 November 2026', true],
        ['Open', '27 November 2026', false],
        ['Answered, waiting to hear from the complainant', '1 November 2026', false],
        ['Resolved', '', false],
      ],
    );
    assert.equal(view.rows[0]?.received, '2 November 2026');
    assert.equal(view.teamItems[0]?.text, 'Any team');
    assert.equal(chosen(view.teamItems)?.text, 'Leaving Care Team');
    assert.deepEqual(view.can, { manage: true, sources: false, reports: true });
  });
});

describe('the register form', () => {
  test('a fresh form is dated today; officers are people still working, workers concerned may have left', () => {
    const view = presentNewComplaint({ kept: undefined, today, teams, staff });
    assert.deepEqual(view.values, { receivedOn: today });
    assert.equal(view.teamItems[0]?.text, 'Choose a team');
    assert.deepEqual(
      view.officerItems.map((i) => i.text),
      ['Not chosen yet', 'Amina Hussain, Social Worker'],
    );
    assert.equal(view.workerItems.length, 3);
    assert.equal(view.workerItems[0]?.[2]?.text, 'Jo Locum, Social Worker (agency) (left 2026-09-30)');
  });

  test('a refused form comes back with what was typed and chosen', () => {
    const errors = { summary: [{ text: 'Enter a short summary', href: '#summary' }], fields: {} };
    const view = presentNewComplaint({
      kept: {
        values: { receivedOn: '2026-11-20', workerIds: ['s2', 's1'], theme1: 'delay', teamId: 't1' },
        errors,
      },
      today,
      teams,
      staff,
    });
    assert.equal(view.values.receivedOn, '2026-11-20');
    assert.equal(view.errors, errors);
    assert.equal(chosen(view.workerItems[0] ?? [])?.value, 's2');
    assert.equal(chosen(view.workerItems[1] ?? [])?.value, 's1');
    assert.equal(chosen(view.workerItems[2] ?? []), undefined);
    assert.equal(chosen(view.themeItems[0] ?? [])?.text, 'Delay');
    assert.equal(chosen(view.teamItems)?.text, 'Front Door');
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Role } from '../platform/policy/roles.ts';
import type { TeamRow } from './org.repo.ts';
import { presentDirectory, presentStaffEdit, presentStaffRecord } from './staff.presenter.ts';
import type { StaffListRow, StaffRecord } from './staff.repo.ts';

type DirectoryRow = StaffListRow & { roles: Role[]; viewable: boolean };

const listRow = (over: Partial<DirectoryRow> = {}): DirectoryRow => ({
  id: 's1',
  name: 'Amina <Hussain>',
  email: 'amina@calderbrook.example',
  job_title: 'Social Worker',
  is_agency: 0,
  active: 1,
  left_on: null,
  team_id: 't1',
  team_name: 'Front Door',
  service_id: 'v1',
  service_name: 'Front Door and Assessment',
  roles: [],
  viewable: true,
  ...over,
});

const team: TeamRow = {
  id: 't1',
  name: 'Front Door',
  service_id: 'v1',
  service_name: 'Front Door and Assessment',
  active_staff: 3,
};

const record = (over: Partial<StaffRecord> = {}): StaffRecord => ({
  id: 's1',
  staff_number: 'D1000',
  name: 'Amina Hussain',
  email: 'amina@calderbrook.example',
  job_title: '',
  is_agency: 1,
  active: 1,
  left_on: null,
  locked_until: null,
  created_at: '2026-01-05T09:00:00.000Z',
  updated_at: '2026-01-05T09:00:00.000Z',
  team_id: null,
  team_name: null,
  service_id: null,
  service_name: null,
  ...over,
});

test('the directory links only the records the reader may open, escapes names and tags leavers and agency staff', () => {
  const view = presentDirectory(
    {
      rows: [
        listRow(),
        listRow({
          id: 's2',
          name: 'Ben Ali',
          viewable: false,
          active: 0,
          left_on: '2026-09-30',
          is_agency: 1,
        }),
      ],
      total: 2,
      teams: [team],
      canImport: false,
    },
    { status: 'active', page: 1, team: 't1' },
  );
  assert.equal(view.rows[0]![0]!.html, '<a class="govuk-link" href="/staff/s1">Amina &#60;Hussain&#62;</a>');
  assert.equal(view.rows[1]![0]!.html, 'Ben Ali', 'no link to a record the reader may not see');
  assert.match(String(view.rows[1]![4]!.html), /Left 30 September 2026.*Agency/);
  assert.equal(view.summary, 'Showing 1 to 2 of 2 people.');
  assert.equal(view.pagination, undefined, 'one page needs no pagination');
  assert.deepEqual(view.teams, [{ value: 't1', text: 'Front Door', selected: true }]);
  assert.equal(view.canImport, false);
});

test('a long directory is paged, keeping the filters in every page link', () => {
  const rows = Array.from({ length: 50 }, (_, i) => listRow({ id: `s${i}` }));
  const view = presentDirectory(
    { rows, total: 120, teams: [], canImport: true },
    { q: 'ali', role: 'practitioner', status: 'all', page: 2 },
  );
  assert.equal(view.summary, 'Showing 51 to 100 of 120 people.');
  assert.equal(view.pagination?.items.length, 3);
  assert.equal(view.pagination?.previous?.href, '/staff?q=ali&role=practitioner&status=all&page=1');
  assert.equal(view.pagination?.next?.href, '/staff?q=ali&role=practitioner&status=all&page=3');
  assert.equal(view.pagination?.items[1]?.current, true);
  const none = presentDirectory(
    { rows: [], total: 0, teams: [], canImport: true },
    { status: 'left', page: 1 },
  );
  assert.equal(none.summary, 'No staff match these filters.');
});

test("a person's record gives a missing job title and team in words, and says nothing of sign-in locks (there are none)", () => {
  const page = presentStaffRecord({
    staff: record({}),
    roles: ['practitioner'],
    canManage: true,
    canInvite: true,
  });
  assert.equal(page.title, 'Amina Hussain');
  const byKey = Object.fromEntries(page.rows.map((r) => [r.key.text, r.value]));
  assert.equal(byKey['Sign-in'], undefined);
  assert.equal(byKey['Job title']?.text, 'Not given');
  assert.equal(byKey.Team?.text, 'No team');
  assert.equal(byKey.Roles?.text, 'Practitioner');
  assert.match(String(byKey.Status?.html), /Active.*Agency/);
  const none = presentStaffRecord({ staff: record({}), roles: [], canManage: false, canInvite: false });
  assert.equal(Object.fromEntries(none.rows.map((r) => [r.key.text, r.value])).Roles?.text, 'None');
});

test('the change form starts from the person as they are, or from the answers kept after a refusal', () => {
  const fresh = presentStaffEdit({
    staff: record({ team_id: 't1' }),
    roles: ['team-manager'],
    teams: [team],
  });
  assert.deepEqual(fresh.values, { teamId: 't1', roles: ['team-manager'], isAgency: 'yes', leftOn: '' });
  assert.deepEqual(fresh.teamItems[1], {
    value: 't1',
    text: 'Front Door (Front Door and Assessment)',
    selected: true,
  });
  assert.deepEqual(
    fresh.roleItems.filter((r) => r.checked).map((r) => r.value),
    ['team-manager'],
  );

  const kept = presentStaffEdit(
    { staff: record({ team_id: 't1' }), roles: ['team-manager'], teams: [team] },
    { values: { teamId: '', roles: 'psw', isAgency: 'no', leftOn: '30/09/2026' }, errors: {} },
  );
  assert.deepEqual(kept.teamItems[1], {
    value: 't1',
    text: 'Front Door (Front Door and Assessment)',
    selected: false,
  });
  assert.deepEqual(
    kept.roleItems.filter((r) => r.checked).map((r) => r.value),
    ['psw'],
    'a single checked role arrives as a string',
  );
  assert.equal(kept.values.leftOn, '30/09/2026');
});

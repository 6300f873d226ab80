import { formatDate } from '../platform/views/format.ts';
import { STATUS_NAMES } from './complaint.presenter.ts';
import type { listComplaints } from './complaints.repo.ts';
import type { StaffRow, TeamRow } from './directory.repo.ts';
import { type KeptForm, RECEIVED_HOW, selectItems, THEMES } from './forms.ts';
import { staffItems, stillWorking, teamItems } from './options.presenter.ts';

type ComplaintListRow = Awaited<ReturnType<typeof listComplaints>>[number];
export interface ComplaintListFilters {
  stage?: number;
  status?: string;
  team?: string;
  overdue?: 'yes';
}

/** Pure: the complaints list, with the filters chosen and the links this person may follow. */
export function presentComplaintList(p: {
  rows: ComplaintListRow[];
  teams: TeamRow[];
  may: { manage: boolean; sources: boolean; reports: boolean };
  filters: ComplaintListFilters;
  today: string;
}) {
  return {
    title: 'Complaints',
    filters: p.filters,
    can: p.may,
    teamItems: teamItems(p.teams, p.filters.team, 'Any team'),
    rows: p.rows.map((r) => ({
      ...r,
      received: formatDate(r.received_on),
      due: r.due_on ? formatDate(r.due_on) : '',
      overdue: r.status === 'open' && r.due_on !== null && r.due_on < p.today,
      statusName: STATUS_NAMES[r.status] ?? r.status,
    })),
  };
}

/** Pure: the register form, with the answers kept from a refused attempt (or today as the date received). */
export function presentNewComplaint(p: {
  kept: KeptForm;
  today: string;
  teams: TeamRow[];
  staff: StaffRow[];
}) {
  const v = p.kept?.values ?? { receivedOn: p.today };
  const workers = [v.workerIds].flat();
  return {
    title: 'Register a complaint',
    values: v,
    errors: p.kept?.errors,
    howItems: selectItems(RECEIVED_HOW, v.receivedHow, 'Choose how'),
    themeItems: [1, 2, 3].map((n) => selectItems(THEMES, v[`theme${n}`], 'Choose a theme')),
    teamItems: teamItems(p.teams, v.teamId),
    workerItems: [0, 1, 2].map((i) => staffItems(p.staff, workers[i], 'Nobody else')),
    officerItems: staffItems(stillWorking(p.staff), v.officerId, 'Not chosen yet'),
    backLink: { href: '/complaints' },
  };
}

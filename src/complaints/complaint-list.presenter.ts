import { formatDate, listTitle } from '../platform/views/format.ts';
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

/** The filters in words, for the page's title: "Complaints: open, overdue, Stage 1, Assessment Team 1". */
function filterWords(f: ComplaintListFilters, teams: TeamRow[]) {
  const words = [
    f.status ? (STATUS_NAMES[f.status] ?? f.status).toLowerCase() : undefined,
    f.overdue ? 'overdue' : undefined,
    f.stage ? `Stage ${f.stage}` : undefined,
    f.team ? (teams.find((t) => t.id === f.team)?.name ?? 'one team') : undefined,
  ].filter(Boolean);
  return words.length ? `: ${words.join(', ')}` : false;
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
    documentTitle: listTitle('Complaints', { page: 1, pages: 1, filtered: filterWords(p.filters, p.teams) }),
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

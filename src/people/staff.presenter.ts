import { ROLE_NAMES, ROLES, type Role } from '../platform/policy/roles.ts';
import { escapeHtml, formatDate, listTitle, plural } from '../platform/views/format.ts';
import type { TeamRow } from './org.repo.ts';
import type { StaffListRow, StaffRecord } from './staff.repo.ts';

/** Staff rows → what the directory, a person's record and the change form show. Pure. */

export const DIRECTORY_PAGE_SIZE = 50;

/** The directory's filters as the address carries them. */
export interface DirectoryFilters {
  q?: string;
  team?: string;
  role?: Role;
  status: 'active' | 'left' | 'all';
  page: number;
}

type DirectoryRow = StaffListRow & { roles: Role[]; viewable: boolean };

export function presentDirectory(
  data: { rows: DirectoryRow[]; total: number; teams: TeamRow[]; canImport: boolean },
  f: DirectoryFilters,
) {
  return {
    title: 'Staff',
    documentTitle: listTitle('Staff', {
      page: f.page,
      pages: Math.max(1, Math.ceil(data.total / DIRECTORY_PAGE_SIZE)),
      filtered:
        f.q || f.role || f.status !== 'active'
          ? true
          : f.team && ` in ${data.teams.find((t) => t.id === f.team)?.name ?? 'one team'}`,
    }),
    filters: f,
    teams: data.teams.map((t) => ({ value: t.id, text: t.name, selected: t.id === f.team })),
    roleItems: ROLES.map((r) => ({ value: r, text: ROLE_NAMES[r], selected: r === f.role })),
    rows: directoryTable(data.rows),
    summary: directorySummary(data.total, data.rows.length, (f.page - 1) * DIRECTORY_PAGE_SIZE),
    pagination: pager(f, data.total),
    canImport: data.canImport,
  };
}

/** Rows of the directory table, in the design system's table shape; a name links only if it may be opened. */
export function directoryTable(rows: DirectoryRow[]) {
  return rows.map((r) => [
    {
      html: r.viewable
        ? `<a class="govuk-link" href="/staff/${r.id}">${escapeHtml(r.name)}</a>`
        : escapeHtml(r.name),
    },
    { text: r.job_title },
    { text: r.team_name ?? 'No team' },
    { text: r.roles.map((x) => ROLE_NAMES[x]).join(', ') },
    { html: statusTags(r) },
  ]);
}

export function statusTags(r: { is_agency: number; active: number; left_on: string | null }): string {
  const tags = [];
  if (r.active !== 1)
    tags.push(
      `<strong class="govuk-tag govuk-tag--grey">Left${r.left_on ? ` ${formatDate(r.left_on)}` : ''}</strong>`,
    );
  else tags.push('<strong class="govuk-tag govuk-tag--green">Active</strong>');
  // Working their notice: still active, with the date they go.
  if (r.active === 1 && r.left_on)
    tags.push(`<strong class="govuk-tag govuk-tag--blue">Leaving ${formatDate(r.left_on)}</strong>`);
  if (r.is_agency === 1) tags.push('<strong class="govuk-tag govuk-tag--yellow">Agency</strong>');
  return tags.join(' ');
}

export function directorySummary(total: number, shown: number, offset: number): string {
  if (total === 0) return 'No staff match these filters.';
  return `Showing ${offset + 1} to ${offset + shown} of ${plural(total, 'person', 'people')}.`;
}

function pager(f: DirectoryFilters, total: number) {
  const pages = Math.max(1, Math.ceil(total / DIRECTORY_PAGE_SIZE));
  if (pages === 1) return undefined;
  const href = (page: number) => {
    const p = new URLSearchParams();
    if (f.q) p.set('q', f.q);
    if (f.team) p.set('team', f.team);
    if (f.role) p.set('role', f.role);
    p.set('status', f.status);
    p.set('page', String(page));
    return `/staff?${p}`;
  };
  return {
    previous: f.page > 1 ? { href: href(f.page - 1) } : undefined,
    next: f.page < pages ? { href: href(f.page + 1) } : undefined,
    items: Array.from({ length: pages }, (_, i) => ({
      number: i + 1,
      href: href(i + 1),
      current: i + 1 === f.page,
    })),
  };
}

/** A person's record page: the summary, and which buttons the reader gets. */
export function presentStaffRecord(data: {
  staff: StaffRecord;
  roles: Role[];
  canManage: boolean;
  canInvite: boolean;
}) {
  return {
    title: data.staff.name,
    staff: data.staff,
    rows: staffSummaryRows(data.staff, data.roles),
    canManage: data.canManage,
    canInvite: data.canInvite,
    backLink: { href: '/staff', text: 'Back to staff' },
  };
}

export function staffSummaryRows(
  s: {
    staff_number: string;
    email: string;
    job_title: string;
    team_name: string | null;
    service_name: string | null;
    is_agency: number;
    active: number;
    left_on: string | null;
    created_at: string;
  },
  roles: Role[],
) {
  return [
    { key: { text: 'Staff number' }, value: { text: s.staff_number } },
    { key: { text: 'Email' }, value: { text: s.email } },
    { key: { text: 'Job title' }, value: { text: s.job_title || 'Not given' } },
    {
      key: { text: 'Team' },
      value: { text: s.team_name ? `${s.team_name} (${s.service_name})` : 'No team' },
    },
    { key: { text: 'Roles' }, value: { text: roles.map((r) => ROLE_NAMES[r]).join(', ') || 'None' } },
    { key: { text: 'Status' }, value: { html: statusTags(s) } },
    { key: { text: 'On the Hub since' }, value: { text: formatDate(s.created_at) } },
  ];
}

/** The change form: the answers kept from a refused attempt, or else the person as they are now. */
export function presentStaffEdit(
  data: { staff: StaffRecord; roles: Role[]; teams: TeamRow[] },
  kept?: { values: Record<string, unknown>; errors: unknown },
) {
  const { staff } = data;
  const values = kept?.values ?? {
    teamId: staff.team_id ?? '',
    roles: data.roles,
    isAgency: staff.is_agency ? 'yes' : 'no',
    leftOn: staff.left_on ?? '',
  };
  const chosen = new Set<unknown>([values.roles ?? []].flat());
  return {
    title: `Change ${staff.name}`,
    staff,
    values,
    errors: kept?.errors,
    teamItems: [
      { value: '', text: 'No team' },
      ...data.teams.map((t) => ({
        value: t.id,
        text: `${t.name} (${t.service_name})`,
        selected: t.id === values.teamId,
      })),
    ],
    roleItems: ROLES.map((r) => ({ value: r, text: ROLE_NAMES[r], checked: chosen.has(r) })),
    backLink: { href: `/staff/${staff.id}` },
  };
}

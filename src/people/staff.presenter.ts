import { ROLE_NAMES, type Role } from '../platform/policy/roles.ts';
import { escapeHtml, formatDate, formatDateTime, plural } from '../platform/views/format.ts';

type ListRow = {
  id: string;
  team_id: string | null;
  service_id: string | null;
  name: string;
  job_title: string;
  is_agency: number;
  active: number;
  left_on: string | null;
  team_name: string | null;
  service_name: string | null;
};

/** Rows of the directory table, in the design system's table shape. */
export function directoryTable(
  rows: ListRow[],
  roles: Map<string, Role[]>,
  linkable: (row: ListRow) => boolean,
) {
  return rows.map((r) => [
    {
      html: linkable(r)
        ? `<a class="govuk-link" href="/staff/${r.id}">${escapeHtml(r.name)}</a>`
        : escapeHtml(r.name),
    },
    { text: r.job_title },
    { text: r.team_name ?? 'No team' },
    { text: (roles.get(r.id) ?? []).map((x) => ROLE_NAMES[x]).join(', ') },
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
  if (r.is_agency === 1) tags.push('<strong class="govuk-tag govuk-tag--yellow">Agency</strong>');
  return tags.join(' ');
}

export function directorySummary(total: number, shown: number, offset: number): string {
  if (total === 0) return 'No staff match these filters.';
  return `Showing ${offset + 1} to ${offset + shown} of ${plural(total, 'person', 'people')}.`;
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
    locked_until: string | null;
    created_at: string;
  },
  roles: Role[],
  now: Date,
) {
  const locked = s.locked_until && s.locked_until > now.toISOString();
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
    {
      key: { text: 'Sign-in' },
      value: { text: locked ? `Locked until ${formatDateTime(s.locked_until)}` : 'Not locked' },
    },
    { key: { text: 'On the Hub since' }, value: { text: formatDate(s.created_at) } },
  ];
}

import { escapeHtml } from '../platform/views/format.ts';
import type { ServiceRow, TeamForForm, TeamRow } from './org.repo.ts';

/** Services and teams → what the organisation pages show. Pure. */

interface Kept {
  values: Record<string, unknown>;
  errors: unknown;
}

/** Teams grouped under their services, each with its managers and how many people work there now. */
export function presentTeams(data: {
  teams: TeamRow[];
  managers: Map<string, string[]>;
  canManage: boolean;
}) {
  const { canManage, managers } = data;
  const services = new Map<string, { name: string; teams: TeamRow[] }>();
  for (const t of data.teams) {
    const s = services.get(t.service_id) ?? { name: t.service_name, teams: [] };
    s.teams.push(t);
    services.set(t.service_id, s);
  }
  return {
    title: 'Services and teams',
    canManage,
    services: [...services.values()].map((s) => ({
      name: s.name,
      rows: s.teams.map((t) => [
        { html: `<a class="govuk-link" href="/staff?team=${t.id}">${escapeHtml(t.name)}</a>` },
        { text: (managers.get(t.id) ?? []).join(', ') || 'No team manager recorded' },
        { text: String(t.active_staff ?? 0), format: 'numeric' },
        ...(canManage
          ? [
              {
                html: `<a class="govuk-link" href="/teams/${t.id}/edit">Change<span class="govuk-visually-hidden"> ${escapeHtml(t.name)}</span></a>`,
              },
            ]
          : []),
      ]),
    })),
  };
}

export function presentServiceForm(kept?: Kept) {
  return {
    title: 'Add a service',
    values: kept?.values ?? {},
    errors: kept?.errors,
    backLink: { href: '/teams' },
  };
}

/** The team form: adding a team, or changing one (its name and service filled in unless answers were kept). */
export function presentTeamForm(data: { team?: TeamForForm; services: ServiceRow[] }, kept?: Kept) {
  const { team } = data;
  const values = kept?.values ?? (team ? { name: team.name, serviceId: team.service_id } : {});
  return {
    title: team ? `Change ${team.name}` : 'Add a team',
    action: team ? `/teams/${team.id}/edit` : '/teams/new',
    values,
    errors: kept?.errors,
    serviceItems: [
      { value: '', text: 'Choose a service' },
      ...data.services.map((s) => ({ value: s.id, text: s.name, selected: s.id === values.serviceId })),
    ],
    backLink: { href: '/teams' },
  };
}

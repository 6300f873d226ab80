import { ROLE_NAMES, ROLES } from '../platform/policy/roles.ts';
import { formatDate } from '../platform/views/format.ts';
import type { StandardAckSummary, ToRead } from './acks.service.ts';
import type { KeptForm } from './forms.ts';
import { LEVELS } from './library.presenter.ts';

const STATE = { done: 'Read', again: 'Changed since read', 'to-read': 'Not read yet' } as const;

/** "Standards to read": what is left first, then what is done. */
export function presentToRead(list: ToRead[], today: string) {
  const row = (x: ToRead) => ({
    href: `/standards/${x.standard.id}`,
    title: x.standard.title,
    level: LEVELS[x.standard.level],
    due: formatDate(x.due),
    late: x.state !== 'done' && x.due < today,
    state: STATE[x.state],
  });
  const left = list.filter((x) => x.state !== 'done');
  return {
    title: 'Standards to read',
    left: left.map(row),
    done: list.filter((x) => x.state === 'done').map(row),
    summary:
      list.length === 0
        ? 'No practice standard asks you to acknowledge it at the moment.'
        : left.length === 0
          ? `You have read and acknowledged all ${list.length} standards asked of you.`
          : `${left.length} of the ${list.length} standards asked of you still need reading.`,
  };
}

/** A manager's page: per standard, how many have acknowledged, and who in the team has not. */
export function presentTeamAcks(
  rows: StandardAckSummary[],
  teams: { id: string; name: string }[],
  teamId: string | undefined,
  canRemind: boolean,
) {
  return {
    title: 'Who has read the practice standards',
    teamItems:
      teams.length > 1
        ? [
            { value: '', text: 'All teams I can see' },
            ...teams.map((t) => ({ value: t.id, text: t.name, selected: t.id === teamId })),
          ]
        : undefined,
    standards: rows.map((r) => ({
      id: r.standard.id,
      href: `/standards/${r.standard.id}`,
      title: r.standard.title,
      version: r.standard.current_version,
      line: `${r.done} of ${r.asked} ${r.asked === 1 ? 'person has' : 'people have'} acknowledged version ${r.standard.ack_version === r.standard.current_version ? r.standard.current_version : `${r.standard.ack_version} or later`}`,
      outstanding: r.outstanding.map((o) => ({
        name: o.person.name,
        team: o.person.team_name ?? 'No team',
        state: STATE[o.state],
        due: formatDate(o.due),
      })),
      canRemind: canRemind && r.outstanding.length > 0,
    })),
  };
}

/** "Ask people to acknowledge": a role, a service or a team, and a date. */
export function presentAskForm(
  standard: { id: string; title: string },
  teams: { id: string; name: string; service_name: string }[],
  services: { id: string; name: string }[],
  kept: KeptForm,
) {
  const v = kept?.values ?? {};
  const chosen = typeof v.target === 'string' ? v.target : '';
  return {
    title: `Ask people to acknowledge “${standard.title}”`,
    action: `/standards/${standard.id}/ask`,
    backLink: { href: `/standards/${standard.id}`, text: `Back to ${standard.title}` },
    errors: kept?.errors,
    dueOn: typeof v.dueOn === 'string' ? v.dueOn : '',
    targetItems: [
      { value: '', text: 'Choose who' },
      ...ROLES.map((r) => ({
        value: `role:${r}`,
        text: `Everyone who is a ${ROLE_NAMES[r].toLowerCase()}`,
        selected: chosen === `role:${r}`,
      })),
      ...services.map((s) => ({
        value: `service:${s.id}`,
        text: `Everyone in ${s.name}`,
        selected: chosen === `service:${s.id}`,
      })),
      ...teams.map((t) => ({
        value: `team:${t.id}`,
        text: `Everyone in ${t.name} (${t.service_name})`,
        selected: chosen === `team:${t.id}`,
      })),
    ],
  };
}

import { ROLE_NAMES, ROLES } from '../platform/policy/roles.ts';
import { formatDate, listTitle, pagination, plural } from '../platform/views/format.ts';
import type { Person } from './acks.repo.ts';
import type { KeptForm } from './forms.ts';
import { LEVELS } from './library.presenter.ts';
import type { StandardRow } from './library.repo.ts';
import type { AckState } from './standards.rules.ts';

/** A standard a person is asked to read, and where they stand with it. */
export interface ToRead {
  standard: StandardRow;
  due: string;
  state: AckState;
}

/** One standard's acknowledgements among the people a manager's page covers. */
export interface StandardAckSummary {
  standard: StandardRow;
  asked: number;
  done: number;
  due: string;
  outstanding: { person: Person; state: AckState; due: string }[];
}

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

/** Standards shown on each of a manager's pages: a page a person can read down, not all 500. */
export const TEAM_ACKS_PAGE_SIZE = 20;

export interface TeamAcksChoice {
  teamId: string | undefined;
  /** Today in London: a date to read by that has passed is said to be late. */
  today: string;
  /** Every standard asked, or (the default) only those someone still has to read. */
  show: 'outstanding' | 'all';
  page: number;
}

/**
 * A manager's page: how many standards someone in the team still has to read, then a page of
 * them (earliest date first), each with who has not acknowledged it. Standards everyone has
 * read are counted, and listed only when asked for.
 */
export function presentTeamAcks(
  rows: StandardAckSummary[],
  teams: { id: string; name: string }[],
  choice: TeamAcksChoice,
  canRemind: boolean,
) {
  const open = rows
    .filter((r) => r.outstanding.length > 0)
    .sort((a, b) => earliest(a).localeCompare(earliest(b)) || b.outstanding.length - a.outstanding.length);
  const read = rows.filter((r) => r.outstanding.length === 0);
  const listed = choice.show === 'all' ? [...open, ...read] : open;
  const pages = Math.max(1, Math.ceil(listed.length / TEAM_ACKS_PAGE_SIZE));
  const page = Math.min(choice.page, pages);
  const shown = listed.slice((page - 1) * TEAM_ACKS_PAGE_SIZE, page * TEAM_ACKS_PAGE_SIZE);
  const href = (over: Partial<TeamAcksChoice>) => teamAcksHref({ ...choice, page, ...over });
  const people = new Set(open.flatMap((r) => r.outstanding.map((o) => o.person.id)));
  const where = choice.teamId ? teams.find((t) => t.id === choice.teamId)?.name : undefined;
  return {
    title: 'Who has read the practice standards',
    documentTitle: listTitle('Who has read the practice standards', {
      page,
      pages,
      filtered: choice.show === 'all' ? ': every standard asked' : false,
    }),
    teamItems:
      teams.length > 1
        ? [
            { value: '', text: 'All teams I can see' },
            ...teams.map((t) => ({ value: t.id, text: t.name, selected: t.id === choice.teamId })),
          ]
        : undefined,
    showAll: choice.show === 'all',
    summary:
      rows.length === 0
        ? undefined
        : open.length === 0
          ? `Everyone asked${where ? ` in ${where}` : ''} has read all ${plural(rows.length, 'standard', 'standards')} asked of them.`
          : `${plural(people.size, 'person', 'people')}${where ? ` in ${where}` : ''} still ${people.size === 1 ? 'has' : 'have'} standards to read: ${open.length} of the ${plural(rows.length, 'standard', 'standards')} asked ${open.length === 1 ? 'is' : 'are'} not read by everyone yet.`,
    showLink:
      choice.show === 'all'
        ? {
            href: href({ show: 'outstanding', page: 1 }),
            text: 'Show only the standards someone still has to read',
          }
        : read.length > 0
          ? {
              href: href({ show: 'all', page: 1 }),
              text: `Show the ${plural(read.length, 'standard', 'standards')} everyone has read as well`,
            }
          : undefined,
    range:
      pages > 1
        ? `Standards ${(page - 1) * TEAM_ACKS_PAGE_SIZE + 1} to ${(page - 1) * TEAM_ACKS_PAGE_SIZE + shown.length} of ${listed.length} (page ${page} of ${pages}).`
        : undefined,
    standards: shown.map((r) => ({
      id: r.standard.id,
      href: `/standards/${r.standard.id}`,
      title: r.standard.title,
      version: r.standard.current_version,
      line: `${r.done} of ${r.asked} ${r.asked === 1 ? 'person has' : 'people have'} acknowledged version ${r.standard.ack_version === r.standard.current_version ? r.standard.current_version : `${r.standard.ack_version} or later`}`,
      outstanding: whoHasNot(r, teams.length > 1 && !choice.teamId, choice.today),
      canRemind: canRemind && r.outstanding.length > 0,
    })),
    pagination: pagination(page, pages, (n) => href({ page: n })),
  };
}

// What each state means to the manager reading the list.
const GROUP = { again: 'Read it before it changed', 'to-read': 'Not read it yet' } as const;

/**
 * Who has not acknowledged a standard, in groups of the same state and date ("Not read it yet,
 * by 31 January 2027: Amina Hussain, Ben Okafor"): a line each rather than a row each, since a
 * team's people are mostly asked by the same date. Their team is named when the list spans teams.
 */
function whoHasNot(r: StandardAckSummary, nameTeams: boolean, today: string) {
  const groups = new Map<string, { state: keyof typeof GROUP; due: string; names: string[] }>();
  for (const o of r.outstanding) {
    const state = o.state === 'again' ? 'again' : 'to-read';
    const key = `${state} ${o.due}`;
    const g = groups.get(key) ?? { state, due: o.due, names: [] };
    g.names.push(nameTeams ? `${o.person.name} (${o.person.team_name ?? 'no team'})` : o.person.name);
    groups.set(key, g);
  }
  return [...groups.values()]
    .sort((a, b) => a.due.localeCompare(b.due) || a.state.localeCompare(b.state))
    .map((g) => ({
      label: `${GROUP[g.state]}, ${g.due < today ? 'it was due by' : 'to read by'} ${formatDate(g.due)}`,
      late: g.due < today,
      names: g.names.join(', '),
    }));
}

const earliest = (r: StandardAckSummary) =>
  r.outstanding.reduce((d, o) => (o.due < d ? o.due : d), r.outstanding[0]?.due ?? r.due);

/** The address of a manager's page with these choices (defaults left out, so the plain address is page 1). */
export function teamAcksHref(c: Omit<TeamAcksChoice, 'today'>) {
  const q = new URLSearchParams();
  if (c.teamId) q.set('team', c.teamId);
  if (c.show === 'all') q.set('show', 'all');
  if (c.page > 1) q.set('page', String(c.page));
  return `/standards/acknowledgements${q.size ? `?${q}` : ''}`;
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

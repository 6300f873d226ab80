import { ROLE_NAMES, type Role } from '../platform/policy/roles.ts';
import { formatDate } from '../platform/views/format.ts';
import type { ToRead } from './acks.presenter.ts';
import {
  type MeasuredTimescale,
  presentContent,
  statutoryClocksFor,
  timescaleLine,
  versionLine,
} from './library.presenter.ts';
import type { StandardRow } from './library.repo.ts';
import type { StandardAckTargetsTable, StandardVersionsTable } from './schema.ts';
import { AREAS, type Area, ackState, isPastReview } from './standards.rules.ts';

const STATE_TEXT = {
  done: 'You have read and understood this version',
  again: 'This standard has changed in a way that matters since you acknowledged it: please read it again',
  'to-read': 'You are asked to read this standard and acknowledge it',
} as const;

export function targetName(t: Pick<StandardAckTargetsTable, 'kind' | 'target'>, names: Map<string, string>) {
  if (t.kind === 'role')
    return `Everyone who is a ${(ROLE_NAMES[t.target as Role] ?? t.target).toLowerCase()}`;
  return `${t.kind === 'team' ? 'The team' : 'The service'} ${names.get(t.target) ?? t.target}`;
}

/** A standard's page: the version in force, its timescale, owner and review date, versions, and this person's acknowledgement. */
export function presentStandard(
  p: {
    standard: StandardRow;
    versions: StandardVersionsTable[];
    titles: Map<string, string>;
    measured: MeasuredTimescale | undefined;
    asked: ToRead | undefined;
    acknowledged: number[];
    targets: StandardAckTargetsTable[];
    today: string;
  },
  can: { manage: boolean; teamAcks: boolean },
  names: Map<string, string>,
  errors?: unknown,
) {
  const s = p.standard;
  const state = ackState(p.acknowledged, s.ack_version);
  const current = p.versions.find((v) => v.version === s.current_version);
  return {
    ...presentContent(s, p.titles),
    id: s.id,
    area: AREAS[s.area as Area] ?? s.area,
    version: `Version ${s.current_version}, ${formatDate(s.version_at)}`,
    currentVersion: s.current_version,
    lastChange:
      current && current.version > 1
        ? { summary: current.summary, major: current.major === 1, lesson: current.lesson_title ?? undefined }
        : undefined,
    timescale: timescaleLine(s, p.measured),
    statutoryClocks: statutoryClocksFor(s.area),
    owner: s.owner_name,
    review: formatDate(s.review_on),
    pastReview: isPastReview(s.review_on, p.today),
    versions: p.versions.map((v) => versionLine(v, s.id)),
    ack: {
      state,
      asked: p.asked ? `Please acknowledge by ${formatDate(p.asked.due)}` : undefined,
      text: state === 'done' ? STATE_TEXT.done : p.asked ? STATE_TEXT[state] : undefined,
      canAcknowledge: state !== 'done',
    },
    targets: p.targets.map((t) => ({ text: targetName(t, names), due: formatDate(t.due_on) })),
    canManage: can.manage,
    canSeeAcks: can.teamAcks && p.targets.length > 0,
    errors,
  };
}

/** An earlier (or the current) version, read as it was. */
export function presentVersion(standard: StandardRow, v: StandardVersionsTable, titles: Map<string, string>) {
  return {
    ...presentContent(v, titles),
    id: standard.id,
    heading: `${v.title}: version ${v.version}`,
    documentTitle: `${v.title}: version ${v.version}`,
    isCurrent: v.version === standard.current_version,
    line: versionLine(v, standard.id),
    byWhen: v.by_when,
    timescaleDays: v.timescale_days,
    statutoryClocks: statutoryClocksFor(standard.area),
    lesson: v.lesson_title ?? undefined,
    review: formatDate(v.review_on),
    backLink: { href: `/standards/${standard.id}`, text: `Back to the current version of ${standard.title}` },
  };
}

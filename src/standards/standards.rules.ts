/**
 * The hard rules of the practice standards library, pure: its areas, what a
 * source can be, when a person's acknowledgement still counts, and the checks
 * on a standard's dates and timescale.
 */
export const AREAS = {
  'contact-referral': 'Contact and referral',
  assessment: 'Assessment',
  planning: 'Planning',
  visits: 'Visits',
  recording: 'Recording',
  supervision: 'Supervision',
  meetings: 'Meetings and minutes',
  'transfer-closure': 'Transfer and closure',
  complaints: 'Complaints from children and families',
} as const;
/** The area whose standards work to the statutory complaint clocks, shown beside them. */
export const COMPLAINTS_AREA: Area = 'complaints';
export type Area = keyof typeof AREAS;
export const AREA_IDS = Object.keys(AREAS) as [Area, ...Area[]];

export const SOURCE_KINDS = {
  statute: 'Law (statute or regulations)',
  guidance: 'Statutory guidance',
  local: 'Local decision',
} as const;
export type SourceKind = keyof typeof SOURCE_KINDS;
export const SOURCE_KIND_IDS = Object.keys(SOURCE_KINDS) as [SourceKind, ...SourceKind[]];

/** A timescale set by a standard: at least one working day, at most a year of them. */
export const MAX_TIMESCALE_DAYS = 260;

export function timescaleProblem(days: number | null): string | null {
  if (days === null) return null;
  if (!Number.isInteger(days) || days < 1)
    return 'A timescale must be at least 1 working day. Leave it empty if the standard sets none';
  if (days > MAX_TIMESCALE_DAYS)
    return `A timescale cannot be more than a year (${MAX_TIMESCALE_DAYS} working days)`;
  return null;
}

/** A new standard's review date must be after today (a past date would make it overdue at once). */
export const reviewDateProblem = (reviewOn: string, today: string) =>
  reviewOn <= today ? 'The review date must be in the future' : null;

export const isPastReview = (reviewOn: string, today: string) => reviewOn < today;

/**
 * Where a person stands with a standard that asks them to read it. A standard
 * asks again from its latest major version (`ackVersion`); an acknowledgement
 * of that version or any later one counts, an older one does not.
 */
export type AckState = 'done' | 'again' | 'to-read';
export function ackState(acknowledged: number[], ackVersion: number): AckState {
  if (acknowledged.some((v) => v >= ackVersion)) return 'done';
  return acknowledged.length > 0 ? 'again' : 'to-read';
}

/** The version people must acknowledge after a new version is saved: a major change asks everyone again. */
export const nextAckVersion = (previousAckVersion: number, newVersion: number, major: boolean) =>
  major ? newVersion : previousAckVersion;

/** Only the version in force can be acknowledged. */
export const ackVersionProblem = (version: number, current: number) =>
  version === current
    ? null
    : 'This version has been replaced. Read the current version and acknowledge that instead';

/** Whom a standard asks: everyone holding a role, or everyone in a service or a team. */
export interface AckTarget {
  kind: 'role' | 'service' | 'team';
  target: string;
  due_on: string;
}
export interface AckPerson {
  roles: string[];
  team_id: string | null;
  service_id: string | null;
}
export const targetIncludes = (t: AckTarget, p: AckPerson) =>
  t.kind === 'role'
    ? p.roles.includes(t.target)
    : t.kind === 'team'
      ? p.team_id === t.target
      : p.service_id === t.target;

/** The earliest date by which any of a standard's targets asks this person, or null when none does. */
export function dueFor(targets: AckTarget[], p: AckPerson): string | null {
  let due: string | null = null;
  for (const t of targets) if (targetIncludes(t, p) && (due === null || t.due_on < due)) due = t.due_on;
  return due;
}

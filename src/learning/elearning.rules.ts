import { addCalendarMonths } from '../platform/calendar/days.ts';

/**
 * Mandatory e-learning: a completion lasts for the module's renewal period
 * (or for ever when it has none). Pure, for the person's page, the compliance
 * view, reminders and the tests.
 */
export type ModuleStanding =
  | { kind: 'never' }
  | { kind: 'expired'; since: string }
  | { kind: 'due-soon'; until: string }
  | { kind: 'current'; until: string | null };

export const DUE_SOON_DAYS = 30;

export function moduleStanding(
  lastCompleted: string | null,
  renewalMonths: number | null,
  today: string,
): ModuleStanding {
  if (!lastCompleted) return { kind: 'never' };
  if (renewalMonths === null) return { kind: 'current', until: null };
  const until = addCalendarMonths(lastCompleted, renewalMonths);
  if (until <= today) return { kind: 'expired', since: until };
  const soon = addCalendarMonths(today, 1);
  return until <= soon ? { kind: 'due-soon', until } : { kind: 'current', until };
}

export const needsDoing = (s: ModuleStanding) => s.kind === 'never' || s.kind === 'expired';

/** "4 people in your team have not completed Unconscious Bias" — people, not percentages. */
export function complianceSentence(missing: number, total: number, module: string, where: string): string {
  if (total === 0) return `Nobody is in ${where} yet.`;
  if (missing === 0) return `Everyone in ${where} is up to date with ${module}.`;
  const who = missing === 1 ? '1 person' : `${missing} people`;
  return `${who} in ${where} ${missing === 1 ? 'has' : 'have'} not completed ${module}, or need${missing === 1 ? 's' : ''} to renew it.`;
}

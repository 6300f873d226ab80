import { WEEKDAY_NAMES, weekdayOf } from '../platform/calendar/days.ts';
import { formatDate, plural } from '../platform/views/format.ts';
import { RULE_DESCRIPTIONS } from './rules/settings.rules.ts';
import type { RuleId } from './rules/types.ts';

/**
 * Every phrase about a child's work, in one place: said in children and in
 * what happens for them, never in "figures". The wording test scans this file.
 */
const WHAT: Record<RuleId, string> = {
  assessment: 'Assessment',
  icpc: 'Initial child protection conference',
  'first-core-group': 'First core group',
  'review-conference': 'Review conference',
  'cp-visits': 'Visit',
  'cin-visits': 'Visit',
  'lac-visits': 'Visit',
  'lac-reviews': 'Review of their care plan',
};

export const ruleTitle = (rule: string) => RULE_DESCRIPTIONS[rule as RuleId]?.title ?? rule;
export const whatIsDue = (rule: string) => WHAT[rule as RuleId] ?? ruleTitle(rule);

/** "Friday 4 December 2026" */
export const dayName = (day: string) => `${WEEKDAY_NAMES[weekdayOf(day)]} ${formatDate(day)}`;

export interface StatusLike {
  rule: string;
  status: string;
  due_day: string | null;
  last_day: string | null;
  days_late: number;
  open: number;
}

/** One sentence about one piece of a child's work. */
export function statusSentence(s: StatusLike): string {
  const what = whatIsDue(s.rule);
  const due = s.due_day ? dayName(s.due_day) : '';
  if (!s.open) {
    return s.status === 'overdue'
      ? `${what} finished ${plural(s.days_late, 'working day', 'working days')} late, on ${formatDate(s.last_day)}`
      : `${what} finished on time, on ${formatDate(s.last_day)}`;
  }
  if (s.status === 'overdue') {
    const late = s.days_late > 0 ? `${plural(s.days_late, 'working day', 'working days')} late` : 'late';
    return `${what} ${late}: it was due by ${due}`;
  }
  return `${what} due by ${due}`;
}

export const STATUS_LABEL: Record<string, string> = {
  'on-time': 'On time',
  'due-soon': 'Due soon',
  overdue: 'Late',
  'finished-late': 'Finished late',
};

export function statusLabel(s: { status: string; open: number }): string {
  if (!s.open) return s.status === 'overdue' ? 'Finished late' : 'Finished on time';
  return STATUS_LABEL[s.status] ?? s.status;
}

/** "You have seen 17 of your 18 children within their visiting timescale." */
export function seenSentence(
  who: 'you' | 'team' | 'worker',
  visited: number,
  notSeen: number,
  name = '',
): string {
  const seen = visited - notSeen;
  if (visited === 0) {
    return who === 'you'
      ? 'None of your children has a visiting timescale at the moment.'
      : `No child ${who === 'team' ? 'in this team' : `allocated to ${name}`} has a visiting timescale at the moment.`;
  }
  if (who === 'you')
    return `You have seen ${seen} of your ${plural(visited, 'child', 'children')} within their visiting timescale.`;
  if (who === 'worker')
    return `${name} has seen ${seen} of their ${plural(visited, 'child', 'children')} within their visiting timescale.`;
  return `${seen} of the team’s ${plural(visited, 'child', 'children')} have been seen within their visiting timescale.`;
}

/** "3 of your children have work that is late." (owner: "your", "the team’s", or none) */
export const overdueSentence = (n: number, owner?: string) => countSentence(n, owner, 'work that is late');

/** "2 of your children have something due in the next two weeks." */
export const dueSoonSentence = (n: number, owner?: string) =>
  countSentence(n, owner, 'something due in the next two weeks');

function countSentence(n: number, owner: string | undefined, what: string): string {
  if (owner)
    return n === 0
      ? `None of ${owner} children has ${what}.`
      : `${n} of ${owner} children ${n === 1 ? 'has' : 'have'} ${what}.`;
  return n === 0 ? `No child has ${what}.` : `${plural(n, 'child has', 'children have')} ${what}.`;
}

/** Months, periods and refusals of editions. Pure. */
import { MONTH_NAMES } from '../platform/calendar/days.ts';

/** "December 2026" from "2026-12" (from the calendar's month names, not Intl: every view of an edition names months). */
export const monthName = (month: string) =>
  `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

export const editionTitle = (month: string) => `${monthName(month)} Practice and Learning Bulletin`;

export function shiftMonth(month: string, n: number): string {
  const total = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

const lastDayOf = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

/** The training list's default period: the edition's month and the next. */
export const defaultTrainingPeriod = (month: string) => ({
  from: `${month}-01`,
  to: lastDayOf(shiftMonth(month, 1)),
});

export interface PublishCheck {
  welcome: string;
  articles: number;
  recipients: number;
}

/** Why an edition cannot go out, or null. An empty edition or nobody to send it to is refused. */
export function publishRefusal(e: PublishCheck): string | null {
  if (!e.welcome.trim() && e.articles === 0)
    return 'Add a welcome or an article before publishing the edition';
  if (e.recipients === 0) return 'Nobody is in the distribution: choose who the edition goes to';
  return null;
}

/** Why a time cannot be used for sending, or null: it must be in the future. */
export function scheduleRefusal(at: Date, now: Date): string | null {
  if (Number.isNaN(at.getTime())) return 'Enter the date and time to send the edition';
  if (at.getTime() <= now.getTime()) return 'The time to send must be in the future';
  return null;
}

export type Distribution = { kind: 'everyone' } | { kind: 'services' | 'teams' | 'roles'; ids: string[] };

export function parseDistribution(json: string): Distribution {
  try {
    const d = JSON.parse(json);
    if (d?.kind === 'everyone') return d;
    if (['services', 'teams', 'roles'].includes(d?.kind) && Array.isArray(d.ids)) return d;
  } catch {}
  return { kind: 'everyone' };
}

/** "Everyone", "2 teams" … for the edition's page. */
export function distributionWords(d: Distribution, names: Map<string, string>): string {
  if (d.kind === 'everyone') return 'Everyone working here (leavers excluded)';
  const what = { services: 'services', teams: 'teams', roles: 'roles' }[d.kind];
  return `These ${what}: ${d.ids.map((id) => names.get(id) ?? id).join(', ')}`;
}

import { recordAudit, systemActor } from '../platform/audit/audit.ts';
import { addCalendarDays, londonDay } from '../platform/calendar/days.ts';
import type { Services } from '../platform/services.ts';
import { readSettings, reduceInterviewsLeftBefore } from './interviews.repo.ts';

/** The first leaving date whose interview is still kept whole: the retention period back from today. */
export function retentionCutoff(today: string, months: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * Reduces interviews older than the retention period to their coded answers:
 * reasons, ratings, themes, team and dates stay; what they said, where they
 * went and the quote go. One audit row says how many.
 */
export async function reduceOldInterviews({ db, clock }: Pick<Services, 'db' | 'clock'>) {
  const settings = await readSettings(db);
  const before = retentionCutoff(londonDay(clock.now()), settings.retention_months);
  return db.transaction().execute(async (trx) => {
    const n = await reduceInterviewsLeftBefore(trx, before, clock.now().toISOString());
    if (n)
      await recordAudit(trx, clock, systemActor('retention'), {
        action: 'update',
        recordType: 'exit-interview',
        summary: `Reduced ${n} exit interview(s) of leavings before ${before} to their coded answers`,
      });
    return { reduced: n, before };
  });
}

export const nextDay = (day: string) => addCalendarDays(day, 1);

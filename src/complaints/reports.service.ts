import type { Db } from '../platform/db/db.ts';
import { REGULATION_DAYS } from './clocks.rules.ts';
import { allComplaintEvents } from './complaints.repo.ts';
import { loopCounts } from './lessons.repo.ts';
import { replay } from './lifecycle.rules.ts';
import { byStageAndMonth, lastTwelveMonths, outcomes, themes } from './reports.rules.ts';
import { sourceDates } from './sources.repo.ts';

/** The last twelve months' figures, from every complaint's state replayed from its events. */
export async function complaintFigures(db: Db, today: string) {
  const months = lastTwelveMonths(today);
  const states = (await allComplaintEvents(db)).map((events) =>
    replay(events, { today, calendar: REGULATION_DAYS }),
  );
  return {
    today,
    months,
    rows: byStageAndMonth(states, months, today),
    themes: themes(states),
    outcomes: outcomes(states),
  };
}
export type ComplaintFigures = Awaited<ReturnType<typeof complaintFigures>>;

/** The reports page: the complaint figures, the lesson loops open and closed, and the sources by date. */
export async function complaintReportsPage(db: Db, today: string) {
  const [figures, loops, sources] = await Promise.all([
    complaintFigures(db, today),
    loopCounts(db),
    sourceDates(db),
  ]);
  return { ...figures, loops, sources };
}
export type ComplaintReportsData = Awaited<ReturnType<typeof complaintReportsPage>>;

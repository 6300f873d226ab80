import type { DbOrTrx } from '../platform/db/db.ts';
import { reportFacts } from './reports.repo.ts';
import { type GroupBy, learningReport } from './reports.rules.ts';

/** The L&D report's rows, grouped as asked, as the offer stands now. */
export async function learningReportRows(db: DbOrTrx, now: Date, by: GroupBy) {
  const { sessions, places } = await reportFacts(db, now.toISOString());
  return learningReport(sessions, places, by);
}

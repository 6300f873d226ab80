import { addCalendarMonths, formatDayNumber, parseDay } from '../../platform/calendar/days.ts';
import type { WorkingCalendar } from '../../platform/calendar/working-days.ts';
import type { DbOrTrx } from '../../platform/db/db.ts';
import { insertInBatches } from '../episodes.repo.ts';
import type { WorkingCalendarDaysTable } from '../schema.ts';

/** Fills working_calendar_days from the app's calendar for every day from..to (replacing what was there). */
export async function fillCalendarTable(db: DbOrTrx, cal: WorkingCalendar, from: string, to: string) {
  const rows: WorkingCalendarDaysTable[] = [];
  let rank = 0;
  for (let n = parseDay(from); n <= parseDay(to); n++) {
    const day = formatDayNumber(n);
    const working = cal.isWorkingDayNumber(n);
    if (working) rank++;
    rows.push({
      day,
      day_number: n,
      working: working ? 1 : 0,
      working_rank: rank,
      plus_3_months: addCalendarMonths(day, 3),
      plus_6_months: addCalendarMonths(day, 6),
      plus_12_months: addCalendarMonths(day, 12),
      month_number: Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1,
      day_of_month: Number(day.slice(8, 10)),
    });
  }
  await db.deleteFrom('working_calendar_days').execute();
  await insertInBatches(db, 'working_calendar_days', rows, 500);
  return rows.length;
}

import { type Actor, recordAudit } from '../audit/audit.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { NotFoundError, UserInputError } from '../http/errors.ts';
import { can } from '../policy/policy.ts';
import type { Principal } from '../policy/roles.ts';
import { formatDate } from '../views/format.ts';
import { bankHolidayList, bankHolidayName } from './bank-holidays.ts';
import {
  deleteClosureDay,
  insertClosureDay,
  listClosureDays,
  loadWorkingCalendar,
} from './closure-days.repo.ts';
import { isDay, WEEKDAY_NAMES, weekdayOf } from './days.ts';
import { FIRST_YEAR, LAST_YEAR } from './working-days.ts';

export const MAX_REASON_LENGTH = 200;

export interface NewClosureDay {
  day: string;
  reason: string;
}

/**
 * Checks a closure day a person asked for. Refuses a day that is already not
 * a working day: it would change nothing, and the person has probably typed
 * the wrong date.
 */
export function checkClosureDay(input: NewClosureDay): NewClosureDay {
  const day = input.day.trim();
  const reason = input.reason.trim();
  if (!isDay(day)) throw new UserInputError('Enter a real date as YYYY-MM-DD, for example 2026-12-24', 'day');
  const year = Number(day.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    throw new UserInputError(`Enter a date from ${FIRST_YEAR} to ${LAST_YEAR}`, 'day');
  }
  const weekday = weekdayOf(day);
  if (weekday === 0 || weekday === 6) {
    throw new UserInputError(
      `${formatDate(day)} is a ${WEEKDAY_NAMES[weekday]}, so it is already not a working day`,
      'day',
    );
  }
  const holiday = bankHolidayName(day);
  if (holiday) {
    throw new UserInputError(
      `${formatDate(day)} is a bank holiday (${holiday}), so it is already not a working day`,
      'day',
    );
  }
  if (reason.length === 0) throw new UserInputError('Enter the reason for the closure', 'reason');
  if (reason.length > MAX_REASON_LENGTH) {
    throw new UserInputError(`The reason must be ${MAX_REASON_LENGTH} characters or fewer`, 'reason');
  }
  return { day, reason };
}

/** A year of the calendar as its page shows it, and whether this person may change closure days. */
export async function workingDaysPage(db: Db, user: Principal, year: number) {
  const [calendar, closures] = await Promise.all([loadWorkingCalendar(db), listClosureDays(db, year)]);
  return { calendar, closures, holidays: bankHolidayList(year), canManage: can(user, 'calendar:manage') };
}

/** Adds a closure day; the audit row commits with it. */
export async function addClosureDay(db: Db, clock: Clock, actor: Actor, input: NewClosureDay) {
  const { day, reason } = checkClosureDay(input);
  await db.transaction().execute(async (trx) => {
    const added = await insertClosureDay(trx, {
      day,
      reason,
      created_at: clock.now().toISOString(),
      created_by: actor.id,
    });
    if (!added) throw new UserInputError(`${formatDate(day)} is already a closure day`, 'day');
    await recordAudit(trx, clock, actor, {
      action: 'create',
      recordType: 'closure-day',
      recordId: day,
      summary: `Added closure day ${day}: ${reason}`,
    });
  });
  return { day, reason };
}

/** Removes a closure day, so it is a working day again; the audit row commits with it. */
export async function removeClosureDay(db: Db, clock: Clock, actor: Actor, day: string) {
  if (!isDay(day)) throw new NotFoundError('closure day');
  return db.transaction().execute(async (trx) => {
    const removed = await deleteClosureDay(trx, day);
    if (!removed) throw new NotFoundError('closure day');
    // The audit log has no 'delete' action; a removal is recorded as an update of the calendar.
    await recordAudit(trx, clock, actor, {
      action: 'delete',
      recordType: 'closure-day',
      recordId: day,
      summary: `Removed closure day ${day} (${removed.reason})`,
    });
    return removed;
  });
}

import { type FormErrors, formErrors } from '../http/forms.ts';
import type { BankHoliday } from './bank-holidays.ts';
import type { ClosureDayRow } from './closure-days.repo.ts';
import {
  checkWorkItOut,
  MAX_PAGE_YEAR,
  MAX_WORKING_DAYS,
  MIN_PAGE_YEAR,
  type Problem,
} from './pages.rules.ts';
import { dueDateView, yearView } from './working-days.presenter.ts';
import { FIRST_YEAR, LAST_YEAR, OutOfCalendarError, type WorkingCalendar } from './working-days.ts';

/** The working-days pages' view models, with their status (400 when the address asked something wrong). Pure. */

export function presentWorkingDays(input: {
  asked: string | undefined;
  choice: { year: number; problem?: Problem };
  calendar: WorkingCalendar;
  holidays: readonly BankHoliday[];
  closures: ClosureDayRow[];
  canManage: boolean;
  kept?: { values: Record<string, unknown>; errors: FormErrors };
}) {
  const { year, problem } = input.choice;
  return {
    status: problem ? 400 : 200,
    view: {
      title: `Working days in ${year}`,
      year,
      yearValue: problem ? input.asked : String(year),
      previousYear: year > MIN_PAGE_YEAR ? year - 1 : undefined,
      nextYear: year < MAX_PAGE_YEAR ? year + 1 : undefined,
      ...yearView(input.calendar, year, input.holidays, input.closures),
      canManage: input.canManage,
      values: input.kept?.values ?? {},
      errors: mergeErrors(problem ? formErrors([problem]) : undefined, input.kept?.errors),
    },
  };
}

/** The year's error and the kept form's errors, shown in one error summary. */
function mergeErrors(a: FormErrors | undefined, b: FormErrors | undefined): FormErrors | undefined {
  if (!a || !b) return a ?? b;
  return { summary: [...a.summary, ...b.summary], fields: { ...b.fields, ...a.fields } };
}

/** "Work out a due date": the question, and the answer once a right one is asked. */
export function presentWorkItOut(
  calendar: WorkingCalendar,
  q: { start?: string; days?: string },
  today: string,
) {
  const asked = q.start !== undefined || q.days !== undefined;
  const problems = asked ? checkWorkItOut(q.start ?? '', q.days ?? '') : [];
  let result: ReturnType<typeof dueDateView> | undefined;
  if (asked && problems.length === 0) {
    try {
      result = dueDateView(calendar, q.start ?? '', Number(q.days));
    } catch (err) {
      if (!(err instanceof OutOfCalendarError)) throw err;
      problems.push({ field: 'days', text: `The due date must fall between ${FIRST_YEAR} and ${LAST_YEAR}` });
    }
  }
  return {
    status: problems.length ? 400 : 200,
    view: {
      title: 'Work out a due date in working days',
      values: { start: q.start ?? today, days: q.days ?? '' },
      maxDays: MAX_WORKING_DAYS,
      result,
      errors: problems.length ? formErrors(problems) : undefined,
      backLink: { href: '/admin/working-days', text: 'Back to working days' },
    },
  };
}

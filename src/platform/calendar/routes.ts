import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { UserInputError } from '../http/errors.ts';
import {
  type FormErrors,
  formErrors,
  keptForm,
  redirectWithForm,
  redirectWithSuccess,
} from '../http/forms.ts';
import { get, post } from '../http/route.ts';
import { can } from '../policy/policy.ts';
import type { Services } from '../services.ts';
import { formatDate } from '../views/format.ts';
import { bankHolidayList } from './bank-holidays.ts';
import { listClosureDays, loadWorkingCalendar } from './closure-days.repo.ts';
import { addClosureDay, removeClosureDay } from './closure-days.service.ts';
import { isDay, londonDay } from './days.ts';
import { dueDateView, yearView } from './working-days.presenter.ts';
import { FIRST_YEAR, LAST_YEAR } from './working-days.ts';

const PAGE = '/admin/working-days';
const MIN_PAGE_YEAR = 2000;
const MAX_PAGE_YEAR = 2100;
const MAX_WORKING_DAYS = 500;

const text = z.string().catch('');
const yearQuery = z.object({ year: z.string().trim().max(10).optional().catch(undefined) });
const closureForm = z.object({ day: text, reason: text, year: text });
const workItOutQuery = z.object({
  start: z.string().trim().max(20).optional().catch(undefined),
  days: z.string().trim().max(10).optional().catch(undefined),
});

const yearIsValid = (y: string) =>
  /^\d{4}$/.test(y) && Number(y) >= MIN_PAGE_YEAR && Number(y) <= MAX_PAGE_YEAR;

export function calendarRoutes(app: FastifyInstance, services: Services) {
  const { db, clock } = services;
  const thisYear = () => Number(londonDay(clock.now()).slice(0, 4));

  get(app, PAGE, { permission: 'calendar:view', audit: false }, async (req, reply) => {
    const asked = yearQuery.parse(req.query).year;
    const yearError = asked !== undefined && !yearIsValid(asked);
    const year = asked !== undefined && !yearError ? Number(asked) : thisYear();
    const kept = keptForm(req);
    const errors = mergeErrors(
      yearError
        ? formErrors([{ field: 'year', text: `Enter a year from ${MIN_PAGE_YEAR} to ${MAX_PAGE_YEAR}` }])
        : undefined,
      kept?.errors,
    );
    const calendar = await loadWorkingCalendar(db);
    return reply.code(yearError ? 400 : 200).render('platform/calendar/views/working-days.njk', {
      title: `Working days in ${year}`,
      year,
      yearValue: yearError ? asked : String(year),
      previousYear: year > MIN_PAGE_YEAR ? year - 1 : undefined,
      nextYear: year < MAX_PAGE_YEAR ? year + 1 : undefined,
      ...yearView(calendar, year, bankHolidayList(year), await listClosureDays(db, year)),
      canManage: can(req.user!, 'calendar:manage'),
      values: kept?.values ?? {},
      errors,
    });
  });

  post(app, PAGE, { permission: 'calendar:manage', audit: false }, async (req, reply) => {
    const form = closureForm.parse(req.body ?? {});
    const back = (y: string) => `${PAGE}?year=${yearIsValid(y) ? y : thisYear()}`;
    try {
      const added = await addClosureDay(db, clock, req.actor, form);
      return redirectWithSuccess(
        services,
        req,
        reply,
        back(added.day.slice(0, 4)),
        `${formatDate(added.day)} is now a closure day (${added.reason}).`,
      );
    } catch (err) {
      if (!(err instanceof UserInputError)) throw err;
      return redirectWithForm(services, req, reply, back(form.year), {
        values: { day: form.day, reason: form.reason },
        errors: formErrors([{ field: err.field ?? 'day', text: err.message }]),
      });
    }
  });

  post(app, `${PAGE}/:day/remove`, { permission: 'calendar:manage', audit: false }, async (req, reply) => {
    const { day } = req.params as { day: string };
    const removed = await removeClosureDay(db, clock, req.actor, day);
    return redirectWithSuccess(
      services,
      req,
      reply,
      `${PAGE}?year=${removed.day.slice(0, 4)}`,
      `${formatDate(removed.day)} is a working day again: the closure day (${removed.reason}) was removed.`,
    );
  });

  get(app, `${PAGE}/work-it-out`, { permission: 'calendar:view', audit: false }, async (req, reply) => {
    const q = workItOutQuery.parse(req.query);
    const asked = q.start !== undefined || q.days !== undefined;
    const problems = asked ? checkWorkItOut(q.start ?? '', q.days ?? '') : [];
    let result: ReturnType<typeof dueDateView> | undefined;
    if (asked && problems.length === 0) {
      const calendar = await loadWorkingCalendar(db);
      try {
        result = dueDateView(calendar, q.start!, Number(q.days));
      } catch (err) {
        if (!(err instanceof RangeError)) throw err;
        problems.push({
          field: 'days',
          text: `The due date must fall between ${FIRST_YEAR} and ${LAST_YEAR}`,
        });
      }
    }
    return reply.code(problems.length ? 400 : 200).render('platform/calendar/views/work-it-out.njk', {
      title: 'Work out a due date in working days',
      values: { start: q.start ?? londonDay(clock.now()), days: q.days ?? '' },
      maxDays: MAX_WORKING_DAYS,
      result,
      errors: problems.length ? formErrors(problems) : undefined,
      backLink: { href: PAGE, text: 'Back to working days' },
    });
  });
}

function checkWorkItOut(start: string, days: string) {
  const problems: { field: string; text: string }[] = [];
  const year = Number(start.slice(0, 4));
  if (!isDay(start))
    problems.push({ field: 'start', text: 'Enter the start date as YYYY-MM-DD, for example 2026-12-20' });
  else if (year < FIRST_YEAR || year > LAST_YEAR) {
    problems.push({ field: 'start', text: `Enter a start date from ${FIRST_YEAR} to ${LAST_YEAR}` });
  }
  if (!/^\d{1,3}$/.test(days) || Number(days) > MAX_WORKING_DAYS) {
    problems.push({
      field: 'days',
      text: `Enter a whole number of working days from 0 to ${MAX_WORKING_DAYS}`,
    });
  }
  return problems;
}

/** The year's error and the kept form's errors, shown in one error summary. */
function mergeErrors(a: FormErrors | undefined, b: FormErrors | undefined): FormErrors | undefined {
  if (!a || !b) return a ?? b;
  return { summary: [...a.summary, ...b.summary], fields: { ...b.fields, ...a.fields } };
}

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { form } from '../http/form.ts';
import { keptForm } from '../http/forms.ts';
import { page } from '../http/page.ts';
import type { Services } from '../services.ts';
import { formatDate } from '../views/format.ts';
import { loadWorkingCalendar } from './closure-days.repo.ts';
import { addClosureDay, removeClosureDay, workingDaysPage } from './closure-days.service.ts';
import { londonDay } from './days.ts';
import { presentWorkItOut, presentWorkingDays } from './pages.presenter.ts';
import { chooseYear, yearPage } from './pages.rules.ts';

const PAGE = '/admin/working-days';

const text = z.string().catch('');
const yearQuery = z.object({ year: z.string().trim().max(10).optional().catch(undefined) });
const closureForm = z.object({ day: text, reason: text });
const workItOutQuery = z.object({
  start: z.string().trim().max(20).optional().catch(undefined),
  days: z.string().trim().max(10).optional().catch(undefined),
});

/** Admin › Working days: the year's working days, the authority's closure days, and a due-date calculator. */
export function calendarRoutes(app: FastifyInstance, services: Services) {
  const { db, clock } = services;
  const today = () => londonDay(clock.now());

  page(
    app,
    { method: 'GET', url: PAGE, permission: 'calendar:view', audit: false, query: yearQuery },
    async ({ query, user, req, reply }) => {
      const choice = chooseYear(query.year, today());
      const data = await workingDaysPage(db, user, choice.year);
      const { status, view } = presentWorkingDays({
        asked: query.year,
        choice,
        ...data,
        kept: keptForm(req),
      });
      return reply.code(status).render('platform/calendar/views/working-days.njk', view);
    },
  );

  // The form carries the year it was on (a hidden field), to go back to it.
  form(
    app,
    {
      url: PAGE,
      permission: 'calendar:manage',
      body: closureForm,
      back: ({ answers }) => yearPage(answers.year, today()),
      refusalField: 'day',
    },
    async (answers, { actor }) => {
      const added = await addClosureDay(db, clock, actor, answers);
      return {
        to: yearPage(added.day.slice(0, 4), today()),
        message: `${formatDate(added.day)} is now a closure day (${added.reason}).`,
      };
    },
  );

  form(
    app,
    {
      url: `${PAGE}/:day/remove`,
      permission: 'calendar:manage',
      params: z.object({ day: z.string() }),
      body: z.object({}),
      back: () => PAGE,
    },
    async (_data, { params, actor }) => {
      const removed = await removeClosureDay(db, clock, actor, params.day);
      return {
        to: `${PAGE}?year=${removed.day.slice(0, 4)}`,
        message: `${formatDate(removed.day)} is a working day again: the closure day (${removed.reason}) was removed.`,
      };
    },
  );

  page(
    app,
    {
      method: 'GET',
      url: `${PAGE}/work-it-out`,
      permission: 'calendar:view',
      audit: false,
      query: workItOutQuery,
    },
    async ({ query, reply }) => {
      const { status, view } = presentWorkItOut(await loadWorkingCalendar(db), query, today());
      return reply.code(status).render('platform/calendar/views/work-it-out.njk', view);
    },
  );
}

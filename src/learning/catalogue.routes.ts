import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { form } from '../platform/http/form.ts';
import { keptForm } from '../platform/http/forms.ts';
import { idParams, page } from '../platform/http/page.ts';
import { can } from '../platform/policy/policy.ts';
import type { Services } from '../platform/services.ts';
import { chosenMonth, monthBounds, presentCalendar, presentCatalogue } from './catalogue.presenter.ts';
import { partsInMonth } from './catalogue.repo.ts';
import { coursePage, findCourses, registerInterest } from './catalogue.service.ts';
import { presentCourse } from './course.presenter.ts';

const PAGE = 30;
// A filter from a hand-edited address falls back to "all" rather than erroring.
const catalogueQuery = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  category: z.string().max(100).optional().catch(undefined),
  audience: z.enum(['everyone', 'managers']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).default(1).catch(1),
});
const monthQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  month: z.coerce.number().int().min(1).max(12).optional().catch(undefined),
});

/** The training offer: the catalogue with its filters, the month calendar, and each course's page. */
export function catalogueRoutes(app: FastifyInstance, services: Services) {
  const { db, clock } = services;
  const view = { permission: 'learning:view', audit: false } as const;

  page(
    app,
    { method: 'GET', url: '/learning', ...view, query: catalogueQuery },
    async ({ query, user, reply }) => {
      const filter = { q: query.q, category: query.category || undefined, audience: query.audience };
      const found = await findCourses(
        db,
        { ...filter, limit: PAGE, offset: (query.page - 1) * PAGE },
        clock.now().toISOString(),
      );
      const canManage = can(user, 'learning:manage');
      return reply.render(
        'learning/views/catalogue.njk',
        presentCatalogue({ filters: query, ...found, pageSize: PAGE, canManage }),
      );
    },
  );

  page(
    app,
    { method: 'GET', url: '/learning/calendar', ...view, query: monthQuery },
    async ({ query, reply }) => {
      const month = chosenMonth(query, clock.now());
      const { first, last } = monthBounds(month);
      const parts = await partsInMonth(db, first, last);
      return reply.render('learning/views/calendar.njk', presentCalendar(month, parts));
    },
  );

  page(
    app,
    { method: 'GET', url: '/learning/courses/:id', ...view, params: idParams },
    async ({ params, user, req, reply }) => {
      const data = await coursePage(db, user, params.id);
      const facts = {
        canManage: can(user, 'learning:manage'),
        canReport: can(user, 'learning:reports'),
        errors: keptForm(req)?.errors,
      };
      return reply.render('learning/views/course.njk', presentCourse(data, clock.now().toISOString(), facts));
    },
  );

  form(
    app,
    {
      url: '/learning/courses/:id/interest',
      permission: 'learning:view',
      params: idParams,
      body: z.object({}),
      back: ({ params }) => `/learning/courses/${params.id}`,
      refusalField: 'main-content',
    },
    async (_data, { params, user, actor }) => {
      await registerInterest(services, actor, user, params.id);
      return {
        to: `/learning/courses/${params.id}`,
        message: 'Thank you: we will email you when dates are added.',
      };
    },
  );
}

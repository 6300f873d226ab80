import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { recordAudit } from '../platform/audit/audit.ts';
import { londonDay } from '../platform/calendar/days.ts';
import { NotFoundError } from '../platform/http/errors.ts';
import { keptForm } from '../platform/http/forms.ts';
import { get, post } from '../platform/http/route.ts';
import { can } from '../platform/policy/policy.ts';
import type { Services } from '../platform/services.ts';
import { formatDate, plural } from '../platform/views/format.ts';
import { monthBounds, monthCalendar, monthLabel, shiftMonth, whenText } from './catalogue.presenter.ts';
import { categories, getCourse, listCourses, partsInMonth, sessionsOfCourse } from './catalogue.repo.ts';
import { act, idParam } from './http.ts';
import { placesSentence } from './session.presenter.ts';

const PAGE = 30;
const query = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  category: z.string().max(100).optional().catch(undefined),
  audience: z.enum(['everyone', 'managers']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).default(1).catch(1),
});
// Year and month as two numbers, so every month's address has the same shape.
const monthQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  month: z.coerce.number().int().min(1).max(12).optional().catch(undefined),
});
const monthHref = (m: string) => `/learning/calendar?year=${m.slice(0, 4)}&month=${Number(m.slice(5, 7))}`;

export function catalogueRoutes(app: FastifyInstance, services: Services) {
  const { db, clock } = services;
  const view = { permission: 'learning:view', audit: false } as const;

  get(app, '/learning', view, async (req, reply) => {
    const f = query.parse(req.query);
    const { rows, total } = await listCourses(
      db,
      {
        q: f.q,
        category: f.category || undefined,
        audience: f.audience,
        limit: PAGE,
        offset: (f.page - 1) * PAGE,
      },
      clock.now().toISOString(),
    );
    const pages = Math.ceil(total / PAGE);
    const href = (page: number) =>
      `/learning?${new URLSearchParams({ ...(f.q ? { q: f.q } : {}), ...(f.category ? { category: f.category } : {}), ...(f.audience ? { audience: f.audience } : {}), page: String(page) })}`;
    return reply.render('learning/views/catalogue.njk', {
      title: 'Training and learning',
      filters: f,
      categoryItems: [
        { value: '', text: 'All categories' },
        ...(await categories(db)).map((c) => ({ value: c, text: c, selected: c === f.category })),
      ],
      audienceItems: [
        { value: '', text: 'Everyone' },
        { value: 'everyone', text: 'Open to all staff', selected: f.audience === 'everyone' },
        { value: 'managers', text: 'Managers only', selected: f.audience === 'managers' },
      ],
      summary: `${plural(total, 'course matches', 'courses match')}.`,
      courses: rows.map((c) => ({
        ...c,
        nextText: c.next
          ? `Next: ${formatDate(c.next)} (${plural(c.upcoming, 'date', 'dates')} to come)`
          : 'No dates to come yet',
      })),
      pagination:
        pages > 1
          ? {
              previous: f.page > 1 ? { href: href(f.page - 1) } : undefined,
              next: f.page < pages ? { href: href(f.page + 1) } : undefined,
            }
          : undefined,
      canManage: can(req.user!, 'learning:manage'),
    });
  });

  get(app, '/learning/calendar', view, async (req, reply) => {
    const q = monthQuery.parse(req.query);
    const month =
      q.year && q.month
        ? `${q.year}-${String(q.month).padStart(2, '0')}`
        : londonDay(clock.now()).slice(0, 7);
    const { first, last } = monthBounds(month);
    return reply.render('learning/views/calendar.njk', {
      title: `Sessions in ${monthLabel(month)}`,
      weeks: monthCalendar(month, await partsInMonth(db, first, last)),
      previous: {
        href: monthHref(shiftMonth(month, -1)),
        text: monthLabel(shiftMonth(month, -1)),
      },
      next: {
        href: monthHref(shiftMonth(month, 1)),
        text: monthLabel(shiftMonth(month, 1)),
      },
    });
  });

  get(app, '/learning/courses/:id', view, async (req, reply) => {
    const course = await getCourse(db, idParam(req));
    if (!course) throw new NotFoundError('course');
    const sessions = await sessionsOfCourse(db, course.id);
    const now = clock.now().toISOString();
    const interested = await db
      .selectFrom('lrn_interest')
      .select('staff_id')
      .where('course_id', '=', course.id)
      .where('staff_id', '=', req.user!.id)
      .executeTakeFirst();
    const upcoming = sessions.filter((s) => s.starts_at && s.starts_at > now);
    return reply.render('learning/views/course.njk', {
      title: course.title,
      course,
      outcomes: course.outcomes.split('\n').filter(Boolean),
      upcoming: upcoming.map((s) => ({
        ...s,
        when: whenText(s.parts),
        places:
          s.status === 'cancelled'
            ? 'Cancelled'
            : placesSentence(s.capacity, s.counts.taken, s.counts.waiting),
      })),
      pastCount: sessions.length - upcoming.length,
      interested: !!interested,
      errors: keptForm(req)?.errors,
      canManage: can(req.user!, 'learning:manage'),
      canReport: can(req.user!, 'learning:reports'),
      backLink: { href: '/learning', text: 'Back to training and learning' },
    });
  });

  post(app, '/learning/courses/:id/interest', view, async (req, reply) => {
    const id = idParam(req);
    return act(services, req, reply, `/learning/courses/${id}`, async () => {
      await db.transaction().execute(async (trx) => {
        const course = await getCourse(trx, id);
        if (!course) throw new NotFoundError('course');
        const existing = await trx
          .selectFrom('lrn_interest')
          .select('staff_id')
          .where('course_id', '=', id)
          .where('staff_id', '=', req.user!.id)
          .executeTakeFirst();
        if (existing) return;
        await trx
          .insertInto('lrn_interest')
          .values({
            course_id: id,
            staff_id: req.user!.id,
            created_at: clock.now().toISOString(),
            notified_at: null,
          })
          .execute();
        await recordAudit(trx, clock, req.actor, {
          action: 'create',
          recordType: 'course-interest',
          recordId: id,
          summary: `Registered interest in ${course.title}`,
        });
      });
      return 'Thank you: we will email you when dates are added.';
    });
  });
}

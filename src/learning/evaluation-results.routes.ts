import type { FastifyInstance } from 'fastify';
import { sendTable } from '../platform/export/table-export.ts';
import { NotFoundError } from '../platform/http/errors.ts';
import { get } from '../platform/http/route.ts';
import type { Services } from '../platform/services.ts';
import { formatDate } from '../platform/views/format.ts';
import { evaluationSummary } from './evaluation.presenter.ts';
import { idParam } from './http.ts';

/** Evaluation results for one session, or for every session of a course; on the page and as CSV. */
export function evaluationResultsRoutes(app: FastifyInstance, services: Services) {
  const { db } = services;
  const rules = { permission: 'learning:reports', audit: false } as const;

  for (const scope of ['sessions', 'courses'] as const)
    for (const suffix of ['', '.csv'])
      get(app, `/learning/${scope}/:id/evaluations${suffix}`, rules, async (req, reply) => {
        const id = idParam(req);
        const subject = await db
          .selectFrom('lrn_sessions as s')
          .innerJoin('lrn_courses as c', 'c.id', 's.course_id')
          .select(['c.id as course_id', 'c.title', 's.starts_at'])
          .where(scope === 'sessions' ? 's.id' : 'c.id', '=', id)
          .executeTakeFirst();
        if (!subject) throw new NotFoundError(scope === 'sessions' ? 'session' : 'course');
        const inScope = scope === 'sessions' ? ('s.id' as const) : ('s.course_id' as const);
        const rows = await db
          .selectFrom('lrn_evaluations as e')
          .innerJoin('lrn_sessions as s', 's.id', 'e.session_id')
          .select([
            'e.content',
            'e.trainer',
            'e.relevance',
            'e.differently',
            'e.better',
            'e.created_at',
            's.starts_at',
          ])
          .where(inScope, '=', id)
          .orderBy('e.created_at')
          .execute();
        const attended = await db
          .selectFrom('lrn_attendance as a')
          .innerJoin('lrn_bookings as b', 'b.id', 'a.booking_id')
          .innerJoin('lrn_sessions as s', 's.id', 'b.session_id')
          .select('b.id')
          .distinct()
          .where(inScope, '=', id)
          .where('a.outcome', 'in', ['attended', 'partial'])
          .execute();
        const base = `/learning/${scope}/${id}`;
        if (suffix)
          return sendTable(reply, 'csv', {
            filename: `evaluations-${subject.title
              .toLowerCase()
              .replace(/[^a-z0-9]+/g, '-')
              .slice(0, 40)}`,
            sheetName: 'Evaluations',
            columns: [
              { header: 'Session', value: (r) => (r.starts_at ?? '').slice(0, 10) },
              { header: 'Content (1-5)', value: (r) => r.content },
              { header: 'Trainer (1-5)', value: (r) => r.trainer },
              { header: 'Relevance (1-5)', value: (r) => r.relevance },
              { header: 'What will you do differently', value: (r) => r.differently },
              { header: 'What could be better', value: (r) => r.better },
              { header: 'Given on', value: (r) => r.created_at.slice(0, 10) },
            ],
            rows,
          });
        return reply.render('learning/views/evaluations.njk', {
          title:
            scope === 'sessions'
              ? `Evaluations: ${subject.title}, ${formatDate(subject.starts_at)}`
              : `Evaluations: ${subject.title}, every session`,
          summary: evaluationSummary(rows, attended.length),
          csvHref: `${base}/evaluations.csv`,
          courseHref: scope === 'sessions' ? `/learning/courses/${subject.course_id}/evaluations` : null,
          backLink: { href: base, text: scope === 'sessions' ? 'Back to the session' : 'Back to the course' },
        });
      });
}

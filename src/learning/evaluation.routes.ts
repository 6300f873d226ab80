import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { recordAudit } from '../platform/audit/audit.ts';
import { sendTable } from '../platform/export/table-export.ts';
import { NotFoundError, UserInputError } from '../platform/http/errors.ts';
import { formErrors, keptForm, redirectWithForm, redirectWithSuccess } from '../platform/http/forms.ts';
import { get, post } from '../platform/http/route.ts';
import { newId } from '../platform/ids.ts';
import { authorize } from '../platform/policy/policy.ts';
import type { Services } from '../platform/services.ts';
import { evaluationSummary } from './evaluation.presenter.ts';
import { idParam } from './http.ts';
import { getSessionWithCourse } from './session.repo.ts';

const rating = (what: string) =>
  z.coerce
    .number({ message: `Rate ${what} from 1 to 5` })
    .int()
    .min(1, `Rate ${what} from 1 to 5`)
    .max(5, `Rate ${what} from 1 to 5`);
const form = z.object({
  content: rating('the content'),
  trainer: rating('the trainer'),
  relevance: rating('the relevance to your practice'),
  differently: z.string().trim().max(2000, 'Keep your answer under 2,000 characters').default(''),
  better: z.string().trim().max(2000, 'Keep your answer under 2,000 characters').default(''),
});

export function evaluationRoutes(app: FastifyInstance, services: Services) {
  const { db, clock } = services;

  const ownAttended = async (
    bookingId: string,
    user: NonNullable<import('fastify').FastifyRequest['user']>,
  ) => {
    const b = await db
      .selectFrom('lrn_bookings as b')
      .innerJoin('lrn_sessions as s', 's.id', 'b.session_id')
      .innerJoin('lrn_courses as c', 'c.id', 's.course_id')
      .select(['b.id', 'b.staff_id', 'b.session_id', 'c.title'])
      .where('b.id', '=', bookingId)
      .executeTakeFirst();
    if (!b) throw new NotFoundError('booking');
    authorize(user, 'learning:place', { type: 'booking', id: b.id, ownerId: b.staff_id });
    return b;
  };

  get(
    app,
    '/learning/bookings/:id/evaluate',
    { permission: 'learning:place', audit: false },
    async (req, reply) => {
      const b = await ownAttended(idParam(req), req.user!);
      const kept = keptForm(req);
      const done = await db
        .selectFrom('lrn_evaluations')
        .select('id')
        .where('booking_id', '=', b.id)
        .executeTakeFirst();
      const scale = (v: unknown) =>
        [1, 2, 3, 4, 5].map((n) => ({
          value: String(n),
          text: `${n}${n === 1 ? ' (poor)' : n === 5 ? ' (excellent)' : ''}`,
          checked: String(v) === String(n),
        }));
      const values = kept?.values ?? {};
      return reply.render('learning/views/evaluate.njk', {
        title: `Evaluate ${b.title}`,
        b,
        done: !!done,
        values,
        errors: kept?.errors,
        scales: [
          { name: 'content', legend: 'How good was the content?', items: scale(values.content) },
          { name: 'trainer', legend: 'How good was the trainer?', items: scale(values.trainer) },
          {
            name: 'relevance',
            legend: 'How relevant was it to your practice?',
            items: scale(values.relevance),
          },
        ],
        backLink: { href: '/learning/mine', text: 'Back to my learning' },
      });
    },
  );

  post(
    app,
    '/learning/bookings/:id/evaluate',
    { permission: 'learning:place', audit: false },
    async (req, reply) => {
      const b = await ownAttended(idParam(req), req.user!);
      const url = `/learning/bookings/${b.id}/evaluate`;
      const raw = (req.body ?? {}) as Record<string, unknown>;
      const values = {
        content: raw.content,
        trainer: raw.trainer,
        relevance: raw.relevance,
        differently: raw.differently,
        better: raw.better,
      };
      const parsed = form.safeParse(raw);
      if (!parsed.success)
        return redirectWithForm(services, req, reply, url, { values, errors: formErrors(parsed.error) });
      try {
        await db.transaction().execute(async (trx) => {
          const attended = await trx
            .selectFrom('lrn_attendance')
            .select('outcome')
            .where('booking_id', '=', b.id)
            .where('outcome', 'in', ['attended', 'partial'])
            .executeTakeFirst();
          if (!attended)
            throw new UserInputError('You can evaluate a session once you have attended it.', 'content');
          const done = await trx
            .selectFrom('lrn_evaluations')
            .select('id')
            .where('booking_id', '=', b.id)
            .executeTakeFirst();
          if (done)
            throw new UserInputError('You have already evaluated this session. Thank you.', 'content');
          const id = newId();
          await trx
            .insertInto('lrn_evaluations')
            .values({
              id,
              booking_id: b.id,
              session_id: b.session_id,
              ...parsed.data,
              created_at: clock.now().toISOString(),
            })
            .execute();
          await recordAudit(trx, clock, req.actor, {
            action: 'create',
            recordType: 'evaluation',
            recordId: id,
            summary: `Evaluated ${b.title}`,
          });
        });
      } catch (err) {
        if (err instanceof UserInputError)
          return redirectWithForm(services, req, reply, url, {
            values,
            errors: formErrors([{ field: err.field ?? 'content', text: err.message }]),
          });
        throw err;
      }
      return redirectWithSuccess(
        services,
        req,
        reply,
        '/learning/mine',
        'Thank you for your evaluation. We use every answer to improve the training.',
      );
    },
  );

  for (const url of ['/learning/sessions/:id/evaluations', '/learning/sessions/:id/evaluations.csv'])
    get(app, url, { permission: 'learning:reports', audit: false }, async (req, reply) => {
      const s = await getSessionWithCourse(db, idParam(req));
      if (!s) throw new NotFoundError('session');
      const rows = await db
        .selectFrom('lrn_evaluations')
        .selectAll()
        .where('session_id', '=', s.id)
        .orderBy('created_at')
        .execute();
      const attended = await db
        .selectFrom('lrn_attendance as a')
        .innerJoin('lrn_bookings as b', 'b.id', 'a.booking_id')
        .select('b.id')
        .distinct()
        .where('b.session_id', '=', s.id)
        .where('a.outcome', 'in', ['attended', 'partial'])
        .execute();
      if (req.url.split('?')[0]!.endsWith('.csv'))
        return sendTable(reply, 'csv', {
          filename: `evaluations-${s.id.slice(0, 8)}`,
          sheetName: 'Evaluations',
          columns: [
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
        title: `Evaluations: ${s.title}`,
        s,
        summary: evaluationSummary(rows, attended.length),
        backLink: { href: `/learning/sessions/${s.id}`, text: 'Back to the session' },
      });
    });
}

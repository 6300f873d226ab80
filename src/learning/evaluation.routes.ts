import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { recordAudit } from '../platform/audit/audit.ts';
import { NotFoundError, UserInputError } from '../platform/http/errors.ts';
import { formErrors, keptForm, redirectWithForm, redirectWithSuccess } from '../platform/http/forms.ts';
import { get, post } from '../platform/http/route.ts';
import { newId } from '../platform/ids.ts';
import { authorize, ForbiddenError } from '../platform/policy/policy.ts';
import type { Services } from '../platform/services.ts';
import { idParam } from './http.ts';

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
    answering = false,
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
    // L&D may look at the form; only the person who attended answers it.
    if (answering && b.staff_id !== user.id) throw new ForbiddenError('learning:place', 'booking', b.id);
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
      const b = await ownAttended(idParam(req), req.user!, true);
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
}

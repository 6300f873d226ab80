import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError, UserInputError } from '../platform/http/errors.ts';
import { formErrors, keptForm, redirectWithForm, redirectWithSuccess } from '../platform/http/forms.ts';
import { get, post } from '../platform/http/route.ts';
import type { Services } from '../platform/services.ts';
import { courseForm, sessionForm, toCourse } from './admin.forms.ts';
import { partsOf } from './booking.repo.ts';
import { getCourse } from './catalogue.repo.ts';
import { act, idParam } from './http.ts';
import { addSession, cancelSession, changeSession, saveCourse } from './offer.service.ts';
import { partsText } from './parts.parse.ts';

/** L&D run the offer: courses, sessions and their days, places, sign-up windows; change or cancel sessions. */
export function adminRoutes(app: FastifyInstance, services: Services) {
  const { db } = services;
  const rules = { permission: 'learning:manage', audit: false } as const;

  get(app, '/learning/admin', rules, async (_req, reply) => {
    const courses = await db
      .selectFrom('lrn_courses as c')
      .leftJoin('lrn_sessions as s', 's.course_id', 'c.id')
      .select(['c.id', 'c.title', 'c.category', (eb) => eb.fn.count<number>('s.id').as('sessions')])
      .groupBy(['c.id', 'c.title', 'c.category'])
      .orderBy('c.title')
      .execute();
    return reply.render('learning/views/admin.njk', { title: 'Run the training offer', courses });
  });

  const coursePage = async (req: FastifyRequest, reply: FastifyReply, id?: string) => {
    const course = id ? await getCourse(db, id) : undefined;
    if (id && !course) throw new NotFoundError('course');
    const kept = keptForm(req);
    const values =
      kept?.values ??
      (course
        ? {
            title: course.title,
            summary: course.summary,
            description: course.description,
            category: course.category,
            audience: course.audience,
            providerKind: course.provider_kind,
            providerName: course.provider_name,
            providerLink: course.provider_link ?? '',
            providerInstructions: course.provider_instructions,
            mandatory: course.mandatory ? 'yes' : 'no',
            needsApproval: course.needs_approval ? 'yes' : 'no',
            outcomes: course.outcomes,
            focusMonth: course.focus_month ?? '',
            youSaidWeDid: course.you_said_we_did,
          }
        : { audience: 'everyone', providerKind: 'internal', mandatory: 'no', needsApproval: 'no' });
    return reply.render('learning/views/course-form.njk', {
      title: course ? `Change ${course.title}` : 'Add a course',
      action: course ? `/learning/admin/courses/${course.id}/edit` : '/learning/admin/courses/new',
      values,
      errors: kept?.errors,
      backLink: { href: course ? `/learning/courses/${course.id}` : '/learning/admin' },
    });
  };

  const courseSave = async (req: FastifyRequest, reply: FastifyReply, id?: string) => {
    const url = id ? `/learning/admin/courses/${id}/edit` : '/learning/admin/courses/new';
    const values = { ...((req.body ?? {}) as Record<string, unknown>), _csrf: undefined };
    const parsed = courseForm.safeParse(req.body ?? {});
    if (!parsed.success)
      return redirectWithForm(services, req, reply, url, { values, errors: formErrors(parsed.error) });
    const courseId = await saveCourse(services, req.actor, id ?? null, toCourse(parsed.data));
    return redirectWithSuccess(
      services,
      req,
      reply,
      `/learning/courses/${courseId}`,
      `${parsed.data.title} has been saved.`,
    );
  };

  get(app, '/learning/admin/courses/new', rules, (req, reply) => coursePage(req, reply));
  post(app, '/learning/admin/courses/new', rules, (req, reply) => courseSave(req, reply));
  get(app, '/learning/admin/courses/:id/edit', rules, (req, reply) => coursePage(req, reply, idParam(req)));
  post(app, '/learning/admin/courses/:id/edit', rules, (req, reply) => courseSave(req, reply, idParam(req)));

  const sessionPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    courseId: string,
    sessionId?: string,
  ) => {
    const course = await getCourse(db, courseId);
    if (!course) throw new NotFoundError('course');
    const s = sessionId
      ? await db.selectFrom('lrn_sessions').selectAll().where('id', '=', sessionId).executeTakeFirst()
      : undefined;
    const kept = keptForm(req);
    const values =
      kept?.values ??
      (s
        ? {
            label: s.label,
            capacity: s.capacity === null ? '' : String(s.capacity),
            venue: s.venue,
            onlineLink: s.online_link ?? '',
            trainers: s.trainers,
            days: partsText(await partsOf(db, s.id)),
            signupOpens: s.signup_opens_at ? s.signup_opens_at.slice(0, 10) : '',
            signupCloses: s.signup_closes_at ? s.signup_closes_at.slice(0, 10) : '',
            cancelCutoffHours: String(s.cancel_cutoff_hours),
            offerWindowDays: String(s.offer_window_days),
            holdHours: String(s.hold_hours),
          }
        : { cancelCutoffHours: '24', offerWindowDays: '1', holdHours: '4' });
    return reply.render('learning/views/session-form.njk', {
      title: s ? `Change a session of ${course.title}` : `Add a session of ${course.title}`,
      action: s
        ? `/learning/admin/sessions/${s.id}/edit`
        : `/learning/admin/courses/${course.id}/sessions/new`,
      s,
      values,
      errors: kept?.errors,
      backLink: { href: s ? `/learning/sessions/${s.id}` : `/learning/courses/${course.id}` },
    });
  };

  const sessionSave = async (
    req: FastifyRequest,
    reply: FastifyReply,
    courseId: string,
    sessionId?: string,
  ) => {
    const url = sessionId
      ? `/learning/admin/sessions/${sessionId}/edit`
      : `/learning/admin/courses/${courseId}/sessions/new`;
    const values = { ...((req.body ?? {}) as Record<string, unknown>), _csrf: undefined };
    const parsed = sessionForm.safeParse(req.body ?? {});
    if (!parsed.success)
      return redirectWithForm(services, req, reply, url, { values, errors: formErrors(parsed.error) });
    try {
      if (!sessionId) {
        const id = await addSession(services, req.actor, { courseId, ...parsed.data });
        return redirectWithSuccess(
          services,
          req,
          reply,
          `/learning/sessions/${id}`,
          'The session has been added.',
        );
      }
      const out = await changeSession(services, req.actor, sessionId, parsed.data);
      return redirectWithSuccess(
        services,
        req,
        reply,
        `/learning/sessions/${sessionId}`,
        out.timesChanged
          ? `The session has been changed and ${out.told} booked people have been sent the new times.`
          : 'The session has been changed.',
      );
    } catch (err) {
      if (err instanceof UserInputError)
        return redirectWithForm(services, req, reply, url, {
          values,
          errors: formErrors([{ field: err.field ?? 'days', text: err.message }]),
        });
      throw err;
    }
  };

  const courseOfSession = async (sessionId: string) => {
    const s = await db
      .selectFrom('lrn_sessions')
      .select('course_id')
      .where('id', '=', sessionId)
      .executeTakeFirst();
    if (!s) throw new NotFoundError('session');
    return s.course_id;
  };

  get(app, '/learning/admin/courses/:id/sessions/new', rules, (req, reply) =>
    sessionPage(req, reply, idParam(req)),
  );
  post(app, '/learning/admin/courses/:id/sessions/new', rules, (req, reply) =>
    sessionSave(req, reply, idParam(req)),
  );
  get(app, '/learning/admin/sessions/:id/edit', rules, async (req, reply) =>
    sessionPage(req, reply, await courseOfSession(idParam(req)), idParam(req)),
  );
  post(app, '/learning/admin/sessions/:id/edit', rules, async (req, reply) =>
    sessionSave(req, reply, await courseOfSession(idParam(req)), idParam(req)),
  );
  post(app, '/learning/admin/sessions/:id/cancel', rules, async (req, reply) => {
    const id = idParam(req);
    return act(services, req, reply, `/learning/sessions/${id}`, async () => {
      const told = await cancelSession(services, req.actor, id);
      return `The session has been cancelled and ${told} ${told === 1 ? 'person has' : 'people have'} been told.`;
    });
  });
}

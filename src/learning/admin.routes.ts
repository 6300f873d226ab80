import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { form } from '../platform/http/form.ts';
import { keptForm } from '../platform/http/forms.ts';
import { idParams, page } from '../platform/http/page.ts';
import type { Services } from '../platform/services.ts';
import { addAnotherDay, courseForm, sessionForm, toCourse } from './admin.forms.ts';
import {
  presentAdminList,
  presentCourseForm,
  presentSessionForm,
  sessionCancelledMessage,
  sessionChangedMessage,
} from './admin.presenter.ts';
import { coursesWithSessionCounts } from './admin.repo.ts';
import { courseToEdit, newSessionOf, sessionToEdit } from './admin.service.ts';
import { addSession, cancelSession, changeSession, saveCourse } from './offer.service.ts';

/** The same form adds a course (no id) or changes one. */
const courseParams = z.object({ id: idParams.shape.id.optional() });

/** L&D run the offer: courses, sessions and their days, places, sign-up windows; change or cancel sessions. */
export function learningAdminRoutes(app: FastifyInstance, services: Services) {
  const { db } = services;
  const permission = 'learning:manage';

  page(app, { method: 'GET', url: '/learning/admin', permission, audit: false }, async ({ reply }) =>
    reply.render('learning/views/admin.njk', presentAdminList(await coursesWithSessionCounts(db))),
  );

  for (const url of ['/learning/admin/courses/new', '/learning/admin/courses/:id/edit']) {
    page(
      app,
      { method: 'GET', url, permission, audit: false, params: courseParams },
      async ({ params, req, reply }) => {
        const course = await courseToEdit(db, params.id);
        return reply.render('learning/views/course-form.njk', presentCourseForm(course, keptForm(req)));
      },
    );
    form(
      app,
      {
        url,
        permission,
        params: courseParams,
        body: courseForm,
        back: ({ params }) =>
          params.id ? `/learning/admin/courses/${params.id}/edit` : '/learning/admin/courses/new',
      },
      async (data, { params, actor }) => {
        const id = await saveCourse(services, actor, params.id ?? null, toCourse(data));
        return { to: `/learning/courses/${id}`, message: `${data.title} has been saved.` };
      },
    );
  }

  page(
    app,
    {
      method: 'GET',
      url: '/learning/admin/courses/:id/sessions/new',
      permission,
      audit: false,
      params: idParams,
    },
    async ({ params, req, reply }) => {
      const { course, session, parts } = await newSessionOf(db, params.id);
      const view = presentSessionForm(course, session, parts, keptForm(req));
      return reply.render('learning/views/session-form.njk', view);
    },
  );
  page(
    app,
    { method: 'GET', url: '/learning/admin/sessions/:id/edit', permission, audit: false, params: idParams },
    async ({ params, req, reply }) => {
      const { course, session, parts } = await sessionToEdit(db, params.id);
      const view = presentSessionForm(course, session, parts, keptForm(req));
      return reply.render('learning/views/session-form.njk', view);
    },
  );

  // A refusal with no field of its own is about the days (see changeSession); "Add another day" shows the form again.
  form(
    app,
    {
      url: '/learning/admin/courses/:id/sessions/new',
      permission,
      params: idParams,
      body: sessionForm,
      back: ({ params }) => `/learning/admin/courses/${params.id}/sessions/new`,
      again: addAnotherDay,
      refusalField: 'day-0-day',
    },
    async ({ session, checks }, { params, actor }) => {
      const id = await addSession(services, actor, { courseId: params.id, ...session }, checks);
      return { to: `/learning/sessions/${id}`, message: 'The session has been added.' };
    },
  );
  form(
    app,
    {
      url: '/learning/admin/sessions/:id/edit',
      permission,
      params: idParams,
      body: sessionForm,
      back: ({ params }) => `/learning/admin/sessions/${params.id}/edit`,
      again: addAnotherDay,
      refusalField: 'day-0-day',
    },
    async ({ session, checks }, { params, actor }) => {
      const out = await changeSession(services, actor, params.id, session, checks);
      return { to: `/learning/sessions/${params.id}`, message: sessionChangedMessage(out) };
    },
  );
  form(
    app,
    {
      url: '/learning/admin/sessions/:id/cancel',
      permission,
      params: idParams,
      body: z.object({}),
      back: ({ params }) => `/learning/sessions/${params.id}`,
      refusalField: 'main-content',
    },
    async (_data, { params, actor }) => {
      const told = await cancelSession(services, actor, params.id);
      return { to: `/learning/sessions/${params.id}`, message: sessionCancelledMessage(told) };
    },
  );
}

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { form } from '../platform/http/form.ts';
import { keptForm } from '../platform/http/forms.ts';
import { idParams, page } from '../platform/http/page.ts';
import type { Services } from '../platform/services.ts';
import { todayIn } from './complaints.service.ts';
import { dayField, optionalText, THEMES, text } from './forms.ts';
import { lessonListPage, lessonPage, newLessonPage } from './lesson-pages.service.ts';
import { lessonFormValues, presentLesson, presentLessonList, presentNewLesson } from './lessons.presenter.ts';
import { addAction, addLessonItem, closeLoop, setPublication } from './lessons.service.ts';

const itemUrl = (id: string) => `/lessons/items/${id}`;
const back = ({ params }: { params: { id: string } }) => itemUrl(params.id);

const listQuery = z.object({ status: z.enum(['open', 'closed']).optional().catch(undefined) });
const newQuery = z.object({
  complaint: z.string().max(100).optional().catch(undefined),
  source: z.string().max(100).optional().catch(undefined),
});
const newItemSchema = z
  .object({
    complaintId: z.string().max(60).default(''),
    sourceId: z.string().max(60).default(''),
    kind: z.enum(['learning point', 'recommendation'], {
      message: 'Say whether this is a learning point or a recommendation',
    }),
    title: text('a short title', 200),
    detail: text('what was learned', 4000),
    theme: z.enum(THEMES, { message: 'Choose a theme' }),
  })
  .refine((v) => v.complaintId || v.sourceId, {
    message: 'Choose where this learning comes from',
    path: ['sourceId'],
  });
const actionSchema = z.object({
  description: text('what must change', 2000),
  ownerId: z.string().min(1, 'Choose who owns the action').max(60),
  dueOn: dayField('the due date'),
});
const publishSchema = z.object({
  publish: z.enum(['yes', 'no'], { message: 'Say whether to publish it' }),
  summary: optionalText(2000),
});

/** Lesson items (learning points and recommendations), their actions, closing the loop and publishing. */
export function lessonsRoutes(app: FastifyInstance, services: Services) {
  const { db, clock } = services;

  page(
    app,
    {
      method: 'GET',
      url: '/lessons/items',
      permission: 'lessons:view',
      audit: false,
      query: listQuery,
    },
    async ({ query, user, reply }) =>
      reply.render(
        'complaints/views/items.njk',
        presentLessonList(await lessonListPage(db, user, query.status)),
      ),
  );

  page(
    app,
    {
      method: 'GET',
      url: '/lessons/items/new',
      permission: 'lessons:manage',
      audit: false,
      query: newQuery,
    },
    async ({ query, user, req, reply }) => {
      const kept = keptForm(req);
      const values = lessonFormValues(kept, query);
      const data = await newLessonPage(db, user, String(values.complaintId ?? ''));
      return reply.render(
        'complaints/views/item-new.njk',
        presentNewLesson({ values, errors: kept?.errors, ...data }),
      );
    },
  );

  form(
    app,
    {
      url: '/lessons/items/new',
      permission: 'lessons:manage',
      body: newItemSchema,
      // Back to the form for the same complaint, so a refresh still shows it.
      back: ({ answers }) =>
        `/lessons/items/new${answers.complaintId ? `?complaint=${encodeURIComponent(String(answers.complaintId))}` : ''}`,
    },
    async (d, { user, actor }) => {
      const id = await addLessonItem(db, clock, actor, user, {
        complaintId: d.complaintId || null,
        sourceId: d.complaintId ? null : d.sourceId || null,
        kind: d.kind,
        title: d.title,
        detail: d.detail,
        theme: d.theme,
        teamId: null,
      });
      return { to: itemUrl(id), message: 'The learning has been added. Now add its actions.' };
    },
  );

  page(
    app,
    {
      method: 'GET',
      url: '/lessons/items/:id',
      permission: 'lessons:view',
      params: idParams,
      audit: {
        recordType: 'learning-item',
        recordId: ({ params }) => params.id,
        summary: () => 'Viewed a learning item',
      },
    },
    async ({ params, user, req, reply }) => {
      const data = await lessonPage(db, user, params.id);
      return reply.render('complaints/views/item.njk', presentLesson(data, keptForm(req), todayIn(clock)));
    },
  );

  const itemForm = { permission: 'lessons:manage', params: idParams, back } as const;
  form(
    app,
    { ...itemForm, url: '/lessons/items/:id/actions', name: 'action', body: actionSchema },
    async (d, c) => {
      await addAction(db, clock, c.actor, c.user, c.params.id, d);
      return { to: itemUrl(c.params.id), message: 'The action has been added.' };
    },
  );

  form(
    app,
    { ...itemForm, url: '/lessons/items/:id/close', name: 'close', body: z.object({}) },
    async (_d, c) => {
      await closeLoop(db, clock, c.actor, c.user, c.params.id);
      return {
        to: itemUrl(c.params.id),
        message: 'The loop is closed: every action has evidence that practice changed.',
      };
    },
  );

  form(
    app,
    { ...itemForm, url: '/lessons/items/:id/publish', name: 'publish', body: publishSchema },
    async (d, c) => {
      await setPublication(db, clock, c.actor, c.user, c.params.id, {
        publish: d.publish === 'yes',
        summary: d.summary,
      });
      return {
        to: itemUrl(c.params.id),
        message:
          d.publish === 'yes'
            ? 'The anonymised summary is published for everyone.'
            : 'The item is no longer published.',
      };
    },
  );
}

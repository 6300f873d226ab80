import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { londonDay } from '../platform/calendar/days.ts';
import { form } from '../platform/http/form.ts';
import { keptForm } from '../platform/http/forms.ts';
import { idParams, page } from '../platform/http/page.ts';
import type { Services } from '../platform/services.ts';
import { editionTitle, shiftMonth } from './editions.rules.ts';
import {
  addArticleAsEditor,
  changeArticle,
  createEdition,
  isEditor,
  removeArticle,
  saveEditionDetails,
} from './editions.service.ts';
import { presentArticleForm, presentEditor } from './editor.presenter.ts';
import { articlePage, editorPage, editorsPage, notEditorPage } from './editor-pages.service.ts';
import { setEditor } from './editors.service.ts';
import {
  articleForm,
  changeArticleForm,
  detailsForm,
  editorForm,
  londonInstant,
  newEditionForm,
  scheduleForm,
} from './forms.ts';
import { presentReport } from './pages.presenter.ts';
import { publishNow, retryFailures, schedule, sendReport, testSend, unschedule } from './sending.service.ts';

const articleParams = z.object({ id: z.string().min(1).max(100), articleId: z.string().min(1).max(100) });
const edit = { permission: 'bulletin:edit', audit: false } as const;
const empty = z.object({});

/** The editors' pages: new editions, articles, details, test sends, scheduling, publishing, the send report, editors. */
export function editorRoutes(app: FastifyInstance, services: Services) {
  const { db, clock } = services;
  const toEdit = ({ params }: { params: { id: string } }) => `/bulletin/${params.id}/edit`;

  page(app, { ...edit, method: 'GET', url: '/bulletin/editions/new' }, async ({ user, req, reply }) => {
    if (!(await isEditor(db, user)))
      return reply.render('bulletin/views/not-editor.njk', await notEditorPage(db, 'start an edition'));
    const kept = keptForm(req);
    const suggested = shiftMonth(londonDay(clock.now()).slice(0, 7), 1);
    return reply.render('bulletin/views/new.njk', {
      title: 'Start a new edition',
      suggested,
      values: { month: suggested, ...(kept?.values ?? {}) },
      errors: kept?.errors,
    });
  });

  form(
    app,
    {
      url: '/bulletin/editions/new',
      permission: 'bulletin:edit',
      body: newEditionForm,
      back: () => '/bulletin/editions/new',
    },
    async (d, { user, actor }) => {
      const id = await createEdition(services, actor, user, d);
      return {
        to: `/bulletin/${id}/edit`,
        message: `The ${editionTitle(d.month)} has been started as a draft`,
      };
    },
  );

  page(
    app,
    { ...edit, method: 'GET', url: '/bulletin/:id/edit', params: idParams },
    async ({ user, params, req, reply }) => {
      const d = await editorPage(db, clock, user, params.id);
      return reply.render(
        'bulletin/views/edit.njk',
        presentEditor(d.edition, d.articles, d.choices, d.recipients, keptForm(req)),
      );
    },
  );

  form(
    app,
    {
      url: '/bulletin/:id/details',
      name: 'details',
      permission: 'bulletin:edit',
      params: idParams,
      body: detailsForm,
      back: (c) => `${toEdit(c)}#details`,
    },
    async (d, { user, actor, params }) => {
      await saveEditionDetails(services, actor, user, params.id, d);
      return {
        to: `/bulletin/${params.id}/edit`,
        message: 'The welcome, training period and distribution have been saved',
      };
    },
  );

  form(
    app,
    {
      url: '/bulletin/:id/articles',
      name: 'article',
      permission: 'bulletin:edit',
      params: idParams,
      body: articleForm,
      back: (c) => `${toEdit(c)}#article`,
    },
    async (d, { user, actor, params }) => {
      await addArticleAsEditor(services, actor, user, params.id, { ...d, mustRead: d.mustRead });
      return {
        to: `/bulletin/${params.id}/edit`,
        message: d.kind === 'pull-quote' ? 'The pull-quote has been added' : `“${d.title}” has been added`,
      };
    },
  );

  page(
    app,
    { ...edit, method: 'GET', url: '/bulletin/:id/articles/:articleId', params: articleParams },
    async ({ user, params, req, reply }) => {
      const { edition, article } = await articlePage(db, user, params.id, params.articleId);
      return reply.render('bulletin/views/article.njk', presentArticleForm(edition, article, keptForm(req)));
    },
  );

  const toArticle = ({ params }: { params: { id: string; articleId: string } }) =>
    `/bulletin/${params.id}/articles/${params.articleId}`;
  form(
    app,
    {
      url: '/bulletin/:id/articles/:articleId',
      permission: 'bulletin:edit',
      params: articleParams,
      body: changeArticleForm,
      back: toArticle,
    },
    async (d, { user, actor, params }) => {
      await changeArticle(services, actor, user, params.id, params.articleId, d);
      return {
        to: `/bulletin/${params.id}/edit`,
        message: d.correction
          ? 'The correction has been saved and noted on the edition'
          : 'The article has been saved',
      };
    },
  );

  form(
    app,
    {
      url: '/bulletin/:id/articles/:articleId/remove',
      permission: 'bulletin:edit',
      params: articleParams,
      body: empty,
      back: toArticle,
    },
    async (_d, { user, actor, params }) => {
      await removeArticle(services, actor, user, params.id, params.articleId);
      return { to: `/bulletin/${params.id}/edit`, message: 'The article has been removed' };
    },
  );

  form(
    app,
    {
      url: '/bulletin/:id/test',
      permission: 'bulletin:edit',
      params: idParams,
      body: empty,
      back: (c) => `${toEdit(c)}#send`,
    },
    async (_d, { user, actor, params }) => {
      await testSend(services, actor, user, params.id);
      return { to: `/bulletin/${params.id}/edit#send`, message: `A test has been sent to ${user.email}` };
    },
  );

  form(
    app,
    {
      url: '/bulletin/:id/schedule',
      name: 'schedule',
      permission: 'bulletin:edit',
      params: idParams,
      body: scheduleForm,
      back: (c) => `${toEdit(c)}#schedule`,
      refusalField: 'day',
    },
    async (d, { user, actor, params }) => {
      await schedule(services, actor, user, params.id, londonInstant(d.day, d.time));
      return {
        to: `/bulletin/${params.id}/edit`,
        message: `The edition will be sent on ${d.day} at ${d.time}`,
      };
    },
  );

  form(
    app,
    {
      url: '/bulletin/:id/unschedule',
      permission: 'bulletin:edit',
      params: idParams,
      body: empty,
      back: toEdit,
    },
    async (_d, { user, actor, params }) => {
      await unschedule(services, actor, user, params.id);
      return {
        to: `/bulletin/${params.id}/edit`,
        message: 'The edition is a draft again and will not be sent',
      };
    },
  );

  form(
    app,
    {
      url: '/bulletin/:id/publish',
      permission: 'bulletin:edit',
      params: idParams,
      body: empty,
      back: (c) => `${toEdit(c)}#publish`,
      refusalField: 'publish',
    },
    async (_d, { user, actor, params }) => {
      const n = await publishNow(services, actor, user, params.id);
      return {
        to: `/bulletin/${params.id}/report`,
        message: `The edition has been published and is being sent to ${n} people`,
      };
    },
  );

  page(
    app,
    { ...edit, method: 'GET', url: '/bulletin/:id/report', params: idParams },
    async ({ user, params, reply }) =>
      reply.render('bulletin/views/report.njk', presentReport(await sendReport(db, user, params.id))),
  );

  form(
    app,
    {
      url: '/bulletin/:id/retry',
      permission: 'bulletin:edit',
      params: idParams,
      body: empty,
      back: (c) => `/bulletin/${c.params.id}/report`,
    },
    async (_d, { user, actor, params }) => {
      const n = await retryFailures(services, actor, user, params.id);
      return {
        to: `/bulletin/${params.id}/report`,
        message: `${n === 1 ? '1 message' : `${n} messages`} will be tried again`,
      };
    },
  );

  page(
    app,
    { method: 'GET', url: '/bulletin/editors', permission: 'bulletin:editors', audit: false },
    async ({ req, reply }) =>
      reply.render('bulletin/views/editors.njk', {
        title: 'Editors of the bulletin',
        editors: await editorsPage(db),
        values: keptForm(req)?.values ?? {},
        errors: keptForm(req)?.errors,
      }),
  );

  form(
    app,
    {
      url: '/bulletin/editors',
      permission: 'bulletin:editors',
      body: editorForm,
      back: () => '/bulletin/editors',
    },
    async (d, { user, actor }) => {
      const name = await setEditor(services, actor, user, { email: d.email, add: d.change === 'add' });
      return {
        to: '/bulletin/editors',
        message: d.change === 'add' ? `${name} is now an editor` : `${name} is no longer an editor`,
      };
    },
  );
}

import type { FastifyInstance } from 'fastify';
import { form } from '../platform/http/form.ts';
import { keptForm } from '../platform/http/forms.ts';
import { idParams, page } from '../platform/http/page.ts';
import type { Services } from '../platform/services.ts';
import { contributionsForEditor, myContributions } from './contribution-pages.service.ts';
import { decideContribution, resubmit, submitContribution } from './contributions.service.ts';
import { presentContributionsForEditor, presentMine } from './editor.presenter.ts';
import { notEditorPage } from './editor-pages.service.ts';
import { acceptForm, answerForm, articleRef, contributionForm } from './forms.ts';
import { presentReaders } from './pages.presenter.ts';
import { readership, remindMustRead } from './reading.service.ts';

/** Contributions (anyone sends, editors decide) and who has read an edition (managers and the PSW). */
export function contributionRoutes(app: FastifyInstance, services: Services) {
  const { db } = services;

  page(
    app,
    { method: 'GET', url: '/bulletin/contribute', permission: 'bulletin:contribute', audit: false },
    async ({ user, req, reply }) =>
      reply.render(
        'bulletin/views/contribute.njk',
        presentMine(await myContributions(db, user), keptForm(req)),
      ),
  );

  form(
    app,
    {
      url: '/bulletin/contribute',
      name: 'contribute',
      permission: 'bulletin:contribute',
      body: contributionForm,
      back: () => '/bulletin/contribute',
    },
    async (d, { user, actor }) => {
      await submitContribution(services, actor, user, d);
      return {
        to: '/bulletin/contribute',
        message: `Thank you: “${d.title}” has been sent to the editor. You can add an image to it below`,
      };
    },
  );

  form(
    app,
    {
      url: '/bulletin/contributions/:id/resubmit',
      permission: 'bulletin:contribute',
      params: idParams,
      body: contributionForm,
      back: () => '/bulletin/contribute',
    },
    async (d, { user, actor, params }) => {
      await resubmit(services, actor, user, params.id, d);
      return { to: '/bulletin/contribute', message: `The changed “${d.title}” has been sent to the editor` };
    },
  );

  page(
    app,
    { method: 'GET', url: '/bulletin/contributions', permission: 'bulletin:edit', audit: false },
    async ({ user, req, reply }) => {
      const d = await contributionsForEditor(db, user);
      if (!d)
        return reply.render(
          'bulletin/views/not-editor.njk',
          await notEditorPage(db, 'decide on contributions'),
        );
      return reply.render('bulletin/views/contributions.njk', {
        ...presentContributionsForEditor(d.rows, d.editions),
        values: keptForm(req)?.values ?? {},
        errors: keptForm(req)?.errors,
      });
    },
  );

  form(
    app,
    {
      url: '/bulletin/contributions/:id/accept',
      permission: 'bulletin:edit',
      params: idParams,
      body: acceptForm,
      back: () => '/bulletin/contributions',
    },
    async (d, { user, actor, params }) => {
      await decideContribution(services, actor, user, params.id, { kind: 'accept', editionId: d.edition });
      return {
        to: `/bulletin/${d.edition}/edit`,
        message: 'The contribution is now a draft article of the edition, credited to its author',
      };
    },
  );

  form(
    app,
    {
      url: '/bulletin/contributions/:id/answer',
      permission: 'bulletin:edit',
      params: idParams,
      body: answerForm,
      back: () => '/bulletin/contributions',
    },
    async (d, { user, actor, params }) => {
      await decideContribution(services, actor, user, params.id, { kind: d.decision, note: d.note });
      return {
        to: '/bulletin/contributions',
        message:
          d.decision === 'declined'
            ? 'The contributor has been told it will not be used'
            : 'The contributor has been asked for changes',
      };
    },
  );

  page(
    app,
    {
      method: 'GET',
      url: '/bulletin/:id/readers',
      permission: 'bulletin:reads',
      audit: false,
      params: idParams,
    },
    async ({ user, params, reply }) =>
      reply.render('bulletin/views/readers.njk', presentReaders(await readership(db, user, params.id))),
  );

  form(
    app,
    {
      url: '/bulletin/:id/remind',
      permission: 'bulletin:reads',
      params: idParams,
      body: articleRef,
      back: (c) => `/bulletin/${c.params.id}/readers`,
    },
    async (d, { user, actor, params }) => {
      const n = await remindMustRead(services, actor, user, params.id, d.article);
      return {
        to: `/bulletin/${params.id}/readers`,
        message: `${n === 1 ? '1 person has' : `${n} people have`} been sent a reminder`,
      };
    },
  );
}

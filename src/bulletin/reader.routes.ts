import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { NotFoundError } from '../platform/http/errors.ts';
import { form } from '../platform/http/form.ts';
import { keptForm } from '../platform/http/forms.ts';
import { idParams, page } from '../platform/http/page.ts';
import { can } from '../platform/policy/policy.ts';
import type { Services } from '../platform/services.ts';
import { presentAsSent, presentEdition, presentPrint } from './edition.presenter.ts';
import { editionTitle } from './editions.rules.ts';
import { assertEditor, editionOrThrow } from './editions.service.ts';
import { articleRef, feedbackForm, usefulForm } from './forms.ts';
import { imagesAsData } from './image-pages.service.ts';
import { presentArchive } from './pages.presenter.ts';
import { chromiumPath, printableHtml, printToPdf } from './pdf.ts';
import { archive, confirmRead, giveFeedback, readEdition, voteUseful } from './reading.service.ts';
import { parseRecord } from './record.ts';

const searchQuery = z.object({ q: z.string().max(200).optional().catch(undefined) });
const read = { permission: 'bulletin:read', audit: false } as const;

/** Reading: the archive and search, an edition, its print and PDF versions, must-reads, votes and feedback. */
export function readerRoutes(app: FastifyInstance, services: Services) {
  const { db, config } = services;

  page(
    app,
    { ...read, method: 'GET', url: '/bulletin', query: searchQuery },
    async ({ user, query, reply }) => {
      const q = (query.q ?? '').trim();
      return reply.render(
        'bulletin/views/archive.njk',
        presentArchive(await archive(db, user, q), q, can(user, 'bulletin:editors')),
      );
    },
  );

  page(
    app,
    { ...read, method: 'GET', url: '/bulletin/:id', params: idParams },
    async ({ user, params, req, reply }) =>
      reply.render(
        'bulletin/views/edition.njk',
        presentEdition(await readEdition(services, user, params.id), keptForm(req)),
      ),
  );

  page(
    app,
    { ...read, method: 'GET', url: '/bulletin/:id/print', params: idParams },
    async ({ user, params, reply }) =>
      reply.render('bulletin/views/print.njk', presentPrint(await readEdition(services, user, params.id))),
  );

  page(
    app,
    { ...read, method: 'GET', url: '/bulletin/:id/pdf', params: idParams },
    async ({ user, params, reply }) => {
      const d = await readEdition(services, user, params.id);
      const browser = chromiumPath();
      if (!browser)
        return reply.code(503).render('bulletin/views/no-pdf.njk', {
          title: `PDF not available: ${editionTitle(d.edition.month)}`,
          id: d.edition.id,
        });
      const images = await imagesAsData(db, config.dataDir, d.articles);
      const view = presentPrint(d, (imageId) => images.get(imageId) ?? '');
      const pdf = await printToPdf(printableHtml(view, config.brandColour, config.orgName), browser);
      const name = view.heading.toLowerCase().replace(/[^a-z0-9]+/g, '-');
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${name}.pdf"`)
        .send(pdf);
    },
  );

  page(
    app,
    {
      permission: 'bulletin:edit',
      audit: false,
      method: 'GET',
      url: '/bulletin/:id/as-sent',
      params: idParams,
    },
    async ({ user, params, reply }) => {
      await assertEditor(db, user);
      const e = await editionOrThrow(db, params.id);
      const record = parseRecord(e.sent_record);
      if (!record) throw new NotFoundError('sent edition');
      return reply.render('bulletin/views/as-sent.njk', presentAsSent(e, record));
    },
  );

  const back = ({ params }: { params: { id: string } }) => `/bulletin/${params.id}`;
  form(
    app,
    { url: '/bulletin/:id/confirm', permission: 'bulletin:read', params: idParams, body: articleRef, back },
    async (d, { user, params }) => {
      const title = await confirmRead(services, user, params.id, d.article);
      return {
        to: `/bulletin/${params.id}#article-${d.article}`,
        message: `Thank you: you have confirmed you have read “${title}”`,
      };
    },
  );

  form(
    app,
    { url: '/bulletin/:id/useful', permission: 'bulletin:read', params: idParams, body: usefulForm, back },
    async (d, { user, params }) => {
      const title = await voteUseful(services, user, params.id, d.article, d.useful === 'yes');
      return {
        to: `/bulletin/${params.id}#article-${d.article}`,
        message: `Thank you for saying whether “${title}” was useful`,
      };
    },
  );

  form(
    app,
    {
      url: '/bulletin/:id/feedback',
      permission: 'bulletin:read',
      params: idParams,
      body: feedbackForm,
      back: (c) => `${back(c)}#feedback`,
    },
    async (d, { user, params }) => {
      await giveFeedback(services, user, params.id, d);
      return {
        to: `/bulletin/${params.id}#feedback`,
        message: 'Thank you for your feedback on this edition',
      };
    },
  );
}

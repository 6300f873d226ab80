import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { page } from '../../platform/http/page.ts';
import type { Services } from '../../platform/services.ts';
import { importedMessage, presentImportPage, presentPreview, templateCsv } from './import.presenter.ts';
import { confirmUpload, previewUpload, receiveUpload } from './import.service.ts';

const IMPORT = '/performance/import';
const view = 'performance/import/views/import.njk';
const permission = 'children:import';
// A token that is not text is no token: the page says no upload is waiting.
const token = z.object({ token: z.string().optional().catch(undefined) });

/**
 * Importing children's records from the web: upload (checked, nothing saved),
 * preview, confirm. The upload is a multipart body, read by the service, so
 * its form token travels in the query string; the confirmation answers with
 * the import page and a status (400, 422) when it cannot import, not a redirect.
 */
export function childImportRoutes(app: FastifyInstance, services: Services) {
  page(app, { method: 'GET', url: IMPORT, permission, audit: false }, ({ reply }) =>
    reply.render(view, presentImportPage()),
  );

  page(
    app,
    {
      method: 'GET',
      url: `${IMPORT}/template.csv`,
      permission,
      audit: false,
      query: z.object({ kind: z.string().optional().catch(undefined) }),
    },
    ({ query, reply }) => {
      const csv = templateCsv(query.kind);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${csv.filename}"`)
        .send(csv.body);
    },
  );

  page(app, { method: 'POST', url: IMPORT, permission, audit: false }, async ({ req, reply, user }) => {
    const r = await receiveUpload(services, user, req);
    if (r.ok) return reply.redirect(`${IMPORT}/preview?token=${r.token}`, 303);
    return reply.code(r.status).render(view, presentImportPage(r));
  });

  page(
    app,
    {
      method: 'GET',
      url: `${IMPORT}/preview`,
      permission,
      query: token,
      audit: { recordType: 'children', summary: () => 'Previewed an import of children’s records' },
    },
    async ({ query, reply, user }) => {
      const r = await previewUpload(services, user, query.token);
      if (!r.ok) return reply.code(r.status).render(view, presentImportPage(r));
      return reply.render('performance/import/views/preview.njk', presentPreview(r));
    },
  );

  page(
    app,
    { method: 'POST', url: `${IMPORT}/confirm`, permission, audit: false, body: token },
    async ({ body, reply, user, actor }) => {
      const r = await confirmUpload(services, user, actor, body.token);
      if (!r.ok) return reply.code(r.status).render(view, presentImportPage(r));
      return reply.redirectWithFlash(IMPORT, { success: importedMessage(r.summary) });
    },
  );
}

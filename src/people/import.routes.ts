import type { FastifyInstance } from 'fastify';
import { page } from '../platform/http/page.ts';
import type { Services } from '../platform/services.ts';
import { staffTemplateCsv } from './staff-import.parse.ts';
import { presentStaffImport, staffImported } from './staff-import.presenter.ts';
import { importStaffUpload } from './staff-import.service.ts';

const view = 'people/views/import.njk';
const rules = { permission: 'staff:import', audit: false } as const;

/** System admins import the staff file (CSV): all or nothing, matched on staff number. */
export function staffImportRoutes(app: FastifyInstance, services: Services) {
  page(app, { method: 'GET', url: '/staff/import', ...rules }, async ({ reply }) =>
    reply.render(view, presentStaffImport()),
  );

  page(app, { method: 'GET', url: '/staff/import/template.csv', ...rules }, async ({ reply }) =>
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="staff-import-template.csv"')
      .send(staffTemplateCsv()),
  );

  // A multipart upload: the file is read from the request by the service, the form token is in the query string.
  page(app, { method: 'POST', url: '/staff/import', ...rules }, async ({ actor, req, reply }) => {
    const result = await importStaffUpload(services.db, services.clock, actor, req);
    if (!result.ok) return reply.code(result.status).render(view, presentStaffImport(result.errors));
    return reply.redirectWithFlash('/staff', { success: staffImported(result) });
  });
}

import type { FastifyInstance } from 'fastify';
import { fileProblemsView, redirectWithSuccess } from '../platform/http/forms.ts';
import { get, post } from '../platform/http/route.ts';
import type { Services } from '../platform/services.ts';
import { STAFF_COLUMNS, staffTemplateCsv } from './staff-import.parse.ts';
import { importStaff } from './staff-import.service.ts';

const view = 'people/views/import.njk';

export function staffImportRoutes(app: FastifyInstance, services: Services) {
  get(app, '/staff/import', { permission: 'staff:import', audit: false }, async (_req, reply) =>
    reply.render(view, { title: 'Import staff', columns: STAFF_COLUMNS, backLink: { href: '/staff' } }),
  );

  get(app, '/staff/import/template.csv', { permission: 'staff:import', audit: false }, async (_req, reply) =>
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="staff-import-template.csv"')
      .send(staffTemplateCsv()),
  );

  // Multipart bodies are read in the handler, so the form token travels in the query string.
  post(app, '/staff/import', { permission: 'staff:import', audit: false }, async (req, reply) => {
    const render = (status: number, errors: { row: number | null; message: string }[]) =>
      reply.code(status).render(view, {
        title: 'Import staff',
        columns: STAFF_COLUMNS,
        backLink: { href: '/staff' },
        ...fileProblemsView(errors),
      });
    if (!req.isMultipart()) return render(400, [{ row: null, message: 'Choose a CSV file to upload.' }]);
    let file: Awaited<ReturnType<typeof req.file>>;
    try {
      file = await req.file();
    } catch {
      return render(400, [{ row: null, message: 'The upload could not be read. Try again.' }]);
    }
    if (!file?.filename) return render(400, [{ row: null, message: 'Choose a CSV file to upload.' }]);
    if (!/\.csv$/i.test(file.filename))
      return render(400, [{ row: null, message: 'The file must be a CSV file (.csv).' }]);
    let text: string;
    try {
      const buf = await file.toBuffer();
      text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    } catch (err) {
      const tooBig = (err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE';
      return render(tooBig ? 413 : 400, [
        {
          row: null,
          message: tooBig
            ? 'The file is larger than 10 MB.'
            : 'The file must be UTF-8 text. Save it from Excel as "CSV UTF-8".',
        },
      ]);
    }
    const result = await importStaff(services.db, services.clock, req.actor, text);
    if (!result.ok) return render(422, result.errors);
    return redirectWithSuccess(
      services,
      req,
      reply,
      '/staff',
      `Staff file imported: ${result.created} added, ${result.updated} changed, ${result.unchanged} unchanged.`,
    );
  });
}

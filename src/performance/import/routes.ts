import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { londonDay } from '../../platform/calendar/days.ts';
import { toCsv } from '../../platform/csv.ts';
import { fileProblemsView, redirectWithSuccess } from '../../platform/http/forms.ts';
import { get, post } from '../../platform/http/route.ts';
import type { Services } from '../../platform/services.ts';
import { refreshStatuses } from '../status.service.ts';
import { annexAImporter, importerFor } from './importers.ts';
import { KINDS, kindSpec } from './kinds.ts';
import type { ImportProblem } from './run.ts';
import { describeUpload, findUpload, removeUpload, saveUpload, uploadPath } from './uploads.ts';

const view = 'performance/import/views/import.njk';

export function childImportRoutes(app: FastifyInstance, services: Services) {
  const { db, clock, config } = services;
  const page = (reply: FastifyReply, status: number, extra: Record<string, unknown> = {}) =>
    reply.code(status).render(view, {
      title: 'Import children’s records',
      kinds: KINDS.map((k) => ({ kind: k.kind, title: k.title, columns: k.columns })),
      kindItems: [...KINDS, annexAImporter].map((k) => ({
        value: k.kind,
        text: k.title,
        checked: k.kind === extra.kind,
      })),
      ...extra,
    });
  const problems = (
    reply: FastifyReply,
    status: number,
    kind: string | undefined,
    errors: ImportProblem[],
    total = errors.length,
  ) =>
    page(reply, status, {
      kind,
      ...fileProblemsView(errors, total, errors.length),
    });

  get(app, '/performance/import', { permission: 'children:import', audit: false }, async (_req, reply) =>
    page(reply, 200),
  );

  get(
    app,
    '/performance/import/template.csv',
    { permission: 'children:import', audit: false },
    async (req, reply) => {
      const spec = kindSpec(String((req.query as { kind?: string }).kind ?? '')) ?? KINDS[0]!;
      const example = Object.fromEntries(spec.columns.map((c) => [c.name, c.example]));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${spec.kind}-template.csv"`)
        .send(
          toCsv(
            [example],
            spec.columns.map((c) => ({ header: c.name, value: (r: Record<string, string>) => r[c.name] })),
          ),
        );
    },
  );

  // Multipart bodies are read in the handler, so the form token travels in the query string.
  post(app, '/performance/import', { permission: 'children:import', audit: false }, async (req, reply) => {
    if (!req.isMultipart())
      return problems(reply, 400, undefined, [{ row: null, message: 'Choose a file to upload.' }]);
    const file = await req.file().catch(() => undefined);
    const kindField = file?.fields.kind as { value?: unknown } | undefined;
    const importer = importerFor(String(kindField?.value ?? ''));
    if (!importer)
      return problems(reply, 400, undefined, [{ row: null, message: 'Choose what the file holds.' }]);
    const fail = (status: number, message: string) =>
      problems(reply, status, importer.kind, [{ row: null, message }]);
    if (!file?.filename) return fail(400, 'Choose a file to upload.');
    if (!file.filename.toLowerCase().endsWith(`.${importer.extension}`))
      return fail(
        400,
        importer.extension === 'csv'
          ? 'The file must be a CSV file (.csv).'
          : 'The file must be an Excel workbook (.xlsx).',
      );
    const token = await saveUpload(config.dataDir, file.file).catch(() => null);
    if (!token || file.file.truncated) {
      if (token) removeUpload(config.dataDir, token);
      return fail(413, 'The file is larger than 10 MB: use the practice-hub import command for big files.');
    }
    const checked = await importer.check(db, uploadPath(config.dataDir, token), londonDay(clock.now()));
    if (!checked.ok) {
      removeUpload(config.dataDir, token);
      return problems(reply, 422, importer.kind, checked.errors, checked.errorCount);
    }
    describeUpload(config.dataDir, {
      token,
      kind: importer.kind,
      name: file.filename.slice(0, 100),
      staffId: req.user!.id,
      rows: checked.rows,
    });
    return reply.redirect(`/performance/import/preview?token=${token}`, 303);
  });

  get(
    app,
    '/performance/import/preview',
    {
      permission: 'children:import',
      audit: { recordType: 'children', summary: () => 'Previewed an import of children’s records' },
    },
    async (req, reply) => {
      const upload = findUpload(config.dataDir, (req.query as { token?: unknown }).token, req.user!.id);
      const importer = upload && importerFor(upload.kind);
      if (!upload || !importer) return page(reply, 200, { expired: true });
      const checked = await importer.check(
        db,
        uploadPath(config.dataDir, upload.token),
        londonDay(clock.now()),
      );
      if (!checked.ok) return problems(reply, 422, importer.kind, checked.errors, checked.errorCount);
      return reply.render('performance/import/views/preview.njk', {
        title: `Check before importing: ${importer.title.toLowerCase()}`,
        upload,
        table: checked.table,
        backLink: { href: '/performance/import' },
      });
    },
  );

  post(
    app,
    '/performance/import/confirm',
    { permission: 'children:import', audit: false },
    async (req: FastifyRequest, reply) => {
      const upload = findUpload(config.dataDir, (req.body as { token?: unknown }).token, req.user!.id);
      const importer = upload && importerFor(upload.kind);
      if (!upload || !importer) return page(reply, 400, { expired: true });
      const today = londonDay(clock.now());
      const file = { path: uploadPath(config.dataDir, upload.token), name: upload.name };
      const r = await importer.write(db, clock, req.actor, file, today);
      if (!r.ok) return problems(reply, 422, importer.kind, r.errors, r.errorCount);
      removeUpload(config.dataDir, upload.token);
      await refreshStatuses(db, today);
      return redirectWithSuccess(
        services,
        req,
        reply,
        '/performance/import',
        `${r.summary} What is due for each child has been worked out again.`,
      );
    },
  );
}

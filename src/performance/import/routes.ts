import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { londonDay } from '../../platform/calendar/days.ts';
import { toCsv } from '../../platform/csv.ts';
import { redirectWithSuccess } from '../../platform/http/forms.ts';
import { get, post } from '../../platform/http/route.ts';
import type { Services } from '../../platform/services.ts';
import { refreshStatuses } from '../status.service.ts';
import { KINDS, type KindSpec, kindSpec } from './kinds.ts';
import { checkFile, type ImportProblem, importFile } from './run.ts';
import { describeUpload, findUpload, removeUpload, saveUpload, uploadPath } from './uploads.ts';

const view = 'performance/import/views/import.njk';

export function childImportRoutes(app: FastifyInstance, services: Services) {
  const { db, clock, config } = services;
  const page = (reply: FastifyReply, status: number, extra: Record<string, unknown> = {}) =>
    reply.code(status).render(view, {
      title: 'Import children’s records',
      kinds: KINDS.map((k) => ({ kind: k.kind, title: k.title, columns: k.columns })),
      kindItems: KINDS.map((k) => ({ value: k.kind, text: k.title, checked: k.kind === extra.kind })),
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
      errors: {
        summary: [{ text: 'The file was not imported: fix the problems below and try again', href: '#file' }],
        fields: { file: { text: 'The file was not imported' } },
      },
      rowErrors: errors.map((e) => [
        { text: e.row === null ? 'Whole file' : String(e.row) },
        { text: e.message },
      ]),
      moreErrors: Math.max(0, total - errors.length),
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
      return problems(reply, 400, undefined, [{ row: null, message: 'Choose a CSV file to upload.' }]);
    const file = await req.file().catch(() => undefined);
    const kindField = file?.fields.kind as { value?: unknown } | undefined;
    const spec = kindSpec(String(kindField?.value ?? ''));
    if (!spec)
      return problems(reply, 400, undefined, [{ row: null, message: 'Choose what the file holds.' }]);
    if (!file?.filename)
      return problems(reply, 400, spec.kind, [{ row: null, message: 'Choose a CSV file to upload.' }]);
    if (!/\.csv$/i.test(file.filename))
      return problems(reply, 400, spec.kind, [{ row: null, message: 'The file must be a CSV file (.csv).' }]);
    const token = await saveUpload(config.dataDir, file.file).catch(() => null);
    if (!token || file.file.truncated) {
      if (token) removeUpload(config.dataDir, token);
      return problems(reply, 413, spec.kind, [
        {
          row: null,
          message: 'The file is larger than 10 MB: use the practice-hub import command for big files.',
        },
      ]);
    }
    const checked = await checkFile(db, spec, uploadPath(config.dataDir, token), londonDay(clock.now()));
    if (!checked.ok) {
      removeUpload(config.dataDir, token);
      return problems(reply, 422, spec.kind, checked.errors, checked.errorCount);
    }
    describeUpload(config.dataDir, {
      token,
      kind: spec.kind,
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
      if (!upload) return page(reply, 200, { expired: true });
      const spec = kindSpec(upload.kind)!;
      const checked = await checkFile(
        db,
        spec,
        uploadPath(config.dataDir, upload.token),
        londonDay(clock.now()),
      );
      if (!checked.ok) return problems(reply, 422, spec.kind, checked.errors, checked.errorCount);
      return reply.render('performance/import/views/preview.njk', {
        title: `Check before importing: ${spec.title.toLowerCase()}`,
        upload,
        table: previewTable(spec, checked.preview),
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
      if (!upload) return page(reply, 400, { expired: true });
      const spec = kindSpec(upload.kind)!;
      const today = londonDay(clock.now());
      const r = await importFile(
        db,
        clock,
        req.actor,
        spec,
        { path: uploadPath(config.dataDir, upload.token), name: upload.name },
        today,
      );
      if (!r.ok) return problems(reply, 422, spec.kind, r.errors, r.errorCount);
      removeUpload(config.dataDir, upload.token);
      await refreshStatuses(db, today);
      return redirectWithSuccess(
        services,
        req,
        reply,
        '/performance/import',
        `${spec.title} imported from ${upload.name}: ${r.added} added, ${r.changed} changed, ${r.unchanged} unchanged. What is due for each child has been worked out again.`,
      );
    },
  );
}

function previewTable(spec: KindSpec, rows: Record<string, unknown>[]) {
  return {
    head: spec.columns.map((c) => ({ text: c.name })),
    rows: rows.map((r) => spec.columns.map((c) => ({ text: r[c.name] === null ? '' : String(r[c.name]) }))),
  };
}

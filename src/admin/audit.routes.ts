import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { sendTable } from '../platform/export/table-export.ts';
import { page } from '../platform/http/page.ts';
import type { Services } from '../platform/services.ts';
import { auditExportTable, auditFilter, exportSummary, presentAuditLog } from './audit.presenter.ts';
import { auditForExport, auditLog } from './audit.service.ts';

// A filter from a hand-edited address is dropped rather than erroring.
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);
const auditQuery = z.object({
  person: z.string().trim().max(100).optional().catch(undefined),
  recordType: z.string().trim().max(60).optional().catch(undefined),
  recordId: z.string().trim().max(60).optional().catch(undefined),
  action: z.string().trim().max(30).optional().catch(undefined),
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});

/** The audit log for system admins: search it, and download what was found (the download is audited). */
export function auditRoutes(app: FastifyInstance, services: Services) {
  const { db, clock } = services;

  page(
    app,
    { method: 'GET', url: '/admin/audit', permission: 'audit:view', audit: false, query: auditQuery },
    async ({ query, reply }) =>
      reply.render(
        'admin/audit.njk',
        presentAuditLog(query, await auditLog(db, auditFilter(query), query.page)),
      ),
  );

  // Exports are themselves audited: the guard records an 'export' row for this download.
  for (const format of ['csv', 'xlsx'] as const)
    page(
      app,
      {
        method: 'GET',
        url: `/admin/audit.${format}`,
        permission: 'audit:export',
        query: auditQuery,
        audit: { recordType: 'audit-log', summary: ({ query }) => exportSummary(auditFilter(query)) },
      },
      async ({ query, reply }) =>
        sendTable(reply, format, auditExportTable(await auditForExport(db, auditFilter(query)), clock.now())),
    );
}

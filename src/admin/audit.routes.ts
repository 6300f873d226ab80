import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { sendTable } from '../platform/export/table-export.ts';
import { get } from '../platform/http/route.ts';
import type { Services } from '../platform/services.ts';
import { formatDateTime, plural } from '../platform/views/format.ts';
import { type AuditFilter, auditQuery, recordTypes, searchAudit } from './audit.repo.ts';

const PAGE_SIZE = 100;
const MAX_EXPORT_ROWS = 200_000;
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);
const auditQueryString = z.object({
  person: z.string().trim().max(100).optional().catch(undefined),
  recordType: z.string().trim().max(60).optional().catch(undefined),
  recordId: z.string().trim().max(60).optional().catch(undefined),
  action: z.string().trim().max(30).optional().catch(undefined),
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});

const ACTIONS = [
  'view',
  'create',
  'update',
  'delete',
  'export',
  'import',
  'sign-in',
  'sign-in-failed',
  'sign-out',
];

export function auditRoutes(app: FastifyInstance, services: Services) {
  get(app, '/admin/audit', { permission: 'audit:view', audit: false }, async (req, reply) => {
    const f = auditQueryString.parse(req.query);
    const filter = clean(f);
    const { total, rows } = await searchAudit(services.db, filter, PAGE_SIZE, (f.page - 1) * PAGE_SIZE);
    const qs = new URLSearchParams(Object.entries(filter).filter(([, v]) => v) as [string, string][]);
    const pages = Math.ceil(total / PAGE_SIZE);
    return reply.render('admin/audit.njk', {
      title: 'Audit log',
      filters: f,
      actionItems: [
        { value: '', text: 'Any action' },
        ...ACTIONS.map((a) => ({ value: a, text: a, selected: a === f.action })),
      ],
      typeItems: [
        { value: '', text: 'Any record' },
        ...(await recordTypes(services.db)).map((t) => ({ value: t, text: t, selected: t === f.recordType })),
      ],
      summary: total ? `${plural(total, 'entry', 'entries')} found.` : 'No entries match these filters.',
      rows: rows.map((r) => [
        { text: formatDateTime(r.at), classes: 'hub-nowrap' },
        { text: r.actor_name },
        { text: r.action },
        { text: r.record_id ? `${r.record_type} ${r.record_id}` : r.record_type },
        { text: r.summary },
        { text: r.outcome },
        { text: r.ip ?? '' },
      ]),
      exportHref: `/admin/audit.csv?${qs}`,
      pagination:
        pages > 1
          ? {
              previous: f.page > 1 ? { href: `/admin/audit?${qs}&page=${f.page - 1}` } : undefined,
              next: f.page < pages ? { href: `/admin/audit?${qs}&page=${f.page + 1}` } : undefined,
            }
          : undefined,
    });
  });

  // Exports are themselves audited: the guard records an 'export' row for this download.
  get(
    app,
    '/admin/audit.csv',
    {
      permission: 'audit:export',
      audit: {
        recordType: 'audit-log',
        summary: (req) =>
          `Exported audit log (${new URLSearchParams(req.query as Record<string, string>)})`.slice(0, 300),
      },
    },
    async (req, reply) => {
      const filter = clean(auditQueryString.parse(req.query));
      const rows = await auditQuery(services.db, filter)
        .selectAll()
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(MAX_EXPORT_ROWS)
        .execute();
      return sendTable(reply, 'csv', {
        filename: `audit-log-${services.clock.now().toISOString().slice(0, 10)}`,
        sheetName: 'Audit log',
        rows,
        columns: [
          { header: 'at', value: (r) => r.at },
          { header: 'person', value: (r) => r.actor_name },
          { header: 'person_id', value: (r) => r.actor_id },
          { header: 'action', value: (r) => r.action },
          { header: 'record_type', value: (r) => r.record_type },
          { header: 'record_id', value: (r) => r.record_id },
          { header: 'summary', value: (r) => r.summary },
          { header: 'outcome', value: (r) => r.outcome },
          { header: 'ip', value: (r) => r.ip },
          { header: 'user_agent', value: (r) => r.user_agent },
        ],
      });
    },
  );
}

function clean(f: z.infer<typeof auditQueryString>): AuditFilter {
  return {
    person: f.person || undefined,
    recordType: f.recordType || undefined,
    recordId: f.recordId || undefined,
    action: f.action || undefined,
    from: f.from,
    to: f.to,
  };
}

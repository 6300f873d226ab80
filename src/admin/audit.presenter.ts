import type { TableExport } from '../platform/export/table-export.ts';
import { formatDateTime, listTitle, pagination, plural } from '../platform/views/format.ts';
import type { AuditFilter, AuditRow } from './audit.repo.ts';
import { AUDIT_PAGE_SIZE } from './audit.service.ts';

/** Audit rows → the audit log page and its download, with all their wording. Pure. */

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

/** The filters as the search form sends them (an empty field is no filter). */
export interface AuditQuery {
  person?: string;
  recordType?: string;
  recordId?: string;
  action?: string;
  from?: string;
  to?: string;
  page: number;
}

export function auditFilter(q: AuditQuery): AuditFilter {
  return {
    person: q.person || undefined,
    recordType: q.recordType || undefined,
    recordId: q.recordId || undefined,
    action: q.action || undefined,
    from: q.from,
    to: q.to,
  };
}

/** The filters in use, as a query string (the download link, the pages, the export's audit row). */
export const filterQueryString = (f: AuditFilter) =>
  new URLSearchParams(Object.entries(f).filter(([, v]) => v) as [string, string][]);

export const exportSummary = (f: AuditFilter) => `Exported audit log (${filterQueryString(f)})`.slice(0, 300);

export function presentAuditLog(q: AuditQuery, found: { total: number; rows: AuditRow[]; types: string[] }) {
  const qs = filterQueryString(auditFilter(q));
  const { total } = found;
  const pages = Math.ceil(total / AUDIT_PAGE_SIZE);
  return {
    title: 'Audit log',
    documentTitle: listTitle('Audit log', { page: q.page, pages, filtered: qs.size > 0 }),
    filters: q,
    actionItems: [
      { value: '', text: 'Any action' },
      ...ACTIONS.map((a) => ({ value: a, text: a, selected: a === q.action })),
    ],
    typeItems: [
      { value: '', text: 'Any record' },
      ...found.types.map((t) => ({ value: t, text: t, selected: t === q.recordType })),
    ],
    summary: total ? `${plural(total, 'entry', 'entries')} found.` : 'No entries match these filters.',
    rows: found.rows.map((r) => [
      { text: formatDateTime(r.at), classes: 'hub-nowrap' },
      { text: r.actor_name },
      { text: r.action },
      { text: r.record_id ? `${r.record_type} ${r.record_id}` : r.record_type },
      { text: r.summary },
      { text: r.outcome },
      { text: r.ip ?? '' },
    ]),
    exportHref: `/admin/audit.csv?${qs}`,
    xlsxHref: `/admin/audit.xlsx?${qs}`,
    pagination: pagination(q.page, pages, (n) => `/admin/audit?${qs}&page=${n}`),
  };
}

/** The download: every column of the log, named as in the database, in a file named by today's date. */
export function auditExportTable(rows: AuditRow[], now: Date): TableExport<AuditRow> {
  return {
    filename: `audit-log-${now.toISOString().slice(0, 10)}`,
    sheetName: 'Audit log',
    rows,
    columns: [
      { header: 'at', value: (r) => r.at, type: 'date' },
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
  };
}

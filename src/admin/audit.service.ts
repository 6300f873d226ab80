import type { Db } from '../platform/db/db.ts';
import { type AuditFilter, exportAudit, recordTypes, searchAudit } from './audit.repo.ts';

export const AUDIT_PAGE_SIZE = 100;
const MAX_EXPORT_ROWS = 200_000;

/** One page of the audit log for these filters, with every record type there is to filter by. */
export async function auditLog(db: Db, filter: AuditFilter, page: number) {
  const [found, types] = await Promise.all([
    searchAudit(db, filter, AUDIT_PAGE_SIZE, (page - 1) * AUDIT_PAGE_SIZE),
    recordTypes(db),
  ]);
  return { ...found, types };
}

/** Every entry matching the filters, for a download (the download is itself audited, by its route). */
export const auditForExport = (db: Db, filter: AuditFilter) => exportAudit(db, filter, MAX_EXPORT_ROWS);

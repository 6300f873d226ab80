import type { DbOrTrx } from '../platform/db/db.ts';

export interface AuditFilter {
  person?: string;
  recordType?: string;
  recordId?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** Audit rows matching the filter, newest first. Dates are London calendar days, compared as UTC instants. */
export function auditQuery(db: DbOrTrx, f: AuditFilter) {
  let q = db.selectFrom('audit_log');
  const person = f.person?.toLowerCase();
  if (person) q = q.where((eb) => eb(eb.fn('lower', ['actor_name']), 'like', `%${person}%`));
  if (f.recordType) q = q.where('record_type', '=', f.recordType);
  if (f.recordId) q = q.where('record_id', '=', f.recordId);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.from) q = q.where('at', '>=', londonMidnightUtc(f.from));
  if (f.to) q = q.where('at', '<', londonMidnightUtc(nextDay(f.to)));
  return q;
}

export async function searchAudit(db: DbOrTrx, f: AuditFilter, limit: number, offset: number) {
  const q = auditQuery(db, f);
  const [{ n }] = (await q.select((eb) => eb.fn.countAll<number>().as('n')).execute()) as [{ n: number }];
  const rows = await q
    .selectAll()
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return { total: Number(n), rows };
}

export async function recordTypes(db: DbOrTrx): Promise<string[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select('record_type')
    .distinct()
    .orderBy('record_type')
    .execute();
  return rows.map((r) => r.record_type);
}

const nextDay = (d: string) => new Date(Date.parse(`${d}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The UTC instant at which a London calendar day starts (BST or GMT). */
export function londonMidnightUtc(day: string): string {
  const noonUtc = new Date(`${day}T12:00:00Z`);
  const londonHour = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' }).format(
      noonUtc,
    ),
  );
  const offsetHours = londonHour - 12;
  return new Date(Date.parse(`${day}T00:00:00Z`) - offsetHours * 3_600_000).toISOString();
}

/** Rows for a download: every match, newest first, up to `limit`. */
export async function exportAudit(db: DbOrTrx, f: AuditFilter, limit: number) {
  return auditQuery(db, f).selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export type AuditRow = Awaited<ReturnType<typeof exportAudit>>[number];

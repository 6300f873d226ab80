import type { Clock } from '../clock.ts';
import type { DbOrTrx } from '../db/db.ts';
import { newId } from '../ids.ts';

/** Who is acting and from where: taken from the request once, passed to services. */
export interface Actor {
  id: string | null;
  name: string;
  ip: string | null;
  userAgent: string | null;
}

export const systemActor = (name = 'system'): Actor => ({ id: null, name, ip: null, userAgent: null });

export type AuditAction =
  | 'view'
  | 'create'
  | 'update'
  | 'delete'
  | 'export'
  | 'import'
  | 'sign-in'
  | 'sign-in-failed'
  // A password sign-in by the break-glass account while single sign-on is the only way in.
  | 'break-glass-sign-in'
  | 'sign-out';

export interface AuditEntry {
  action: AuditAction;
  recordType: string;
  recordId?: string | null;
  summary: string;
  outcome?: 'allowed' | 'denied';
}

/**
 * Appends one row to the audit log. Pass the transaction that makes the change,
 * so the change and its audit row commit or roll back together.
 */
export async function recordAudit(db: DbOrTrx, clock: Clock, actor: Actor, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId(),
      at: clock.now().toISOString(),
      actor_id: actor.id,
      actor_name: actor.name,
      action: entry.action,
      record_type: entry.recordType,
      record_id: entry.recordId ?? null,
      summary: entry.summary.slice(0, 500),
      outcome: entry.outcome ?? 'allowed',
      ip: actor.ip,
      user_agent: actor.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
}

import { recordAudit, systemActor } from '../platform/audit/audit.ts';
import { londonDay } from '../platform/calendar/days.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db/db.ts';
import { deactivateLeaversBy } from './staff.repo.ts';

/**
 * The morning a person's leaving date comes, they can no longer sign in, and any session they
 * still hold ends (sessions are checked against the staff record on every request). Each is
 * audited. Until then, someone working their notice signs in as before.
 */
export async function applyLeavingDates(db: Db, clock: Clock) {
  return db.transaction().execute(async (trx) => {
    const gone = await deactivateLeaversBy(trx, londonDay(clock.now()), clock.now().toISOString());
    for (const p of gone)
      await recordAudit(trx, clock, systemActor('leaving dates'), {
        action: 'update',
        recordType: 'staff',
        recordId: p.id,
        summary: `${p.name} can no longer sign in: their leaving date (${p.left_on}) has come`,
      });
    return gone.length;
  });
}

import type { DbOrTrx } from '../platform/db/db.ts';

/** Password sign-ins by the break-glass account since an instant: how many, and the latest. */
export async function breakGlassSignIns(db: DbOrTrx, since: string) {
  const rows = await db
    .selectFrom('audit_log')
    .select(['at', 'actor_name'])
    .where('action', '=', 'break-glass-sign-in')
    .where('at', '>=', since)
    .orderBy('at', 'desc')
    .execute();
  return { count: rows.length, latest: rows[0] };
}

/** People whose first single sign-on made their record, still in no team. */
export async function countWaitingForTeam(db: DbOrTrx): Promise<number> {
  const row = await db
    .selectFrom('staff')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('needs_placing', '=', 1)
    .where('team_id', 'is', null)
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

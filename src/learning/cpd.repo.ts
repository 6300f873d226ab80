import type { DbOrTrx } from '../platform/db/db.ts';
import type { LrnCpdTable } from './schema.ts';

/** A person's CPD entries, newest first. */
export async function cpdEntriesOf(db: DbOrTrx, staffId: string) {
  return db
    .selectFrom('lrn_cpd')
    .selectAll()
    .where('staff_id', '=', staffId)
    .orderBy('day', 'desc')
    .execute();
}

export async function findCpdEntry(db: DbOrTrx, id: string) {
  return db.selectFrom('lrn_cpd').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertCpdEntry(db: DbOrTrx, entry: LrnCpdTable) {
  await db.insertInto('lrn_cpd').values(entry).execute();
}

export async function updateCpdReflection(
  db: DbOrTrx,
  id: string,
  at: string,
  r: { reflection: string; peerReflected: boolean },
) {
  await db
    .updateTable('lrn_cpd')
    .set({ reflection: r.reflection, peer_reflected: r.peerReflected ? 1 : 0, updated_at: at })
    .where('id', '=', id)
    .execute();
}

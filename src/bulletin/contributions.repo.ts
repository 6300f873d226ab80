import type { DbOrTrx } from '../platform/db/db.ts';
import type { BulletinContributionsTable } from './schema.ts';

export const insertContribution = (db: DbOrTrx, row: BulletinContributionsTable) =>
  db.insertInto('bulletin_contributions').values(row).execute();

export const contributionsOf = (db: DbOrTrx, staffId: string) =>
  db
    .selectFrom('bulletin_contributions')
    .selectAll()
    .where('staff_id', '=', staffId)
    .orderBy('created_at', 'desc')
    .execute();

/** Every contribution with its author, the newest first: what editors work through. */
export const allContributions = (db: DbOrTrx) =>
  db
    .selectFrom('bulletin_contributions as c')
    .innerJoin('staff', 'staff.id', 'c.staff_id')
    .select(['c.id', 'c.title', 'c.body', 'c.state', 'c.editor_note', 'c.created_at', 'staff.name as author'])
    .orderBy('c.created_at', 'desc')
    .execute();

export const findContribution = (db: DbOrTrx, id: string) =>
  db
    .selectFrom('bulletin_contributions as c')
    .innerJoin('staff', 'staff.id', 'c.staff_id')
    .selectAll('c')
    .select(['staff.name as author', 'staff.email as author_email'])
    .where('c.id', '=', id)
    .executeTakeFirst();

export const updateContribution = (
  db: DbOrTrx,
  id: string,
  patch: Partial<
    Pick<BulletinContributionsTable, 'state' | 'editor_note' | 'article_id' | 'updated_at' | 'title' | 'body'>
  >,
) => db.updateTable('bulletin_contributions').set(patch).where('id', '=', id).executeTakeFirst();

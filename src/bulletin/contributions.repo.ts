import type { DbOrTrx } from '../platform/db/db.ts';
import type { BulletinContributionsTable } from './schema.ts';

export const insertContribution = (db: DbOrTrx, row: BulletinContributionsTable) =>
  db.insertInto('bulletin_contributions').values(row).execute();

/** A person's contributions, the newest first, each with its image's size (null without one). */
export const contributionsOf = (db: DbOrTrx, staffId: string) =>
  db
    .selectFrom('bulletin_contributions as c')
    .leftJoin('bulletin_images as i', 'i.id', 'c.image_id')
    .selectAll('c')
    .select(['i.width', 'i.height'])
    .where('c.staff_id', '=', staffId)
    .orderBy('c.created_at', 'desc')
    .execute();

/** Every contribution with its author and image, the newest first: what editors work through. */
export const allContributions = (db: DbOrTrx) =>
  db
    .selectFrom('bulletin_contributions as c')
    .innerJoin('staff', 'staff.id', 'c.staff_id')
    .leftJoin('bulletin_images as i', 'i.id', 'c.image_id')
    .select(['c.id', 'c.title', 'c.body', 'c.state', 'c.editor_note', 'c.created_at', 'staff.name as author'])
    .select(['c.image_id', 'c.image_alt', 'c.image_caption', 'i.width', 'i.height'])
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

import type { ExpressionBuilder } from 'kysely';
import { type DbOrTrx, isPostgres } from '../platform/db/db.ts';
import type { Database } from '../platform/db/schema.ts';
import type { BulletinImagesTable } from './schema.ts';

export const insertImage = (db: DbOrTrx, row: BulletinImagesTable) =>
  db.insertInto('bulletin_images').values(row).execute();

export const findImage = (db: DbOrTrx, id: string) =>
  db.selectFrom('bulletin_images').selectAll().where('id', '=', id).executeTakeFirst();

export const imagesById = (db: DbOrTrx, ids: string[]) =>
  ids.length
    ? db.selectFrom('bulletin_images').selectAll().where('id', 'in', ids).execute()
    : Promise.resolve([]);

type Eb = ExpressionBuilder<Database, keyof Database>;
const inPublishedArticle = (eb: Eb, imageId: string) =>
  eb.exists(
    eb
      .selectFrom('bulletin_articles as a')
      .innerJoin('bulletin_editions as e', 'e.id', 'a.edition_id')
      .select('a.id')
      .where('a.image_id', '=', imageId)
      .where('e.status', '=', 'published'),
  );
const wasSent = (eb: Eb, imageId: string) =>
  eb.exists(eb.selectFrom('bulletin_sent_images').select('image_id').where('image_id', '=', imageId));
const ofContribution = (eb: Eb, imageId: string, staffId?: string) => {
  let q = eb.selectFrom('bulletin_contributions').select('id').where('image_id', '=', imageId);
  if (staffId) q = q.where('staff_id', '=', staffId);
  return eb.exists(q);
};

/**
 * Who besides editors may see an image: everyone when a published edition
 * shows it (in an article now, or in what was sent), and the contributor
 * whose contribution it is.
 */
export async function imageReach(db: DbOrTrx, imageId: string, staffId: string) {
  const r = await db
    .selectNoFrom((eb) => [
      inPublishedArticle(eb, imageId).as('published'),
      wasSent(eb, imageId).as('sent'),
      ofContribution(eb, imageId, staffId).as('mine'),
    ])
    .executeTakeFirstOrThrow();
  return { published: !!Number(r.published) || !!Number(r.sent), mine: !!Number(r.mine) };
}

/**
 * Removes the image's row when nothing uses it any more: no article, no
 * contribution, no edition that was sent with it. Returns its stored name, for
 * the file to be removed after the commit; null when it is still used.
 */
export async function deleteIfUnused(db: DbOrTrx, imageId: string): Promise<string | null> {
  const r = await db
    .deleteFrom('bulletin_images')
    .where('id', '=', imageId)
    .where((eb) =>
      eb.not(
        eb.or([
          eb.exists(eb.selectFrom('bulletin_articles').select('id').where('image_id', '=', imageId)),
          ofContribution(eb, imageId),
          wasSent(eb, imageId),
        ]),
      ),
    )
    .returning('stored_name')
    .executeTakeFirst();
  return r?.stored_name ?? null;
}

export async function recordSentImages(db: DbOrTrx, editionId: string, imageIds: string[]) {
  if (!imageIds.length) return;
  await db
    .insertInto('bulletin_sent_images')
    .values([...new Set(imageIds)].map((image_id) => ({ edition_id: editionId, image_id })))
    .onConflict((oc) => oc.columns(['edition_id', 'image_id']).doNothing())
    .execute();
}

/**
 * An article with its image's name, its row locked until the transaction ends
 * on PostgreSQL (SQLite's transactions already take the write lock first), so
 * two editors changing its image at once cannot both replace the same one.
 */
export async function articleForImage(db: DbOrTrx, editionId: string, articleId: string) {
  let q = db
    .selectFrom('bulletin_articles as a')
    .leftJoin('bulletin_images as i', 'i.id', 'a.image_id')
    .select(['a.id', 'a.kind', 'a.title', 'a.image_id', 'a.image_alt', 'a.image_caption', 'i.original_name'])
    .where('a.id', '=', articleId)
    .where('a.edition_id', '=', editionId);
  if (isPostgres(db)) q = q.forUpdate('a');
  return q.executeTakeFirst();
}

/** A contribution with its image's name, locked as articleForImage's article is. */
export async function contributionForImage(db: DbOrTrx, id: string) {
  let q = db
    .selectFrom('bulletin_contributions as c')
    .leftJoin('bulletin_images as i', 'i.id', 'c.image_id')
    .select([
      'c.id',
      'c.staff_id',
      'c.title',
      'c.state',
      'c.image_id',
      'c.image_alt',
      'c.image_caption',
      'i.original_name',
      'i.width',
      'i.height',
    ])
    .where('c.id', '=', id);
  if (isPostgres(db)) q = q.forUpdate('c');
  return q.executeTakeFirst();
}

export interface ImageFields {
  image_id: string | null;
  image_alt: string | null;
  image_caption: string | null;
}

export const setArticleImageFields = (db: DbOrTrx, articleId: string, fields: ImageFields, at: string) =>
  db
    .updateTable('bulletin_articles')
    .set({ ...fields, updated_at: at })
    .where('id', '=', articleId)
    .execute();

export const setContributionImageFields = (db: DbOrTrx, id: string, fields: ImageFields, at: string) =>
  db
    .updateTable('bulletin_contributions')
    .set({ ...fields, updated_at: at })
    .where('id', '=', id)
    .execute();

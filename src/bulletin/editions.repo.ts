import { sql } from 'kysely';
import { type DbOrTrx, isPostgres } from '../platform/db/db.ts';
import type { BulletinArticlesTable, BulletinEditionsTable } from './schema.ts';

export const insertEdition = (db: DbOrTrx, row: BulletinEditionsTable) =>
  db.insertInto('bulletin_editions').values(row).execute();

export const findEdition = (db: DbOrTrx, id: string) =>
  db.selectFrom('bulletin_editions').selectAll().where('id', '=', id).executeTakeFirst();

/** An edition without its record as sent (hundreds of kilobytes once published): what a reader's page needs. */
export const findEditionHead = (db: DbOrTrx, id: string) =>
  db
    .selectFrom('bulletin_editions')
    .select([
      'id',
      'month',
      'welcome',
      'sign_off',
      'status',
      'training_from',
      'training_to',
      'distribution',
      'scheduled_for',
      'published_at',
      'correction_note',
      'corrected_at',
      'created_by',
      'created_at',
      'updated_at',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
export type EditionHead = NonNullable<Awaited<ReturnType<typeof findEditionHead>>>;

export const editionOfMonth = (db: DbOrTrx, month: string) =>
  db.selectFrom('bulletin_editions').select('id').where('month', '=', month).executeTakeFirst();

/** Every edition, newest month first; drafts and scheduled ones only when `withDrafts`. */
export function listEditions(db: DbOrTrx, withDrafts: boolean) {
  let q = db
    .selectFrom('bulletin_editions')
    .select(['id', 'month', 'status', 'published_at', 'scheduled_for', 'welcome', 'correction_note']);
  if (!withDrafts) q = q.where('status', '=', 'published');
  return q.orderBy('month', 'desc').execute();
}

export const updateEdition = (
  db: DbOrTrx,
  id: string,
  patch: Partial<Omit<BulletinEditionsTable, 'id' | 'created_at' | 'created_by'>>,
) => db.updateTable('bulletin_editions').set(patch).where('id', '=', id).executeTakeFirst();

/** An edition's articles in order, each with its image's size (null without one). */
export const articlesOf = (db: DbOrTrx, editionId: string) =>
  db
    .selectFrom('bulletin_articles as a')
    .leftJoin('bulletin_images as i', 'i.id', 'a.image_id')
    .selectAll('a')
    .select(['i.width as image_width', 'i.height as image_height'])
    .where('a.edition_id', '=', editionId)
    .orderBy('a.position')
    .orderBy('a.created_at')
    .execute();

export type ArticleRow = Awaited<ReturnType<typeof articlesOf>>[number];

export const insertArticle = (db: DbOrTrx, row: BulletinArticlesTable) =>
  db.insertInto('bulletin_articles').values(row).execute();

export async function nextPosition(db: DbOrTrx, editionId: string) {
  const r = await db
    .selectFrom('bulletin_articles')
    .select(sql<number | null>`max(position)`.as('p'))
    .where('edition_id', '=', editionId)
    .executeTakeFirst();
  return Number(r?.p ?? 0) + 1;
}

export const updateArticle = (
  db: DbOrTrx,
  id: string,
  editionId: string,
  patch: Partial<Pick<BulletinArticlesTable, 'title' | 'body' | 'must_read' | 'position' | 'updated_at'>>,
) =>
  db
    .updateTable('bulletin_articles')
    .set(patch)
    .where('id', '=', id)
    .where('edition_id', '=', editionId)
    .executeTakeFirst();

export const deleteArticle = (db: DbOrTrx, id: string, editionId: string) =>
  db
    .deleteFrom('bulletin_articles')
    .where('id', '=', id)
    .where('edition_id', '=', editionId)
    .executeTakeFirst();

/** The search index's row for an edition: its title, welcome and articles' words. */
export async function indexEdition(db: DbOrTrx, id: string, title: string, body: string) {
  if (isPostgres(db)) {
    await sql`insert into bulletin_fts (edition_id, document)
      values (${id}, setweight(to_tsvector('english', ${title}), 'A') || to_tsvector('english', ${body}))
      on conflict (edition_id) do update set document = excluded.document`.execute(db);
  } else {
    await sql`delete from bulletin_fts where edition_id = ${id}`.execute(db);
    await sql`insert into bulletin_fts (edition_id, title, body) values (${id}, ${title}, ${body})`.execute(
      db,
    );
  }
}

/** Editions whose words match every word typed, best first (the database's own full-text search). */
export async function searchEditions(db: DbOrTrx, words: string[], limit = 50): Promise<string[]> {
  if (!words.length) return [];
  if (isPostgres(db)) {
    const q = sql`plainto_tsquery('english', ${words.join(' ')})`;
    const r = await sql<{ edition_id: string }>`select edition_id from bulletin_fts
      where document @@ ${q} order by ts_rank(document, ${q}) desc, edition_id limit ${limit}`.execute(db);
    return r.rows.map((x) => x.edition_id);
  }
  // Each word quoted, so FTS5's own query syntax cannot be typed in; a trailing * matches word starts.
  const match = words.map((w) => `"${w.replaceAll('"', '')}"*`).join(' ');
  const r = await sql<{ edition_id: string }>`select edition_id from bulletin_fts
    where bulletin_fts match ${match} order by rank limit ${limit}`.execute(db);
  return r.rows.map((x) => x.edition_id);
}

export async function isEditorRow(db: DbOrTrx, staffId: string) {
  return !!(await db
    .selectFrom('bulletin_editors')
    .select('staff_id')
    .where('staff_id', '=', staffId)
    .executeTakeFirst());
}

export const editorsList = (db: DbOrTrx) =>
  db
    .selectFrom('bulletin_editors as e')
    .innerJoin('staff', 'staff.id', 'e.staff_id')
    .select(['staff.id', 'staff.name', 'staff.job_title', 'staff.email'])
    .orderBy('staff.name')
    .execute();

export const addEditorRow = (db: DbOrTrx, staffId: string, by: string, at: string) =>
  db
    .insertInto('bulletin_editors')
    .values({ staff_id: staffId, added_by: by, added_at: at })
    .onConflict((oc) => oc.column('staff_id').doNothing())
    .execute();

export const removeEditorRow = (db: DbOrTrx, staffId: string) =>
  db.deleteFrom('bulletin_editors').where('staff_id', '=', staffId).execute();

export const staffByEmailRow = (db: DbOrTrx, email: string) =>
  db
    .selectFrom('staff')
    .select(['id', 'name', 'email'])
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .where('active', '=', 1)
    .executeTakeFirst();

/** The lessons that editions published before `month` carried when they were sent (from their records). */
export async function lessonsCarriedBefore(db: DbOrTrx, month: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('bulletin_editions')
    .select('sent_record')
    .where('status', '=', 'published')
    .where('month', '<', month)
    .execute();
  const ids = new Set<string>();
  for (const r of rows) {
    if (!r.sent_record) continue;
    const lessons =
      (JSON.parse(r.sent_record) as { sections?: { lessons?: { id?: string }[] } }).sections?.lessons ?? [];
    for (const l of lessons) if (l.id) ids.add(l.id);
  }
  return ids;
}

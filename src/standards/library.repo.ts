import { sql } from 'kysely';
import { type DbOrTrx, isPostgres } from '../platform/db/db.ts';
import { reusableQuery } from '../platform/db/reusable-query.ts';
import type { StandardsTable, StandardVersionsTable } from './schema.ts';

export const insertStandard = (db: DbOrTrx, row: StandardsTable) =>
  db.insertInto('standards').values(row).execute();
export const insertVersion = (db: DbOrTrx, row: StandardVersionsTable) =>
  db.insertInto('standard_versions').values(row).execute();

/** Moves a standard on to its new version, only if nobody else has since (false when they have). */
export async function advanceStandard(
  db: DbOrTrx,
  id: string,
  from: number,
  patch: Pick<
    StandardsTable,
    | 'current_version'
    | 'ack_version'
    | 'owner_id'
    | 'review_on'
    | 'area'
    | 'in_audit'
    | 'timescale_field'
    | 'updated_at'
  >,
) {
  const r = await db
    .updateTable('standards')
    .set(patch)
    .where('id', '=', id)
    .where('current_version', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The search index's row for a standard: its current title and words. */
export async function indexStandard(db: DbOrTrx, id: string, title: string, body: string) {
  if (isPostgres(db)) {
    await sql`insert into standards_fts (standard_id, document)
      values (${id}, setweight(to_tsvector('english', ${title}), 'A') || to_tsvector('english', ${body}))
      on conflict (standard_id) do update set document = excluded.document`.execute(db);
  } else {
    await sql`delete from standards_fts where standard_id = ${id}`.execute(db);
    await sql`insert into standards_fts (standard_id, title, body) values (${id}, ${title}, ${body})`.execute(
      db,
    );
  }
}

/**
 * The headings of the standards that match the words, best match first: one query, the search
 * and the headings together (on PostgreSQL a second round trip was most of a search's time).
 * PostgreSQL's full-text search with English stemming; FTS5 with the Porter stemmer on SQLite.
 */
export async function searchStandardHeadings(
  db: DbOrTrx,
  words: string[],
  limit = 50,
): Promise<StandardHeading[]> {
  if (words.length === 0) return [];
  const terms = isPostgres(db)
    ? words.join(' ')
    : // Each word quoted, so FTS5's own syntax (AND, NEAR, column filters) cannot be typed in; a trailing *
      // matches word starts.
      words.map((w) => `"${w.replaceAll('"', '')}"*`).join(' ');
  return headingsMatching(db, terms, limit);
}

// Built once per dialect (reusableQuery): a search is asked as often as people type.
const headingsMatching = reusableQuery((db, terms: string, limit: number) => {
  // The best matches are ranked and cut to the limit inside the search's own table (a tsvector on
  // PostgreSQL, FTS5 on SQLite: not in the typed schema) before the join, so only the standards
  // shown are looked up: a common word matches most of the library, and joining all of it to be
  // sorted and cut afterwards was most of a search's time on SQLite.
  const best = isPostgres(db)
    ? sql<{ standard_id: string; rank: number }>`(
        select standard_id, -ts_rank(document, q) as rank
        from standards_fts, plainto_tsquery('english', ${terms}) as q
        where document @@ q order by rank, standard_id limit ${limit})`
    : // FTS5's rank is bm25's, lower for a better match.
      sql<{ standard_id: string; rank: number }>`(
        select standard_id, rank from standards_fts
        where standards_fts match ${terms}
        order by rank, standard_id limit ${limit})`;
  return withCurrentVersion(db)
    .innerJoin(best.as('f'), (j) => j.onRef('f.standard_id', '=', 's.id'))
    .select(['s.id', 's.area', 's.review_on', 'v.title', 'v.level', 'v.by_when'])
    .orderBy('f.rank')
    .orderBy('s.id');
});

/** Each standard with its current version (`s`, `v`). */
const withCurrentVersion = (db: DbOrTrx) =>
  db
    .selectFrom('standards as s')
    .innerJoin('standard_versions as v', (j) =>
      j.onRef('v.standard_id', '=', 's.id').onRef('v.version', '=', 's.current_version'),
    );

const current = (db: DbOrTrx) =>
  withCurrentVersion(db)
    .innerJoin('staff as o', 'o.id', 's.owner_id')
    .select([
      's.id',
      's.area',
      's.position',
      's.current_version',
      's.ack_version',
      's.owner_id',
      's.review_on',
      's.timescale_field',
      's.in_audit',
      's.updated_at',
      'v.title',
      'v.level',
      'v.body',
      'v.by_when',
      'v.why_child',
      'v.source_kind',
      'v.source_detail',
      'v.timescale_days',
      'v.related',
      'v.links',
      'v.created_at as version_at',
      'o.name as owner_name',
    ]);
export type StandardRow = Awaited<ReturnType<typeof findStandard>> & {};

/** Every standard's current version, by area and position. */
export const listStandards = (db: DbOrTrx, ids?: string[]) => {
  let q = current(db);
  if (ids) q = q.where('s.id', 'in', ids.length ? ids : ['']);
  return q.orderBy('s.area').orderBy('s.position').orderBy('v.title').execute();
};

export const findStandard = (db: DbOrTrx, id: string) =>
  current(db).where('s.id', '=', id).executeTakeFirst();

/** Every version of a standard, newest first. */
export const listVersions = (db: DbOrTrx, id: string) =>
  db
    .selectFrom('standard_versions')
    .selectAll()
    .where('standard_id', '=', id)
    .orderBy('version', 'desc')
    .execute();

export const findVersion = (db: DbOrTrx, id: string, version: number) =>
  db
    .selectFrom('standard_versions')
    .selectAll()
    .where('standard_id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();

/** Every change after the first version, newest first: the Amendments page. */
export const listAmendments = (db: DbOrTrx, limit = 200) =>
  db
    .selectFrom('standard_versions as v')
    .innerJoin('standards as s', 's.id', 'v.standard_id')
    .select([
      'v.standard_id',
      'v.version',
      'v.title',
      'v.summary',
      'v.reason',
      'v.major',
      'v.created_at',
      'v.created_by_name',
      's.area',
    ])
    .where('v.version', '>', 1)
    .orderBy('v.created_at', 'desc')
    .orderBy('v.version', 'desc')
    .limit(limit)
    .execute();

/**
 * What a list or a link shows of each standard's current version, without its text: the
 * library, search results and the titles of related standards. (A search's 50 results with
 * their text were 100 kB read for each search; the library's 500, a megabyte.)
 */
export const listStandardHeadings = (db: DbOrTrx, ids?: string[]) => {
  let q = withCurrentVersion(db).select(['s.id', 's.area', 's.review_on', 'v.title', 'v.level', 'v.by_when']);
  if (ids) q = q.where('s.id', 'in', ids.length ? ids : ['']);
  return q.orderBy('s.area').orderBy('s.position').orderBy('v.title').execute();
};
export type StandardHeading = Awaited<ReturnType<typeof listStandardHeadings>>[number];

/** The people who may own a standard: active managers and the principal social worker. */
export const ownerChoices = (db: DbOrTrx) =>
  db
    .selectFrom('staff')
    .innerJoin('staff_roles', 'staff_roles.staff_id', 'staff.id')
    .select(['staff.id', 'staff.name'])
    .where('staff.active', '=', 1)
    .where('staff_roles.role', 'in', ['team-manager', 'service-manager', 'psw'])
    .groupBy(['staff.id', 'staff.name'])
    .orderBy('staff.name')
    .execute();

/** Standards past their review date, with their owners (the flag to the manager and the PSW). */
export const pastReview = (db: DbOrTrx, today: string, ownerId?: string) => {
  let q = current(db).where('s.review_on', '<', today);
  if (ownerId) q = q.where('s.owner_id', '=', ownerId);
  return q.orderBy('s.review_on').execute();
};

export const nextPosition = async (db: DbOrTrx, area: string) => {
  const r = await db
    .selectFrom('standards')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('area', '=', area)
    .executeTakeFirst();
  return Number(r?.p ?? 0) + 1;
};

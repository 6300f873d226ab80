import { sql } from 'kysely';
import { type StampName, stampOf } from '../platform/db/change-stamps.ts';
import type { DbOrTrx } from '../platform/db/db.ts';
import { reusableQuery } from '../platform/db/reusable-query.ts';

/** Counts a signed-in person's read of the web edition, once, with the team and service they were in. */
export const recordRead = (
  db: DbOrTrx,
  r: { editionId: string; staffId: string; teamId: string | null; serviceId: string | null; at: string },
) =>
  db
    .insertInto('bulletin_reads')
    .values({
      edition_id: r.editionId,
      staff_id: r.staffId,
      team_id: r.teamId,
      service_id: r.serviceId,
      read_at: r.at,
    })
    .onConflict((oc) => oc.columns(['edition_id', 'staff_id']).doNothing())
    .execute();

/**
 * What one reader has done with one edition, in one query (it is read for every view of an edition,
 * and on PostgreSQL each query is a round trip): the must-reads they confirmed, their votes on
 * articles, their feedback on the edition, whether they are one of the bulletin's editors, and
 * the change stamps the page's kept views are checked against. The stamps come from the same
 * statement, so from the same snapshot, and before the kept views are read (as changeStamp asks).
 */
const readerRows = reusableQuery((db, editionId: string, staffId: string, stamps: readonly StampName[]) => {
  const text = sql<string | null>`cast(null as text)`;
  const integer = sql<number | null>`cast(null as integer)`;
  const editionsArticles = db
    .selectFrom('bulletin_articles')
    .select('id')
    .where('edition_id', '=', editionId);
  return db
    .selectFrom('bulletin_confirmations')
    .select((eb) => [
      sql<string>`'confirmed'`.as('kind'),
      'article_id as ref',
      // Nullable from the first branch on, as the editor's row has no time.
      eb.ref('confirmed_at').$castTo<string | null>().as('at'),
      integer.as('n'),
      text.as('note'),
    ])
    .where('staff_id', '=', staffId)
    .where('article_id', 'in', editionsArticles)
    .unionAll((eb) =>
      eb
        .selectFrom('bulletin_article_votes')
        .select([
          sql<string>`'vote'`.as('kind'),
          'article_id as ref',
          'created_at as at',
          'useful as n',
          text.as('note'),
        ])
        .where('staff_id', '=', staffId)
        .where('article_id', 'in', editionsArticles),
    )
    .unionAll((eb) =>
      eb
        .selectFrom('bulletin_feedback')
        .select([
          sql<string>`'feedback'`.as('kind'),
          'edition_id as ref',
          'created_at as at',
          'rating as n',
          'wish as note',
        ])
        .where('edition_id', '=', editionId)
        .where('staff_id', '=', staffId),
    )
    .unionAll((eb) =>
      eb
        .selectFrom('bulletin_editors')
        .select([
          sql<string>`'editor'`.as('kind'),
          'staff_id as ref',
          text.as('at'),
          integer.as('n'),
          text.as('note'),
        ])
        .where('staff_id', '=', staffId),
    )
    .unionAll((eb) =>
      eb
        .selectFrom('change_stamps')
        // The number as text: a bigint in this column would make PostgreSQL return every n as a string.
        .select([
          sql<string>`'stamp'`.as('kind'),
          'name as ref',
          text.as('at'),
          integer.as('n'),
          sql<string>`cast(n as text)`.as('note'),
        ])
        .where('name', 'in', [...stamps]),
    );
});

export async function readerStateOf(
  db: DbOrTrx,
  editionId: string,
  staffId: string,
  stamps: readonly StampName[],
) {
  // Built once (reusableQuery): it is asked on every view of an edition.
  const rows = await readerRows(db, editionId, staffId, stamps);
  const of = (kind: string) => rows.filter((r) => r.kind === kind);
  const feedback = of('feedback')[0];
  return {
    confirmed: new Set(of('confirmed').map((r) => r.ref)),
    votes: new Map(of('vote').map((r) => [r.ref, r.n === 1])),
    feedback: feedback
      ? {
          edition_id: editionId,
          staff_id: staffId,
          rating: feedback.n!,
          wish: feedback.note!,
          created_at: feedback.at!,
        }
      : undefined,
    editorRow: of('editor').length > 0,
    stamp: stampOf(
      stamps,
      of('stamp').map((r) => ({ name: r.ref, n: r.note ?? '?' })),
    ),
  };
}

export const insertConfirmation = (db: DbOrTrx, articleId: string, staffId: string, at: string) =>
  db
    .insertInto('bulletin_confirmations')
    .values({ article_id: articleId, staff_id: staffId, confirmed_at: at })
    .onConflict((oc) => oc.columns(['article_id', 'staff_id']).doNothing())
    .execute();

export const upsertFeedback = (
  db: DbOrTrx,
  row: { edition_id: string; staff_id: string; rating: number; wish: string; created_at: string },
) =>
  db
    .insertInto('bulletin_feedback')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['edition_id', 'staff_id'])
        .doUpdateSet({ rating: row.rating, wish: row.wish, created_at: row.created_at }),
    )
    .execute();

export const upsertVote = (
  db: DbOrTrx,
  row: { article_id: string; staff_id: string; useful: 0 | 1; created_at: string },
) =>
  db
    .insertInto('bulletin_article_votes')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['article_id', 'staff_id']).doUpdateSet({ useful: row.useful, created_at: row.created_at }),
    )
    .execute();

/** Reads of an edition by team, beside how many people each team has now. */
export const readsByTeam = (db: DbOrTrx, editionId: string) =>
  db
    .selectFrom('teams')
    .innerJoin('services', 'services.id', 'teams.service_id')
    .leftJoin('staff', (j) => j.onRef('staff.team_id', '=', 'teams.id').on('staff.active', '=', 1))
    .leftJoin('bulletin_reads as r', (j) =>
      j.onRef('r.staff_id', '=', 'staff.id').on('r.edition_id', '=', editionId),
    )
    .select([
      'teams.id',
      'teams.name as team',
      'services.id as service_id',
      'services.name as service',
      sql<number>`count(distinct staff.id)`.as('people'),
      sql<number>`count(distinct r.staff_id)`.as('read'),
    ])
    .groupBy(['teams.id', 'teams.name', 'services.id', 'services.name'])
    .orderBy('services.name')
    .orderBy('teams.name')
    .execute();

/** The feedback on an edition: ratings and wishes, without names. */
export const feedbackOfEdition = (db: DbOrTrx, editionId: string) =>
  db.selectFrom('bulletin_feedback').select(['rating', 'wish']).where('edition_id', '=', editionId).execute();

export const votesOfEdition = (db: DbOrTrx, editionId: string) =>
  db
    .selectFrom('bulletin_article_votes as v')
    .innerJoin('bulletin_articles as a', 'a.id', 'v.article_id')
    .select(['a.id', 'a.title', sql<number>`sum(v.useful)`.as('yes'), sql<number>`count(*)`.as('all')])
    .where('a.edition_id', '=', editionId)
    .groupBy(['a.id', 'a.title'])
    .execute();

/** People in a team (or service) who have not confirmed a must-read article. */
export function notConfirmed(db: DbOrTrx, articleId: string, where: { teamId?: string; serviceId?: string }) {
  let q = db
    .selectFrom('staff')
    .leftJoin('teams', 'teams.id', 'staff.team_id')
    .select(['staff.id', 'staff.name', 'staff.email', 'teams.name as team'])
    .where('staff.active', '=', 1)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('bulletin_confirmations as c')
            .select('c.staff_id')
            .whereRef('c.staff_id', '=', 'staff.id')
            .where('c.article_id', '=', articleId),
        ),
      ),
    );
  if (where.teamId) q = q.where('staff.team_id', '=', where.teamId);
  if (where.serviceId) q = q.where('teams.service_id', '=', where.serviceId);
  return q.orderBy('staff.name').execute();
}

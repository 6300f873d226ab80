import type { DbOrTrx } from '../platform/db/db.ts';

/** Whether the person has a calendar feed link. */
export async function hasFeedLink(db: DbOrTrx, staffId: string): Promise<boolean> {
  const row = await db
    .selectFrom('lrn_feed_tokens')
    .select('staff_id')
    .where('staff_id', '=', staffId)
    .executeTakeFirst();
  return !!row;
}

/** Ends the person's feed link, if they have one. */
export async function deleteFeedLink(db: DbOrTrx, staffId: string) {
  await db.deleteFrom('lrn_feed_tokens').where('staff_id', '=', staffId).execute();
}

export async function insertFeedLink(db: DbOrTrx, staffId: string, tokenHash: string, at: string) {
  await db
    .insertInto('lrn_feed_tokens')
    .values({ staff_id: staffId, token_hash: tokenHash, created_at: at })
    .execute();
}

/** Whose feed a link's hash is, if it is still a link. */
export async function ownerOfFeed(db: DbOrTrx, tokenHash: string): Promise<string | null> {
  const row = await db
    .selectFrom('lrn_feed_tokens')
    .select('staff_id')
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row?.staff_id ?? null;
}

/** The days of the person's live places: booked, on a session that still runs. */
function bookedDays(db: DbOrTrx, staffId: string) {
  return db
    .selectFrom('lrn_bookings as b')
    .innerJoin('lrn_sessions as s', 's.id', 'b.session_id')
    .innerJoin('lrn_courses as c', 'c.id', 's.course_id')
    .innerJoin('lrn_session_parts as p', 'p.session_id', 's.id')
    .select([
      'b.id',
      'b.session_id',
      'b.sequence as bseq',
      's.sequence as sseq',
      's.venue',
      's.online_link',
      'c.title',
      'p.id as part_id',
      'p.day',
      'p.start_time',
      'p.starts_at',
      'p.ends_at',
    ])
    .where('b.staff_id', '=', staffId)
    .where('b.status', '=', 'booked')
    .where('s.status', '=', 'scheduled');
}

/**
 * Every day of the person's live places, in time order. Cancelled places and
 * sessions are left out (see feed.presenter.ts); one active booking per person
 * and session (a unique index) makes this one row per booked day.
 */
export async function feedDays(db: DbOrTrx, staffId: string) {
  return bookedDays(db, staffId).orderBy('p.starts_at').execute();
}

/** One day of the person's live place on a session, for its "Add to calendar" file; undefined if none. */
export async function bookedDay(db: DbOrTrx, staffId: string, sessionId: string, partId: string) {
  return bookedDays(db, staffId)
    .where('b.session_id', '=', sessionId)
    .where('p.id', '=', partId)
    .executeTakeFirst();
}

/** One day of a session that still runs, as anyone viewing the session sees it; undefined if none. */
export async function sessionDay(db: DbOrTrx, sessionId: string, partId: string) {
  return db
    .selectFrom('lrn_sessions as s')
    .innerJoin('lrn_courses as c', 'c.id', 's.course_id')
    .innerJoin('lrn_session_parts as p', 'p.session_id', 's.id')
    .select([
      's.id as session_id',
      's.sequence as sseq',
      's.venue',
      's.online_link',
      'c.title',
      'p.id as part_id',
      'p.day',
      'p.start_time',
      'p.starts_at',
      'p.ends_at',
    ])
    .where('s.id', '=', sessionId)
    .where('p.id', '=', partId)
    .where('s.status', '=', 'scheduled')
    .executeTakeFirst();
}

export type FeedDay = Awaited<ReturnType<typeof feedDays>>[number];

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

/** Every day of the person's places, and of places they cancelled (so calendars take them off). */
export async function feedDays(db: DbOrTrx, staffId: string) {
  return db
    .selectFrom('lrn_bookings as b')
    .innerJoin('lrn_sessions as s', 's.id', 'b.session_id')
    .innerJoin('lrn_courses as c', 'c.id', 's.course_id')
    .innerJoin('lrn_session_parts as p', 'p.session_id', 's.id')
    .select([
      'b.id',
      'b.status',
      'b.sequence as bseq',
      's.sequence as sseq',
      's.status as sstatus',
      's.venue',
      's.online_link',
      'c.title',
      'p.id as part_id',
      'p.starts_at',
      'p.ends_at',
    ])
    .where('b.staff_id', '=', staffId)
    .where('b.status', 'in', ['booked', 'cancelled'])
    .orderBy('p.starts_at')
    .execute();
}

export type FeedDay = Awaited<ReturnType<typeof feedDays>>[number];

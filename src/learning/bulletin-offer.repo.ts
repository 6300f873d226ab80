import type { DbOrTrx } from '../platform/db/db.ts';
import { placeCounts } from './catalogue.repo.ts';
import { completionsOf } from './elearning.repo.ts';
import { moduleStanding } from './elearning.rules.ts';
import { waitingPosition } from './mine.repo.ts';

/**
 * What the bulletin prints of the training offer (its "Training available",
 * "Practice focus", "You said, we did" and "For you" sections). Read only;
 * the bulletin never changes the offer.
 */

/** Scheduled sessions with a day between `first` and `last` (London days), with their course, days and places. */
export async function sessionsForBulletin(db: DbOrTrx, first: string, last: string) {
  const parts = await db
    .selectFrom('lrn_session_parts as p')
    .innerJoin('lrn_sessions as s', 's.id', 'p.session_id')
    .select(['p.session_id', 'p.day', 'p.start_time', 'p.end_time'])
    .where('s.status', '=', 'scheduled')
    .where('p.day', '>=', first)
    .where('p.day', '<=', last)
    .orderBy('p.starts_at')
    .execute();
  const ids = [...new Set(parts.map((p) => p.session_id))];
  if (!ids.length) return [];
  const [sessions, allParts, counts] = await Promise.all([
    db
      .selectFrom('lrn_sessions as s')
      .innerJoin('lrn_courses as c', 'c.id', 's.course_id')
      .select([
        's.id',
        's.course_id',
        's.capacity',
        's.starts_at',
        's.venue',
        's.online_link',
        'c.title as course_title',
        'c.category',
        'c.audience',
        'c.provider_kind',
        'c.provider_name',
        'c.provider_link',
      ])
      .where('s.id', 'in', ids)
      .orderBy('s.starts_at')
      .execute(),
    db
      .selectFrom('lrn_session_parts')
      .select(['session_id', 'day', 'start_time', 'end_time'])
      .where('session_id', 'in', ids)
      .orderBy('starts_at')
      .execute(),
    placeCounts(db, ids),
  ]);
  return sessions.map((s) => ({
    ...s,
    parts: allParts.filter((p) => p.session_id === s.id),
    taken: counts.get(s.id)?.taken ?? 0,
    waiting: counts.get(s.id)?.waiting ?? 0,
  }));
}

/** Courses with no session still to come: the bulletin invites people to register interest. */
export async function coursesAwaitingDates(db: DbOrTrx, now: string) {
  return db
    .selectFrom('lrn_courses as c')
    .select(['c.id', 'c.title', 'c.category', 'c.audience', 'c.provider_kind', 'c.provider_name'])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('lrn_sessions as s')
            .select('s.id')
            .whereRef('s.course_id', '=', 'c.id')
            .where('s.status', '=', 'scheduled')
            .where((w) => w.or([w('s.starts_at', '>', now), w('s.starts_at', 'is', null)])),
        ),
      ),
    )
    .orderBy('c.title')
    .execute();
}

/** The month's practice focus: its course (with summary and description). */
export const focusCourseOf = (db: DbOrTrx, month: string) =>
  db
    .selectFrom('lrn_courses')
    .select(['id', 'title', 'summary', 'description'])
    .where('focus_month', '=', month)
    .orderBy('title')
    .executeTakeFirst();

/** "You said, we did": what evaluations changed, course by course. */
export const youSaidWeDidNotes = (db: DbOrTrx) =>
  db
    .selectFrom('lrn_courses')
    .select(['id', 'title', 'you_said_we_did'])
    .where('you_said_we_did', '!=', '')
    .orderBy('updated_at', 'desc')
    .limit(10)
    .execute();

/**
 * Each person's places on waiting lists for sessions still to come, with where they stand: one
 * query for everyone (a bulletin's batch of 200 readers), positions counted for the few who wait.
 */
export async function waitingPlacesOfMany(db: DbOrTrx, staffIds: readonly string[], now: string) {
  const rows = staffIds.length
    ? await db
        .selectFrom('lrn_bookings as b')
        .innerJoin('lrn_sessions as s', 's.id', 'b.session_id')
        .innerJoin('lrn_courses as c', 'c.id', 's.course_id')
        .select(['b.staff_id', 'b.session_id', 'b.queue_pos', 's.starts_at', 'c.id as course_id', 'c.title'])
        .where('b.staff_id', 'in', [...staffIds])
        .where('b.status', '=', 'waitlisted')
        .where('s.starts_at', '>', now)
        .orderBy('s.starts_at')
        .execute()
    : [];
  const places = await Promise.all(
    rows.map(async ({ staff_id, ...place }) => ({
      staff_id,
      place: { ...place, position: await waitingPosition(db, place.session_id, place.queue_pos) },
    })),
  );
  const byPerson = new Map<string, (typeof places)[number]['place'][]>();
  for (const { staff_id, place } of places) {
    const list = byPerson.get(staff_id);
    if (list) list.push(place);
    else byPerson.set(staff_id, [place]);
  }
  return byPerson;
}

/**
 * The mandatory e-learning each person has never done or must renew ("due-soon" included), for
 * many people at once (a bulletin's batch of readers): two queries, not two for each.
 */
export async function elearningDueForMany(db: DbOrTrx, staffIds: readonly string[], today: string) {
  const { modules, lastOf } = await completionsOf(db, staffIds);
  return new Map(
    staffIds.map((staffId) => [
      staffId,
      modules
        .map((m) => ({
          id: m.id,
          title: m.title,
          standing: moduleStanding(lastOf(staffId, m.id), m.renewal_months, today),
        }))
        .filter((m) => m.standing.kind !== 'current'),
    ]),
  );
}

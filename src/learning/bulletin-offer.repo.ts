import { sql } from 'kysely';
import { londonDay } from '../platform/calendar/days.ts';
import type { DbOrTrx } from '../platform/db/db.ts';
import { reusableQuery } from '../platform/db/reusable-query.ts';
import { placeCounts } from './catalogue.repo.ts';
import { moduleStanding } from './elearning.rules.ts';

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

/** As the database's `order by` puts text (code point by code point), not as a locale would. */
const inOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// Built once for each number of readers (reusableQuery): one reader on every view of an edition, 200
// for each batch of emails.
const learningDueRows = reusableQuery((db, ids: readonly string[], after: string) =>
  db
    .selectFrom('lrn_modules as m')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('lrn_completions')
          .select(['staff_id', 'module_id', sql<string>`max(completed_on)`.as('last')])
          .where('staff_id', 'in', ids)
          .groupBy(['staff_id', 'module_id'])
          .as('d'),
      (j) => j.onRef('d.module_id', '=', 'm.id'),
    )
    .select([
      sql<'module' | 'waiting'>`'module'`.as('kind'),
      'm.id',
      'm.title',
      'm.renewal_months as n',
      'd.staff_id',
      // The latest completion, or (for a waiting place) when the session starts.
      'd.last as at',
      sql<string | null>`cast(null as text)`.as('session_id'),
    ])
    .unionAll((eb) =>
      eb
        .selectFrom('lrn_bookings as b')
        .innerJoin('lrn_sessions as s', 's.id', 'b.session_id')
        .innerJoin('lrn_courses as c', 'c.id', 's.course_id')
        .select((w) => [
          sql<'module' | 'waiting'>`'waiting'`.as('kind'),
          'c.id',
          'c.title',
          // Where they stand: one more than the people waiting ahead of them.
          sql<number>`cast((${w
            .selectFrom('lrn_bookings as q')
            .select((x) => x.fn.countAll().as('ahead'))
            .whereRef('q.session_id', '=', 'b.session_id')
            .where('q.status', '=', 'waitlisted')
            .whereRef('q.queue_pos', '<', 'b.queue_pos')}) + 1 as integer)`.as('n'),
          'b.staff_id',
          's.starts_at as at',
          'b.session_id',
        ])
        .where('b.staff_id', 'in', ids)
        .where('b.status', '=', 'waitlisted')
        .where('s.starts_at', '>', after),
    ),
);

/**
 * What each of some readers still has to do in learning: the mandatory e-learning they have never
 * done or must renew ("due-soon" included), and their places on waiting lists for sessions still to
 * come with where they stand. One query for all of them, as it is asked on every view of a
 * bulletin edition (on PostgreSQL each query is a round trip) and for each batch of 200 emails:
 * every module beside these readers' latest completion of it, then their waiting places.
 */
export async function learningDueForMany(db: DbOrTrx, staffIds: readonly string[], now: Date) {
  // No person has the empty id: `in ()` is not SQL.
  const rows = await learningDueRows(db, staffIds.length ? staffIds : [''], now.toISOString());
  const today = londonDay(now);
  const modules = rows
    .filter((r) => r.kind === 'module')
    .sort((a, b) => inOrder(a.title, b.title) || inOrder(a.id, b.id));
  const moduleList = [...new Map(modules.map((m) => [m.id, m])).values()];
  const last = new Map(
    modules.filter((m) => m.staff_id !== null).map((m) => [`${m.staff_id}|${m.id}`, m.at]),
  );
  const waiting = rows.filter((r) => r.kind === 'waiting').sort((a, b) => inOrder(a.at ?? '', b.at ?? ''));
  return new Map(
    staffIds.map((staffId) => [
      staffId,
      {
        elearning: moduleList
          .map((m) => ({
            id: m.id,
            title: m.title,
            standing: moduleStanding(last.get(`${staffId}|${m.id}`) ?? null, m.n, today),
          }))
          .filter((m) => m.standing.kind !== 'current'),
        waiting: waiting
          .filter((w) => w.staff_id === staffId)
          .map((w) => ({
            session_id: w.session_id!,
            course_id: w.id,
            title: w.title,
            starts_at: w.at!,
            position: w.n!,
          })),
      },
    ]),
  );
}

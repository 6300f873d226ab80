import { sql } from 'kysely';
import type { DbOrTrx } from '../platform/db/db.ts';

export interface CatalogueFilter {
  q?: string;
  category?: string;
  audience?: 'everyone' | 'managers';
  limit: number;
  offset: number;
}

/** Courses matching the filters, with their next date and how many dated sessions are still to come. */
export async function listCourses(db: DbOrTrx, f: CatalogueFilter, now: string) {
  let q = db.selectFrom('lrn_courses');
  if (f.q) {
    const like = `%${f.q.toLowerCase()}%`;
    q = q.where((eb) =>
      eb.or([eb(eb.fn('lower', ['title']), 'like', like), eb(eb.fn('lower', ['summary']), 'like', like)]),
    );
  }
  if (f.category) q = q.where('category', '=', f.category);
  if (f.audience) q = q.where('audience', '=', f.audience);
  const total = Number(
    (await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
  );
  const courses = await q
    .select(['id', 'title', 'summary', 'category', 'audience', 'provider_kind', 'provider_name', 'mandatory'])
    .orderBy('title')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const ids = courses.map((c) => c.id);
  const next = ids.length
    ? await db
        .selectFrom('lrn_sessions')
        .select([
          'course_id',
          sql<string>`min(starts_at)`.as('next'),
          (eb) => eb.fn.countAll<number>().as('n'),
        ])
        .where('course_id', 'in', ids)
        .where('status', '=', 'scheduled')
        .where('starts_at', '>', now)
        .groupBy('course_id')
        .execute()
    : [];
  const byCourse = new Map(next.map((n) => [n.course_id, n]));
  return {
    total,
    rows: courses.map((c) => ({
      ...c,
      next: byCourse.get(c.id)?.next ?? null,
      upcoming: Number(byCourse.get(c.id)?.n ?? 0),
    })),
  };
}

export async function categories(db: DbOrTrx): Promise<string[]> {
  const rows = await db
    .selectFrom('lrn_courses')
    .select('category')
    .distinct()
    .where('category', '!=', '')
    .orderBy('category')
    .execute();
  return rows.map((r) => r.category);
}

/** Every dated part in a month (London days), for the calendar. */
export async function partsInMonth(db: DbOrTrx, first: string, last: string) {
  return db
    .selectFrom('lrn_session_parts as p')
    .innerJoin('lrn_sessions as s', 's.id', 'p.session_id')
    .innerJoin('lrn_courses as c', 'c.id', 's.course_id')
    .select(['p.day', 'p.start_time', 'p.end_time', 's.id as session_id', 's.status', 'c.title'])
    .where('p.day', '>=', first)
    .where('p.day', '<=', last)
    .orderBy('p.day')
    .orderBy('p.start_time')
    .execute();
}

export async function getCourse(db: DbOrTrx, id: string) {
  return db.selectFrom('lrn_courses').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A course's sessions with their parts and the places taken, for the course page. */
export async function sessionsOfCourse(db: DbOrTrx, courseId: string) {
  const sessions = await db
    .selectFrom('lrn_sessions')
    .selectAll()
    .where('course_id', '=', courseId)
    .orderBy('starts_at')
    .execute();
  const ids = sessions.map((s) => s.id);
  if (!ids.length) return [];
  const [parts, counts] = await Promise.all([
    db
      .selectFrom('lrn_session_parts')
      .selectAll()
      .where('session_id', 'in', ids)
      .orderBy('starts_at')
      .execute(),
    placeCounts(db, ids),
  ]);
  return sessions.map((s) => ({
    ...s,
    parts: parts.filter((p) => p.session_id === s.id),
    counts: counts.get(s.id) ?? { taken: 0, waiting: 0 },
  }));
}

export async function placeCounts(db: DbOrTrx, sessionIds: string[]) {
  const rows = sessionIds.length
    ? await db
        .selectFrom('lrn_bookings')
        .select(['session_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
        .where('session_id', 'in', sessionIds)
        .where('status', 'in', ['booked', 'offered', 'waitlisted'])
        .groupBy(['session_id', 'status'])
        .execute()
    : [];
  const map = new Map<string, { taken: number; waiting: number }>();
  for (const r of rows) {
    const c = map.get(r.session_id) ?? { taken: 0, waiting: 0 };
    if (r.status === 'waitlisted') c.waiting += Number(r.n);
    else c.taken += Number(r.n);
    map.set(r.session_id, c);
  }
  return map;
}

/** Whether the person has asked to hear when dates of the course are added. */
export async function hasInterest(db: DbOrTrx, courseId: string, staffId: string) {
  const row = await db
    .selectFrom('lrn_interest')
    .select('staff_id')
    .where('course_id', '=', courseId)
    .where('staff_id', '=', staffId)
    .executeTakeFirst();
  return !!row;
}

export async function insertInterest(db: DbOrTrx, courseId: string, staffId: string, at: string) {
  await db
    .insertInto('lrn_interest')
    .values({ course_id: courseId, staff_id: staffId, created_at: at, notified_at: null })
    .execute();
}

import type { DbOrTrx } from '../platform/db/db.ts';
import { placeCounts } from './catalogue.repo.ts';

/** Every scheduled session with a day from `today` on: its course, places, days and counts. */
export async function sessionsFrom(db: DbOrTrx, today: string) {
  const rows = await db
    .selectFrom('lrn_sessions as s')
    .innerJoin('lrn_courses as c', 'c.id', 's.course_id')
    .innerJoin('lrn_session_parts as p', 'p.session_id', 's.id')
    .select([
      's.id',
      's.label',
      's.capacity',
      's.course_id',
      'c.title',
      'p.id as part_id',
      'p.day',
      'p.start_time',
      'p.end_time',
    ])
    .where('s.status', '=', 'scheduled')
    .where('s.id', 'in', db.selectFrom('lrn_session_parts').select('session_id').where('day', '>=', today))
    .orderBy('p.starts_at')
    .execute();
  const ids = [...new Set(rows.map((r) => r.id))];
  const counts = await placeCounts(db, ids);
  return ids.map((id) => {
    const parts = rows.filter((r) => r.id === id);
    const first = parts[0]!;
    return {
      id,
      label: first.label,
      title: first.title,
      courseId: first.course_id,
      capacity: first.capacity,
      ...(counts.get(id) ?? { taken: 0, waiting: 0 }),
      parts: parts.map((p) => ({
        id: p.part_id,
        day: p.day,
        start_time: p.start_time,
        end_time: p.end_time,
      })),
    };
  });
}

export type SessionAhead = Awaited<ReturnType<typeof sessionsFrom>>[number];

/** How many booked places of each part have a mark on the register. */
export async function marksOn(db: DbOrTrx, partIds: string[]): Promise<Map<string, number>> {
  if (!partIds.length) return new Map();
  const rows = await db
    .selectFrom('lrn_attendance as a')
    .innerJoin('lrn_bookings as b', 'b.id', 'a.booking_id')
    .select(['a.part_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('a.part_id', 'in', partIds)
    .where('b.status', '=', 'booked')
    .groupBy('a.part_id')
    .execute();
  return new Map(rows.map((r) => [r.part_id, Number(r.n)]));
}

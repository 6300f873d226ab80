import type { DbOrTrx } from '../platform/db/db.ts';
import type { PlaceFact, SessionFact } from './reports.rules.ts';

/** The facts the report adds up: scheduled sessions, and every current place with its register and evaluation. */
export async function reportFacts(
  db: DbOrTrx,
  now: string,
): Promise<{ sessions: SessionFact[]; places: PlaceFact[] }> {
  const [sessions, places, marks, evals] = await Promise.all([
    db
      .selectFrom('lrn_sessions as s')
      .innerJoin('lrn_courses as c', 'c.id', 's.course_id')
      .select(['s.id', 'c.title', 's.starts_at', 's.capacity'])
      .where('s.status', '=', 'scheduled')
      .where('s.starts_at', 'is not', null)
      .execute(),
    db
      .selectFrom('lrn_bookings as b')
      .innerJoin('staff', 'staff.id', 'b.staff_id')
      .leftJoin('teams', 'teams.id', 'staff.team_id')
      .select(['b.id', 'b.session_id', 'b.status', 'teams.name as team'])
      .where('b.status', 'in', ['booked', 'waitlisted', 'offered', 'requested'])
      .execute(),
    db.selectFrom('lrn_attendance').select(['booking_id', 'outcome']).execute(),
    db.selectFrom('lrn_evaluations').select(['booking_id', 'content', 'trainer', 'relevance']).execute(),
  ]);
  const outcomes = new Map<string, string[]>();
  for (const m of marks) outcomes.set(m.booking_id, [...(outcomes.get(m.booking_id) ?? []), m.outcome]);
  const evalOf = new Map(evals.map((e) => [e.booking_id, e]));
  return {
    sessions: sessions.map((s) => ({
      sessionId: s.id,
      course: s.title,
      // Months are London months; the first part's instant is close enough to its London day for grouping.
      month: s.starts_at!.slice(0, 7),
      capacity: s.capacity,
      upcoming: s.starts_at! > now,
    })),
    places: places.map((p) => {
      const o = outcomes.get(p.id);
      const e = evalOf.get(p.id);
      return {
        sessionId: p.session_id,
        team: p.team ?? '',
        status: p.status as PlaceFact['status'],
        attended: o ? o.some((x) => x === 'attended' || x === 'partial') : null,
        noShow: !!o && o.every((x) => x === 'no-show'),
        evaluation: e ? { content: e.content, trainer: e.trainer, relevance: e.relevance } : null,
      };
    }),
  };
}

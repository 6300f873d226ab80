import type { DbOrTrx } from '../platform/db/db.ts';
import type { ListScope } from '../platform/policy/policy.ts';
import { ACTIVE_STATUSES } from './booking.repo.ts';
import { inScope } from './scope.ts';

export async function getSessionWithCourse(db: DbOrTrx, id: string) {
  return db
    .selectFrom('lrn_sessions as s')
    .innerJoin('lrn_courses as c', 'c.id', 's.course_id')
    .selectAll('s')
    .select([
      'c.title',
      'c.summary',
      'c.description',
      'c.needs_approval',
      'c.provider_kind',
      'c.provider_name',
      'c.provider_link',
      'c.provider_instructions',
      'c.audience',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
}

/**
 * The people on a session (active places by queue), with their team, that the
 * scope lets the reader see: L&D everyone, a manager the people they approve for.
 */
export async function peopleOnSession(db: DbOrTrx, sessionId: string, scope: ListScope) {
  if (scope.kind === 'none') return [];
  return db
    .selectFrom('lrn_bookings as b')
    .innerJoin('staff', 'staff.id', 'b.staff_id')
    .leftJoin('teams', 'teams.id', 'staff.team_id')
    .select([
      'b.id',
      'b.status',
      'b.queue_pos',
      'b.offer_expires_at',
      'b.staff_id',
      'staff.name',
      'staff.team_id',
      'teams.service_id',
      'teams.name as team',
    ])
    .where('b.session_id', '=', sessionId)
    .where('b.status', 'in', ACTIVE_STATUSES)
    .where((eb) => inScope(eb, scope, { team: 'staff.team_id', service: 'teams.service_id' }))
    .orderBy('b.queue_pos')
    .execute();
}

/** The person's current booking on the session, if any, and their place in the queue. */
export async function myPlace(db: DbOrTrx, sessionId: string, staffId: string) {
  const mine = await db
    .selectFrom('lrn_bookings')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('staff_id', '=', staffId)
    .orderBy('created_at', 'desc')
    .orderBy('queue_pos', 'desc')
    .executeTakeFirst();
  if (!mine) return null;
  let position: number | undefined;
  if (mine.status === 'waitlisted') {
    const ahead = await db
      .selectFrom('lrn_bookings')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('session_id', '=', sessionId)
      .where('status', '=', 'waitlisted')
      .where('queue_pos', '<', mine.queue_pos)
      .executeTakeFirstOrThrow();
    position = Number(ahead.n) + 1;
  }
  return { ...mine, position };
}

export async function otherSessionsOfCourse(db: DbOrTrx, courseId: string, exceptId: string, now: string) {
  return db
    .selectFrom('lrn_sessions')
    .select(['id', 'starts_at', 'label'])
    .where('course_id', '=', courseId)
    .where('id', '!=', exceptId)
    .where('status', '=', 'scheduled')
    .where('starts_at', '>', now)
    .orderBy('starts_at')
    .execute();
}

/** The person's places (booked, or held for them) on other scheduled sessions, each with its days. */
export async function myOtherPlaces(db: DbOrTrx, staffId: string, exceptSessionId: string) {
  const places = await db
    .selectFrom('lrn_bookings as b')
    .innerJoin('lrn_sessions as s', 's.id', 'b.session_id')
    .innerJoin('lrn_courses as c', 'c.id', 's.course_id')
    .select(['b.session_id', 's.course_id', 'c.title'])
    .where('b.staff_id', '=', staffId)
    .where('b.status', 'in', ['booked', 'offered'])
    .where('s.status', '=', 'scheduled')
    .where('b.session_id', '!=', exceptSessionId)
    .execute();
  if (!places.length) return [];
  const parts = await db
    .selectFrom('lrn_session_parts')
    .select(['session_id', 'day', 'start_time', 'end_time', 'starts_at', 'ends_at'])
    .where(
      'session_id',
      'in',
      places.map((p) => p.session_id),
    )
    .orderBy('starts_at')
    .execute();
  return places.map((p) => ({ ...p, parts: parts.filter((x) => x.session_id === p.session_id) }));
}

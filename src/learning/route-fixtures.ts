import type { Db } from '../platform/db/db.ts';

/**
 * Example URLs for the learning pages, for the platform's route × role test:
 * a demo session and course, and a booking that belongs to none of the personas.
 */
export async function learningRouteFixtures(db: Db) {
  const session = await db
    .selectFrom('lrn_sessions')
    .select(['id', 'course_id'])
    .orderBy('starts_at')
    .executeTakeFirstOrThrow();
  const part = await db
    .selectFrom('lrn_session_parts as p')
    .innerJoin('lrn_sessions as s', 's.id', 'p.session_id')
    .select(['p.id', 'p.session_id'])
    .where('s.status', '=', 'scheduled')
    .orderBy('p.starts_at')
    .executeTakeFirstOrThrow();
  const booking = await db
    .selectFrom('lrn_bookings as b')
    .innerJoin('staff', 'staff.id', 'b.staff_id')
    .leftJoin('teams', 'teams.id', 'staff.team_id')
    .select(['b.id', 'b.staff_id', 'staff.team_id', 'teams.service_id'])
    .where('staff.email', 'not like', '%hussain%')
    .orderBy('b.queue_pos')
    .executeTakeFirstOrThrow();
  return {
    '/learning/courses/:id': { url: `/learning/courses/${session.course_id}` },
    '/learning/sessions/:id': { url: `/learning/sessions/${session.id}` },
    '/learning/sessions/:id/register': { url: `/learning/sessions/${session.id}/register` },
    '/learning/sessions/:id/sign-in-sheet': { url: `/learning/sessions/${session.id}/sign-in-sheet` },
    '/learning/sessions/:id/evaluations': { url: `/learning/sessions/${session.id}/evaluations` },
    '/learning/sessions/:id/evaluations.csv': { url: `/learning/sessions/${session.id}/evaluations.csv` },
    '/learning/courses/:id/evaluations': { url: `/learning/courses/${session.course_id}/evaluations` },
    '/learning/courses/:id/evaluations.csv': {
      url: `/learning/courses/${session.course_id}/evaluations.csv`,
    },
    '/learning/sessions/:id/calendar/:partId': {
      url: `/learning/sessions/${part.session_id}/calendar/${part.id}`,
    },
    '/learning/sessions/:id/evaluations.xlsx': { url: `/learning/sessions/${session.id}/evaluations.xlsx` },
    '/learning/courses/:id/evaluations.xlsx': {
      url: `/learning/courses/${session.course_id}/evaluations.xlsx`,
    },
    '/learning/admin/courses/:id/edit': { url: `/learning/admin/courses/${session.course_id}/edit` },
    '/learning/admin/courses/:id/sessions/new': {
      url: `/learning/admin/courses/${session.course_id}/sessions/new`,
    },
    '/learning/admin/sessions/:id/edit': { url: `/learning/admin/sessions/${session.id}/edit` },
    '/learning/sessions/:id/book': { url: `/learning/sessions/${session.id}/book` },
    '/learning/bookings/:id/cancel': {
      url: `/learning/bookings/${booking.id}/cancel`,
      resource: { ownerId: booking.staff_id, teamId: booking.team_id, serviceId: booking.service_id },
    },
    '/learning/bookings/:id/evaluate': {
      url: `/learning/bookings/${booking.id}/evaluate`,
      resource: { ownerId: booking.staff_id, teamId: booking.team_id, serviceId: booking.service_id },
    },
  };
}

import { sql } from 'kysely';
import type { DbOrTrx, Dialect } from '../platform/db/db.ts';
import type { Place, SessionRules } from './booking.rules.ts';
import type { BookingStatus } from './schema.ts';

export const ACTIVE_STATUSES = ['requested', 'booked', 'waitlisted', 'offered'] as const;

/**
 * Reads a session for a change to its places, holding it against every other
 * change until the transaction ends. On PostgreSQL the row lock serialises
 * bookings from any number of app instances; on SQLite the transaction is
 * already the only writer (our adapter begins it IMMEDIATE).
 */
export async function lockSession(trx: DbOrTrx, dialect: Dialect, id: string) {
  const q = trx.selectFrom('lrn_sessions').selectAll().where('id', '=', id);
  return dialect === 'postgres' ? q.forUpdate().executeTakeFirst() : q.executeTakeFirst();
}

export type SessionRow = NonNullable<Awaited<ReturnType<typeof lockSession>>>;

export const rulesOf = (s: SessionRow): SessionRules => ({
  status: s.status,
  capacity: s.capacity,
  startsAt: s.starts_at,
  signupOpensAt: s.signup_opens_at,
  signupClosesAt: s.signup_closes_at,
  cancelCutoffHours: s.cancel_cutoff_hours,
  offerWindowDays: s.offer_window_days,
  holdHours: s.hold_hours,
});

export async function activePlaces(trx: DbOrTrx, sessionId: string): Promise<Place[]> {
  const rows = await trx
    .selectFrom('lrn_bookings')
    .select(['id', 'staff_id', 'status', 'queue_pos'])
    .where('session_id', '=', sessionId)
    .where('status', 'in', ACTIVE_STATUSES)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    staffId: r.staff_id,
    status: r.status as Place['status'],
    queuePos: r.queue_pos,
  }));
}

/** The active places and the highest queue position ever given, in one read. */
export async function placesAndLastPosition(trx: DbOrTrx, sessionId: string) {
  const rows = await trx
    .selectFrom('lrn_bookings')
    .select(['id', 'staff_id', 'status', 'queue_pos'])
    .where('session_id', '=', sessionId)
    .execute();
  const active = new Set<string>(ACTIVE_STATUSES);
  return {
    places: rows
      .filter((r) => active.has(r.status))
      .map((r) => ({
        id: r.id,
        staffId: r.staff_id,
        status: r.status as Place['status'],
        queuePos: r.queue_pos,
      })),
    maxPos: rows.reduce((m, r) => Math.max(m, r.queue_pos), 0),
  };
}

/** The highest queue position ever given on the session, so positions never repeat. */
export async function maxQueuePos(trx: DbOrTrx, sessionId: string): Promise<number> {
  const row = await trx
    .selectFrom('lrn_bookings')
    .select(sql<number>`coalesce(max(queue_pos), 0)`.as('m'))
    .where('session_id', '=', sessionId)
    .executeTakeFirst();
  return Number(row?.m ?? 0);
}

export async function getBooking(db: DbOrTrx, id: string) {
  return db.selectFrom('lrn_bookings').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function setBookingStatus(
  trx: DbOrTrx,
  id: string,
  status: BookingStatus,
  at: string,
  extra: { offer_expires_at?: string | null; queue_pos?: number } = {},
) {
  await trx
    .updateTable('lrn_bookings')
    .set({ status, updated_at: at, ...extra, sequence: sql`sequence + 1` })
    .where('id', '=', id)
    .execute();
}

export async function courseOfSession(db: DbOrTrx, sessionId: string) {
  return db
    .selectFrom('lrn_sessions')
    .innerJoin('lrn_courses', 'lrn_courses.id', 'lrn_sessions.course_id')
    .selectAll('lrn_courses')
    .where('lrn_sessions.id', '=', sessionId)
    .executeTakeFirstOrThrow();
}

export async function partsOf(db: DbOrTrx, sessionId: string) {
  return db
    .selectFrom('lrn_session_parts')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('starts_at')
    .execute();
}

export async function staffContact(db: DbOrTrx, staffId: string) {
  return db
    .selectFrom('staff')
    .select(['id', 'name', 'email', 'team_id'])
    .where('id', '=', staffId)
    .executeTakeFirstOrThrow();
}

/** A booking with its person's team and service, for the policy's record-level check. */
export async function bookingWithOwner(db: DbOrTrx, id: string) {
  return db
    .selectFrom('lrn_bookings as b')
    .innerJoin('staff', 'staff.id', 'b.staff_id')
    .leftJoin('teams', 'teams.id', 'staff.team_id')
    .select(['b.id', 'b.session_id', 'b.staff_id', 'staff.team_id', 'teams.service_id'])
    .where('b.id', '=', id)
    .executeTakeFirst();
}

/** A booking with its session's place in the world and the sequences its calendar invites carry. */
export async function bookingForMessage(db: DbOrTrx, bookingId: string) {
  return db
    .selectFrom('lrn_bookings')
    .innerJoin('lrn_sessions', 'lrn_sessions.id', 'lrn_bookings.session_id')
    .select([
      'lrn_bookings.id',
      'lrn_bookings.staff_id',
      'lrn_bookings.session_id',
      'lrn_bookings.sequence as bseq',
      'lrn_sessions.sequence as sseq',
      'lrn_sessions.venue',
      'lrn_sessions.online_link',
    ])
    .where('lrn_bookings.id', '=', bookingId)
    .executeTakeFirstOrThrow();
}

/** A new place (or request, or place in the queue) on a session, at the end of its queue. */
export async function insertBooking(
  db: DbOrTrx,
  b: { id: string; sessionId: string; staffId: string; status: BookingStatus; queuePos: number; at: string },
) {
  await db
    .insertInto('lrn_bookings')
    .values({
      id: b.id,
      session_id: b.sessionId,
      staff_id: b.staffId,
      status: b.status,
      queue_pos: b.queuePos,
      offer_expires_at: null,
      sequence: 0,
      created_at: b.at,
      updated_at: b.at,
    })
    .execute();
}

/** Moves a place in its session's queue (the waiting list's order). */
export async function setQueuePosition(db: DbOrTrx, id: string, queuePos: number, at: string) {
  await db
    .updateTable('lrn_bookings')
    .set({ queue_pos: queuePos, updated_at: at })
    .where('id', '=', id)
    .execute();
}

/** Held places whose hold has ended by `now`. */
export async function endedHolds(db: DbOrTrx, now: string): Promise<string[]> {
  const rows = await db
    .selectFrom('lrn_bookings')
    .select('id')
    .where('status', '=', 'offered')
    .where('offer_expires_at', '<=', now)
    .execute();
  return rows.map((r) => r.id);
}

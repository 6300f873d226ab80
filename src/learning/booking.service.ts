import { type Actor, recordAudit, systemActor } from '../platform/audit/audit.ts';
import { loadWorkingCalendar } from '../platform/calendar/closure-days.repo.ts';
import type { DbOrTrx } from '../platform/db/db.ts';
import { NotFoundError, UserInputError } from '../platform/http/errors.ts';
import { newId } from '../platform/ids.ts';
import type { Services } from '../platform/services.ts';
import {
  activePlaces,
  courseOfSession,
  endedHolds,
  getBooking,
  insertBooking,
  lockSession,
  partsOf,
  placesAndLastPosition,
  rulesOf,
  type SessionRow,
  setBookingStatus,
  staffContact,
} from './booking.repo.ts';
import {
  approvalRefusal,
  bookingRefusal,
  cancelRefusal,
  fillFreedPlace,
  newPlaceStatus,
  waitingList,
} from './booking.rules.ts';
import { notifyPlace } from './notify.ts';

/** Changes the waiting list makes by itself (promotions, holds passing on) are audited under this name. */
const waitingListActor = systemActor('waiting list');

/** What the booking operations need: the database, which dialect it is (for the lock) and the time. */
/** The database, the clock, and config for the messages a change sends (their layout and links). */
export type BookingCtx = Pick<Services, 'db' | 'dialect' | 'clock' | 'config'>;

export interface BookingOutcome {
  bookingId: string;
  status: 'booked' | 'waitlisted' | 'requested';
  /** Place on the waiting list, from 1. */
  position?: number;
}

/** Books a place, or joins the waiting list when full, in one transaction with the session locked. */
export async function bookPlace(
  ctx: BookingCtx,
  actor: Actor,
  sessionId: string,
  staffId: string,
  /** Whether the person may book courses for managers and practice supervisors (the policy decides, in the route). */
  options: { managersCourses: boolean } = { managersCourses: false },
): Promise<BookingOutcome> {
  const { db, dialect, clock } = ctx;
  // Read what does not decide the place before taking the lock, so the lock is held for as few round trips as possible.
  const [course, person, parts] = await Promise.all([
    courseOfSession(db, sessionId).catch(() => null),
    staffContact(db, staffId),
    partsOf(db, sessionId),
  ]);
  if (!course) throw new NotFoundError('session');
  if (course.audience === 'managers' && !options.managersCourses)
    throw new UserInputError('This course is for managers and practice supervisors only.', 'session');
  return db.transaction().execute(async (trx) => {
    const s = await lockSession(trx, dialect, sessionId);
    if (!s) throw new NotFoundError('session');
    const now = clock.now();
    const refusal = bookingRefusal(rulesOf(s), now);
    if (refusal) throw new UserInputError(refusal, 'session');
    const { places, maxPos } = await placesAndLastPosition(trx, sessionId);
    if (places.some((p) => p.staffId === staffId))
      throw new UserInputError(
        'You already have a place or a request on this session, or are waiting for one.',
        'session',
      );
    const status = newPlaceStatus(rulesOf(s), places, course.needs_approval === 1);
    const id = newId();
    const at = now.toISOString();
    await insertBooking(trx, { id, sessionId, staffId, status, queuePos: maxPos + 1, at });
    const position = status === 'waitlisted' ? waitingList(places).length + 1 : undefined;
    await recordAudit(trx, clock, actor, {
      action: 'create',
      recordType: 'booking',
      recordId: id,
      summary: `${status === 'booked' ? 'Booked' : status === 'requested' ? 'Requested' : 'Joined the waiting list for'} ${course.title}`,
    });
    await notifyPlace(
      trx,
      ctx,
      status,
      id,
      { position },
      {
        booking: {
          id,
          staff_id: staffId,
          session_id: sessionId,
          bseq: 0,
          sseq: s.sequence,
          venue: s.venue,
          online_link: s.online_link,
        },
        course,
        person,
        // A place's invite reads the days again under the lock; a waiting-list message may use them as read.
        ...(status === 'booked' ? {} : { parts }),
      },
    );
    return { bookingId: id, status, position };
  });
}

/** Locks the booking's session and reads the booking again under the lock. */
async function lockedBooking(trx: DbOrTrx, ctx: BookingCtx, bookingId: string) {
  const first = await getBooking(trx, bookingId);
  if (!first) throw new NotFoundError('booking');
  const session = await lockSession(trx, ctx.dialect, first.session_id);
  if (!session) throw new NotFoundError('session');
  const booking = (await getBooking(trx, bookingId))!;
  return { booking, session };
}

/** What a cancellation did: what the booking was, and what became of a freed place. */
export interface CancelOutcome {
  was: 'requested' | 'booked' | 'waitlisted' | 'offered';
  /** The freed place went to the next person waiting ('given'), was held for them ('offered'), or stayed free. */
  passedOn: 'given' | 'offered' | null;
}

/**
 * Cancels a place, a request or a place on the waiting list. A freed place
 * goes to the first person waiting in this same transaction. L&D may cancel
 * after the cutoff; the person may not.
 */
export async function cancelPlace(
  ctx: BookingCtx,
  actor: Actor,
  bookingId: string,
  options: { byOrganiser: boolean },
): Promise<CancelOutcome> {
  const { db, clock } = ctx;
  return db.transaction().execute(async (trx) => {
    const { booking, session } = await lockedBooking(trx, ctx, bookingId);
    if (!isActive(booking.status))
      throw new UserInputError('This place has already been cancelled.', 'booking');
    const place = {
      id: booking.id,
      staffId: booking.staff_id,
      status: booking.status,
      queuePos: booking.queue_pos,
    };
    const refusal = options.byOrganiser ? null : cancelRefusal(rulesOf(session), place, clock.now());
    if (refusal) throw new UserInputError(refusal, 'booking');
    const at = clock.now().toISOString();
    await setBookingStatus(trx, booking.id, 'cancelled', at, { offer_expires_at: null });
    await recordAudit(trx, clock, actor, {
      action: 'update',
      recordType: 'booking',
      recordId: booking.id,
      summary: `Cancelled a ${booking.status} place`,
    });
    let passedOn: CancelOutcome['passedOn'] = null;
    if (booking.status === 'booked' || booking.status === 'offered') {
      if (booking.status === 'booked') await notifyPlace(trx, ctx, 'cancelled', booking.id);
      passedOn = await fillFreedPlaces(trx, ctx, session);
    }
    return { was: booking.status, passedOn };
  });
}

const isActive = (s: string): s is 'requested' | 'booked' | 'waitlisted' | 'offered' =>
  s === 'requested' || s === 'booked' || s === 'waitlisted' || s === 'offered';

/**
 * Gives free places to the people waiting, first come first served, until none
 * is free or nobody waits. Says what happened to the first place: given, held, or nothing.
 */
export async function fillFreedPlaces(
  trx: DbOrTrx,
  ctx: BookingCtx,
  session: SessionRow,
): Promise<'given' | 'offered' | null> {
  const calendar = await loadWorkingCalendar(trx);
  const now = ctx.clock.now();
  let first: 'given' | 'offered' | null = null;
  for (;;) {
    const action = fillFreedPlace(rulesOf(session), await activePlaces(trx, session.id), now, calendar);
    if (action.kind === 'none') return first;
    first ??= action.kind === 'promote' ? 'given' : 'offered';
    if (action.kind === 'promote') {
      await setBookingStatus(trx, action.placeId, 'booked', now.toISOString());
      await notifyPlace(trx, ctx, 'promoted', action.placeId);
    } else {
      await setBookingStatus(trx, action.placeId, 'offered', now.toISOString(), {
        offer_expires_at: action.expiresAt,
      });
      await notifyPlace(trx, ctx, 'offered', action.placeId, { offerExpiresAt: action.expiresAt });
    }
    await recordAudit(trx, ctx.clock, waitingListActor, {
      action: 'update',
      recordType: 'booking',
      recordId: action.placeId,
      summary:
        action.kind === 'promote'
          ? 'Given a freed place from the waiting list'
          : 'Offered a freed place for a hold',
    });
  }
}

/** The person takes the place held for them, if the hold has not ended. */
export async function claimOffer(ctx: BookingCtx, actor: Actor, bookingId: string) {
  const { db, clock } = ctx;
  return db.transaction().execute(async (trx) => {
    const { booking } = await lockedBooking(trx, ctx, bookingId);
    const now = clock.now().toISOString();
    if (booking.status !== 'offered' || !booking.offer_expires_at || booking.offer_expires_at <= now)
      throw new UserInputError(
        'The hold on this place has ended, so it has passed to the next person.',
        'booking',
      );
    await setBookingStatus(trx, booking.id, 'booked', now, { offer_expires_at: null });
    await recordAudit(trx, clock, actor, {
      action: 'update',
      recordType: 'booking',
      recordId: booking.id,
      summary: 'Claimed a held place',
    });
    await notifyPlace(trx, ctx, 'booked', booking.id);
  });
}

/** Ends holds that were not claimed in time and passes each place on. Returns how many ended. */
export async function expireOffers(ctx: BookingCtx): Promise<number> {
  const now = ctx.clock.now().toISOString();
  const due = await endedHolds(ctx.db, now);
  let ended = 0;
  for (const id of due) {
    await ctx.db.transaction().execute(async (trx) => {
      const { booking, session } = await lockedBooking(trx, ctx, id);
      if (booking.status !== 'offered' || !booking.offer_expires_at || booking.offer_expires_at > now) return;
      await setBookingStatus(trx, id, 'lapsed', now, { offer_expires_at: null });
      await recordAudit(trx, ctx.clock, waitingListActor, {
        action: 'update',
        recordType: 'booking',
        recordId: id,
        summary: 'A held place was not claimed in time and passed on',
      });
      ended++;
      await fillFreedPlaces(trx, ctx, session);
    });
  }
  return ended;
}

/** A manager approves a request: only while a place is free. */
export async function decideRequest(ctx: BookingCtx, actor: Actor, bookingId: string, approve: boolean) {
  const { db, clock } = ctx;
  return db.transaction().execute(async (trx) => {
    const { booking, session } = await lockedBooking(trx, ctx, bookingId);
    if (booking.status !== 'requested')
      throw new UserInputError('This request has already been decided.', 'booking');
    if (approve) {
      const refusal = approvalRefusal(rulesOf(session), await activePlaces(trx, session.id));
      if (refusal) throw new UserInputError(refusal, 'booking');
    }
    await setBookingStatus(trx, booking.id, approve ? 'booked' : 'declined', clock.now().toISOString());
    await recordAudit(trx, clock, actor, {
      action: 'update',
      recordType: 'booking',
      recordId: booking.id,
      summary: approve ? 'Approved a request for a place' : 'Declined a request for a place',
    });
    await notifyPlace(trx, ctx, approve ? 'approved' : 'declined', booking.id);
  });
}

import { type Actor, recordAudit } from '../platform/audit/audit.ts';
import { NotFoundError, UserInputError } from '../platform/http/errors.ts';
import { newId } from '../platform/ids.ts';
import {
  activePlaces,
  getBooking,
  insertBooking,
  lockSession,
  maxQueuePos,
  rulesOf,
  setBookingStatus,
  setQueuePosition,
} from './booking.repo.ts';
import { bookingRefusal, newPlaceStatus, waitingList } from './booking.rules.ts';
import { type BookingCtx, fillFreedPlaces } from './booking.service.ts';
import { notifyPlace } from './notify.ts';

/** L&D moves someone up or down the waiting list by swapping places with their neighbour. */
export async function reorderWaiting(
  ctx: BookingCtx,
  actor: Actor,
  bookingId: string,
  direction: 'up' | 'down',
) {
  const { db, dialect, clock } = ctx;
  await db.transaction().execute(async (trx) => {
    const b = await getBooking(trx, bookingId);
    if (!b) throw new NotFoundError('booking');
    await lockSession(trx, dialect, b.session_id);
    const list = waitingList(await activePlaces(trx, b.session_id));
    const i = list.findIndex((p) => p.id === bookingId);
    if (i < 0) throw new UserInputError('This person is no longer on the waiting list.', 'booking');
    const j = direction === 'up' ? i - 1 : i + 1;
    const other = list[j];
    if (!other) return;
    const at = clock.now().toISOString();
    await setQueuePosition(trx, bookingId, other.queuePos, at);
    await setQueuePosition(trx, other.id, list[i]!.queuePos, at);
    await recordAudit(trx, clock, actor, {
      action: 'update',
      recordType: 'booking',
      recordId: bookingId,
      summary: `Moved ${direction} the waiting list from position ${i + 1} to ${j + 1}`,
    });
  });
}

/** L&D takes someone off the waiting list (or withdraws a request). */
export async function removeWaiting(ctx: BookingCtx, actor: Actor, bookingId: string) {
  const { db, dialect, clock } = ctx;
  await db.transaction().execute(async (trx) => {
    const b = await getBooking(trx, bookingId);
    if (!b) throw new NotFoundError('booking');
    await lockSession(trx, dialect, b.session_id);
    const fresh = (await getBooking(trx, bookingId))!;
    if (fresh.status !== 'waitlisted' && fresh.status !== 'requested')
      throw new UserInputError('Only people waiting or asking for a place can be removed here.', 'booking');
    await setBookingStatus(trx, bookingId, 'removed', clock.now().toISOString());
    await recordAudit(trx, clock, actor, {
      action: 'update',
      recordType: 'booking',
      recordId: bookingId,
      summary: 'Removed from the waiting list',
    });
  });
}

/**
 * L&D moves a person to another session of the same course. Both sessions are
 * locked, in a fixed order so two moves the other way round cannot deadlock.
 * On the new session they get a place if one is free, else join the end of its list.
 */
export async function moveBooking(ctx: BookingCtx, actor: Actor, bookingId: string, targetSessionId: string) {
  const { db, dialect, clock } = ctx;
  return db.transaction().execute(async (trx) => {
    const b = await getBooking(trx, bookingId);
    if (!b) throw new NotFoundError('booking');
    if (b.session_id === targetSessionId) throw new UserInputError('Choose a different session.', 'session');
    const [firstId, secondId] = [b.session_id, targetSessionId].sort();
    const locked = new Map([
      [firstId!, await lockSession(trx, dialect, firstId!)],
      [secondId!, await lockSession(trx, dialect, secondId!)],
    ]);
    const from = locked.get(b.session_id)!;
    const to = locked.get(targetSessionId);
    if (!to || to.course_id !== from.course_id)
      throw new UserInputError('Choose another session of the same course.', 'session');
    const booking = (await getBooking(trx, bookingId))!;
    if (!['booked', 'waitlisted', 'offered', 'requested'].includes(booking.status))
      throw new UserInputError('This place has been cancelled, so it cannot be moved.', 'booking');
    const refusal = bookingRefusal(rulesOf(to), clock.now());
    if (refusal) throw new UserInputError(refusal, 'session');
    const targetPlaces = await activePlaces(trx, to.id);
    if (targetPlaces.some((p) => p.staffId === booking.staff_id))
      throw new UserInputError('This person already has a place or is waiting on that session.', 'session');
    const at = clock.now().toISOString();
    await setBookingStatus(trx, booking.id, 'moved', at, { offer_expires_at: null });
    if (booking.status === 'booked') await notifyPlace(trx, ctx, 'cancelled', booking.id);
    const status = newPlaceStatus(rulesOf(to), targetPlaces, false) === 'booked' ? 'booked' : 'waitlisted';
    const id = newId();
    const queuePos = (await maxQueuePos(trx, to.id)) + 1;
    await insertBooking(trx, { id, sessionId: to.id, staffId: booking.staff_id, status, queuePos, at });
    await recordAudit(trx, clock, actor, {
      action: 'update',
      recordType: 'booking',
      recordId: id,
      summary: `Moved to another session of the course (${status})`,
    });
    await notifyPlace(trx, ctx, status, id, { position: waitingList(targetPlaces).length + 1 });
    if (booking.status === 'booked' || booking.status === 'offered') await fillFreedPlaces(trx, ctx, from);
    return { bookingId: id, status };
  });
}

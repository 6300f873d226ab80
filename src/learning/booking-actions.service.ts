import type { Actor } from '../platform/audit/audit.ts';
import type { Db } from '../platform/db/db.ts';
import { NotFoundError } from '../platform/http/errors.ts';
import { authorize, can } from '../platform/policy/policy.ts';
import type { Principal } from '../platform/policy/roles.ts';
import { bookingWithOwner, getBooking, partsOf } from './booking.repo.ts';
import {
  type BookingCtx,
  bookPlace,
  type CancelOutcome,
  cancelPlace,
  claimOffer,
  decideRequest,
} from './booking.service.ts';
import { getSessionWithCourse, myPlace } from './session.repo.ts';
import { moveBooking, removeWaiting, reorderWaiting } from './waitlist.service.ts';

/**
 * The changes to a booking from its buttons, each with the policy action it
 * needs: the person's own place (`learning:place`), a request their manager
 * decides (`learning:approve`), or L&D's running of the waiting list.
 */
export const BOOKING_CHANGES = {
  cancel: 'learning:place',
  claim: 'learning:place',
  approve: 'learning:approve',
  decline: 'learning:approve',
  up: 'learning:manage',
  down: 'learning:manage',
  remove: 'learning:manage',
  'organiser-cancel': 'learning:manage',
  move: 'learning:manage',
} as const;

export type BookingChange = keyof typeof BOOKING_CHANGES;

/** The person books a place for themselves; a managers' course only if the policy lets them. */
export async function bookOwnPlace(ctx: BookingCtx, user: Principal, actor: Actor, sessionId: string) {
  return bookPlace(ctx, actor, sessionId, user.id, {
    managersCourses: can(user, 'learning:managers-courses'),
  });
}

/**
 * Makes one change to a booking after checking, through the policy, that it
 * is this person's to make: their own place, a request from someone they
 * approve for (never their own), or L&D's. Returns the booking's session and,
 * for a move, where the person now stands on the other session.
 */
export async function changeBooking(
  ctx: BookingCtx,
  user: Principal,
  actor: Actor,
  bookingId: string,
  change: BookingChange,
  target = '',
): Promise<{ sessionId: string; moved?: 'booked' | 'waitlisted'; cancelled?: CancelOutcome }> {
  const b = await bookingWithOwner(ctx.db, bookingId);
  if (!b) throw new NotFoundError('booking');
  const action = BOOKING_CHANGES[change];
  authorize(user, action, {
    type: 'booking',
    id: b.id,
    ownerId: action === 'learning:approve' ? null : b.staff_id,
    teamId: b.team_id,
    serviceId: b.service_id,
    // A request is decided by someone else: a manager's own booking waits for another approver.
    ...(action === 'learning:approve' ? { subjectIds: [b.staff_id] } : {}),
  });
  const done = { sessionId: b.session_id };
  switch (change) {
    case 'cancel':
    case 'organiser-cancel':
      return {
        ...done,
        cancelled: await cancelPlace(ctx, actor, b.id, { byOrganiser: change === 'organiser-cancel' }),
      };
    case 'claim':
      await claimOffer(ctx, actor, b.id);
      return done;
    case 'approve':
    case 'decline':
      await decideRequest(ctx, actor, b.id, change === 'approve');
      return done;
    case 'up':
    case 'down':
      await reorderWaiting(ctx, actor, b.id, change);
      return done;
    case 'remove':
      await removeWaiting(ctx, actor, b.id);
      return done;
    case 'move': {
      const moved = await moveBooking(ctx, actor, b.id, target);
      return { ...done, moved: moved.status === 'booked' ? 'booked' : 'waitlisted' };
    }
  }
}

/** Where a booking's buttons lead back to: "My learning" when asked (`back=mine`), else the session. */
export async function bookingReturnPath(ctx: Pick<BookingCtx, 'db'>, bookingId: string, back: unknown) {
  const b = await getBooking(ctx.db, bookingId);
  if (!b) throw new NotFoundError('booking');
  return returnPath(b.session_id, back);
}

export const returnPath = (sessionId: string, back: unknown) =>
  back === 'mine' ? '/learning/mine' : `/learning/sessions/${sessionId}`;

/**
 * What the "are you sure?" page before cancelling shows: the person's own
 * booking (the policy decides, as for the change itself), with its session.
 */
export async function cancelCheck(db: Db, user: Principal, bookingId: string) {
  const b = await bookingWithOwner(db, bookingId);
  if (!b) throw new NotFoundError('booking');
  authorize(user, 'learning:place', {
    type: 'booking',
    id: b.id,
    ownerId: b.staff_id,
    teamId: b.team_id,
    serviceId: b.service_id,
  });
  const [s, parts, mine] = await Promise.all([
    getSessionWithCourse(db, b.session_id),
    partsOf(db, b.session_id),
    myPlace(db, b.session_id, b.staff_id),
  ]);
  if (!s || !mine) throw new NotFoundError('booking');
  return { s, parts, booking: mine };
}

export type CancelCheck = Awaited<ReturnType<typeof cancelCheck>>;

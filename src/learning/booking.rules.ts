import { londonDay } from '../platform/calendar/days.ts';
import type { WorkingCalendar } from '../platform/calendar/working-days.ts';

/**
 * The rules of places and waiting lists, with no I/O: the booking service
 * reads the session and its bookings under a lock, asks these functions what
 * to do, and writes the answer in the same transaction.
 */
export interface SessionRules {
  status: 'scheduled' | 'cancelled';
  /** null: the number of places is not known yet (nobody can book). */
  capacity: number | null;
  /** The first part's start (ISO instant); null when the date is still to come. */
  startsAt: string | null;
  signupOpensAt: string | null;
  signupClosesAt: string | null;
  cancelCutoffHours: number;
  /** Working days before the start within which a freed place is offered for a hold rather than given. */
  offerWindowDays: number;
  holdHours: number;
}

export interface Place {
  id: string;
  staffId: string;
  status: 'requested' | 'booked' | 'waitlisted' | 'offered';
  queuePos: number;
}

const HOUR = 3_600_000;

/** Why nobody may book this session now, or null if booking is open. */
export function bookingRefusal(s: SessionRules, now: Date): string | null {
  if (s.status === 'cancelled') return 'This session has been cancelled, so it cannot be booked.';
  if (!s.startsAt) return 'This session has no date yet, so it cannot be booked.';
  if (s.capacity === null) return 'The number of places for this session is not known yet.';
  if (new Date(s.startsAt) <= now) return 'This session has already started, so it can no longer be booked.';
  if (s.signupOpensAt && new Date(s.signupOpensAt) > now)
    return 'Booking for this session has not opened yet.';
  if (s.signupClosesAt && new Date(s.signupClosesAt) <= now) return 'Booking for this session has closed.';
  return null;
}

/** Places taken: booked people and places held on offer. */
export const placesTaken = (places: readonly Place[]) =>
  places.filter((p) => p.status === 'booked' || p.status === 'offered').length;

export const placesLeft = (s: Pick<SessionRules, 'capacity'>, places: readonly Place[]) =>
  Math.max(0, (s.capacity ?? 0) - placesTaken(places));

/** The waiting list, first come first served. */
export const waitingList = (places: readonly Place[]) =>
  places.filter((p) => p.status === 'waitlisted').sort((a, b) => a.queuePos - b.queuePos);

/** Where a new request goes: a place, the waiting list, or (for approval courses) a request. */
export function newPlaceStatus(
  s: SessionRules,
  places: readonly Place[],
  needsApproval: boolean,
): 'booked' | 'waitlisted' | 'requested' {
  // Nobody jumps the queue: with people waiting, a newcomer waits too.
  if (placesLeft(s, places) > 0 && waitingList(places).length === 0)
    return needsApproval ? 'requested' : 'booked';
  return 'waitlisted';
}

/** The next queue position: after everyone who ever queued on this session. */
export const nextQueuePos = (places: readonly Place[]) =>
  places.reduce((m, p) => Math.max(m, p.queuePos), 0) + 1;

/** Why a person may not cancel now, or null. Waiting and requests can always be withdrawn. */
export function cancelRefusal(s: SessionRules, place: Place, now: Date): string | null {
  if (place.status !== 'booked') return null;
  if (!s.startsAt) return null;
  const cutoff = new Date(s.startsAt).getTime() - s.cancelCutoffHours * HOUR;
  if (now.getTime() >= cutoff)
    return `Places can only be cancelled up to ${s.cancelCutoffHours} hours before the start. Contact Learning and Development.`;
  return null;
}

export type FreedPlace =
  | { kind: 'none'; reason: 'started' | 'nobody-waiting' | 'cancelled' }
  | { kind: 'promote'; placeId: string }
  | { kind: 'offer'; placeId: string; expiresAt: string };

/**
 * What happens to a free place: nothing once the session has started; close to
 * the start, the first person waiting is offered a hold of a few hours (they may
 * no longer be free); otherwise the first person waiting is booked.
 */
export function fillFreedPlace(
  s: SessionRules,
  places: readonly Place[],
  now: Date,
  calendar: WorkingCalendar,
): FreedPlace {
  if (s.status === 'cancelled') return { kind: 'none', reason: 'cancelled' };
  if (!s.startsAt || new Date(s.startsAt) <= now) return { kind: 'none', reason: 'started' };
  const first = waitingList(places)[0];
  if (!first || placesLeft(s, places) === 0) return { kind: 'none', reason: 'nobody-waiting' };
  if (withinOfferWindow(s, now, calendar)) {
    const hold = Math.min(now.getTime() + s.holdHours * HOUR, new Date(s.startsAt).getTime());
    return { kind: 'offer', placeId: first.id, expiresAt: new Date(hold).toISOString() };
  }
  return { kind: 'promote', placeId: first.id };
}

/** True when the start is no more than offerWindowDays working days away (counted on London days). */
export function withinOfferWindow(
  s: Pick<SessionRules, 'startsAt' | 'offerWindowDays'>,
  now: Date,
  calendar: WorkingCalendar,
): boolean {
  if (!s.startsAt) return false;
  return calendar.workingDaysBetween(londonDay(now), londonDay(new Date(s.startsAt))) <= s.offerWindowDays;
}

/** Whether an approval may be given: never beyond the places. */
export function approvalRefusal(s: SessionRules, places: readonly Place[]): string | null {
  if (placesLeft(s, places) === 0)
    return 'There are no places left on this session, so the request cannot be approved.';
  return null;
}

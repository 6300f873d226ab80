import type { BookingStatus } from './schema.ts';

/** The statuses of a place a person still holds or waits for: they can cancel it, and cannot book again. */
const HELD: readonly BookingStatus[] = ['booked', 'requested', 'waitlisted', 'offered'];

/** The person's place on a session if they still hold or wait for it (not a cancelled or ended one). */
export const heldPlace = <T extends { status: BookingStatus }>(mine: T | null): T | null =>
  mine && HELD.includes(mine.status) ? mine : null;

export interface BookableSession {
  status: 'scheduled' | 'cancelled';
  starts_at: string | null;
  audience: 'everyone' | 'managers';
}

/** Whether a session has started (or has no date, so cannot be booked yet). */
export const hasStarted = (s: Pick<BookableSession, 'starts_at'>, now: string) =>
  !s.starts_at || s.starts_at <= now;

/** A managers' course the person may not book. */
export const isManagersOnlyFor = (s: Pick<BookableSession, 'audience'>, managersCourses: boolean) =>
  s.audience === 'managers' && !managersCourses;

/**
 * Whether the session page offers "Book a place": the person holds no place
 * on it, it is scheduled and still to start, and it is open to them (a
 * managers' course needs the policy's `learning:managers-courses`). The
 * booking service checks the places and sign-up window again under the lock.
 */
export function canBook(
  s: BookableSession,
  held: { status: BookingStatus } | null,
  now: string,
  managersCourses: boolean,
): boolean {
  return !held && s.status === 'scheduled' && !hasStarted(s, now) && !isManagersOnlyFor(s, managersCourses);
}

import { formatDateTime, plural } from '../platform/views/format.ts';
import type { BookingStatus } from './schema.ts';

/** The person's place in words. */
export function placeSentence(
  mine: { status: BookingStatus; position?: number; offer_expires_at: string | null } | null,
): string | null {
  if (!mine) return null;
  switch (mine.status) {
    case 'booked':
      return 'You have a place on this session.';
    case 'requested':
      return 'You have asked for a place; your manager needs to approve it.';
    case 'waitlisted':
      return `You are number ${mine.position} on the waiting list. We will email you if a place comes free.`;
    case 'offered':
      return `A place is held for you until ${formatDateTime(mine.offer_expires_at)}. Claim it before then or it passes to the next person.`;
    case 'declined':
      return 'Your request for a place was not approved.';
    case 'lapsed':
      return 'A place was held for you but was not claimed in time.';
    case 'moved':
      return 'You were moved to another session of this course.';
    default:
      return null;
  }
}

export function placesSentence(capacity: number | null, taken: number, waiting: number): string {
  if (capacity === null) return 'The number of places is not known yet.';
  const left = Math.max(0, capacity - taken);
  const base =
    left > 0
      ? `${plural(left, 'place', 'places')} left of ${capacity}.`
      : `Full: all ${capacity} places are taken.`;
  return waiting ? `${base} ${plural(waiting, 'person is', 'people are')} on the waiting list.` : base;
}

export const STATUS_TEXT: Record<string, string> = {
  booked: 'Booked',
  requested: 'Waiting for approval',
  waitlisted: 'Waiting list',
  offered: 'Place held',
};

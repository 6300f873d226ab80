import type { FormErrors } from '../platform/http/forms.ts';
import { formatDate, formatDateTime, plural } from '../platform/views/format.ts';
import type { BookingChange } from './booking-actions.service.ts';
import { whenText } from './catalogue.presenter.ts';
import type { BookingStatus } from './schema.ts';
import { canBook, hasStarted, heldPlace, isManagersOnlyFor } from './session.rules.ts';
import type { SessionPageData } from './session.service.ts';

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

/** What the session page says to this person, from the rows `sessionPage` read. */
export function presentSession(data: SessionPageData, now: string, errors?: FormErrors) {
  const { s, parts, counts, mine, may } = data;
  const held = heldPlace(mine);
  return {
    title: s.label ? `${s.title}: ${s.label}` : s.title,
    s,
    when: whenText(parts),
    parts,
    where: s.online_link ? 'Online' : s.venue || 'Venue to be confirmed',
    places: placesSentence(s.capacity, counts.taken, counts.waiting),
    mine: held,
    mineText: placeSentence(mine),
    cancelText: (held && CANCEL_TEXT[held.status]) || 'Withdraw my request',
    started: hasStarted(s, now),
    managersOnly: isManagersOnlyFor(s, may.managersCourses),
    canBook: canBook(s, held, now, may.managersCourses),
    showProviderLink: s.provider_kind === 'external' && held?.status === 'booked',
    calendarLinks: calendarLinks(s, parts, held?.status === 'booked'),
    manage: may.manage,
    errors,
    people: data.people.map((p) => ({
      ...p,
      statusText: STATUS_TEXT[p.status] ?? p.status,
      expires: formatDateTime(p.offer_expires_at),
    })),
    moveTo: data.moveTo.map((o) => ({
      value: o.id,
      text: `${formatDateTime(o.starts_at)}${o.label ? ` (${o.label})` : ''}`,
    })),
    backLink: { href: `/learning/courses/${s.course_id}`, text: 'Back to the course' },
  };
}

/** "Add to calendar": one .ics file for each day of a live place. */
function calendarLinks(
  s: { id: string; status: string },
  parts: { id: string; day: string }[],
  booked: boolean,
): { href: string; text: string }[] {
  if (!booked || s.status === 'cancelled') return [];
  return parts.map((p, i) => ({
    href: `/learning/sessions/${s.id}/calendar/${p.id}`,
    text:
      parts.length > 1
        ? `Add day ${i + 1} (${formatDate(p.day)}) to your calendar`
        : `Add ${formatDate(p.day)} to your calendar`,
  }));
}

const CANCEL_TEXT: Partial<Record<BookingStatus, string>> = {
  booked: 'Cancel my place',
  waitlisted: 'Leave the waiting list',
  offered: 'Turn down the place',
};

/** The message after "Book a place": a place, a request for approval, or a place in the queue. */
export function bookedMessage(out: { status: 'booked' | 'requested' | 'waitlisted'; position?: number }) {
  if (out.status === 'booked') return 'You have a place. We have emailed you a calendar invite.';
  if (out.status === 'requested') return 'Your request has been sent to your manager for approval.';
  return `The session is full: you are number ${out.position} on the waiting list.`;
}

/** The message after a change to a booking. */
export function bookingChangeMessage(change: BookingChange, moved?: 'booked' | 'waitlisted'): string {
  switch (change) {
    case 'cancel':
      return 'Cancelled. If you had a place, it has gone to the next person waiting.';
    case 'claim':
      return 'The place is yours. We have emailed you a calendar invite.';
    case 'approve':
      return 'Approved: they have a place and have been told.';
    case 'decline':
      return 'Declined: they have been told.';
    case 'up':
      return 'Moved up the waiting list.';
    case 'down':
      return 'Moved down the waiting list.';
    case 'remove':
      return 'Removed from the waiting list.';
    case 'organiser-cancel':
      return 'The place has been cancelled and the person told.';
    case 'move':
      return moved === 'booked'
        ? 'Moved: they have a place on the other session.'
        : 'Moved: they are on the other session’s waiting list.';
  }
}

import type { FormErrors } from '../platform/http/forms.ts';
import {
  formatDateTime,
  formatDateTimeWithWeekday,
  formatDateWithWeekday,
  plural,
} from '../platform/views/format.ts';
import type { CancelOutcome } from './booking.service.ts';
import type { BookingChange, CancelCheck } from './booking-actions.service.ts';
import { clashSentences } from './booking-clash.rules.ts';
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
    // The course's page has the course's title: each of its sessions adds its first day.
    documentTitle: `${s.label ? `${s.title}: ${s.label}` : s.title}, session ${parts[0] ? `on ${formatDateWithWeekday(parts[0].day)}` : 'with dates to be confirmed'}`,
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
    bookText: bookButtonText(s, counts),
    // Told before booking; with anything to tell, the button leads to a page that asks to confirm.
    clashes: held ? [] : clashSentences(data.clashes),
    cancelHref: held ? `/learning/bookings/${held.id}/cancel` : null,
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
      text: `${formatDateTimeWithWeekday(o.starts_at)}${o.label ? ` (${o.label})` : ''}`,
    })),
    backLink: { href: `/learning/courses/${s.course_id}`, text: 'Back to the course' },
  };
}

/** Whether a new request joins the waiting list: no place free, or someone already waiting (nobody jumps the queue). */
export const joinsWaitingList = (capacity: number | null, counts: { taken: number; waiting: number }) =>
  capacity !== null && (counts.taken >= capacity || counts.waiting > 0);

/** What the booking button says: a full session's button joins its waiting list. */
export function bookButtonText(
  s: { capacity: number | null; needs_approval: number },
  counts: { taken: number; waiting: number },
) {
  if (joinsWaitingList(s.capacity, counts)) return 'Join the waiting list';
  return s.needs_approval ? 'Ask for a place' : 'Book a place';
}

/** The page that asks "are you sure?" before a booking the person should think twice about. */
export function presentBookConfirm(data: SessionPageData, now: string) {
  const view = presentSession(data, now);
  const waiting = joinsWaitingList(data.s.capacity, data.counts);
  return {
    ...view,
    title: `Check before you ${waiting ? 'join the waiting list' : data.s.needs_approval ? 'ask for a place' : 'book'}: ${view.title}`,
    confirmText: `Yes, ${view.bookText.charAt(0).toLowerCase()}${view.bookText.slice(1)}`,
    backLink: { href: `/learning/sessions/${data.s.id}`, text: 'Back to the session' },
  };
}

/** The "are you sure?" page before cancelling: what will happen, in words. */
export function presentCancelConfirm({ s, parts, booking }: CancelCheck, back: unknown) {
  const active = heldPlace(booking);
  const what: Partial<Record<BookingStatus, { title: string; lead: string; yes: string; no: string }>> = {
    booked: {
      title: 'Cancel your place?',
      lead: 'Your place will go to the next person on the waiting list, if anyone is waiting. We will send you a cancellation for your calendar.',
      yes: 'Yes, cancel my place',
      no: 'No, keep my place',
    },
    offered: {
      title: 'Turn down the place held for you?',
      lead: 'The place will be offered to the next person on the waiting list.',
      yes: 'Yes, turn down the place',
      no: 'No, go back',
    },
    waitlisted: {
      title: 'Leave the waiting list?',
      lead: `You are number ${booking.position} on the waiting list. If you leave it and want to come later, you will join it again at the end.`,
      yes: 'Yes, leave the waiting list',
      no: 'No, stay on the waiting list',
    },
    requested: {
      title: 'Withdraw your request for a place?',
      lead: 'Your manager will no longer be asked to approve it.',
      yes: 'Yes, withdraw my request',
      no: 'No, keep my request',
    },
  };
  const words = active ? what[active.status] : undefined;
  const sessionHref = `/learning/sessions/${s.id}`;
  return {
    title: words?.title ?? 'This place has already been cancelled',
    course: s.label ? `${s.title}: ${s.label}` : s.title,
    when: whenText(parts),
    lead: words?.lead ?? null,
    yes: words?.yes ?? null,
    no: { text: words?.no ?? 'Back to the session', href: back === 'mine' ? '/learning/mine' : sessionHref },
    action: `/learning/bookings/${booking.id}/cancel`,
    back: back === 'mine' ? 'mine' : null,
    backLink: { href: sessionHref, text: 'Back to the session' },
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
        ? `Add day ${i + 1} (${formatDateWithWeekday(p.day)}) to your calendar`
        : `Add ${formatDateWithWeekday(p.day)} to your calendar`,
  }));
}

const CANCEL_TEXT: Partial<Record<BookingStatus, string>> = {
  booked: 'Cancel my place',
  waitlisted: 'Leave the waiting list',
  offered: 'Turn down the place',
};

/**
 * The message after booking: a place, a request for approval, or a place in
 * the queue — which is news, not a success (`notice`), and says the position.
 */
export function bookedMessage(out: { status: 'booked' | 'requested' | 'waitlisted'; position?: number }) {
  if (out.status === 'booked')
    return { message: 'You have a place. We have emailed you a calendar invite.', notice: false };
  if (out.status === 'requested')
    return { message: 'Your request has been sent to your manager for approval.', notice: false };
  return {
    message: `You have joined the waiting list: you are number ${out.position}. You do not have a place yet; we will email you if one comes free.`,
    notice: true,
  };
}

/** The message after the person cancels: what actually happened, not what might have. */
export function cancelledMessage(out: CancelOutcome): string {
  const next = out.passedOn === 'given' ? 'given to' : 'offered to';
  switch (out.was) {
    case 'booked':
      return out.passedOn
        ? `Your place has been cancelled and ${next} the next person on the waiting list.`
        : 'Your place has been cancelled. We have emailed you a cancellation for your calendar.';
    case 'offered':
      return out.passedOn
        ? `You have turned down the place held for you. It has been ${next} the next person on the waiting list.`
        : 'You have turned down the place held for you.';
    case 'waitlisted':
      return 'You have left the waiting list.';
    case 'requested':
      return 'Your request for a place has been withdrawn.';
  }
}

/** The message after a change to a booking. */
export function bookingChangeMessage(change: BookingChange, moved?: 'booked' | 'waitlisted'): string {
  switch (change) {
    case 'cancel':
      return 'Cancelled.';
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

import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { londonWallClock } from './london-time.ts';

/**
 * Calendar invites (RFC 5545 / iTIP). Each dated part of a booked session is
 * its own event with a UID that never changes for that booking and part, so
 * an update or a cancellation replaces the entry already in the person's
 * calendar. SEQUENCE must grow on every change: we send the session's change
 * count plus the booking's, both of which only ever increase.
 */
export interface InvitePart {
  id: string;
  /** false when only the date is known: the invite is then an all-day entry. */
  timed?: boolean;
  startsAt: string;
  /** null: the end time is still to be confirmed; the invite then shows one hour, and says so. */
  endsAt: string | null;
}

export interface Invite {
  bookingId: string;
  sequence: number;
  method: 'REQUEST' | 'CANCEL';
  title: string;
  description: string;
  location: string;
  url?: string | null;
  organiser: { name: string; email: string };
  attendee: { name: string; email: string };
  parts: InvitePart[];
}

export const UID_DOMAIN = 'learning.practice-hub';
export const inviteUid = (bookingId: string, partId: string) => `${bookingId}-${partId}@${UID_DOMAIN}`;

// Outlook needs the time zone described in the file itself; London's rules since 1996.
const LONDON_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/London',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19700329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19701025T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

const HOUR = 3_600_000;
const oneHourAfter = (iso: string) => new Date(new Date(iso).getTime() + HOUR).toISOString();
// ical-generator writes a Date's local fields under TZID; a zone-less London wall-clock string makes that
// London time whatever zone this process runs in.
const wall = (iso: string) => londonWallClock(new Date(iso));
// RFC 5545 wants DTSTAMP in UTC; the library writes it in the calendar's zone, so we put it right.
const utcStamp = (ics: string, stamp: Date) =>
  ics.replace(
    /^DTSTAMP:.*$/gm,
    `DTSTAMP:${stamp
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '')}`,
  );

function calendar(method: ICalCalendarMethod | null, name: string) {
  return ical({
    name,
    prodId: { company: 'Practice and Learning Hub', product: 'Learning', language: 'EN' },
    method: method ?? undefined,
    timezone: { name: 'Europe/London', generator: () => LONDON_VTIMEZONE },
  });
}

/** One .ics per part: iTIP allows one UID per REQUEST/CANCEL message, which is what Outlook expects. */
export function buildInvites(invite: Invite, stamp: Date): { uid: string; ics: string }[] {
  return invite.parts.map((part, i) => {
    const cal = calendar(ICalCalendarMethod[invite.method], invite.title);
    const uid = inviteUid(invite.bookingId, part.id);
    const title =
      invite.parts.length > 1 ? `${invite.title} (day ${i + 1} of ${invite.parts.length})` : invite.title;
    cal.createEvent({
      id: uid,
      timezone: 'Europe/London',
      sequence: invite.sequence,
      ...(part.timed === false
        ? { allDay: true, start: part.startsAt.slice(0, 10), end: undefined }
        : { start: wall(part.startsAt), end: wall(part.endsAt ?? oneHourAfter(part.startsAt)) }),
      summary: invite.method === 'CANCEL' ? `Cancelled: ${title}` : title,
      description: part.endsAt
        ? invite.description
        : `${invite.description}\n\nThe end time is to be confirmed.`,
      location: invite.location || undefined,
      url: invite.url ?? undefined,
      status: invite.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      organizer: invite.organiser,
      attendees: [{ name: invite.attendee.name, email: invite.attendee.email, rsvp: false }],
    });
    return { uid, ics: utcStamp(cal.toString(), stamp) };
  });
}

export interface FeedEvent {
  uid: string;
  sequence: number;
  title: string;
  startsAt: string;
  endsAt: string | null;
  location: string;
  cancelled: boolean;
}

/** A person's subscription feed: no METHOD (it is published, not an invitation). */
export function buildFeed(name: string, events: readonly FeedEvent[], stamp: Date): string {
  const cal = calendar(null, name);
  for (const e of events) {
    cal.createEvent({
      id: e.uid,
      timezone: 'Europe/London',
      sequence: e.sequence,
      start: wall(e.startsAt),
      end: wall(e.endsAt ?? oneHourAfter(e.startsAt)),
      summary: e.cancelled ? `Cancelled: ${e.title}` : e.title,
      location: e.location || undefined,
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return utcStamp(cal.toString(), stamp);
}

import ical, { escape as escapeText, foldLines, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
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
const CRLF = '\r\n';

/**
 * Control characters other than the tab are not allowed in a TEXT value
 * (RFC 5545 §3.3.11); CR and LF are kept, because escape() turns them into \n.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const printable = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');

/** A calendar property with a TEXT value, escaped (§3.3.11) and folded at 75 octets (§3.1). */
export const textProperty = (name: string, value: string) =>
  foldLines(`${name}:${escapeText(printable(value), false)}`);

/**
 * The finished file, to the letter of RFC 5545: DTSTAMP in UTC; the
 * calendar's name written by us, escaped (ical-generator writes NAME and
 * X-WR-CALNAME unescaped, so a title with a line break would add properties);
 * no TIMEZONE-ID (not a property of any RFC, and not X-); CRLF after every
 * line, the last included.
 */
function finish(ics: string, name: string, stamp: Date): string {
  const dtstamp = `DTSTAMP:${stamp
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')}`;
  const named = [textProperty('NAME', name), textProperty('X-WR-CALNAME', name)].join(CRLF);
  const out = ics
    .replace(/^DTSTAMP:[^\r\n]*/gm, dtstamp)
    .replace(/^TIMEZONE-ID:[^\r\n]*\r\n/m, '')
    .replace(/^(PRODID:[^\r\n]*\r\n(?:METHOD:[^\r\n]*\r\n)?)/m, `$1${named}${CRLF}`);
  return out.endsWith(CRLF) ? out : `${out}${CRLF}`;
}

function calendar(method: ICalCalendarMethod | null) {
  return ical({
    prodId: { company: 'Practice and Learning Hub', product: 'Learning', language: 'EN' },
    method: method ?? undefined,
    timezone: { name: 'Europe/London', generator: () => LONDON_VTIMEZONE },
  });
}

/** When a part happens, as ical-generator takes it: a whole day when only the date is known. */
function timing(part: { day: string; timed: boolean; startsAt: string; endsAt: string | null }) {
  if (!part.timed) return { allDay: true, start: part.day, end: undefined };
  return { start: wall(part.startsAt), end: wall(part.endsAt ?? oneHourAfter(part.startsAt)) };
}

/**
 * One .ics per part: an iTIP REQUEST or CANCEL (RFC 5546) is about one
 * calendar entry, one UID, and Outlook acts only on the first event of an
 * invitation, so each day of a booking goes as its own invitation (in its own
 * message: see notify.ts and docs/architecture.md).
 */
export function buildInvites(invite: Invite, stamp: Date): { uid: string; ics: string }[] {
  return invite.parts.map((part, i) => {
    const cal = calendar(ICalCalendarMethod[invite.method]);
    const uid = inviteUid(invite.bookingId, part.id);
    const title = printable(
      invite.parts.length > 1 ? `${invite.title} (day ${i + 1} of ${invite.parts.length})` : invite.title,
    );
    cal.createEvent({
      id: uid,
      timezone: 'Europe/London',
      sequence: invite.sequence,
      ...timing({ ...part, timed: part.timed !== false, day: part.startsAt.slice(0, 10) }),
      summary: invite.method === 'CANCEL' ? `Cancelled: ${title}` : title,
      description: printable(
        part.endsAt || part.timed === false
          ? invite.description
          : `${invite.description}\n\nThe end time is to be confirmed.`,
      ),
      location: printable(invite.location) || undefined,
      url: invite.url ?? undefined,
      status: invite.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      organizer: invite.organiser,
      attendees: [{ name: invite.attendee.name, email: invite.attendee.email, rsvp: false }],
    });
    return { uid, ics: finish(cal.toString(), invite.title, stamp) };
  });
}

export interface FeedEvent {
  uid: string;
  sequence: number;
  title: string;
  /** The London date of the day. */
  day: string;
  /** false when only the date is known: an all-day entry, as in the invite. */
  timed: boolean;
  startsAt: string;
  endsAt: string | null;
  location: string;
  description?: string;
}

/**
 * A published calendar (no METHOD): a person's subscription feed, or the
 * "Add to calendar" file of one day. Only live places are in it: a calendar
 * app replaces a subscribed calendar with each read, so a day that is left
 * out is taken off (see feed.presenter.ts for why cancelled days are not kept).
 */
export function buildFeed(name: string, events: readonly FeedEvent[], stamp: Date): string {
  const cal = calendar(null);
  for (const e of events) {
    cal.createEvent({
      id: e.uid,
      timezone: 'Europe/London',
      sequence: e.sequence,
      ...timing(e),
      summary: printable(e.title),
      description: e.description ? printable(e.description) : undefined,
      location: printable(e.location) || undefined,
      status: ICalEventStatus.CONFIRMED,
    });
  }
  return finish(cal.toString(), name, stamp);
}

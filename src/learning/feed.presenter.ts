import type { FeedDay } from './feed.repo.ts';
import { buildFeed, type FeedEvent, inviteUid } from './ics.ts';

/**
 * A day of a live place as a calendar event: the same UID and SEQUENCE as
 * its emailed invite, so a calendar app that has both keeps one entry; a day
 * with no times is an all-day entry, as in the invite.
 */
const eventOf = (r: FeedDay): FeedEvent => ({
  uid: inviteUid(r.id, r.part_id),
  sequence: r.sseq + r.bseq,
  title: r.title,
  day: r.day,
  timed: r.start_time !== null,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  location: r.online_link ? 'Online' : r.venue,
});

/**
 * The person's calendar (RFC 5545): exactly one event per booked day. Only
 * live places are in it. A calendar app replaces a subscribed calendar with
 * what each read returns, so a cancelled place that is left out is taken off
 * the person's calendar; keeping it as a STATUS:CANCELLED event instead left
 * a "Cancelled: …" entry beside the live one after a cancel and rebook (two
 * bookings, two UIDs), which Outlook shows as two events on the day.
 */
export function presentFeed(days: FeedDay[], now: Date): string {
  return buildFeed('My learning', days.map(eventOf), now);
}

/** The "Add to calendar" file of one booked day, and its file name. */
export function presentDayFile(day: FeedDay, dayNumber: number, now: Date) {
  const slug = day.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return {
    filename: `${slug || 'session'}-${day.day}${dayNumber > 0 ? `-day-${dayNumber}` : ''}.ics`,
    ics: buildFeed(day.title, [eventOf(day)], now),
  };
}

export const feedLinkMessage = (url: string) =>
  `Your calendar link is ${url} — copy it into your calendar app now; it is shown only once.`;

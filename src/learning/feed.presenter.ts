import type { FeedDay } from './feed.repo.ts';
import { buildFeed, inviteUid } from './ics.ts';

/**
 * The person's calendar (RFC 5545): one event per day of each place, with the
 * same UID and a rising sequence as the emailed invites, so a calendar app
 * updates one event; cancelled places and sessions stay in, marked cancelled.
 */
export function presentFeed(days: FeedDay[], now: Date): string {
  return buildFeed(
    'My learning',
    days.map((r) => ({
      uid: inviteUid(r.id, r.part_id),
      sequence: r.sseq + r.bseq,
      title: r.title,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      location: r.online_link ? 'Online' : r.venue,
      cancelled: r.status === 'cancelled' || r.sstatus === 'cancelled',
    })),
    now,
  );
}

export const feedLinkMessage = (url: string) =>
  `Your calendar link is ${url} — copy it into your calendar app now; it is shown only once.`;

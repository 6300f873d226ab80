import type { DbOrTrx } from '../platform/db/db.ts';
import { composeMessage, mailLayout } from '../platform/mail/message.ts';
import { enqueueMail, type MailAttachment } from '../platform/mail/outbox.ts';
import type { Services } from '../platform/services.ts';
import { bookingForMessage, courseOfSession, partsOf, staffContact } from './booking.repo.ts';
import { whenText } from './catalogue.presenter.ts';
import { buildInvites } from './ics.ts';
import { type PlaceMessage, placeMailWording } from './place-mail.presenter.ts';
import { type PlaceMessageFacts, placeMessage } from './place-message.presenter.ts';

/**
 * The messages about a place, queued in the transaction that changes it: a
 * message exists only if the change commits, and waits in the outbox when
 * the mail server is down.
 */
export type { PlaceMessage } from './place-mail.presenter.ts';

/** Facts a caller may already have, so the message costs no extra queries inside the lock. */
export interface Known {
  booking: {
    id: string;
    staff_id: string;
    session_id: string;
    bseq: number;
    sseq: number;
    venue: string;
    online_link: string | null;
  };
  course: Awaited<ReturnType<typeof courseOfSession>>;
  parts: Awaited<ReturnType<typeof partsOf>>;
  person: Awaited<ReturnType<typeof staffContact>>;
}

export const ORGANISER = { name: 'Learning and Development', email: 'learning@calderbrook.example' };

/** What sending a message needs: the clock, and config for the mail layout (BASE_URL, brand colour). */
export type MailCtx = Pick<Services, 'clock' | 'config'>;

export async function notifyPlace(
  trx: DbOrTrx,
  ctx: MailCtx,
  kind: PlaceMessage,
  bookingId: string,
  extra: { offerExpiresAt?: string | null; position?: number; noInvite?: boolean } = {},
  known: Partial<Known> = {},
) {
  const { clock } = ctx;
  const booking = known.booking ?? (await bookingForMessage(trx, bookingId));
  // What the caller already holds is not read again: a booking keeps the session locked meanwhile.
  const course = known.course ?? (await courseOfSession(trx, booking.session_id));
  const parts = known.parts ?? (await partsOf(trx, booking.session_id));
  const person = known.person ?? (await staffContact(trx, booking.staff_id));
  const where = booking.online_link ? 'Online' : booking.venue || 'Venue to be confirmed';
  const worded = placeMailWording(kind, course.title, extra);
  const invite = extra.noInvite ? undefined : worded.invite;
  const facts: PlaceMessageFacts = {
    kind,
    worded,
    person,
    course,
    when: parts.length ? whenText(parts) : 'Date to be confirmed',
    where,
    onlineLink: booking.online_link,
    sessionPath: `/learning/sessions/${booking.session_id}`,
    signOff: ORGANISER.name,
  };
  const layout = mailLayout(ctx.config);
  if (!invite || !parts.length) {
    await enqueueMail(trx, clock, await composeMessage(placeMessage(facts), layout));
    return;
  }
  const invites = buildInvites(
    {
      bookingId: booking.id,
      sequence: booking.sseq + booking.bseq,
      method: invite,
      title: course.title,
      description: course.summary,
      location: booking.online_link ? `Online: ${booking.online_link}` : where,
      url: booking.online_link,
      organiser: ORGANISER,
      attendee: { name: person.name, email: person.email },
      parts: parts.map((p) => ({
        id: p.id,
        timed: p.start_time !== null,
        startsAt: p.start_time === null ? p.day : p.starts_at,
        endsAt: p.ends_at,
      })),
    },
    clock.now(),
  );
  // One message per day, each carrying that day's invitation as its text/calendar part: an iTIP
  // REQUEST or CANCEL is about one UID, and Outlook acts on one event per invitation (docs/architecture.md).
  for (const [i, x] of invites.entries()) {
    const day =
      parts.length > 1 ? { number: i + 1, of: parts.length, date: whenText([parts[i]!]) } : undefined;
    const message = await composeMessage(placeMessage({ ...facts, day }), layout);
    const attachment: MailAttachment = {
      filename: day ? `invite-day-${day.number}.ics` : 'invite.ics',
      content: x.ics,
      contentType: `text/calendar; charset=utf-8; method=${invite}`,
      method: invite,
    };
    await enqueueMail(trx, clock, { ...message, attachments: [attachment] });
  }
}

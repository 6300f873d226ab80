import type { Clock } from '../platform/clock.ts';
import type { DbOrTrx } from '../platform/db/db.ts';
import { enqueueMail, type MailAttachment } from '../platform/mail/outbox.ts';
import { bookingForMessage, courseOfSession, partsOf, staffContact } from './booking.repo.ts';
import { whenText } from './catalogue.presenter.ts';
import { buildInvites } from './ics.ts';
import { type PlaceMessage, placeMailWording } from './place-mail.presenter.ts';

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

export async function notifyPlace(
  trx: DbOrTrx,
  clock: Clock,
  kind: PlaceMessage,
  bookingId: string,
  extra: { offerExpiresAt?: string | null; position?: number; noInvite?: boolean } = {},
  known: Partial<Known> = {},
) {
  const booking = known.booking ?? (await bookingForMessage(trx, bookingId));
  // What the caller already holds is not read again: a booking keeps the session locked meanwhile.
  const course = known.course ?? (await courseOfSession(trx, booking.session_id));
  const parts = known.parts ?? (await partsOf(trx, booking.session_id));
  const person = known.person ?? (await staffContact(trx, booking.staff_id));
  const when = parts.length ? [whenText(parts)] : ['Date to be confirmed'];
  const where = booking.online_link
    ? `Online: ${booking.online_link}`
    : booking.venue || 'Venue to be confirmed';
  const link = `/learning/sessions/${booking.session_id}`;
  const worded = placeMailWording(kind, course.title, extra);
  const { subject, lead } = worded;
  const invite = extra.noInvite ? undefined : worded.invite;
  const lines = [`Dear ${person.name},`, '', lead, '', `When: ${when.join('; ')}`, `Where: ${where}`];
  if (course.provider_kind === 'external' && course.provider_link && invite === 'REQUEST')
    lines.push(
      '',
      `You must also register with ${course.provider_name}: ${course.provider_link}`,
      course.provider_instructions,
    );
  lines.push('', `See your place: ${link}`, '', ORGANISER.name);
  let attachments: MailAttachment[] | undefined;
  if (invite && parts.length) {
    attachments = buildInvites(
      {
        bookingId: booking.id,
        sequence: booking.sseq + booking.bseq,
        method: invite,
        title: course.title,
        description: course.summary,
        location: where,
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
    ).map((x, i) => ({
      filename: parts.length > 1 ? `invite-day-${i + 1}.ics` : 'invite.ics',
      content: x.ics,
      contentType: `text/calendar; charset=utf-8; method=${invite}`,
      method: invite,
    }));
  }
  await enqueueMail(trx, clock, { to: person.email, subject, text: lines.join('\n'), attachments });
}

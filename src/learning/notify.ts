import type { Clock } from '../platform/clock.ts';
import type { DbOrTrx } from '../platform/db/db.ts';
import { enqueueMail, type MailAttachment } from '../platform/mail/outbox.ts';
import { formatDateTime } from '../platform/views/format.ts';
import { courseOfSession, partsOf, staffContact } from './booking.repo.ts';
import { whenText } from './catalogue.presenter.ts';
import { buildInvites } from './ics.ts';

/**
 * The messages about a place, queued in the transaction that changes it: a
 * message exists only if the change commits, and waits in the outbox when
 * the mail server is down.
 */
export type PlaceMessage =
  | 'booked'
  | 'requested'
  | 'waitlisted'
  | 'promoted'
  | 'offered'
  | 'approved'
  | 'declined'
  | 'cancelled'
  | 'session-changed'
  | 'session-cancelled'
  | 'reminder'
  | 'evaluation';

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
  const booking =
    known.booking ??
    (await trx
      .selectFrom('lrn_bookings')
      .innerJoin('lrn_sessions', 'lrn_sessions.id', 'lrn_bookings.session_id')
      .select([
        'lrn_bookings.id',
        'lrn_bookings.staff_id',
        'lrn_bookings.session_id',
        'lrn_bookings.sequence as bseq',
        'lrn_sessions.sequence as sseq',
        'lrn_sessions.venue',
        'lrn_sessions.online_link',
      ])
      .where('lrn_bookings.id', '=', bookingId)
      .executeTakeFirstOrThrow());
  // What the caller already holds is not read again: a booking keeps the session locked meanwhile.
  const course = known.course ?? (await courseOfSession(trx, booking.session_id));
  const parts = known.parts ?? (await partsOf(trx, booking.session_id));
  const person = known.person ?? (await staffContact(trx, booking.staff_id));
  const when = parts.length ? [whenText(parts)] : ['Date to be confirmed'];
  const where = booking.online_link
    ? `Online: ${booking.online_link}`
    : booking.venue || 'Venue to be confirmed';
  const link = `/learning/sessions/${booking.session_id}`;
  const worded = wording(kind, course.title, extra);
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

function wording(
  kind: PlaceMessage,
  title: string,
  extra: { offerExpiresAt?: string | null; position?: number },
): { subject: string; lead: string; invite?: 'REQUEST' | 'CANCEL' } {
  switch (kind) {
    case 'booked':
      return { subject: `Booked: ${title}`, lead: `You have a place on ${title}.`, invite: 'REQUEST' };
    case 'approved':
      return {
        subject: `Approved: ${title}`,
        lead: `Your request was approved: you have a place on ${title}.`,
        invite: 'REQUEST',
      };
    case 'promoted':
      return {
        subject: `A place for you: ${title}`,
        lead: `A place came free on ${title} and it is now yours.`,
        invite: 'REQUEST',
      };
    case 'requested':
      return { subject: `Requested: ${title}`, lead: `Your request for ${title} is waiting for approval.` };
    case 'declined':
      return {
        subject: `Not approved: ${title}`,
        lead: `Your request for a place on ${title} was not approved.`,
      };
    case 'waitlisted':
      return {
        subject: `Waiting list: ${title}`,
        lead: `${title} is full. You are number ${extra.position ?? '?'} on the waiting list; we will email you if a place comes free.`,
      };
    case 'offered':
      return {
        subject: `A place is held for you: ${title}`,
        lead: `A place came free on ${title}. It is held for you until ${formatDateTime(extra.offerExpiresAt)}; claim it from the link below or it passes to the next person.`,
      };
    case 'cancelled':
      return {
        subject: `Cancelled: ${title}`,
        lead: `Your place on ${title} has been cancelled.`,
        invite: 'CANCEL',
      };
    case 'session-changed':
      return {
        subject: `Changed: ${title}`,
        lead: `The time of ${title} has changed. The new details are below.`,
        invite: 'REQUEST',
      };
    case 'session-cancelled':
      return {
        subject: `Session cancelled: ${title}`,
        lead: `We are sorry: the session of ${title} you were booked on has been cancelled.`,
        invite: 'CANCEL',
      };
    case 'reminder':
      return { subject: `Reminder: ${title}`, lead: `A reminder that you have a place on ${title}.` };
    case 'evaluation':
      return {
        subject: `How was ${title}?`,
        lead: `Please tell us what you thought of ${title}. Your answers change how we run it: open the session page below and choose "Evaluate".`,
      };
  }
}

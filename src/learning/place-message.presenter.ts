import type { MessageBlock, MessageContent } from '../platform/mail/message-types.ts';
import type { PlaceMessage } from './place-mail.presenter.ts';

/** What a message about a place says, from facts the caller has read. */
export interface PlaceMessageFacts {
  kind: PlaceMessage;
  worded: { subject: string; lead: string; invite?: 'REQUEST' | 'CANCEL' };
  person: { name: string; email: string };
  course: {
    title: string;
    provider_kind: string;
    provider_name: string;
    provider_link: string | null;
    provider_instructions: string;
  };
  when: string;
  where: string;
  onlineLink: string | null;
  sessionPath: string;
  signOff: string;
  /** Set when this message carries the invitation of one day of several. */
  day?: { number: number; of: number; date: string };
}

/** A link a person can follow from their mail: http(s) only, and only if it is a URL at all. */
const followable = (href: string | null): href is string =>
  !!href && /^https?:\/\//i.test(href) && URL.canParse(href);

const BUTTON: Partial<Record<PlaceMessage, string>> = {
  offered: 'Claim your place',
  evaluation: 'Evaluate the session',
  requested: 'See your request',
  waitlisted: 'See the session',
  declined: 'See the session',
};

/**
 * The message about a place, as blocks for composeMessage (one template for
 * the HTML and plain-text parts). A booking of several days sends one message
 * per day, each carrying that day's invitation: see notify.ts.
 */
export function placeMessage(f: PlaceMessageFacts): MessageContent {
  const blocks: MessageBlock[] = [
    { type: 'heading', text: f.worded.subject },
    { type: 'paragraph', text: `Dear ${f.person.name},` },
    { type: 'paragraph', text: f.worded.lead },
    {
      type: 'details',
      rows: [
        { label: 'When', value: f.when },
        { label: 'Where', value: f.where },
      ],
    },
  ];
  if (followable(f.onlineLink) && f.worded.invite !== 'CANCEL')
    blocks.push({ type: 'link', text: 'Join online', href: f.onlineLink });
  const c = f.course;
  if (c.provider_kind === 'external' && c.provider_link && f.worded.invite === 'REQUEST') {
    blocks.push({ type: 'paragraph', text: `You must also register with ${c.provider_name}.` });
    if (followable(c.provider_link))
      blocks.push({ type: 'link', text: `Register with ${c.provider_name}`, href: c.provider_link });
    else blocks.push({ type: 'paragraph', text: c.provider_link });
    if (c.provider_instructions.trim()) blocks.push({ type: 'paragraph', text: c.provider_instructions });
  }
  if (f.day)
    blocks.push({
      type: 'paragraph',
      text: `This email carries the calendar ${f.worded.invite === 'CANCEL' ? 'cancellation' : 'invitation'} for day ${f.day.number} of ${f.day.of} (${f.day.date}). Each day comes in its own email, so that your calendar can take each one.`,
    });
  blocks.push({ type: 'button', text: BUTTON[f.kind] ?? 'See your place', href: f.sessionPath });
  return {
    to: f.person.email,
    subject: f.day ? `${f.worded.subject} (day ${f.day.number} of ${f.day.of})` : f.worded.subject,
    preheader: f.when,
    blocks,
    signOff: f.signOff,
  };
}

/** To someone who registered interest in a course: it has a dated session now. */
export function datesAddedMessage(
  person: { name: string; email: string },
  course: { title: string },
  sessionPath: string,
  when: string,
  signOff: string,
): MessageContent {
  return {
    to: person.email,
    subject: `Dates added: ${course.title}`,
    preheader: when,
    blocks: [
      { type: 'heading', text: `${course.title} has dates` },
      { type: 'paragraph', text: `Dear ${person.name},` },
      { type: 'paragraph', text: `You asked to hear when ${course.title} has dates. It now has a session.` },
      { type: 'details', rows: [{ label: 'When', value: when }] },
      { type: 'button', text: 'Book a place', href: sessionPath },
    ],
    signOff,
  };
}

import type { Config } from '../../config.ts';
import { renderHtml } from './layout.ts';
import { absoluteUrl } from './links.ts';
import { checkMessage, type MailAttachment, type MailMessage } from './outbox.ts';

/**
 * What a message says, as blocks: each template (one function per message,
 * in the feature that sends it) returns these, and composeMessage writes both
 * the HTML part and the plain-text part from them in the one shared layout.
 * Text is plain text (never HTML); links may be paths ("/learning/…"), which
 * become absolute URLs from BASE_URL.
 */
export type MessageBlock =
  /** The first heading is the message's h1, later ones are h2. */
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  /** The one thing to do: a bulletproof (table-based) button; in text, "Label: URL". */
  | { type: 'button'; text: string; href: string }
  /** A link on its own line; in text, "Label: URL". */
  | { type: 'link'; text: string; href: string }
  /** Bullets; an item with an href is a link (in text, "- Label: URL"). */
  | { type: 'list'; items: ListItem[] }
  /** Label and value pairs (date, place, trainer …): a small table with row headers. */
  | { type: 'details'; rows: { label: string; value: string }[] };

export type ListItem = string | { text: string; href: string };

export interface MessageContent {
  to: string;
  subject: string;
  /** The line inboxes show after the subject; hidden in the message itself. */
  preheader?: string;
  blocks: MessageBlock[];
  /** Closing lines, e.g. ["Learning and Development team"]. */
  signOff?: string | string[];
  attachments?: MailAttachment[];
}

/** The layout's settings, from config: see mailLayout. */
export interface MailLayout {
  baseUrl: string;
  orgName: string;
  serviceName: string;
  /** #rrggbb: the header band and buttons; text on it is white or black, whichever contrasts more. */
  brandColour: string;
  /** The html element's lang; en-GB unless said. */
  lang?: string;
}

export const mailLayout = (config: Config): MailLayout => ({
  baseUrl: config.baseUrl,
  orgName: config.orgName,
  serviceName: config.serviceName,
  brandColour: config.brandColour,
});

/** Blocks with every link made absolute: what both parts are written from. */
export type ResolvedContent = Omit<MessageContent, 'signOff'> & { signOff: string[]; homeUrl: string };

export function resolveContent(content: MessageContent, layout: MailLayout): ResolvedContent {
  const link = (href: string) => absoluteUrl(layout.baseUrl, href);
  return {
    ...content,
    blocks: content.blocks.map((b) => {
      if (b.type === 'button' || b.type === 'link') return { ...b, href: link(b.href) };
      if (b.type === 'list') {
        return {
          ...b,
          items: b.items.map((i) => (typeof i === 'string' ? i : { ...i, href: link(i.href) })),
        };
      }
      return b;
    }),
    signOff: content.signOff === undefined ? [] : [content.signOff].flat(),
    homeUrl: link('/'),
  };
}

function blockText(b: MessageBlock): string {
  switch (b.type) {
    case 'heading':
    case 'paragraph':
      return b.text;
    case 'button':
    case 'link':
      return `${b.text}: ${b.href}`;
    case 'list':
      return b.items.map((i) => (typeof i === 'string' ? `- ${i}` : `- ${i.text}: ${i.href}`)).join('\n');
    case 'details':
      return b.rows.map((r) => `${r.label}: ${r.value}`).join('\n');
  }
}

/** The plain-text part: the same blocks, in the same order, links written out. */
export function renderText(c: ResolvedContent, layout: MailLayout): string {
  const parts = c.blocks.map(blockText);
  if (c.signOff.length) parts.push(c.signOff.join('\n'));
  // "-- " (with the space) is the signature separator mail programs recognise.
  parts.push(`-- \n${layout.serviceName}, ${layout.orgName}\n${c.homeUrl}`);
  return `${parts.join('\n\n')}\n`;
}

/**
 * A message in the shared layout: the subject, the plain-text part and the
 * HTML part (MJML, compiled once per shape of message and cached; see
 * layout.ts), ready for enqueueMail. Throws InvalidMailError for a link that
 * cannot be made absolute or an address that cannot be sent to.
 */
export async function composeMessage(content: MessageContent, layout: MailLayout): Promise<MailMessage> {
  const resolved = resolveContent(content, layout);
  const message = checkMessage({
    to: content.to,
    subject: content.subject,
    text: renderText(resolved, layout),
    html: await renderHtml(resolved, layout),
    attachments: content.attachments,
  });
  return message;
}

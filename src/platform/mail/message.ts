import type { Config } from '../../config.ts';
import { renderHtml } from './layout.ts';
import { absoluteUrl } from './links.ts';
import type { MailLayout, MessageBlock, MessageContent, ResolvedContent } from './message-types.ts';
import { checkMessage, type MailMessage } from './outbox.ts';

export const mailLayout = (config: Config): MailLayout => ({
  baseUrl: config.baseUrl,
  orgName: config.orgName,
  serviceName: config.serviceName,
  brandColour: config.brandColour,
});

export function resolveContent(content: MessageContent, layout: MailLayout): ResolvedContent {
  const link = (href: string) => absoluteUrl(layout.baseUrl, href);
  return {
    ...content,
    blocks: content.blocks.map((b) => {
      if (b.type === 'button' || b.type === 'link') return { ...b, href: link(b.href) };
      if (b.type === 'image') return { ...b, src: link(b.src) };
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
    case 'image':
      return b.caption ? `[Image: ${b.alt}]\n${b.caption}` : `[Image: ${b.alt}]`;
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

export type { ListItem, MailLayout, MessageBlock, MessageContent, ResolvedContent } from './message-types.ts';

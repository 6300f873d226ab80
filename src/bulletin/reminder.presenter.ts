import type { MessageContent } from '../platform/mail/message.ts';

/** A manager's reminder to one person to read a must-read article and say so. */
export const mustReadReminder = (
  to: { email: string; name: string },
  article: string,
  edition: string,
  editionId: string,
  manager: string,
): MessageContent => ({
  to: to.email,
  subject: `Please read “${article}” in the ${edition}`,
  blocks: [
    { type: 'heading', text: `Please read “${article}”` },
    {
      type: 'paragraph',
      text: `${manager} has asked everyone in the team to read this article in the ${edition} and confirm they have read it.`,
    },
    { type: 'button', text: 'Read it on the Hub', href: `/bulletin/${editionId}` },
  ],
  signOff: 'Practice and Learning Bulletin',
});

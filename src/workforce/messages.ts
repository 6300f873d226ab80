import type { MessageContent } from '../platform/mail/message.ts';
import { formatDate } from '../platform/views/format.ts';

/** The self-service link: why, what it asks, how long it works. */
export function selfServiceMessage(m: {
  to: string;
  firstName: string;
  path: string;
  expires: string;
  days: number;
}): MessageContent {
  return {
    to: m.to,
    subject: 'Before you go: tell us about working here',
    preheader: 'A short questionnaire about why you are leaving, in your own time',
    blocks: [
      { type: 'heading', text: 'Tell us why you are leaving' },
      {
        type: 'paragraph',
        text: `Hello ${m.firstName}. Before you leave, we would value your view of working here: why you are going, how supervision, caseloads and training were, and what would have made you stay.`,
      },
      {
        type: 'paragraph',
        text: 'Only the Principal Social Worker and the people she asks to help read individual answers. Anything shared more widely is grouped, with small groups hidden, and your words are quoted only if you agree.',
      },
      { type: 'button', text: 'Answer the questionnaire', href: m.path },
      {
        type: 'paragraph',
        text: `The link works once, for ${m.days} days (until ${formatDate(m.expires.slice(0, 10))}), and you do not need to sign in.`,
      },
    ],
    signOff: ['Principal Social Worker'],
  };
}

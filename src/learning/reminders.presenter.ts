import type { MessageContent } from '../platform/mail/message-types.ts';
import { formatDate } from '../platform/views/format.ts';
import type { ModuleStanding } from './elearning.rules.ts';
import { ORGANISER } from './notify.ts';

/** The monthly reminder of mandatory e-learning not done, run out or running out. */
export function elearningReminderMail(
  person: { name: string; email: string },
  module: string,
  standing: Exclude<ModuleStanding, { kind: 'current' }>,
): MessageContent {
  const what =
    standing.kind === 'never'
      ? `you have not yet recorded completing ${module}`
      : standing.kind === 'expired'
        ? `your ${module} completion ran out on ${formatDate(standing.since)}`
        : `your ${module} completion runs out on ${formatDate(standing.until)}`;
  return {
    to: person.email,
    subject: `Mandatory e-learning: ${module}`,
    preheader: `Our records show ${what}.`,
    blocks: [
      { type: 'heading', text: `Mandatory e-learning: ${module}` },
      { type: 'paragraph', text: `Dear ${person.name},` },
      {
        type: 'paragraph',
        text: `Our records show ${what}. It is part of the mandatory training for everyone in children's social care.`,
      },
      { type: 'paragraph', text: 'Complete it in the e-learning system, then record the date you finished.' },
      { type: 'button', text: 'Record your completion', href: '/learning/elearning' },
    ],
    signOff: ORGANISER.name,
  };
}

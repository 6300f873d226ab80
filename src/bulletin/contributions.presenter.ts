import type { MessageContent } from '../platform/mail/message.ts';
import type { ContributionState } from './schema.ts';

export const STATE_WORDS: Record<ContributionState, { text: string; colour: string }> = {
  submitted: { text: 'Waiting for the editor', colour: 'govuk-tag--blue' },
  accepted: { text: 'Accepted into an edition', colour: 'govuk-tag--green' },
  'changes-asked': { text: 'Changes asked for', colour: 'govuk-tag--yellow' },
  declined: { text: 'Not used', colour: 'govuk-tag--grey' },
};

/** The email a contributor gets at each step: what happened and what they can do. */
export function contributionMail(
  to: string,
  title: string,
  step: 'submitted' | 'accepted' | 'changes-asked' | 'declined',
  detail: string,
): MessageContent {
  const what = {
    submitted: 'We have your contribution. An editor of the bulletin will look at it.',
    accepted: `Your contribution will be in the ${detail}. Thank you.`,
    'changes-asked': `The editor has asked for some changes: ${detail}`,
    declined: `The editor will not use your contribution this time: ${detail}`,
  }[step];
  return {
    to,
    subject: `Your bulletin contribution “${title}”`,
    blocks: [
      { type: 'heading', text: `Your contribution “${title}”` },
      { type: 'paragraph', text: what },
      { type: 'button', text: 'See your contributions', href: '/bulletin/contribute' },
    ],
    signOff: 'Practice and Learning Bulletin',
  };
}

import type { MessageContent } from '../platform/mail/message-types.ts';
import { formatDate } from '../platform/views/format.ts';

/**
 * The daily reminder to the person who looks after overdue complaint stages.
 * References and links only: no child's or complainant's name goes by email.
 */
export function overdueMessage(
  person: { name: string; email: string },
  complaints: { id: string; reference: string; stage: number | string; due_on: string | null }[],
): MessageContent {
  const n = complaints.length;
  return {
    to: person.email,
    subject: `${n === 1 ? 'A complaint is' : `${n} complaints are`} past the statutory timescale`,
    preheader: 'Behind each one is a child or family waiting for an answer.',
    blocks: [
      { type: 'heading', text: n === 1 ? 'A complaint is overdue' : `${n} complaints are overdue` },
      { type: 'paragraph', text: `Hello ${person.name.split(' ')[0]},` },
      {
        type: 'paragraph',
        text: 'These complaints you look after are overdue. Behind each one is a child or family waiting for an answer:',
      },
      {
        type: 'list',
        items: complaints.map((c) => ({
          text: `${c.reference}, Stage ${c.stage}: was due on ${formatDate(c.due_on)}`,
          href: `/complaints/${c.id}`,
        })),
      },
      {
        type: 'paragraph',
        text: 'If more time is needed, record an extension and its reason on the complaint.',
      },
    ],
  };
}

import type { MessageContent } from '../mail/message-types.ts';

/**
 * The two messages that carry a one-time link to set a password: an
 * invitation (7 days) and a reset (1 hour). Pure: the link is a path, made
 * absolute from BASE_URL by composeMessage.
 */
export function passwordLinkMessage(
  purpose: 'invite' | 'reset',
  p: { name: string; email: string; path: string; serviceName: string },
): MessageContent {
  const first = p.name.split(' ')[0];
  if (purpose === 'invite')
    return {
      to: p.email,
      subject: `Your access to the ${p.serviceName}`,
      preheader: 'Choose your password: the link works once, for 7 days.',
      blocks: [
        { type: 'heading', text: 'Choose your password' },
        { type: 'paragraph', text: `Hello ${first},` },
        { type: 'paragraph', text: `You have been given access to the ${p.serviceName}.` },
        { type: 'button', text: 'Choose your password', href: p.path },
        { type: 'paragraph', text: 'The link works once, for 7 days.' },
        { type: 'details', rows: [{ label: 'Your sign-in name', value: p.email }] },
      ],
    };
  return {
    to: p.email,
    subject: `Reset your ${p.serviceName} password`,
    preheader: 'The link works once, for 1 hour.',
    blocks: [
      { type: 'heading', text: 'Reset your password' },
      { type: 'paragraph', text: `Hello ${first},` },
      {
        type: 'paragraph',
        text: `Someone asked to reset your ${p.serviceName} password. If it was you, choose a new one (the link works once, for 1 hour).`,
      },
      { type: 'button', text: 'Choose a new password', href: p.path },
      { type: 'paragraph', text: 'If it was not you, ignore this email: your password has not changed.' },
    ],
  };
}

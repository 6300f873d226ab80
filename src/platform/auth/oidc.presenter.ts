import type { SsoRefusal } from './oidc.service.ts';

/** What the single sign-on pages say. Pure. */

const PAGES: Record<SsoRefusal, { title: string; paragraphs: (org: string) => string[]; again: boolean }> = {
  unknown: {
    title: 'The Hub does not know your council account yet',
    paragraphs: (org) => [
      `You signed in to your ${org} account, but no one in the Hub has that account or email address.`,
      'Ask a system admin for the Hub (or your manager, who can ask them) to add you, giving them your work email address. Then sign in again.',
    ],
    again: false,
  },
  left: {
    title: 'Your Hub account is closed',
    paragraphs: () => [
      'The Hub has you down as having left, so you cannot sign in.',
      'If you still work here, ask a system admin for the Hub to correct your leaving date.',
    ],
    again: false,
  },
  'no-role': {
    title: 'Your council account gives you no access to the Hub',
    paragraphs: (org) => [
      `Your ${org} account is not in any of the groups that give access to the Hub.`,
      'Ask your manager to request access to the Hub for you through the IT service desk.',
    ],
    again: false,
  },
  'refused-by-provider': {
    title: 'Your council account could not sign you in',
    paragraphs: () => [
      'The council’s sign-in service did not let you in to the Hub. It may be that your account is blocked or not allowed to use the Hub, or that you cancelled.',
      'If you think you should have access, contact the IT service desk.',
    ],
    again: true,
  },
  expired: {
    title: 'Your sign-in took too long or was already used',
    paragraphs: () => ['For your safety each sign-in works once, for 10 minutes. Start again.'],
    again: true,
  },
  failed: {
    title: 'Sign-in with your council account did not work',
    paragraphs: () => [
      'The Hub could not check the answer from the council’s sign-in service, so it has not signed you in.',
      'Try again. If it keeps happening, contact the IT service desk.',
    ],
    again: true,
  },
};

export function presentSsoRefused(reason: SsoRefusal, orgName: string) {
  const p = PAGES[reason];
  return {
    title: p.title,
    paragraphs: p.paragraphs(orgName),
    again: p.again,
    status: reason === 'failed' ? 400 : 403,
  };
}

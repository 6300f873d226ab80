import type { Panel } from '../platform/feature.ts';
import { formatDateTime, plural } from '../platform/views/format.ts';
import type { OutboxStatus } from './outbox.repo.ts';

/** What the admin home panels say. Pure. */

export function outboxPanel(counts: Record<OutboxStatus, number>, smtpConfigured: boolean): Panel {
  const { pending, failed } = counts;
  const lines = [`${plural(pending, 'message is', 'messages are')} waiting to be sent.`];
  if (failed) lines.push(`${plural(failed, 'message', 'messages')} could not be sent after many tries.`);
  if (!smtpConfigured) lines.push('No mail server is set up (SMTP_URL), so messages stay in the outbox.');
  return {
    title: 'Email outbox',
    count: pending + failed,
    lines,
    link: { href: '/admin/outbox', text: 'Open the outbox' },
  };
}

/** Every password sign-in by the break-glass account while single sign-on is the only way in. */
export function breakGlassPanel(recent: {
  count: number;
  latest?: { at: string; actor_name: string };
}): Panel {
  const lines = [
    `${plural(recent.count, 'sign-in', 'sign-ins')} with the break-glass password in the last 30 days.`,
  ];
  if (recent.latest)
    lines.push(
      `The latest was by ${recent.latest.actor_name} on ${formatDateTime(recent.latest.at)}. Check that each one was needed.`,
    );
  return {
    title: 'Emergency password sign-ins',
    count: recent.count,
    lines,
    link: { href: '/admin/audit?action=break-glass-sign-in', text: 'See them in the audit log' },
  };
}

/** People the Hub made at their first single sign-on, waiting to be put in a team. */
export function waitingForTeamPanel(n: number): Panel {
  return {
    title: 'New people from the council directory',
    count: n,
    lines: [
      `${plural(n, 'person has', 'people have')} signed in with their council account for the first time and ${n === 1 ? 'is' : 'are'} in no team yet. Put them in their team and check their roles.`,
    ],
    link: { href: '/staff', text: 'Open the staff list' },
  };
}

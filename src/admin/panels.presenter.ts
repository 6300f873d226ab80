import type { Panel } from '../platform/feature.ts';
import { plural } from '../platform/views/format.ts';
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

import type { PanelSource } from '../platform/feature.ts';
import { plural } from '../platform/views/format.ts';

const lockedAccounts: PanelSource = {
  id: 'locked-accounts',
  permission: 'staff:manage',
  async load({ db, clock }) {
    const rows = await db
      .selectFrom('staff')
      .select(['id', 'name'])
      .where('locked_until', '>', clock.now().toISOString())
      .orderBy('name')
      .execute();
    return {
      title: 'Sign-ins locked after wrong passwords',
      count: rows.length,
      lines: rows.length ? [rows.map((r) => r.name).join(', ')] : ['Nobody is locked out.'],
      link: rows.length ? { href: `/staff/${rows[0]!.id}`, text: 'Unlock from their staff page' } : undefined,
    };
  },
};

const outbox: PanelSource = {
  id: 'outbox',
  permission: 'outbox:view',
  async load({ db, config }) {
    const rows = await db
      .selectFrom('outbox')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('status', 'in', ['pending', 'failed'])
      .groupBy('status')
      .execute();
    const n = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
    const lines = [`${plural(n('pending'), 'message is', 'messages are')} waiting to be sent.`];
    if (n('failed'))
      lines.push(`${plural(n('failed'), 'message', 'messages')} could not be sent after many tries.`);
    if (!config.smtpUrl) lines.push('No mail server is set up (SMTP_URL), so messages stay in the outbox.');
    return {
      title: 'Email outbox',
      count: n('pending') + n('failed'),
      lines,
      link: { href: '/admin/outbox', text: 'Open the outbox' },
    };
  },
};

export const ADMIN_PANELS = [lockedAccounts, outbox];

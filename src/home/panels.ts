import { complaintStagesPanel, overdueActionsPanel } from '../complaints/panels.ts';
import { LEARNING_PANELS } from '../learning/panels.ts';
import { myChildrenPanel, teamChildrenPanel } from '../performance/panels.ts';
import type { Principal, Role } from '../platform/policy/roles.ts';
import type { Services } from '../platform/services.ts';
import { plural } from '../platform/views/format.ts';

/**
 * A home-page panel: what needs this person today. Each capability adds its
 * own panels to PANELS; a panel shows only for the roles it names.
 */
export interface Panel {
  title: string;
  lines: string[];
  count?: number;
  link?: { href: string; text: string };
}

export interface PanelSource {
  id: string;
  roles: Role[] | 'all';
  load(services: Services, user: Principal): Promise<Panel | null>;
}

const yourTeam: PanelSource = {
  id: 'your-team',
  roles: 'all',
  async load({ db }, user) {
    if (!user.teamId)
      return {
        title: 'Your team',
        lines: ['You are not in a team yet. Ask a system admin to add you to one.'],
      };
    const team = await db
      .selectFrom('teams')
      .innerJoin('services', 'services.id', 'teams.service_id')
      .select(['teams.name', 'services.name as service'])
      .where('teams.id', '=', user.teamId)
      .executeTakeFirstOrThrow();
    const colleagues = await db
      .selectFrom('staff')
      .select(['name', 'is_agency'])
      .where('team_id', '=', user.teamId)
      .where('active', '=', 1)
      .where('id', '!=', user.id)
      .execute();
    return {
      title: 'Your team',
      lines: [
        `${team.name}, ${team.service}.`,
        `You work with ${plural(colleagues.length, 'colleague', 'colleagues')} here.`,
      ],
      link: { href: `/staff?team=${user.teamId}`, text: 'See your team' },
    };
  },
};

const agencyInTeam: PanelSource = {
  id: 'agency-in-team',
  roles: ['team-manager', 'service-manager'],
  async load({ db }, user) {
    if (!user.teamId) return null;
    const rows = await db
      .selectFrom('staff')
      .select('name')
      .where('team_id', '=', user.teamId)
      .where('active', '=', 1)
      .where('is_agency', '=', 1)
      .orderBy('name')
      .execute();
    return {
      title: 'Agency staff in your team',
      count: rows.length,
      lines: rows.length
        ? [
            `${rows.map((r) => r.name).join(', ')}. Make sure they have had an induction, so they can explain our processes to families.`,
          ]
        : ['Nobody in your team is agency staff at the moment.'],
    };
  },
};

const lockedAccounts: PanelSource = {
  id: 'locked-accounts',
  roles: ['system-admin'],
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
  roles: ['system-admin'],
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

const workforce: PanelSource = {
  id: 'workforce',
  roles: ['psw', 'ld-admin', 'service-manager'],
  async load({ db }) {
    const rows = await db
      .selectFrom('staff')
      .select(['active', 'is_agency', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['active', 'is_agency'])
      .execute();
    const count = (active: number, agency?: number) =>
      rows
        .filter((r) => r.active === active && (agency === undefined || r.is_agency === agency))
        .reduce((a, r) => a + Number(r.n), 0);
    return {
      title: 'The workforce',
      count: count(1),
      lines: [
        `${plural(count(1), 'person works', 'people work')} in children's social care, ${count(1, 1)} of them agency staff.`,
        `${plural(count(0), 'leaver is', 'leavers are')} kept with their history.`,
      ],
      link: { href: '/staff', text: 'Open the staff directory' },
    };
  },
};

export const PANELS: PanelSource[] = [
  yourTeam,
  agencyInTeam,
  workforce,
  lockedAccounts,
  outbox,
  overdueActionsPanel,
  complaintStagesPanel,
  ...LEARNING_PANELS,
  myChildrenPanel,
  teamChildrenPanel,
];

export async function panelsFor(services: Services, user: Principal): Promise<Panel[]> {
  const mine = PANELS.filter((p) => p.roles === 'all' || p.roles.some((r) => user.roles.includes(r)));
  const loaded = await Promise.all(mine.map((p) => p.load(services, user)));
  return loaded.filter((p): p is Panel => p !== null);
}

import type { PanelSource } from '../platform/feature.ts';
import { plural } from '../platform/views/format.ts';

const yourTeam: PanelSource = {
  id: 'your-team',
  permission: 'home:view',
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
  permission: 'workforce:team',
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

const workforce: PanelSource = {
  id: 'workforce',
  permission: 'workforce:view',
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

/** The people feature's home-page panels, in the order they show. */
export const PEOPLE_PANELS = [yourTeam, agencyInTeam, workforce];

import { inductedAmong } from '../learning/api.ts';
import type { PanelSource } from '../platform/feature.ts';
import { agencyInTeamPanel, noTeamPanel, workforcePanel, yourTeamPanel } from './panels.presenter.ts';
import { agencyStaffIn, countColleagues, teamWithService, workforceCounts } from './panels.repo.ts';

const yourTeam: PanelSource = {
  id: 'your-team',
  permission: 'home:view',
  async load({ db }, user) {
    if (!user.teamId) return noTeamPanel();
    const [team, colleagues] = await Promise.all([
      teamWithService(db, user.teamId),
      countColleagues(db, user.teamId, user.id),
    ]);
    return yourTeamPanel(user.teamId, team, colleagues);
  },
};

const agencyInTeam: PanelSource = {
  id: 'agency-in-team',
  permission: 'workforce:team',
  async load({ db }, user) {
    if (!user.teamId) return null;
    const agency = await agencyStaffIn(db, user.teamId);
    const inducted = await inductedAmong(
      db,
      agency.map((p) => p.id),
    );
    return agencyInTeamPanel(agency.map((p) => ({ name: p.name, inducted: inducted.has(p.id) })));
  },
};

const workforce: PanelSource = {
  id: 'workforce',
  permission: 'workforce:view',
  load: async ({ db }) => workforcePanel(await workforceCounts(db)),
};

/** The people feature's home-page panels, in the order they show. */
export const PEOPLE_PANELS = [yourTeam, agencyInTeam, workforce];

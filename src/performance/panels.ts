import type { PanelSource } from '../platform/feature.ts';

// The panels' queries and wording load on the first home page, not with the manifest.
const service = () => import('./dashboard.service.ts');
const presenter = () => import('./panels.presenter.ts');

/** A practitioner's own caseload this week. */
export const myChildrenPanel: PanelSource = {
  id: 'my-children',
  permission: 'children:caseload',
  async load(services, user) {
    const counts = await (await service()).caseloadCounts(services, user);
    return (await presenter()).myChildrenPanelView(counts);
  },
};

/** The children a manager or the PSW may see; nothing for someone who sees only their own. */
export const teamChildrenPanel: PanelSource = {
  id: 'team-children',
  permission: 'children:teams',
  async load(services, user) {
    const counts = await (await service()).scopeCounts(services, user);
    return counts && (await presenter()).teamChildrenPanelView(counts.scope, counts.rows);
  },
};

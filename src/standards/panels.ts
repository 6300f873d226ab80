import type { PanelSource } from '../platform/feature.ts';

const load = () => import('./panels.service.ts');

/** What this person still needs to read; for a new starter, the standards of their first weeks. */
export const toReadPanel: PanelSource = {
  id: 'standards-to-read',
  permission: 'standards:acknowledge',
  load: async (services, user) => (await load()).toReadPanelFor(services, user),
};

/** Standards past their review date: a manager's own, or all of them for the PSW. */
export const pastReviewPanel: PanelSource = {
  id: 'standards-past-review',
  permission: 'standards:review',
  load: async (services, user) => (await load()).pastReviewPanelFor(services, user),
};

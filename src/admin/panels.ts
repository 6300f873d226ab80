import type { PanelSource } from '../platform/feature.ts';
import { countOutbox } from './outbox.repo.ts';
import { lockedAccountsPanel, outboxPanel } from './panels.presenter.ts';
import { lockedAccounts } from './panels.repo.ts';

const lockedAccountsSource: PanelSource = {
  id: 'locked-accounts',
  permission: 'staff:manage',
  load: async ({ db, clock }) => lockedAccountsPanel(await lockedAccounts(db, clock.now())),
};

const outbox: PanelSource = {
  id: 'outbox',
  permission: 'outbox:view',
  load: async ({ db, config }) => outboxPanel(await countOutbox(db), Boolean(config.smtpUrl)),
};

/** The admin feature's home-page panels, in the order they show. */
export const ADMIN_PANELS = [lockedAccountsSource, outbox];

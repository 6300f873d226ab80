import type { PanelSource } from '../platform/feature.ts';
import { countOutbox } from './outbox.repo.ts';
import { outboxPanel } from './panels.presenter.ts';

const outbox: PanelSource = {
  id: 'outbox',
  permission: 'outbox:view',
  load: async ({ db, config }) => outboxPanel(await countOutbox(db), Boolean(config.smtpUrl)),
};

/**
 * The admin feature's home-page panels, in the order they show. (There is no
 * "locked accounts" panel: sign-in slows repeated wrong passwords instead of
 * locking anyone out, and counts them under hashed keys that name nobody.)
 */
export const ADMIN_PANELS = [outbox];

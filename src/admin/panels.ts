import type { PanelSource } from '../platform/feature.ts';
import { countOutbox } from './outbox.repo.ts';
import { breakGlassPanel, outboxPanel, waitingForTeamPanel } from './panels.presenter.ts';
import { breakGlassSignIns, countWaitingForTeam } from './sign-ins.repo.ts';

const outbox: PanelSource = {
  id: 'outbox',
  permission: 'outbox:view',
  load: async ({ db, config }) => outboxPanel(await countOutbox(db), Boolean(config.smtpUrl)),
};

const DAY_MS = 86_400_000;

/** Shown while passwords are switched off, or while there are break-glass sign-ins to account for. */
const breakGlass: PanelSource = {
  id: 'break-glass',
  permission: 'audit:view',
  load: async ({ db, clock, config }) => {
    const recent = await breakGlassSignIns(db, new Date(clock.now().getTime() - 30 * DAY_MS).toISOString());
    return config.oidc?.passwordsOff || recent.count ? breakGlassPanel(recent) : null;
  },
};

const waitingForTeam: PanelSource = {
  id: 'waiting-for-team',
  permission: 'staff:manage',
  load: async ({ db }) => {
    const n = await countWaitingForTeam(db);
    return n ? waitingForTeamPanel(n) : null;
  },
};

/**
 * The admin feature's home-page panels, in the order they show. (There is no
 * "locked accounts" panel: sign-in slows repeated wrong passwords instead of
 * locking anyone out, and counts them under hashed keys that name nobody.)
 */
export const ADMIN_PANELS = [breakGlass, waitingForTeam, outbox];

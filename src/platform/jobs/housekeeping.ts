import { deleteExpiredPendingForms } from '../auth/pending-form.ts';
import { deleteExpiredSessions } from '../auth/sessions.ts';
import { pruneThrottle } from '../auth/throttle.ts';
import type { Services } from '../services.ts';
import { enqueueJob, registerJob } from './jobs.ts';

export const PURGE_SESSIONS = 'housekeeping:purge-sessions';

const day = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: string, n: number) => day(new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000));

/**
 * Queues the nightly purge of expired sessions for a day. The unique key makes
 * it one job per day however many instances start or re-queue it.
 */
export function scheduleSessionPurge(services: Services, onDay = day(services.clock.now())) {
  return enqueueJob(
    services.db,
    services.clock,
    PURGE_SESSIONS,
    {},
    {
      runAt: `${onDay}T03:00:00.000Z`,
      uniqueKey: `${PURGE_SESSIONS}:${onDay}`,
    },
  );
}

let registered = false;

/** Registers the platform's recurring jobs (once per process). */
export function registerHousekeeping() {
  if (registered) return;
  registered = true;
  registerJob(PURGE_SESSIONS, async (services) => {
    const removed = await deleteExpiredSessions(services.db, services.clock);
    await deleteExpiredPendingForms(services.db, services.clock);
    // Sign-in and reset-email counts nobody will read again go the same night.
    await pruneThrottle(services.db, services.clock.now());
    services.log.info({ removed }, 'expired sessions removed');
    await scheduleSessionPurge(services, addDays(day(services.clock.now()), 1));
  });
}

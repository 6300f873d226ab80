import { addCalendarDays, londonDay } from '../platform/calendar/days.ts';
import type { FeatureJobs } from '../platform/feature.ts';
import { enqueueJob, registerJob } from '../platform/jobs/jobs.ts';
import type { Services } from '../platform/services.ts';

export const REFRESH_STATUSES = 'performance:refresh-statuses';
export const PRUNE_UPLOADS = 'performance:prune-uploads';

/** Queues the nightly removal of import files never confirmed, once a day however many instances start. */
export function scheduleUploadPrune(services: Services, day = londonDay(services.clock.now())) {
  return enqueueJob(
    services.db,
    services.clock,
    PRUNE_UPLOADS,
    { day },
    { runAt: `${day}T02:30:00.000Z`, uniqueKey: `${PRUNE_UPLOADS}:${day}` },
  );
}

/** Queues the early-morning recalculation for a day (London), once however many instances start. */
function scheduleRefresh(services: Services, day = londonDay(services.clock.now())) {
  return enqueueJob(
    services.db,
    services.clock,
    REFRESH_STATUSES,
    { day },
    {
      runAt: `${day}T01:30:00.000Z`,
      uniqueKey: `${REFRESH_STATUSES}:${day}`,
    },
  );
}

/**
 * Every night each child's statuses are worked out for the new day, so the
 * dashboards open on today's answers (a page that finds yesterday's statuses
 * also recalculates before it answers, so nobody reads a stale day).
 */
export const performanceJobs: FeatureJobs = {
  name: 'performance',
  register() {
    registerJob<{ day: string }>(REFRESH_STATUSES, async (services, payload) => {
      // The job may run late (a server that was off): work out today, whatever day it was queued for.
      // The engine loads when the job runs, not with the manifest.
      const { refreshStatuses } = await import('./status.service.ts');
      const r = await refreshStatuses(services.db, londonDay(services.clock.now()));
      services.log.info(r, 'children’s statuses worked out');
      await scheduleRefresh(services, addCalendarDays(payload.day, 1));
    });
    // An import checked but never confirmed holds children's records: it goes after a day.
    registerJob<{ day: string }>(PRUNE_UPLOADS, async (services, payload) => {
      const { pruneUploads } = await import('./import/uploads.ts');
      const removed = pruneUploads(services.config.dataDir, services.clock.now());
      services.log.info({ removed }, 'import files never confirmed removed');
      await scheduleUploadPrune(services, addCalendarDays(payload.day, 1));
    });
  },
  schedule: async (services) => {
    await scheduleRefresh(services);
    await scheduleUploadPrune(services);
  },
};

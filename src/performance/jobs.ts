import { addCalendarDays, londonDay } from '../platform/calendar/days.ts';
import type { FeatureJobs } from '../platform/feature.ts';
import { enqueueJob, registerJob } from '../platform/jobs/jobs.ts';
import type { Services } from '../platform/services.ts';

export const REFRESH_STATUSES = 'performance:refresh-statuses';

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
  },
  schedule: (services) => scheduleRefresh(services),
};

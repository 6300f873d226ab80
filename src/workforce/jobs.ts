import { londonDay } from '../platform/calendar/days.ts';
import { enqueueJob, registerJob } from '../platform/jobs/jobs.ts';
import type { Services } from '../platform/services.ts';
import { nextDay, reduceOldInterviews } from './retention.service.ts';

export const RETENTION = 'workforce:retention';

const scheduleRetention = (services: Services, day = londonDay(services.clock.now())) =>
  enqueueJob(
    services.db,
    services.clock,
    RETENTION,
    {},
    { runAt: `${day}T02:30:00.000Z`, uniqueKey: `${RETENTION}:${day}` },
  );

let registered = false;

/** Each night: interviews past the retention period are reduced to their coded answers. */
export const workforceJobs = {
  register() {
    if (registered) return;
    registered = true;
    registerJob(RETENTION, async (services) => {
      const { reduced } = await reduceOldInterviews(services);
      services.log.info({ reduced }, 'exit interviews reduced to coded answers');
      await scheduleRetention(services, nextDay(londonDay(services.clock.now())));
    });
  },
  schedule: (services: Services) => scheduleRetention(services),
};

import { addCalendarDays, londonDay } from '../platform/calendar/days.ts';
import { enqueueJob, registerJob } from '../platform/jobs/jobs.ts';
import type { Services } from '../platform/services.ts';
import { applyLeavingDates } from './leaving.service.ts';

export const LEAVING_DATES = 'people:leaving-dates';

// Just after midnight: someone whose leaving date is today cannot sign in from the start of it.
const scheduleLeavingDates = (services: Services, day = londonDay(services.clock.now())) =>
  enqueueJob(
    services.db,
    services.clock,
    LEAVING_DATES,
    {},
    { runAt: `${day}T00:05:00.000Z`, uniqueKey: `${LEAVING_DATES}:${day}` },
  );

let registered = false;

/** Each night: people whose leaving date has come can no longer sign in. */
export const peopleJobs = {
  register() {
    if (registered) return;
    registered = true;
    registerJob(LEAVING_DATES, async (services) => {
      const n = await applyLeavingDates(services.db, services.clock);
      services.log.info({ n }, 'people whose leaving date came can no longer sign in');
      await scheduleLeavingDates(services, addCalendarDays(londonDay(services.clock.now()), 1));
    });
  },
  schedule: (services: Services) => scheduleLeavingDates(services),
};

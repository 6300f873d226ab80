import { complaintJobs } from './complaints/reminders.ts';
import { learningJobs } from './learning/jobs.ts';
import { performanceJobs } from './performance/jobs.ts';
import type { Services } from './platform/services.ts';

/**
 * A feature's background work: `register` names its job handlers (once per
 * process), `schedule` queues its recurring jobs with unique keys so that any
 * number of instances starting at once queue each of them once.
 */
export interface FeatureJobs {
  name: string;
  register(): void;
  schedule(services: Services): Promise<unknown>;
}

/** Each capability adds its jobs here. */
export const FEATURE_JOBS: FeatureJobs[] = [complaintJobs, learningJobs, performanceJobs];

let registered = false;

export async function startFeatureJobs(services: Services) {
  if (!registered) {
    registered = true;
    for (const f of FEATURE_JOBS) f.register();
  }
  for (const f of FEATURE_JOBS) await f.schedule(services);
}

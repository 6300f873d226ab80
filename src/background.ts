import { FEATURES } from './features.ts';
import type { Feature } from './platform/feature.ts';
import type { Services } from './platform/services.ts';

let registered = false;

/** Registers every feature's job handlers (once per process) and queues their recurring jobs. */
export async function startFeatureJobs(services: Services, features: Feature[] = FEATURES) {
  const jobs = features.flatMap((f) => (f.jobs ? [f.jobs] : []));
  if (!registered) {
    registered = true;
    for (const j of jobs) await j.register();
  }
  for (const j of jobs) await j.schedule(services);
}

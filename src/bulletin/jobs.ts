import { registerJob } from '../platform/jobs/jobs.ts';
import { DELIVER, deliverEdition, SEND_SCHEDULED, sendScheduled } from './sending.service.ts';

/** The delivery of a published edition, and the scheduled publishing. */
export function registerBulletinJobs() {
  registerJob<{ editionId: string }>(DELIVER, async (services, p) => {
    await deliverEdition(services, p.editionId);
  });
  registerJob<{ editionId: string; at: string }>(SEND_SCHEDULED, sendScheduled);
}

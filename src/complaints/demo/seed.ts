import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/db.ts';
import type { DemoOptions, FeatureSeed } from '../../platform/feature.ts';
import { seedContext } from './context.ts';
import { seedHistory } from './history.ts';
import { seedStoryComplaints } from './story.ts';

/**
 * Demo complaints: the two Stage 2 outcomes from the seed bulletin (retold,
 * anonymised) with their learning, in every size; with "full", a year of
 * varied history so the reports mean something. Dates are relative to the clock.
 */
export const complaintsSeed: FeatureSeed = {
  name: 'Complaints and learning',
  async seed(db: Db, clock: Clock, options: DemoOptions) {
    return db.transaction().execute(async (trx) => {
      const ctx = await seedContext(trx, clock);
      await seedStoryComplaints(ctx);
      const extra = options.size === 'full' ? await seedHistory(trx, ctx) : { complaints: 0, sources: 0 };
      return `${2 + extra.complaints} complaints, ${extra.sources} compliments and other sources`;
    });
  },
};

import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/db.ts';
import type { DemoOptions } from '../../platform/feature.ts';

/** Case audits come in the next slice. */
export async function seedAudits(_db: Db, _clock: Clock, _options: DemoOptions, _ids: Map<string, string>) {
  return 0;
}

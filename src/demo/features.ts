import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db/db.ts';
import { childrenSeed } from './children.ts';
import { complaintsSeed } from './complaints.ts';
import { seedLearning } from './learning.ts';

/**
 * How much demo data a feature adds: "full" for `npm start` and `practice-hub
 * demo`, "small" for the test app, which seeds a fresh database per test file
 * and must stay quick.
 */
export interface DemoOptions {
  size: 'full' | 'small';
  /** How many children the synthetic authority has (`practice-hub demo --children N`). */
  children?: number;
}

/**
 * A feature's demo data, added after the demo people exist. It returns one line
 * for the start-up message, e.g. "12 courses and 30 sessions".
 */
export interface FeatureSeed {
  name: string;
  seed(db: Db, clock: Clock, options: DemoOptions): Promise<string>;
}

/** Each capability adds its seed here, in the order they should run. */
export const FEATURE_SEEDS: FeatureSeed[] = [
  complaintsSeed,
  { name: 'Learning', seed: seedLearning },
  childrenSeed,
];

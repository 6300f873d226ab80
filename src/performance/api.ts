/**
 * What the rest of the Hub may use of children's timescales (the demo seeder,
 * other features' tests, the benchmarks): working out every child's statuses
 * again, and making sure they are for today; and finding a child by case
 * reference, within the person's scope, to link another record (a complaint) to.
 * Nothing else in src/performance is imported from outside it.
 */
export { childToLink, type LinkableChild } from './link.service.ts';
export { ensureStatuses, refreshStatuses } from './status.service.ts';

/**
 * What the rest of the Hub may use of children's timescales (the demo seeder,
 * other features' tests, the benchmarks): working out every child's statuses
 * again, and making sure they are for today; and finding a child by case
 * reference, within the person's scope, to link another record (a complaint) to.
 * Nothing else in src/performance is imported from outside it.
 */

export { childrenToChoose, findChild } from './child-directory.repo.ts';
export { childToLink, type LinkableChild } from './link.service.ts';
export { RULE_DESCRIPTIONS } from './rules/settings.rules.ts';
export { authorizeChild } from './scope.ts';
export {
  linkTimescale,
  OWNABLE_FIELDS,
  ownableField,
  setOwnedTimescale,
  timescaleValue,
  timescaleValues,
  unlinkTimescale,
} from './setting-sources.service.ts';
export { ensureStatuses, refreshStatuses } from './status.service.ts';

/**
 * What other folders may use of the practice standards: the demo's standards
 * set (for benchmarks). Nothing else in src/standards is imported from outside it.
 */

// For bench/standards.ts: writing a large library directly.
export { insertAckTarget } from './acks.repo.ts';
export { DEMO_STANDARDS } from './demo/content.ts';
export { indexStandard, insertStandard, insertVersion } from './library.repo.ts';
export { standardsRouteFixtures } from './route-fixtures.ts';

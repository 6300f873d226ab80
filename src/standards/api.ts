/**
 * What other folders may use of the practice standards: the demo's standards
 * set (for benchmarks). Nothing else in src/standards is imported from outside it.
 */
export { DEMO_STANDARDS } from './demo/content.ts';
export { standardsRouteFixtures } from './route-fixtures.ts';

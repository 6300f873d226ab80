/**
 * What other folders may use of the workforce feature (exit interviews): the
 * example records behind its pages, for the platform's route × role test.
 * Nothing else in src/workforce is imported from outside it.
 */
export { workforceRouteFixtures } from './route-fixtures.ts';

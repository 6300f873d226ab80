/**
 * What other folders may use of the bulletin: nothing yet but the example
 * addresses of its pages (for the platform's route × role test).
 */
export { bulletinRouteFixtures } from './route-fixtures.ts';

/**
 * What the rest of the Hub may use of learning: only this module (and
 * `feature.ts`, the manifest) is imported from outside the folder.
 */

/** Adds a CPD entry to the signed-in person's own record (the practice tools save what was practised). */
export { addCpdEntry } from './cpd.service.ts';
/** Which people have completed an induction (every day of an Induction course's session attended), for the agency-staff panel. */
export { inductedAmong } from './induction.repo.ts';
/** Adds a course and a dated session, as L&D's pages do: for browser tests and benchmarks that need their own. */
export { insertCourse, insertSession } from './offer.repo.ts';
/** Example addresses of the learning pages, for the platform's route × role test. */
export { learningRouteFixtures } from './route-fixtures.ts';

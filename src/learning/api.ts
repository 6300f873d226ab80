/**
 * What the rest of the Hub may use of learning: only this module (and
 * `feature.ts`, the manifest) is imported from outside the folder.
 */

/** The training offer as the bulletin prints it: sessions of a period, courses awaiting dates, the focus, "you said, we did", what readers still have to do (e-learning due, waiting places). */
export {
  coursesAwaitingDates,
  focusCourseOf,
  learningDueForMany,
  sessionsForBulletin,
  youSaidWeDidNotes,
} from './bulletin-offer.repo.ts';
/** Adds a CPD entry to the signed-in person's own record (the practice tools save what was practised). */
export { addCpdEntry } from './cpd.service.ts';
/** How many days the demo moves the seed's training offer forward (the bulletin's demo edition lists the same dates). */
export { weeksShift } from './demo/seed.ts';
/** Which people have completed an induction (every day of an Induction course's session attended), for the agency-staff panel. */
export { inductedAmong } from './induction.repo.ts';
/** Adds a course and a dated session, as L&D's pages do: for browser tests and benchmarks that need their own. */
export { insertCourse, insertSession } from './offer.repo.ts';
/** Example addresses of the learning pages, for the platform's route × role test. */
export { learningRouteFixtures } from './route-fixtures.ts';

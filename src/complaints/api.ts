/**
 * What other folders may use of the complaints feature: the statutory
 * calendar and clocks and the demo complaint writer (for the reports benchmark), and the
 * example records behind its pages (for the platform's route × role test).
 * Nothing else in src/complaints is imported from outside it.
 */
/** The statutory clocks in words (the practice standards library shows them, unchangeable). */
export { REGULATION_DAYS, STATUTORY_CLOCKS } from './clocks.rules.ts';
export { insertDemoComplaint, seedContext } from './demo/context.ts';
/** The anonymised lessons marked for publication, newest first (the bulletin's "learning from complaints"). */
export { publishedLessons } from './lessons.repo.ts';
/**
 * Adds a learning point or recommendation to the learning loop (exit-interview themes become lessons this way);
 * lists the actions a person may add evidence to, and adds it (a changed practice standard can be the evidence);
 * adds an action and closes the loop (the standards demo closes one lesson from audits this way).
 */
export { addAction, addEvidence, addLessonItem, closeLoop, evidenceWanted } from './lessons.service.ts';
/** What changed because of those lessons: their actions that have evidence. */
export { changesOfPublishedLessons } from './published-changes.repo.ts';
export { complaintRouteFixtures } from './route-fixtures.ts';
export { addSource } from './sources.service.ts';

/**
 * What other folders may use of the people feature: adding a person (the demo
 * seeder, test fixtures, benchmarks) and changing one (a platform test that the
 * change and its audit row commit together). Nothing else here is imported from
 * outside this folder.
 */

/** Leavers' staff records, for exit interviews (the workforce feature). */
export { peopleLeaving, type StaffForExit, staffByEmail, staffForExit } from './leavers.repo.ts';
export { insertStaff, type NewStaff } from './staff.repo.ts';
export { type StaffChanges, updateStaff } from './staff.service.ts';

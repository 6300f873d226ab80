/**
 * What other folders may use of the people feature: adding a person (the demo
 * seeder, test fixtures, benchmarks) and changing one (a platform test that the
 * change and its audit row commit together). Nothing else here is imported from
 * outside this folder.
 */
export { insertStaff, type NewStaff } from './staff.repo.ts';
export { type StaffChanges, updateStaff } from './staff.service.ts';

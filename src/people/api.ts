/** What other features may use of people: only this module of the folder is imported from outside it. */
export { insertStaff } from './staff.repo.ts';

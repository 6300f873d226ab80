import type { ChildStatusRow } from './dashboard.repo.ts';

/** A child's status row as the repository returns it, for presenter tests: on time, open, unless told. */
export const statusRow = (over: Partial<ChildStatusRow> = {}): ChildStatusRow => ({
  child_id: 'c1',
  child_name: 'Ruby Khan',
  local_id: 'C000001',
  worker_id: 'w1',
  worker_name: 'Amina Hussain',
  team_name: 'Assessment Team 1',
  rule: 'cp-visits',
  status: 'on-time',
  due_day: '2026-12-04',
  last_day: '2026-11-20',
  days_late: 0,
  open: 1,
  ...over,
});

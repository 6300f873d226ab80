import type { StaffRow, TeamRow } from './directory.repo.ts';

/** Select options for teams; `chosen` is the value kept from the form, if any. */
export const teamItems = (teams: TeamRow[], chosen: unknown, first = 'Choose a team') => [
  { value: '', text: first },
  ...teams.map((t) => ({ value: t.id, text: t.name, selected: t.id === chosen })),
];

/** Select options for staff; leavers and agency staff are marked, because workers may have left. */
export const staffItems = (
  staff: Pick<StaffRow, 'id' | 'name' | 'job_title' | 'is_agency' | 'left_on'>[],
  chosen: unknown,
  first: string,
) => [
  { value: '', text: first },
  ...staff.map((s) => ({
    value: s.id,
    text: `${s.name}, ${s.job_title}${s.is_agency ? ' (agency)' : ''}${s.left_on ? ` (left ${s.left_on})` : ''}`,
    selected: s.id === chosen,
  })),
];

/** Only the people still working, for choices that need someone who can act (an officer, an owner). */
export const stillWorking = <S extends Pick<StaffRow, 'active'>>(staff: S[]) => staff.filter((s) => s.active);

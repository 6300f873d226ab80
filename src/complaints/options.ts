import type { DbOrTrx } from '../platform/db/db.ts';

/** Select options for teams and staff; leavers and agency staff are marked, because workers may have left. */
export async function teamItems(db: DbOrTrx, chosen: unknown, first = 'Choose a team') {
  const teams = await db.selectFrom('teams').select(['id', 'name']).orderBy('name').execute();
  return [
    { value: '', text: first },
    ...teams.map((t) => ({ value: t.id, text: t.name, selected: t.id === chosen })),
  ];
}

export async function staffItems(
  db: DbOrTrx,
  chosen: unknown,
  opts: { first: string; activeOnly?: boolean },
) {
  let q = db.selectFrom('staff').select(['id', 'name', 'is_agency', 'left_on', 'job_title']).orderBy('name');
  if (opts.activeOnly) q = q.where('active', '=', 1);
  const staff = await q.execute();
  return [
    { value: '', text: opts.first },
    ...staff.map((s) => ({
      value: s.id,
      text: `${s.name}, ${s.job_title}${s.is_agency ? ' (agency)' : ''}${s.left_on ? ` (left ${s.left_on})` : ''}`,
      selected: s.id === chosen,
    })),
  ];
}

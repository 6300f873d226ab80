import type { DbOrTrx } from '../platform/db/db.ts';

/** Everyone's columns a staff file can change, to match rows on staff number and email. */
export async function staffForMatching(db: DbOrTrx) {
  return db
    .selectFrom('staff')
    .select(['id', 'staff_number', 'email', 'name', 'job_title', 'team_id', 'is_agency', 'active', 'left_on'])
    .execute();
}

/** Everyone's roles, by staff id. */
export async function rolesOfEveryone(db: DbOrTrx): Promise<Map<string, string[]>> {
  const rows = await db.selectFrom('staff_roles').select(['staff_id', 'role']).execute();
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.staff_id, [...(map.get(r.staff_id) ?? []), r.role]);
  return map;
}

export interface ImportedColumns {
  email: string;
  name: string;
  job_title: string;
  team_id: string | null;
  is_agency: 0 | 1;
  active: 0 | 1;
  left_on: string | null;
}

export async function updateImportedStaff(db: DbOrTrx, id: string, values: ImportedColumns, at: string) {
  await db
    .updateTable('staff')
    .set({ ...values, updated_at: at })
    .where('id', '=', id)
    .execute();
}

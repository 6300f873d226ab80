import type { Db, DbOrTrx } from '../../platform/db/db.ts';

/** The demo authority's front-line teams with their services, and who has a leaving date already. */
export async function demoTeams(db: Db) {
  return db
    .selectFrom('teams')
    .innerJoin('services', 'services.id', 'teams.service_id')
    .select(['teams.id', 'teams.name'])
    .orderBy('teams.name')
    .execute();
}

export async function markLinkUsed(
  db: DbOrTrx,
  row: {
    id: string;
    staff_id: string;
    leaving_on: string;
    token_hash: string;
    sent_to: string;
    expires_at: string;
    used_at: string;
    created_at: string;
  },
) {
  await db
    .insertInto('wf_links')
    .values({ ...row, created_by: null })
    .execute();
}

export async function tagThemes(db: DbOrTrx, interviewId: string, themes: string[]) {
  if (themes.length)
    await db
      .insertInto('wf_interview_themes')
      .values(themes.map((theme_id) => ({ interview_id: interviewId, theme_id })))
      .execute();
}

export async function demoPsw(db: Db) {
  return db
    .selectFrom('staff')
    .innerJoin('staff_roles', 'staff_roles.staff_id', 'staff.id')
    .select('staff.id')
    .where('staff_roles.role', '=', 'psw')
    .executeTakeFirst();
}

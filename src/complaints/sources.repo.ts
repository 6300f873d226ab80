import type { DbOrTrx } from '../platform/db/db.ts';
import type { LessonSourcesTable } from './schema.ts';

/** Compliments, case audits, practice reviews and inspection feedback, newest first. */
export const listSources = (db: DbOrTrx) =>
  db
    .selectFrom('lesson_sources')
    .leftJoin('teams', 'teams.id', 'lesson_sources.team_id')
    .select(['lesson_sources.id', 'kind', 'title', 'received_on', 'from_whom', 'teams.name as team_name'])
    .orderBy('received_on', 'desc')
    .limit(500)
    .execute();
export type SourceRow = Awaited<ReturnType<typeof listSources>>[number];

/** What a new lesson item may come from. */
export const sourceChoices = (db: DbOrTrx) =>
  db.selectFrom('lesson_sources').select(['id', 'title', 'kind']).orderBy('received_on', 'desc').execute();
export type SourceChoice = Awaited<ReturnType<typeof sourceChoices>>[number];

export const findSource = (db: DbOrTrx, id: string) =>
  db.selectFrom('lesson_sources').select(['id', 'team_id']).where('id', '=', id).executeTakeFirst();

export const insertSource = (db: DbOrTrx, row: LessonSourcesTable) =>
  db.insertInto('lesson_sources').values(row).execute();

/** Every source's kind and date, for the reports. */
export const sourceDates = (db: DbOrTrx) =>
  db.selectFrom('lesson_sources').select(['kind', 'received_on']).execute();

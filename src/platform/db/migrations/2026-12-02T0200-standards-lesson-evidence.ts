// Frozen: migrations never import app code, so they run the same in a year's time.
// A version of a practice standard can be the change a lesson asked for (issue 13): the version
// keeps the lesson's title as it was, and the lesson's action gets the version as its evidence.
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('standard_versions').addColumn('lesson_title', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('standard_versions').dropColumn('lesson_title').execute();
}

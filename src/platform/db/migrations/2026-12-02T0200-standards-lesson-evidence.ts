// Frozen: migrations never import app code, so they run the same in a year's time.
// A version of a practice standard can be the change a lesson asked for (issue 13): the version
// keeps the lesson's title as it was, and the lesson's action gets the version as its evidence.
// And a covering index for a team's acknowledgements (the team page's benchmark).
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('standard_versions').addColumn('lesson_title', 'text').execute();
  // A team's acknowledgements are read by person with their versions: an index that holds the
  // version too answers that from the index alone, without visiting 5,000 rows of the table.
  await db.schema.dropIndex('standard_acks_staff_idx').execute();
  await db.schema
    .createIndex('standard_acks_staff_idx')
    .on('standard_acks')
    .columns(['staff_id', 'standard_id', 'version'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('standard_acks_staff_idx').execute();
  await db.schema
    .createIndex('standard_acks_staff_idx')
    .on('standard_acks')
    .columns(['staff_id', 'standard_id'])
    .execute();
  await db.schema.alterTable('standard_versions').dropColumn('lesson_title').execute();
}

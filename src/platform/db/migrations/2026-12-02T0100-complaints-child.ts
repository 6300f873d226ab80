// Frozen: migrations never import app code, so they run the same in a year's time.
// A complaint's child is linked to the children's records when they are known there
// (issue 11, item 19): the child's id, or null for a child not in the records or not known.
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('complaints')
    .addColumn('child_id', 'text', (c) => c.references('children.id'))
    .execute();
  await db.schema.createIndex('complaints_child_idx').on('complaints').column('child_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('complaints_child_idx').execute();
  await db.schema.alterTable('complaints').dropColumn('child_id').execute();
}

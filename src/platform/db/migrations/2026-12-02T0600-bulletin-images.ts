// Frozen: migrations never import app code, so they run the same in a year's time.
// Images in bulletin articles and contributions (issue 12): one row per stored file (the file is
// never changed: a new image is a new row), the alt text and caption where the image is used, and
// which images each published edition carried when it was sent, so those files are never removed.
// No down: SQLite cannot drop a column that references another table.
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('bulletin_images')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The random name of the file under DATA_DIR/bulletin-images.
    .addColumn('stored_name', 'text', (c) => c.notNull().unique())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();

  for (const table of ['bulletin_articles', 'bulletin_contributions']) {
    await db.schema
      .alterTable(table)
      .addColumn('image_id', 'text', (c) => c.references('bulletin_images.id'))
      .execute();
    await db.schema.alterTable(table).addColumn('image_alt', 'text').execute();
    await db.schema.alterTable(table).addColumn('image_caption', 'text').execute();
    await db.schema.createIndex(`${table}_image_idx`).on(table).column('image_id').execute();
  }

  // Written when an edition is published, from its record: these files stay as they were sent.
  await db.schema
    .createTable('bulletin_sent_images')
    .addColumn('edition_id', 'text', (c) => c.notNull().references('bulletin_editions.id'))
    .addColumn('image_id', 'text', (c) => c.notNull().references('bulletin_images.id'))
    .addPrimaryKeyConstraint('bulletin_sent_images_pk', ['edition_id', 'image_id'])
    .execute();
  await db.schema
    .createIndex('bulletin_sent_images_image_idx')
    .on('bulletin_sent_images')
    .column('image_id')
    .execute();
}

// Frozen: migrations never import app code, so they run the same in a year's time.
// The Practice and Learning Bulletin (issue 12): monthly editions and their
// articles, editors, contributions, who each edition went to (one row per
// recipient, so two instances cannot both send it), reads, must-read
// confirmations, feedback, and full-text search on each dialect.
import { type Kysely, PostgresAdapter, sql } from 'kysely';

const flag = (name: string) => sql`${sql.ref(name)} in (0, 1)`;

// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema
    .createTable('bulletin_editions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // One edition a month: "2026-12".
    .addColumn('month', 'text', (c) => c.notNull().unique())
    .addColumn('welcome', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sign_off', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'scheduled', 'published')`))
    // The training list's first and last days (London); the month and the next unless changed.
    .addColumn('training_from', 'text', (c) => c.notNull())
    .addColumn('training_to', 'text', (c) => c.notNull())
    // JSON: { kind: 'everyone' } or { kind: 'services' | 'teams' | 'roles', ids: [...] }.
    .addColumn('distribution', 'text', (c) => c.notNull().defaultTo('{"kind":"everyone"}'))
    .addColumn('scheduled_for', 'text')
    .addColumn('published_at', 'text')
    // JSON: the edition as it was sent (articles and generated sections), kept after corrections.
    .addColumn('sent_record', 'text')
    .addColumn('correction_note', 'text')
    .addColumn('corrected_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('bulletin_articles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('edition_id', 'text', (c) =>
      c.notNull().references('bulletin_editions.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('article', 'pull-quote')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('must_read', 'integer', (c) => c.notNull().defaultTo(0).check(flag('must_read')))
    // Who wrote it, when a contribution became this article.
    .addColumn('credit', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('bulletin_articles_edition_idx')
    .on('bulletin_articles')
    .columns(['edition_id', 'position'])
    .execute();

  await db.schema
    .createTable('bulletin_editors')
    .addColumn('staff_id', 'text', (c) => c.primaryKey().references('staff.id'))
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('bulletin_contributions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('submitted', 'accepted', 'changes-asked', 'declined')`),
    )
    .addColumn('editor_note', 'text')
    .addColumn('article_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // One row per person an edition went to: the primary key is what stops a second instance sending it again.
  await db.schema
    .createTable('bulletin_deliveries')
    .addColumn('edition_id', 'text', (c) =>
      c.notNull().references('bulletin_editions.id').onDelete('cascade'),
    )
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('outbox_id', 'text', (c) => c.notNull())
    .addColumn('queued_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('bulletin_deliveries_pk', ['edition_id', 'staff_id'])
    .execute();

  await db.schema
    .createTable('bulletin_reads')
    .addColumn('edition_id', 'text', (c) =>
      c.notNull().references('bulletin_editions.id').onDelete('cascade'),
    )
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('team_id', 'text')
    .addColumn('service_id', 'text')
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('bulletin_reads_pk', ['edition_id', 'staff_id'])
    .execute();

  await db.schema
    .createTable('bulletin_confirmations')
    .addColumn('article_id', 'text', (c) =>
      c.notNull().references('bulletin_articles.id').onDelete('cascade'),
    )
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('confirmed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('bulletin_confirmations_pk', ['article_id', 'staff_id'])
    .execute();

  await db.schema
    .createTable('bulletin_feedback')
    .addColumn('edition_id', 'text', (c) =>
      c.notNull().references('bulletin_editions.id').onDelete('cascade'),
    )
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('rating', 'integer', (c) => c.notNull().check(sql`rating between 1 and 5`))
    .addColumn('wish', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('bulletin_feedback_pk', ['edition_id', 'staff_id'])
    .execute();

  await db.schema
    .createTable('bulletin_article_votes')
    .addColumn('article_id', 'text', (c) =>
      c.notNull().references('bulletin_articles.id').onDelete('cascade'),
    )
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('useful', 'integer', (c) => c.notNull().check(flag('useful')))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('bulletin_article_votes_pk', ['article_id', 'staff_id'])
    .execute();

  // Full-text search over each edition's words (welcome, articles).
  if (isPostgres) {
    await db.schema
      .createTable('bulletin_fts')
      .addColumn('edition_id', 'text', (c) =>
        c.primaryKey().references('bulletin_editions.id').onDelete('cascade'),
      )
      .addColumn('document', sql`tsvector`, (c) => c.notNull())
      .execute();
    await sql`create index bulletin_fts_idx on bulletin_fts using gin (document)`.execute(db);
  } else {
    await sql`create virtual table bulletin_fts using fts5(edition_id unindexed, title, body, tokenize = 'porter unicode61')`.execute(
      db,
    );
  }
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'bulletin_fts',
    'bulletin_article_votes',
    'bulletin_feedback',
    'bulletin_confirmations',
    'bulletin_reads',
    'bulletin_deliveries',
    'bulletin_contributions',
    'bulletin_editors',
    'bulletin_articles',
    'bulletin_editions',
  ])
    await db.schema.dropTable(t).execute();
}

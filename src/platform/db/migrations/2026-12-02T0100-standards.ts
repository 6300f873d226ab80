// Frozen: migrations never import app code, so they run the same in a year's time.
// Practice standards (issue 13): the library and its versions, full-text search on
// each dialect, acknowledgements, case audits against the standards, and the
// performance feature's record of which document sets each of its timescales.
import { type Kysely, PostgresAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design
type AnyDb = Kysely<any>;
const flag = (name: string) => sql.raw(`${name} in (0, 1)`);

export async function up(db: AnyDb): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema
    .createTable('standards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('current_version', 'integer', (c) => c.notNull())
    // The version people must have acknowledged: the latest major one (1 until a major change).
    .addColumn('ack_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('review_on', 'text', (c) => c.notNull())
    // The child-timeliness setting this standard's timescale is (a field of the rule settings), if any.
    .addColumn('timescale_field', 'text', (c) => c.unique())
    .addColumn('in_audit', 'integer', (c) => c.notNull().defaultTo(0).check(flag('in_audit')))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('standards_area_idx').on('standards').columns(['area', 'position']).execute();
  await db.schema.createIndex('standards_review_idx').on('standards').column('review_on').execute();

  await db.schema
    .createTable('standard_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('standard_id', 'text', (c) => c.notNull().references('standards.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('must', 'should')`))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('by_when', 'text', (c) => c.notNull())
    .addColumn('why_child', 'text', (c) => c.notNull())
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('source_detail', 'text', (c) => c.notNull())
    // A number of working days this version sets (for a measured timescale, the value at this version).
    .addColumn('timescale_days', 'integer')
    .addColumn('related', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('links', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('major', 'integer', (c) => c.notNull().defaultTo(0).check(flag('major')))
    .addColumn('review_on', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addUniqueConstraint('standard_versions_number', ['standard_id', 'version'])
    .execute();
  await db.schema
    .createIndex('standard_versions_at_idx')
    .on('standard_versions')
    .column('created_at')
    .execute();

  // Full-text search over each standard's current version.
  if (isPostgres) {
    await db.schema
      .createTable('standards_fts')
      .addColumn('standard_id', 'text', (c) => c.primaryKey().references('standards.id').onDelete('cascade'))
      .addColumn('document', sql`tsvector`, (c) => c.notNull())
      .execute();
    await sql`create index standards_fts_idx on standards_fts using gin (document)`.execute(db);
  } else {
    await sql`create virtual table standards_fts using fts5(standard_id unindexed, title, body, tokenize = 'porter unicode61')`.execute(
      db,
    );
  }

  await db.schema
    .createTable('standard_ack_targets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('standard_id', 'text', (c) => c.notNull().references('standards.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('role', 'service', 'team')`))
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('standard_ack_targets_one', ['standard_id', 'kind', 'target'])
    .execute();
  await db.schema
    .createIndex('standard_ack_targets_kind_idx')
    .on('standard_ack_targets')
    .columns(['kind', 'target'])
    .execute();

  await db.schema
    .createTable('standard_acks')
    .addColumn('standard_id', 'text', (c) => c.notNull().references('standards.id').onDelete('cascade'))
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('standard_acks_pk', ['standard_id', 'staff_id', 'version'])
    .execute();
  await db.schema
    .createIndex('standard_acks_staff_idx')
    .on('standard_acks')
    .columns(['staff_id', 'standard_id'])
    .execute();

  await db.schema
    .createTable('case_audits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('child_id', 'text', (c) => c.notNull().references('children.id'))
    .addColumn('team_id', 'text')
    .addColumn('worker_id', 'text')
    .addColumn('auditor_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('audited_on', 'text', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('done_well', 'text', (c) => c.notNull())
    .addColumn('must_change', 'text', (c) => c.notNull())
    .addColumn('moderator_id', 'text', (c) => c.references('staff.id'))
    .addColumn('moderated_grade', 'text')
    .addColumn('moderation_reason', 'text')
    .addColumn('moderated_at', 'text')
    .addColumn('lesson_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_audits_team_idx')
    .on('case_audits')
    .columns(['team_id', 'audited_on'])
    .execute();
  await db.schema.createIndex('case_audits_child_idx').on('case_audits').column('child_id').execute();

  await db.schema
    .createTable('case_audit_answers')
    .addColumn('audit_id', 'text', (c) => c.notNull().references('case_audits.id').onDelete('cascade'))
    .addColumn('standard_id', 'text', (c) => c.notNull().references('standards.id'))
    .addColumn('standard_version', 'integer', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull().check(sql`answer in ('met', 'partly', 'not-met', 'na')`))
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_audit_answers_pk', ['audit_id', 'standard_id'])
    .execute();

  await db.schema
    .createTable('case_audit_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('audit_id', 'text', (c) => c.notNull().references('case_audits.id').onDelete('cascade'))
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // Owned by the performance feature: which document sets a timescale (shown on "how we work it out").
  await db.schema
    .createTable('performance_setting_sources')
    .addColumn('field', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('href', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of [
    'performance_setting_sources',
    'case_audit_responses',
    'case_audit_answers',
    'case_audits',
    'standard_acks',
    'standard_ack_targets',
    'standards_fts',
    'standard_versions',
    'standards',
  ])
    await db.schema.dropTable(t).execute();
}

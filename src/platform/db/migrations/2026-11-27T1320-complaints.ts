// Frozen: migrations never import app code, so they run the same in a year's time.
import { type Kysely, sql } from 'kysely';

/**
 * Complaints (Children Act 1989 representations procedure), other learning
 * sources, and learning items with their actions. A complaint's stages live
 * in complaint_events (the accepted events, replayed by the pure reducer);
 * the complaints row keeps a copy of the current stage, status and due date
 * for lists and reminders, and a version for optimistic locking.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('complaints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('received_how', 'text', (c) => c.notNull())
    .addColumn('complainant_name', 'text', (c) => c.notNull())
    .addColumn('complainant_relationship', 'text', (c) => c.notNull())
    .addColumn('advocate_offered', 'integer', (c) => c.notNull().check(sql`advocate_offered in (0, 1)`))
    .addColumn('child_name', 'text', (c) => c.notNull())
    .addColumn('child_ref', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('stage', 'integer', (c) => c.notNull().check(sql`stage in (1, 2, 3)`))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('officer_id', 'text', (c) => c.references('staff.id'))
    .addColumn('independent_person', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('complaints_team_idx').on('complaints').column('team_id').execute();
  await db.schema.createIndex('complaints_due_idx').on('complaints').columns(['status', 'due_on']).execute();

  await db.schema
    .createTable('complaint_workers')
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id').onDelete('cascade'))
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addPrimaryKeyConstraint('complaint_workers_pk', ['complaint_id', 'staff_id'])
    .execute();

  await db.schema
    .createTable('complaint_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addUniqueConstraint('complaint_events_seq', ['complaint_id', 'seq'])
    .execute();

  await db.schema
    .createTable('complaint_contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id').onDelete('cascade'))
    .addColumn('contacted_on', 'text', (c) => c.notNull())
    .addColumn('person', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text', (c) => c.references('staff.id'))
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('complaint_contacts_idx')
    .on('complaint_contacts')
    .column('complaint_id')
    .execute();

  // Files live under DATA_DIR with random names; this table is the only way to them.
  await db.schema
    .createTable('complaint_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.references('complaints.id').onDelete('cascade'))
    .addColumn('learning_item_id', 'text')
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('stored_name', 'text', (c) => c.notNull().unique())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('complaint_documents_idx')
    .on('complaint_documents')
    .column('complaint_id')
    .execute();

  // Compliments, case audits, practice reviews, inspection feedback.
  await db.schema
    .createTable('lesson_sources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.references('teams.id'))
    .addColumn('from_whom', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('lesson_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.references('complaints.id'))
    .addColumn('source_id', 'text', (c) => c.references('lesson_sources.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('theme', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.references('teams.id'))
    .addColumn('raised_on', 'text', (c) => c.notNull())
    .addColumn('closed_on', 'text')
    .addColumn('publish', 'integer', (c) => c.notNull().defaultTo(0).check(sql`publish in (0, 1)`))
    .addColumn('published_summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('lesson_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('lesson_items.id').onDelete('cascade'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('evidence_text', 'text')
    .addColumn('evidence_link', 'text')
    .addColumn('evidence_document_id', 'text', (c) => c.references('complaint_documents.id'))
    .addColumn('evidence_on', 'text')
    .addColumn('evidence_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('lesson_actions_owner_idx').on('lesson_actions').column('owner_id').execute();
}

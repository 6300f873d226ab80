// Frozen: migrations never import app code, so they run the same in a year's time.
import { type Kysely, sql } from 'kysely';

const flag = (name: string) => sql`${sql.ref(name)} in (0, 1)`;
const rating = (name: string) => sql`${sql.ref(name)} is null or ${sql.ref(name)} between 1 and 5`;

// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  // The managed lists the PSW keeps: reasons for leaving, and themes to tag free text with.
  for (const table of ['wf_reasons', 'wf_themes']) {
    await db.schema
      .createTable(table)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('label', 'text', (c) => c.notNull().unique())
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1).check(flag('active')))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  }

  await db.schema
    .createTable('wf_delegates')
    .addColumn('staff_id', 'text', (c) => c.primaryKey().references('staff.id'))
    .addColumn('added_by', 'text')
    .addColumn('added_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('wf_settings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('min_group', 'integer', (c) => c.notNull().defaultTo(5).check(sql`min_group between 2 and 50`))
    .addColumn('retention_months', 'integer', (c) =>
      c.notNull().defaultTo(24).check(sql`retention_months between 1 and 120`),
    )
    .addColumn('link_days', 'integer', (c) =>
      c.notNull().defaultTo(14).check(sql`link_days between 1 and 60`),
    )
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('wf_interviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('leaving_on', 'text', (c) => c.notNull())
    // What the staff record said when they left: a later move of team does not move the interview.
    .addColumn('job_title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('team_id', 'text')
    .addColumn('team_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('service_id', 'text')
    .addColumn('service_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('is_agency', 'integer', (c) => c.notNull().defaultTo(0).check(flag('is_agency')))
    .addColumn('started_on', 'text')
    .addColumn('destination', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('main_reason_id', 'text', (c) => c.references('wf_reasons.id'))
    .addColumn('rating_supervision', 'integer', (c) => c.check(rating('rating_supervision')))
    .addColumn('rating_caseload', 'integer', (c) => c.check(rating('rating_caseload')))
    .addColumn('rating_training', 'integer', (c) => c.check(rating('rating_training')))
    .addColumn('rating_practice_model', 'integer', (c) => c.check(rating('rating_practice_model')))
    .addColumn('rating_children_at_heart', 'integer', (c) => c.check(rating('rating_children_at_heart')))
    .addColumn('would_have_stayed', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('free_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('consent_to_quote', 'integer', (c) => c.notNull().defaultTo(0).check(flag('consent_to_quote')))
    .addColumn('quote', 'text')
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('psw', 'self')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('complete', 'awaiting-review')`))
    .addColumn('recorded_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('reduced_at', 'text')
    .execute();
  // One interview for one leaving.
  await db.schema
    .createIndex('wf_interviews_leaving_idx')
    .on('wf_interviews')
    .columns(['staff_id', 'leaving_on'])
    .unique()
    .execute();

  for (const [table, column, other] of [
    ['wf_interview_reasons', 'reason_id', 'wf_reasons.id'],
    ['wf_interview_themes', 'theme_id', 'wf_themes.id'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('interview_id', 'text', (c) => c.notNull().references('wf_interviews.id'))
      .addColumn(column, 'text', (c) => c.notNull().references(other))
      .addPrimaryKeyConstraint(`${table}_pk`, ['interview_id', column])
      .execute();
  }

  await db.schema
    .createTable('wf_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('leaving_on', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('sent_to', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // The lists as the issue names them, for the PSW to change; and the settings' defaults.
  const at = '2026-12-02T01:00:00.000Z';
  const reasons = [
    ['caseload', 'Caseload'],
    ['recording', 'Recording and administration'],
    ['supervision', 'Supervision and support'],
    ['management', 'Management'],
    ['culture', 'Culture'],
    ['pay', 'Pay'],
    ['travel', 'Travel'],
    ['career', 'Career move'],
    ['personal', 'Personal'],
    ['other', 'Other'],
  ];
  await db
    .insertInto('wf_reasons')
    .values(reasons.map(([id, label], i) => ({ id, label, position: i + 1, active: 1, created_at: at })))
    .execute();
  const themes = [
    ['tick-box', 'Feeling like a tick-box organisation'],
    ['children-not-at-heart', 'Children not at the heart of the work'],
    ['caseload-pressure', 'Caseload pressure'],
    ['recording-burden', 'Time spent recording'],
    ['good-supervision', 'Good supervision'],
    ['poor-supervision', 'Little or poor supervision'],
    ['team-support', 'Support from the team'],
    ['progression', 'Wanting progression'],
    ['agency-pay', 'Agency pay'],
    ['travel-distance', 'Travel and distance'],
  ];
  await db
    .insertInto('wf_themes')
    .values(themes.map(([id, label], i) => ({ id, label, position: i + 1, active: 1, created_at: at })))
    .execute();
  await db
    .insertInto('wf_settings')
    .values({ id: 'settings', min_group: 5, retention_months: 24, link_days: 14, updated_at: at })
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'wf_links',
    'wf_interview_themes',
    'wf_interview_reasons',
    'wf_interviews',
    'wf_settings',
    'wf_delegates',
    'wf_themes',
    'wf_reasons',
  ])
    await db.schema.dropTable(t).execute();
}

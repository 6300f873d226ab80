// Frozen: migrations never import app code, so they run the same in a year's time.
// Child-focused performance: children (special-category data), their episodes and
// statutory events, the authority's rule settings, and the per-child status table
// the dashboards read.
import { type CreateTableBuilder, type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design
type AnyDb = Kysely<any>;

const flag = (name: string) => sql`${sql.ref(name)} in (0, 1)`;

// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design
type Builder = CreateTableBuilder<any, any>;

async function childTable(db: AnyDb, name: string, columns: (t: Builder) => Builder) {
  const base = db.schema
    .createTable(name)
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The case-management system's own id for the episode or event; imports upsert on it.
    .addColumn('local_id', 'text', (c) => c.notNull().unique())
    .addColumn('child_id', 'text', (c) => c.notNull().references('children.id').onDelete('cascade'));
  await columns(base).execute();
  await db.schema.createIndex(`${name}_child_idx`).on(name).column('child_id').execute();
}

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('children')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('local_id', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('date_of_birth', 'text')
    .addColumn('gender', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('ethnicity', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('worker_id', 'text', (c) => c.references('staff.id'))
    .addColumn('team_id', 'text', (c) => c.references('teams.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('children_worker_idx').on('children').column('worker_id').execute();
  await db.schema.createIndex('children_team_idx').on('children').column('team_id').execute();

  await childTable(db, 'child_assessments', (t) =>
    t
      .addColumn('referral_day', 'text', (c) => c.notNull())
      .addColumn('start_day', 'text')
      .addColumn('authorised_day', 'text')
      .addColumn('outcome', 'text'),
  );
  // Strategy discussion that started a section 47 enquiry, and its initial conference.
  await childTable(db, 'child_enquiries', (t) =>
    t
      .addColumn('strategy_day', 'text', (c) => c.notNull())
      .addColumn('icpc_day', 'text')
      .addColumn('icpc_unnecessary', 'integer', (c) =>
        c.notNull().defaultTo(0).check(flag('icpc_unnecessary')),
      ),
  );
  // Child in need plans ('cin') and child protection plans ('cp').
  await childTable(db, 'child_plans', (t) =>
    t
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('cin', 'cp')`))
      .addColumn('start_day', 'text', (c) => c.notNull())
      .addColumn('end_day', 'text')
      .addColumn('category', 'text'),
  );
  await childTable(db, 'child_looked_after', (t) =>
    t
      .addColumn('start_day', 'text', (c) => c.notNull())
      .addColumn('end_day', 'text')
      .addColumn('legal_status', 'text', (c) => c.notNull().defaultTo('')),
  );
  await childTable(db, 'child_placements', (t) =>
    t
      .addColumn('start_day', 'text', (c) => c.notNull())
      .addColumn('end_day', 'text')
      .addColumn('placement_type', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('long_term', 'integer', (c) => c.notNull().defaultTo(0).check(flag('long_term'))),
  );
  // Review conferences, core groups and looked-after reviews.
  await childTable(db, 'child_meetings', (t) =>
    t
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('rcpc', 'core-group', 'lac-review')`))
      .addColumn('day', 'text', (c) => c.notNull()),
  );
  await childTable(db, 'child_visits', (t) =>
    t
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('cin', 'cp', 'lac')`))
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('seen', 'integer', (c) => c.notNull().defaultTo(1).check(flag('seen')))
      .addColumn('seen_alone', 'integer', (c) => c.notNull().defaultTo(0).check(flag('seen_alone'))),
  );

  // The authority's own setting for a rule, overriding the default in code (JSON parameters).
  await db.schema
    .createTable('performance_rule_settings')
    .addColumn('rule', 'text', (c) => c.primaryKey())
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text')
    .execute();

  // Each child's status on each rule as of one day: what the dashboards read.
  await db.schema
    .createTable('child_rule_status')
    .addColumn('child_id', 'text', (c) => c.notNull().references('children.id').onDelete('cascade'))
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('due_day', 'text')
    .addColumn('last_day', 'text')
    .addColumn('days_late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('open', 'integer', (c) => c.notNull().defaultTo(0).check(flag('open')))
    .addPrimaryKeyConstraint('child_rule_status_pk', ['child_id', 'rule'])
    .execute();
  await db.schema
    .createIndex('child_rule_status_rule_idx')
    .on('child_rule_status')
    .columns(['rule', 'status'])
    .execute();

  // A working-day calendar as a table, filled from the app's WorkingCalendar, for plain-SQL
  // checks of the rules (the analyst's way; see src/performance/oracle) and for reporting tools.
  await db.schema
    .createTable('working_calendar_days')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('day_number', 'integer', (c) => c.notNull().unique())
    .addColumn('working', 'integer', (c) => c.notNull().check(flag('working')))
    // How many working days fall on or before this day, counted from the table's first day.
    .addColumn('working_rank', 'integer', (c) => c.notNull())
    .addColumn('plus_3_months', 'text', (c) => c.notNull())
    .addColumn('plus_6_months', 'text', (c) => c.notNull())
    .addColumn('plus_12_months', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('working_calendar_rank_idx')
    .on('working_calendar_days')
    .columns(['working_rank', 'working'])
    .execute();

  await db.schema
    .createTable('performance_state')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of [
    'performance_state',
    'working_calendar_days',
    'child_rule_status',
    'performance_rule_settings',
    'child_visits',
    'child_meetings',
    'child_placements',
    'child_looked_after',
    'child_plans',
    'child_enquiries',
    'child_assessments',
    'children',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}

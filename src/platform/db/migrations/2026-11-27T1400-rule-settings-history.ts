// Frozen: migrations never import app code, so they run the same in a year's time.
// Changing the timescales on screen (issue 4): who changed a rule, when and why,
// kept with the current setting and in a history that is never rewritten; and
// month arithmetic for the plain-SQL oracle, so it can follow any setting.
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  // SQLite adds one column per statement.
  await db.schema.alterTable('performance_rule_settings').addColumn('reason', 'text').execute();
  await db.schema.alterTable('performance_rule_settings').addColumn('changed_by_name', 'text').execute();

  await db.schema
    .createTable('performance_rule_settings_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rule', 'text', (c) => c.notNull())
    // JSON parameters before and after; null means the default from code.
    .addColumn('previous_params', 'text')
    .addColumn('params', 'text')
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text')
    .addColumn('changed_by_name', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('performance_rule_settings_history_rule_idx')
    .on('performance_rule_settings_history')
    .columns(['rule', 'changed_at'])
    .execute();

  // Months since year 0 and the day of the month: "N months after" a day is the last day
  // of the month N on whose day of the month is not after the day's own.
  await db.schema.alterTable('working_calendar_days').addColumn('month_number', 'integer').execute();
  await db.schema.alterTable('working_calendar_days').addColumn('day_of_month', 'integer').execute();
  await db.schema
    .createIndex('working_calendar_month_idx')
    .on('working_calendar_days')
    .columns(['month_number', 'day_of_month'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('working_calendar_month_idx').execute();
  await db.schema.alterTable('working_calendar_days').dropColumn('day_of_month').execute();
  await db.schema.alterTable('working_calendar_days').dropColumn('month_number').execute();
  await db.schema.dropTable('performance_rule_settings_history').execute();
  await db.schema.alterTable('performance_rule_settings').dropColumn('changed_by_name').execute();
  await db.schema.alterTable('performance_rule_settings').dropColumn('reason').execute();
}

// Frozen: migrations never import app code, so they run the same in a year's time.
// Change stamps (the benchmarks of issues 12 and 13): a number per kind of data that goes up with every
// change, kept by the database's own triggers, so a view cached in any process can tell with
// one read that it is out of date, whichever code (or person with psql) made the change.
import { type Kysely, PostgresAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design
type AnyDb = Kysely<any>;

// Which stamp each table moves. A row per stamp rather than one for all, so that on PostgreSQL
// a long change to people (an import) does not hold up someone acknowledging a standard.
const WATCHED: { table: string; stamp: string; columns?: string[] }[] = [
  { table: 'standards', stamp: 'standards' },
  { table: 'standard_ack_targets', stamp: 'standards' },
  { table: 'standard_acks', stamp: 'standard-acks' },
  // Only what says who someone is and where they work: a sign-in's counters do not move it.
  { table: 'staff', stamp: 'people', columns: ['active', 'team_id', 'name', 'email'] },
  { table: 'staff_roles', stamp: 'people' },
  { table: 'teams', stamp: 'people', columns: ['service_id', 'name'] },
  // What the web bulletin's generated sections are made from: the training offer and its places,
  // the lessons learned, and the editions (which lessons an earlier one carried).
  { table: 'lrn_courses', stamp: 'learning' },
  { table: 'lrn_sessions', stamp: 'learning' },
  { table: 'lrn_session_parts', stamp: 'learning' },
  { table: 'lrn_bookings', stamp: 'learning' },
  { table: 'lesson_items', stamp: 'lessons' },
  { table: 'lesson_actions', stamp: 'lessons' },
  { table: 'bulletin_editions', stamp: 'bulletin' },
];
const STAMPS = [...new Set(WATCHED.map((w) => w.stamp))];
const name = (table: string, op: string) => `${table}_stamp_${op}`;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('change_stamps')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('n', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db
    .insertInto('change_stamps')
    .values(STAMPS.map((s) => ({ name: s, n: 0 })))
    .execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    // Deferred to the commit: the stamp's row is then locked only while the transaction commits,
    // so two people booking different sessions do not queue behind each other's whole booking.
    await sql`create function bump_change_stamp() returns trigger language plpgsql as $$
      begin
        update change_stamps set n = n + 1 where name = tg_argv[0];
        return null;
      end $$`.execute(db);
    for (const w of WATCHED) {
      const update = w.columns ? `update of ${w.columns.join(', ')}` : 'update';
      await sql
        .raw(
          `create constraint trigger ${name(w.table, 'change')} after insert or delete or ${update} on ${w.table}
           deferrable initially deferred for each row execute function bump_change_stamp('${w.stamp}')`,
        )
        .execute(db);
    }
    return;
  }
  // SQLite's triggers run once per row; a row update in the same write is cheap next to the row itself.
  for (const w of WATCHED)
    for (const op of ['insert', 'delete', 'update'] as const) {
      const on = op === 'update' && w.columns ? `update of ${w.columns.join(', ')}` : op;
      await sql
        .raw(
          `create trigger ${name(w.table, op)} after ${on} on ${w.table}
           begin update change_stamps set n = n + 1 where name = '${w.stamp}'; end`,
        )
        .execute(db);
    }
}

export async function down(db: AnyDb): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (const w of WATCHED)
      await sql.raw(`drop trigger ${name(w.table, 'change')} on ${w.table}`).execute(db);
    await sql`drop function bump_change_stamp()`.execute(db);
  } else
    for (const w of WATCHED)
      for (const op of ['insert', 'delete', 'update'])
        await sql.raw(`drop trigger ${name(w.table, op)}`).execute(db);
  await db.schema.dropTable('change_stamps').execute();
}

// Frozen: migrations never import app code, so they run the same in a year's time.
// The web edition keeps its articles between readers (issue 12's benchmark): the bulletin's stamp
// now also moves when an article or an image changes, so a kept article is never older than the
// database. The triggers are those of 2026-12-02T0800, for two more tables.
import { type Kysely, PostgresAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design
type AnyDb = Kysely<any>;

const TABLES = ['bulletin_articles', 'bulletin_images'];
const STAMP = 'bulletin';
const name = (table: string, op: string) => `${table}_stamp_${op}`;

export async function up(db: AnyDb): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (const table of TABLES)
      await sql
        .raw(
          `create constraint trigger ${name(table, 'change')} after insert or delete or update on ${table}
           deferrable initially deferred for each row execute function bump_change_stamp('${STAMP}')`,
        )
        .execute(db);
    return;
  }
  for (const table of TABLES)
    for (const op of ['insert', 'delete', 'update'])
      await sql
        .raw(
          `create trigger ${name(table, op)} after ${op} on ${table}
           begin update change_stamps set n = n + 1 where name = '${STAMP}'; end`,
        )
        .execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (const table of TABLES)
      await sql.raw(`drop trigger ${name(table, 'change')} on ${table}`).execute(db);
    return;
  }
  for (const table of TABLES)
    for (const op of ['insert', 'delete', 'update'])
      await sql.raw(`drop trigger ${name(table, op)}`).execute(db);
}

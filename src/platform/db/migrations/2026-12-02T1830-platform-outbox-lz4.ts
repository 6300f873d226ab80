// Frozen: migrations never import app code, so they run the same in a year's time.
// A bulletin queues 3,000 messages of about 100 kB at once. PostgreSQL compresses each large value
// as it stores it, by default with pglz: measured here, pglz spent 885 ms on what lz4 (built into
// Debian's PostgreSQL since 14) did in 41 ms, and lz4's result was smaller. New rows only; a server
// built without lz4 keeps pglz, as before, since this changes speed and nothing else.
import { type Kysely, PostgresAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design
type AnyDb = Kysely<any>;

const COLUMNS = ['text_body', 'html_body', 'attachments'];

const setCompression = (db: AnyDb, method: 'lz4' | 'pglz') =>
  sql
    .raw(
      `do $$ begin
         alter table outbox ${COLUMNS.map((c) => `alter column ${c} set compression ${method}`).join(', ')};
       exception when others then
         raise notice 'outbox keeps its compression: %', sqlerrm;
       end $$`,
    )
    .execute(db);

export async function up(db: AnyDb): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) await setCompression(db, 'lz4');
}

export async function down(db: AnyDb): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) await setCompression(db, 'pglz');
}

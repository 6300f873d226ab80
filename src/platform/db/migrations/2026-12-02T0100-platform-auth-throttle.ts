// Frozen: migrations never import app code, so they run the same in a year's time.
// Issue 11 item 9: sign-in and reset-email throttles counted in the database, so several
// instances behind a load balancer share them (they were held in each instance's memory).
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('auth_throttle')
    // A SHA-256 of what is counted ("sign-in account+source: …"): no address or email is kept in clear.
    .addColumn('key', 'text', (c) => c.primaryKey())
    // The account's own hashed key on its sign-in rows, so lifting a slow-down finds them all.
    .addColumn('account_key', 'text')
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('first_at', 'text', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('auth_throttle_last_idx').on('auth_throttle').column('last_at').execute();
  await db.schema
    .createIndex('auth_throttle_account_idx')
    .on('auth_throttle')
    .column('account_key')
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('auth_throttle').execute();
}

// Frozen: migrations never import app code, so they run the same in a year's time.
// Issue 15: single sign-on with the council's directory (OpenID Connect).
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  // The directory's object id, stored at the first single sign-on: a changed email keeps the same person.
  await db.schema.alterTable('staff').addColumn('directory_id', 'text').execute();
  await db.schema.createIndex('staff_directory_id_idx').on('staff').column('directory_id').unique().execute();
  // Accounts the Hub made at a first single sign-on, until an admin has placed them in a team.
  await db.schema
    .alterTable('staff')
    .addColumn('needs_placing', 'integer', (c) =>
      c.notNull().defaultTo(0).check(sql`needs_placing in (0, 1)`),
    )
    .execute();
  // The ID token of a session begun by single sign-on, sent back to the provider at sign-out.
  await db.schema.alterTable('sessions').addColumn('id_token', 'text').execute();
  // One row per sign-in begun at the provider and not yet returned: single use, short-lived.
  await db.schema
    .createTable('oidc_flows')
    // The SHA-256 of the random value in the browser's cookie, as for sessions.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('return_to', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('oidc_flows_expires_idx').on('oidc_flows').column('expires_at').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('oidc_flows').execute();
  await db.schema.alterTable('sessions').dropColumn('id_token').execute();
  await db.schema.dropIndex('staff_directory_id_idx').execute();
  await db.schema.alterTable('staff').dropColumn('needs_placing').execute();
  await db.schema.alterTable('staff').dropColumn('directory_id').execute();
}

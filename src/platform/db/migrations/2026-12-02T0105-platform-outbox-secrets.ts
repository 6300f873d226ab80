// Frozen: migrations never import app code, so they run the same in a year's time.
// No usable one-time link at rest (issue 11): a message that carries one names
// its secrets, which are cut out of the stored text once it is sent; and the
// messages already sent lose the set-password tokens they still hold.
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design
type AnyDb = Kysely<any>;

const TOKEN_IN_LINK = /(\/set-password\/)[A-Za-z0-9_-]+/g;
const REMOVED = '$1link-removed-after-sending';

export async function up(db: AnyDb): Promise<void> {
  // JSON array of strings to remove from the stored bodies once sent; null when there are none.
  await db.schema.alterTable('outbox').addColumn('secrets', 'text').execute();

  const sent = await db
    .selectFrom('outbox')
    .select(['id', 'text_body', 'html_body'])
    .where('status', '=', 'sent')
    .where('text_body', 'like', '%/set-password/%')
    .execute();
  for (const row of sent) {
    await db
      .updateTable('outbox')
      .set({
        text_body: String(row.text_body).replace(TOKEN_IN_LINK, REMOVED),
        html_body: row.html_body === null ? null : String(row.html_body).replace(TOKEN_IN_LINK, REMOVED),
      })
      .where('id', '=', row.id)
      .execute();
  }
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('outbox').dropColumn('secrets').execute();
}

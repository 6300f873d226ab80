// Frozen: migrations never import app code, so they run the same in a year's time.
// Answers sent after a session ended (issue 17, WCAG 2.2.1): kept on the server
// for a short while, for the same person only, until they sign in again.
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('pending_forms')
    // SHA-256 of the random token in the browser's cookie: the cookie holds no answers.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id').onDelete('cascade'))
    .addColumn('return_to', 'text', (c) => c.notNull())
    // JSON: the answers as sent, without the form token.
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
}

import { sql } from 'kysely';
import type { DbOrTrx } from './db.ts';

/** Throws unless the database answers a trivial query (the health check). */
export async function checkDatabase(db: DbOrTrx): Promise<void> {
  await sql`select 1`.execute(db);
}

import type { DbOrTrx } from '../platform/db/db.ts';
import type { ComplaintDocumentsTable } from './schema.ts';

/** A stored document's row; the caller checks the policy for what it belongs to. */
export const findDocument = (db: DbOrTrx, id: string) =>
  db.selectFrom('complaint_documents').selectAll().where('id', '=', id).executeTakeFirst();

export const insertDocument = (db: DbOrTrx, row: ComplaintDocumentsTable) =>
  db.insertInto('complaint_documents').values(row).execute();

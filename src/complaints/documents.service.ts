import { type Actor, recordAudit } from '../platform/audit/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db, DbOrTrx } from '../platform/db/db.ts';
import type { Upload } from '../platform/files/multipart.ts';
import { withStoredFile } from '../platform/files/store.ts';
import { NotFoundError, UserInputError } from '../platform/http/errors.ts';
import { newId } from '../platform/ids.ts';
import type { Principal } from '../platform/policy/roles.ts';
import { complaintFor } from './complaints.service.ts';
import { findDocument, insertDocument } from './documents.repo.ts';
import { checkDocument, documentFolder } from './documents.ts';
import { findItem } from './lessons.repo.ts';
import { authorizeRecord } from './scope.ts';

export type { Upload };

/**
 * Checks the file, stores it, then runs `record` (which inserts the row, in
 * one transaction with the change it belongs to). If that fails the file is
 * removed again, so no file is kept without its row.
 */
export async function withStoredDocument<T>(
  dataDir: string,
  upload: Upload,
  record: (doc: { storedName: string; contentType: string }) => Promise<T>,
): Promise<T> {
  const contentType = checkDocument(upload.filename, upload.bytes);
  return withStoredFile(documentFolder(dataDir), upload.bytes, (storedName) =>
    record({ storedName, contentType }),
  );
}

export async function insertDocumentRow(
  trx: DbOrTrx,
  clock: Clock,
  actor: Actor,
  doc: { storedName: string; contentType: string; upload: Upload; description: string },
  owner: { complaintId: string | null; lessonItemId: string | null },
): Promise<string> {
  const id = newId();
  await insertDocument(trx, {
    id,
    complaint_id: owner.complaintId,
    learning_item_id: owner.lessonItemId,
    original_name: doc.upload.filename.slice(0, 200),
    stored_name: doc.storedName,
    content_type: doc.contentType,
    size_bytes: doc.upload.bytes.length,
    description: doc.description,
    uploaded_by: actor.name,
    uploaded_at: clock.now().toISOString(),
  });
  return id;
}

/** Adds a document to a complaint (the person must be able to investigate it); a missing file is refused. */
export async function uploadComplaintDocument(
  db: Db,
  clock: Clock,
  dataDir: string,
  actor: Actor,
  user: Principal,
  complaintId: string,
  upload: Upload | null,
  description: string,
) {
  if (!upload) throw new UserInputError('Choose a file to upload', 'file');
  return withStoredDocument(dataDir, upload, (stored) =>
    db.transaction().execute(async (trx) => {
      const row = await complaintFor(trx, user, 'complaints:investigate', complaintId);
      const id = await insertDocumentRow(
        trx,
        clock,
        actor,
        { ...stored, upload, description },
        {
          complaintId,
          lessonItemId: null,
        },
      );
      await recordAudit(trx, clock, actor, {
        action: 'create',
        recordType: 'complaint-document',
        recordId: id,
        summary: `Complaint ${row.reference}: document added`,
      });
      return id;
    }),
  );
}

/** A complaint's document, for someone who may view that complaint. */
export async function complaintDocument(db: Db, user: Principal, id: string) {
  const doc = await findDocument(db, id);
  if (!doc?.complaint_id) throw new NotFoundError('document');
  await complaintFor(db, user, 'complaints:view', doc.complaint_id);
  return doc;
}

/** Evidence kept on a lesson item, for someone who may view that item. */
export async function lessonDocument(db: Db, user: Principal, id: string) {
  const doc = await findDocument(db, id);
  const item = doc?.learning_item_id ? await findItem(db, doc.learning_item_id) : undefined;
  if (!doc || !item) throw new NotFoundError('document');
  authorizeRecord(user, 'lessons:view', 'learning-item', item);
  return doc;
}

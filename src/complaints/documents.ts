import path from 'node:path';
import type { FastifyReply } from 'fastify';
import { type FileKind, hasSignature } from '../platform/files/sniff.ts';
import { fileFolder, sendStoredFile, storeFile } from '../platform/files/store.ts';
import { UserInputError } from '../platform/http/errors.ts';

/**
 * Uploaded documents: kept under DATA_DIR/complaint-documents by the
 * platform's file store (random names, outside the web root). They are served
 * only through an audited route that checks the policy first.
 */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/** Allowed types by extension, each with the kind its first bytes must show (null: plain text). */
const ALLOWED: Record<string, { type: string; kind: FileKind | null }> = {
  pdf: { type: 'application/pdf', kind: 'pdf' },
  docx: {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    kind: 'zip',
  },
  png: { type: 'image/png', kind: 'png' },
  jpg: { type: 'image/jpeg', kind: 'jpeg' },
  jpeg: { type: 'image/jpeg', kind: 'jpeg' },
  txt: { type: 'text/plain; charset=utf-8', kind: null },
};
export const ALLOWED_EXTENSIONS = Object.keys(ALLOWED);

export const documentFolder = (dataDir: string) => fileFolder(dataDir, 'complaint-documents');

/** Checks an upload's name, size and first bytes; returns its content type or throws a UserInputError. */
export function checkDocument(filename: string, bytes: Buffer, field = 'file'): string {
  const ext = path.extname(filename).slice(1).toLowerCase();
  const rule = ALLOWED[ext];
  if (!rule)
    throw new UserInputError(
      `The file must be a PDF, Word (.docx), PNG, JPEG or text file, not .${ext || '?'}`,
      field,
    );
  if (bytes.length === 0) throw new UserInputError('The file is empty', field);
  if (bytes.length > MAX_DOCUMENT_BYTES) throw new UserInputError('The file must be 5 MB or smaller', field);
  if (rule.kind && !hasSignature(bytes, rule.kind))
    throw new UserInputError(`The file does not look like a .${ext} file`, field);
  if (!rule.kind && bytes.includes(0))
    throw new UserInputError('A text file must not contain binary data', field);
  return rule.type;
}

/** Writes the bytes under a random name and returns it; the caller records it in its transaction. */
export const storeDocument = (dataDir: string, bytes: Buffer) => storeFile(documentFolder(dataDir), bytes);

/** Sends a document as a download (never shown inline); the guard audits it as an export. */
export const sendDocument = (
  reply: FastifyReply,
  dataDir: string,
  doc: { content_type: string; original_name: string; stored_name: string },
) =>
  sendStoredFile(
    reply,
    documentFolder(dataDir),
    { contentType: doc.content_type, storedName: doc.stored_name, filename: doc.original_name },
    { disposition: 'attachment' },
  );

import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyReply } from 'fastify';
import { UserInputError } from '../platform/http/errors.ts';

/**
 * Uploaded documents: kept under DATA_DIR/complaint-documents (outside the web
 * root, never served as static files) with random names, so a file name a
 * person chose never reaches the file system. They are served only through an
 * audited route that checks the policy first.
 */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/** Allowed types by extension, each with the bytes its files must start with (null: plain text). */
const ALLOWED: Record<string, { type: string; magic: number[] | null }> = {
  pdf: { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  docx: {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  png: { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
  jpg: { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  jpeg: { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  txt: { type: 'text/plain; charset=utf-8', magic: null },
};
export const ALLOWED_EXTENSIONS = Object.keys(ALLOWED);

export const documentFolder = (dataDir: string) => path.join(dataDir, 'complaint-documents');

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
  if (rule.magic && !rule.magic.every((b, i) => bytes[i] === b))
    throw new UserInputError(`The file does not look like a .${ext} file`, field);
  if (!rule.magic && bytes.includes(0))
    throw new UserInputError('A text file must not contain binary data', field);
  return rule.type;
}

/** Writes the bytes under a random name and returns it; the caller records it in its transaction. */
export async function storeDocument(dataDir: string, bytes: Buffer): Promise<string> {
  const folder = documentFolder(dataDir);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const name = randomBytes(18).toString('hex');
  await writeFile(path.join(folder, name), bytes, { flag: 'wx', mode: 0o600 });
  return name;
}

export const readDocument = (dataDir: string, storedName: string) =>
  readFile(path.join(documentFolder(dataDir), path.basename(storedName)));

/** Removes a stored file whose database row was never committed. */
export const discardDocument = (dataDir: string, storedName: string) =>
  rm(path.join(documentFolder(dataDir), path.basename(storedName)), { force: true });

/** A safe filename for content-disposition: letters, digits, dot, dash, underscore. */
export const downloadName = (original: string) =>
  original.replace(/[^A-Za-z0-9._-]+/g, '_').slice(-120) || 'document';

/** Sends a document as a download (never shown inline); the guard audits it as an export. */
export async function sendDocument(
  reply: FastifyReply,
  dataDir: string,
  doc: { content_type: string; original_name: string; stored_name: string },
) {
  return reply
    .type(doc.content_type)
    .header('content-disposition', `attachment; filename="${downloadName(doc.original_name)}"`)
    .header('x-content-type-options', 'nosniff')
    .send(await readDocument(dataDir, doc.stored_name));
}

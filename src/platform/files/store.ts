import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyReply } from 'fastify';
import { NotFoundError } from '../http/errors.ts';

/**
 * Files people upload (complaint documents, bulletin images): kept in a folder
 * of the data directory (outside the web root, never served as static files)
 * under random names, so a name a person chose never reaches the file system.
 * A feature records each file in a row of its own, in the transaction of the
 * change it belongs to, and serves it only through a route that checks who is
 * asking. Stored files are never changed: a new version is a new file.
 */
export const fileFolder = (dataDir: string, name: string) => path.join(dataDir, path.basename(name));

/** Writes the bytes under a new random name in the folder and returns the name. */
export async function storeFile(folder: string, bytes: Uint8Array): Promise<string> {
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const name = randomBytes(18).toString('hex');
  await writeFile(path.join(folder, name), bytes, { flag: 'wx', mode: 0o600 });
  return name;
}

// basename: a stored name read back from the database can never point outside its folder.
export const readStoredFile = (folder: string, storedName: string) =>
  readFile(path.join(folder, path.basename(storedName)));

/** Removes a stored file (nothing happens if it is not there). */
export const discardStoredFile = (folder: string, storedName: string) =>
  rm(path.join(folder, path.basename(storedName)), { force: true });

/**
 * Stores the bytes, then runs `record` (which inserts the file's row in one
 * transaction with the change it belongs to). If that fails the file is
 * removed again, so no file is kept without its row.
 */
export async function withStoredFile<T>(
  folder: string,
  bytes: Uint8Array,
  record: (storedName: string) => Promise<T>,
): Promise<T> {
  const storedName = await storeFile(folder, bytes);
  try {
    return await record(storedName);
  } catch (err) {
    await discardStoredFile(folder, storedName);
    throw err;
  }
}

/** A safe filename for content-disposition: letters, digits, dot, dash, underscore. */
export const downloadName = (original: string, fallback = 'document') =>
  original.replace(/[^A-Za-z0-9._-]+/g, '_').slice(-120) || fallback;

export interface ServedFile {
  contentType: string;
  storedName: string;
  /** The name the person's browser saves it under. */
  filename: string;
}

/**
 * Sends a stored file with its own type and `nosniff`, so a browser never
 * guesses another: as a download (`attachment`, documents) or shown in the page
 * (`inline`, images, which never change under their address, so they may be kept).
 */
export async function sendStoredFile(
  reply: FastifyReply,
  folder: string,
  file: ServedFile,
  options: { disposition: 'attachment' | 'inline'; cache?: string },
) {
  const bytes = await readStoredFile(folder, file.storedName).catch((err: NodeJS.ErrnoException) => {
    // A row whose file has gone (a data folder restored without its files) is a missing page, not a crash.
    if (err.code === 'ENOENT') throw new NotFoundError('file');
    throw err;
  });
  reply
    .type(file.contentType)
    .header('content-disposition', `${options.disposition}; filename="${downloadName(file.filename)}"`)
    .header('x-content-type-options', 'nosniff');
  if (options.cache) reply.header('cache-control', options.cache);
  return reply.send(bytes);
}

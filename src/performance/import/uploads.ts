import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

/**
 * Uploaded files wait under DATA_DIR/imports between the check and the
 * person's confirmation, named by a random token (never by anything they sent).
 */
export interface Upload {
  token: string;
  kind: string;
  name: string;
  staffId: string;
  rows: number;
}

const dirOf = (dataDir: string) => path.join(dataDir, 'imports');
const isToken = (t: unknown): t is string => typeof t === 'string' && /^[a-f0-9]{32}$/.test(t);
export const uploadPath = (dataDir: string, token: string) => path.join(dirOf(dataDir), `${token}.csv`);

export async function saveUpload(dataDir: string, stream: NodeJS.ReadableStream): Promise<string> {
  mkdirSync(dirOf(dataDir), { recursive: true });
  const token = randomBytes(16).toString('hex');
  try {
    await pipeline(stream, createWriteStream(uploadPath(dataDir, token)));
  } catch (err) {
    removeUpload(dataDir, token);
    throw err;
  }
  return token;
}

export function describeUpload(dataDir: string, upload: Upload) {
  writeFileSync(path.join(dirOf(dataDir), `${upload.token}.json`), JSON.stringify(upload));
}

/** The upload this person made, or undefined (wrong, spent or someone else's token). */
export function findUpload(dataDir: string, token: unknown, staffId: string): Upload | undefined {
  if (!isToken(token)) return undefined;
  try {
    const u = JSON.parse(readFileSync(path.join(dirOf(dataDir), `${token}.json`), 'utf8')) as Upload;
    return u.staffId === staffId ? u : undefined;
  } catch {
    return undefined;
  }
}

export function removeUpload(dataDir: string, token: string) {
  if (!isToken(token)) return;
  rmSync(uploadPath(dataDir, token), { force: true });
  rmSync(path.join(dirOf(dataDir), `${token}.json`), { force: true });
}

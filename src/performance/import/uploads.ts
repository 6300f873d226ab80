import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  createWriteStream,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

/**
 * Uploaded files wait under DATA_DIR/imports between the check and the
 * person's confirmation, named by a random token (never by anything they sent).
 * They hold children's records: the folder is 0700 and each file 0600, readable
 * by the Hub's own user only, and a file never confirmed is removed after a day
 * (`pruneUploads`, run by the performance feature's nightly job).
 */
export interface Upload {
  token: string;
  kind: string;
  name: string;
  staffId: string;
  rows: number;
  /** When it was checked (the Hub's clock), for the nightly removal. */
  createdAt?: string;
}

export const UPLOAD_LIFETIME_MS = 24 * 3_600_000;

const dirOf = (dataDir: string) => path.join(dataDir, 'imports');
const isToken = (t: unknown): t is string => typeof t === 'string' && /^[a-f0-9]{32}$/.test(t);
export const uploadPath = (dataDir: string, token: string) => path.join(dirOf(dataDir), `${token}.csv`);

/** The waiting folder, made private (0700) if it was not, whoever made it first. */
function privateDir(dataDir: string) {
  const dir = dirOf(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  return dir;
}

export async function saveUpload(dataDir: string, stream: NodeJS.ReadableStream): Promise<string> {
  privateDir(dataDir);
  const token = randomBytes(16).toString('hex');
  try {
    await pipeline(stream, createWriteStream(uploadPath(dataDir, token), { flags: 'wx', mode: 0o600 }));
  } catch (err) {
    removeUpload(dataDir, token);
    throw err;
  }
  return token;
}

export function describeUpload(dataDir: string, upload: Upload) {
  writeFileSync(path.join(privateDir(dataDir), `${upload.token}.json`), JSON.stringify(upload), {
    mode: 0o600,
  });
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

/**
 * Removes every waiting file older than a day by the Hub's clock: an upload
 * checked but never confirmed or cancelled, and any file left without its
 * description (a crash between the two writes), judged by its modified time.
 * Returns how many uploads went.
 */
export function pruneUploads(dataDir: string, now: Date): number {
  let names: string[];
  try {
    names = readdirSync(dirOf(dataDir));
  } catch {
    return 0;
  }
  const cutoff = now.getTime() - UPLOAD_LIFETIME_MS;
  const described = new Set<string>();
  let removed = 0;
  for (const name of names.filter((n) => n.endsWith('.json'))) {
    const token = name.slice(0, -'.json'.length);
    if (!isToken(token)) continue;
    const file = path.join(dirOf(dataDir), name);
    let at: number;
    try {
      const u = JSON.parse(readFileSync(file, 'utf8')) as Upload;
      at = u.createdAt ? Date.parse(u.createdAt) : statSync(file).mtimeMs;
    } catch {
      at = Number.NaN;
    }
    if (Number.isNaN(at) || at < cutoff) {
      removeUpload(dataDir, token);
      removed++;
    } else described.add(token);
  }
  for (const name of names.filter((n) => n.endsWith('.csv'))) {
    const token = name.slice(0, -'.csv'.length);
    if (!isToken(token) || described.has(token)) continue;
    const file = path.join(dirOf(dataDir), name);
    try {
      if (statSync(file).mtimeMs < cutoff) {
        removeUpload(dataDir, token);
        removed++;
      }
    } catch {
      // Gone already.
    }
  }
  return removed;
}

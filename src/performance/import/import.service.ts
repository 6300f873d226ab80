import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/audit/audit.ts';
import { londonDay } from '../../platform/calendar/days.ts';
import type { Principal } from '../../platform/policy/roles.ts';
import type { Services } from '../../platform/services.ts';
import { refreshStatuses } from '../status.service.ts';
import { type Importer, importerFor } from './importers.ts';
import type { ImportProblem } from './run.ts';
import { describeUpload, findUpload, removeUpload, saveUpload, type Upload, uploadPath } from './uploads.ts';

/** A file that was not taken: the status the page answers with, the kind chosen (if any) and what was wrong. */
export interface Refused {
  ok: false;
  status: 400 | 413 | 422;
  kind?: string;
  errors: ImportProblem[];
  total: number;
}

/** No upload is waiting under the token (spent, expired or someone else's): the page says to upload again. */
export interface Expired {
  ok: false;
  expired: true;
  status: 200 | 400;
}

const refused = (
  status: Refused['status'],
  kind: string | undefined,
  errors: ImportProblem[],
  total = errors.length,
) => ({ ok: false, status, kind, errors, total }) as const satisfies Refused;
const one = (status: Refused['status'], kind: string | undefined, message: string) =>
  refused(status, kind, [{ row: null, message }]);

/**
 * Reads the multipart upload (the kind, then the file), stores it under a
 * random token and checks every row. Nothing is imported: the person sees a
 * preview and confirms. Multipart bodies are read here, from the request.
 */
export async function receiveUpload(
  { db, clock, config }: Services,
  user: Principal,
  req: FastifyRequest,
): Promise<{ ok: true; token: string } | Refused> {
  if (!req.isMultipart()) return one(400, undefined, 'Choose a file to upload.');
  const file = await req.file().catch(() => undefined);
  const kindField = file?.fields.kind as { value?: unknown } | undefined;
  const importer = importerFor(String(kindField?.value ?? ''));
  if (!importer) return one(400, undefined, 'Choose what the file holds.');
  if (!file?.filename) return one(400, importer.kind, 'Choose a file to upload.');
  if (!file.filename.toLowerCase().endsWith(`.${importer.extension}`))
    return one(
      400,
      importer.kind,
      importer.extension === 'csv'
        ? 'The file must be a CSV file (.csv).'
        : 'The file must be an Excel workbook (.xlsx).',
    );
  const token = await saveUpload(config.dataDir, file.file).catch(() => null);
  if (!token || file.file.truncated) {
    if (token) removeUpload(config.dataDir, token);
    return one(
      413,
      importer.kind,
      'The file is larger than 10 MB: use the practice-hub import command for big files.',
    );
  }
  const checked = await importer.check(db, uploadPath(config.dataDir, token), londonDay(clock.now()));
  if (!checked.ok) {
    removeUpload(config.dataDir, token);
    return refused(422, importer.kind, checked.errors, checked.errorCount);
  }
  const name = file.filename.slice(0, 100);
  describeUpload(config.dataDir, {
    token,
    kind: importer.kind,
    name,
    staffId: user.id,
    rows: checked.rows,
    createdAt: clock.now().toISOString(),
  });
  return { ok: true, token };
}

/** The person's waiting upload and its importer, or nothing (a wrong, spent or someone else's token). */
function waiting(dataDir: string, user: Principal, token: string | undefined) {
  const upload = findUpload(dataDir, token, user.id);
  const importer = upload && importerFor(upload.kind);
  return upload && importer ? { upload, importer } : undefined;
}

const expired = (status: Expired['status']): Expired => ({ ok: false, expired: true, status });

/** The upload checked again (the children it refers to may have changed), with its first rows. */
export async function previewUpload(
  { db, clock, config }: Services,
  user: Principal,
  token: string | undefined,
) {
  const w = waiting(config.dataDir, user, token);
  if (!w) return expired(200);
  const checked = await w.importer.check(
    db,
    uploadPath(config.dataDir, w.upload.token),
    londonDay(clock.now()),
  );
  if (!checked.ok) return refused(422, w.importer.kind, checked.errors, checked.errorCount);
  return { ok: true as const, upload: w.upload, importer: w.importer as Importer, table: checked.table };
}
export type Preview = Extract<Awaited<ReturnType<typeof previewUpload>>, { ok: true }>;

/**
 * Imports the person's checked upload (all or nothing, audited by the
 * importer), removes the file and works out every child's statuses again.
 */
export async function confirmUpload(
  { db, clock, config }: Services,
  user: Principal,
  actor: Actor,
  token: string | undefined,
): Promise<{ ok: true; summary: string; upload: Upload } | Refused | Expired> {
  const w = waiting(config.dataDir, user, token);
  if (!w) return expired(400);
  const today = londonDay(clock.now());
  const file = { path: uploadPath(config.dataDir, w.upload.token), name: w.upload.name };
  const r = await w.importer.write(db, clock, actor, file, today);
  if (!r.ok) return refused(422, w.importer.kind, r.errors, r.errorCount);
  removeUpload(config.dataDir, w.upload.token);
  await refreshStatuses(db, today);
  return { ok: true, summary: r.summary, upload: w.upload };
}

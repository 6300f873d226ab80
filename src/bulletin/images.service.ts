import type { Config } from '../config.ts';
import { type Actor, recordAudit } from '../platform/audit/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { DbOrTrx } from '../platform/db/db.ts';
import type { ImageInfo } from '../platform/files/image-info.ts';
import type { Upload } from '../platform/files/multipart.ts';
import { withStoredFile } from '../platform/files/store.ts';
import { NotFoundError, UserInputError } from '../platform/http/errors.ts';
import { newId } from '../platform/ids.ts';
import { authorize } from '../platform/policy/policy.ts';
import type { Principal } from '../platform/policy/roles.ts';
import {
  assertEditor,
  CORRECTION_NEEDED,
  type Ctx,
  editionOrThrow,
  noteCorrection,
} from './editions.service.ts';
import { discardImageFiles, imageFolder } from './image-files.ts';
import {
  articleForImage,
  contributionForImage,
  deleteIfUnused,
  insertImage,
  setArticleImageFields,
  setContributionImageFields,
} from './images.repo.ts';
import { imageProblems } from './images.rules.ts';

type ImageCtx = Ctx & { config: Config };

/** What the image form sends: a file (or none, to change only the words), its words, and a correction note. */
export interface ImageChange {
  file: Upload | null;
  alt: string;
  caption: string;
  correction: string;
}

/**
 * Every problem with the change, at once (nothing is stored when there is one); the new file's
 * facts, and the change with the file as it is stored (without its camera's metadata: ./images.rules.ts).
 */
function checked(input: ImageChange, current: { originalName: string } | null, needsNote: boolean) {
  const { problems, info, bytes } = imageProblems({ ...input, current });
  const all: { field: string; text: string }[] = [...problems];
  if (needsNote && !input.correction.trim()) all.push({ field: 'correction', text: CORRECTION_NEEDED });
  if (all.length) throw UserInputError.all(all);
  const file = input.file && bytes ? { ...input.file, bytes } : null;
  return { info, change: { ...input, file } };
}

/**
 * Stores the new file (if one was chosen) and runs `change` in one
 * transaction, which inserts its row; the file is removed again if anything
 * fails. `change` returns the stored names of images nothing uses any more,
 * whose files are removed once the change has committed.
 */
async function storeAndChange(
  c: ImageCtx,
  file: Upload | null,
  change: (trx: DbOrTrx, storedName: string | null) => Promise<string[]>,
) {
  const run = (storedName: string | null) => c.db.transaction().execute((trx) => change(trx, storedName));
  const unused = file
    ? await withStoredFile(imageFolder(c.config.dataDir), file.bytes, run)
    : await run(null);
  await discardImageFiles(c.config.dataDir, unused);
}

async function newImageRow(
  trx: DbOrTrx,
  clock: Clock,
  user: Principal,
  storedName: string,
  file: Upload,
  info: ImageInfo,
) {
  const id = newId();
  await insertImage(trx, {
    id,
    stored_name: storedName,
    content_type: info.contentType,
    size_bytes: file.bytes.length,
    width: info.width,
    height: info.height,
    original_name: file.filename.slice(0, 200),
    uploaded_by: user.id,
    uploaded_at: clock.now().toISOString(),
  });
  return id;
}

/** The image now in place (a new one, or the one kept when only its words change) and its words. */
async function placed(
  trx: DbOrTrx,
  c: ImageCtx,
  user: Principal,
  input: ImageChange,
  storedName: string | null,
  info: ImageInfo | null,
  currentId: string | null,
) {
  const id =
    storedName && input.file && info
      ? await newImageRow(trx, c.clock, user, storedName, input.file, info)
      : currentId;
  // The image went between the check and the change (someone removed it): a file is needed again.
  if (!id) throw new UserInputError('Choose an image to upload', 'file');
  return {
    fields: { image_id: id, image_alt: input.alt.trim(), image_caption: input.caption.trim() || null },
    replaced: currentId && currentId !== id ? currentId : null,
    summary: (title: string) =>
      !storedName
        ? `Changed the alt text or caption of the image in “${title}”`
        : `${currentId ? 'Replaced the image in' : 'Added an image to'} “${title}”`,
  };
}

/** After the row stops using it: the stored name of an image nothing uses any more, to remove its file. */
async function unusedOf(trx: DbOrTrx, imageId: string | null): Promise<string[]> {
  const gone = imageId ? await deleteIfUnused(trx, imageId) : null;
  return gone ? [gone] : [];
}

/** An editor adds, replaces or re-words an article's image (after publishing, with a correction note). */
export async function setArticleImage(
  c: ImageCtx,
  actor: Actor,
  user: Principal,
  editionId: string,
  articleId: string,
  input: ImageChange,
) {
  await assertEditor(c.db, user);
  const [e, before] = await Promise.all([
    editionOrThrow(c.db, editionId),
    articleForImage(c.db, editionId, articleId),
  ]);
  if (!before) throw new NotFoundError('article');
  if (before.kind === 'pull-quote')
    throw new UserInputError('A pull-quote has no image: add it to an article', 'file');
  const current = before.image_id ? { originalName: before.original_name ?? '' } : null;
  const { info, change } = checked(input, current, e.status === 'published');
  await storeAndChange(c, change.file, async (trx, storedName) => {
    await assertEditor(trx, user);
    const edition = await editionOrThrow(trx, editionId);
    const a = await articleForImage(trx, editionId, articleId);
    if (!a) throw new NotFoundError('article');
    const now = c.clock.now().toISOString();
    await noteCorrection(trx, edition, change.correction, now);
    const done = await placed(trx, c, user, change, storedName, info, a.image_id);
    await setArticleImageFields(trx, articleId, done.fields, now);
    await recordAudit(trx, c.clock, actor, {
      action: 'update',
      recordType: 'bulletin-article',
      recordId: articleId,
      summary: done.summary(a.title),
    });
    return unusedOf(trx, done.replaced);
  });
}

/** An editor removes an article's image (after publishing, with a note: the edition as sent keeps it). */
export async function removeArticleImage(
  c: ImageCtx,
  actor: Actor,
  user: Principal,
  editionId: string,
  articleId: string,
  correction: string,
) {
  await storeAndChange(c, null, async (trx) => {
    await assertEditor(trx, user);
    const e = await editionOrThrow(trx, editionId);
    const a = await articleForImage(trx, editionId, articleId);
    if (!a) throw new NotFoundError('article');
    if (!a.image_id) throw new UserInputError('The article has no image to remove', 'correction');
    const now = c.clock.now().toISOString();
    await noteCorrection(trx, e, correction, now);
    await setArticleImageFields(
      trx,
      articleId,
      { image_id: null, image_alt: null, image_caption: null },
      now,
    );
    await recordAudit(trx, c.clock, actor, {
      action: 'update',
      recordType: 'bulletin-article',
      recordId: articleId,
      summary: `Removed the image from “${a.title}”`,
    });
    return unusedOf(trx, a.image_id);
  });
}

const OPEN = new Set(['submitted', 'changes-asked']);

/** A contribution its contributor may add an image to (refused to anyone else). */
export async function ownContribution(db: DbOrTrx, user: Principal, id: string) {
  const c = await contributionForImage(db, id);
  if (!c) throw new NotFoundError('contribution');
  authorize(user, 'bulletin:contribution-image', {
    ownerId: c.staff_id,
    teamId: null,
    serviceId: null,
    type: 'bulletin-contribution',
    id,
  });
  return c;
}

/** The contributor's own contribution, while the editor has not decided on it. */
async function ownOpenContribution(db: DbOrTrx, user: Principal, id: string) {
  const c = await ownContribution(db, user, id);
  if (!OPEN.has(c.state))
    throw new UserInputError(
      `The editor has decided on “${c.title}”: its image can no longer be changed`,
      'file',
    );
  return c;
}

/** A contributor adds, replaces or re-words the one image of their contribution. */
export async function setContributionImage(
  c: ImageCtx,
  actor: Actor,
  user: Principal,
  id: string,
  input: ImageChange,
) {
  const before = await ownOpenContribution(c.db, user, id);
  const { info, change } = checked(
    input,
    before.image_id ? { originalName: before.original_name ?? '' } : null,
    false,
  );
  await storeAndChange(c, change.file, async (trx, storedName) => {
    const item = await ownOpenContribution(trx, user, id);
    const done = await placed(trx, c, user, change, storedName, info, item.image_id);
    await setContributionImageFields(trx, id, done.fields, c.clock.now().toISOString());
    await recordAudit(trx, c.clock, actor, {
      action: 'update',
      recordType: 'bulletin-contribution',
      recordId: id,
      summary: done.summary(item.title),
    });
    return unusedOf(trx, done.replaced);
  });
}

export async function removeContributionImage(c: ImageCtx, actor: Actor, user: Principal, id: string) {
  await storeAndChange(c, null, async (trx) => {
    const item = await ownOpenContribution(trx, user, id);
    if (!item.image_id) throw new UserInputError('The contribution has no image to remove', 'file');
    await setContributionImageFields(
      trx,
      id,
      { image_id: null, image_alt: null, image_caption: null },
      c.clock.now().toISOString(),
    );
    await recordAudit(trx, c.clock, actor, {
      action: 'update',
      recordType: 'bulletin-contribution',
      recordId: id,
      summary: `Removed the image from “${item.title}”`,
    });
    return unusedOf(trx, item.image_id);
  });
}

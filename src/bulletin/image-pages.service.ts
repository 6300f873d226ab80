import type { Db } from '../platform/db/db.ts';
import { readStoredFile } from '../platform/files/store.ts';
import { NotFoundError } from '../platform/http/errors.ts';
import type { Principal } from '../platform/policy/roles.ts';
import { isEditor } from './editions.service.ts';
import { imageFolder } from './image-files.ts';
import { findImage, imageReach, imagesById } from './images.repo.ts';
import { mailImageKeyMatches } from './images.rules.ts';
import { ownContribution } from './images.service.ts';

/**
 * An image for someone signed in who may see it: editors see every image;
 * anyone, an image a published edition shows (now or as it was sent); a
 * contributor, their contribution's. To everyone else it does not exist, as a
 * draft edition does not.
 */
export async function imageForReader(db: Db, user: Principal, id: string) {
  const image = await findImage(db, id);
  if (!image) throw new NotFoundError('image');
  if (await isEditor(db, user)) return image;
  const reach = await imageReach(db, id, user.id);
  if (!reach.published && !reach.mine) throw new NotFoundError('image');
  return image;
}

/** An image for a mail program, which cannot sign in: the key in its address is the permission. */
export async function imageForMail(db: Db, secret: string, id: string, key: string) {
  if (!mailImageKeyMatches(secret, id, key)) throw new NotFoundError('image');
  const image = await findImage(db, id);
  if (!image) throw new NotFoundError('image');
  return image;
}

/**
 * The images of the print page as data: addresses, for the PDF (Chromium
 * prints a file, without the reader's sign-in, so it cannot fetch them).
 */
export async function imagesAsData(
  db: Db,
  dataDir: string,
  articles: readonly { image_id: string | null }[],
): Promise<Map<string, string>> {
  const rows = await imagesById(
    db,
    articles.flatMap((a) => (a.image_id ? [a.image_id] : [])),
  );
  const pairs = await Promise.all(
    rows.map(async (r) => {
      const bytes = await readStoredFile(imageFolder(dataDir), r.stored_name).catch(() => null);
      return bytes ? ([r.id, `data:${r.content_type};base64,${bytes.toString('base64')}`] as const) : null;
    }),
  );
  return new Map(pairs.filter((p) => p !== null));
}

/** The contributor's page for their contribution's image. */
export const contributionImagePage = (db: Db, user: Principal, id: string) => ownContribution(db, user, id);

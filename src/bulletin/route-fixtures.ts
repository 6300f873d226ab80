import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../platform/db/db.ts';
import { storeFile } from '../platform/files/store.ts';
import { newId } from '../platform/ids.ts';
import { imageFolder } from './image-files.ts';

/**
 * For the platform's route × role test: a published edition with an article
 * that has an image (everyone may fetch it), and a contribution's image page
 * (only for its author, who is none of the personas). Editing pages have no
 * owner (the PSW and her editors only).
 */
export async function bulletinRouteFixtures(db: Db, dataDir: string) {
  const e = await db
    .selectFrom('bulletin_editions')
    .select('id')
    .where('status', '=', 'published')
    .orderBy('month', 'desc')
    .executeTakeFirstOrThrow();
  const a = await db
    .selectFrom('bulletin_articles')
    .select('id')
    .where('edition_id', '=', e.id)
    .where('kind', '=', 'article')
    .executeTakeFirstOrThrow();
  const contribution = await db
    .selectFrom('bulletin_contributions')
    .select(['id', 'staff_id'])
    .executeTakeFirstOrThrow();
  const bytes = await readFile(
    path.join(import.meta.dirname, '../platform/files/fixtures/chromium-screenshot.png'),
  );
  const imageId = newId();
  await db
    .insertInto('bulletin_images')
    .values({
      id: imageId,
      stored_name: await storeFile(imageFolder(dataDir), bytes),
      content_type: 'image/png',
      size_bytes: bytes.length,
      width: 400,
      height: 200,
      original_name: 'test-card.png',
      uploaded_by: contribution.staff_id,
      uploaded_at: new Date().toISOString(),
    })
    .execute();
  await db
    .updateTable('bulletin_articles')
    .set({ image_id: imageId, image_alt: 'A blue test card with the words “Test card”' })
    .where('id', '=', a.id)
    .execute();
  const noOwner = { ownerId: '', teamId: null, serviceId: null };
  const b = `/bulletin/${e.id}`;
  return {
    '/bulletin/:id': { url: b },
    '/bulletin/:id/print': { url: `${b}/print` },
    '/bulletin/:id/pdf': { url: `${b}/pdf` },
    '/bulletin/:id/readers': { url: `${b}/readers` },
    '/bulletin/:id/as-sent': { url: `${b}/as-sent`, resource: noOwner },
    '/bulletin/:id/edit': { url: `${b}/edit`, resource: noOwner },
    '/bulletin/:id/report': { url: `${b}/report`, resource: noOwner },
    '/bulletin/:id/articles/:articleId': { url: `${b}/articles/${a.id}`, resource: noOwner },
    '/bulletin/images/:id': { url: `/bulletin/images/${imageId}` },
    '/bulletin/contributions/:id/image': {
      url: `/bulletin/contributions/${contribution.id}/image`,
      resource: { ownerId: contribution.staff_id, teamId: null, serviceId: null },
    },
  };
}

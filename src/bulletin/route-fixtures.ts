import type { Db } from '../platform/db/db.ts';

/**
 * For the platform's route × role test: a published edition with an article.
 * Editing pages have no owner (the PSW and her editors only).
 */
export async function bulletinRouteFixtures(db: Db) {
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
    .executeTakeFirstOrThrow();
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
  };
}

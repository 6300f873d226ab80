import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { handleUpload } from '../platform/files/multipart.ts';
import { sendStoredFile } from '../platform/files/store.ts';
import { form } from '../platform/http/form.ts';
import { keptForm } from '../platform/http/forms.ts';
import { idParams, page } from '../platform/http/page.ts';
import type { Services } from '../platform/services.ts';
import { imageFolder } from './image-files.ts';
import { contributionImagePage, imageForMail, imageForReader } from './image-pages.service.ts';
import { presentContributionImage } from './images.presenter.ts';
import { MAX_IMAGE_BYTES } from './images.rules.ts';
import {
  removeArticleImage,
  removeContributionImage,
  setArticleImage,
  setContributionImage,
} from './images.service.ts';

const articleParams = z.object({ id: z.string().min(1).max(100), articleId: z.string().min(1).max(100) });
const mailParams = z.object({ id: z.string().min(1).max(100), key: z.string().min(1).max(100) });
// Generous limits here: the rules say what is too long, in their words, with every other problem.
const imageFields = z.object({
  alt: z.string().max(5000).default(''),
  caption: z.string().max(5000).default(''),
  correction: z.string().max(2000).default(''),
});
const keep = (f: Record<string, string>) => ({
  alt: f.alt ?? '',
  caption: f.caption ?? '',
  correction: f.correction ?? '',
});
const upload = { maxBytes: MAX_IMAGE_BYTES, fields: imageFields, keep } as const;
const served = (image: { content_type: string; stored_name: string; original_name: string }) => ({
  contentType: image.content_type,
  storedName: image.stored_name,
  filename: image.original_name,
});

/** Images: served to those who may see them (and to mail programs by key), added and removed by editors and contributors. */
export function imageRoutes(app: FastifyInstance, services: Services) {
  const { db, config } = services;
  const folder = imageFolder(config.dataDir);

  // A stored image never changes under its address, so a browser may keep it (privately: it is not public).
  page(
    app,
    {
      method: 'GET',
      url: '/bulletin/images/:id',
      permission: 'bulletin:read',
      audit: false,
      params: idParams,
    },
    async ({ user, params, reply }) =>
      sendStoredFile(reply, folder, served(await imageForReader(db, user, params.id)), {
        disposition: 'inline',
        cache: 'private, max-age=31536000, immutable',
      }),
  );

  // Public by design: mail programs fetch pictures without signing in. The key in the path is the permission.
  page(
    app,
    {
      method: 'GET',
      url: '/bulletin/mail-images/:id/:key',
      permission: 'public',
      audit: false,
      params: mailParams,
    },
    async ({ params, reply }) => {
      const image = await imageForMail(db, config.sessionSecret, params.id, params.key);
      // Webmail shows it inside another site's page: allow that, for this one address.
      reply.header('cross-origin-resource-policy', 'cross-origin');
      return sendStoredFile(reply, folder, served(image), {
        disposition: 'inline',
        cache: 'public, max-age=604800',
      });
    },
  );

  const toArticle = (p: { id: string; articleId: string }) => `/bulletin/${p.id}/articles/${p.articleId}`;
  // An upload: the body is a multipart stream, read by handleUpload; the form token is in the query string.
  page(
    app,
    {
      method: 'POST',
      url: '/bulletin/:id/articles/:articleId/image',
      permission: 'bulletin:edit',
      audit: false,
      params: articleParams,
    },
    ({ params, user, actor, req, reply }) =>
      handleUpload(
        { req, reply },
        { ...upload, name: 'image', back: `${toArticle(params)}#image` },
        async (fields, file) => {
          await setArticleImage(services, actor, user, params.id, params.articleId, { ...fields, file });
          return { to: `${toArticle(params)}#image`, message: 'The image has been saved' };
        },
      ),
  );

  form(
    app,
    {
      url: '/bulletin/:id/articles/:articleId/image/remove',
      name: 'remove-image',
      permission: 'bulletin:edit',
      params: articleParams,
      body: z.object({ correction: z.string().max(2000).default('') }),
      back: ({ params }) => `${toArticle(params)}#image`,
    },
    async (d, { user, actor, params }) => {
      await removeArticleImage(services, actor, user, params.id, params.articleId, d.correction);
      return { to: toArticle(params), message: 'The image has been removed from the article' };
    },
  );

  const toContribution = (id: string) => `/bulletin/contributions/${id}/image`;
  const own = { permission: 'bulletin:contribution-image', audit: false, params: idParams } as const;
  page(
    app,
    { ...own, method: 'GET', url: '/bulletin/contributions/:id/image' },
    async ({ user, params, req, reply }) =>
      reply.render(
        'bulletin/views/contribution-image.njk',
        presentContributionImage(await contributionImagePage(db, user, params.id), keptForm(req)),
      ),
  );

  page(
    app,
    { ...own, method: 'POST', url: '/bulletin/contributions/:id/image' },
    ({ params, user, actor, req, reply }) =>
      handleUpload({ req, reply }, { ...upload, back: toContribution(params.id) }, async (fields, file) => {
        await setContributionImage(services, actor, user, params.id, { ...fields, file });
        return { to: '/bulletin/contribute', message: 'The image has been saved with your contribution' };
      }),
  );

  form(
    app,
    {
      url: '/bulletin/contributions/:id/image/remove',
      permission: 'bulletin:contribution-image',
      params: idParams,
      body: z.object({}),
      back: ({ params }) => toContribution(params.id),
    },
    async (_d, { user, actor, params }) => {
      await removeContributionImage(services, actor, user, params.id);
      return { to: '/bulletin/contribute', message: 'The image has been removed from your contribution' };
    },
  );
}

import type { FastifyInstance } from 'fastify';
import { idParams, page } from '../platform/http/page.ts';
import type { Action } from '../platform/policy/policy.ts';

/**
 * The lessons' pages before they moved under /lessons (issue 9). Each old
 * address answers a permanent redirect to the new one, query string kept, so
 * bookmarks and links in old emails and documents still work. Each is declared
 * with its new page's permission (who may not open the page is refused at the
 * old address as well), and is not audited: the page it leads to is.
 */
const MOVED: { from: string; to: (id: string) => string; permission: Action }[] = [
  { from: '/lessons-learned', to: () => '/lessons', permission: 'lessons:read' },
  { from: '/learning-items', to: () => '/lessons/items', permission: 'lessons:view' },
  { from: '/learning-items/new', to: () => '/lessons/items/new', permission: 'lessons:manage' },
  { from: '/learning-items/:id', to: (id) => `/lessons/items/${id}`, permission: 'lessons:view' },
  {
    from: '/learning-items/actions/:id/evidence',
    to: (id) => `/lessons/actions/${id}/evidence`,
    permission: 'lessons:evidence',
  },
  {
    from: '/learning-items/documents/:id',
    to: (id) => `/lessons/documents/${id}`,
    permission: 'lessons:view',
  },
  { from: '/learning-sources', to: () => '/lessons/sources', permission: 'lessons:sources' },
  { from: '/learning-sources/new', to: () => '/lessons/sources/new', permission: 'lessons:sources' },
];

export function lessonsMovedRoutes(app: FastifyInstance) {
  for (const m of MOVED)
    page(
      app,
      {
        method: 'GET',
        url: m.from,
        permission: m.permission,
        audit: false,
        params: m.from.includes(':id') ? idParams : undefined,
      },
      ({ params, req, reply }) => {
        const search = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
        return reply.redirect(`${m.to(params.id ?? '')}${search}`, 301);
      },
    );
}

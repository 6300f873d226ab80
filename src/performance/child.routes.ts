import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParams, page } from '../platform/http/page.ts';
import type { Services } from '../platform/services.ts';
import { presentChild } from './child.presenter.ts';
import { childPageData } from './child.service.ts';

// `from` is the list the person came from; the presenter keeps it only if it is a path on this site.
const childQuery = z.object({ from: z.unknown().optional() });

/** A child's own page: their timescales, worked out live. Every view is audited. */
export function childRecordRoutes(app: FastifyInstance, services: Services) {
  page(
    app,
    {
      method: 'GET',
      url: '/children/:id',
      permission: 'children:view',
      params: idParams,
      query: childQuery,
      audit: {
        recordType: 'child',
        recordId: ({ params }) => params.id,
        summary: () => 'Viewed a child’s timescales',
      },
    },
    async ({ params, query, user, reply }) => {
      const data = await childPageData(services, user, params.id);
      return reply.render('performance/views/child.njk', presentChild(data, query.from));
    },
  );
}

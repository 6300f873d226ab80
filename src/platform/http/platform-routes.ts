import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { presentStatement } from '../accessibility/statement.presenter.ts';
import { STATEMENT } from '../accessibility/statement.ts';
import { checkDatabase } from '../db/health.ts';
import type { Services } from '../services.ts';
import type { Assets } from '../views/assets.ts';
import { page } from './page.ts';

const open = { permission: 'public', audit: false } as const;

/** Assets, health and the pages every visitor may read. */
export function platformRoutes(app: FastifyInstance, services: Services, assets: Assets) {
  page(
    app,
    { method: 'GET', url: '/assets/*', ...open, params: z.object({ '*': z.string() }) },
    async ({ params, reply }) => {
      const name = params['*'];
      const asset = assets.get(name);
      if (!asset) return reply.callNotFound();
      // The stylesheet's name carries its hash, so it can be cached for a year.
      const immutable = /^hub-[0-9a-f]+\.css$/.test(name);
      reply.header(
        'cache-control',
        immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
      );
      return reply.type(asset.type).send(asset.body);
    },
  );

  page(app, { method: 'GET', url: '/health', ...open }, async ({ reply }) => {
    try {
      await checkDatabase(services.db);
      return reply.send({ status: 'ok', database: services.dialect });
    } catch (err) {
      services.log.error(err, 'health check failed');
      return reply.code(503).send({ status: 'unavailable', database: services.dialect });
    }
  });

  page(app, { method: 'GET', url: '/accessibility', ...open }, async ({ reply }) =>
    reply.render('platform/views/accessibility.njk', presentStatement(STATEMENT)),
  );
}

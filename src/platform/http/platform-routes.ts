import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Services } from '../services.ts';
import type { Assets } from '../views/assets.ts';
import { get } from './route.ts';

/** Assets, health and the pages every visitor may read. */
export function platformRoutes(app: FastifyInstance, services: Services, assets: Assets) {
  get(app, '/assets/*', { permission: 'public', audit: false }, async (req, reply) => {
    const name = (req.params as { '*': string })['*'];
    const asset = assets.get(name);
    if (!asset) return reply.callNotFound();
    // The stylesheet's name carries its hash, so it can be cached for a year.
    const immutable = /^hub-[0-9a-f]+\.css$/.test(name);
    reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
    return reply.type(asset.type).send(asset.body);
  });

  get(app, '/health', { permission: 'public', audit: false }, async (_req, reply) => {
    try {
      await sql`select 1`.execute(services.db);
      return reply.send({ status: 'ok', database: services.dialect });
    } catch (err) {
      services.log.error(err, 'health check failed');
      return reply.code(503).send({ status: 'unavailable', database: services.dialect });
    }
  });

  get(app, '/accessibility', { permission: 'public', audit: false }, async (_req, reply) =>
    reply.render('platform/views/accessibility.njk', { title: 'Accessibility statement' }),
  );
}

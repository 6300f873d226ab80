import type { FastifyInstance } from 'fastify';
import { page } from '../platform/http/page.ts';
import type { Services } from '../platform/services.ts';
import { presentMine } from './mine.presenter.ts';
import { myLearning } from './mine.service.ts';

/** The person's own learning: places, waiting lists, what to evaluate, and their CPD year. */
export function mineRoutes(app: FastifyInstance, services: Services) {
  const { db, clock } = services;

  page(
    app,
    { method: 'GET', url: '/learning/mine', permission: 'learning:view', audit: false },
    async ({ user, reply }) => {
      const now = clock.now();
      const data = await myLearning(db, user, now.toISOString());
      return reply.render('learning/views/mine.njk', presentMine(data, now));
    },
  );
}

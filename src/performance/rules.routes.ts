import type { FastifyInstance } from 'fastify';
import { page } from '../platform/http/page.ts';
import { can } from '../platform/policy/policy.ts';
import type { Services } from '../platform/services.ts';
import { presentRules } from './rules.presenter.ts';
import { currentTimescales } from './settings.service.ts';

/** How the Hub works out whether children's work is on time: open to everyone. */
export function performanceRulesRoutes(app: FastifyInstance, services: Services) {
  page(
    app,
    { method: 'GET', url: '/performance/how-we-work-it-out', permission: 'performance:rules', audit: false },
    async ({ user, reply }) => {
      const timescales = await currentTimescales(services.db);
      const view = presentRules(timescales, can(user, 'performance:rules:manage'));
      return reply.render('performance/views/rules.njk', view);
    },
  );
}

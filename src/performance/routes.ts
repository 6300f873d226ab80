import type { FastifyInstance } from 'fastify';
import type { Services } from '../platform/services.ts';
import { childRoutes } from './child.routes.ts';
import { dashboardRoutes } from './dashboard.routes.ts';
import { childImportRoutes } from './import/routes.ts';
import { rulesRoutes } from './rules.routes.ts';
import { ruleSettingsRoutes } from './settings.routes.ts';

/** Child-focused performance: dashboards, children's pages, the rules, and imports. */
export function performanceRoutes(app: FastifyInstance, services: Services) {
  dashboardRoutes(app, services);
  childRoutes(app, services);
  rulesRoutes(app, services);
  ruleSettingsRoutes(app, services);
  childImportRoutes(app, services);
}

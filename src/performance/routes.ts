import type { FastifyInstance } from 'fastify';
import type { Services } from '../platform/services.ts';
import { childRecordRoutes } from './child.routes.ts';
import { childListRoutes } from './children-list.routes.ts';
import { childDashboardRoutes } from './dashboard.routes.ts';
import { childImportRoutes } from './import/routes.ts';
import { performanceRulesRoutes } from './rules.routes.ts';
import { ruleSettingsRoutes } from './settings.routes.ts';

/** Child-focused performance: dashboards, children's pages, the rules, and imports. */
export function performanceRoutes(app: FastifyInstance, services: Services) {
  childDashboardRoutes(app, services);
  childListRoutes(app, services);
  childRecordRoutes(app, services);
  performanceRulesRoutes(app, services);
  ruleSettingsRoutes(app, services);
  childImportRoutes(app, services);
}

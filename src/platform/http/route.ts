import type { FastifyInstance, RouteHandlerMethod } from 'fastify';
import type { RouteRules } from './types.ts';

/**
 * The first way routes were declared, naming who may use them and whether views
 * are audited; the guard refuses to register a route that does not. New routes use
 * `page()` and `form()` (page.ts, form.ts); these stay until every feature has moved.
 */
export const get = (app: FastifyInstance, url: string, rules: RouteRules, handler: RouteHandlerMethod) =>
  app.route({ method: 'GET', url, config: rules, handler });

export const post = (app: FastifyInstance, url: string, rules: RouteRules, handler: RouteHandlerMethod) =>
  app.route({ method: 'POST', url, config: rules, handler });

export { safeReturnPath } from './return-path.ts';

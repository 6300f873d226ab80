import type { FastifyInstance, RouteHandlerMethod } from 'fastify';
import type { RouteRules } from './types.ts';

/**
 * Every route is declared through these, naming who may use it and whether
 * views are audited; the guard refuses to register a route that does not.
 */
export const get = (app: FastifyInstance, url: string, rules: RouteRules, handler: RouteHandlerMethod) =>
  app.route({ method: 'GET', url, config: rules, handler });

export const post = (app: FastifyInstance, url: string, rules: RouteRules, handler: RouteHandlerMethod) =>
  app.route({ method: 'POST', url, config: rules, handler });

/** Only same-site paths may be redirected to after sign-in. */
export const safeReturnPath = (value: unknown): string =>
  typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) ? value : '/';

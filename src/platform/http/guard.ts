import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../audit/audit.ts';
import { sendToSignIn } from '../auth/pending-form.ts';
import { type Action, can, ForbiddenError } from '../policy/policy.ts';
import type { Services } from '../services.ts';
import { presentedToken, tokensMatch } from './csrf.ts';
import { CsrfError } from './errors.ts';
import { cookieNames } from './session-hook.ts';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The router wrapper: refuses routes that do not declare a permission and an
 * audit rule, checks both on every request, demands the form token on every
 * change, and writes the audit row for each view before the page is sent.
 */
export interface DeclaredRoute {
  method: string;
  url: string;
  permission: Action | 'public';
  audited: boolean;
}

export function guardSetup(app: FastifyInstance, services: Services) {
  const declared: DeclaredRoute[] = [];
  app.decorate('declaredRoutes', declared);
  app.addHook('onRoute', (route) => {
    const cfg = route.config;
    if (!cfg?.permission || cfg.audit === undefined) {
      throw new Error(`Route ${route.method} ${route.url} must declare a permission and an audit rule`);
    }
    for (const method of [route.method].flat()) {
      declared.push({ method, url: route.url, permission: cfg.permission, audited: cfg.audit !== false });
    }
  });

  const production = services.config.env === 'production';
  const signInServices = {
    db: services.db,
    clock: services.clock,
    production,
    sessionCookie: cookieNames(production).session,
  };
  app.addHook('preHandler', async (req, reply) => {
    if (req.is404) return;
    const { permission } = req.routeOptions.config;
    if (!permission) throw new Error(`Route ${req.url} has no permission`);
    if (permission !== 'public') {
      // To sign in; when a session ended by being idle, what a form sent is kept (pending-form.ts).
      if (!req.user) return sendToSignIn(req, reply, signInServices);
      if (!can(req.user, permission)) throw new ForbiddenError(permission);
    }
    if (MUTATING.has(req.method) && !tokensMatch(req.csrfToken, presentedToken(req))) throw new CsrfError();
  });

  app.addHook('onSend', async (req, reply, payload) => {
    // Pages and downloads hold people's records: no browser or proxy keeps a copy (a shared computer's
    // back button, a proxy's cache). Hashed static assets set their own, long, caching.
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    const audit = req.routeOptions.config?.audit;
    // HEAD answers what GET would (Fastify makes a HEAD route for each GET), so it is audited the same.
    if (!audit || (req.method !== 'GET' && req.method !== 'HEAD') || reply.statusCode >= 300) return payload;
    await recordAudit(services.db, services.clock, req.actor, {
      action: reply.getHeader('content-disposition') ? 'export' : 'view',
      recordType: audit.recordType,
      recordId: audit.recordId?.(req) ?? null,
      summary: audit.summary(req),
    });
    return payload;
  });
}

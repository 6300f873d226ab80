import type { FastifyInstance } from 'fastify';
import type { Services } from '../platform/services.ts';
import { auditRoutes } from './audit.routes.ts';
import { outboxRoutes } from './outbox.routes.ts';

export function adminRoutes(app: FastifyInstance, services: Services) {
  auditRoutes(app, services);
  outboxRoutes(app, services);
}

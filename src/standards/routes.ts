import type { FastifyInstance } from 'fastify';
import type { Services } from '../platform/services.ts';
import { acknowledgementRoutes } from './acks.routes.ts';
import { caseAuditRoutes } from './audits.routes.ts';
import { libraryRoutes } from './library.routes.ts';

/** Every page of the practice standards feature. The fixed addresses come before /standards/:id. */
export function standardsRoutes(app: FastifyInstance, services: Services) {
  acknowledgementRoutes(app, services);
  libraryRoutes(app, services);
  caseAuditRoutes(app, services);
}

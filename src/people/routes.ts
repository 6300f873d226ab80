import type { FastifyInstance } from 'fastify';
import type { Services } from '../platform/services.ts';
import { staffImportRoutes } from './import.routes.ts';
import { orgRoutes } from './org.routes.ts';
import { staffRoutes } from './staff.routes.ts';

/** Every page of the people feature (loaded by its manifest when the web app starts). */
export function peopleRoutes(app: FastifyInstance, services: Services) {
  staffRoutes(app, services);
  staffImportRoutes(app, services);
  orgRoutes(app, services);
}

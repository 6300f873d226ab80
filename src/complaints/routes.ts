import type { FastifyInstance } from 'fastify';
import type { Services } from '../platform/services.ts';
import { complaintActionRoutes } from './complaint-actions.routes.ts';
import { complaintPageRoutes } from './complaint-page.routes.ts';
import { complaintsRoutes } from './complaints.routes.ts';
import { evidenceRoutes } from './evidence.routes.ts';
import { learningRoutes } from './learning.routes.ts';
import { reportsRoutes } from './reports.routes.ts';
import { sourcesRoutes } from './sources.routes.ts';

/** Complaints, compliments and the learning loop. Reports come before /complaints/:id so their paths win. */
export function complaintsFeatureRoutes(app: FastifyInstance, services: Services) {
  complaintsRoutes(app, services);
  reportsRoutes(app, services);
  complaintPageRoutes(app, services);
  complaintActionRoutes(app, services);
  learningRoutes(app, services);
  evidenceRoutes(app, services);
  sourcesRoutes(app, services);
}

import type { FastifyInstance } from 'fastify';
import type { Services } from '../platform/services.ts';
import { complaintActionRoutes } from './complaint-actions.routes.ts';
import { complaintPageRoutes } from './complaint-page.routes.ts';
import { complaintListRoutes } from './complaints.routes.ts';
import { lessonEvidenceRoutes } from './evidence.routes.ts';
import { lessonsRoutes } from './lessons.routes.ts';
import { lessonsMovedRoutes } from './lessons-moved.routes.ts';
import { complaintReportsRoutes } from './reports.routes.ts';
import { lessonSourcesRoutes } from './sources.routes.ts';

/** Complaints, compliments and the learning loop. Reports come before /complaints/:id so their paths win. */
export function complaintsRoutes(app: FastifyInstance, services: Services) {
  complaintListRoutes(app, services);
  complaintReportsRoutes(app, services);
  complaintPageRoutes(app, services);
  complaintActionRoutes(app, services);
  lessonsRoutes(app, services);
  lessonEvidenceRoutes(app, services);
  lessonSourcesRoutes(app, services);
  lessonsMovedRoutes(app);
}

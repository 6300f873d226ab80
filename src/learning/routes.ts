import type { FastifyInstance } from 'fastify';
import type { Services } from '../platform/services.ts';
import { learningAdminRoutes } from './admin.routes.ts';
import { attendanceRoutes } from './attendance.routes.ts';
import { catalogueRoutes } from './catalogue.routes.ts';
import { cpdRoutes } from './cpd.routes.ts';
import { elearningRoutes } from './elearning.routes.ts';
import { evaluationRoutes } from './evaluation.routes.ts';
import { evaluationResultsRoutes } from './evaluation-results.routes.ts';
import { feedRoutes } from './feed.routes.ts';
import { mineRoutes } from './mine.routes.ts';
import { learningReportsRoutes } from './reports.routes.ts';
import { sessionRoutes } from './session.routes.ts';

/** Learning (issue 3): the training offer, places and waiting lists, attendance, evaluation, CPD. */
export function learningFeatureRoutes(app: FastifyInstance, services: Services) {
  catalogueRoutes(app, services);
  sessionRoutes(app, services);
  mineRoutes(app, services);
  attendanceRoutes(app, services);
  evaluationRoutes(app, services);
  evaluationResultsRoutes(app, services);
  learningAdminRoutes(app, services);
  cpdRoutes(app, services);
  feedRoutes(app, services);
  elearningRoutes(app, services);
  learningReportsRoutes(app, services);
}

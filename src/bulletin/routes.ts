import type { FastifyInstance } from 'fastify';
import type { Services } from '../platform/services.ts';
import { contributionRoutes } from './contributions.routes.ts';
import { editorRoutes } from './editor.routes.ts';
import { imageRoutes } from './images.routes.ts';
import { readerRoutes } from './reader.routes.ts';

/** Every page of the bulletin. */
export function bulletinRoutes(app: FastifyInstance, services: Services) {
  contributionRoutes(app, services);
  editorRoutes(app, services);
  readerRoutes(app, services);
  imageRoutes(app, services);
}

import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { FEATURES, navigation, panels } from './features.ts';
import { authRoutes } from './platform/auth/routes.ts';
import { calendarRoutes } from './platform/calendar/routes.ts';
import type { Feature } from './platform/feature.ts';
import { homeRoutes } from './platform/home/routes.ts';
import { guardSetup } from './platform/http/guard.ts';
import { pagesSetup } from './platform/http/pages.ts';
import { platformRoutes } from './platform/http/platform-routes.ts';
import { sessionSetup } from './platform/http/session-hook.ts';
import './platform/http/types.ts';
import type { Services } from './platform/services.ts';
import { buildAssets } from './platform/views/assets.ts';
import { createViewEnv } from './platform/views/render.ts';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/**
 * The whole web app, set up in a fixed, readable order: security headers,
 * body parsing, who is asking, what they may do, how pages render, then each
 * feature's routes, from the one list of features.
 */
export async function createApp(services: Services, features: Feature[] = FEATURES) {
  const { config } = services;
  const production = config.env === 'production';
  const app = Fastify({
    loggerInstance: services.log as FastifyBaseLogger,
    // Only the load balancer's X-Forwarded-For is believed, and only when TRUST_PROXY says so: a forged
    // header must not pick the address that sign-in throttling and the audit log record.
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
  });

  await app.register(helmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        upgradeInsecureRequests: production ? [] : null,
      },
    },
    strictTransportSecurity: production,
    // Agrees with frame-ancestors 'none' for browsers that read only the older header.
    frameguard: { action: 'deny' },
  });
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 1024 * 1024 });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 20 } });
  await app.register(rateLimit, { global: false });

  sessionSetup(app, services);
  guardSetup(app, services);
  const views = createViewEnv({ cache: config.env !== 'development' });
  const assets = buildAssets(config.brandColour);
  pagesSetup(app, services, views, assets, navigation(features));

  platformRoutes(app, services, assets);
  authRoutes(app, services);
  homeRoutes(app, services, panels(features));
  calendarRoutes(app, services);
  for (const f of features) await f.routes?.(app, services);

  return app;
}

import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyBaseLogger, type FastifyReply } from 'fastify';
import { FEATURES, navigation, panels } from './features.ts';
import { authRoutes } from './platform/auth/routes.ts';
import { calendarRoutes } from './platform/calendar/routes.ts';
import type { Feature } from './platform/feature.ts';
import { homeRoutes } from './platform/home/routes.ts';
import { guardSetup } from './platform/http/guard.ts';
import { inputGuardSetup } from './platform/http/input-guard.ts';
import { pagesSetup } from './platform/http/pages.ts';
import { platformRoutes } from './platform/http/platform-routes.ts';
import { securityHeaders } from './platform/http/security-headers.ts';
import { sessionSetup } from './platform/http/session-hook.ts';
import './platform/http/messages.ts';
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
  const views = createViewEnv({ cache: config.env !== 'development' });
  const assets = buildAssets(config.brandColour);
  // Requests refused before routing (a 100,000-character address, a malformed URL) get the Hub's own
  // error page too, not the framework's JSON.
  const bareErrorPage = (title: string, paragraphs: string[]) =>
    views.render('platform/views/error.njk', {
      orgName: config.orgName,
      serviceName: config.serviceName,
      cssHref: assets.cssHref,
      title,
      paragraphs,
    });
  const app = Fastify({
    loggerInstance: services.log as FastifyBaseLogger,
    clientErrorHandler: (err: NodeJS.ErrnoException, socket) => {
      if (err.code === 'ECONNRESET' || !socket.writable) return;
      const tooLong = err.code === 'HPE_HEADER_OVERFLOW';
      const html = tooLong
        ? bareErrorPage('The web address is too long', [
            'The Hub could not read a web address this long. Go back and try a shorter search or filter.',
          ])
        : bareErrorPage('There is a problem with what was sent', ['Go back and try again.']);
      const status = tooLong ? '431 Request Header Fields Too Large' : '400 Bad Request';
      socket.end(
        `HTTP/1.1 ${status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(html)}\r\nConnection: close\r\n\r\n${html}`,
      );
    },
    frameworkErrors: (err, _req, reply: FastifyReply) => {
      const tooLong = err.code === 'FST_ERR_MAX_PARAM_LENGTH';
      return reply
        .code(tooLong ? 414 : 400)
        .type('text/html; charset=utf-8')
        .send(
          tooLong
            ? bareErrorPage('The web address is too long', [
                'The Hub could not find a page at a web address this long. Check the address and try again.',
              ])
            : bareErrorPage('Page not found', ['Check the web address is correct.']),
        );
    },
    // Only the load balancer's X-Forwarded-For is believed, and only when TRUST_PROXY says so: a forged
    // header must not pick the address that sign-in throttling and the audit log record.
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
  });

  securityHeaders(app, {
    production,
    formActions: config.oidc ? [new URL(config.oidc.issuer).origin] : [],
  });
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 1024 * 1024 });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 20 } });
  await app.register(rateLimit, { global: false });

  inputGuardSetup(app);
  sessionSetup(app, services);
  guardSetup(app, services);
  pagesSetup(app, services, views, assets, navigation(features));

  platformRoutes(app, services, assets);
  authRoutes(app, services);
  homeRoutes(app, services, panels(features));
  calendarRoutes(app, services);
  for (const f of features) await f.routes?.(app, services);

  return app;
}

import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { loadSession, setFlash, touchSession } from '../auth/sessions.ts';
import type { Services } from '../services.ts';
import { anonymousToken } from './csrf.ts';

export const cookieNames = (production: boolean) => ({
  // __Host- cookies must be Secure, path=/ and host-only: the browser enforces it.
  session: production ? '__Host-hub_session' : 'hub_session',
  pre: production ? '__Host-hub_pre' : 'hub_pre',
});

export const cookieOptions = (production: boolean) =>
  ({ path: '/', httpOnly: true, sameSite: 'lax', secure: production }) as const;

const ASSETS = '/assets/';

/** Loads the signed-in person (if any) for every request, and the form token they must echo. */
export function sessionSetup(app: FastifyInstance, services: Services) {
  const production = services.config.env === 'production';
  const names = cookieNames(production);
  app.decorateRequest('user', null);
  app.decorateRequest('session', null);
  app.decorateRequest('csrfToken', '');
  app.decorateRequest('actor', null as never);

  app.addHook('onRequest', async (req, reply) => {
    const ua = req.headers['user-agent'] ?? null;
    req.actor = { id: null, name: 'anonymous', ip: req.ip, userAgent: ua };
    // The stylesheet, scripts and images are the same for everyone and kept by browsers for a year: a
    // request for one neither needs the person nor counts as their activity, must not clear the flash
    // its page is about to show, and must not carry a cookie (a response that sets one is not cached).
    if (req.url.startsWith(ASSETS)) return;
    const token = req.cookies[names.session];
    if (token) {
      const session = await loadSession(services.db, services.clock, token);
      if (session) {
        req.session = session;
        req.user = session.user;
        req.csrfToken = session.csrfToken;
        req.actor = { id: session.user.id, name: session.user.name, ip: req.ip, userAgent: ua };
        await touchSession(services.db, services.clock, session, services.config.sessionIdleMinutes);
        // A flash is shown once: clear it as the next page is read.
        if (session.flash && req.method === 'GET') await setFlash(services.db, session.id, null);
        return;
      }
      reply.clearCookie(names.session, cookieOptions(production));
    }
    let pre = req.cookies[names.pre];
    if (!pre || pre.length < 20) {
      pre = randomBytes(24).toString('base64url');
      reply.setCookie(names.pre, pre, cookieOptions(production));
    }
    req.csrfToken = anonymousToken(services.config.sessionSecret, pre);
  });
}

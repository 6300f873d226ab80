import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { page } from '../http/page.ts';
import { cookieNames, cookieOptions } from '../http/session-hook.ts';
import type { Services } from '../services.ts';
import { presentSsoRefused } from './oidc.presenter.ts';
import {
  beginSignIn,
  CALLBACK_PATH,
  finishSignIn,
  hubUrl,
  SIGNED_OUT_PATH,
  type SsoCtx,
} from './oidc.service.ts';

const flowCookie = (production: boolean) => (production ? '__Host-hub_sso' : 'hub_sso');

/**
 * "Sign in with your council account": a link to the provider, and the address
 * it sends the browser back to. Both are public (no one is signed in yet) and
 * neither is a form: the flow's own state, nonce and PKCE verifier protect it.
 */
export function oidcRoutes(app: FastifyInstance, services: Services) {
  const { db, clock, config } = services;
  const production = config.env === 'production';
  const names = cookieNames(production);
  const ctx = (): SsoCtx | undefined =>
    config.oidc && {
      db,
      clock,
      oidc: config.oidc,
      baseUrl: config.baseUrl,
      sessionIdleMinutes: config.sessionIdleMinutes,
    };

  page(
    app,
    {
      method: 'GET',
      url: '/sign-in/council',
      permission: 'public',
      audit: false,
      query: z.object({ returnTo: z.string().optional().catch(undefined) }),
      rateLimit: { max: 60, timeWindow: '1 minute' },
    },
    async ({ query, reply }) => {
      const sso = ctx();
      if (!sso) return reply.redirect('/sign-in', 303);
      const begun = await beginSignIn(sso, query.returnTo);
      reply.setCookie(flowCookie(production), begun.cookie, { ...cookieOptions(production), maxAge: 600 });
      return reply.redirect(begun.url, 303);
    },
  );

  // Back from signing out at the provider: the Hub's session ended before the browser went there.
  page(app, { method: 'GET', url: SIGNED_OUT_PATH, permission: 'public', audit: false }, async ({ reply }) =>
    reply.redirect('/sign-in?signedOut=1', 303),
  );

  page(
    app,
    {
      method: 'GET',
      url: CALLBACK_PATH,
      permission: 'public',
      audit: false,
      rateLimit: { max: 60, timeWindow: '1 minute' },
    },
    async ({ req, actor, reply }) => {
      const sso = ctx();
      if (!sso) return reply.redirect('/sign-in', 303);
      const search = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
      const outcome = await finishSignIn(sso, actor, {
        // The address as the provider saw it (BASE_URL's), which openid-client also sends as redirect_uri.
        callbackUrl: new URL(hubUrl(config.baseUrl, CALLBACK_PATH) + search),
        flowCookie: req.cookies[flowCookie(production)],
        previousToken: req.cookies[names.session],
      });
      reply.clearCookie(flowCookie(production), cookieOptions(production));
      if (!outcome.ok) {
        reply.clearCookie(names.session, cookieOptions(production));
        const refused = presentSsoRefused(outcome.reason, config.orgName);
        return reply.code(refused.status).render('platform/auth/sso-refused.njk', refused);
      }
      reply.setCookie(names.session, outcome.token, cookieOptions(production));
      return reply.redirect(outcome.returnTo, 303);
    },
  );
}

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { page } from '../http/page.ts';
import { safeReturnPath } from '../http/return-path.ts';
import { cookieNames, cookieOptions } from '../http/session-hook.ts';
import type { Services } from '../services.ts';
import { accountRoutes } from './account.routes.ts';
import { presentSignIn, presentSignInRefused } from './auth.presenter.ts';
import { oidcRoutes } from './oidc.routes.ts';
import { signOutDestination } from './oidc.service.ts';
import { passwordLinkRoutes } from './password-links.routes.ts';
import { pendingCookieName, restorePendingForm } from './pending-form.ts';
import { signInAnswers, signInWithAnswers } from './public-forms.service.ts';
import { touchSession } from './sessions.ts';
import { signOut } from './sign-in.service.ts';

const text = z.string().optional().catch(undefined);
const signInQuery = z.object({
  returnTo: text,
  passwordSet: text,
  signedOut: text,
  sessionEnded: text,
  answersKept: text,
});
const view = 'platform/auth/sign-in.njk';

/**
 * Signing in and out, then the password links and one's own account. Sign-in is
 * public and has no session yet: its form carries the pre-session token the guard
 * checks, and a refusal shows the page again rather than redirecting.
 */
export function authRoutes(app: FastifyInstance, services: Services) {
  passwordLinkRoutes(app, services);
  accountRoutes(app, services);
  oidcRoutes(app, services);
  const { db, clock, config } = services;
  const sso = config.oidc && { passwordsOff: config.oidc.passwordsOff };
  const production = config.env === 'production';
  const names = cookieNames(production);

  page(
    app,
    { method: 'GET', url: '/sign-in', permission: 'public', audit: false, query: signInQuery },
    async ({ query, user, reply }) =>
      user ? reply.redirect('/', 303) : reply.render(view, { ...presentSignIn(query), sso }),
  );

  page(
    app,
    {
      method: 'POST',
      url: '/sign-in',
      permission: 'public',
      audit: false,
      body: signInAnswers,
      // Per-address throttle on top of the per-account lockout.
      rateLimit: { max: 60, timeWindow: '1 minute' },
    },
    async ({ body, actor, req, reply }) => {
      const outcome = await signInWithAnswers(
        {
          db,
          clock,
          sessionIdleMinutes: config.sessionIdleMinutes,
          breakGlassOnly: config.oidc?.passwordsOff ? (config.oidc.breakGlassEmail ?? '') : undefined,
        },
        actor,
        body,
        req.cookies[names.session],
      );
      if (!outcome.ok) {
        const refused = presentSignInRefused(outcome, body, sso);
        return reply.code(refused.status).render(view, { ...refused.view, sso });
      }
      // A new session every time: the one the browser had (if any) was deleted with it.
      reply.setCookie(names.session, outcome.token, cookieOptions(production));
      // Answers sent after their last session ended go back to the form they came from.
      const pendingCookie = pendingCookieName(production);
      const backToForm = await restorePendingForm(
        db,
        clock,
        req.cookies[pendingCookie],
        outcome.staffId,
        outcome.token,
      );
      if (req.cookies[pendingCookie]) reply.clearCookie(pendingCookie, cookieOptions(production));
      return reply.redirect(backToForm ?? safeReturnPath(body.returnTo), 303);
    },
  );

  // "Stay signed in" in the warning before an idle session ends (public/hub.js): the session starts its idle time again.
  page(
    app,
    { method: 'POST', url: '/session/extend', permission: 'home:view', audit: false, body: z.object({}) },
    async ({ req, reply }) => {
      if (req.session) await touchSession(db, clock, req.session, config.sessionIdleMinutes, true);
      return reply.code(204).send();
    },
  );

  // A button, not a form to fill in: it ends the session, so there is nothing to keep or show again.
  page(
    app,
    { method: 'POST', url: '/sign-out', permission: 'home:view', audit: false, body: z.object({}) },
    async ({ user, actor, req, reply }) => {
      // Read before the session goes: a session begun at the provider is ended there too (RP-initiated logout).
      const atProvider =
        req.session && config.oidc
          ? await signOutDestination(
              { db, clock, oidc: config.oidc, baseUrl: config.baseUrl },
              req.session.id,
            )
          : undefined;
      if (req.session) await signOut(db, clock, actor, { id: req.session.id, staffId: user.id });
      reply.clearCookie(names.session, cookieOptions(production));
      return reply.redirect(atProvider ?? '/sign-in?signedOut=1', 303);
    },
  );
}

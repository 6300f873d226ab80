import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { page } from '../http/page.ts';
import { mailLayout } from '../mail/message.ts';
import type { Services } from '../services.ts';
import {
  presentCheckEmail,
  presentForgottenPassword,
  presentLinkExpired,
  presentSetPassword,
} from './auth.presenter.ts';
import { checkLink } from './password-links.service.ts';
import {
  emailAnswers,
  newPasswordAnswers,
  requestResetWithAnswers,
  setPasswordWithAnswers,
} from './public-forms.service.ts';

const setView = 'platform/auth/set-password.njk';
const expiredView = 'platform/auth/link-expired.njk';
const forgottenView = 'platform/auth/forgotten-password.njk';
const tokenParams = z.object({ token: z.string() });
const open = { permission: 'public', audit: false } as const;

/** "Forgotten your password?" and the emailed one-time links that set a password (an invitation or a reset). */
export function passwordLinkRoutes(app: FastifyInstance, services: Services) {
  const { db, clock, config } = services;
  const links = { db, clock, ...mailLayout(config) };

  page(app, { method: 'GET', url: '/forgotten-password', ...open }, async ({ reply }) =>
    reply.render(forgottenView, presentForgottenPassword()),
  );

  page(
    app,
    {
      method: 'POST',
      url: '/forgotten-password',
      ...open,
      body: emailAnswers,
      rateLimit: { max: 10, timeWindow: '1 minute' },
    },
    async ({ body, actor, reply }) => {
      const outcome = await requestResetWithAnswers(links, actor, body);
      if (!outcome.ok)
        return reply
          .code(422)
          .render(forgottenView, presentForgottenPassword({ values: body, problems: outcome.problems }));
      // The same answer whether or not the address has an account, so nobody can fish for addresses.
      return reply.render('platform/auth/check-email.njk', presentCheckEmail(outcome.email));
    },
  );

  page(
    app,
    { method: 'GET', url: '/set-password/:token', ...open, params: tokenParams },
    async ({ params, reply }) => {
      const link = await checkLink(db, clock, params.token);
      if (!link) return reply.code(410).render(expiredView, presentLinkExpired());
      return reply.render(setView, presentSetPassword(link, params.token));
    },
  );

  page(
    app,
    { method: 'POST', url: '/set-password/:token', ...open, params: tokenParams, body: newPasswordAnswers },
    async ({ params, body, actor, reply }) => {
      const outcome = await setPasswordWithAnswers(db, clock, actor, params.token, body);
      if (outcome.kind === 'expired') return reply.code(410).render(expiredView, presentLinkExpired());
      if (outcome.kind === 'refused')
        return reply
          .code(422)
          .render(setView, presentSetPassword(outcome.link, params.token, outcome.problems));
      return reply.redirect('/sign-in?passwordSet=1', 303);
    },
  );
}

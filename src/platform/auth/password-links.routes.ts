import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { UserInputError } from '../http/errors.ts';
import { formErrors, redirectWithForm, redirectWithSuccess } from '../http/forms.ts';
import { get, post } from '../http/route.ts';
import type { Services } from '../services.ts';
import { newPasswordForm, workEmail } from './fields.ts';
import {
  checkLink,
  requestPasswordReset,
  sendInvitation,
  setPasswordFromLink,
} from './password-links.service.ts';

const emailForm = z.object({
  email: workEmail,
});

const setView = 'platform/auth/set-password.njk';

export function passwordLinkRoutes(app: FastifyInstance, services: Services) {
  const ctx = {
    db: services.db,
    clock: services.clock,
    baseUrl: services.config.baseUrl,
    serviceName: services.config.serviceName,
  };

  get(app, '/forgotten-password', { permission: 'public', audit: false }, async (_req, reply) =>
    reply.render('platform/auth/forgotten-password.njk', {
      title: 'Reset your password',
      backLink: { href: '/sign-in' },
    }),
  );

  app.route({
    method: 'POST',
    url: '/forgotten-password',
    config: { permission: 'public', audit: false, rateLimit: { max: 10, timeWindow: '1 minute' } },
    handler: async (req, reply) => {
      const parsed = emailForm.safeParse(req.body);
      if (!parsed.success) {
        return reply.code(422).render('platform/auth/forgotten-password.njk', {
          title: 'Reset your password',
          errors: formErrors(parsed.error),
          values: req.body,
        });
      }
      await requestPasswordReset(ctx, req.actor, parsed.data.email);
      // The same answer whether or not the address has an account, so nobody can fish for addresses.
      return reply.render('platform/auth/check-email.njk', {
        title: 'Check your email',
        email: parsed.data.email,
      });
    },
  });

  get(app, '/set-password/:token', { permission: 'public', audit: false }, async (req, reply) => {
    const { token } = req.params as { token: string };
    const link = await checkLink(services.db, services.clock, token);
    if (!link)
      return reply.code(410).render('platform/auth/link-expired.njk', { title: 'This link no longer works' });
    return reply.render(setView, {
      title: 'Choose your password',
      name: link.name,
      email: link.email,
      token,
    });
  });

  post(app, '/set-password/:token', { permission: 'public', audit: false }, async (req, reply) => {
    const { token } = req.params as { token: string };
    const link = await checkLink(services.db, services.clock, token);
    if (!link)
      return reply.code(410).render('platform/auth/link-expired.njk', { title: 'This link no longer works' });
    const again = (errors: ReturnType<typeof formErrors>) =>
      reply.code(422).render(setView, {
        title: 'Choose your password',
        name: link.name,
        email: link.email,
        token,
        errors,
      });
    const parsed = newPasswordForm.safeParse(req.body);
    if (!parsed.success) return again(formErrors(parsed.error));
    try {
      await setPasswordFromLink(services.db, services.clock, req.actor, token, parsed.data.password);
    } catch (err) {
      if (err instanceof UserInputError)
        return again(formErrors([{ field: err.field ?? 'password', text: err.message }]));
      throw err;
    }
    return reply.redirect('/sign-in?passwordSet=1', 303);
  });

  post(app, '/staff/:id/invite', { permission: 'staff:invite', audit: false }, async (req, reply) => {
    const { id } = req.params as { id: string };
    try {
      const sent = await sendInvitation(ctx, req.actor, id);
      return redirectWithSuccess(
        services,
        req,
        reply,
        `/staff/${id}`,
        `An invitation to set a password has been emailed to ${sent.email}.`,
      );
    } catch (err) {
      if (err instanceof UserInputError) {
        return redirectWithForm(services, req, reply, `/staff/${id}`, {
          values: {},
          errors: formErrors([{ field: 'invite', text: err.message }]),
        });
      }
      throw err;
    }
  });
}

import type { FastifyInstance } from 'fastify';
import { UserInputError } from '../http/errors.ts';
import { formErrors, keptForm, redirectWithForm, redirectWithSuccess } from '../http/forms.ts';
import { get, post } from '../http/route.ts';
import type { Services } from '../services.ts';
import { changePassword } from './change-password.service.ts';
import { changePasswordForm } from './fields.ts';

const URL = '/account/password';

/** A signed-in person's own account: for now, changing their password. */
export function accountRoutes(app: FastifyInstance, services: Services) {
  get(app, URL, { permission: 'account:manage', audit: false }, async (req, reply) =>
    reply.render('platform/auth/change-password.njk', {
      title: 'Change your password',
      errors: keptForm(req)?.errors,
      backLink: { href: '/' },
    }),
  );

  post(app, URL, { permission: 'account:manage', audit: false }, async (req, reply) => {
    // Passwords are never kept for the form to show again.
    const back = (errors: ReturnType<typeof formErrors>) =>
      redirectWithForm(services, req, reply, URL, { values: {}, errors });
    const parsed = changePasswordForm.safeParse(req.body);
    if (!parsed.success) return back(formErrors(parsed.error));
    try {
      await changePassword(services.db, services.clock, req.actor, {
        staffId: req.user!.id,
        sessionId: req.session!.id,
        current: parsed.data.current,
        next: parsed.data.password,
      });
    } catch (err) {
      if (err instanceof UserInputError)
        return back(formErrors([{ field: err.field ?? 'password', text: err.message }]));
      throw err;
    }
    return redirectWithSuccess(
      services,
      req,
      reply,
      '/',
      'Your password has been changed. You have been signed out everywhere else.',
    );
  });
}

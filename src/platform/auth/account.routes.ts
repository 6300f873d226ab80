import type { FastifyInstance } from 'fastify';
import { form } from '../http/form.ts';
import { keptForm } from '../http/forms.ts';
import { page } from '../http/page.ts';
import type { Services } from '../services.ts';
import { presentChangePassword } from './auth.presenter.ts';
import { changePassword } from './change-password.service.ts';
import { changePasswordForm } from './fields.ts';

const URL = '/account/password';

/** A signed-in person's own account: for now, changing their password. */
export function accountRoutes(app: FastifyInstance, services: Services) {
  const { db, clock } = services;

  page(app, { method: 'GET', url: URL, permission: 'account:manage', audit: false }, async ({ req, reply }) =>
    reply.render('platform/auth/change-password.njk', presentChangePassword(keptForm(req)?.errors)),
  );

  form(
    app,
    {
      url: URL,
      permission: 'account:manage',
      body: changePasswordForm,
      back: () => URL,
      refusalField: 'password',
      // Passwords are never kept for the form to show again.
      keepAnswers: false,
    },
    async (answers, { user, actor, req }) => {
      await changePassword(db, clock, actor, {
        staffId: user.id,
        keepSessionId: req.session?.id,
        current: answers.current,
        next: answers.password,
      });
      return {
        to: '/',
        message: 'Your password has been changed. You have been signed out everywhere else.',
      };
    },
  );
}

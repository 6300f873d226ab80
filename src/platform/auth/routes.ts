import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { recordAudit } from '../audit/audit.ts';
import { formErrors } from '../http/forms.ts';
import { get, post, safeReturnPath } from '../http/route.ts';
import { cookieNames, cookieOptions } from '../http/session-hook.ts';
import type { Services } from '../services.ts';
import { formatTime } from '../views/format.ts';
import { accountRoutes } from './account.routes.ts';
import { workEmail } from './fields.ts';
import { passwordLinkRoutes } from './password-links.routes.ts';
import { deleteSession } from './sessions.ts';
import { signIn } from './sign-in.service.ts';

const signInForm = z.object({
  email: workEmail,
  password: z.string().min(1, 'Enter your password').max(500),
  returnTo: z.string().optional(),
});

const view = 'platform/auth/sign-in.njk';

export function authRoutes(app: FastifyInstance, services: Services) {
  passwordLinkRoutes(app, services);
  accountRoutes(app, services);
  const production = services.config.env === 'production';
  const names = cookieNames(production);

  get(app, '/sign-in', { permission: 'public', audit: false }, async (req, reply) => {
    if (req.user) return reply.redirect('/', 303);
    const q = req.query as { returnTo?: string; passwordSet?: string; signedOut?: string };
    const notice = q.passwordSet
      ? 'Your password has been set. Sign in with it now.'
      : q.signedOut
        ? 'You have signed out.'
        : undefined;
    return reply.render(view, { title: 'Sign in', notice, values: { returnTo: safeReturnPath(q.returnTo) } });
  });

  app.route({
    method: 'POST',
    url: '/sign-in',
    // Per-address throttle on top of the per-account lockout.
    config: { permission: 'public', audit: false, rateLimit: { max: 60, timeWindow: '1 minute' } },
    handler: async (req, reply) => {
      const parsed = signInForm.safeParse(req.body);
      const raw = (req.body ?? {}) as Record<string, string>;
      const values = { email: raw.email ?? '', returnTo: safeReturnPath(raw.returnTo) };
      if (!parsed.success) {
        return reply.code(422).render(view, { title: 'Sign in', values, errors: formErrors(parsed.error) });
      }
      const result = await signIn(services.db, services.clock, req.actor, {
        email: parsed.data.email,
        password: parsed.data.password,
        previousToken: req.cookies[names.session],
        idleMinutes: services.config.sessionIdleMinutes,
      });
      if (!result.ok) {
        const text =
          result.reason === 'locked'
            ? `Your account is locked after too many wrong passwords. Try again after ${formatTime(result.until)}, or ask a system admin to unlock it.`
            : 'The email address or password is not right. Check them and try again.';
        return reply.code(401).render(view, {
          title: 'Sign in',
          values,
          errors: formErrors([{ field: 'email', text }]),
        });
      }
      reply.setCookie(names.session, result.token, cookieOptions(production));
      return reply.redirect(values.returnTo, 303);
    },
  });

  post(app, '/sign-out', { permission: 'home:view', audit: false }, async (req, reply) => {
    if (req.session) {
      const session = req.session;
      await services.db.transaction().execute(async (trx) => {
        await deleteSession(trx, session.id);
        await recordAudit(trx, services.clock, req.actor, {
          action: 'sign-out',
          recordType: 'staff',
          recordId: session.user.id,
          summary: 'Signed out',
        });
      });
    }
    reply.clearCookie(names.session, cookieOptions(production));
    return reply.redirect('/sign-in?signedOut=1', 303);
  });
}

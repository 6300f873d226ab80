import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../audit/audit.ts';
import { setFlash } from '../auth/sessions.ts';
import { isDatabaseUnavailable } from '../db/db.ts';
import type { NavItem } from '../feature.ts';
import { redactUrl } from '../logging.ts';
import { ForbiddenError } from '../policy/policy.ts';
import type { Services } from '../services.ts';
import type { Assets } from '../views/assets.ts';
import { navigationFor } from '../views/navigation.ts';
import { renderBytes, type ViewEnv } from '../views/render.ts';
import { CsrfError, NotFoundError, UserInputError } from './errors.ts';

/** reply.render(template, context): the page plus what every layout needs. */
export function pagesSetup(
  app: FastifyInstance,
  services: Services,
  views: ViewEnv,
  assets: Assets,
  navigation: NavItem[],
) {
  const { config } = services;
  // Post/redirect/get: what the next page view should say (a success, or the answers and errors kept),
  // held in the person's session so a refresh never re-submits.
  app.decorateReply('redirectWithFlash', async function redirectWithFlash(this: FastifyReply, url, flash) {
    if (this.request.session) await setFlash(services.db, this.request.session.id, flash);
    return this.redirect(url, 303);
  });
  app.decorateReply('render', function render(this: FastifyReply, template: string, context = {}) {
    const req = this.request;
    const path = req.url.split('?')[0] ?? '/';
    const page = renderBytes(views, template, {
      orgName: config.orgName,
      serviceName: config.serviceName,
      brandColour: config.brandColour,
      cssHref: assets.cssHref,
      cspNonce: this.cspNonce,
      user: req.user,
      // For the warning before an idle session ends (public/hub.js, WCAG 2.2.1).
      sessionIdleSeconds: Math.round(config.sessionIdleMinutes * 60),
      csrfToken: req.csrfToken,
      navigation: navigationFor(navigation, req.user, path),
      flash: req.session?.flash && req.method === 'GET' ? JSON.parse(req.session.flash) : undefined,
      currentPath: path,
      ...context,
    });
    // Bytes, not a string: a page made by the templates is a string of thousands of joined pieces,
    // which would be walked once to measure its length and again to write it (1 ms each at 80 KB).
    return this.type('text/html; charset=utf-8').send(page);
  });

  const errorPage = (reply: FastifyReply, status: number, title: string, paragraphs: string[]) =>
    reply.code(status).render('platform/views/error.njk', { title, paragraphs });

  app.setNotFoundHandler((_req, reply) =>
    errorPage(reply, 404, 'Page not found', [
      'If you typed the web address, check it is correct.',
      'If you followed a link, the record may have been removed or you may not have access to it.',
    ]),
  );

  app.setErrorHandler(async (err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof ForbiddenError) {
      // A refused attempt is itself worth knowing about: audit it.
      await recordAudit(services.db, services.clock, req.actor, {
        action: 'view',
        recordType: err.recordType ?? (req.routeOptions.config?.audit || undefined)?.recordType ?? 'page',
        recordId: err.recordId ?? null,
        summary: `Refused ${req.method} ${req.url.slice(0, 200)} (${err.action})`,
        outcome: 'denied',
      }).catch((e) => req.log.error(e, 'could not audit a refusal'));
      return errorPage(reply, 403, 'You do not have access to this page', [
        'Your roles do not allow you to see or change this.',
        'If you think you should have access, ask your manager or a system admin.',
      ]);
    }
    if (err instanceof CsrfError) {
      // A form without its token may be a forged request from another site: worth knowing about.
      await recordAudit(services.db, services.clock, req.actor, {
        action: 'update',
        recordType: 'form',
        recordId: null,
        summary: `Refused ${req.method} ${redactUrl(req.url).slice(0, 200)}: form token missing or wrong`,
        outcome: 'denied',
      }).catch((e) => req.log.error(e, 'could not audit a refused form'));
      return errorPage(reply, 403, 'This form has expired', [
        'For your security, the form could not be accepted. Go back, reload the page and try again.',
      ]);
    }
    if (err instanceof NotFoundError) {
      return errorPage(reply, 404, 'Page not found', ['The record does not exist or has been removed.']);
    }
    if (err instanceof UserInputError || err.validation) {
      return errorPage(reply, 400, 'There is a problem with what was sent', [err.message]);
    }
    if (err.statusCode === 413) {
      return errorPage(reply, 413, 'What you sent is too large', [
        'The form or file is larger than the Hub accepts. For a file, check it is the right one and split it if you need to; for a form, shorten what you wrote.',
      ]);
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      // Framework and parser messages are not written for people: say what to do instead.
      return errorPage(reply, err.statusCode, 'There is a problem with what was sent', [
        'The Hub could not read what your browser sent. Go back, reload the page and try again.',
      ]);
    }
    if (isDatabaseUnavailable(err)) {
      req.log.warn({ err: err.message }, 'database unavailable');
      return errorPage(reply, 503, 'Sorry, the service is not available just now', [
        'Nothing you confirmed has been lost: a change that could not be saved was not made.',
        'Try again in a few minutes.',
      ]);
    }
    req.log.error(err);
    return errorPage(reply, 500, 'Sorry, there is a problem with the service', [
      'Nothing you confirmed has been lost. Try again later.',
    ]);
  });
}

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isDay } from '../platform/calendar/days.ts';
import { form } from '../platform/http/form.ts';
import { keptForm } from '../platform/http/forms.ts';
import { idParams, page } from '../platform/http/page.ts';
import type { Services } from '../platform/services.ts';
import { formatDate } from '../platform/views/format.ts';
import { presentCompliance, presentImport, presentMyElearning } from './elearning.presenter.ts';
import { complianceOf, importCompletionsUpload, myElearning, recordCompletion } from './elearning.service.ts';

const completeForm = z.object({
  completedOn: z.string().trim().refine(isDay, 'Enter the date you completed it as YYYY-MM-DD'),
});

/** Mandatory e-learning: each person's own record, who needs to do it, and L&D's import of completions. */
export function elearningRoutes(app: FastifyInstance, services: Services) {
  page(
    app,
    { method: 'GET', url: '/learning/elearning', permission: 'learning:view', audit: false },
    async ({ user, req, reply }) => {
      const view = presentMyElearning(await myElearning(services, user), keptForm(req));
      return reply.render('learning/views/elearning.njk', view);
    },
  );

  form(
    app,
    {
      url: '/learning/elearning/:id/complete',
      permission: 'learning:view',
      params: idParams,
      body: completeForm,
      back: () => '/learning/elearning',
    },
    async ({ completedOn }, { params, user, actor }) => {
      const title = await recordCompletion(services, user, actor, params.id, completedOn);
      return {
        to: '/learning/elearning',
        message: `Recorded: you completed ${title} on ${formatDate(completedOn)}.`,
      };
    },
  );

  page(
    app,
    { method: 'GET', url: '/learning/compliance', permission: 'learning:team', audit: false },
    async ({ user, reply }) =>
      reply.render('learning/views/compliance.njk', presentCompliance(await complianceOf(services, user))),
  );

  const manage = { url: '/learning/compliance/import', permission: 'learning:manage', audit: false } as const;
  page(app, { method: 'GET', ...manage }, async ({ reply }) =>
    reply.render('learning/views/elearning-import.njk', presentImport()),
  );

  // Multipart bodies are read by the service, so the form token travels in the query string.
  page(app, { method: 'POST', ...manage }, async ({ req, reply, actor }) => {
    const result = await importCompletionsUpload(services, actor, req);
    if (!result.ok)
      return reply
        .code(result.status)
        .render('learning/views/elearning-import.njk', presentImport(result.problems));
    return reply.redirectWithFlash('/learning/compliance', {
      success: `Imported ${result.imported} completions.`,
    });
  });
}

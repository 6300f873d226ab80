import type { FastifyInstance } from 'fastify';
import { sendTable } from '../platform/export/table-export.ts';
import { idParams, page } from '../platform/http/page.ts';
import type { Services } from '../platform/services.ts';
import { evaluationsTable, presentEvaluationResults } from './evaluation.presenter.ts';
import { evaluationResults } from './evaluation.service.ts';

/** Evaluation results for one session, or for every session of a course; on the page and as CSV and XLSX. */
export function evaluationResultsRoutes(app: FastifyInstance, services: Services) {
  const { db } = services;
  const rules = { method: 'GET', permission: 'learning:reports', audit: false, params: idParams } as const;

  for (const scope of ['sessions', 'courses'] as const) {
    page(app, { ...rules, url: `/learning/${scope}/:id/evaluations` }, async ({ params, reply }) => {
      const results = await evaluationResults(db, scope, params.id);
      return reply.render('learning/views/evaluations.njk', presentEvaluationResults(results));
    });
    for (const format of ['csv', 'xlsx'] as const)
      page(
        app,
        { ...rules, url: `/learning/${scope}/:id/evaluations.${format}` },
        async ({ params, reply }) =>
          sendTable(reply, format, evaluationsTable(await evaluationResults(db, scope, params.id))),
      );
  }
}

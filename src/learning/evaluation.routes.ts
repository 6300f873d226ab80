import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { form } from '../platform/http/form.ts';
import { keptForm } from '../platform/http/forms.ts';
import { idParams, page } from '../platform/http/page.ts';
import type { Services } from '../platform/services.ts';
import { presentEvaluationForm } from './evaluation.presenter.ts';
import { evaluationForm, saveEvaluation } from './evaluation.service.ts';

const rating = (what: string) =>
  z.coerce
    .number({ message: `Rate ${what} from 1 to 5` })
    .int()
    .min(1, `Rate ${what} from 1 to 5`)
    .max(5, `Rate ${what} from 1 to 5`);
const evaluationBody = z.object({
  content: rating('the content'),
  trainer: rating('the trainer'),
  relevance: rating('the relevance to your practice'),
  differently: z.string().trim().max(2000, 'Keep your answer under 2,000 characters').default(''),
  better: z.string().trim().max(2000, 'Keep your answer under 2,000 characters').default(''),
});

/** The evaluation a person gives of a session they attended. */
export function evaluationRoutes(app: FastifyInstance, services: Services) {
  const url = '/learning/bookings/:id/evaluate';

  page(
    app,
    { method: 'GET', url, permission: 'learning:place', audit: false, params: idParams },
    async ({ params, user, req, reply }) => {
      const evaluation = await evaluationForm(services.db, user, params.id);
      return reply.render('learning/views/evaluate.njk', presentEvaluationForm(evaluation, keptForm(req)));
    },
  );

  form(
    app,
    {
      url,
      permission: 'learning:place',
      params: idParams,
      body: evaluationBody,
      back: ({ params }) => `/learning/bookings/${params.id}/evaluate`,
      refusalField: 'content',
    },
    async (answers, { params, user, actor }) => {
      await saveEvaluation(services, user, actor, params.id, answers);
      return {
        to: '/learning/mine',
        message: 'Thank you for your evaluation. We use every answer to improve the training.',
      };
    },
  );
}

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { NotFoundError } from '../platform/http/errors.ts';
import { form } from '../platform/http/form.ts';
import { keptForm } from '../platform/http/forms.ts';
import { page } from '../platform/http/page.ts';
import type { Services } from '../platform/services.ts';
import { checkQuestion, coach } from './coach.rules.ts';
import { checkPractice } from './oars.rules.ts';
import {
  presentCoach,
  presentPracticeFeedback,
  presentScenario,
  presentScenarios,
} from './practice.presenter.ts';
import { savePracticeAsCpd } from './practice.service.ts';
import { SCENARIOS, scenarioById } from './scenarios.ts';

const scenarioParams = z.object({ id: z.string().min(1).max(100) });
const answer = (what: string) => z.string().max(2000, `Keep the ${what} under 2,000 characters`).default('');
const practiceBody = z.object({
  question: answer('question'),
  affirmation: answer('affirmation'),
  reflection: answer('reflection'),
  summary: answer('summary'),
});
const cpdBody = practiceBody
  .extend({
    myReflection: z
      .string()
      .trim()
      .min(1, 'Write your reflection: what you learned from practising, and what you will do differently')
      .max(5000, 'Keep your reflection under 5,000 characters'),
    peerName: z.string().trim().max(200, 'Keep the name under 200 characters').default(''),
    peerReflection: z
      .string()
      .trim()
      .max(3000, 'Keep the peer reflection under 3,000 characters')
      .default(''),
  })
  .refine((b) => !b.peerReflection || b.peerName, {
    path: ['peerName'],
    message: 'Enter the name of the colleague or supervisor whose reflection this is',
  });

function scenarioOr404(id: string) {
  const s = scenarioById(id);
  if (!s) throw new NotFoundError('scenario');
  return s;
}

/** The open-question coach and OARS practice (issue 14): rules only, nobody's record, nothing audited. */
export function practiceToolsRoutes(app: FastifyInstance, services: Services) {
  const use = { permission: 'practice:use', audit: false } as const;

  page(app, { method: 'GET', url: '/practice-tools', ...use }, async ({ reply }) =>
    reply.render('practice-tools/views/coach.njk', presentCoach()),
  );

  // Checking a question changes nothing, so the answer is this page itself (no redirect).
  page(
    app,
    { method: 'POST', url: '/practice-tools/coach', ...use, body: z.object({ question: z.unknown() }) },
    async ({ body, reply }) => {
      const typed = typeof body.question === 'string' ? body.question : '';
      const input = checkQuestion(typed);
      const coaching = input.ok ? coach(input.question) : null;
      return reply.render('practice-tools/views/coach.njk', presentCoach({ input, coaching, typed }));
    },
  );

  page(app, { method: 'GET', url: '/practice-tools/scenarios', ...use }, async ({ reply }) =>
    reply.render('practice-tools/views/scenarios.njk', presentScenarios(SCENARIOS)),
  );

  page(
    app,
    { method: 'GET', url: '/practice-tools/scenarios/:id', ...use, params: scenarioParams },
    async ({ params, req, reply }) =>
      reply.render(
        'practice-tools/views/scenario.njk',
        presentScenario(scenarioOr404(params.id), keptForm(req)),
      ),
  );

  page(
    app,
    {
      method: 'POST',
      url: '/practice-tools/scenarios/:id',
      ...use,
      params: scenarioParams,
      body: practiceBody,
    },
    async ({ params, body, reply }) => {
      const s = scenarioOr404(params.id);
      const view = presentPracticeFeedback(s, body, checkPractice(body, s.says));
      return reply.render('practice-tools/views/feedback.njk', view);
    },
  );

  form(
    app,
    {
      url: '/practice-tools/scenarios/:id/cpd',
      permission: 'practice:use',
      params: scenarioParams,
      body: cpdBody,
      back: ({ params }) => `/practice-tools/scenarios/${params.id}`,
    },
    async (data, { params, user, actor }) => {
      const title = await savePracticeAsCpd(services, user, actor, params.id, data);
      return {
        to: '/learning/cpd',
        message: `Your practice on “${title}” has been added to your CPD record.`,
      };
    },
  );
}

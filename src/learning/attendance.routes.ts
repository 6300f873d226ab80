import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { form } from '../platform/http/form.ts';
import { keptForm } from '../platform/http/forms.ts';
import { idParams, page } from '../platform/http/page.ts';
import type { Services } from '../platform/services.ts';
import { presentRegister, presentSignInSheet, registerSavedMessage } from './attendance.presenter.ts';
import { OUTCOMES, type Outcome, registerOf, saveRegister } from './attendance.service.ts';

const partQuery = z.object({ part: z.string().max(60).optional().catch(undefined) });

/**
 * The register's fields: `part`, and per person `booking-i`, `outcome-i` and
 * `notes-i`. People left unmarked are skipped; at least one must be marked.
 */
const registerBody = z.record(z.string(), z.unknown()).transform((body, ctx) => {
  const marks: { bookingId: string; outcome: Outcome; notes: string }[] = [];
  for (let i = 0; body[`booking-${i}`] !== undefined && i < 1000; i++) {
    const outcome = body[`outcome-${i}`];
    if (!outcome) continue;
    if (!OUTCOMES.includes(outcome as Outcome)) {
      const message = 'Choose attended, partly attended or did not attend.';
      ctx.addIssue({ code: 'custom', message, path: [`outcome-${i}`] });
      return z.NEVER;
    }
    marks.push({
      bookingId: String(body[`booking-${i}`]),
      outcome: outcome as Outcome,
      notes: String(body[`notes-${i}`] ?? '').slice(0, 500),
    });
  }
  if (!marks.length) {
    const message = 'Mark at least one person before saving the register.';
    ctx.addIssue({ code: 'custom', message, path: ['outcome-0'] });
    return z.NEVER;
  }
  return { part: String(body.part ?? ''), marks };
});

const registerUrl = (sessionId: string, part: unknown) =>
  `/learning/sessions/${sessionId}/register?part=${encodeURIComponent(String(part ?? ''))}`;

/** The register per day, and a sign-in sheet to print, for L&D and trainers. */
export function attendanceRoutes(app: FastifyInstance, services: Services) {
  const { db, clock } = services;
  const rules = { permission: 'learning:manage', audit: false, params: idParams, query: partQuery } as const;

  page(
    app,
    { method: 'GET', url: '/learning/sessions/:id/register', ...rules },
    async ({ params, query, req, reply }) => {
      const register = await registerOf(db, clock, params.id, query.part);
      return reply.render('learning/views/register.njk', presentRegister(register, keptForm(req)?.errors));
    },
  );

  form(
    app,
    {
      url: '/learning/sessions/:id/register',
      permission: 'learning:manage',
      params: idParams,
      body: registerBody,
      back: ({ params, answers }) => registerUrl(params.id, answers.part),
      refusalField: 'main-content',
    },
    async ({ part, marks }, { params, actor }) => {
      await saveRegister(db, services, actor, params.id, part, marks);
      return { to: registerUrl(params.id, part), message: registerSavedMessage(marks.length) };
    },
  );

  page(
    app,
    { method: 'GET', url: '/learning/sessions/:id/sign-in-sheet', ...rules },
    async ({ params, query, reply }) => {
      const register = await registerOf(db, clock, params.id, query.part);
      return reply.render('learning/views/sign-in-sheet.njk', presentSignInSheet(register));
    },
  );
}

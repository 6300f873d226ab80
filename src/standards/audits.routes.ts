import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { childrenToChoose } from '../performance/api.ts';
import { form } from '../platform/http/form.ts';
import { keptForm } from '../platform/http/forms.ts';
import { idParams, page } from '../platform/http/page.ts';
import { can } from '../platform/policy/policy.ts';
import type { Services } from '../platform/services.ts';
import {
  presentAudit,
  presentAuditForm,
  presentAuditList,
  presentChooseChild,
  presentThemes,
} from './audits.presenter.ts';
import {
  auditForm,
  auditPage,
  auditsFor,
  conductAudit,
  lessonFromAudit,
  moderateAudit,
  respondToAudit,
  themesFor,
} from './audits.service.ts';

const childQuery = z.object({ child: z.string().min(1).max(100).optional().catch(undefined) });
const text = (label: string, max = 4000) =>
  z
    .string({ message: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `Use ${max} characters or fewer`);
const optional = z.string().trim().max(4000, 'Use 4,000 characters or fewer').default('');
/** The audit form's fields: answer-<standard> and evidence-<standard> for each checklist standard, then the grade. */
const auditBody = z
  .object({
    childId: z.string({ message: 'Choose the child whose case you audited' }).min(1).max(100),
    grade: z.string().default(''),
    doneWell: optional,
    mustChange: optional,
  })
  .catchall(z.string().max(4000, 'Use 4,000 characters or fewer for the evidence'))
  .transform((b) => ({
    childId: b.childId,
    grade: b.grade,
    doneWell: b.doneWell,
    mustChange: b.mustChange,
    answers: Object.keys(b)
      .filter((k) => k.startsWith('answer-'))
      .map((k) => ({
        standardId: k.slice(7),
        answer: String(b[k]),
        evidence: String(b[`evidence-${k.slice(7)}`] ?? ''),
      })),
  }));
const auditView = {
  recordType: 'case-audit',
  recordId: ({ params }: { params: { id: string } }) => params.id,
  summary: () => 'Viewed a case audit (a child’s record)',
};

/** Case audits: the list, auditing a case, one audit (an audited view of a child’s record), moderation, responses, lessons, themes. */
export function caseAuditRoutes(app: FastifyInstance, services: Services) {
  const { db, clock } = services;

  page(
    app,
    { method: 'GET', url: '/audits', permission: 'audits:view', audit: false },
    async ({ user, reply }) =>
      reply.render(
        'standards/views/audits.njk',
        presentAuditList(await auditsFor(db, user), {
          themes: can(user, 'audits:themes'),
          conduct: can(user, 'audits:conduct'),
        }),
      ),
  );

  page(
    app,
    { method: 'GET', url: '/audits/themes', permission: 'audits:themes', audit: false },
    async ({ user, reply }) => {
      const { themes, standards } = await themesFor(db, user);
      return reply.render('standards/views/themes.njk', presentThemes(themes, standards));
    },
  );

  page(
    app,
    {
      method: 'GET',
      url: '/audits/new',
      permission: 'audits:conduct',
      query: childQuery,
      audit: {
        recordType: 'child',
        recordId: ({ query }) => query.child,
        summary: ({ query }) =>
          query.child ? 'Opened a case audit form for a child' : 'Chose a child to audit',
      },
    },
    async ({ user, query, req, reply }) => {
      if (!query.child)
        return reply.render(
          'standards/views/audit-choose.njk',
          presentChooseChild(await childrenToChoose(db, user)),
        );
      const { child, standards } = await auditForm(db, user, query.child);
      return reply.render('standards/views/audit-new.njk', presentAuditForm(child, standards, keptForm(req)));
    },
  );

  form(
    app,
    {
      url: '/audits/new',
      permission: 'audits:conduct',
      body: auditBody,
      back: ({ answers }) => `/audits/new?child=${encodeURIComponent(String(answers.childId ?? ''))}`,
    },
    async ({ childId, ...d }, { user, actor }) => {
      const id = await conductAudit(db, clock, actor, user, childId, d);
      return {
        to: `/audits/${id}`,
        message: 'Audit saved. The worker and their manager can now see it and respond.',
      };
    },
  );

  page(
    app,
    { method: 'GET', url: '/audits/:id', permission: 'audits:view', params: idParams, audit: auditView },
    async ({ params, user, req, reply }) =>
      reply.render(
        'standards/views/audit.njk',
        presentAudit(await auditPage(db, user, params.id), keptForm(req)),
      ),
  );

  const back = ({ params }: { params: { id: string } }) => `/audits/${params.id}`;
  form(
    app,
    {
      url: '/audits/:id/moderate',
      name: 'moderate',
      permission: 'audits:conduct',
      params: idParams,
      body: z.object({ grade: z.string().default(''), reason: z.string().trim().max(1000).default('') }),
      back,
    },
    async (d, { params, user, actor }) => {
      await moderateAudit(db, clock, actor, user, params.id, d);
      return { to: `/audits/${params.id}`, message: 'Moderation saved' };
    },
  );

  form(
    app,
    {
      url: '/audits/:id/respond',
      name: 'respond',
      permission: 'audits:respond',
      params: idParams,
      body: z.object({ response: text('your response') }),
      back,
    },
    async ({ response }, { params, user, actor }) => {
      await respondToAudit(db, clock, actor, user, params.id, response);
      return { to: `/audits/${params.id}`, message: 'Your response has been added to the audit' };
    },
  );

  form(
    app,
    {
      url: '/audits/:id/lesson',
      name: 'lesson',
      permission: 'audits:conduct',
      params: idParams,
      body: z.object({ title: text('a title for the lesson', 200), detail: text('what needs to change') }),
      back,
    },
    async (d, { params, user, actor }) => {
      const lessonId = await lessonFromAudit(db, clock, actor, user, params.id, d);
      return {
        to: `/lessons/items/${lessonId}`,
        message: 'The finding is now a lesson: add its actions here',
      };
    },
  );
}

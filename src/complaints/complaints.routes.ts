import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { keptForm } from '../platform/http/forms.ts';
import { get } from '../platform/http/route.ts';
import { can } from '../platform/policy/policy.ts';
import type { Services } from '../platform/services.ts';
import { formatDate } from '../platform/views/format.ts';
import { STATUS_NAMES } from './complaint.presenter.ts';
import { listComplaints } from './complaints.repo.ts';
import { registerComplaint, todayIn } from './complaints.service.ts';
import { formPost } from './form-post.ts';
import { dayField, list, optionalText, RECEIVED_HOW, selectItems, THEMES, text } from './forms.ts';
import { staffItems, teamItems } from './options.ts';
import { visibility } from './scope.ts';

const filtersSchema = z.object({
  stage: z.coerce.number().int().min(1).max(3).optional().catch(undefined),
  status: z.enum(['open', 'answered', 'resolved', 'withdrawn']).optional().catch(undefined),
  team: z.string().max(60).optional().catch(undefined),
  overdue: z.literal('yes').optional().catch(undefined),
});

const theme = z.enum(THEMES, { message: 'Choose a theme for the element' });
const newComplaintSchema = z
  .object({
    receivedOn: dayField('the date the complaint was received'),
    receivedHow: z.enum(RECEIVED_HOW, { message: 'Choose how the complaint was received' }),
    complainantName: text('the complainant’s name', 200),
    complainantRelationship: text('the complainant’s relationship to the child', 200),
    advocateOffered: z.enum(['yes', 'no'], { message: 'Say whether an advocate was offered' }),
    childName: text('the child’s name', 200),
    childRef: optionalText(60),
    teamId: z.string().min(1, 'Choose the team the complaint is about').max(60),
    workerIds: list,
    summary: text('a short summary', 2000),
    element1: text('the first element of the complaint', 1000),
    theme1: theme,
    element2: optionalText(1000),
    theme2: z.string().default(''),
    element3: optionalText(1000),
    theme3: z.string().default(''),
    officerId: z.string().max(60).default(''),
  })
  .superRefine((v, ctx) => {
    for (const n of [2, 3] as const)
      if (v[`element${n}`] && !(THEMES as readonly string[]).includes(v[`theme${n}`]))
        ctx.addIssue({ code: 'custom', path: [`theme${n}`], message: `Choose a theme for element ${n}` });
  });

export function complaintsRoutes(app: FastifyInstance, services: Services) {
  const { db, clock } = services;

  get(
    app,
    '/complaints',
    {
      permission: 'complaints:view',
      audit: { recordType: 'complaint-list', summary: (req) => `Complaints list ${req.url}` },
    },
    async (req, reply) => {
      const f = filtersSchema.parse(req.query ?? {});
      const today = todayIn(clock);
      const rows = await listComplaints(
        db,
        visibility(req.user!, 'complaints:view'),
        { stage: f.stage, status: f.status, teamId: f.team, overdue: f.overdue === 'yes' },
        today,
      );
      return reply.render('complaints/views/list.njk', {
        title: 'Complaints',
        filters: f,
        can: {
          manage: can(req.user!, 'complaints:manage'),
          sources: can(req.user!, 'learning-sources:manage'),
          reports: can(req.user!, 'complaints:reports'),
        },
        teamItems: await teamItems(db, f.team, 'Any team'),
        rows: rows.map((r) => ({
          ...r,
          received: formatDate(r.received_on),
          due: r.due_on ? formatDate(r.due_on) : '',
          overdue: r.status === 'open' && r.due_on !== null && r.due_on < today,
          statusName: STATUS_NAMES[r.status] ?? r.status,
        })),
      });
    },
  );

  get(app, '/complaints/new', { permission: 'complaints:manage', audit: false }, async (req, reply) => {
    const kept = keptForm(req);
    const v = kept?.values ?? { receivedOn: todayIn(clock) };
    const workers = [v.workerIds].flat();
    return reply.render('complaints/views/new.njk', {
      title: 'Register a complaint',
      values: v,
      errors: kept?.errors,
      howItems: selectItems(RECEIVED_HOW, v.receivedHow, 'Choose how'),
      themeItems: [1, 2, 3].map((n) => selectItems(THEMES, v[`theme${n}`], 'Choose a theme')),
      teamItems: await teamItems(db, v.teamId),
      workerItems: await Promise.all(
        [0, 1, 2].map((i) => staffItems(db, workers[i], { first: 'Nobody else' })),
      ),
      officerItems: await staffItems(db, v.officerId, { first: 'Not chosen yet', activeOnly: true }),
      backLink: { href: '/complaints' },
    });
  });

  formPost(app, services, {
    url: '/complaints/new',
    permission: 'complaints:manage',
    form: '',
    schema: newComplaintSchema,
    back: () => '/complaints/new',
    run: async (d, req) => {
      const elements = [1, 2, 3]
        .map((n) => ({ summary: d[`element${n}` as 'element1'], theme: d[`theme${n}` as 'theme1'] }))
        .filter((e) => e.summary);
      const id = await registerComplaint(db, clock, req.actor, {
        receivedOn: d.receivedOn,
        receivedHow: d.receivedHow,
        complainantName: d.complainantName,
        complainantRelationship: d.complainantRelationship,
        advocateOffered: d.advocateOffered === 'yes',
        childName: d.childName,
        childRef: d.childRef,
        teamId: d.teamId,
        workerIds: d.workerIds,
        summary: d.summary,
        elements,
        officerId: d.officerId || null,
      });
      return { to: `/complaints/${id}`, message: 'The complaint has been registered at Stage 1.' };
    },
  });
}

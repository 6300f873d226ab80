import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { form } from '../platform/http/form.ts';
import { keptForm } from '../platform/http/forms.ts';
import { page } from '../platform/http/page.ts';
import type { Services } from '../platform/services.ts';
import { presentComplaintList, presentNewComplaint } from './complaint-list.presenter.ts';
import { complaintListPage, newComplaintPage } from './complaint-pages.service.ts';
import { type NewComplaint, registerComplaint, todayIn } from './complaints.service.ts';
import { dayField, list, optionalText, RECEIVED_HOW, THEMES, text } from './forms.ts';

const filtersSchema = z.object({
  stage: z.coerce.number().int().min(1).max(3).optional().catch(undefined),
  status: z.enum(['open', 'answered', 'resolved', 'withdrawn']).optional().catch(undefined),
  team: z.string().max(60).optional().catch(undefined),
  overdue: z.literal('yes').optional().catch(undefined),
});

/** The query as asked for, written back as an address: the audit row names the list the person saw. */
const askedFor = (asked: Record<string, unknown>) => {
  const pairs = Object.entries(asked).flatMap(([k, v]) => [v].flat().map((x) => [k, String(x)]));
  const qs = new URLSearchParams(pairs).toString();
  return `/complaints${qs ? `?${qs}` : ''}`;
};
const listQuery = z
  .object({})
  .loose()
  .transform((asked) => ({ filters: filtersSchema.parse(asked), asked }));

const theme = z.enum(THEMES, { message: 'Choose a theme for the element' });
const newComplaintSchema = z
  .object({
    receivedOn: dayField('the date the complaint was received'),
    receivedHow: z.enum(RECEIVED_HOW, { message: 'Choose how the complaint was received' }),
    complainantName: text('the complainant’s name', 200),
    complainantRelationship: text('the complainant’s relationship to the child', 200),
    advocateOffered: z.enum(['yes', 'no'], { message: 'Say whether an advocate was offered' }),
    childInRecords: z.enum(['yes', 'no'], {
      message: 'Say whether the child is in the children’s records',
    }),
    childRef: optionalText(60),
    childName: optionalText(200),
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
    if (v.childInRecords === 'yes' && !v.childRef)
      ctx.addIssue({
        code: 'custom',
        path: ['childRef'],
        message: 'Enter the child’s case reference, as it is in the children’s records',
      });
    for (const n of [2, 3] as const)
      if (v[`element${n}`] && !(THEMES as readonly string[]).includes(v[`theme${n}`]))
        ctx.addIssue({ code: 'custom', path: [`theme${n}`], message: `Choose a theme for element ${n}` });
  });

/** The register form's answers as the complaint to register: its elements are the ones filled in. */
const newComplaint = (d: z.infer<typeof newComplaintSchema>): NewComplaint => ({
  receivedOn: d.receivedOn,
  receivedHow: d.receivedHow,
  complainantName: d.complainantName,
  complainantRelationship: d.complainantRelationship,
  advocateOffered: d.advocateOffered === 'yes',
  child:
    d.childInRecords === 'yes'
      ? { inRecords: true, reference: d.childRef }
      : { inRecords: false, name: d.childName },
  teamId: d.teamId,
  workerIds: d.workerIds,
  summary: d.summary,
  elements: [1, 2, 3]
    .map((n) => ({ summary: d[`element${n}` as 'element1'], theme: d[`theme${n}` as 'theme1'] }))
    .filter((e) => e.summary),
  officerId: d.officerId || null,
});

/** The complaints list and the register form. */
export function complaintListRoutes(app: FastifyInstance, services: Services) {
  const { db, clock } = services;

  page(
    app,
    {
      method: 'GET',
      url: '/complaints',
      permission: 'complaints:view',
      query: listQuery,
      audit: {
        recordType: 'complaint-list',
        summary: ({ query }) => `Complaints list ${askedFor(query.asked)}`,
      },
    },
    async ({ query: { filters: f }, user, reply }) => {
      const today = todayIn(clock);
      const data = await complaintListPage(
        db,
        user,
        { stage: f.stage, status: f.status, teamId: f.team, overdue: f.overdue === 'yes' },
        today,
      );
      return reply.render('complaints/views/list.njk', presentComplaintList({ ...data, filters: f, today }));
    },
  );

  page(
    app,
    { method: 'GET', url: '/complaints/new', permission: 'complaints:manage', audit: false },
    async ({ req, reply }) => {
      const choices = await newComplaintPage(db);
      return reply.render(
        'complaints/views/new.njk',
        presentNewComplaint({ kept: keptForm(req), today: todayIn(clock), ...choices }),
      );
    },
  );

  form(
    app,
    {
      url: '/complaints/new',
      permission: 'complaints:manage',
      body: newComplaintSchema,
      back: () => '/complaints/new',
    },
    async (d, { actor, user }) => {
      const id = await registerComplaint(db, clock, actor, user, newComplaint(d));
      return { to: `/complaints/${id}`, message: 'The complaint has been registered at Stage 1.' };
    },
  );
}

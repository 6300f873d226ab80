import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { NotFoundError } from '../platform/http/errors.ts';
import { keptForm } from '../platform/http/forms.ts';
import { get } from '../platform/http/route.ts';
import { can } from '../platform/policy/policy.ts';
import type { Services } from '../platform/services.ts';
import { formatDate } from '../platform/views/format.ts';
import { complaintFor, todayIn } from './complaints.service.ts';
import { formPost, idParam } from './form-post.ts';
import { dayField, optionalText, SOURCE_KINDS, selectItems, THEMES, text } from './forms.ts';
import { findItem, itemActions, listItems } from './learning.repo.ts';
import { addAction, addLearningItem, closeLoop, setPublication } from './learning.service.ts';
import { whyLoopOpen } from './loop.rules.ts';
import { staffItems } from './options.ts';
import { authorizeRecord, visibility } from './scope.ts';

const itemPage = (id: string) => `/learning-items/${id}`;

export function learningRoutes(app: FastifyInstance, services: Services) {
  const { db, clock } = services;

  get(app, '/learning-items', { permission: 'learning-items:view', audit: false }, async (req, reply) => {
    const status = (req.query as { status?: string })?.status;
    const rows = await listItems(db, visibility(req.user!, 'learning-items:view'), { status });
    return reply.render('complaints/views/items.njk', {
      title: 'Learning points and recommendations',
      status,
      canManage: can(req.user!, 'learning-items:manage'),
      rows: rows.map((r) => ({
        ...r,
        raised: formatDate(r.raised_on),
        source: r.complaint_reference
          ? `Complaint ${r.complaint_reference}`
          : (SOURCE_KINDS[r.source_kind as keyof typeof SOURCE_KINDS] ?? 'Other'),
        loop: r.closed_on ? 'Loop closed' : `${r.evidenced} of ${r.actions} actions with evidence`,
      })),
    });
  });

  get(
    app,
    '/learning-items/new',
    { permission: 'learning-items:manage', audit: false },
    async (req, reply) => {
      const q = req.query as { complaint?: string; source?: string };
      const kept = keptForm(req);
      const v = kept?.values ?? { complaintId: q.complaint ?? '', sourceId: q.source ?? '' };
      const complaint = v.complaintId
        ? await complaintFor(db, req.user!, 'learning-items:manage', String(v.complaintId))
        : null;
      const sources = await db
        .selectFrom('lesson_sources')
        .select(['id', 'title', 'kind'])
        .orderBy('received_on', 'desc')
        .execute();
      return reply.render('complaints/views/item-new.njk', {
        title: 'Add a learning point or recommendation',
        values: v,
        errors: kept?.errors,
        complaint,
        sourceItems: [
          { value: '', text: complaint ? 'From the complaint above' : 'Choose a source' },
          ...sources.map((s) => ({
            value: s.id,
            text: `${SOURCE_KINDS[s.kind as keyof typeof SOURCE_KINDS]}: ${s.title}`,
            selected: s.id === v.sourceId,
          })),
        ],
        themeItems: selectItems(THEMES, v.theme, 'Choose a theme'),
        backLink: { href: complaint ? `/complaints/${complaint.id}` : '/learning-items' },
      });
    },
  );

  formPost(app, services, {
    url: '/learning-items/new',
    permission: 'learning-items:manage',
    form: '',
    schema: z
      .object({
        complaintId: z.string().max(60).default(''),
        sourceId: z.string().max(60).default(''),
        kind: z.enum(['learning point', 'recommendation'], {
          message: 'Say whether this is a learning point or a recommendation',
        }),
        title: text('a short title', 200),
        detail: text('what was learned', 4000),
        theme: z.enum(THEMES, { message: 'Choose a theme' }),
      })
      .refine((v) => v.complaintId || v.sourceId, {
        message: 'Choose where this learning comes from',
        path: ['sourceId'],
      }),
    back: (req) => {
      const b = req.body as { complaintId?: string };
      return `/learning-items/new${b?.complaintId ? `?complaint=${encodeURIComponent(b.complaintId)}` : ''}`;
    },
    run: async (d, req) => {
      const id = await addLearningItem(db, clock, req.actor, req.user!, {
        complaintId: d.complaintId || null,
        sourceId: d.complaintId ? null : d.sourceId || null,
        kind: d.kind,
        title: d.title,
        detail: d.detail,
        theme: d.theme,
        teamId: null,
      });
      return { to: itemPage(id), message: 'The learning has been added. Now add its actions.' };
    },
  });

  get(
    app,
    '/learning-items/:id',
    {
      permission: 'learning-items:view',
      audit: { recordType: 'learning-item', recordId: idParam, summary: () => 'Viewed a learning item' },
    },
    async (req, reply) => {
      const item = await findItem(db, idParam(req));
      if (!item) throw new NotFoundError('learning item');
      authorizeRecord(req.user!, 'learning-items:view', 'learning-item', item);
      const actions = await itemActions(db, item.id);
      const kept = keptForm(req);
      const keptFor = (form: string) => (kept?.values.form === form ? kept.values : {});
      const today = todayIn(clock);
      const canManage = can(req.user!, 'learning-items:manage', {
        teamId: item.team_id,
        serviceId: item.service_id,
      });
      return reply.render('complaints/views/item.njk', {
        title: item.title,
        item: { ...item, raised: formatDate(item.raised_on), closed: formatDate(item.closed_on) },
        source: item.complaint_reference
          ? { text: `Complaint ${item.complaint_reference}`, href: `/complaints/${item.complaint_id}` }
          : {
              text: `${SOURCE_KINDS[item.source_kind as keyof typeof SOURCE_KINDS] ?? 'Source'}: ${item.source_title}`,
            },
        actions: actions.map((a) => ({
          ...a,
          due: formatDate(a.due_on),
          overdue: !a.evidence_on && a.due_on < today,
          evidenced: formatDate(a.evidence_on),
          canEvidence: can(req.user!, 'learning-actions:evidence', { ownerId: a.owner_id }),
        })),
        whyOpen: item.closed_on
          ? null
          : whyLoopOpen(actions.map((a) => ({ id: a.id, hasEvidence: !!a.evidence_on }))),
        canManage,
        keptFor,
        errors: kept?.errors,
        ownerItems: await staffItems(db, keptFor('action').ownerId, {
          first: 'Choose who owns it',
          activeOnly: true,
        }),
        backLink: { href: '/learning-items', text: 'All learning items' },
      });
    },
  );

  formPost(app, services, {
    url: '/learning-items/:id/actions',
    permission: 'learning-items:manage',
    form: 'action',
    schema: z.object({
      description: text('what must change', 2000),
      ownerId: z.string().min(1, 'Choose who owns the action').max(60),
      dueOn: dayField('the due date'),
    }),
    back: (req) => itemPage(idParam(req)),
    run: async (d, req) => {
      await addAction(db, clock, req.actor, req.user!, idParam(req), d);
      return { to: itemPage(idParam(req)), message: 'The action has been added.' };
    },
  });

  formPost(app, services, {
    url: '/learning-items/:id/close',
    permission: 'learning-items:manage',
    form: 'close',
    schema: z.object({}),
    back: (req) => itemPage(idParam(req)),
    run: async (_d, req) => {
      await closeLoop(db, clock, req.actor, req.user!, idParam(req));
      return {
        to: itemPage(idParam(req)),
        message: 'The loop is closed: every action has evidence that practice changed.',
      };
    },
  });

  formPost(app, services, {
    url: '/learning-items/:id/publish',
    permission: 'learning-items:manage',
    form: 'publish',
    schema: z.object({
      publish: z.enum(['yes', 'no'], { message: 'Say whether to publish it' }),
      summary: optionalText(2000),
    }),
    back: (req) => itemPage(idParam(req)),
    run: async (d, req) => {
      await setPublication(db, clock, req.actor, req.user!, idParam(req), {
        publish: d.publish === 'yes',
        summary: d.summary,
      });
      return {
        to: itemPage(idParam(req)),
        message:
          d.publish === 'yes'
            ? 'The anonymised summary is published for everyone.'
            : 'The item is no longer published.',
      };
    },
  });
}

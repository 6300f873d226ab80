import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { keptForm } from '../platform/http/forms.ts';
import { get } from '../platform/http/route.ts';
import type { Services } from '../platform/services.ts';
import { formatDate } from '../platform/views/format.ts';
import { todayIn } from './complaints.service.ts';
import { formPost } from './form-post.ts';
import { dayField, optionalText, SOURCE_KINDS, type SourceKind, text } from './forms.ts';
import { addSource } from './learning.service.ts';
import { teamItems } from './options.ts';

/** Compliments, case audits, practice reviews and inspection feedback: learning that is not a complaint. */
export function sourcesRoutes(app: FastifyInstance, services: Services) {
  const { db, clock } = services;
  const rules = { permission: 'learning-sources:manage', audit: false } as const;

  get(app, '/learning-sources', rules, async (_req, reply) => {
    const rows = await db
      .selectFrom('lesson_sources')
      .leftJoin('teams', 'teams.id', 'lesson_sources.team_id')
      .select(['lesson_sources.id', 'kind', 'title', 'received_on', 'from_whom', 'teams.name as team_name'])
      .orderBy('received_on', 'desc')
      .limit(500)
      .execute();
    return reply.render('complaints/views/sources.njk', {
      title: 'Compliments and other learning sources',
      rows: rows.map((r) => ({
        ...r,
        kindName: SOURCE_KINDS[r.kind as SourceKind],
        received: formatDate(r.received_on),
      })),
    });
  });

  get(app, '/learning-sources/new', rules, async (req, reply) => {
    const kept = keptForm(req);
    const v = kept?.values ?? { receivedOn: todayIn(clock), kind: (req.query as { kind?: string })?.kind };
    return reply.render('complaints/views/source-new.njk', {
      title: 'Record a compliment or another learning source',
      values: v,
      errors: kept?.errors,
      kindItems: Object.entries(SOURCE_KINDS).map(([value, t]) => ({
        value,
        text: t,
        checked: v.kind === value,
      })),
      teamItems: await teamItems(db, v.teamId, 'Whole service'),
      backLink: { href: '/learning-sources' },
    });
  });

  formPost(app, services, {
    url: '/learning-sources/new',
    permission: 'learning-sources:manage',
    form: '',
    schema: z.object({
      kind: z.enum(Object.keys(SOURCE_KINDS) as [SourceKind, ...SourceKind[]], {
        message: 'Choose what kind of source it is',
      }),
      title: text('a short title', 200),
      receivedOn: dayField('the date'),
      teamId: z.string().max(60).default(''),
      fromWhom: optionalText(200),
      summary: text('what it says', 4000),
    }),
    back: () => '/learning-sources/new',
    run: async (d, req) => {
      const id = await addSource(db, clock, req.actor, { ...d, teamId: d.teamId || null });
      return {
        to: d.kind === 'compliment' ? '/learning-sources' : `/learning-items/new?source=${id}`,
        message:
          d.kind === 'compliment'
            ? 'The compliment has been recorded. Thank the people it is about.'
            : 'The source has been recorded. Now write down what it teaches us.',
      };
    },
  });
}

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { form } from '../platform/http/form.ts';
import { keptForm } from '../platform/http/forms.ts';
import { page } from '../platform/http/page.ts';
import type { Services } from '../platform/services.ts';
import { todayIn } from './complaints.service.ts';
import { listTeams } from './directory.repo.ts';
import { dayField, optionalText, SOURCE_KINDS, type SourceKind, text } from './forms.ts';
import { presentNewSource, presentSources, sourceRecorded } from './sources.presenter.ts';
import { listSources } from './sources.repo.ts';
import { addSource } from './sources.service.ts';

const newQuery = z.object({ kind: z.string().max(40).optional().catch(undefined) });
const sourceSchema = z.object({
  kind: z.enum(Object.keys(SOURCE_KINDS) as [SourceKind, ...SourceKind[]], {
    message: 'Choose what kind of source it is',
  }),
  title: text('a short title', 200),
  receivedOn: dayField('the date'),
  teamId: z.string().max(60).default(''),
  fromWhom: optionalText(200),
  summary: text('what it says', 4000),
});

/** Compliments, case audits, practice reviews and inspection feedback: lessons that are not from a complaint. */
export function lessonSourcesRoutes(app: FastifyInstance, services: Services) {
  const { db, clock } = services;
  const rules = { permission: 'lessons:sources', audit: false } as const;

  page(app, { ...rules, method: 'GET', url: '/lessons/sources' }, async ({ reply }) =>
    reply.render('complaints/views/sources.njk', presentSources(await listSources(db))),
  );

  page(
    app,
    { ...rules, method: 'GET', url: '/lessons/sources/new', query: newQuery },
    async ({ query, req, reply }) => {
      const view = presentNewSource({
        kept: keptForm(req),
        today: todayIn(clock),
        kind: query.kind,
        teams: await listTeams(db),
      });
      return reply.render('complaints/views/source-new.njk', view);
    },
  );

  form(
    app,
    {
      url: '/lessons/sources/new',
      permission: rules.permission,
      body: sourceSchema,
      back: () => '/lessons/sources/new',
    },
    async (d, { actor }) =>
      sourceRecorded(d.kind, await addSource(db, clock, actor, { ...d, teamId: d.teamId || null })),
  );
}

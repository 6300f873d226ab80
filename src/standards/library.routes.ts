import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { evidenceWanted } from '../complaints/api.ts';
import { londonDay } from '../platform/calendar/days.ts';
import { form } from '../platform/http/form.ts';
import { keptForm } from '../platform/http/forms.ts';
import { idParams, page } from '../platform/http/page.ts';
import { can } from '../platform/policy/policy.ts';
import type { Services } from '../platform/services.ts';
import { changeStandardForm, newStandardForm, standardFromForm } from './forms.ts';
import { formValuesOf, presentAmendments, presentLibrary, presentStandardForm } from './library.presenter.ts';
import { listAmendments } from './library.repo.ts';
import { amendStandard, createStandard } from './library.service.ts';
import { formChoices, libraryPage, standardPage, targetChoices, versionPage } from './pages.service.ts';
import { presentStandard, presentVersion } from './standard.presenter.ts';

const read = { permission: 'standards:read', audit: false } as const;
const searchQuery = z.object({ q: z.string().max(200).optional().catch(undefined) });
const versionParams = z.object({
  id: z.string().min(1).max(100),
  version: z.coerce.number().int().min(1).max(100000),
});

/** The names of teams and services, for "asked of" lines. */
async function targetNames(services: Services) {
  const { teams, services: svc } = await targetChoices(services.db);
  return new Map([...teams, ...svc].map((x) => [x.id, x.name]));
}

/** The library, search, a standard and its versions, print view, the Amendments page, adding and changing. */
export function libraryRoutes(app: FastifyInstance, services: Services) {
  const { db, clock, config } = services;

  page(
    app,
    { ...read, method: 'GET', url: '/standards', query: searchQuery },
    async ({ query, user, reply }) => {
      const q = (query.q ?? '').trim();
      const { rows, ids } = await libraryPage(db, q);
      const view = presentLibrary(rows, londonDay(clock.now()), ids ? { q, ids } : undefined);
      return reply.render('standards/views/library.njk', {
        ...view,
        canManage: can(user, 'standards:manage'),
        canTeamAcks: can(user, 'standards:team-acks'),
      });
    },
  );

  page(app, { ...read, method: 'GET', url: '/standards/amendments' }, async ({ reply }) =>
    reply.render('standards/views/amendments.njk', presentAmendments(await listAmendments(db))),
  );

  page(
    app,
    { ...read, method: 'GET', url: '/standards/:id', params: idParams },
    async ({ params, user, req, reply }) => {
      const data = await standardPage(db, clock, user, params.id);
      const perms = { manage: can(user, 'standards:manage'), teamAcks: can(user, 'standards:team-acks') };
      const view = presentStandard(data, perms, await targetNames(services), keptForm(req)?.errors);
      return reply.render('standards/views/standard.njk', view);
    },
  );

  page(
    app,
    { ...read, method: 'GET', url: '/standards/:id/print', params: idParams },
    async ({ params, user, reply }) => {
      const data = await standardPage(db, clock, user, params.id);
      const view = presentStandard(data, { manage: false, teamAcks: false }, await targetNames(services));
      return reply.render('standards/views/print.njk', {
        ...view,
        documentTitle: `${view.title}: to print`,
        printedOn: londonDay(clock.now()),
      });
    },
  );

  page(
    app,
    { ...read, method: 'GET', url: '/standards/:id/versions/:version', params: versionParams },
    async ({ params, reply }) => {
      const { standard, version, titles } = await versionPage(db, params.id, params.version);
      return reply.render('standards/views/version.njk', presentVersion(standard, version, titles));
    },
  );

  const manage = { permission: 'standards:manage', audit: false } as const;
  page(app, { ...manage, method: 'GET', url: '/standards/new' }, async ({ req, reply }) => {
    const choices = await formChoices(db);
    const view = presentStandardForm({
      mode: 'new',
      values: { level: 'should', sourceKind: 'local' },
      kept: keptForm(req),
      ...choices,
      action: '/standards/new',
      backHref: '/standards',
    });
    return reply.render('standards/views/standard-form.njk', view);
  });

  form(
    app,
    {
      url: '/standards/new',
      permission: manage.permission,
      body: newStandardForm,
      back: () => '/standards/new',
    },
    async (d, { actor }) => {
      const id = await createStandard(db, clock, actor, standardFromForm(d));
      return { to: `/standards/${id}`, message: `Standard “${d.title}” added as version 1` };
    },
  );

  page(
    app,
    { ...manage, method: 'GET', url: '/standards/:id/change', params: idParams },
    async ({ params, user, req, reply }) => {
      const [{ standard, measured }, choices, lessons] = await Promise.all([
        standardPage(db, clock, user, params.id),
        formChoices(db),
        evidenceWanted(db, user),
      ]);
      const others = choices.standards.filter((s) => s.id !== params.id);
      const view = presentStandardForm({
        mode: 'change',
        lessons,
        values: formValuesOf(standard, measured?.value),
        kept: keptForm(req),
        ...choices,
        standards: others,
        action: `/standards/${params.id}/change`,
        backHref: `/standards/${params.id}`,
      });
      return reply.render('standards/views/standard-form.njk', view);
    },
  );

  form(
    app,
    {
      url: '/standards/:id/change',
      permission: manage.permission,
      params: idParams,
      body: changeStandardForm,
      back: ({ params }) => `/standards/${params.id}/change`,
    },
    async (d, { params, actor, user }) => {
      const { summary, reason, major, fromVersion, lessonActionId, ...rest } = d;
      const version = await amendStandard(
        db,
        clock,
        actor,
        params.id,
        standardFromForm(rest),
        { summary, reason, major, fromVersion },
        lessonActionId ? { actionId: lessonActionId, user, dataDir: config.dataDir } : undefined,
      );
      return {
        to: `/standards/${params.id}`,
        message: `Saved as version ${version}${major ? ', a major change: everyone asked to read it is asked again' : ''}`,
      };
    },
  );
}

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { form } from '../platform/http/form.ts';
import { keptForm } from '../platform/http/forms.ts';
import { idParams, page } from '../platform/http/page.ts';
import type { Services } from '../platform/services.ts';
import { presentServiceForm, presentTeamForm, presentTeams } from './org.presenter.ts';
import { addService, organisation, saveTeam, teamForm } from './org.service.ts';

const name = z.string().trim().min(1, 'Enter a name').max(120, 'The name must be 120 characters or fewer');
const serviceForm = z.object({ name });
const teamFields = z.object({
  name,
  serviceId: z.string().min(1, 'Choose the service this team belongs to').max(60),
});

/** The services and teams; system admins keep them up to date. */
export function orgRoutes(app: FastifyInstance, services: Services) {
  const { db, clock } = services;
  const manage = { permission: 'org:manage', audit: false } as const;

  page(app, { method: 'GET', url: '/teams', permission: 'org:view', audit: false }, async ({ user, reply }) =>
    reply.render('people/views/teams.njk', presentTeams(await organisation(db, user))),
  );

  page(app, { method: 'GET', url: '/teams/services/new', ...manage }, async ({ req, reply }) =>
    reply.render('people/views/service-form.njk', presentServiceForm(keptForm(req))),
  );

  form(
    app,
    {
      url: '/teams/services/new',
      permission: 'org:manage',
      body: serviceForm,
      back: () => '/teams/services/new',
      refusalField: 'name',
    },
    async (data, { actor }) => {
      await addService(db, clock, actor, data.name);
      return { to: '/teams', message: `${data.name} has been added.` };
    },
  );

  page(app, { method: 'GET', url: '/teams/new', ...manage }, async ({ req, reply }) =>
    reply.render('people/views/team-form.njk', presentTeamForm(await teamForm(db), keptForm(req))),
  );

  form(
    app,
    {
      url: '/teams/new',
      permission: 'org:manage',
      body: teamFields,
      back: () => '/teams/new',
      refusalField: 'name',
    },
    async (data, { actor }) => {
      await saveTeam(db, clock, actor, data);
      return { to: '/teams', message: `${data.name} has been saved.` };
    },
  );

  page(
    app,
    { method: 'GET', url: '/teams/:id/edit', ...manage, params: idParams },
    async ({ params, req, reply }) =>
      reply.render(
        'people/views/team-form.njk',
        presentTeamForm(await teamForm(db, params.id), keptForm(req)),
      ),
  );

  form(
    app,
    {
      url: '/teams/:id/edit',
      permission: 'org:manage',
      params: idParams,
      body: teamFields,
      back: ({ params }) => `/teams/${params.id}/edit`,
      refusalField: 'name',
    },
    async (data, { params, actor }) => {
      await saveTeam(db, clock, actor, { id: params.id, ...data });
      return { to: '/teams', message: `${data.name} has been saved.` };
    },
  );
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { NotFoundError, UserInputError } from '../platform/http/errors.ts';
import { formErrors, keptForm, redirectWithForm, redirectWithSuccess } from '../platform/http/forms.ts';
import { get, post } from '../platform/http/route.ts';
import type { Services } from '../platform/services.ts';
import { addService, saveTeam } from './org.service.ts';

const name = z.string().trim().min(1, 'Enter a name').max(120, 'The name must be 120 characters or fewer');
const serviceForm = z.object({ name });
const teamForm = z.object({
  name,
  serviceId: z.string().min(1, 'Choose the service this team belongs to').max(60),
});

/** System admins keep the organisation's services and teams up to date. */
export function orgRoutes(app: FastifyInstance, services: Services) {
  const { db, clock } = services;
  const rules = { permission: 'org:manage', audit: false } as const;

  const serviceItems = async (selected?: unknown) => [
    { value: '', text: 'Choose a service' },
    ...(await db.selectFrom('services').select(['id', 'name']).orderBy('name').execute()).map((s) => ({
      value: s.id,
      text: s.name,
      selected: s.id === selected,
    })),
  ];

  get(app, '/teams/services/new', rules, async (req, reply) => {
    const kept = keptForm(req);
    return reply.render('people/views/service-form.njk', {
      title: 'Add a service',
      values: kept?.values ?? {},
      errors: kept?.errors,
      backLink: { href: '/teams' },
    });
  });

  post(app, '/teams/services/new', rules, async (req, reply) => {
    const parsed = serviceForm.safeParse(req.body);
    const values = { name: (req.body as Record<string, unknown>)?.name };
    if (!parsed.success)
      return redirectWithForm(services, req, reply, '/teams/services/new', {
        values,
        errors: formErrors(parsed.error),
      });
    try {
      await addService(db, clock, req.actor, parsed.data.name);
    } catch (err) {
      if (err instanceof UserInputError)
        return redirectWithForm(services, req, reply, '/teams/services/new', {
          values,
          errors: formErrors([{ field: err.field ?? 'name', text: err.message }]),
        });
      throw err;
    }
    return redirectWithSuccess(services, req, reply, '/teams', `${parsed.data.name} has been added.`);
  });

  const teamPage = async (req: FastifyRequest, reply: FastifyReply, id?: string) => {
    const team = id
      ? await db
          .selectFrom('teams')
          .select(['id', 'name', 'service_id'])
          .where('id', '=', id)
          .executeTakeFirst()
      : undefined;
    if (id && !team) throw new NotFoundError('team');
    const kept = keptForm(req);
    const values = kept?.values ?? (team ? { name: team.name, serviceId: team.service_id } : {});
    return reply.render('people/views/team-form.njk', {
      title: team ? `Change ${team.name}` : 'Add a team',
      action: team ? `/teams/${team.id}/edit` : '/teams/new',
      values,
      errors: kept?.errors,
      serviceItems: await serviceItems(values.serviceId),
      backLink: { href: '/teams' },
    });
  };

  const teamSave = async (req: FastifyRequest, reply: FastifyReply, id?: string) => {
    const url = id ? `/teams/${id}/edit` : '/teams/new';
    const raw = (req.body ?? {}) as Record<string, unknown>;
    const values = { name: raw.name, serviceId: raw.serviceId };
    const parsed = teamForm.safeParse(req.body);
    if (!parsed.success)
      return redirectWithForm(services, req, reply, url, { values, errors: formErrors(parsed.error) });
    try {
      await saveTeam(db, clock, req.actor, { id, ...parsed.data });
    } catch (err) {
      if (err instanceof UserInputError)
        return redirectWithForm(services, req, reply, url, {
          values,
          errors: formErrors([{ field: err.field ?? 'name', text: err.message }]),
        });
      throw err;
    }
    return redirectWithSuccess(services, req, reply, '/teams', `${parsed.data.name} has been saved.`);
  };

  get(app, '/teams/new', rules, (req, reply) => teamPage(req, reply));
  post(app, '/teams/new', rules, (req, reply) => teamSave(req, reply));
  get(app, '/teams/:id/edit', rules, (req, reply) => teamPage(req, reply, (req.params as { id: string }).id));
  post(app, '/teams/:id/edit', rules, (req, reply) =>
    teamSave(req, reply, (req.params as { id: string }).id),
  );
}

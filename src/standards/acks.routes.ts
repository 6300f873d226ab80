import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { londonDay } from '../platform/calendar/days.ts';
import { form } from '../platform/http/form.ts';
import { keptForm } from '../platform/http/forms.ts';
import { idParams, page } from '../platform/http/page.ts';
import { mailLayout } from '../platform/mail/message.ts';
import type { Services } from '../platform/services.ts';
import { presentAskForm, presentToRead } from './acks.presenter.ts';
import {
  acknowledge,
  askToAcknowledge,
  sendReminders,
  standardsFor,
  teamAcknowledgementsPage,
} from './acks.service.ts';
import { dayField } from './forms.ts';
import { standardPage, targetChoices } from './pages.service.ts';

const ackBody = z.object({ version: z.coerce.number({ message: 'The version is missing' }).int().min(1) });
const askBody = z.object({
  target: z
    .string({ message: 'Choose who must acknowledge it' })
    .regex(/^(role|service|team):[\w-]{1,100}$/, 'Choose who must acknowledge it'),
  dueOn: dayField('the date to acknowledge by'),
});
const teamQuery = z.object({
  team: z.string().max(100).optional().catch(undefined),
  show: z.enum(['outstanding', 'all']).catch('outstanding'),
  page: z.coerce.number().int().min(1).max(10000).catch(1),
});

/** Acknowledging standards, what is left to read, who in a team has read them, reminders and asking people. */
export function acknowledgementRoutes(app: FastifyInstance, services: Services) {
  const { db, clock, config } = services;

  form(
    app,
    {
      url: '/standards/:id/acknowledge',
      permission: 'standards:acknowledge',
      params: idParams,
      body: ackBody,
      back: ({ params }) => `/standards/${params.id}`,
      refusalField: 'acknowledge',
    },
    async ({ version }, { params, user, actor }) => {
      const s = await acknowledge(db, clock, actor, user, params.id, version);
      return {
        to: `/standards/${params.id}`,
        message: `You have acknowledged “${s.title}” version ${version}`,
      };
    },
  );

  page(
    app,
    { method: 'GET', url: '/standards/to-read', permission: 'standards:acknowledge', audit: false },
    async ({ user, reply }) =>
      reply.render(
        'standards/views/to-read.njk',
        presentToRead(await standardsFor(db, user), londonDay(clock.now())),
      ),
  );

  page(
    app,
    {
      method: 'GET',
      url: '/standards/acknowledgements',
      permission: 'standards:team-acks',
      audit: false,
      query: teamQuery,
    },
    async ({ user, query, reply }) => {
      const view = await teamAcknowledgementsPage(db, user, {
        teamId: query.team,
        show: query.show,
        page: query.page,
        today: londonDay(clock.now()),
      });
      return reply.render('standards/views/team-acks.njk', view);
    },
  );

  form(
    app,
    {
      url: '/standards/:id/reminders',
      permission: 'standards:team-acks',
      params: idParams,
      body: z.object({}).loose(),
      back: () => '/standards/acknowledgements',
      refusalField: 'remind',
    },
    async (_d, { params, user, actor }) => {
      const n = await sendReminders(db, clock, actor, user, mailLayout(config), params.id);
      return {
        to: '/standards/acknowledgements',
        message: `Reminders queued for ${n} ${n === 1 ? 'person' : 'people'}`,
      };
    },
  );

  page(
    app,
    {
      method: 'GET',
      url: '/standards/:id/ask',
      permission: 'standards:manage',
      audit: false,
      params: idParams,
    },
    async ({ params, user, req, reply }) => {
      const [{ standard }, { teams, services: svc }] = await Promise.all([
        standardPage(db, clock, user, params.id),
        targetChoices(db),
      ]);
      return reply.render('standards/views/ask.njk', presentAskForm(standard, teams, svc, keptForm(req)));
    },
  );

  form(
    app,
    {
      url: '/standards/:id/ask',
      permission: 'standards:manage',
      params: idParams,
      body: askBody,
      back: ({ params }) => `/standards/${params.id}/ask`,
    },
    async ({ target, dueOn }, { params, actor }) => {
      const [kind, id] = target.split(':') as ['role' | 'service' | 'team', string];
      await askToAcknowledge(db, clock, actor, params.id, { kind, target: id, dueOn });
      return { to: `/standards/${params.id}`, message: 'Saved: they will see it in their standards to read' };
    },
  );
}

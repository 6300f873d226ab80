import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { londonDay } from '../platform/calendar/days.ts';
import { exportFormat, sendTable } from '../platform/export/table-export.ts';
import { form } from '../platform/http/form.ts';
import { formErrors, keptForm } from '../platform/http/forms.ts';
import { idParams, page, withoutToken } from '../platform/http/page.ts';
import type { Services } from '../platform/services.ts';
import {
  delegateBody,
  interviewBody,
  labelBody,
  linkBody,
  settingsBody,
  tagBody,
  toAnswers,
} from './forms.ts';
import {
  linkUnusableView,
  presentInterview,
  presentNewInterview,
  presentOverview,
  presentSelfService,
} from './interviews.presenter.ts';
import {
  interviewPage,
  interviewsOverview,
  newInterviewForm,
  recordInterview,
  reviewInterview,
  tagInterview,
} from './interviews.service.ts';
import { themeToLesson } from './lesson.service.ts';
import { sendSelfServiceLink, submitSelfService, usableLink } from './self-service.service.ts';
import {
  addToList,
  changeSettings,
  delegateTo,
  retireFromList,
  settingsPage,
  undelegate,
} from './settings.service.ts';
import { presentThemes, themesDownload } from './themes.presenter.ts';
import { themesReport } from './themes.service.ts';

const tokenParams = z.object({ token: z.string().min(1).max(200) });
const listParams = z.object({ list: z.enum(['reasons', 'themes']), id: z.string().min(1).max(100) });
const listOnly = z.object({ list: z.enum(['reasons', 'themes']) });
const table = (l: 'reasons' | 'themes') =>
  l === 'reasons' ? ('wf_reasons' as const) : ('wf_themes' as const);

/** Exit interviews (issue 14): record, self-service, themes with small numbers suppressed, settings. */
export function workforceRoutes(app: FastifyInstance, services: Services) {
  const individual = { permission: 'exit:interviews' } as const;

  page(app, { method: 'GET', url: '/workforce', ...individual, audit: false }, async ({ user, reply }) => {
    const data = await interviewsOverview(services, user);
    return reply.render(
      'workforce/views/overview.njk',
      presentOverview(data, londonDay(services.clock.now())),
    );
  });

  page(
    app,
    {
      method: 'GET',
      url: '/workforce/leavers/:id/new',
      ...individual,
      params: idParams,
      audit: {
        recordType: 'staff',
        recordId: ({ params }) => params.id,
        summary: () => 'Opened the exit interview form of a leaver',
      },
    },
    async ({ user, params, req, reply }) => {
      const { leaver, reasons } = await newInterviewForm(services, user, params.id);
      return reply.render(
        'workforce/views/interview-form.njk',
        presentNewInterview(leaver, reasons, keptForm(req)),
      );
    },
  );

  form(
    app,
    {
      url: '/workforce/leavers/:id/interview',
      ...individual,
      params: idParams,
      body: interviewBody,
      back: ({ params }) => `/workforce/leavers/${params.id}/new`,
    },
    async (data, { user, actor, params }) => {
      const done = await recordInterview(services, actor, params.id, toAnswers(data), { user });
      return {
        to: `/workforce/interviews/${done.id}`,
        message: `The exit interview of ${done.name} has been recorded.`,
      };
    },
  );

  form(
    app,
    {
      url: '/workforce/leavers/:id/link',
      ...individual,
      params: idParams,
      body: linkBody,
      back: () => '/workforce',
      name: 'link',
    },
    async (data, { user, actor, params }) => {
      const sent = await sendSelfServiceLink(services, user, actor, params.id, data.email);
      return {
        to: '/workforce',
        message: `A one-time link to the questionnaire has been sent to ${sent.name} at ${sent.to}.`,
      };
    },
  );

  page(
    app,
    {
      method: 'GET',
      url: '/workforce/interviews/:id',
      ...individual,
      params: idParams,
      audit: {
        recordType: 'exit-interview',
        recordId: ({ params }) => params.id,
        summary: () => 'Viewed an exit interview',
      },
    },
    async ({ user, params, req, reply }) => {
      const { interview, themes } = await interviewPage(services, user, params.id);
      return reply.render(
        'workforce/views/interview.njk',
        presentInterview(interview, themes, keptForm(req)),
      );
    },
  );

  form(
    app,
    {
      url: '/workforce/interviews/:id/themes',
      ...individual,
      params: idParams,
      body: tagBody,
      back: ({ params }) => `/workforce/interviews/${params.id}`,
    },
    async (data, { user, actor, params }) => {
      const name = await tagInterview(services, user, actor, params.id, data);
      return {
        to: `/workforce/interviews/${params.id}`,
        message: `The themes of ${name}’s interview have been saved.`,
      };
    },
  );

  form(
    app,
    {
      url: '/workforce/interviews/:id/review',
      ...individual,
      params: idParams,
      body: z.object({}),
      back: ({ params }) => `/workforce/interviews/${params.id}`,
    },
    async (_data, { user, actor, params }) => {
      const name = await reviewInterview(services, user, actor, params.id);
      return {
        to: `/workforce/interviews/${params.id}`,
        message: `${name}’s questionnaire has been reviewed and joins the themes.`,
      };
    },
  );

  page(
    app,
    { method: 'GET', url: '/workforce/themes', permission: 'exit:themes', audit: false },
    async ({ user, reply }) =>
      reply.render('workforce/views/themes.njk', presentThemes(await themesReport(services, user))),
  );

  page(
    app,
    {
      method: 'GET',
      url: '/workforce/themes/download',
      permission: 'exit:themes',
      audit: { recordType: 'exit-themes', summary: () => 'Downloaded exit interview themes (suppressed)' },
      query: z.object({ format: z.string().optional() }),
    },
    async ({ user, query, reply }) =>
      sendTable(
        reply,
        exportFormat(query),
        themesDownload(await themesReport(services, user), londonDay(services.clock.now())),
      ),
  );

  form(
    app,
    {
      url: '/workforce/themes/:id/lesson',
      permission: 'exit:manage',
      params: idParams,
      body: z.object({}),
      back: () => '/workforce/themes',
    },
    async (_d, { user, actor, params }) => {
      const id = await themeToLesson(services, user, actor, params.id);
      return {
        to: `/lessons/items/${id}`,
        message: 'The theme is now a recommendation in the learning loop: add its actions here.',
      };
    },
  );

  // The leaver's own questionnaire: no sign-in; the link is the key, and says nothing more when it cannot be used.
  page(
    app,
    { method: 'GET', url: '/exit-interview/:token', permission: 'public', audit: false, params: tokenParams },
    async ({ params, req, reply }) => {
      const found = await usableLink(services, params.token);
      if (!found) return reply.code(410).render('workforce/views/link-unusable.njk', linkUnusableView());
      return reply.render(
        'workforce/views/self-service.njk',
        presentSelfService(found, params.token, keptForm(req)),
      );
    },
  );

  // Answers that fail their checks are shown again at once (there is no session to keep them in).
  page(
    app,
    {
      method: 'POST',
      url: '/exit-interview/:token',
      permission: 'public',
      audit: false,
      params: tokenParams,
    },
    async ({ params, req, reply, actor }) => {
      const raw = withoutToken(req.body);
      const parsed = interviewBody.safeParse(raw);
      const found = await usableLink(services, params.token);
      if (!found) return reply.code(410).render('workforce/views/link-unusable.njk', linkUnusableView());
      if (!parsed.success)
        return reply
          .code(400)
          .render(
            'workforce/views/self-service.njk',
            presentSelfService(found, params.token, { values: raw, errors: formErrors(parsed.error) }),
          );
      await submitSelfService(services, actor, params.token, toAnswers(parsed.data));
      return reply.render('workforce/views/self-service-done.njk', { title: 'Thank you' });
    },
  );

  page(
    app,
    { method: 'GET', url: '/workforce/settings', permission: 'exit:manage', audit: false },
    async ({ req, reply }) => {
      const s = await settingsPage(services);
      const kept = keptForm(req);
      return reply.render('workforce/views/settings.njk', {
        title: 'Exit interview settings',
        ...s,
        values: kept?.values ?? {},
        errors: kept?.errors,
        backLink: { href: '/workforce', text: 'Exit interviews' },
      });
    },
  );

  form(
    app,
    {
      url: '/workforce/settings',
      permission: 'exit:manage',
      body: settingsBody,
      back: () => '/workforce/settings',
    },
    async (data, { actor }) => {
      await changeSettings(services, actor, data);
      return { to: '/workforce/settings', message: 'The settings have been saved.' };
    },
  );

  form(
    app,
    {
      url: '/workforce/settings/:list/new',
      permission: 'exit:manage',
      params: listOnly,
      body: labelBody,
      back: () => '/workforce/settings',
    },
    async (data, { actor, params }) => {
      await addToList(services, actor, table(params.list), data.label);
      return { to: '/workforce/settings', message: `“${data.label}” has been added.` };
    },
  );

  form(
    app,
    {
      url: '/workforce/settings/:list/:id',
      permission: 'exit:manage',
      params: listParams,
      body: z.object({ active: z.enum(['yes', 'no']) }),
      back: () => '/workforce/settings',
    },
    async (data, { actor, params }) => {
      await retireFromList(services, actor, table(params.list), params.id, data.active === 'yes');
      return {
        to: '/workforce/settings',
        message:
          data.active === 'yes' ? 'It is back on the list.' : 'It has been retired: past interviews keep it.',
      };
    },
  );

  form(
    app,
    {
      url: '/workforce/delegates',
      permission: 'exit:manage',
      body: delegateBody,
      back: () => '/workforce/settings',
    },
    async (data, { user, actor }) => {
      const name = await delegateTo(services, user, actor, data.email);
      return { to: '/workforce/settings', message: `${name} can now record and read exit interviews.` };
    },
  );

  form(
    app,
    {
      url: '/workforce/delegates/:id/remove',
      permission: 'exit:manage',
      params: idParams,
      body: z.object({}),
      back: () => '/workforce/settings',
    },
    async (_d, { actor, params }) => {
      await undelegate(services, actor, params.id);
      return { to: '/workforce/settings', message: 'The delegate has been removed.' };
    },
  );
}

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isDay, londonDay } from '../platform/calendar/days.ts';
import { sendTable } from '../platform/export/table-export.ts';
import { form } from '../platform/http/form.ts';
import { keptForm } from '../platform/http/forms.ts';
import { idParams, page } from '../platform/http/page.ts';
import type { Services } from '../platform/services.ts';
import { cpdDownload, presentCpdPage, presentCpdPrint } from './cpd.presenter.ts';
import { addCpdEntry, cpdRecord, saveReflection } from './cpd.service.ts';

const reflectionForm = z.object({
  reflection: z.string().trim().max(5000, 'Keep your reflection under 5,000 characters').default(''),
  peerReflected: z.enum(['yes']).optional(),
});
const newForm = reflectionForm.extend({
  title: z
    .string()
    .trim()
    .min(1, 'Enter what the learning was')
    .max(200, 'Keep the title under 200 characters'),
  day: z
    .string()
    .trim()
    .refine((s) => isDay(s), 'Enter the date as YYYY-MM-DD, for example 2026-11-20'),
});

/** The person's CPD record for Social Work England: entries, reflections, the year's standing, export and print. */
export function cpdRoutes(app: FastifyInstance, services: Services) {
  const own = { permission: 'learning:view', audit: false } as const;

  page(app, { method: 'GET', url: '/learning/cpd', ...own }, async ({ user, req, reply }) => {
    const record = await cpdRecord(services, user.id);
    return reply.render('learning/views/cpd.njk', presentCpdPage(record, keptForm(req)));
  });

  for (const format of ['csv', 'xlsx'] as const)
    page(app, { method: 'GET', url: `/learning/cpd.${format}`, ...own }, async ({ user, reply }) => {
      const { rows } = await cpdRecord(services, user.id);
      return sendTable(reply, format, cpdDownload(rows, londonDay(services.clock.now())));
    });

  page(app, { method: 'GET', url: '/learning/cpd/print', ...own }, async ({ user, reply }) => {
    const record = await cpdRecord(services, user.id);
    return reply.render('learning/views/cpd-print.njk', presentCpdPrint(record, user.name));
  });

  form(
    app,
    { url: '/learning/cpd/new', permission: 'learning:view', body: newForm, back: () => '/learning/cpd' },
    async (data, { user, actor }) => {
      await addCpdEntry(services, user, actor, data);
      return { to: '/learning/cpd', message: 'Your CPD entry has been added.' };
    },
  );

  form(
    app,
    {
      url: '/learning/cpd/:id',
      permission: 'learning:place',
      params: idParams,
      body: reflectionForm,
      back: () => '/learning/cpd',
    },
    async (data, { params, user, actor }) => {
      const title = await saveReflection(services, user, actor, params.id, data);
      return { to: '/learning/cpd', message: `Your reflection on ${title} has been saved.` };
    },
  );
}

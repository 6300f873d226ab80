import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { recordAudit } from '../platform/audit/audit.ts';
import { isDay, londonDay } from '../platform/calendar/days.ts';
import { sendTable } from '../platform/export/table-export.ts';
import { NotFoundError } from '../platform/http/errors.ts';
import { formErrors, keptForm, redirectWithForm, redirectWithSuccess } from '../platform/http/forms.ts';
import { get, post } from '../platform/http/route.ts';
import { newId } from '../platform/ids.ts';
import { ForbiddenError } from '../platform/policy/policy.ts';
import type { Services } from '../platform/services.ts';
import { formatDate } from '../platform/views/format.ts';
import { cpdStanding, cpdYearOf } from './cpd.rules.ts';
import { idParam } from './http.ts';

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
  const { db, clock } = services;
  const own = { permission: 'learning:view', audit: false } as const;

  const load = async (staffId: string) =>
    db.selectFrom('lrn_cpd').selectAll().where('staff_id', '=', staffId).orderBy('day', 'desc').execute();

  const standingOf = async (staffId: string) => {
    const year = cpdYearOf(londonDay(clock.now()));
    const rows = await load(staffId);
    return {
      year,
      rows,
      standing: cpdStanding(
        rows.map((r) => ({ day: r.day, peerReflected: r.peer_reflected === 1 })),
        year,
      ),
    };
  };

  get(app, '/learning/cpd', own, async (req, reply) => {
    const { year, rows, standing } = await standingOf(req.user!.id);
    const kept = keptForm(req);
    return reply.render('learning/views/cpd.njk', {
      title: 'My CPD record',
      year,
      standing,
      rows: rows.map((r) => ({
        ...r,
        when: formatDate(r.day),
        inYear: r.day >= year.start && r.day <= year.end,
      })),
      values: kept?.values ?? {},
      errors: kept?.errors,
      backLink: { href: '/learning/mine', text: 'Back to my learning' },
    });
  });

  get(app, '/learning/cpd.csv', own, async (req, reply) => {
    const { rows } = await standingOf(req.user!.id);
    return sendTable(reply, 'csv', {
      filename: `cpd-${londonDay(clock.now())}`,
      sheetName: 'CPD',
      columns: [
        { header: 'Date', value: (r) => r.day },
        { header: 'Learning', value: (r) => r.title },
        { header: 'From training booked here', value: (r) => (r.booking_id ? 'Yes' : 'No') },
        { header: 'Reflection', value: (r) => r.reflection },
        { header: 'Peer reflection', value: (r) => (r.peer_reflected ? 'Yes' : 'No') },
      ],
      rows,
    });
  });

  get(app, '/learning/cpd/print', own, async (req, reply) => {
    const { year, rows, standing } = await standingOf(req.user!.id);
    return reply.render('learning/views/cpd-print.njk', {
      title: `CPD record of ${req.user!.name}`,
      year,
      standing,
      rows: rows
        .filter((r) => r.day >= year.start && r.day <= year.end)
        .map((r) => ({ ...r, when: formatDate(r.day) })),
    });
  });

  post(app, '/learning/cpd/new', own, async (req, reply) => {
    const raw = (req.body ?? {}) as Record<string, unknown>;
    const parsed = newForm.safeParse(raw);
    const values = {
      title: raw.title,
      day: raw.day,
      reflection: raw.reflection,
      peerReflected: raw.peerReflected,
    };
    if (!parsed.success)
      return redirectWithForm(services, req, reply, '/learning/cpd', {
        values,
        errors: formErrors(parsed.error),
      });
    const at = clock.now().toISOString();
    await db.transaction().execute(async (trx) => {
      const id = newId();
      await trx
        .insertInto('lrn_cpd')
        .values({
          id,
          staff_id: req.user!.id,
          booking_id: null,
          title: parsed.data.title,
          day: parsed.data.day,
          reflection: parsed.data.reflection,
          peer_reflected: parsed.data.peerReflected ? 1 : 0,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await recordAudit(trx, clock, req.actor, {
        action: 'create',
        recordType: 'cpd',
        recordId: id,
        summary: 'Added a CPD entry',
      });
    });
    return redirectWithSuccess(services, req, reply, '/learning/cpd', 'Your CPD entry has been added.');
  });

  post(app, '/learning/cpd/:id', { permission: 'learning:place', audit: false }, async (req, reply) => {
    const entry = await db
      .selectFrom('lrn_cpd')
      .selectAll()
      .where('id', '=', idParam(req))
      .executeTakeFirst();
    if (!entry) throw new NotFoundError('cpd');
    // Only the person writes their own reflection.
    if (entry.staff_id !== req.user!.id) throw new ForbiddenError('learning:place', 'cpd', entry.id);
    const parsed = reflectionForm.safeParse(req.body ?? {});
    if (!parsed.success)
      return redirectWithForm(services, req, reply, '/learning/cpd', {
        values: {},
        errors: formErrors(parsed.error),
      });
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('lrn_cpd')
        .set({
          reflection: parsed.data.reflection,
          peer_reflected: parsed.data.peerReflected ? 1 : 0,
          updated_at: clock.now().toISOString(),
        })
        .where('id', '=', entry.id)
        .execute();
      await recordAudit(trx, clock, req.actor, {
        action: 'update',
        recordType: 'cpd',
        recordId: entry.id,
        summary: 'Updated a CPD reflection',
      });
    });
    return redirectWithSuccess(
      services,
      req,
      reply,
      '/learning/cpd',
      `Your reflection on ${entry.title} has been saved.`,
    );
  });
}

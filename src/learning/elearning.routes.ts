import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { recordAudit } from '../platform/audit/audit.ts';
import { isDay, londonDay } from '../platform/calendar/days.ts';
import { NotFoundError } from '../platform/http/errors.ts';
import {
  fileProblemsView,
  formErrors,
  keptForm,
  redirectWithForm,
  redirectWithSuccess,
} from '../platform/http/forms.ts';
import { get, post } from '../platform/http/route.ts';
import { newId } from '../platform/ids.ts';
import { can, scopeFor } from '../platform/policy/policy.ts';
import type { Services } from '../platform/services.ts';
import { formatDate } from '../platform/views/format.ts';
import { COMPLETION_COLUMNS, importCompletions } from './elearning.import.ts';
import { latestCompletions } from './elearning.repo.ts';
import { complianceSentence, moduleStanding, needsDoing } from './elearning.rules.ts';
import { idParam } from './http.ts';

const completeForm = z.object({
  completedOn: z.string().trim().refine(isDay, 'Enter the date you completed it as YYYY-MM-DD'),
});

const standingText = (s: ReturnType<typeof moduleStanding>) =>
  s.kind === 'never'
    ? 'Not completed'
    : s.kind === 'expired'
      ? `Needs renewing (ran out on ${formatDate(s.since)})`
      : s.kind === 'due-soon'
        ? `Renew by ${formatDate(s.until)}`
        : s.until
          ? `Up to date until ${formatDate(s.until)}`
          : 'Completed';

export function elearningRoutes(app: FastifyInstance, services: Services) {
  const { db, clock } = services;

  get(app, '/learning/elearning', { permission: 'learning:view', audit: false }, async (req, reply) => {
    const today = londonDay(clock.now());
    const { modules, lastOf } = await latestCompletions(db);
    const kept = keptForm(req);
    return reply.render('learning/views/elearning.njk', {
      title: 'Mandatory e-learning',
      modules: modules.map((m) => {
        const s = moduleStanding(lastOf(req.user!.id, m.id), m.renewal_months, today);
        return { ...m, status: standingText(s), todo: needsDoing(s) || s.kind === 'due-soon' };
      }),
      values: kept?.values ?? {},
      errors: kept?.errors,
      canSeeCompliance: can(req.user!, 'learning:team'),
    });
  });

  post(
    app,
    '/learning/elearning/:id/complete',
    { permission: 'learning:view', audit: false },
    async (req, reply) => {
      const m = await db
        .selectFrom('lrn_modules')
        .selectAll()
        .where('id', '=', idParam(req))
        .executeTakeFirst();
      if (!m) throw new NotFoundError('module');
      const parsed = completeForm.safeParse(req.body ?? {});
      const today = londonDay(clock.now());
      const raw = (req.body ?? {}) as Record<string, unknown>;
      const problem = !parsed.success
        ? formErrors(parsed.error)
        : parsed.data.completedOn > today
          ? formErrors([{ field: 'completedOn', text: 'The date cannot be in the future' }])
          : null;
      if (problem)
        return redirectWithForm(services, req, reply, '/learning/elearning', {
          values: { completedOn: raw.completedOn },
          errors: problem,
        });
      await db.transaction().execute(async (trx) => {
        const id = newId();
        await trx
          .insertInto('lrn_completions')
          .values({
            id,
            module_id: m.id,
            staff_id: req.user!.id,
            completed_on: parsed.data!.completedOn,
            source: 'self',
            created_at: clock.now().toISOString(),
          })
          .execute();
        await recordAudit(trx, clock, req.actor, {
          action: 'create',
          recordType: 'elearning-completion',
          recordId: id,
          summary: `Recorded completing ${m.title}`,
        });
      });
      return redirectWithSuccess(
        services,
        req,
        reply,
        '/learning/elearning',
        `Recorded: you completed ${m.title} on ${formatDate(parsed.data!.completedOn)}.`,
      );
    },
  );

  get(app, '/learning/compliance', { permission: 'learning:team', audit: false }, async (req, reply) => {
    const user = req.user!;
    const today = londonDay(clock.now());
    const { people, modules, lastOf } = await latestCompletions(db);
    // Only the people this person may see, as the policy scopes them.
    const mine = people.filter((p) =>
      can(user, 'learning:team', { ownerId: p.id, teamId: p.team_id, serviceId: p.service_id }),
    );
    const where = { team: 'your team', service: 'your service', all: 'the service', own: 'your record' }[
      scopeFor(user, 'learning:team') ?? 'own'
    ];
    return reply.render('learning/views/compliance.njk', {
      title: 'Mandatory e-learning: who needs to do it',
      modules: modules.map((m) => {
        const missing = mine.filter((p) =>
          needsDoing(moduleStanding(lastOf(p.id, m.id), m.renewal_months, today)),
        );
        return {
          title: m.title,
          sentence: complianceSentence(missing.length, mine.length, m.title, where),
          missing: missing.map((p) => `${p.name}${p.team ? ` (${p.team})` : ''}`),
        };
      }),
      canImport: can(user, 'learning:manage'),
    });
  });

  const importView = (extra: Record<string, unknown> = {}) => ({
    title: 'Import e-learning completions',
    columns: COMPLETION_COLUMNS,
    backLink: { href: '/learning/compliance' },
    ...extra,
  });

  get(
    app,
    '/learning/compliance/import',
    { permission: 'learning:manage', audit: false },
    async (_req, reply) => reply.render('learning/views/elearning-import.njk', importView()),
  );

  // Multipart bodies are read in the handler, so the form token travels in the query string.
  post(
    app,
    '/learning/compliance/import',
    { permission: 'learning:manage', audit: false },
    async (req, reply) => {
      const render = (status: number, errors: { row: number | null; message: string }[]) =>
        reply
          .code(status)
          .render('learning/views/elearning-import.njk', importView(fileProblemsView(errors)));
      if (!req.isMultipart()) return render(400, [{ row: null, message: 'Choose a CSV file to upload.' }]);
      const file = await req.file().catch(() => undefined);
      if (!file?.filename || !/\.csv$/i.test(file.filename))
        return render(400, [{ row: null, message: 'Choose a CSV file (.csv) to upload.' }]);
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(await file.toBuffer());
      } catch {
        return render(400, [
          {
            row: null,
            message: 'The file must be UTF-8 text no larger than 10 MB. Save it from Excel as "CSV UTF-8".',
          },
        ]);
      }
      const result = await importCompletions(db, clock, req.actor, text, londonDay(clock.now()));
      if (!result.ok) return render(422, result.errors);
      return redirectWithSuccess(
        services,
        req,
        reply,
        '/learning/compliance',
        `Imported ${result.imported} completions.`,
      );
    },
  );
}

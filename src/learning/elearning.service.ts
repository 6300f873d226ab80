import type { FastifyRequest } from 'fastify';
import { type Actor, recordAudit } from '../platform/audit/audit.ts';
import { londonDay } from '../platform/calendar/days.ts';
import { NotFoundError, UserInputError } from '../platform/http/errors.ts';
import type { FileProblem } from '../platform/http/forms.ts';
import { newId } from '../platform/ids.ts';
import { can, listScope, scopeFor } from '../platform/policy/policy.ts';
import type { Principal } from '../platform/policy/roles.ts';
import type { Services } from '../platform/services.ts';
import { completionProblem } from './dates.rules.ts';
import { checkCompletionRows, readCompletionsCsv } from './elearning.parse.ts';
import { findModule, importLookups, insertCompletions, latestCompletions } from './elearning.repo.ts';
import { readCsvUpload } from './elearning.upload.ts';

type Ctx = Pick<Services, 'db' | 'clock'>;

/** The modules with the person's own latest completion of each, for their page. */
export async function myElearning({ db, clock }: Ctx, user: Principal) {
  const { modules, lastOf } = await latestCompletions(db, { kind: 'own', userId: user.id });
  return {
    today: londonDay(clock.now()),
    modules: modules.map((m) => ({ ...m, last: lastOf(user.id, m.id) })),
    canSeeCompliance: can(user, 'learning:team'),
  };
}

/** Everyone the person may see (as the policy scopes `learning:team`) with their latest completion of each module. */
export async function complianceOf({ db, clock }: Ctx, user: Principal) {
  const { people, modules, lastOf } = await latestCompletions(db, listScope(user, 'learning:team'));
  return {
    today: londonDay(clock.now()),
    people,
    modules,
    lastOf,
    scope: scopeFor(user, 'learning:team') ?? 'own',
    canImport: can(user, 'learning:manage'),
  };
}

/** The person records that they completed a module; returns the module's title. */
export async function recordCompletion(
  { db, clock }: Ctx,
  user: Principal,
  actor: Actor,
  moduleId: string,
  completedOn: string,
) {
  const m = await findModule(db, moduleId);
  if (!m) throw new NotFoundError('module');
  const outOfRange = completionProblem(completedOn, londonDay(clock.now()));
  if (outOfRange) throw new UserInputError(outOfRange, 'completedOn');
  await db.transaction().execute(async (trx) => {
    const id = newId();
    const at = clock.now().toISOString();
    await insertCompletions(trx, [
      { id, module_id: m.id, staff_id: user.id, completed_on: completedOn, source: 'self', created_at: at },
    ]);
    await recordAudit(trx, clock, actor, {
      action: 'create',
      recordType: 'elearning-completion',
      recordId: id,
      summary: `Recorded completing ${m.title}`,
    });
  });
  return m.title;
}

export type ImportOutcome =
  | { ok: true; imported: number }
  | { ok: false; status: 400 | 422; problems: FileProblem[] };

/**
 * Imports completions from the CSV file uploaded with the request: every row is
 * checked first and, if any is wrong, nothing is saved and every problem is listed.
 */
export async function importCompletionsUpload(
  { db, clock }: Ctx,
  actor: Actor,
  req: FastifyRequest,
): Promise<ImportOutcome> {
  const upload = await readCsvUpload(req);
  if ('problem' in upload) return { ok: false, status: 400, problems: [upload.problem] };
  const read = readCompletionsCsv(upload.text);
  if (!read.ok) return { ok: false, status: 422, problems: read.errors };
  const { rows, errors } = checkCompletionRows(read.records, await importLookups(db), londonDay(clock.now()));
  if (errors.length) return { ok: false, status: 422, problems: errors };
  const at = clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    await insertCompletions(
      trx,
      rows.map((r) => ({
        id: newId(),
        module_id: r.moduleId,
        staff_id: r.staffId,
        completed_on: r.day,
        source: 'import' as const,
        created_at: at,
      })),
    );
    await recordAudit(trx, clock, actor, {
      action: 'import',
      recordType: 'elearning-completions',
      summary: `Imported ${rows.length} e-learning completions`,
    });
  });
  return { ok: true, imported: rows.length };
}

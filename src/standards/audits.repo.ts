import type { DbOrTrx } from '../platform/db/db.ts';
import type { Database } from '../platform/db/schema.ts';
import { whereInScope } from '../platform/db/scope.ts';
import type { ListScope } from '../platform/policy/policy.ts';
import type { CaseAuditAnswersTable, CaseAuditsTable } from './schema.ts';

export const insertAudit = (db: DbOrTrx, row: CaseAuditsTable) =>
  db.insertInto('case_audits').values(row).execute();
export const insertAnswers = (db: DbOrTrx, rows: CaseAuditAnswersTable[]) =>
  rows.length ? db.insertInto('case_audit_answers').values(rows).execute() : Promise.resolve([]);

type A = Database & { a: Database['case_audits'] };

const audits = (db: DbOrTrx) =>
  db
    .selectFrom('case_audits as a')
    .innerJoin('staff as auditor', 'auditor.id', 'a.auditor_id')
    .leftJoin('staff as moderator', 'moderator.id', 'a.moderator_id')
    .leftJoin('staff as worker', 'worker.id', 'a.worker_id')
    .leftJoin('teams', 'teams.id', 'a.team_id')
    .selectAll('a')
    .select([
      'auditor.name as auditor_name',
      'moderator.name as moderator_name',
      'worker.name as worker_name',
      'teams.name as team_name',
      'teams.service_id',
    ]);

export const findAudit = (db: DbOrTrx, id: string) => audits(db).where('a.id', '=', id).executeTakeFirst();
export type AuditRow = NonNullable<Awaited<ReturnType<typeof findAudit>>>;

/** The audits a person may see (scoped like the children they are about), newest first. */
export const listAudits = (db: DbOrTrx, scope: ListScope, limit = 300) =>
  audits(db)
    .where(
      whereInScope<A, 'a' | 'teams'>(scope, {
        owner: 'a.worker_id',
        team: 'a.team_id',
        service: 'teams.service_id',
      }),
    )
    .orderBy('a.audited_on', 'desc')
    .orderBy('a.created_at', 'desc')
    .limit(limit)
    .execute();

export const auditAnswers = (db: DbOrTrx, id: string) =>
  db
    .selectFrom('case_audit_answers as x')
    .innerJoin('standard_versions as v', (j) =>
      j.onRef('v.standard_id', '=', 'x.standard_id').onRef('v.version', '=', 'x.standard_version'),
    )
    .select(['x.standard_id', 'x.standard_version', 'x.answer', 'x.evidence', 'v.title'])
    .where('x.audit_id', '=', id)
    .orderBy('v.title')
    .execute();

export const auditResponses = (db: DbOrTrx, id: string) =>
  db
    .selectFrom('case_audit_responses as r')
    .innerJoin('staff', 'staff.id', 'r.staff_id')
    .select(['r.id', 'r.response', 'r.created_at', 'staff.name'])
    .where('r.audit_id', '=', id)
    .orderBy('r.created_at')
    .execute();

export const insertResponse = (
  db: DbOrTrx,
  row: { id: string; audit_id: string; staff_id: string; response: string; created_at: string },
) => db.insertInto('case_audit_responses').values(row).execute();

/** Records a moderation, only if nobody has moderated the audit yet (false when someone has). */
export async function setModeration(
  db: DbOrTrx,
  id: string,
  m: { moderator_id: string; moderated_grade: string; moderation_reason: string; moderated_at: string },
) {
  const r = await db
    .updateTable('case_audits')
    .set(m)
    .where('id', '=', id)
    .where('moderator_id', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const setAuditLesson = (db: DbOrTrx, id: string, lessonId: string) =>
  db.updateTable('case_audits').set({ lesson_id: lessonId }).where('id', '=', id).execute();

/** The standards case audits check now (their versions in force). */
export const checklist = (db: DbOrTrx) =>
  db
    .selectFrom('standards as s')
    .innerJoin('standard_versions as v', (j) =>
      j.onRef('v.standard_id', '=', 's.id').onRef('v.version', '=', 's.current_version'),
    )
    .select(['s.id', 's.current_version', 's.area', 'v.title', 'v.level'])
    .where('s.in_audit', '=', 1)
    .orderBy('s.area')
    .orderBy('s.position')
    .execute();

/** Every answer of the audits in scope, with each audit's team, month and standing grade: what themes are made from. */
export const themeRows = (db: DbOrTrx, scope: ListScope) =>
  db
    .selectFrom('case_audits as a')
    .innerJoin('case_audit_answers as x', 'x.audit_id', 'a.id')
    .leftJoin('teams', 'teams.id', 'a.team_id')
    .select([
      'a.id',
      'a.audited_on',
      'a.grade',
      'a.moderated_grade',
      'teams.name as team_name',
      'x.standard_id',
      'x.answer',
    ])
    .where(
      whereInScope<A, 'a' | 'teams'>(scope, {
        owner: 'a.worker_id',
        team: 'a.team_id',
        service: 'teams.service_id',
      }),
    )
    .execute();

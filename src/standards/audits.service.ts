import { addLessonItem, addSource } from '../complaints/api.ts';
import { authorizeChild, findChild } from '../performance/api.ts';
import { type Actor, recordAudit } from '../platform/audit/audit.ts';
import { londonDay } from '../platform/calendar/days.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db, DbOrTrx } from '../platform/db/db.ts';
import { NotFoundError, UserInputError } from '../platform/http/errors.ts';
import { newId } from '../platform/ids.ts';
import { authorize, can, listScope } from '../platform/policy/policy.ts';
import type { Principal } from '../platform/policy/roles.ts';
import {
  type AuditRow,
  auditAnswers,
  auditResponses,
  checklist,
  findAudit,
  insertAnswers,
  insertAudit,
  insertResponse,
  listAudits,
  setAuditLesson,
  setModeration,
  themeRows,
} from './audits.repo.ts';
import {
  type Answer,
  type AuditInput,
  auditProblems,
  finalGrade,
  GRADES,
  type Grade,
  isGrade,
  moderationProblem,
} from './audits.rules.ts';
import { auditThemes, type ThemeAudit } from './themes.rules.ts';

const where = (a: Pick<AuditRow, 'worker_id' | 'team_id' | 'service_id' | 'id'>) => ({
  type: 'case-audit',
  id: a.id,
  ownerId: a.worker_id,
  teamId: a.team_id,
  serviceId: a.service_id,
});

/** The child an auditor may audit: one they may see, and within their audit scope. */
async function childToAudit(db: DbOrTrx, user: Principal, childId: string) {
  const child = await findChild(db, childId);
  if (!child) throw new UserInputError('Choose the child whose case you audited', 'childId');
  authorizeChild(user, child);
  authorize(user, 'audits:conduct', {
    type: 'child',
    id: child.id,
    ownerId: child.worker_id,
    teamId: child.team_id,
    serviceId: child.service_id,
  });
  return child;
}

export async function auditForm(db: DbOrTrx, user: Principal, childId: string) {
  const [child, standards] = await Promise.all([childToAudit(db, user, childId), checklist(db)]);
  return { child, standards };
}

/** Records an audit of a child's case against the checklist, in one transaction with its audit-log row. */
export async function conductAudit(
  db: Db,
  clock: Clock,
  actor: Actor,
  user: Principal,
  childId: string,
  a: AuditInput,
) {
  return db.transaction().execute(async (trx) => {
    const child = await childToAudit(trx, user, childId);
    const standards = await checklist(trx);
    const problem = auditProblems(a, standards)[0];
    if (problem) throw new UserInputError(problem.text, problem.field);
    const id = newId();
    const now = clock.now().toISOString();
    await insertAudit(trx, {
      id,
      child_id: child.id,
      team_id: child.team_id,
      worker_id: child.worker_id,
      auditor_id: user.id,
      audited_on: londonDay(clock.now()),
      grade: a.grade,
      done_well: a.doneWell,
      must_change: a.mustChange,
      moderator_id: null,
      moderated_grade: null,
      moderation_reason: null,
      moderated_at: null,
      lesson_id: null,
      created_at: now,
    });
    const versions = new Map(standards.map((s) => [s.id, s.current_version]));
    await insertAnswers(
      trx,
      a.answers
        .filter((x) => versions.has(x.standardId))
        .map((x) => ({
          audit_id: id,
          standard_id: x.standardId,
          standard_version: versions.get(x.standardId)!,
          answer: x.answer as Answer,
          evidence: x.evidence.trim(),
        })),
    );
    await recordAudit(trx, clock, actor, {
      action: 'create',
      recordType: 'case-audit',
      recordId: id,
      summary: `Audited the case of child ${child.local_id}: ${GRADES[a.grade as Grade]}`,
    });
    return id;
  });
}

/** One audit for someone who may see it (scoped like the child); the page view itself is audited by the route. */
export async function auditPage(db: DbOrTrx, user: Principal, id: string) {
  const audit = await findAudit(db, id);
  if (!audit) throw new NotFoundError('case audit');
  authorize(user, 'audits:view', where(audit));
  const [answers, responses, child] = await Promise.all([
    auditAnswers(db, id),
    auditResponses(db, id),
    findChild(db, audit.child_id),
  ]);
  return {
    audit,
    answers,
    responses,
    child,
    may: {
      moderate:
        audit.moderator_id === null &&
        audit.auditor_id !== user.id &&
        can(user, 'audits:conduct', where(audit)),
      respond: can(user, 'audits:respond', where(audit)),
      lesson: audit.lesson_id === null && can(user, 'audits:conduct', where(audit)),
    },
  };
}

/** A second auditor agrees with the grade or changes it, with a reason; never the auditor themselves. */
export async function moderateAudit(
  db: Db,
  clock: Clock,
  actor: Actor,
  user: Principal,
  id: string,
  m: { grade: string; reason: string },
) {
  await db.transaction().execute(async (trx) => {
    const audit = await findAudit(trx, id);
    if (!audit) throw new NotFoundError('case audit');
    authorize(user, 'audits:conduct', where(audit));
    const own = moderationProblem(audit.auditor_id, user.id);
    if (own) throw new UserInputError(own, 'grade');
    if (!isGrade(m.grade)) throw new UserInputError('Choose the grade you agree on', 'grade');
    if (!m.reason.trim()) throw new UserInputError('Enter the reason for your moderation', 'reason');
    const done = await setModeration(trx, id, {
      moderator_id: user.id,
      moderated_grade: m.grade,
      moderation_reason: m.reason.trim(),
      moderated_at: clock.now().toISOString(),
    });
    if (!done) throw new UserInputError('This audit has already been moderated', 'grade');
    const agreed = m.grade === audit.grade;
    await recordAudit(trx, clock, actor, {
      action: 'update',
      recordType: 'case-audit',
      recordId: id,
      summary: agreed
        ? `Moderated: agreed ${GRADES[m.grade]}`
        : `Moderated: changed ${GRADES[audit.grade as Grade]} to ${GRADES[m.grade]}`,
    });
  });
}

/** The audited worker or their manager answers the audit. */
export async function respondToAudit(
  db: Db,
  clock: Clock,
  actor: Actor,
  user: Principal,
  id: string,
  response: string,
) {
  await db.transaction().execute(async (trx) => {
    const audit = await findAudit(trx, id);
    if (!audit) throw new NotFoundError('case audit');
    authorize(user, 'audits:respond', where(audit));
    await insertResponse(trx, {
      id: newId(),
      audit_id: id,
      staff_id: user.id,
      response,
      created_at: clock.now().toISOString(),
    });
    await recordAudit(trx, clock, actor, {
      action: 'update',
      recordType: 'case-audit',
      recordId: id,
      summary: 'Responded to the case audit',
    });
  });
}

/** Turns an audit's finding into a lesson in the learning loop (a case-audit source and its learning point). */
export async function lessonFromAudit(
  db: Db,
  clock: Clock,
  actor: Actor,
  user: Principal,
  id: string,
  l: { title: string; detail: string },
) {
  const audit = await findAudit(db, id);
  if (!audit) throw new NotFoundError('case audit');
  authorize(user, 'audits:conduct', where(audit));
  if (audit.lesson_id) throw new UserInputError('A lesson has already been made from this audit', 'title');
  const sourceId = await addSource(db, clock, actor, {
    kind: 'case-audit',
    title: `Case audit, ${audit.team_name ?? 'no team'}, ${audit.audited_on}`,
    receivedOn: audit.audited_on,
    teamId: audit.team_id,
    fromWhom: audit.auditor_name,
    summary: l.detail,
  });
  const lessonId = await addLessonItem(db, clock, actor, user, {
    complaintId: null,
    sourceId,
    kind: 'learning point',
    title: l.title,
    detail: l.detail,
    theme: 'other',
    teamId: audit.team_id,
  });
  await db.transaction().execute(async (trx) => {
    await setAuditLesson(trx, id, lessonId);
    await recordAudit(trx, clock, actor, {
      action: 'update',
      recordType: 'case-audit',
      recordId: id,
      summary: `Made a lesson from the audit: ${l.title}`,
    });
  });
  return lessonId;
}

export const auditsFor = (db: DbOrTrx, user: Principal) => listAudits(db, listScope(user, 'audits:view'));

/** Themes across the audits a person may see, from the pure module. */
export async function themesFor(db: DbOrTrx, user: Principal) {
  const rows = await themeRows(db, listScope(user, 'audits:themes'));
  const byAudit = new Map<string, ThemeAudit>();
  for (const r of rows) {
    const a = byAudit.get(r.id) ?? {
      team: r.team_name ?? 'No team',
      month: r.audited_on.slice(0, 7),
      grade: finalGrade(r),
      answers: [],
    };
    a.answers.push({ standardId: r.standard_id, answer: r.answer });
    byAudit.set(r.id, a);
  }
  const [themes, standards] = await Promise.all([
    Promise.resolve(auditThemes([...byAudit.values()])),
    checklist(db),
  ]);
  return { themes, standards };
}

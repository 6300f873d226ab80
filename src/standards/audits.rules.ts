/**
 * Case audits, pure: Ofsted's grades, the four answers a standard can get,
 * what makes an audit complete, and who may moderate it.
 */
export const GRADES = {
  outstanding: 'Outstanding',
  good: 'Good',
  'requires-improvement': 'Requires improvement to be good',
  inadequate: 'Inadequate',
} as const;
export type Grade = keyof typeof GRADES;
export const GRADE_IDS = Object.keys(GRADES) as [Grade, ...Grade[]];
export const isGrade = (v: string): v is Grade => v in GRADES;

export const ANSWERS = {
  met: 'Met',
  partly: 'Partly met',
  'not-met': 'Not met',
  na: 'Not applicable',
} as const;
export type Answer = keyof typeof ANSWERS;
export const isAnswer = (v: string): v is Answer => v in ANSWERS;

export interface AuditAnswerInput {
  standardId: string;
  answer: string;
  evidence: string;
}
export interface AuditInput {
  grade: string;
  doneWell: string;
  mustChange: string;
  answers: AuditAnswerInput[];
}

/** What is wrong with an audit, field by field (empty when it can be saved). */
export function auditProblems(
  a: AuditInput,
  checklist: { id: string; title: string }[],
): { field: string; text: string }[] {
  const out: { field: string; text: string }[] = [];
  const byId = new Map(a.answers.map((x) => [x.standardId, x]));
  for (const s of checklist) {
    const x = byId.get(s.id);
    if (!x || !isAnswer(x.answer))
      out.push({
        field: `answer-${s.id}`,
        text: `Choose met, partly met, not met or not applicable for “${s.title}”`,
      });
    else if ((x.answer === 'not-met' || x.answer === 'partly') && !x.evidence.trim())
      out.push({
        field: `evidence-${s.id}`,
        text: `Write the evidence for “${s.title}”: an answer of ${ANSWERS[x.answer].toLowerCase()} needs it`,
      });
  }
  if (!isGrade(a.grade)) out.push({ field: 'grade', text: 'Choose the overall grade' });
  return out;
}

/** A moderator is a second auditor: never the person who did the audit. */
export const moderationProblem = (auditorId: string, moderatorId: string) =>
  auditorId === moderatorId ? 'You cannot moderate your own audit: ask another auditor' : null;

/** The grade that stands: the moderator's when there is one. */
export const finalGrade = (a: { grade: string; moderated_grade: string | null }) =>
  a.moderated_grade ?? a.grade;

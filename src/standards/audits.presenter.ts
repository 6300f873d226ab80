import { barChart } from '../platform/views/charts.ts';
import { formatDate } from '../platform/views/format.ts';
import type { AuditRow } from './audits.repo.ts';
import { ANSWERS, type Answer, finalGrade, GRADE_IDS, GRADES, type Grade } from './audits.rules.ts';
import type { KeptForm } from './forms.ts';
import { type auditThemes, MIN_GROUP } from './themes.rules.ts';

const gradeName = (g: string) => GRADES[g as Grade] ?? g;

/** The audits a person may see, and the links to what they may do (no link to a page they may not open). */
export function presentAuditList(rows: AuditRow[], may: { themes: boolean; conduct: boolean }) {
  return {
    title: 'Case audits',
    canThemes: may.themes,
    canConduct: may.conduct,
    rows: rows.map((a) => ({
      href: `/audits/${a.id}`,
      date: formatDate(a.audited_on),
      team: a.team_name ?? 'No team',
      worker: a.worker_name ?? 'No allocated worker',
      grade: gradeName(finalGrade(a)),
      moderated: a.moderator_id !== null,
      auditor: a.auditor_name,
    })),
  };
}

/** The audit form: every checklist standard with four answers and its evidence box. */
export function presentAuditForm(
  child: { id: string; name: string; local_id: string },
  standards: { id: string; title: string; level: string }[],
  kept: KeptForm,
) {
  const v = kept?.values ?? {};
  const s = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : '');
  return {
    title: `Audit the case of ${child.name}`,
    action: '/audits/new',
    childId: child.id,
    errors: kept?.errors,
    backLink: { href: '/audits/new', text: 'Back' },
    standards: standards.map((x) => ({
      id: x.id,
      title: x.title,
      evidence: s(`evidence-${x.id}`),
      items: (Object.keys(ANSWERS) as Answer[]).map((a) => ({
        value: a,
        text: ANSWERS[a],
        checked: s(`answer-${x.id}`) === a,
      })),
      error: kept?.errors.fields[`answer-${x.id}`],
      evidenceError: kept?.errors.fields[`evidence-${x.id}`],
    })),
    gradeItems: GRADE_IDS.map((g) => ({ value: g, text: GRADES[g], checked: s('grade') === g })),
    doneWell: s('doneWell'),
    mustChange: s('mustChange'),
  };
}

export function presentChooseChild(
  children: { id: string; name: string; local_id: string; team_name: string | null }[],
) {
  return {
    title: 'Audit a child’s case',
    childItems: [
      { value: '', text: 'Choose a child' },
      ...children.map((c) => ({
        value: c.id,
        text: `${c.name} (${c.local_id}, ${c.team_name ?? 'no team'})`,
      })),
    ],
  };
}

/** One audit: the answers with evidence, the grade (and any moderation), what went well and must change, responses. */
export function presentAudit(
  p: {
    audit: AuditRow;
    answers: {
      standard_id: string;
      standard_version: number;
      answer: string;
      evidence: string;
      title: string;
    }[];
    responses: { response: string; created_at: string; name: string }[];
    child: { name: string; local_id: string } | undefined;
    may: { moderate: boolean; respond: boolean; lesson: boolean };
  },
  kept: KeptForm,
) {
  const a = p.audit;
  const v = kept?.values ?? {};
  const s = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : '');
  return {
    title: `Case audit: ${p.child?.name ?? 'a child'}`,
    id: a.id,
    errors: kept?.errors,
    backLink: { href: '/audits', text: 'Back to case audits' },
    summary: [
      {
        key: { text: 'Child' },
        value: { text: p.child ? `${p.child.name} (${p.child.local_id})` : 'Not found' },
      },
      { key: { text: 'Worker' }, value: { text: a.worker_name ?? 'No allocated worker' } },
      { key: { text: 'Team' }, value: { text: a.team_name ?? 'No team' } },
      { key: { text: 'Audited' }, value: { text: `${formatDate(a.audited_on)} by ${a.auditor_name}` } },
      { key: { text: 'Grade' }, value: { text: gradeName(a.grade) } },
      ...(a.moderator_id
        ? [
            {
              key: { text: 'Moderation' },
              value: {
                text: `${a.moderated_grade === a.grade ? 'Agreed' : `Changed to ${gradeName(a.moderated_grade!)}`} by ${a.moderator_name}: ${a.moderation_reason}`,
              },
            },
          ]
        : []),
    ],
    answers: p.answers.map((x) => ({
      href: `/standards/${x.standard_id}/versions/${x.standard_version}`,
      title: x.title,
      answer: ANSWERS[x.answer as Answer] ?? x.answer,
      evidence: x.evidence,
      notMet: x.answer === 'not-met',
    })),
    doneWell: a.done_well,
    mustChange: a.must_change,
    responses: p.responses.map((r) => ({ by: r.name, on: formatDate(r.created_at), text: r.response })),
    lessonHref: a.lesson_id ? `/lessons/items/${a.lesson_id}` : undefined,
    may: p.may,
    gradeItems: GRADE_IDS.map((g) => ({ value: g, text: GRADES[g], checked: (s('grade') || a.grade) === g })),
    reason: s('reason'),
    response: s('response'),
    lessonTitle: s('title'),
    lessonDetail: s('detail') || a.must_change,
  };
}

/** Themes: per standard how often met (a chart and its table), per team (small teams not given a rate) and month. */
export function presentThemes(t: ReturnType<typeof auditThemes>, standards: { id: string; title: string }[]) {
  const rated = standards.flatMap((s) => {
    const x = t.standards.get(s.id);
    return x && x.metPercent !== null ? [{ title: s.title, ...x }] : [];
  });
  return {
    title: 'Themes from case audits',
    audits: t.audits,
    minGroup: MIN_GROUP,
    standardsChart: rated.length
      ? barChart({
          title: 'How often each standard was met (per cent of audits where it applied)',
          labels: rated.map((r) => r.title),
          series: [{ name: 'Met', values: rated.map((r) => r.metPercent) }],
          unit: 'per cent',
          integer: true,
        })
      : undefined,
    monthsChart: t.months.length
      ? barChart({
          title: 'Standards met, by month audited (per cent)',
          labels: t.months.map((m) => m.key),
          series: [{ name: 'Met', values: t.months.map((m) => m.metPercent) }],
          unit: 'per cent',
          integer: true,
        })
      : undefined,
    standards: rated.map((r) => [
      { text: r.title },
      { text: String(r.met) },
      { text: String(r.partly) },
      { text: String(r.notMet) },
      { text: `${r.metPercent}%` },
    ]),
    teams: t.teams.map((x) => [
      { text: x.key },
      { text: String(x.audits) },
      { text: x.suppressed ? `Not shown: fewer than ${MIN_GROUP} audits` : `${x.metPercent ?? 0}%` },
    ]),
    grades: GRADE_IDS.map((g) => [{ text: GRADES[g] }, { text: String(t.grades.get(g) ?? 0) }]),
  };
}

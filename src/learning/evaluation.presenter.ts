import { londonDay } from '../platform/calendar/days.ts';
import type { TableExport } from '../platform/export/table-export.ts';
import type { FormErrors } from '../platform/http/forms.ts';
import { formatDateWithWeekday, plural } from '../platform/views/format.ts';
import type { EvaluationAnswer } from './evaluation.repo.ts';
import type { EvaluationResults } from './evaluation.service.ts';

interface Row {
  content: number;
  trainer: number;
  relevance: number;
  differently: string;
  better: string;
}

const average = (xs: number[]) => (xs.length ? (xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(1) : '–');

/** Averages, counts, the response rate and the comments, in words for the page. */
export function evaluationSummary(rows: Row[], attended: number) {
  const rate = attended ? Math.round((rows.length / attended) * 100) : 0;
  return {
    responses: `${plural(rows.length, 'person has', 'people have')} evaluated, of ${plural(attended, 'person', 'people')} who attended (${rate}%).`,
    averages: [
      { label: 'Content', value: average(rows.map((r) => r.content)) },
      { label: 'Trainer', value: average(rows.map((r) => r.trainer)) },
      { label: 'Relevance to practice', value: average(rows.map((r) => r.relevance)) },
    ],
    differently: rows.map((r) => r.differently).filter(Boolean),
    better: rows.map((r) => r.better).filter(Boolean),
  };
}

/** One to five, with the ends named, and the person's answer kept after a mistake. */
const scale = (kept: unknown) =>
  [1, 2, 3, 4, 5].map((n) => ({
    value: String(n),
    text: `${n}${n === 1 ? ' (poor)' : n === 5 ? ' (excellent)' : ''}`,
    checked: String(kept) === String(n),
  }));

/** The evaluation form, or the thanks when it has been answered; with the answers and errors kept. */
export function presentEvaluationForm(
  { booking, done }: { booking: { id: string; title: string }; done: boolean },
  kept?: { values: Record<string, unknown>; errors: FormErrors },
) {
  const values = kept?.values ?? {};
  return {
    title: `Evaluate ${booking.title}`,
    b: booking,
    done,
    values,
    errors: kept?.errors,
    scales: [
      { name: 'content', legend: 'How good was the content?', items: scale(values.content) },
      { name: 'trainer', legend: 'How good was the trainer?', items: scale(values.trainer) },
      { name: 'relevance', legend: 'How relevant was it to your practice?', items: scale(values.relevance) },
    ],
    backLink: { href: '/learning/mine', text: 'Back to my learning' },
  };
}

/** The results page of a session, or of every session of a course. */
export function presentEvaluationResults({ scope, id, subject, answers, attended }: EvaluationResults) {
  const base = `/learning/${scope}/${id}`;
  return {
    title:
      scope === 'sessions'
        ? `Evaluations: ${subject.title}, ${formatDateWithWeekday(subject.starts_at)}`
        : `Evaluations: ${subject.title}, every session`,
    summary: evaluationSummary(answers, attended),
    csvHref: `${base}/evaluations.csv`,
    xlsxHref: `${base}/evaluations.xlsx`,
    courseHref: scope === 'sessions' ? `/learning/courses/${subject.course_id}/evaluations` : null,
    backLink: { href: base, text: scope === 'sessions' ? 'Back to the session' : 'Back to the course' },
  };
}

/** The answers as a CSV download, one row per evaluation. */
export function evaluationsTable({ subject, answers }: EvaluationResults): TableExport<EvaluationAnswer> {
  return {
    filename: `evaluations-${subject.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, 40)}`,
    sheetName: 'Evaluations',
    columns: [
      {
        header: 'Session',
        value: (r) => (r.starts_at ? londonDay(new Date(r.starts_at)) : null),
        type: 'date',
      },
      { header: 'Content (1-5)', value: (r) => r.content, type: 'number' },
      { header: 'Trainer (1-5)', value: (r) => r.trainer, type: 'number' },
      { header: 'Relevance (1-5)', value: (r) => r.relevance, type: 'number' },
      { header: 'What will you do differently', value: (r) => r.differently },
      { header: 'What could be better', value: (r) => r.better },
      { header: 'Given on', value: (r) => londonDay(new Date(r.created_at)), type: 'date' },
    ],
    rows: answers,
  };
}

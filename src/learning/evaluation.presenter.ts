import { plural } from '../platform/views/format.ts';

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

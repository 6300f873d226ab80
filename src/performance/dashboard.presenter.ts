import { lineChart } from '../platform/views/charts.ts';
import { formatDate } from '../platform/views/format.ts';
import { RULE_IDS } from './rules/types.ts';
import { qs, type TableSpec } from './table.presenter.ts';
import type { WeekPoint } from './trends.rules.ts';
import { dueSoonSentence, overdueSentence, ruleTitle, seenSentence } from './wording.presenter.ts';

export interface Counts {
  key: string | null;
  name: string;
  children: number;
  visited: number;
  notSeen: number;
  overdue: number;
  dueSoon: number;
}

const list = (f: Record<string, string | undefined>) => `/performance/children${qs(f)}`;

/** Per team (overview) or per worker (supervision): children behind every number. */
export function countsTable(
  rows: Counts[],
  by: 'team' | 'worker',
  window: { from: string; to: string },
  teamId?: string,
): TableSpec<Counts> {
  const f = (r: Counts) =>
    by === 'team' ? { team: r.key ?? undefined } : { team: teamId, worker: r.key ?? undefined };
  return {
    name: by === 'team' ? 'teams' : 'workers',
    caption: by === 'team' ? 'Children in each team' : 'Children with each worker',
    rows,
    columns: [
      {
        header: by === 'team' ? 'Team' : 'Worker',
        value: (r) => r.name,
        href: (r) => (by === 'team' && r.key ? `/performance/teams/${r.key}` : null),
      },
      { header: 'Children', value: (r) => r.children, numeric: true, href: (r) => list(f(r)) },
      { header: 'Children with a visiting timescale', value: (r) => r.visited, numeric: true },
      {
        header: 'Not seen within their timescale',
        value: (r) => r.notSeen,
        numeric: true,
        href: (r) => list({ ...f(r), status: 'not-seen' }),
      },
      {
        header: 'With work that is late',
        value: (r) => r.overdue,
        numeric: true,
        href: (r) => list({ ...f(r), status: 'overdue' }),
      },
      {
        header: 'With something due in the next two weeks',
        value: (r) => r.dueSoon,
        numeric: true,
        href: (r) => list({ ...f(r), from: window.from, to: window.to }),
      },
    ],
  };
}

export interface RuleRow {
  rule: string;
  onTime: number;
  dueSoon: number;
  late: number;
  finishedLate: number;
}

export function ruleRows(counts: { rule: string; status: string; open: boolean; n: number }[]): RuleRow[] {
  return RULE_IDS.map((rule) => {
    const n = (status: string, open: boolean) =>
      counts
        .filter((c) => c.rule === rule && c.status === status && c.open === open)
        .reduce((a, c) => a + c.n, 0);
    return {
      rule,
      onTime: n('on-time', true),
      dueSoon: n('due-soon', true),
      late: n('overdue', true),
      finishedLate: n('overdue', false),
    };
  });
}

export function rulesTable(rows: RuleRow[], teamId?: string): TableSpec<RuleRow> {
  const link = (status: string) => (r: RuleRow) => list({ team: teamId, rule: r.rule, status });
  return {
    name: 'work-by-kind',
    caption: 'Children’s work by kind',
    rows,
    columns: [
      { header: 'Work', value: (r) => ruleTitle(r.rule) },
      { header: 'Children on time', value: (r) => r.onTime, numeric: true, href: link('on-time') },
      { header: 'Children due soon', value: (r) => r.dueSoon, numeric: true, href: link('due-soon') },
      { header: 'Children whose work is late', value: (r) => r.late, numeric: true, href: link('overdue') },
      { header: 'Finished late', value: (r) => r.finishedLate, numeric: true, href: link('finished-late') },
    ],
  };
}

export function forwardTable(
  days: { day: string; n: number }[],
  teamId?: string,
): TableSpec<{ day: string; n: number }> {
  return {
    name: 'next-two-weeks',
    caption: 'What falls due in the next two weeks',
    rows: days,
    columns: [
      { header: 'Day', value: (r) => formatDate(r.day) },
      {
        header: 'Children with something due',
        value: (r) => r.n,
        numeric: true,
        href: (r) => list({ team: teamId, from: r.day, to: r.day }),
      },
    ],
  };
}

export function trendChart(weeks: string[], points: WeekPoint[]) {
  return lineChart({
    title:
      'Week by week: children not seen within their visiting timescale, and children with work that is late',
    labels: weeks.map((w) => formatDate(w).replace(/ \d{4}$/, '')),
    unit: 'children',
    series: [
      { name: 'Not seen within their visiting timescale', values: points.map((p) => p.notSeen) },
      { name: 'With work that is late', values: points.map((p) => p.overdue) },
    ],
  });
}

/** What to talk about in supervision, worker by worker: about the children, not about the worker's numbers. */
export function supervisionNotes(rows: Counts[]) {
  return rows.map((r) => ({
    name: r.name,
    lines: [
      seenSentence('worker', r.visited, r.notSeen, r.name),
      overdueSentence(r.overdue, 'their'),
      dueSoonSentence(r.dueSoon, 'their'),
    ],
  }));
}

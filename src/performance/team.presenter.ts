import {
  type Counts,
  countsTable,
  forwardTable,
  ruleRows,
  rulesTable,
  supervisionNotes,
  trendChart,
} from './dashboard.presenter.ts';
import { downloadLinks, pageTable, type TableSpec } from './table.presenter.ts';
import { sumTrends, type Trends } from './trends.rules.ts';
import { overdueSentence, seenSentence } from './wording.presenter.ts';

/** The rows behind a team's page, from the four aggregate queries and the stored trends. */
export interface TeamRows {
  teamId: string;
  window: { from: string; to: string };
  counts: Omit<Counts, 'name'>[];
  /** Workers' names by staff id. */
  names: Map<string, string>;
  rules: { rule: string; status: string; open: boolean; n: number }[];
  due: { day: string; n: number }[];
  trends: Trends;
}

/** The team's tables by the name their download asks for. */
export const TEAM_TABLES = ['work-by-kind', 'workers', 'next-two-weeks'] as const;
export type TeamTableName = (typeof TEAM_TABLES)[number];

/** What a team's page shows, the same for everyone allowed to see the team (so it is cached). */
export interface TeamView {
  workers: Counts[];
  // biome-ignore lint/suspicious/noExplicitAny: each table has its own row type; the page and the download only read columns
  tables: Record<TeamTableName, TableSpec<any>>;
  chart: ReturnType<typeof trendChart> | null;
}

export function teamView(r: TeamRows): TeamView {
  const workers = r.counts
    .map((c) => ({ ...c, name: c.key ? (r.names.get(c.key) ?? 'Unknown') : 'Not allocated' }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    workers,
    chart: r.trends.weeks.length ? trendChart(r.trends.weeks, sumTrends(r.trends, [r.teamId])) : null,
    tables: {
      'work-by-kind': rulesTable(ruleRows(r.rules), r.teamId),
      workers: countsTable(workers, 'worker', r.window, r.teamId),
      'next-two-weeks': forwardTable(r.due, r.teamId),
    },
  };
}

/** A team's page: what the numbers say, each linking to the children behind it, and notes for supervision. */
export function presentTeamPage({ team, view }: { team: { id: string; name: string }; view: TeamView }) {
  const total = view.workers.reduce(
    (a, r) => ({
      visited: a.visited + r.visited,
      notSeen: a.notSeen + r.notSeen,
      overdue: a.overdue + r.overdue,
    }),
    { visited: 0, notSeen: 0, overdue: 0 },
  );
  const download = (table: TeamTableName) =>
    downloadLinks(`/performance/teams/${team.id}/download?table=${table}`);
  return {
    title: `Children in ${team.name}`,
    team,
    summary: [
      {
        text: seenSentence('team', total.visited, total.notSeen),
        href: `/performance/children?team=${team.id}&status=not-seen`,
      },
      {
        text: overdueSentence(total.overdue, 'the team’s'),
        href: `/performance/children?team=${team.id}&status=overdue`,
      },
    ],
    rules: pageTable(view.tables['work-by-kind']),
    workers: pageTable(view.tables.workers),
    forward: pageTable(view.tables['next-two-weeks']),
    supervision: supervisionNotes(view.workers.filter((x) => x.key)),
    chart: view.chart,
    backLink: { href: '/performance', text: 'All teams' },
    downloads: {
      rules: download('work-by-kind'),
      forward: download('next-two-weeks'),
      workers: download('workers'),
    },
  };
}

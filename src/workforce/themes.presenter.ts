import type { ExportColumn, TableExport } from '../platform/export/table-export.ts';
import { lineChart } from '../platform/views/charts.ts';
import type { ThemesReport } from './themes.service.ts';

const label = (q: string) => `${q.slice(5)} ${q.slice(0, 4)}`;

/** A published figure as a table cell: the count, or "fewer than N" (never the number). */
export function cellText(r: ThemesReport, id: string): string {
  if (r.b.hidden.has(id)) return 'Hidden';
  return String(r.b.cells.get(id) ?? 0);
}
const cellNumber = (r: ThemesReport, id: string): number | null =>
  r.b.hidden.has(id) ? null : (r.b.cells.get(id) ?? 0);

export function presentThemes(r: ThemesReport) {
  const c = (id: string) => ({ text: cellText(r, id), format: 'numeric' });
  const teamRows = r.b.services.flatMap((s) => [
    [{ text: s.name }, { text: 'All teams' }, c(`svc:${s.id}`)],
    ...s.teams.map((t) => [{ text: s.name }, { text: t.name }, c(`team:${t.id}`)]),
  ]);
  const themed = r.themes.filter((t) => (r.b.cells.get(`t:${t.id}:all`) ?? 0) > 0);
  const top = [...themed]
    .sort((a, b) => (r.b.cells.get(`t:${b.id}:all`) ?? 0) - (r.b.cells.get(`t:${a.id}:all`) ?? 0))
    .slice(0, 3);
  const chart = lineChart({
    title: 'Leavers, and leavers naming the top themes, by quarter',
    labels: r.b.quarters.map(label),
    series: [
      { name: 'All leavers interviewed', values: r.b.quarters.map((q) => cellNumber(r, `q:${q}`)) },
      ...top.map((t) => ({
        name: t.label,
        values: r.b.quarters.map((q) => cellNumber(r, `t:${t.id}:q:${q}`)),
      })),
    ],
    unit: 'leavers',
    integer: true,
  });
  return {
    title: 'Exit interviews: themes and trends',
    min: r.min,
    total: cellText(r, 'all'),
    psw: r.psw,
    chart,
    byTeam: {
      head: [{ text: 'Service' }, { text: 'Team' }, { text: 'Leavers', format: 'numeric' }],
      rows: teamRows,
    },
    byContract: {
      head: [{ text: 'Contract' }, { text: 'Leavers', format: 'numeric' }],
      rows: [
        [{ text: 'Permanent' }, c('agency:0')],
        [{ text: 'Agency' }, c('agency:1')],
      ],
    },
    byReason: {
      head: [{ text: 'Main reason for leaving' }, { text: 'Leavers', format: 'numeric' }],
      rows: [
        ...r.reasons.map((x) => [{ text: x.label }, c(`reason:${x.id}`)]),
        [{ text: 'Not given' }, c('reason:none')],
      ],
    },
    byYear: {
      head: [{ text: 'Year' }, { text: 'Who' }, { text: 'Leavers', format: 'numeric' }],
      rows: r.b.years.flatMap((y) => [
        [{ text: y }, { text: 'All interviewed' }, c(`y:${y}`)],
        ...top.map((t) => [{ text: y }, { text: `Naming “${t.label}”` }, c(`t:${t.id}:y:${y}`)]),
      ]),
    },
    themes: r.themes.map((t) => ({
      label: t.label,
      all: cellText(r, `t:${t.id}:all`),
      permanent: cellText(r, `t:${t.id}:agency:0`),
      agency: cellText(r, `t:${t.id}:agency:1`),
    })),
    lessons: r.psw ? themed.map((t) => ({ id: t.id, label: t.label })) : [],
    quotes: r.psw
      ? r.themes
          .filter((t) => r.quotes.has(t.id))
          .map((t) => ({ theme: t.label, quotes: r.quotes.get(t.id) ?? [] }))
      : [],
  };
}

type Row = { breakdown: string; group: string; leavers: number | null; note: string };

/** The download: every published figure, suppressed exactly as on the page (a hidden cell is empty with a note). */
export function themesDownload(r: ThemesReport, day: string): TableExport<Row> {
  const row = (breakdown: string, group: string, id: string): Row => ({
    breakdown,
    group,
    leavers: cellNumber(r, id),
    note: r.b.hidden.has(id) ? `hidden: fewer than ${r.min}, or would show a group that is` : '',
  });
  const rows: Row[] = [row('All', 'All leavers interviewed', 'all')];
  for (const s of r.b.services) {
    rows.push(row('Service', s.name, `svc:${s.id}`));
    for (const t of s.teams) rows.push(row('Team', `${s.name} – ${t.name}`, `team:${t.id}`));
  }
  rows.push(row('Contract', 'Permanent', 'agency:0'), row('Contract', 'Agency', 'agency:1'));
  for (const x of r.reasons) rows.push(row('Main reason', x.label, `reason:${x.id}`));
  for (const q of r.b.quarters) rows.push(row('Quarter', label(q), `q:${q}`));
  for (const t of r.themes) {
    rows.push(row('Theme', t.label, `t:${t.id}:all`));
    for (const q of r.b.quarters)
      rows.push(row(`Theme by quarter: ${t.label}`, label(q), `t:${t.id}:q:${q}`));
  }
  const columns: ExportColumn<Row>[] = [
    { header: 'Breakdown', value: (x) => x.breakdown },
    { header: 'Group', value: (x) => x.group },
    { header: 'Leavers', value: (x) => x.leavers, type: 'number' },
    { header: 'Note', value: (x) => x.note },
  ];
  return { filename: `exit-interview-themes-${day}`, sheetName: 'Exit interview themes', columns, rows };
}

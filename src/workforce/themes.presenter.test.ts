import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cellText, presentThemes, themesDownload } from './themes.presenter.ts';
import { breakdowns, type Coded, quartersBetween } from './themes.rules.ts';
import type { ThemesReport } from './themes.service.ts';

const QUARTERS = quartersBetween('2025-Q1', '2026-Q4');
const row = (team: string, svc: string, day: string, themes: string[], agency = 0): Coded => ({
  leaving_on: day,
  team_id: team,
  team_name: `Team ${team}`,
  service_id: svc,
  service_name: `Service ${svc}`,
  is_agency: agency,
  main_reason_id: 'caseload',
  themes,
});

function report(rows: Coded[], psw = false): ThemesReport {
  const themes = [
    {
      id: 'tick-box',
      label: 'Feeling like a tick-box organisation',
      position: 1,
      active: 1 as const,
      created_at: '',
    },
  ];
  const reasons = [{ id: 'caseload', label: 'Caseload', position: 1, active: 1 as const, created_at: '' }];
  return {
    b: breakdowns(rows, ['tick-box'], ['caseload'], QUARTERS, 5),
    themes,
    reasons,
    min: 5,
    quotes: new Map([['tick-box', ['Forms over families.']]]),
    psw,
  };
}

// Twelve leavers in one big team, two in a small one: the small one is hidden, and so is a second cell.
const rows = [
  ...Array.from({ length: 12 }, (_, i) =>
    row('big', 's1', `2025-0${1 + (i % 6)}-10`, i < 8 ? ['tick-box'] : []),
  ),
  row('small', 's1', '2026-02-01', []),
  row('small', 's1', '2026-03-01', ['tick-box'], 1),
];

test('a hidden cell reads “Hidden”, never its number', () => {
  const r = report(rows);
  assert.equal(cellText(r, 'team:small'), 'Hidden');
  assert.equal(cellText(r, 'all'), '14');
  const view = presentThemes(r);
  const teamCells = view.byTeam.rows.map((x) => x.map((c) => c.text));
  assert.deepEqual(
    teamCells.find((c) => c[1] === 'Team small'),
    ['Service s1', 'Team small', 'Hidden'],
  );
  // The big team is hidden too: 14 − 12 would give the small team away.
  assert.deepEqual(
    teamCells.find((c) => c[1] === 'Team big'),
    ['Service s1', 'Team big', 'Hidden'],
  );
});

test('the chart leaves a hidden quarter as a gap, and its table says so', () => {
  const view = presentThemes(report(rows));
  assert.equal(view.chart.table.rows.length > 0, true);
  assert.doesNotMatch(view.chart.svg, /style=/, 'no inline styles (strict CSP)');
});

test('quotes are for the PSW only', () => {
  assert.deepEqual(presentThemes(report(rows)).quotes, []);
  assert.deepEqual(presentThemes(report(rows, true)).quotes, [
    { theme: 'Feeling like a tick-box organisation', quotes: ['Forms over families.'] },
  ]);
});

test('the download hides the same cells: empty with a note, never 1 to 4', () => {
  const r = report(rows);
  const d = themesDownload(r, '2026-11-27');
  for (const x of d.rows) {
    if (x.leavers === null) assert.match(x.note, /hidden/);
    else assert.ok(x.leavers === 0 || x.leavers >= 5, `${x.breakdown} ${x.group}: ${x.leavers}`);
  }
  assert.equal(d.filename, 'exit-interview-themes-2026-11-27');
});

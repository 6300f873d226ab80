import assert from 'node:assert/strict';
import { test } from 'node:test';
import { presentAuditList, presentThemes } from './audits.presenter.ts';
import { auditThemes } from './themes.rules.ts';

test('themes page: a chart with its table per standard, small teams not given a rate, grades after moderation', () => {
  const audits = Array.from({ length: 6 }, (_, i) => ({
    team: i < 5 ? 'Assessment Team 1' : 'Leaving Care Team',
    month: '2026-11',
    grade: i === 0 ? 'inadequate' : 'good',
    answers: [{ standardId: 'v', answer: i < 3 ? ('met' as const) : ('not-met' as const) }],
  }));
  const v = presentThemes(auditThemes(audits), [
    { id: 'v', title: 'Visits' },
    { id: 'unused', title: 'Unused' },
  ]);
  assert.deepEqual(v.standards, [
    [{ text: 'Visits' }, { text: '3' }, { text: '0' }, { text: '3' }, { text: '50%' }],
  ]);
  assert.match(v.standardsChart!.svg, /<svg/);
  assert.deepEqual(
    v.standardsChart!.table.rows[0]!.map((c) => c.text),
    ['Visits', '50'],
  );
  assert.deepEqual(v.teams, [
    [{ text: 'Assessment Team 1' }, { text: '5' }, { text: '60%' }],
    [{ text: 'Leaving Care Team' }, { text: '1' }, { text: 'Not shown: fewer than 5 audits' }],
  ]);
  assert.deepEqual(
    v.grades.map((g) => g[1]!.text),
    ['0', '5', '0', '1'],
  );
});

test('the audits list offers "Audit a child’s case" and the themes only to those who may open them', () => {
  assert.deepEqual(
    [
      presentAuditList([], { themes: false, conduct: false }),
      presentAuditList([], { themes: true, conduct: true }),
    ].map((v) => [v.canConduct, v.canThemes]),
    [
      [false, false],
      [true, true],
    ],
  );
});

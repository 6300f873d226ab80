import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditProblems, finalGrade, moderationProblem } from './audits.rules.ts';
import { auditThemes, type ThemeAudit } from './themes.rules.ts';

const audit = (
  team: string,
  month: string,
  grade: string,
  answers: [string, ThemeAudit['answers'][number]['answer']][],
): ThemeAudit => ({
  team,
  month,
  grade,
  answers: answers.map(([standardId, answer]) => ({ standardId, answer })),
});

test('themes, worked by hand: per standard "not applicable" is left out and partly met is not met', () => {
  const t = auditThemes([
    audit('A', '2026-10', 'good', [
      ['visits', 'met'],
      ['minutes', 'not-met'],
    ]),
    audit('A', '2026-10', 'good', [
      ['visits', 'partly'],
      ['minutes', 'na'],
    ]),
    audit('A', '2026-11', 'inadequate', [
      ['visits', 'not-met'],
      ['minutes', 'met'],
    ]),
    audit('B', '2026-11', 'good', [
      ['visits', 'met'],
      ['minutes', 'na'],
    ]),
  ]);
  // visits: met, partly, not met, met → 2 of 4 applicable = 50%.
  assert.deepEqual(t.standards.get('visits'), {
    met: 2,
    partly: 1,
    notMet: 1,
    applicable: 4,
    metPercent: 50,
  });
  // minutes: not met, n/a, met, n/a → 1 of 2 = 50%.
  assert.deepEqual(t.standards.get('minutes'), {
    met: 1,
    partly: 0,
    notMet: 1,
    applicable: 2,
    metPercent: 50,
  });
  // Months are not people: shown whatever their size. October: 1 met of 3 applicable = 33%;
  // November: not met, met, met (one n/a) = 2 of 3 = 67%.
  assert.deepEqual(
    t.months.map((m) => [m.key, m.audits, m.metPercent]),
    [
      ['2026-10', 2, 33],
      ['2026-11', 2, 67],
    ],
  );
  // Teams with fewer than 5 audits get no rate (small groups are not shown).
  assert.deepEqual(
    t.teams.map((x) => [x.key, x.audits, x.suppressed, x.metPercent]),
    [
      ['A', 3, true, null],
      ['B', 1, true, null],
    ],
  );
  assert.deepEqual(
    [...t.grades],
    [
      ['good', 3],
      ['inadequate', 1],
    ],
  );
});

test('a team with five audits gets its rate; an audit where nothing applied has no rate', () => {
  const five = Array.from({ length: 5 }, (_, i) =>
    audit('C', '2026-09', 'good', [['s', i < 4 ? 'met' : 'not-met']]),
  );
  const t = auditThemes([...five, audit('D', '2026-09', 'good', [['s', 'na']])]);
  assert.deepEqual(t.teams[0], {
    key: 'C',
    audits: 5,
    suppressed: false,
    met: 4,
    partly: 0,
    notMet: 1,
    applicable: 5,
    metPercent: 80,
  });
  assert.equal(
    auditThemes([audit('D', '2026-09', 'good', [['s', 'na']])]).standards.get('s')!.metPercent,
    null,
  );
});

test('bad audits: no grade, "not met" or "partly met" without evidence, a standard left out; moderating your own', () => {
  const checklist = [
    { id: 'a', title: 'Visits' },
    { id: 'b', title: 'Minutes' },
  ];
  const ok = {
    grade: 'good',
    doneWell: '',
    mustChange: '',
    answers: [
      { standardId: 'a', answer: 'met', evidence: '' },
      { standardId: 'b', answer: 'na', evidence: '' },
    ],
  };
  assert.deepEqual(auditProblems(ok, checklist), []);
  assert.deepEqual(auditProblems({ ...ok, grade: '' }, checklist), [
    { field: 'grade', text: 'Choose the overall grade' },
  ]);
  assert.match(
    auditProblems(
      { ...ok, answers: [{ standardId: 'a', answer: 'not-met', evidence: ' ' }, ok.answers[1]!] },
      checklist,
    )[0]!.text,
    /Write the evidence for “Visits”: an answer of not met needs it/,
  );
  assert.equal(auditProblems({ ...ok, answers: [ok.answers[0]!] }, checklist)[0]!.field, 'answer-b');
  assert.match(moderationProblem('me', 'me')!, /cannot moderate your own audit/);
  assert.equal(moderationProblem('me', 'you'), null);
  assert.equal(
    finalGrade({ grade: 'good', moderated_grade: 'requires-improvement' }),
    'requires-improvement',
  );
  assert.equal(finalGrade({ grade: 'good', moderated_grade: null }), 'good');
});

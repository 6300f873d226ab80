import assert from 'node:assert/strict';
import { test } from 'node:test';
import { presentCompliance, presentImport, presentMyElearning, standingText } from './elearning.presenter.ts';

const today = '2026-11-27';
const bias = { id: 'm1', title: 'Unconscious Bias', renewal_months: 36 };
const gdpr = { id: 'm2', title: 'Data Protection', renewal_months: 12 };
const fire = { id: 'm3', title: 'Fire Safety', renewal_months: null };

test("each module's standing in words: never, ran out, renew soon, up to date, done for good", () => {
  assert.equal(standingText({ kind: 'never' }), 'Not completed');
  assert.equal(
    standingText({ kind: 'expired', since: '2026-10-01' }),
    'Needs renewing (ran out on 1 October 2026)',
  );
  assert.equal(standingText({ kind: 'due-soon', until: '2026-12-10' }), 'Renew by 10 December 2026');
  assert.equal(standingText({ kind: 'current', until: '2029-11-02' }), 'Up to date until 2 November 2029');
  assert.equal(standingText({ kind: 'current', until: null }), 'Completed');
});

test('the record form is offered for modules not done, run out or due soon, not for ones up to date', () => {
  const view = presentMyElearning(
    {
      today,
      modules: [
        { ...bias, last: null },
        { ...gdpr, last: '2025-12-10' },
        { ...fire, last: '2020-01-01' },
      ],
      canSeeCompliance: false,
    },
    undefined,
  );
  assert.deepEqual(
    view.modules.map((m) => [m.title, m.status, m.todo]),
    [
      ['Unconscious Bias', 'Not completed', true],
      ['Data Protection', 'Renew by 10 December 2026', true],
      ['Fire Safety', 'Completed', false],
    ],
  );
  assert.equal(view.canSeeCompliance, false);
});

test("compliance counts people in the person's scope, names who has not done it, with their team", () => {
  const last = new Map([['p1|m1', '2026-11-02']]);
  const view = presentCompliance({
    today,
    people: [
      { id: 'p1', name: 'Amina Hussain', team: 'Assessment Team 1' },
      { id: 'p2', name: 'Grace Adeyemi', team: 'Assessment Team 1' },
      { id: 'p3', name: 'Sam Doe', team: null },
    ],
    modules: [bias],
    lastOf: (p, m) => last.get(`${p}|${m}`) ?? null,
    scope: 'team',
    canImport: true,
  });
  assert.equal(
    view.modules[0]!.sentence,
    '2 people in your team have not completed Unconscious Bias, or need to renew it.',
  );
  assert.deepEqual(view.modules[0]!.missing, ['Grace Adeyemi (Assessment Team 1)', 'Sam Doe']);
  assert.equal(view.canImport, true);
});

test('L&D, who see everyone, read "the service"', () => {
  const view = presentCompliance({
    today,
    people: [{ id: 'p1', name: 'A', team: null }],
    modules: [fire],
    lastOf: () => '2020-01-01',
    scope: 'all',
    canImport: false,
  });
  assert.equal(view.modules[0]!.sentence, 'Everyone in the service is up to date with Fire Safety.');
});

test('a refused import lists each problem with its row, the whole file as such', () => {
  const view = presentImport([
    { row: null, message: 'The file has no rows.' },
    { row: 3, message: 'No member of staff has the email "x"' },
  ]);
  assert.deepEqual(view.rowErrors, [
    [{ text: 'Whole file' }, { text: 'The file has no rows.' }],
    [{ text: '3' }, { text: 'No member of staff has the email "x"' }],
  ]);
  assert.equal(presentImport().rowErrors, undefined, 'no problems before an upload');
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { toCsv } from '../platform/csv.ts';
import {
  evaluationSummary,
  evaluationsTable,
  presentEvaluationForm,
  presentEvaluationResults,
} from './evaluation.presenter.ts';
import type { EvaluationResults } from './evaluation.service.ts';

const answer = (content: number, differently = '', better = '') => ({
  content,
  trainer: 5,
  relevance: 4,
  differently,
  better,
  created_at: '2026-12-17T10:00:00.000Z',
  starts_at: '2026-12-16T09:00:00.000Z',
});

const results = (scope: 'sessions' | 'courses'): EvaluationResults => ({
  scope,
  id: scope === 'sessions' ? 's1' : 'c1',
  subject: { course_id: 'c1', title: 'Life Story Work: Refresher!', starts_at: '2026-12-16T09:00:00.000Z' },
  answers: [answer(4, 'Ask open questions'), answer(3, '', 'More practice')],
  attended: 3,
});

describe('evaluation results', () => {
  test('the response rate, the averages to one place and the comments given', () => {
    const s = evaluationSummary(results('sessions').answers, 3);
    assert.equal(s.responses, '2 people have evaluated, of 3 people who attended (67%).');
    assert.deepEqual(
      s.averages.map((a) => a.value),
      ['3.5', '5.0', '4.0'],
    );
    assert.deepEqual(s.differently, ['Ask open questions']);
    assert.deepEqual(s.better, ['More practice']);
    assert.equal(evaluationSummary([], 0).averages[0]!.value, '–', 'no answers, no average');
  });

  test('a session’s page links to the whole course; a course’s page does not', () => {
    const session = presentEvaluationResults(results('sessions'));
    assert.equal(session.title, 'Evaluations: Life Story Work: Refresher!, Wednesday 16 December 2026');
    assert.equal(session.courseHref, '/learning/courses/c1/evaluations');
    assert.equal(session.csvHref, '/learning/sessions/s1/evaluations.csv');
    assert.deepEqual(session.backLink, { href: '/learning/sessions/s1', text: 'Back to the session' });
    const course = presentEvaluationResults(results('courses'));
    assert.equal(course.title, 'Evaluations: Life Story Work: Refresher!, every session');
    assert.equal(course.courseHref, null);
    assert.deepEqual(course.backLink, { href: '/learning/courses/c1', text: 'Back to the course' });
  });

  test('the download: a file named after the course, one row per answer', () => {
    const table = evaluationsTable(results('sessions'));
    assert.equal(table.filename, 'evaluations-life-story-work-refresher-');
    const csv = toCsv(table.rows, table.columns);
    assert.match(csv, /Session,Content \(1-5\),Trainer \(1-5\),Relevance \(1-5\)/);
    assert.match(csv, /2026-12-16,4,5,4,Ask open questions,,2026-12-17/);
  });
});

describe('the evaluation form', () => {
  test('keeps the ratings chosen after a mistake, and names the ends of the scale', () => {
    const view = presentEvaluationForm(
      { booking: { id: 'b1', title: 'Court skills' }, done: false },
      {
        values: { content: '4', differently: 'Plan the hearing' },
        errors: { summary: [{ text: 'Rate the trainer from 1 to 5', href: '#trainer' }], fields: {} },
      },
    );
    assert.equal(view.title, 'Evaluate Court skills');
    const content = view.scales.find((s) => s.name === 'content')!;
    assert.deepEqual(
      content.items.map((i) => [i.text, i.checked]),
      [
        ['1 (poor)', false],
        ['2', false],
        ['3', false],
        ['4', true],
        ['5 (excellent)', false],
      ],
    );
    assert.ok(view.scales.find((s) => s.name === 'trainer')!.items.every((i) => !i.checked));
    assert.equal(view.values.differently, 'Plan the hearing');
    assert.equal(view.errors?.summary[0]?.href, '#trainer');
  });

  test('a first visit has nothing chosen', () => {
    const view = presentEvaluationForm({ booking: { id: 'b1', title: 'Court skills' }, done: true });
    assert.equal(view.done, true);
    assert.ok(view.scales.every((s) => s.items.every((i) => !i.checked)));
  });
});

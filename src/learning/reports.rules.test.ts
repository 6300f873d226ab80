import assert from 'node:assert/strict';
import { test } from 'node:test';
import { learningReport, type PlaceFact, type SessionFact } from './reports.rules.ts';

const sessions: SessionFact[] = [
  { sessionId: 's1', course: 'MI', month: '2026-11', capacity: 4, upcoming: false },
  { sessionId: 's2', course: 'MI', month: '2026-12', capacity: 4, upcoming: true },
  { sessionId: 's3', course: 'Induction', month: '2026-12', capacity: 10, upcoming: true },
];
const place = (
  sessionId: string,
  team: string,
  status: PlaceFact['status'],
  extra: Partial<PlaceFact> = {},
): PlaceFact => ({
  sessionId,
  team,
  status,
  attended: null,
  noShow: false,
  evaluation: null,
  ...extra,
});
const places: PlaceFact[] = [
  place('s1', 'A', 'booked', { attended: true, evaluation: { content: 4, trainer: 5, relevance: 3 } }),
  place('s1', 'A', 'booked', { attended: true, evaluation: { content: 5, trainer: 5, relevance: 4 } }),
  place('s1', 'B', 'booked', { attended: false, noShow: true }),
  place('s2', 'B', 'booked'),
  place('s2', 'B', 'booked'),
  place('s2', 'A', 'booked'),
  place('s2', 'A', 'booked'),
  place('s2', 'A', 'waitlisted'),
  place('s2', 'B', 'waitlisted'),
  place('s2', 'B', 'waitlisted'),
];

test('by course: fill rate, waiting, attendance, no-shows, scores, and the flag for another session', () => {
  const [induction, mi] = learningReport(sessions, places, 'course');
  assert.deepEqual(induction, {
    group: 'Induction',
    sessions: 1,
    places: 10,
    booked: 0,
    fillRate: 0,
    waiting: 0,
    attended: 0,
    noShows: 0,
    evaluations: 0,
    content: null,
    trainer: null,
    relevance: null,
    needsAnotherSession: false,
  });
  assert.deepEqual(mi, {
    group: 'MI',
    sessions: 2,
    places: 8,
    booked: 7,
    fillRate: 88,
    waiting: 3,
    attended: 2,
    noShows: 1,
    evaluations: 2,
    content: 4.5,
    trainer: 5,
    relevance: 3.5,
    needsAnotherSession: true,
  });
});

test('by month and by team', () => {
  const months = learningReport(sessions, places, 'month');
  assert.deepEqual(
    months.map((r) => [r.group, r.booked, r.places]),
    [
      ['2026-11', 3, 4],
      ['2026-12', 4, 14],
    ],
  );
  const teams = learningReport(sessions, places, 'team');
  assert.deepEqual(
    teams.map((r) => [r.group, r.booked, r.waiting, r.noShows, r.fillRate]),
    [
      ['A', 4, 1, 0, null],
      ['B', 3, 2, 1, null],
    ],
  );
});

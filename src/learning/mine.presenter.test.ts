import assert from 'node:assert/strict';
import { test } from 'node:test';
import { presentMine } from './mine.presenter.ts';
import type { MyPlaceRow } from './mine.repo.ts';

const NOW = new Date('2026-11-27T10:00:00.000Z');

const place = (id: string, over: Partial<MyPlaceRow>): MyPlaceRow => ({
  id,
  status: 'booked',
  session_id: `s-${id}`,
  queue_pos: 1,
  offer_expires_at: null,
  starts_at: '2026-12-16T09:00:00.000Z',
  title: `Course ${id}`,
  evaluation: null,
  ...over,
});

test('my learning: places to come in words with their weekday, sessions attended, over and not evaluated, and the CPD year', () => {
  const view = presentMine(
    {
      places: [
        place('past', { starts_at: '2026-11-02T09:00:00.000Z' }),
        place('evaluated', { starts_at: '2026-10-02T09:00:00.000Z', evaluation: 'e1' }),
        place('waiting', { status: 'waitlisted', queue_pos: 7 }),
        place('asked', { status: 'requested', starts_at: '2027-01-13T09:00:00.000Z' }),
        place('today', { starts_at: '2026-11-27T09:00:00.000Z' }),
      ],
      attended: new Set(['past', 'evaluated', 'today']),
      // The session attended this morning is not over yet: no evaluation until it is.
      over: new Set(['s-past', 's-evaluated']),
      cpd: [
        { day: '2026-11-02', peer_reflected: 1 },
        { day: '2025-11-02', peer_reflected: 0 },
      ],
      hasFeed: true,
      positions: new Map([['waiting', 3]]),
    },
    NOW,
  );
  assert.deepEqual(
    view.upcoming.map((r) => [r.title, r.when, r.statusText, r.sentence]),
    [
      [
        'Course waiting',
        'Wednesday 16 December 2026',
        'Waiting list',
        'You are number 3 on the waiting list. We will email you if a place comes free.',
      ],
      [
        'Course asked',
        'Wednesday 13 January 2027',
        'Waiting for approval',
        'You have asked for a place; your manager needs to approve it.',
      ],
    ],
  );
  assert.deepEqual(
    view.toEvaluate.map((r) => r.id),
    ['past'],
    'attended, over and not yet evaluated',
  );
  assert.equal(view.year.label, '1 December 2025 to 30 November 2026');
  assert.equal(view.standing.pieces, 1, 'only this year’s CPD counts');
  assert.equal(view.hasFeed, true);
});

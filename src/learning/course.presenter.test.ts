import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CoursePageData } from './catalogue.service.ts';
import { presentCourse } from './course.presenter.ts';

const NOW = '2026-11-27T10:00:00.000Z';

const session = (
  id: string,
  startsAt: string | null,
  over: Partial<CoursePageData['sessions'][number]> = {},
) => ({
  id,
  course_id: 'c1',
  label: '',
  capacity: 12,
  venue: '',
  online_link: null,
  trainers: '',
  starts_at: startsAt,
  signup_opens_at: null,
  signup_closes_at: null,
  cancel_cutoff_hours: 48,
  offer_window_days: 2,
  hold_hours: 24,
  status: 'scheduled' as const,
  sequence: 0,
  created_at: NOW,
  updated_at: NOW,
  parts: startsAt
    ? [
        {
          id: `${id}-p`,
          session_id: id,
          day: startsAt.slice(0, 10),
          start_time: null,
          end_time: null,
          starts_at: startsAt,
          ends_at: null,
        },
      ]
    : [],
  counts: { taken: 12, waiting: 2 },
  ...over,
});

const data = (sessions: CoursePageData['sessions']): CoursePageData => ({
  course: {
    id: 'c1',
    title: 'Infant Mental Health',
    summary: '',
    description: '',
    category: 'Practice',
    audience: 'everyone',
    provider_kind: 'internal',
    provider_name: '',
    provider_link: null,
    provider_instructions: '',
    mandatory: 0,
    needs_approval: 0,
    outcomes: 'Notice a baby’s cues\n\nTalk with parents about them\n',
    focus_month: null,
    you_said_we_did: '',
    created_at: NOW,
    updated_at: NOW,
  },
  sessions,
  interested: false,
});

test('a course page lists the dates to come with their places, and counts those past', () => {
  const view = presentCourse(
    data([
      session('past', '2026-10-01T09:00:00.000Z'),
      session('undated', null),
      session('full', '2026-12-16T00:00:00.000Z'),
      session('off', '2027-01-13T00:00:00.000Z', { status: 'cancelled' }),
    ]),
    NOW,
    { canManage: false, canReport: true },
  );
  assert.deepEqual(view.outcomes, ['Notice a baby’s cues', 'Talk with parents about them']);
  assert.deepEqual(
    view.upcoming.map((s) => [s.id, s.when, s.places]),
    [
      [
        'full',
        'Wednesday 16 December 2026, times to be confirmed',
        'Full: all 12 places are taken. 2 people are on the waiting list.',
      ],
      ['off', 'Wednesday 13 January 2027, times to be confirmed', 'Cancelled'],
    ],
  );
  assert.equal(view.pastCount, 2, 'sessions past and undated are not offered');
  assert.equal(view.canReport, true);
  assert.equal(view.canManage, false);
});

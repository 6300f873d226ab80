import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bookingClashes, type ClashPart, clashSentences } from './booking-clash.rules.ts';

const part = (day: string, start: string | null, end: string | null): ClashPart => ({
  day,
  start_time: start,
  end_time: end,
  starts_at: `${day}T${start ?? '00:00'}:00.000Z`,
  ends_at: end ? `${day}T${end}:00.000Z` : null,
});
const held = (id: string, course: string, title: string, parts: ClashPart[]) => ({
  session_id: id,
  course_id: course,
  title,
  parts,
});
const NOW = '2026-12-01T09:00:00.000Z';
const session = { id: 'new', course_id: 'mi', parts: [part('2026-12-16', '10:00', '12:00')] };

test('rule: another place on the same course still to come is said; one already over is not', () => {
  const c = bookingClashes(
    session,
    [
      held('later', 'mi', 'Motivational interviewing', [part('2027-01-13', '09:30', '12:00')]),
      held('done', 'mi', 'Motivational interviewing', [part('2026-11-04', '09:30', '12:00')]),
    ],
    NOW,
  );
  assert.deepEqual(
    c.sameCourse.map((h) => h.session_id),
    ['later'],
  );
  assert.deepEqual(c.overlapping, []);
});

test('rule: a booked session whose times overlap is said; one that ends as this starts is not; a day with no times takes the day', () => {
  const c = bookingClashes(
    session,
    [
      held('overlap', 'vc', 'Voice of the Child', [part('2026-12-16', '11:30', '13:00')]),
      held('before', 'ls', 'Life Story Work', [part('2026-12-16', '09:00', '10:00')]),
      held('allday', 'im', 'Infant Mental Health', [part('2026-12-16', null, null)]),
      held('open-end', 'cs', 'Court skills', [part('2026-12-16', '08:00', null)]),
      held('other-day', 'pm', 'Practice model', [part('2026-12-17', '10:00', '12:00')]),
      held('new', 'mi', 'Motivational interviewing', session.parts),
    ],
    NOW,
  );
  assert.deepEqual(
    c.overlapping.map((h) => h.session_id),
    ['overlap', 'allday', 'open-end'],
  );
  assert.deepEqual(clashSentences(c), [
    'This session overlaps with Voice of the Child, which you have a place on: Wednesday 16 December 2026, 11:30 to 13:00.',
    'This session overlaps with Infant Mental Health, which you have a place on: Wednesday 16 December 2026, times to be confirmed.',
    'This session overlaps with Court skills, which you have a place on: Wednesday 16 December 2026, 08:00 to end time to be confirmed.',
  ]);
});

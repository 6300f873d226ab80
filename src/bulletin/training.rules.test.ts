import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultTrainingPeriod, publishRefusal, scheduleRefusal } from './editions.rules.ts';
import {
  type OfferSession,
  placesWords,
  timeWords,
  trainingFor,
  trainingSection,
  whenWords,
} from './training.rules.ts';

const session = (over: Partial<OfferSession>): OfferSession => ({
  id: 's1',
  course_id: 'c1',
  course_title: 'Motivational interviewing',
  category: 'Practice focus',
  audience: 'everyone',
  provider_kind: 'internal',
  provider_name: 'Practice and Learning Team',
  capacity: 16,
  parts: [{ day: '2026-12-03', start_time: '09:00', end_time: '11:00' }],
  taken: 4,
  waiting: 0,
  ...over,
});

test('dates and times in plain English, with weekdays', () => {
  assert.equal(timeWords('09:00'), '9am');
  assert.equal(timeWords('09:30'), '9:30am');
  assert.equal(timeWords('15:00'), '3pm');
  assert.equal(timeWords('12:00'), '12 noon');
  assert.equal(timeWords('00:15'), '12:15am');
  assert.equal(
    whenWords([{ day: '2026-12-03', start_time: '09:00', end_time: '11:00' }]),
    'Thursday 3 December, 9am to 11am',
  );
  assert.equal(
    whenWords([
      { day: '2026-12-02', start_time: '09:30', end_time: '16:30' },
      { day: '2026-12-09', start_time: '09:30', end_time: '15:00' },
    ]),
    'Day 1: Wednesday 2 December, 9:30am to 4:30pm; Day 2: Wednesday 9 December, 9:30am to 3pm',
  );
  assert.equal(
    whenWords([{ day: '2026-12-12', start_time: null, end_time: null }]),
    'Saturday 12 December, times to be confirmed',
  );
});

test('places left, full with a waiting list, outside providers, courses awaiting dates, managers’ courses', () => {
  assert.deepEqual(placesWords(16, 15), { text: '1 place left', full: false });
  assert.deepEqual(placesWords(12, 12), { text: 'Full — join the waiting list', full: true });
  assert.deepEqual(placesWords(null, 40), { text: 'Places available', full: false });
  const s = trainingSection(
    [
      session({}),
      session({ id: 's2', parts: [{ day: '2026-11-20', start_time: '09:00', end_time: '11:00' }] }),
      session({
        id: 's3',
        course_id: 'c2',
        course_title: 'Neglect',
        category: 'Research in Practice',
        provider_kind: 'external',
        provider_name: 'Research in Practice',
        capacity: 12,
        taken: 12,
      }),
      session({
        id: 's4',
        course_id: 'c3',
        course_title: 'Managing our performance',
        category: 'Managers',
        audience: 'managers',
      }),
    ],
    [{ id: 'c4', title: 'Courageous conversations', audience: 'managers' }],
    '2026-12-02',
  );
  assert.deepEqual(
    s.groups.map((g) => g.category),
    ['Practice focus', 'Research in Practice', 'Managers'],
  );
  const mi = s.groups[0]!.courses[0]!;
  assert.deepEqual(
    mi.sessions.map((x) => x.places),
    ['12 places left', 'Already held'],
  );
  assert.equal(mi.href, '/learning/courses/c1');
  const rip = s.groups[1]!.courses[0]!;
  assert.equal(rip.providerNote, 'Register with Research in Practice too');
  assert.equal(rip.sessions[0]!.places, 'Full — join the waiting list');
  const practitioner = trainingFor(s, false);
  assert.deepEqual(
    practitioner.groups.map((g) => g.category),
    ['Practice focus', 'Research in Practice'],
  );
  assert.equal(practitioner.awaiting.length, 0);
  assert.equal(trainingFor(s, true).awaiting[0]!.title, 'Courageous conversations');
});

test('an empty edition, nobody to send to and a time in the past are refused', () => {
  assert.match(
    publishRefusal({ welcome: ' ', articles: 0, recipients: 10 }) ?? '',
    /Add a welcome or an article/,
  );
  assert.match(
    publishRefusal({ welcome: 'Hello', articles: 0, recipients: 0 }) ?? '',
    /Nobody is in the distribution/,
  );
  assert.equal(publishRefusal({ welcome: '', articles: 1, recipients: 1 }), null);
  const now = new Date('2026-12-02T10:00:00Z');
  assert.match(scheduleRefusal(new Date('2026-12-02T09:59:00Z'), now) ?? '', /must be in the future/);
  assert.equal(scheduleRefusal(new Date('2026-12-02T10:01:00Z'), now), null);
  assert.deepEqual(defaultTrainingPeriod('2026-12'), { from: '2026-12-01', to: '2027-01-31' });
  assert.deepEqual(defaultTrainingPeriod('2027-01'), { from: '2027-01-01', to: '2027-02-28' });
});

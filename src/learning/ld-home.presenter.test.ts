import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WorkingCalendar } from '../platform/calendar/working-days.ts';
import {
  datesToCheckPanel,
  fewBookingsPanel,
  registersTodayPanel,
  waitingListsPanel,
} from './ld-home.presenter.ts';
import type { SessionAhead } from './ld-home.repo.ts';

const TODAY = '2026-12-02';
const session = (id: string, over: Partial<SessionAhead> & { days?: string[] } = {}): SessionAhead => ({
  id,
  label: '',
  title: `Course ${id}`,
  courseId: `c-${id}`,
  capacity: 10,
  taken: 8,
  waiting: 0,
  parts: (over.days ?? ['2026-12-09']).map((day, i) => ({
    id: `${id}-p${i}`,
    day,
    start_time: '09:30',
    end_time: '12:00',
  })),
  ...over,
});

test("today's registers: each with how many are marked, linking to the first still to take; none is no panel", () => {
  const panel = registersTodayPanel(
    [
      session('a', { days: [TODAY], taken: 6 }),
      session('b', { days: [TODAY, '2026-12-09'], taken: 4 }),
      session('c', { days: [TODAY], taken: 0 }),
    ],
    new Map([['a-p0', 6]]),
    TODAY,
  );
  assert.equal(panel?.title, 'Registers to take today');
  assert.equal(panel?.count, 1, 'one still to take');
  assert.deepEqual(panel?.lines, [
    'Course a, 09:30: 6 of 6 people marked.',
    'Course b, 09:30: 0 of 4 people marked.',
  ]);
  assert.equal(panel?.link?.href, '/learning/sessions/b/register?part=b-p0');
  assert.equal(registersTodayPanel([session('d')], new Map(), TODAY), null);
});

test('few bookings: sessions in the next three weeks under half full, not those later or unknown', () => {
  const panel = fewBookingsPanel(
    [
      session('few', { taken: 4 }),
      session('half', { taken: 5 }),
      session('later', { taken: 0, days: ['2027-01-13'] }),
      session('unknown', { capacity: null, taken: 0 }),
    ],
    TODAY,
  );
  assert.equal(panel?.count, 1);
  assert.equal(panel?.lines[1], 'Course few, Wednesday 9 December 2026: 4 of 10');
  assert.equal(fewBookingsPanel([session('full')], TODAY), null);
});

test('waiting lists: a course whose people waiting would fill half a typical session, at least 3 (the report’s rule)', () => {
  const panel = waitingListsPanel([
    session('a', { courseId: 'mi', title: 'Motivational Interviewing', waiting: 3 }),
    session('b', { courseId: 'mi', title: 'Motivational Interviewing', waiting: 2 }),
    session('c', { courseId: 'ls', title: 'Life Story Work', waiting: 2 }),
  ]);
  assert.deepEqual(panel?.lines, ['Motivational Interviewing: 5 people are waiting for a place.']);
  assert.equal(panel?.link?.href, '/learning/admin/courses/mi/sessions/new');
  assert.equal(waitingListsPanel([session('c', { waiting: 4 })]), null);
});

test('dates to check: days still to come that nobody works, with why', () => {
  const calendar = new WorkingCalendar([{ day: '2026-12-30', reason: 'Council closed' }]);
  const panel = datesToCheckPanel(
    [
      session('sat', { days: ['2026-12-05'] }),
      session('closed', { days: ['2026-11-28', '2026-12-30'] }),
      session('fine', { days: ['2026-12-09'] }),
    ],
    calendar,
    TODAY,
  );
  assert.equal(panel?.count, 2, 'a past Saturday is not listed');
  assert.equal(
    panel?.lines[1],
    'Course sat: Saturday 5 December 2026 (a weekend); Course closed: Wednesday 30 December 2026 (Council closed, a closure day)',
  );
  assert.equal(datesToCheckPanel([session('fine')], calendar, TODAY), null);
});

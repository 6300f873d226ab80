import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WorkingCalendar } from '../platform/calendar/working-days.ts';
import { nonWorkingDays, nonWorkingMessage, pastDay, pastDayMessage } from './session-dates.rules.ts';

const calendar = new WorkingCalendar([
  { day: '2026-12-29', reason: 'Council closed between Christmas and New Year' },
]);

test('days nobody works: weekends, bank holidays and the authority’s closure days, each said with its weekday and why', () => {
  const off = nonWorkingDays(
    ['2026-12-04', '2026-12-05', '2026-12-28', '2026-12-29', '2026-12-30'],
    calendar,
  );
  assert.deepEqual(
    off.map((d) => [d.day, d.kind]),
    [
      ['2026-12-05', 'weekend'],
      ['2026-12-28', 'bank-holiday'],
      ['2026-12-29', 'closure'],
    ],
  );
  assert.equal(
    nonWorkingMessage(off.slice(0, 1)),
    'Saturday 5 December 2026 (a weekend) is not a working day. Check the date, or confirm that the session is meant to be on that day.',
  );
  const all = nonWorkingMessage(off);
  assert.match(
    all,
    /^Saturday 5 December 2026 \(a weekend\), Monday 28 December 2026 \(.+, a bank holiday\) and /,
  );
  assert.match(
    all,
    /Tuesday 29 December 2026 \(Council closed between Christmas and New Year, a closure day\) are not working days\./,
  );
  assert.deepEqual(nonWorkingDays(['2026-12-02'], calendar), [], 'a Wednesday is a working day');
});

test('a new session is not in the past: the first earlier day is found with its row on the form', () => {
  const parts = [{ day: '2026-11-26' }, { day: '2026-11-27' }, { day: '2026-12-03' }];
  assert.deepEqual(pastDay(parts, [2, 0, 1], '2026-11-27'), { day: '2026-11-26', row: 2 });
  assert.equal(pastDay(parts.slice(1), [0, 1], '2026-11-27'), null, 'today is allowed');
  assert.equal(
    pastDayMessage('2026-11-26'),
    "Thursday 26 November 2026 is in the past: a new session must be on today's date or later",
  );
});

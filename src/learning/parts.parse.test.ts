import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type DayRow,
  dayRowsOf,
  MAX_DAYS,
  parseDayRows,
  parseTime,
  rowCount,
  rowsAsFields,
  rowsOfParts,
} from './parts.parse.ts';

const row = (date: string, start = '', end = ''): DayRow => {
  const [day = '', month = '', year = ''] = date.split(' ');
  return { day, month, year, start, end };
};
const problems = (rows: DayRow[]) => {
  const out = parseDayRows(rows);
  return 'problems' in out ? out.problems : [];
};

test('session days from date and time inputs: with times, without an end, without times; sorted, blank rows skipped', () => {
  assert.deepEqual(
    parseDayRows([row('9 12 2026', '9.30'), row('2 12 2026', '09:30', '16:30'), row(''), row('16 12 2026')]),
    {
      parts: [
        { day: '2026-12-02', start: '09:30', end: '16:30', row: 1 },
        { day: '2026-12-09', start: '09:30', end: null, row: 0 },
        { day: '2026-12-16', start: null, end: null, row: 3 },
      ],
    },
  );
});

test('times as a time input sends them, and as people type them where a browser has none', () => {
  assert.equal(parseTime('09:30'), '09:30');
  assert.equal(parseTime('9.30'), '09:30');
  assert.equal(parseTime('9:30am'), '09:30');
  assert.equal(parseTime('2pm'), '14:00');
  assert.equal(parseTime('12.15pm'), '12:15');
  assert.equal(parseTime('12am'), '00:00');
  assert.equal(parseTime(''), null);
  for (const bad of ['9', '25:00', '10:75', '13pm', 'noon', '0am']) assert.equal(parseTime(bad), 'bad', bad);
});

test('each problem names the day and points at its field, in plain words', () => {
  assert.deepEqual(problems([row('')]), [{ field: 'day-0-day', text: 'Enter the date of at least one day' }]);
  assert.deepEqual(problems([row('2 12 2026'), row('30 2 2027')]), [
    { field: 'day-1-day', text: 'Day 2: 30 February 2027 is not a date' },
  ]);
  assert.deepEqual(problems([row('2  2026')]), [
    { field: 'day-0-month', text: 'Day 1: the date must include a month' },
  ]);
  assert.deepEqual(problems([row('  ', '10:00')]), [{ field: 'day-0-day', text: 'Day 1: enter the date' }]);
  assert.deepEqual(problems([row('2 13 2026')]), [
    { field: 'day-0-month', text: 'Day 1: the month must be between 1 and 12' },
  ]);
  assert.deepEqual(problems([row('2 12 26')]), [
    { field: 'day-0-year', text: 'Day 1: the year must include 4 numbers' },
  ]);
  assert.deepEqual(problems([row('two 12 2026')]), [
    { field: 'day-0-day', text: 'Day 1: the date must be a real date, written in numbers' },
  ]);
  assert.deepEqual(problems([row('2 12 2026', '25:00')]), [
    { field: 'day-0-start', text: 'Day 1: enter the start time as a time of day, for example 09:30' },
  ]);
  assert.deepEqual(problems([row('2 12 2026', '11:00', '10:00')]), [
    { field: 'day-0-end', text: 'Day 1: the end time must be after the start time' },
  ]);
  assert.deepEqual(problems([row('2 12 2026', '', '10:00')]), [
    { field: 'day-0-start', text: 'Day 1: enter the start time as well as the end time' },
  ]);
  assert.deepEqual(problems([row('2 12 2026'), row('02 12 2026', '10:00')]), [
    { field: 'day-1-day', text: 'Day 2 is the same date as another day of this session' },
  ]);
});

test('the rows come from the form fields by dayCount, and a session’s days go back into them unchanged', () => {
  assert.equal(rowCount({}), 1);
  assert.equal(rowCount({ dayCount: '3' }), 3);
  assert.equal(rowCount({ dayCount: '999' }), MAX_DAYS);
  assert.equal(rowCount({ dayCount: ['2', '5'] }), 1, 'an array for a number reads as nothing');
  const parts = [
    { day: '2026-12-02', start_time: '09:30', end_time: '16:30' },
    { day: '2026-12-09', start_time: '09:30', end_time: null },
    { day: '2027-01-06', start_time: null, end_time: null },
  ];
  const fields = rowsAsFields(rowsOfParts(parts));
  assert.equal(fields.dayCount, '3');
  assert.equal(fields['day-0-day'], '2');
  assert.equal(fields['day-2-month'], '1');
  const back = parseDayRows(dayRowsOf(fields));
  assert.deepEqual(
    'parts' in back
      ? back.parts.map(({ day, start, end }) => ({ day, start_time: start, end_time: end }))
      : back,
    parts,
  );
});

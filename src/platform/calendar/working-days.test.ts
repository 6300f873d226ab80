import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { UserInputError } from '../http/errors.ts';
import {
  addCalendarDays,
  addCalendarMonths,
  BadDateError,
  FIRST_YEAR,
  LAST_YEAR,
  WorkingCalendar,
} from './working-days.ts';

const cal = new WorkingCalendar();

describe('hand-worked due dates (X is day 0; the answer is the n-th working day after X)', () => {
  const cases: [start: string, n: number, due: string, working: string][] = [
    [
      '2026-12-24',
      1,
      '2026-12-29',
      'Thu 24 Dec; Fri 25 Christmas, Sat, Sun, Mon 28 Boxing Day substitute; Tue 29 = 1',
    ],
    [
      '2026-12-20',
      10,
      '2027-01-06',
      'Sun 20 Dec; 21–24 = 1–4; 25, 28 holidays; 29–31 = 5–7; Fri 1 Jan holiday; 4–6 Jan = 8–10',
    ],
    [
      '2026-04-02',
      1,
      '2026-04-07',
      'Thu before Easter; Good Friday 3 Apr, weekend, Easter Monday 6 Apr; Tue 7 = 1',
    ],
    [
      '2022-06-01',
      1,
      '2022-06-06',
      'Wed; Thu 2 Jun spring bank holiday, Fri 3 Jun Platinum Jubilee, weekend; Mon 6 = 1',
    ],
    ['2022-09-16', 1, '2022-09-20', 'Fri; weekend, Mon 19 Sep state funeral; Tue 20 = 1'],
    [
      '2023-04-28',
      5,
      '2023-05-09',
      'Fri; Mon 1 May early May holiday; 2–5 May = 1–4; Mon 8 May coronation; Tue 9 = 5',
    ],
    [
      '2022-12-23',
      1,
      '2022-12-28',
      'Fri; weekend, Mon 26 Boxing Day, Tue 27 Christmas substitute; Wed 28 = 1',
    ],
    ['2022-12-30', 1, '2023-01-03', 'Fri; Sat 31, Sun 1 Jan, Mon 2 Jan New Year substitute; Tue 3 = 1'],
    ['2027-12-24', 1, '2027-12-29', 'Fri; weekend; Mon 27 and Tue 28 both substitutes; Wed 29 = 1'],
    ['2026-11-28', 1, '2026-11-30', 'a Saturday start is still day 0; Sun; Mon 30 = 1'],
  ];
  for (const [start, n, due, working] of cases) {
    test(`${n} after ${start} is ${due} (${working})`, () => {
      assert.equal(cal.addWorkingDays(start, n), due);
      assert.equal(cal.workingDaysBetween(start, due), n);
    });
  }
});

describe('assessments: 45 working days from the referral', () => {
  test('referral Mon 2 Nov 2026 → Thu 7 Jan 2027', () => {
    // After 2 Nov: 3–6 Nov = 4, then full weeks to Fri 18 Dec = 34, 21–24 Dec = 38,
    // 25 and 28 Dec holidays, 29–31 Dec = 41, 1 Jan holiday, 4–7 Jan = 42–45.
    assert.equal(cal.addWorkingDays('2026-11-02', 45), '2027-01-07');
  });
  test('referral Mon 1 Jun 2026 → Mon 3 Aug 2026 (nine whole weeks, no holidays)', () => {
    assert.equal(cal.addWorkingDays('2026-06-01', 45), '2026-08-03');
  });
});

describe('counting convention', () => {
  test('day 0 is the start day itself, whether or not it is a working day', () => {
    assert.equal(cal.addWorkingDays('2026-12-25', 0), '2026-12-25');
    assert.equal(cal.addWorkingDays('2026-12-23', 0), '2026-12-23');
    assert.equal(cal.workingDaysBetween('2026-12-25', '2026-12-25'), 0);
  });
  test('workingDaysBetween counts after `from` up to and including `to`, negative backwards', () => {
    assert.equal(cal.workingDaysBetween('2026-12-24', '2026-12-29'), 1);
    assert.equal(cal.workingDaysBetween('2026-12-29', '2026-12-24'), -1);
    assert.equal(cal.workingDaysBetween('2026-12-25', '2026-12-28'), 0, 'Fri holiday to Mon holiday');
    assert.equal(cal.workingDaysBetween('2026-12-23', '2026-12-24'), 1);
  });
  test('nextWorkingDay is the day itself if it is a working day, otherwise the next one', () => {
    assert.equal(cal.nextWorkingDay('2026-12-24'), '2026-12-24');
    assert.equal(cal.nextWorkingDay('2026-12-25'), '2026-12-29');
    assert.equal(cal.nextWorkingDay('2022-09-17'), '2022-09-20');
  });
});

describe('closure days', () => {
  const closures = [
    { day: '2026-12-29', reason: 'Council closure' },
    { day: '2026-12-30', reason: 'Council closure' },
    { day: '2026-12-31', reason: 'Council closure' },
  ];
  const withClosures = new WorkingCalendar(closures);

  test('closure days between Christmas and New Year are skipped: 24 Dec + 1 = Mon 4 Jan 2027', () => {
    // 25 Christmas, 28 Boxing Day substitute, 29–31 closed, 1 Jan New Year's Day, weekend.
    assert.equal(withClosures.addWorkingDays('2026-12-24', 1), '2027-01-04');
    assert.equal(withClosures.isWorkingDay('2026-12-30'), false);
    assert.equal(cal.isWorkingDay('2026-12-30'), true, 'another calendar is not affected');
  });
  test('the reasons for days off are given', () => {
    assert.deepEqual(withClosures.daysOff('2026-12-24', '2027-01-04'), [
      { day: '2026-12-25', kind: 'bank-holiday', reason: 'Christmas Day' },
      { day: '2026-12-26', kind: 'weekend', reason: 'Saturday' },
      { day: '2026-12-27', kind: 'weekend', reason: 'Sunday' },
      { day: '2026-12-28', kind: 'bank-holiday', reason: 'Boxing Day (substitute day)' },
      { day: '2026-12-29', kind: 'closure', reason: 'Council closure' },
      { day: '2026-12-30', kind: 'closure', reason: 'Council closure' },
      { day: '2026-12-31', kind: 'closure', reason: 'Council closure' },
      { day: '2027-01-01', kind: 'bank-holiday', reason: "New Year's Day" },
      { day: '2027-01-02', kind: 'weekend', reason: 'Saturday' },
      { day: '2027-01-03', kind: 'weekend', reason: 'Sunday' },
    ]);
    assert.equal(withClosures.dayOff('2027-01-04'), null);
  });
  test('a closure day given as a bad date is refused', () => {
    assert.throws(() => new WorkingCalendar(['2026-12-32']), BadDateError);
  });
});

describe('calendar arithmetic', () => {
  test('months keep the day of the month, held to the end of a shorter month', () => {
    assert.equal(addCalendarMonths('2026-01-31', 1), '2026-02-28');
    assert.equal(addCalendarMonths('2024-01-31', 1), '2024-02-29');
    assert.equal(addCalendarMonths('2026-11-30', 3), '2027-02-28');
    assert.equal(addCalendarMonths('2026-12-15', 1), '2027-01-15');
    assert.equal(addCalendarMonths('2026-03-31', -1), '2026-02-28');
    assert.equal(addCalendarMonths('2026-05-10', 6), '2026-11-10');
  });
  test('days cross month, year and leap-day boundaries', () => {
    assert.equal(addCalendarDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addCalendarDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addCalendarDays('2026-03-01', -1), '2026-02-28');
    assert.equal(addCalendarDays('2026-12-25', 7 * 52), '2027-12-24');
  });
});

describe('bad input is refused with a clear error', () => {
  for (const bad of [
    '2026-2-3',
    '2026-02-30',
    '2025-02-29',
    '',
    'abcd-ef-gh',
    ' 2026-01-01',
    '2026-13-01',
    '2026-00-10',
    '2026-01-01T00:00',
  ]) {
    test(`the date ${JSON.stringify(bad)}`, () => {
      assert.throws(() => cal.addWorkingDays(bad, 1), /is not a real date written as YYYY-MM-DD/);
      assert.throws(() => cal.isWorkingDay(bad), BadDateError);
      assert.throws(() => addCalendarMonths(bad, 1), BadDateError);
    });
  }
  test('a value that is not a string', () => {
    assert.throws(() => cal.isWorkingDay(undefined as unknown as string), /A undefined is not a real date/);
  });
  test('a negative, fractional or missing number of days', () => {
    for (const n of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.throws(() => cal.addWorkingDays('2026-12-24', n), /whole number of 0 or more/);
    }
    assert.throws(() => addCalendarDays('2026-12-24', 0.5), /whole number/);
  });
  test(`dates outside ${FIRST_YEAR}–${LAST_YEAR}`, () => {
    assert.throws(
      () => cal.isWorkingDay('1979-12-31'),
      /only for dates from 1 January 1980 to 31 December 2200/,
    );
    assert.throws(
      () => cal.workingDaysBetween('2026-01-01', '2201-01-01'),
      /only for dates from 1 January 1980 to 31 December 2200/,
    );
    assert.throws(
      () => cal.addWorkingDays('2200-12-01', 100),
      /only for dates from 1 January 1980 to 31 December 2200/,
    );
    // Issue 11 item 3: bad input a person can fix (a form goes back with it), never a fault (500).
    assert.throws(
      () => cal.addWorkingDays('1979-12-31', 20),
      (e) => e instanceof UserInputError,
    );
  });
});

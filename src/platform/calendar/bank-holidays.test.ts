import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bankHolidayList, bankHolidayName, bankHolidays, isBankHoliday } from './bank-holidays.ts';

// The independent oracle: the table in the domain notes (domain.md, "Working days and bank holidays"),
// typed in by hand. Only the weekday days off, substitute days included.
const EXPECTED: Record<number, string> = {
  2021: 'Jan 1, Apr 2, Apr 5, May 3, May 31, Aug 30, Dec 27, Dec 28',
  2022: 'Jan 3, Apr 15, Apr 18, May 2, Jun 2, Jun 3, Aug 29, Sep 19, Dec 26, Dec 27',
  2023: 'Jan 2, Apr 7, Apr 10, May 1, May 8, May 29, Aug 28, Dec 25, Dec 26',
  2024: 'Jan 1, Mar 29, Apr 1, May 6, May 27, Aug 26, Dec 25, Dec 26',
  2025: 'Jan 1, Apr 18, Apr 21, May 5, May 26, Aug 25, Dec 25, Dec 26',
  2026: 'Jan 1, Apr 3, Apr 6, May 4, May 25, Aug 31, Dec 25, Dec 28',
  2027: 'Jan 1, Mar 26, Mar 29, May 3, May 31, Aug 30, Dec 27, Dec 28',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const toIso = (year: number, short: string) => {
  const [mon, day] = short.split(' ');
  return `${year}-${String(MONTHS.indexOf(mon!) + 1).padStart(2, '0')}-${day!.padStart(2, '0')}`;
};

for (const [year, dates] of Object.entries(EXPECTED)) {
  test(`the weekday bank holidays of ${year} are exactly the published ones`, () => {
    const expected = dates.split(', ').map((d) => toIso(Number(year), d));
    assert.deepEqual(bankHolidays(Number(year)), expected);
  });
}

test('the one-off holidays of 2022 and 2023 are there, with their names', () => {
  assert.equal(bankHolidayName('2022-06-03'), 'Queen’s Platinum Jubilee');
  assert.equal(bankHolidayName('2022-06-02'), 'Spring bank holiday');
  assert.match(bankHolidayName('2022-09-19') ?? '', /Funeral/);
  assert.match(bankHolidayName('2023-05-08') ?? '', /Coronation/);
});

test('substitute days are days off; the weekend dates they replace are not listed', () => {
  // 2022: Christmas Day was a Sunday, Boxing Day the Monday, so Tuesday 27th is the substitute.
  assert.equal(bankHolidayName('2022-12-27'), 'Christmas Day (substitute day)');
  assert.equal(isBankHoliday('2022-12-25'), false);
  // 2026: Boxing Day is a Saturday; Monday 28th replaces it.
  assert.equal(bankHolidayName('2026-12-28'), 'Boxing Day (substitute day)');
  assert.equal(isBankHoliday('2026-12-26'), false);
  assert.equal(isBankHoliday('2026-12-29'), false);
});

test('the August bank holiday is included (it is missing without the ENG region)', () => {
  assert.equal(bankHolidayName('2026-08-31'), 'Summer bank holiday');
});

test('results are cached per year and cannot be changed by a caller', () => {
  assert.equal(bankHolidayList(2026), bankHolidayList(2026));
  assert.throws(() => (bankHolidayList(2026) as unknown as unknown[]).push({ date: '2026-01-02' }));
});

test('a bad year or date is refused', () => {
  assert.throws(() => bankHolidays(2026.5), RangeError);
  assert.throws(() => bankHolidayName('2026-02-30'), /not a real date/);
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { bankHolidays } from './bank-holidays.ts';
import { formatDayNumber, parseDay } from './days.ts';
import { addCalendarDays, addCalendarMonths, WorkingCalendar } from './working-days.ts';

// Properties of the working-day calendar, checked against a slow, independent oracle.
const cal = new WorkingCalendar();

describe('the index grows in both directions without changing answers', () => {
  test('a calendar first used in 2026, then for 1985 and 2150, agrees with fresh calendars', () => {
    const used = new WorkingCalendar(['2026-12-29']);
    used.addWorkingDays('2026-06-01', 10);
    assert.equal(used.addWorkingDays('1985-12-24', 3), new WorkingCalendar().addWorkingDays('1985-12-24', 3));
    assert.equal(used.addWorkingDays('2150-12-24', 3), new WorkingCalendar().addWorkingDays('2150-12-24', 3));
    assert.equal(used.addWorkingDays('2026-12-24', 1), '2026-12-30');
    assert.equal(
      used.workingDaysBetween('1985-01-01', '2150-01-01'),
      naiveBetween('1985-01-01', '2150-01-01', new Set(['2026-12-29'])),
    );
  });
  test('a large n reaches well past the indexed years', () => {
    const fresh = new WorkingCalendar();
    assert.equal(fresh.addWorkingDays('2026-01-01', 5000), naiveAdd('2026-01-01', 5000, new Set()));
  });
});

// An independent, slow oracle: step one day at a time with Date, checking the published holidays.
function naiveIsWorking(day: string, closures: Set<string>): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6 || closures.has(day)) return false;
  return !bankHolidays(Number(day.slice(0, 4))).includes(day);
}
const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
function naiveAdd(day: string, n: number, closures: Set<string>): string {
  let d = day;
  for (let left = n; left > 0; ) {
    d = nextDay(d);
    if (naiveIsWorking(d, closures)) left--;
  }
  return d;
}
function naiveBetween(from: string, to: string, closures: Set<string>): number {
  let count = 0;
  for (let d = nextDay(from); d <= to; d = nextDay(d)) if (naiveIsWorking(d, closures)) count++;
  return count;
}

describe('properties', () => {
  const lo = parseDay('2000-01-01');
  const hi = parseDay('2099-12-31');
  const day = fc.integer({ min: lo, max: hi }).map(formatDayNumber);
  const nearDay = fc
    .integer({ min: parseDay('2020-01-01'), max: parseDay('2028-12-31') })
    .map(formatDayNumber);
  const closures = fc.uniqueArray(nearDay, { maxLength: 20 });
  const n = fc.integer({ min: 0, max: 400 });
  const pos = fc.integer({ min: 1, max: 300 });

  test('addWorkingDays agrees with stepping one day at a time (with random closure days)', () => {
    fc.assert(
      fc.property(closures, nearDay, fc.integer({ min: 0, max: 120 }), (cs, a, k) => {
        const c = new WorkingCalendar(cs);
        assert.equal(c.addWorkingDays(a, k), naiveAdd(a, k, new Set(cs)));
      }),
      { numRuns: 300 },
    );
  });

  test('for n ≥ 1 the result is a working day after the start', () => {
    fc.assert(
      fc.property(day, pos, (a, k) => {
        const r = cal.addWorkingDays(a, k);
        assert.ok(cal.isWorkingDay(r));
        assert.ok(r > a);
      }),
    );
  });

  test('monotonic: a later start or a larger n never gives an earlier due date', () => {
    fc.assert(
      fc.property(day, day, n, n, (a, b, j, k) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const [few, many] = j <= k ? [j, k] : [k, j];
        assert.ok(cal.addWorkingDays(early, many) <= cal.addWorkingDays(late, many));
        assert.ok(cal.addWorkingDays(early, few) <= cal.addWorkingDays(early, many));
      }),
    );
  });

  test('workingDaysBetween undoes addWorkingDays from a working day', () => {
    fc.assert(
      fc.property(day, n, (a, k) => {
        const x = cal.nextWorkingDay(a);
        assert.equal(cal.workingDaysBetween(x, cal.addWorkingDays(x, k)), k);
      }),
    );
  });

  test('workingDaysBetween is antisymmetric and adds up over a middle day', () => {
    fc.assert(
      fc.property(day, day, day, (a, b, c) => {
        assert.equal(cal.workingDaysBetween(a, b) + cal.workingDaysBetween(b, a), 0);
        assert.equal(
          cal.workingDaysBetween(a, c),
          cal.workingDaysBetween(a, b) + cal.workingDaysBetween(b, c),
        );
      }),
    );
  });

  test('adding m then n working days is adding m + n (m, n ≥ 1)', () => {
    fc.assert(
      fc.property(day, pos, pos, (a, m, k) => {
        assert.equal(cal.addWorkingDays(a, m + k), cal.addWorkingDays(cal.addWorkingDays(a, m), k));
      }),
    );
  });

  test('day numbers agree with Date for every year 0000–9999', () => {
    // Date.UTC would read the years 0–99 as 1900–1999, so parse ISO strings instead.
    const first = Date.parse('0000-01-01T00:00:00Z') / 86_400_000;
    const last = Date.parse('9999-12-31T00:00:00Z') / 86_400_000;
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), (k) => {
        const iso = new Date(k * 86_400_000).toISOString().slice(0, 10);
        assert.equal(formatDayNumber(k), iso);
        assert.equal(parseDay(iso), k);
      }),
      { numRuns: 2000 },
    );
  });

  test('addCalendarMonths moves the month by n and keeps the day unless the month is shorter', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -240, max: 240 }), (a, k) => {
        const r = addCalendarMonths(a, k);
        const months = (s: string) => Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7));
        assert.equal(months(r) - months(a), k);
        const d = Number(a.slice(8));
        const rd = Number(r.slice(8));
        assert.ok(rd === d || (rd < d && addCalendarDays(r, 1).slice(8) === '01'));
      }),
    );
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bankHolidayList } from './bank-holidays.ts';
import { presentWorkItOut, presentWorkingDays } from './pages.presenter.ts';
import { chooseYear, yearPage } from './pages.rules.ts';
import { WorkingCalendar } from './working-days.ts';

const calendar = new WorkingCalendar([{ day: '2026-12-29', reason: 'Council closure' }]);

test('the page opens on this year, and a year out of range is explained (400) rather than guessed', () => {
  assert.deepEqual(chooseYear(undefined, '2026-11-27'), { year: 2026 });
  assert.deepEqual(chooseYear('2031', '2026-11-27'), { year: 2031 });
  for (const bad of ['1999', '2101', '', 'next', '20266']) {
    const choice = chooseYear(bad, '2026-11-27');
    assert.equal(choice.year, 2026, bad);
    assert.equal(choice.problem?.text, 'Enter a year from 2000 to 2100');
  }
  assert.equal(yearPage('2031', '2026-11-27'), '/admin/working-days?year=2031');
  assert.equal(yearPage('1985', '2026-11-27'), '/admin/working-days?year=2026');
  assert.equal(yearPage(undefined, '2026-11-27'), '/admin/working-days?year=2026');
});

test("a year's page: its links, the asked-for year kept in the box when wrong, and the kept form's errors merged", () => {
  const base = {
    calendar,
    holidays: bankHolidayList(2026),
    closures: [{ day: '2026-12-29', reason: 'Council closure', created_at: '', created_by: null }],
    canManage: true,
  };
  const ok = presentWorkingDays({ asked: undefined, choice: { year: 2026 }, ...base });
  assert.equal(ok.status, 200);
  assert.equal(ok.view.title, 'Working days in 2026');
  assert.equal(ok.view.previousYear, 2025);
  assert.equal(ok.view.nextYear, 2027);
  assert.equal(ok.view.errors, undefined);
  assert.deepEqual(ok.view.closures, [
    { day: '2026-12-29', date: 'Tuesday 29 December 2026', reason: 'Council closure' },
  ]);
  assert.equal(
    presentWorkingDays({ asked: '2100', choice: { year: 2100 }, ...base }).view.nextYear,
    undefined,
  );

  const bad = presentWorkingDays({
    asked: '1999',
    choice: chooseYear('1999', '2026-11-27'),
    ...base,
    kept: {
      values: { day: '2026-12-26' },
      errors: { summary: [{ text: 'A Saturday', href: '#day' }], fields: { day: { text: 'A Saturday' } } },
    },
  });
  assert.equal(bad.status, 400);
  assert.equal(bad.view.yearValue, '1999');
  assert.deepEqual(
    bad.view.errors?.summary.map((s) => s.href),
    ['#year', '#day'],
  );
  assert.deepEqual(bad.view.values, { day: '2026-12-26' });
});

test('"work it out" answers a right question, explains wrong ones, and asks nothing of an empty form', () => {
  const empty = presentWorkItOut(calendar, {}, '2026-11-27');
  assert.equal(empty.status, 200);
  assert.equal(empty.view.result, undefined);
  assert.deepEqual(empty.view.values, { start: '2026-11-27', days: '' });

  // Christmas, the weekend, the Boxing Day substitute and the closure on the 29th are not counted.
  const answered = presentWorkItOut(calendar, { start: '2026-12-24', days: '2' }, '2026-11-27');
  assert.equal(answered.status, 200);
  assert.equal(answered.view.result?.sentence, '2 working days after 24 December 2026 is 31 December 2026.');

  const wrong = presentWorkItOut(calendar, { start: '2026-02-30', days: '501' }, '2026-11-27');
  assert.equal(wrong.status, 400);
  assert.deepEqual(
    wrong.view.errors?.summary.map((s) => s.href),
    ['#start', '#days'],
  );

  const tooFar = presentWorkItOut(calendar, { start: '2200-12-01', days: '500' }, '2026-11-27');
  assert.equal(tooFar.status, 400);
  assert.match(tooFar.view.errors!.summary[0]!.text, /The due date must fall between 1980 and 2200/);
});

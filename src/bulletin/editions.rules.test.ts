import assert from 'node:assert/strict';
import { test } from 'node:test';
import { editionTitle, monthName, shiftMonth } from './editions.rules.ts';

test('a month is named as Intl names it in British English, for every month of a year', () => {
  const intl = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'long', year: 'numeric' });
  for (let m = 1; m <= 12; m++) {
    const month = `2027-${String(m).padStart(2, '0')}`;
    assert.equal(monthName(month), intl.format(new Date(`${month}-15T12:00:00Z`)));
  }
  assert.equal(editionTitle('2026-12'), 'December 2026 Practice and Learning Bulletin');
  assert.equal(monthName(shiftMonth('2026-12', 1)), 'January 2027');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CellError, day } from './fields.ts';

test('an import date must be one the Hub can mean: not after today, not before 1990 (issue 11 item 3)', () => {
  const referral = day('referral_date', '2026-11-27');
  assert.equal(referral('2026-11-27'), '2026-11-27');
  assert.equal(referral('1990-01-01'), '1990-01-01');
  assert.throws(
    () => referral('1979-12-31'),
    (e) => e instanceof CellError && /before 1 January 1990/.test(e.message),
  );
  assert.throws(() => referral('0001-01-01'), CellError);
  assert.throws(() => referral('2026-11-28'), /is in the future/);
  assert.throws(() => referral('2021-02-30'), /not a real date/);
});

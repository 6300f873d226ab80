import assert from 'node:assert/strict';
import { test } from 'node:test';
import { presentStaffImport, staffImported } from './staff-import.presenter.ts';

test('the import page lists the columns, and a refused file its problems by row', () => {
  const blank = presentStaffImport();
  assert.equal(blank.columns[0], 'staff_number');
  assert.equal('rowErrors' in blank, false, 'no problems table before a file is sent');

  const refused = presentStaffImport([
    { row: null, message: 'The file must be a CSV file (.csv).' },
    { row: 3, message: 'email is not a valid email address' },
  ]);
  assert.deepEqual(refused.rowErrors, [
    [{ text: 'Whole file' }, { text: 'The file must be a CSV file (.csv).' }],
    [{ text: '3' }, { text: 'email is not a valid email address' }],
  ]);
  assert.equal(refused.errors?.summary[0]?.href, '#file');
});

test('an imported file is summed up in one sentence', () => {
  assert.equal(
    staffImported({ created: 2, updated: 1, unchanged: 40 }),
    'Staff file imported: 2 added, 1 changed, 40 unchanged.',
  );
});

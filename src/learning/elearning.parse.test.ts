import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkCompletionRows, readCompletionsCsv } from './elearning.parse.ts';

const lookups = {
  staffByEmail: new Map([['amina.hussain@calderbrook.example', 'amina']]),
  moduleByTitle: new Map([['unconscious bias', 'bias']]),
};

test('a file from Excel (byte order mark, headings in any case) is read by column name', () => {
  const read = readCompletionsCsv(
    '\uFEFFEmail,Module,Completed_On\r\nAmina.Hussain@calderbrook.example,Unconscious bias,2026-10-01\r\n',
  );
  assert.ok(read.ok);
  const { rows, errors } = checkCompletionRows(read.records, lookups, '2026-11-27');
  assert.deepEqual(errors, []);
  assert.deepEqual(rows, [{ staffId: 'amina', moduleId: 'bias', day: '2026-10-01' }]);
});

test('a file missing a column, or with no rows, is refused as a whole', () => {
  assert.deepEqual(readCompletionsCsv('email,module\na,b\n'), {
    ok: false,
    errors: [{ row: 1, message: 'Missing columns: completed_on' }],
  });
  assert.deepEqual(readCompletionsCsv('email,module,completed_on\n'), {
    ok: false,
    errors: [{ row: null, message: 'The file has no rows.' }],
  });
});

test('every wrong row is listed with its row number (the header is row 1), and only good rows are kept', () => {
  const read = readCompletionsCsv(
    'email,module,completed_on\nnobody@x.example,Unconscious Bias,2026-10-01\namina.hussain@calderbrook.example,Knitting,01/10/2026\namina.hussain@calderbrook.example,Unconscious Bias,2026-12-01\n',
  );
  assert.ok(read.ok);
  const { rows, errors } = checkCompletionRows(read.records, lookups, '2026-11-27');
  assert.deepEqual(rows, []);
  assert.deepEqual(errors, [
    { row: 2, message: 'No member of staff has the email "nobody@x.example"' },
    { row: 3, message: 'There is no e-learning module called "Knitting"' },
    { row: 3, message: 'completed_on must be a date as YYYY-MM-DD, not "01/10/2026"' },
    { row: 4, message: 'completed_on 2026-12-01 is in the future' },
  ]);
});

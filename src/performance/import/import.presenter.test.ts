import assert from 'node:assert/strict';
import { test } from 'node:test';
import { importedMessage, presentImportPage, presentPreview, templateCsv } from './import.presenter.ts';
import { importerFor } from './importers.ts';

test('the import page offers every kind of file and the Annex A workbook, with nothing chosen', () => {
  const view = presentImportPage();
  assert.equal(view.title, 'Import children’s records');
  assert.ok(view.kindItems.some((k) => k.value === 'visits' && k.text === 'Statutory visits'));
  assert.equal(view.kindItems.at(-1)!.value, 'annex-a');
  assert.ok(view.kindItems.every((k) => !k.checked));
  assert.equal('rowErrors' in view, false);
  assert.equal('expired' in view, false);
});

test('a refused file: the kind stays chosen, each problem is a row, and the rest are counted', () => {
  const errors = [
    { row: 3, message: 'date "yesterday" is not a real date' },
    { row: null, message: 'The file has no rows' },
  ];
  const view = presentImportPage({ ok: false, status: 422, kind: 'visits', errors, total: 250 });
  assert.deepEqual(
    view.kindItems.filter((k) => k.checked).map((k) => k.value),
    ['visits'],
  );
  assert.deepEqual(view.rowErrors, [
    [{ text: '3' }, { text: 'date "yesterday" is not a real date' }],
    [{ text: 'Whole file' }, { text: 'The file has no rows' }],
  ]);
  assert.equal(view.moreErrors, 248);
  assert.equal(view.errors?.summary[0]?.href, '#file');
});

test('an upload that is no longer waiting says so; the preview and the message after importing', () => {
  assert.equal(presentImportPage({ ok: false, expired: true, status: 400 }).expired, true);
  const importer = importerFor('visits')!;
  const upload = { token: 'a'.repeat(32), kind: 'visits', name: 'visits.csv', staffId: 's', rows: 2 };
  const preview = presentPreview({ ok: true, upload, importer, table: { head: [], rows: [] } });
  assert.equal(preview.title, 'Check before importing: statutory visits');
  assert.equal(
    importedMessage('Statutory visits imported from visits.csv: 2 added, 0 changed, 0 unchanged.'),
    'Statutory visits imported from visits.csv: 2 added, 0 changed, 0 unchanged. What is due for each child has been worked out again.',
  );
});

test('a template has the kind’s columns and an example row; an unknown kind gets the first (children)', () => {
  const visits = templateCsv('visits');
  assert.equal(visits.filename, 'visits-template.csv');
  // Excel reads a CSV as UTF-8 only with a byte order mark; lines end with CRLF.
  assert.ok(visits.body.startsWith('\uFEFF'));
  const lines = visits.body
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  assert.equal(lines[0], 'visit_id,child_id,date,kind,seen,seen_alone');
  assert.equal(lines.length, 2);
  assert.equal(templateCsv('nonsense').filename, 'children-template.csv');
  assert.equal(templateCsv(undefined).filename, 'children-template.csv');
});

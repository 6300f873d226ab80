import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { toXlsx } from './table-export.ts';

test('an XLSX export keeps numbers as numbers and neutralises cells a spreadsheet would run', async () => {
  const buffer = await toXlsx({
    filename: 'x',
    sheetName: 'Children',
    columns: [
      { header: 'name', value: (r: { name: string; n: number }) => r.name },
      { header: 'count', value: (r) => r.n },
    ],
    rows: [
      { name: '=HYPERLINK("http://evil")', n: 3 },
      { name: 'Amara', n: 0 },
    ],
  });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('Children');
  assert.ok(sheet);
  assert.deepEqual([sheet.getCell('A1').value, sheet.getCell('B1').value], ['name', 'count']);
  assert.equal(sheet.getCell('A2').value, `'=HYPERLINK("http://evil")`);
  assert.equal(sheet.getCell('B2').value, 3);
  assert.equal(sheet.getCell('A3').value, 'Amara');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { toCsv } from '../csv.ts';
import { findPython, runPython } from '../python.ts';
import { type ExportColumn, type TableExport, toXlsx } from './table-export.ts';

interface Row {
  name: string | null;
  born: string | null;
  at: string | null;
  n: number | null;
  mean: string;
}

const columns: ExportColumn<Row>[] = [
  { header: 'Name', value: (r) => r.name },
  { header: 'Born', value: (r) => r.born, type: 'date' },
  { header: 'Recorded', value: (r) => r.at, type: 'date' },
  { header: 'Visits', value: (r) => r.n, type: 'number' },
  { header: 'Mean score', value: (r) => r.mean, type: 'number', format: '0.0' },
];

const table: TableExport<Row> = {
  filename: 'x',
  sheetName: 'Complaints received and answered in time, by month',
  columns,
  rows: [
    // Row 2: a summer instant (BST), a formula, a number.
    { name: '=1+2', born: '2023-04-14', at: '2026-07-01T08:30:00.000Z', n: 3, mean: '4.5' },
    // Row 3: missing values everywhere but the name, which is a full-width formula.
    { name: '＝HYPERLINK("http://evil.example")', born: null, at: null, n: null, mean: '' },
    // Row 4: ordinary text, a winter instant (GMT), a negative number.
    { name: 'Zoë Ó Briain', born: '2026-12-01', at: '2026-11-27T09:05:00.000Z', n: -2, mean: '–' },
  ],
};

const sheetOf = async (buffer: Buffer) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  assert.ok(sheet);
  return sheet;
};

test('a sheet name longer than Excel allows is cut at a word, with no trailing space', async () => {
  const sheet = await sheetOf(await toXlsx(table));
  assert.equal(sheet.name, 'Complaints received and');
});

test('XLSX: dates are date cells in London time, numbers are numbers, missing values are empty cells', async () => {
  const sheet = await sheetOf(await toXlsx(table));
  const born = sheet.getCell('B2');
  assert.equal(born.type, ExcelJS.ValueType.Date, 'an ISO date is a date cell');
  assert.deepEqual(born.value, new Date(Date.UTC(2023, 3, 14)));
  assert.equal(born.numFmt, 'd mmm yyyy');
  const summer = sheet.getCell('C2');
  assert.equal(summer.type, ExcelJS.ValueType.Date, 'an instant is a date cell');
  // 08:30 UTC on 1 July is 09:30 in London (BST); a spreadsheet date has no zone, so it holds 09:30.
  assert.deepEqual(summer.value, new Date(Date.UTC(2026, 6, 1, 9, 30)));
  assert.equal(summer.numFmt, 'd mmm yyyy hh:mm');
  assert.deepEqual(sheet.getCell('C4').value, new Date(Date.UTC(2026, 10, 27, 9, 5)), 'GMT in winter');
  assert.equal(sheet.getCell('D2').value, 3);
  assert.equal(sheet.getCell('D4').value, -2, 'a negative number is a number, not neutralised text');
  assert.equal(sheet.getCell('E2').value, 4.5, 'a decimal given as text in a number column is a number');
  assert.equal(sheet.getCell('E2').numFmt, '0.0');
  assert.equal(sheet.getCell('E4').value, '–', 'text that is not a number stays text');
  for (const ref of ['B3', 'C3', 'D3', 'E3']) {
    assert.equal(sheet.getCell(ref).value, null, `${ref} is a truly empty cell`);
    assert.equal(sheet.getCell(ref).type, ExcelJS.ValueType.Null);
  }
  assert.equal(sheet.getCell('A4').value, 'Zoë Ó Briain');
});

test('XLSX: formula-looking text is kept as it was, in a quote-prefixed cell, never as a formula', async () => {
  const buffer = await toXlsx(table);
  const sheet = await sheetOf(buffer);
  assert.equal(sheet.getCell('A2').type, ExcelJS.ValueType.String);
  assert.equal(sheet.getCell('A2').value, '=1+2', 'no literal apostrophe in the value');
  assert.equal(sheet.getCell('A3').value, '＝HYPERLINK("http://evil.example")');
  // exceljs does not read quotePrefix, so read the parts: each cell's style index, then that style.
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  const styles = await zip.file('xl/styles.xml')!.async('string');
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1]!.match(/<xf\b[^>]*>/g)!;
  const styleOf = (ref: string) => {
    const s = new RegExp(`<c r="${ref}"[^>]*\\bs="(\\d+)"`).exec(xml)?.[1];
    return s === undefined ? '' : xfs[Number(s)]!;
  };
  assert.match(styleOf('A2'), /quotePrefix="1"/);
  assert.match(styleOf('A3'), /quotePrefix="1"/);
  assert.doesNotMatch(styleOf('A4'), /quotePrefix/, 'ordinary text is not quote-prefixed');
  assert.doesNotMatch(xml, /<f>/, 'no cell holds a formula');
});

test('CSV: UTF-8 with a byte order mark, CRLF line ends, formulas neutralised with an apostrophe', () => {
  const bytes = Buffer.from(toCsv(table.rows, columns), 'utf8');
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'starts with the UTF-8 byte order mark');
  const text = bytes.subarray(3).toString('utf8');
  assert.equal(text.match(/\r\n/g)?.length, 4, 'a CRLF after the header and each of 3 rows');
  assert.doesNotMatch(text, /[^\r]\n/, 'no bare LF');
  const lines = text.split('\r\n');
  assert.equal(lines[0], 'Name,Born,Recorded,Visits,Mean score');
  assert.equal(lines[1], "'=1+2,2023-04-14,2026-07-01T08:30:00.000Z,3,4.5");
  assert.equal(lines[2], `"'＝HYPERLINK(""http://evil.example"")",,,,`);
  assert.equal(lines[3], 'Zoë Ó Briain,2026-12-01,2026-11-27T09:05:00.000Z,-2,–');
});

const OPENPYXL = `
import sys, io, json, openpyxl
book = openpyxl.load_workbook(io.BytesIO(sys.stdin.buffer.read()))
sheet = book.worksheets[0]
out = {"sheet": sheet.title, "cells": {}}
for ref in ["A2", "A3", "A4", "B2", "C2", "D2", "E2", "B3", "D3"]:
    c = sheet[ref]
    out["cells"][ref] = {
        "data_type": c.data_type,
        "is_date": c.is_date,
        "number_format": c.number_format,
        "value": c.value.isoformat() if hasattr(c.value, "isoformat") else c.value,
        "quotePrefix": bool(c.quotePrefix),
    }
print(json.dumps(out))
`;

interface PyCell {
  data_type: string;
  is_date: boolean;
  number_format: string;
  value: unknown;
  quotePrefix: boolean;
}

const py = findPython(['openpyxl']);
test('XLSX read by openpyxl (another reader than the writer)', { skip: py.skip }, async () => {
  const out = runPython(py.python!, OPENPYXL, await toXlsx(table)) as {
    sheet: string;
    cells: Record<string, PyCell>;
  };
  const c = out.cells;
  assert.equal(out.sheet, 'Complaints received and', 'sheet title: cut at a word');
  // cell.is_date and cell.value: real dates, instants at London wall-clock time.
  assert.equal(c.B2!.is_date, true, 'B2 is_date');
  assert.equal(c.B2!.value, '2023-04-14T00:00:00');
  assert.equal(c.B2!.number_format, 'd mmm yyyy');
  assert.equal(c.C2!.is_date, true, 'C2 is_date');
  assert.equal(c.C2!.value, '2026-07-01T09:30:00');
  assert.equal(c.C2!.number_format, 'd mmm yyyy hh:mm');
  // cell.data_type 'n': numbers.
  assert.equal(c.D2!.data_type, 'n', 'D2 data_type');
  assert.equal(c.D2!.value, 3);
  assert.equal(c.E2!.value, 4.5);
  // cell.value None: truly empty cells.
  assert.equal(c.B3!.value, null, 'B3 value is None');
  assert.equal(c.D3!.value, null, 'D3 value is None');
  // cell.quotePrefix with data_type 's': formula-looking text kept as text, without an apostrophe.
  assert.deepEqual([c.A2!.data_type, c.A2!.value, c.A2!.quotePrefix], ['s', '=1+2', true], 'A2 quotePrefix');
  assert.equal(c.A3!.quotePrefix, true, 'A3 (full-width ＝) quotePrefix');
  assert.equal(c.A4!.quotePrefix, false, 'A4 ordinary text has no quotePrefix');
});

import type { FastifyReply } from 'fastify';
import { toCsv } from '../csv.ts';
import { xlsxCell } from './cells.ts';
import { markQuotePrefixed, QUOTE_PREFIX_FORMAT } from './quote-prefix.ts';
import { sheetName } from './sheet-name.ts';

export type ExportFormat = 'csv' | 'xlsx';

/**
 * What a column holds, for the XLSX file (a CSV has no cell types):
 * - 'date': an ISO date (2026-11-27) or instant (2026-11-27T09:00:00Z) or a Date,
 *   written as a real date cell; instants in Europe/London wall-clock time.
 * - 'number': numbers, and text that is a plain decimal number ("3.5"), as number cells.
 * - 'text': always text.
 * Without a type, finite numbers are numbers and everything else is text.
 */
export type ColumnType = 'text' | 'number' | 'date';

export interface ExportColumn<T> {
  header: string;
  value: (row: T) => unknown;
  type?: ColumnType;
  /**
   * Excel number format, e.g. '0.0' or '0%'. Dates default to 'd mmm yyyy',
   * instants to 'd mmm yyyy hh:mm'.
   */
  format?: string;
}

/** One table as a download: the same columns serve the CSV and the XLSX file. */
export interface TableExport<T> {
  /** File name without extension, e.g. "team-visits-2026-11-27". */
  filename: string;
  /** Worksheet name in the XLSX file; cut at a word to Excel's 31 characters (see sheetName). */
  sheetName: string;
  columns: ExportColumn<T>[];
  rows: T[];
}

const MAX_WIDTH = 60;

/**
 * An XLSX workbook with one sheet: a bold, frozen header row; dates as date
 * cells, numbers as number cells, missing values as truly empty cells, and
 * text that looks like a formula kept as that text with the cell's
 * quote-prefix style (what Excel itself stores when someone types '=1+2).
 */
export async function toXlsx<T>(table: TableExport<T>): Promise<Buffer> {
  // exceljs is loaded by the first download, not by every process that imports this module.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName(table.sheetName), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const widths = table.columns.map((c) => c.header.length);
  const header = sheet.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  let quoted = false;
  for (const row of table.rows) {
    const cells = table.columns.map((c) => xlsxCell(c.value(row), c.type, c.format));
    const added = sheet.addRow(cells.map((c) => c.value));
    cells.forEach((c, i) => {
      if (c.numFmt) added.getCell(i + 1).numFmt = c.numFmt;
      if (c.quotePrefix) {
        added.getCell(i + 1).numFmt = QUOTE_PREFIX_FORMAT;
        quoted = true;
      }
      widths[i] = Math.max(widths[i]!, c.width);
    });
  }
  widths.forEach((w, i) => {
    sheet.getColumn(i + 1).width = Math.min(MAX_WIDTH, w + 2);
  });
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return quoted ? markQuotePrefixed(buffer) : buffer;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Sends a table as an attachment. The guard audits any response with a
 * content-disposition header as an export, so callers need do nothing more.
 */
export async function sendTable<T>(reply: FastifyReply, format: ExportFormat, table: TableExport<T>) {
  const body = format === 'xlsx' ? await toXlsx(table) : toCsv(table.rows, table.columns);
  return reply
    .type(CONTENT_TYPES[format])
    .header('content-disposition', `attachment; filename="${table.filename}.${format}"`)
    .send(body);
}

/** Reads ?format=csv|xlsx; anything else is CSV. */
export function exportFormat(query: unknown): ExportFormat {
  const f = (query as { format?: unknown } | undefined)?.format;
  return f === 'xlsx' ? 'xlsx' : 'csv';
}

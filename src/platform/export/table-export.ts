import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { neutralise, toCsv } from '../csv.ts';

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportColumn<T> {
  header: string;
  value: (row: T) => unknown;
}

/** One table as a download: the same columns serve the CSV and the XLSX file. */
export interface TableExport<T> {
  /** File name without extension, e.g. "team-visits-2026-11-27". */
  filename: string;
  /** Worksheet name in the XLSX file (Excel allows 31 characters). */
  sheetName: string;
  columns: ExportColumn<T>[];
  rows: T[];
}

/**
 * An XLSX workbook with one sheet. Numbers stay numbers; every text cell goes
 * through neutralise so a spreadsheet never reads it as a formula.
 */
export async function toXlsx<T>(table: TableExport<T>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(table.sheetName.slice(0, 31));
  sheet.addRow(table.columns.map((c) => c.header)).font = { bold: true };
  for (const row of table.rows) {
    sheet.addRow(
      table.columns.map((c) => {
        const v = c.value(row);
        return typeof v === 'number' && Number.isFinite(v) ? v : neutralise(v);
      }),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
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

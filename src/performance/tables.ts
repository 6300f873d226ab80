import type { FastifyReply } from 'fastify';
import { exportFormat, sendTable } from '../platform/export/table-export.ts';
import { escapeHtml } from '../platform/views/format.ts';

/**
 * One table, two outputs: the page (a GOV.UK table, some cells linking to the
 * children behind them) and the CSV/XLSX download, from the same columns.
 */
export interface Column<T> {
  header: string;
  value: (row: T) => string | number;
  /** A link for the cell on the page (the children behind a number). */
  href?: (row: T) => string | null;
  numeric?: boolean;
}

export interface TableSpec<T> {
  name: string;
  caption: string;
  columns: Column<T>[];
  rows: T[];
}

export function pageTable<T>(t: TableSpec<T>) {
  return {
    caption: t.caption,
    head: t.columns.map((c) => ({ text: c.header, format: c.numeric ? 'numeric' : undefined })),
    rows: t.rows.map((row) =>
      t.columns.map((c) => {
        const text = String(c.value(row));
        const href = c.href?.(row);
        const format = c.numeric ? 'numeric' : undefined;
        return href
          ? { html: `<a class="govuk-link" href="${escapeHtml(href)}">${escapeHtml(text)}</a>`, format }
          : { text, format };
      }),
    ),
  };
}

export function downloadTable<T>(reply: FastifyReply, query: unknown, t: TableSpec<T>, day: string) {
  return sendTable(reply, exportFormat(query), {
    filename: `${t.name}-${day}`,
    sheetName: t.caption,
    columns: t.columns.map((c) => ({ header: c.header, value: c.value })),
    rows: t.rows,
  });
}

/** A query string from the non-empty values. */
export function qs(values: Record<string, string | undefined | null>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The CSV and XLSX links for a download route (which may already have a query string). */
export function downloadLinks(href: string) {
  const join = href.includes('?') ? '&' : '?';
  return { csv: `${href}${join}format=csv`, xlsx: `${href}${join}format=xlsx` };
}

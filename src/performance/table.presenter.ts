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

/** A query string from the non-empty values. */
export function qs(values: Record<string, string | undefined | null>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The CSV and XLSX links for a download (the query string, if any, carries the page's filters). */
export function downloadLinks(href: string) {
  const [base, query] = href.split('?');
  const q = query ? `?${query}` : '';
  return { csv: `${base}.csv${q}`, xlsx: `${base}.xlsx${q}` };
}

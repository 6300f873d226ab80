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

/**
 * The table as the page shows it. The first column labels each row, so it is a
 * row header (a screen reader announces it with every cell). A number that
 * links to the children behind it carries, after the number, hidden words
 * saying what it counts and for which row ("0: not seen within their
 * timescale, Assessment Team 1"), so a list of links never reads "0, 0, 12".
 */
export function pageTable<T>(t: TableSpec<T>) {
  const [labelColumn] = t.columns;
  return {
    caption: t.caption,
    firstCellIsHeader: true,
    head: t.columns.map((c) => ({ text: c.header, format: c.numeric ? 'numeric' : undefined })),
    rows: t.rows.map((row) =>
      t.columns.map((c) => {
        const text = String(c.value(row));
        const href = c.href?.(row);
        const format = c.numeric ? 'numeric' : undefined;
        if (!href) return { text, format };
        const counts =
          c.numeric && c !== labelColumn
            ? `<span class="govuk-visually-hidden">: ${escapeHtml(lowerFirst(c.header))}, ${escapeHtml(String(labelColumn!.value(row)))}</span>`
            : '';
        return {
          html: `<a class="govuk-link" href="${escapeHtml(href)}">${escapeHtml(text)}${counts}</a>`,
          format,
        };
      }),
    ),
  };
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

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

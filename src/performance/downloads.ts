import type { FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';
import { type PageAudit, type PageContext, page } from '../platform/http/page.ts';
import type { Action } from '../platform/policy/policy.ts';
import type { TableSpec } from './table.presenter.ts';

type Schema = z.ZodType;
type Out<S> = S extends Schema ? z.infer<S> : Record<string, never>;
type Format = 'csv' | 'xlsx';

export interface DownloadSpec<
  Perm extends Action,
  PS extends Schema | undefined,
  QS extends Schema | undefined,
> {
  /** The address without its extension: the download is at base.csv and base.xlsx. */
  base: string;
  permission: Perm;
  params?: PS;
  query?: QS;
  /** How a download is audited (always: it is an export), given its address without the query string. */
  audit: (path: string) => Exclude<PageAudit<Out<PS>, Out<QS>>, false>;
}

/** A table and the day it is for (the file is named after both). */
export interface Download<T> {
  table: TableSpec<T>;
  day: string;
}

/**
 * A download at base.csv and base.xlsx: the address says what it is, so
 * browsers, crawlers and people all know a link is a file before following it.
 * `load` gets the parsed request, like a page's handler, and answers the table.
 */
export function downloadPages<
  Perm extends Action,
  PS extends Schema | undefined = undefined,
  QS extends Schema | undefined = undefined,
  T = unknown,
>(
  app: FastifyInstance,
  spec: DownloadSpec<Perm, PS, QS>,
  load: (ctx: PageContext<Perm, Out<PS>, Out<QS>, Record<string, never>>) => Promise<Download<T>>,
) {
  for (const format of ['csv', 'xlsx'] as const) {
    const url = `${spec.base}.${format}`;
    page<Perm, PS, QS>(
      app,
      {
        method: 'GET',
        url,
        permission: spec.permission,
        params: spec.params,
        query: spec.query,
        audit: spec.audit(url),
      },
      async (ctx) => sendDownload(ctx.reply, format, await load(ctx)),
    );
  }
}

/** Sends the table as CSV or XLSX. */
async function sendDownload<T>(reply: FastifyReply, format: Format, { table, day }: Download<T>) {
  // Loaded on the first download, not at start-up: the XLSX writer (exceljs) takes about 200 ms to load.
  const { sendTable } = await import('../platform/export/table-export.ts');
  return sendTable(reply, format, {
    filename: `${table.name}-${day}`,
    sheetName: table.caption,
    columns: table.columns.map((c) => ({ header: c.header, value: c.value })),
    rows: table.rows,
  });
}

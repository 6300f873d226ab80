import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

/** Limits that keep a hostile or mistaken file from exhausting memory or the database. */
export const IMPORT_LIMITS = {
  maxRows: 2_000_000,
  maxCellLength: 500,
  /** Characters in one record; csv-parse stops at this, so one huge cell cannot fill memory. */
  maxRecordSize: 16_384,
  maxErrorsKept: 200,
};

export class FileProblem extends Error {}

/**
 * The records of a CSV file, streamed: memory stays flat however long the file.
 * Row numbers count the header as row 1, as a spreadsheet shows them.
 */
export async function* csvRecords(file: string): AsyncGenerator<{ row: number; cells: string[] }> {
  const parser = createReadStream(file).pipe(
    parse({
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      max_record_size: IMPORT_LIMITS.maxRecordSize,
    }),
  );
  let row = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      row++;
      if (row > IMPORT_LIMITS.maxRows + 1)
        throw new FileProblem(
          `The file has more than ${IMPORT_LIMITS.maxRows.toLocaleString('en-GB')} rows; split it into smaller files.`,
        );
      // csv-parse decodes each whole field as UTF-8 (fields end at ASCII delimiters, so a
      // character is never split between reads) and puts U+FFFD where the bytes are not UTF-8.
      // A file already holding U+FFFD has lost characters before it reached us: refused too.
      if (cells.some((c) => c.includes('\uFFFD')))
        throw new FileProblem(
          `Row ${row} is not UTF-8 text, so some of its characters cannot be read. Save the file from Excel as "CSV UTF-8" and upload it again.`,
        );
      yield { row, cells };
    }
  } catch (err) {
    if (err instanceof FileProblem) throw err;
    const e = err as { code?: string; lines?: number; message?: string };
    // The parser reads ahead of the rows handed out, so its own line count says where it stopped.
    const at = e.lines ?? row + 1;
    if (e.code === 'CSV_MAX_RECORD_SIZE')
      throw new FileProblem(
        `Row ${at} is longer than ${IMPORT_LIMITS.maxRecordSize.toLocaleString('en-GB')} characters: is this the right file?`,
      );
    throw new FileProblem(
      `The file could not be read as CSV near line ${at}: ${String(e.message ?? err).slice(0, 200)}`,
    );
  } finally {
    parser.destroy();
  }
}
